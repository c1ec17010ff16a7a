/**
 * The one-file player's screen state: who is playing (kept in this browser), whether the start page
 * or the pack is shown, and the learner's progress file on demand (not in an LMS, which has their
 * answers already).
 */
import type { Learner } from '../shared/progress';
import type { Pack } from '../shared/pack/schema';
import { describeError } from '../renderer/lib/errors';
import { saveFile } from '../renderer/lib/download';
import { PlayerState } from '../renderer/screens/player.svelte';
import type { LocalApi } from './local-api';

export class StandaloneState {
  learner = $state<Learner | undefined>(undefined);
  player = $state<PlayerState | undefined>(undefined);
  problem = $state('');
  readonly pack: Pack;
  /** Run by a school's LMS: answers go there, not only to this browser. */
  readonly inLms: boolean;
  private readonly api: LocalApi;
  private readonly save: typeof saveFile;

  constructor(api: LocalApi, pack: Pack, options: { inLms?: boolean; save?: typeof saveFile } = {}) {
    this.api = api;
    this.pack = pack;
    this.inLms = options.inLms ?? false;
    this.save = options.save ?? saveFile;
    this.learner = api.learner();
  }

  /** Starts under a name; a name the app would refuse is said so, and nothing is kept. */
  start(name: string): boolean {
    try {
      this.learner = this.api.start(name);
      this.problem = '';
      return true;
    } catch (error) {
      this.problem = describeError(error);
      return false;
    }
  }

  /** Opens the pack where the learner left it. */
  play(): void {
    if (!this.learner) return;
    const player = new PlayerState(this.api, this.learner.id, this.pack.id);
    this.player = player;
    void player.load();
  }

  leave(): void {
    this.player = undefined;
  }

  downloadProgress(): void {
    try {
      this.save(this.api.exportProgress());
      this.problem = '';
    } catch (error) {
      this.problem = describeError(error);
    }
  }
}
