/** What is due for spaced review, grouped by pack. */
import type { Api, ReviewQueue } from '../../shared/contract';
import { describeError } from '../lib/errors';

export class ReviewState {
  queue = $state<ReviewQueue>({ due: [], later: 0 });
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
  get byPack(): { packId: string; packTitle: string; items: ReviewQueue['due'] }[] {
    const groups: { packId: string; packTitle: string; items: ReviewQueue['due'] }[] = [];
    for (const entry of this.queue.due) {
      let group = groups.find((candidate) => candidate.packId === entry.packId);
      if (!group) {
        group = { packId: entry.packId, packTitle: entry.packTitle, items: [] };
        groups.push(group);
      }
      group.items.push(entry);
    }
    return groups;
  }
}
