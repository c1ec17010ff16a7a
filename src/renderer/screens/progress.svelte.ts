/** One learner's progress, over all packs or one: figures from the backend's progress report. */
import type { Api, ProgressReport } from '../../shared/contract';
import { describeError } from '../lib/errors';

export class ProgressState {
  report = $state<ProgressReport | undefined>(undefined);
  packId = $state<string>('');
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  private readonly api: Pick<Api, 'getProgressReport'>;
  readonly learnerId: string;

  constructor(api: Pick<Api, 'getProgressReport'>, learnerId: string) {
    this.api = api;
    this.learnerId = learnerId;
  }

  async load(): Promise<void> {
    try {
      this.report = await this.api.getProgressReport({
        learnerId: this.learnerId,
        ...(this.packId ? { packId: this.packId } : {}),
      });
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  async choosePack(packId: string): Promise<void> {
    this.packId = packId;
    await this.load();
  }
}
