/**
 * A learner working through one pack, or through a review (exercises from any number of packs, each
 * shown with its own article): which exercise is shown, the answers given in this round, saving each
 * answer against its own pack (kept for a retry when saving fails), and what the article highlights.
 */
import type { Answer, Score } from '../../shared/answers';
import { inShownOrder, shownOrder, type ShownOrder } from '../../shared/choice-order';
import type { Item, Pack } from '../../shared/pack/schema';
import { seedOf } from '../../shared/random';
import { articleCount, type ReviewPick } from '../../shared/review-mix';
import { tallyScores } from '../../shared/scoring';
import { ApiError } from '../../shared/errors';
import { Drafts, sessionDraftStorage, type Draft } from '../lib/drafts';
import { describeError } from '../lib/errors';
import { viewsOf } from '../exercises/views';
import { Highlighter, type Highlight } from '../lib/highlights';
import { previewApi, type PlayerApi } from '../lib/preview-api';
import { FindMarker } from './find-marker.svelte';

export interface Answered {
  answer: Answer;
  score: Score;
  /** The order the item's options were shown in when answered. */
  shown?: ShownOrder | undefined;
}

/** One exercise of the round: an item and the pack (the article) it belongs to. */
export interface Exercise {
  packId: string;
  item: Item;
  /** Names the exercise among all of the round's, whatever pack it is from (`answers` and `answeredTimes` use it). */
  key: string;
}

export function exerciseKey(packId: string, itemId: string): string {
  return `${packId}/${itemId}`;
}

export class PlayerState {
  /** The packs the round's exercises come from, by id: one, or in a review any number. */
  packs = $state<Record<string, Pack>>({});
  exercises = $state<Exercise[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  loadError = $state('');
  index = $state(0);
  /** The answers given in this round, by exercise key. */
  answers = $state<Record<string, Answered>>({});
  round = $state(1);
  saving = $state(false);
  saveError = $state('');
  /** Saving failed because the server was started again: retrying cannot work, only reloading the page. */
  needsReload = $state(false);
  /** The answer that could not be saved, kept so the learner can retry without answering again. */
  unsaved = $state<Answer | undefined>(undefined);
  finder = $state<FindMarker | undefined>(undefined);
  /** How many times the learner has answered each exercise before (every round and review), by exercise key: the next play of an item is one more. */
  answeredTimes = $state<Record<string, number>>({});

  readonly learnerId: string;
  /** In a review: the exercises to play, in order, each from its own pack; otherwise the pack played. */
  readonly reviewQueue: readonly ReviewPick[] | undefined;
  /** Playing a draft in the studio: answers are scored but recorded nowhere. */
  readonly preview: boolean;
  private readonly playedPackId: string | undefined;
  private readonly api: PlayerApi;
  private shownAt = Date.now();

  /** Plays the pack `play` names, or in a review the queue of exercises it lists. */
  constructor(api: PlayerApi, learnerId: string, play: string | readonly ReviewPick[], preview = false) {
    this.api = api;
    this.learnerId = learnerId;
    this.playedPackId = typeof play === 'string' ? play : undefined;
    this.reviewQueue = typeof play === 'string' ? undefined : play;
    this.preview = preview;
  }

  static preview(pack: Pack): PlayerState {
    return new PlayerState(previewApi(pack), 'preview', pack.id, true);
  }

  get reviewing(): boolean {
    return this.reviewQueue !== undefined;
  }

  /** The pack of the exercise shown (in a review it changes from one exercise to the next). */
  get packId(): string {
    return this.exercises[this.index]?.packId ?? this.playedPackId ?? this.reviewQueue?.[0]?.packId ?? '';
  }

  get pack(): Pack | undefined {
    return this.packs[this.packId];
  }

  /** How many articles (packs) the round's exercises come from. */
  get articleCount(): number {
    return articleCount(this.exercises.map((exercise) => ({ packId: exercise.packId, itemId: exercise.item.id })));
  }

  async load(): Promise<void> {
    try {
      const packIds = this.reviewQueue
        ? this.reviewQueue.map((pick) => pick.packId).filter((packId, index, all) => all.indexOf(packId) === index)
        : [this.playedPackId!];
      const loaded = await Promise.all(
        packIds.map(async (packId) => {
          const [pack, session] = await Promise.all([
            this.api.getPack({ packId }),
            this.api.getPackSession({ learnerId: this.learnerId, packId }),
          ]);
          return { packId, pack, session };
        }),
      );
      this.packs = Object.fromEntries(loaded.map(({ packId, pack }) => [packId, pack]));
      const answeredTimes: Record<string, number> = {};
      for (const { packId, session } of loaded) {
        for (const [itemId, times] of Object.entries(session.answeredTimes)) answeredTimes[exerciseKey(packId, itemId)] = times;
      }
      this.answeredTimes = answeredTimes;
      if (this.reviewQueue) {
        // A review plays only the queued items, each fresh, in the queue's order: the packs' own rounds are not touched.
        this.exercises = this.reviewQueue.flatMap(({ packId, itemId }) => {
          const item = this.packs[packId]?.items.find((candidate) => candidate.id === itemId);
          return item ? [{ packId, item, key: exerciseKey(packId, itemId) }] : [];
        });
        if (this.exercises.length === 0) throw new Error('None of these exercises is in the library any more.');
        this.answers = this.keptReviewAnswers();
      } else {
        const { pack, session } = loaded[0]!;
        this.exercises = pack.items.map((item) => ({ packId: pack.id, item, key: exerciseKey(pack.id, item.id) }));
        this.round = session.round;
        this.answers = Object.fromEntries(
          session.answers.map((entry) => [
            exerciseKey(pack.id, entry.itemId),
            { answer: entry.answer, score: entry.score, shown: entry.shown },
          ]),
        );
      }
      this.show(this.firstUnanswered() ?? 0);
      this.status = 'ready';
    } catch (error) {
      this.loadError = describeError(error);
      this.status = 'failed';
    }
  }

  get items(): Item[] {
    return this.exercises.map((exercise) => exercise.item);
  }

  /** The current item as the learner sees it: its options in the order shown (`shown`). */
  get item(): Item | undefined {
    const item = this.exercises[this.index]?.item;
    return item && inShownOrder(item, this.shown);
  }

  /** The key of the exercise shown (an item id alone may be in two packs of a review). */
  get key(): string | undefined {
    return this.exercises[this.index]?.key;
  }

  /** The answer given to the exercise at `index` in this round, if any. */
  answerAt(index: number): Answered | undefined {
    const exercise = this.exercises[index];
    return exercise ? this.answers[exercise.key] : undefined;
  }

  /**
   * The order the current item's options are shown in: as they were shown when it was answered, or
   * else this learner's order for their next play of it (the same until they answer; a reload keeps it).
   */
  get shown(): ShownOrder | undefined {
    const exercise = this.exercises[this.index];
    if (!exercise) return undefined;
    const answered = this.answers[exercise.key];
    if (answered) return answered.shown;
    const play = (this.answeredTimes[exercise.key] ?? 0) + 1;
    return shownOrder(exercise.item, { learnerId: this.learnerId, packId: exercise.packId, itemId: exercise.item.id, play });
  }

  get current(): Answered | undefined {
    return this.answerAt(this.index);
  }

  get answeredCount(): number {
    return this.exercises.filter((exercise) => this.answers[exercise.key]).length;
  }

  get finished(): boolean {
    return this.exercises.length > 0 && this.answeredCount === this.exercises.length;
  }

  /** The round's score: answered, right, per type, and the exercises missed (their indexes). */
  get summary() {
    if (this.exercises.length === 0) return undefined;
    const answered = this.exercises.flatMap((exercise, index) => {
      const score = this.answers[exercise.key]?.score;
      return score ? [{ index, score }] : [];
    });
    const scores = answered.map(({ score }) => score);
    return {
      answered: answered.length,
      total: this.exercises.length,
      correct: scores.filter((score) => score.correct).length,
      byType: tallyScores(scores).byType,
      missed: answered.filter(({ score }) => !score.correct).map(({ index }) => index),
    };
  }

  firstUnanswered(): number | undefined {
    const index = this.exercises.findIndex((exercise) => !this.answers[exercise.key]);
    return index === -1 ? undefined : index;
  }

  show(index: number): void {
    this.index = Math.max(0, Math.min(this.exercises.length - 1, index));
    this.saveError = '';
    this.unsaved = undefined;
    this.shownAt = Date.now();
    const item = this.item;
    this.finder = item?.type === 'find' && !this.current && this.pack ? new FindMarker(this.pack.article.paragraphs) : undefined;
    if (this.finder && item) this.finder.restore(this.drafts.of(item.id).read()?.marks);
  }

  /**
   * In a review: the answers given so far, kept in the tab's session storage (as drafts are), so that
   * a reload resumes the review with them; the backend has each already, as an answer to its pack.
   */
  private get reviewRecord(): Draft | undefined {
    if (!this.reviewQueue || this.preview) return undefined;
    const queue = this.reviewQueue.map((pick) => exerciseKey(pick.packId, pick.itemId)).join(',');
    return new Drafts(sessionDraftStorage(), `${this.learnerId}:review`).of(String(seedOf(queue)));
  }

  /** The answers kept for this review, for its exercises only. */
  private keptReviewAnswers(): Record<string, Answered> {
    const kept = this.reviewRecord?.read() ?? {};
    return Object.fromEntries(
      this.exercises.flatMap(({ key }) => {
        const value = kept[key] as Partial<Answered> | undefined;
        return value?.answer && typeof value.score?.correct === 'boolean' ? [[key, value as Answered]] : [];
      }),
    );
  }

  /** Starts the review afresh: a review begun again from the Review screen forgets the answers kept from the last time. */
  startAfresh(): void {
    this.reviewRecord?.write({});
  }

  /** Answers chosen but not yet checked in the current exercise's pack, kept across a reload of the tab (not in a preview). */
  get drafts(): Drafts {
    return new Drafts(this.preview ? undefined : sessionDraftStorage(), `${this.learnerId}:${this.packId}`);
  }

  /** The current exercise's unchecked answer, as its form keeps it. */
  get draft(): Draft | undefined {
    const item = this.item;
    return item && !this.current ? this.drafts.of(item.id) : undefined;
  }

  /** Saves and scores an answer against the exercise's own pack; the feedback shows only once the backend has it on disk. */
  async submit(answer: Answer): Promise<boolean> {
    const exercise = this.exercises[this.index];
    if (!exercise || this.saving) return false;
    const { packId, item, key } = exercise;
    const shown = this.shown;
    this.saving = true;
    this.saveError = '';
    try {
      const { score } = await this.api.recordAnswer({
        learnerId: this.learnerId,
        packId,
        itemId: item.id,
        answer,
        timeTakenMs: Math.min(Date.now() - this.shownAt, 24 * 60 * 60 * 1000),
        ...(this.reviewing ? { mode: 'review' as const } : {}),
        ...(shown ? { shown } : {}),
      });
      this.answers[key] = { answer, score, shown };
      this.answeredTimes[key] = (this.answeredTimes[key] ?? 0) + 1;
      this.reviewRecord?.write($state.snapshot(this.answers));
      this.drafts.clear(item.id);
      this.unsaved = undefined;
      this.finder = undefined;
      return true;
    } catch (error) {
      this.unsaved = answer;
      this.saveError = describeError(error);
      this.needsReload = error instanceof ApiError && error.code === 'unauthorized';
      return false;
    } finally {
      this.saving = false;
    }
  }

  async restart(): Promise<void> {
    const { round } = await this.api.restartPack({ learnerId: this.learnerId, packId: this.packId });
    this.round = round;
    this.answers = {};
    this.show(0);
  }

  /** What the article shows for the current exercise: the claim before answering, and after it the cues and the source. */
  get highlights(): Highlight[] {
    const item = this.item;
    const pack = this.pack;
    if (!item || !pack) return [];
    const on = new Highlighter(pack.article.paragraphs);
    viewsOf(item).highlight(item, on, { studio: false, answered: this.current, finder: this.finder });
    return on.list;
  }
}
