/** What is in spaced review: due now, or not due yet and open to practise early; grouped by pack. */
import type { Api, ReviewQueue } from '../../shared/contract';
import { describeError } from '../lib/errors';

type ReviewEntry = ReviewQueue['due'][number];
export interface ReviewGroup {
  packId: string;
  packTitle: string;
  items: ReviewEntry[];
}

export class ReviewState {
  queue = $state<ReviewQueue>({ due: [], upcoming: [] });
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  private readonly api: Pick<Api, 'getReviewQueue'>;
  readonly learnerId: string;

  constructor(api: Pick<Api, 'getReviewQueue'>, learnerId: string) {
    this.api = api;
    this.learnerId = learnerId;
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
