/**
 * Each exercise type's screens, by type: the exercise the learner answers, its fields in the studio,
 * its part of the feedback and what the article highlights for it. `Record<ItemType, …>` makes the compiler refuse a type without its
 * folder; the player, the feedback and the item editor find a type's parts here, never through a
 * chain of `{#if}`s.
 */
import type { Component, Snippet } from 'svelte';
import type { Answer, ScoreDetail } from '../../shared/answers';
import type { Item } from '../../shared/pack/schema';
import type { ItemType } from '../../shared/pack/vocabulary';
import type { Draft } from '../lib/drafts';
import type { Highlighter, Shown } from '../lib/highlights';
import type { Update } from '../lib/item-fields';
import type { DraftEditor } from '../screens/draft-editor.svelte';
import type { FindMarker } from '../screens/find-marker.svelte';
import type { Answered } from '../screens/player.svelte';
import { highlightClaim } from './claim-highlight';
import ClassifyEditor from './classify/Editor.svelte';
import ClassifyExercise from './classify/Exercise.svelte';
import ClassifyFeedback from './classify/Feedback.svelte';
import FindEditor from './find/Editor.svelte';
import FindExercise from './find/Exercise.svelte';
import FindFeedback from './find/Feedback.svelte';
import { highlightFind } from './find/highlight';
import HeadlineEditor from './headline/Editor.svelte';
import HeadlineExercise from './headline/Exercise.svelte';
import HeadlineFeedback from './headline/Feedback.svelte';
import { highlightHeadline } from './headline/highlight';
import NumbersEditor from './numbers/Editor.svelte';
import NumbersExercise from './numbers/Exercise.svelte';
import NumbersFeedback from './numbers/Feedback.svelte';
import { highlightNumbers } from './numbers/highlight';
import SourceEditor from './source/Editor.svelte';
import SourceExercise from './source/Exercise.svelte';
import SourceFeedback from './source/Feedback.svelte';

/** What the player gives every exercise (the find marker and its help are for find items). */
export interface ExerciseProps<I extends Item> {
  item: I;
  answered: Answered | undefined;
  /** Until answered: what the learner has chosen so far, kept across a reload (the form writes it as it changes). */
  draft: Draft | undefined;
  saving: boolean;
  onsubmit: (answer: Answer) => void;
  finder: FindMarker | undefined;
  helpId: string;
}

/** What the item editor gives every type's fields: `id` is the item's element id prefix, `path` its pack path (`items[N]`). */
export interface EditorProps<I extends Item> {
  editor: DraftEditor;
  id: string;
  path: string;
  item: I;
  update: Update<I>;
}

/** A type's part of the feedback; the explanation comes in as `children`, placed where the type reads best. */
export interface FeedbackProps<I extends Item> {
  item: I;
  detail: Extract<ScoreDetail, { type: I['type'] }>;
  children: Snippet;
}

export interface ExerciseViews<I extends Item> {
  Exercise: Component<ExerciseProps<I>>;
  Editor: Component<EditorProps<I>>;
  Feedback: Component<FeedbackProps<I>>;
  /** The hint under the explanation field in the studio. */
  explanationHint: string;
  /** What the article highlights for the item. */
  highlight: (item: I, on: Highlighter, shown: Shown) => void;
}

const EXERCISE_VIEWS = {
  classify: {
    Exercise: ClassifyExercise,
    Editor: ClassifyEditor,
    Feedback: ClassifyFeedback,
    highlight: (item, on, shown) => highlightClaim(item.claim, on, shown),
    explanationHint:
      'Shown after answering. Say which cue words decide the label, and who the source is and through whom it came.',
  },
  find: {
    Exercise: FindExercise,
    Editor: FindEditor,
    Feedback: FindFeedback,
    highlight: highlightFind,
    explanationHint: 'Shown after answering. Name the spans, the cue words that mark them, and whose words they are.',
  },
  source: {
    Exercise: SourceExercise,
    Editor: SourceEditor,
    Feedback: SourceFeedback,
    highlight: (item, on, shown) => highlightClaim(item.claim, on, shown),
    explanationHint:
      'Shown after answering. Say who the source is, through whom it reached the article, and which words show it.',
  },
  headline: {
    Exercise: HeadlineExercise,
    Editor: HeadlineEditor,
    Feedback: HeadlineFeedback,
    highlight: highlightHeadline,
    explanationHint: 'Shown after answering. Say which words in the body support the headline, or what it claims beyond them.',
  },
  numbers: {
    Exercise: NumbersExercise,
    Editor: NumbersEditor,
    Feedback: NumbersFeedback,
    highlight: highlightNumbers,
    explanationHint: 'Shown after answering. For each figure, say which cue words decide its label and whose figure it is.',
  },
} satisfies { [T in ItemType]: ExerciseViews<Extract<Item, { type: T }>> };

/**
 * The views of an item's type, typed for that item. A type's views and its items always agree (the
 * map is keyed by type), which the compiler cannot follow through a union; this one cast says so.
 */
export function viewsOf<I extends Item>(item: I): ExerciseViews<I> {
  return EXERCISE_VIEWS[item.type] as unknown as ExerciseViews<I>;
}
