/** State of the home screen: the app's identity and the packs the backend found. */
import type { AppInfo, PackList } from '../../shared/contract';
import type { Api } from '../../shared/contract';
import { describeError } from '../lib/errors';

export class HomeState {
  info = $state<AppInfo | undefined>(undefined);
  packs = $state<PackList>({ packs: [], invalid: [] });
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  private readonly api: Pick<Api, 'getAppInfo' | 'listPacks'>;

  constructor(api: Pick<Api, 'getAppInfo' | 'listPacks'>) {
    this.api = api;
  }

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      const [info, packs] = await Promise.all([this.api.getAppInfo({}), this.api.listPacks({})]);
      this.info = info;
      this.packs = packs;
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }
}
