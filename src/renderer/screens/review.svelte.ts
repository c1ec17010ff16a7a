/**
 * What is in spaced review: due now, or not due yet and open to practise early; grouped by pack, and
 * mixed from every pack into one review (all that is due, or the ones the learner missed).
 */
import type { Api, ReviewQueue } from '../../shared/contract';
import { articleCount, interleaved, reviewSeed, type ReviewPick } from '../../shared/review-mix';
import { describeError } from '../lib/errors';

type ReviewEntry = ReviewQueue['due'][number];
export interface ReviewGroup {
  packId: string;
  packTitle: string;
  items: ReviewEntry[];
}

/** A review mixed from every pack: its exercises in the order played, and how many articles they come from. */
export interface ReviewMix {
  queue: ReviewPick[];
  articles: number;
}

export interface ReviewOptions {
  /** The screen was opened from a review link that could not be read: it says so. */
  brokenLink?: boolean;
  /** Today, whose date (with the learner) seeds the order of a mixed review: the same all day, another tomorrow. */
  now?: () => number;
}

export class ReviewState {
  queue = $state<ReviewQueue>({ due: [], upcoming: [] });
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  private readonly api: Pick<Api, 'getReviewQueue'>;
  readonly learnerId: string;
  readonly brokenLink: boolean;
  private readonly now: () => number;

  constructor(api: Pick<Api, 'getReviewQueue'>, learnerId: string, options: ReviewOptions = {}) {
    this.api = api;
    this.learnerId = learnerId;
    this.brokenLink = options.brokenLink ?? false;
    this.now = options.now ?? Date.now;
  }

  async load(): Promise<void> {
    try {
      this.queue = await this.api.getReviewQueue({ learnerId: this.learnerId });
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  /** The due items grouped by pack, in the order they fell due. */
  get dueByPack(): ReviewGroup[] {
    return byPack(this.queue.due);
  }

  /** The items not due yet, grouped by pack, soonest first: they can be practised now. */
  get upcomingByPack(): ReviewGroup[] {
    return byPack(this.queue.upcoming);
  }

  /** Everything due, from every pack, mixed: "Review all". */
  get dueMix(): ReviewMix {
    return this.mix(this.queue.due);
  }

  /** Every item in review whose latest answer was missed, due or not, from every pack, mixed: "Practise the ones I missed". */
  get missedMix(): ReviewMix {
    return this.mix([...this.queue.due, ...this.queue.upcoming].filter((entry) => entry.missed));
  }

  private mix(entries: readonly ReviewEntry[]): ReviewMix {
    const picks = entries.map(({ packId, itemId }) => ({ packId, itemId }));
    return { queue: interleaved(picks, reviewSeed(this.learnerId, this.now())), articles: articleCount(picks) };
  }
}

function byPack(entries: readonly ReviewEntry[]): ReviewGroup[] {
  const groups: ReviewGroup[] = [];
  for (const entry of entries) {
    let group = groups.find((candidate) => candidate.packId === entry.packId);
    if (!group) {
      group = { packId: entry.packId, packTitle: entry.packTitle, items: [] };
      groups.push(group);
    }
    group.items.push(entry);
  }
  return groups;
}
