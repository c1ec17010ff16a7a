/** Which screen is shown and for whom. Each screen's own state lives in its own class. */
import type { Api, AppInfo } from '../shared/contract';
import type { Learner } from '../shared/progress';
import { LearnersState } from './screens/learners.svelte';
import { LibraryState } from './screens/library.svelte';
import { PlayerState } from './screens/player.svelte';

export type Screen =
  { name: 'learners'; state: LearnersState } | { name: 'library'; state: LibraryState } | { name: 'player'; state: PlayerState };

export class AppState {
  info = $state<AppInfo | undefined>(undefined);
  learner = $state<Learner | undefined>(undefined);
  screen = $state<Screen>() as Screen;

  private readonly api: Api;

  constructor(api: Api) {
    this.api = api;
    this.screen = { name: 'learners', state: new LearnersState(api) };
  }

  /** Loads the first screen; resolves once its data has arrived. */
  async start(): Promise<void> {
    const [info] = await Promise.all([this.api.getAppInfo({}).catch(() => undefined), this.showLearners()]);
    this.info = info;
  }

  async showLearners(): Promise<void> {
    this.learner = undefined;
    const state = new LearnersState(this.api);
    this.screen = { name: 'learners', state };
    await state.load();
  }

  async showLibrary(learner: Learner = this.learner!): Promise<void> {
    this.learner = learner;
    const state = new LibraryState(this.api, learner.id);
    this.screen = { name: 'library', state };
    await state.load();
  }

  async openPack(packId: string): Promise<void> {
    if (!this.learner) return;
    const state = new PlayerState(this.api, this.learner.id, packId);
    this.screen = { name: 'player', state };
    await state.load();
  }
}
