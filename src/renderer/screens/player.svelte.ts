/**
 * A learner working through one pack: which exercise is shown, the answers given in this round,
 * saving each answer (kept for a retry when saving fails), and what the article highlights.
 */
import type { Answer, Score } from '../../shared/answers';
import { inShownOrder, shownOrder, type ShownOrder } from '../../shared/choice-order';
import type { Item, Pack } from '../../shared/pack/schema';
import { summariseAttempts } from '../../shared/scoring';
import { ApiError } from '../../shared/errors';
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

export class PlayerState {
  pack = $state<Pack | undefined>(undefined);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  loadError = $state('');
  index = $state(0);
  answers = $state<Record<string, Answered>>({});
  round = $state(1);
  saving = $state(false);
  saveError = $state('');
  /** Saving failed because the server was started again: retrying cannot work, only reloading the page. */
  needsReload = $state(false);
  /** The answer that could not be saved, kept so the learner can retry without answering again. */
  unsaved = $state<Answer | undefined>(undefined);
  finder = $state<FindMarker | undefined>(undefined);
  /** How many times the learner has answered each item before (every round and review): the next play of an item is one more. */
  answeredTimes = $state<Record<string, number>>({});

  readonly learnerId: string;
  readonly packId: string;
  /** In a review session: the due items of this pack, in the order they fell due. */
  readonly reviewItemIds: readonly string[] | undefined;
  /** Playing a draft in the studio: answers are scored but recorded nowhere. */
  readonly preview: boolean;
  private readonly api: PlayerApi;
  private shownAt = Date.now();

  constructor(api: PlayerApi, learnerId: string, packId: string, reviewItemIds?: readonly string[], preview = false) {
    this.api = api;
    this.learnerId = learnerId;
    this.packId = packId;
    this.reviewItemIds = reviewItemIds;
    this.preview = preview;
  }

  static preview(pack: Pack): PlayerState {
    return new PlayerState(previewApi(pack), 'preview', pack.id, undefined, true);
  }

  get reviewing(): boolean {
    return this.reviewItemIds !== undefined;
  }

  async load(): Promise<void> {
    try {
      const [pack, session] = await Promise.all([
        this.api.getPack({ packId: this.packId }),
        this.api.getPackSession({ learnerId: this.learnerId, packId: this.packId }),
      ]);
      if (this.reviewItemIds) {
        // A review plays only the due items, each fresh: the pack's own round is not touched.
        const due = this.reviewItemIds;
        pack.items = pack.items.filter((item) => due.includes(item.id)).sort((a, b) => due.indexOf(a.id) - due.indexOf(b.id));
      }
      this.pack = pack;
      this.answeredTimes = session.answeredTimes;
      // A review plays each item afresh; only the count of earlier answers (for the order shown) comes from the session.
      if (!this.reviewing) {
        this.round = session.round;
        this.answers = Object.fromEntries(
          session.answers.map((entry) => [entry.itemId, { answer: entry.answer, score: entry.score, shown: entry.shown }]),
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
    return this.pack?.items ?? [];
  }

  /** The current item as the learner sees it: its options in the order shown (`shown`). */
  get item(): Item | undefined {
    const item = this.items[this.index];
    return item && inShownOrder(item, this.shown);
  }

  /**
   * The order the current item's options are shown in: as they were shown when it was answered, or
   * else this learner's order for their next play of it (the same until they answer; a reload keeps it).
   */
  get shown(): ShownOrder | undefined {
    const item = this.items[this.index];
    if (!item) return undefined;
    const answered = this.answers[item.id];
    if (answered) return answered.shown;
    const play = (this.answeredTimes[item.id] ?? 0) + 1;
    return shownOrder(item, { learnerId: this.learnerId, packId: this.packId, itemId: item.id, play });
  }

  get current(): Answered | undefined {
    const item = this.item;
    return item ? this.answers[item.id] : undefined;
  }

  get answeredCount(): number {
    return this.items.filter((item) => this.answers[item.id]).length;
  }

  get finished(): boolean {
    return this.items.length > 0 && this.answeredCount === this.items.length;
  }

  get summary() {
    if (!this.pack) return undefined;
    return summariseAttempts(
      this.pack,
      this.items.flatMap((item) => {
        const answered = this.answers[item.id];
        return answered ? [{ itemId: item.id, score: answered.score }] : [];
      }),
    );
  }

  firstUnanswered(): number | undefined {
    const index = this.items.findIndex((item) => !this.answers[item.id]);
    return index === -1 ? undefined : index;
  }

  show(index: number): void {
    this.index = Math.max(0, Math.min(this.items.length - 1, index));
    this.saveError = '';
    this.unsaved = undefined;
    this.shownAt = Date.now();
    const item = this.item;
    this.finder =
      item?.type === 'find' && !this.answers[item.id] && this.pack ? new FindMarker(this.pack.article.paragraphs) : undefined;
  }

  /** Saves and scores an answer; the feedback shows only once the backend has it on disk. */
  async submit(answer: Answer): Promise<boolean> {
    const item = this.item;
    if (!item || this.saving) return false;
    const shown = this.shown;
    this.saving = true;
    this.saveError = '';
    try {
      const { score } = await this.api.recordAnswer({
        learnerId: this.learnerId,
        packId: this.packId,
        itemId: item.id,
        answer,
        timeTakenMs: Math.min(Date.now() - this.shownAt, 24 * 60 * 60 * 1000),
        ...(this.reviewing ? { mode: 'review' as const } : {}),
        ...(shown ? { shown } : {}),
      });
      this.answers[item.id] = { answer, score, shown };
      this.answeredTimes[item.id] = (this.answeredTimes[item.id] ?? 0) + 1;
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
