/** The packs, with one learner's progress in each. */
import type { Api, PackList, PackSummary } from '../../shared/contract';
import { groupByLevel, nextPack, standingOf, type LevelGroup, type Standing } from '../../shared/library-path';
import type { PackProgress } from '../../shared/progress';
import { describeError } from '../lib/errors';
import { PackImporter } from '../lib/pack-importer.svelte';

type LibraryApi = Pick<Api, 'listPacks' | 'getProgress' | 'importPacks'>;

export class LibraryState {
  packs = $state<PackList>({ packs: [], invalid: [] });
  progress = $state<Record<string, PackProgress>>({});
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  /** A learner adds the packs an instructor shared as files. */
  readonly importer: PackImporter;

  private readonly api: LibraryApi;
  readonly learnerId: string;

  constructor(api: LibraryApi, learnerId: string) {
    this.api = api;
    this.learnerId = learnerId;
    this.importer = new PackImporter(api, () => this.load());
  }

  async load(): Promise<void> {
    try {
      const [packs, progress] = await Promise.all([this.api.listPacks({}), this.api.getProgress({ learnerId: this.learnerId })]);
      this.packs = packs;
      this.progress = Object.fromEntries(progress.map((entry) => [entry.packId, entry]));
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  /** The packs by level (1, 2, 3, then "More packs": those that do not say their level). */
  get groups(): LevelGroup<PackSummary>[] {
    return groupByLevel(this.packs.packs);
  }

  /** The pack to play next (`NEXT_PACK_RULE`), or undefined when every pack is done well. */
  get suggested(): PackSummary | undefined {
    return nextPack(this.packs.packs, this.progress);
  }

  standing(packId: string): Standing {
    return standingOf(this.progress[packId]);
  }
}
