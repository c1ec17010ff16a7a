/**
 * Which screen is shown and for whom. Each screen's own state lives in its own class. Every screen
 * but the first (learners) loads its code when first opened, so that start-up parses only what the
 * first screen needs. `place` says where the app is, and `goTo` returns there: App.svelte
 * keeps it in the URL so that Reload, Back and Forward keep the learner, the screen and the exercise.
 */
import type { Api, AppInfo, ExportedFile, Notice } from '../shared/contract';
import { describeError } from './lib/errors';
import type { Learner } from '../shared/progress';
import type { ClassReportsState } from './screens/class-reports.svelte';
import { LearnersState } from './screens/learners.svelte';
import type { LibraryState } from './screens/library.svelte';
import type { PlayerState } from './screens/player.svelte';
import type { ProgressState } from './screens/progress.svelte';
import type { ReviewState } from './screens/review.svelte';
import type { StudioState } from './screens/studio.svelte';
import type { Pack } from '../shared/pack/schema';
import type { Place } from './lib/place';
import type { ReviewPick } from '../shared/review-mix';

/** The code of the learner's screens and of the instructor's: one chunk each, loaded when first needed. */
const SCREEN_CODE = {
  learner: () => import('./screens/learner-screens'),
  instructor: () => import('./screens/instructor-screens'),
};
export type ScreenCode = { [K in keyof typeof SCREEN_CODE]: Awaited<ReturnType<(typeof SCREEN_CODE)[K]>> };

export type Screen =
  | { name: 'learners'; state: LearnersState }
  | { name: 'library'; state: LibraryState }
  /** A pack being played; `studio` is set for a preview, to return to the draft it came from. */
  | { name: 'player'; state: PlayerState; studio?: StudioState }
  | { name: 'progress'; state: ProgressState }
  | { name: 'review'; state: ReviewState }
  | { name: 'class'; state: ClassReportsState }
  | { name: 'studio'; state: StudioState };

export class AppState {
  info = $state<AppInfo | undefined>(undefined);
  notices = $state<Notice[]>([]);
  learner = $state<Learner | undefined>(undefined);
  screen = $state<Screen>() as Screen;
  /** The screen code loaded so far: App.svelte takes each screen's component from here, loaded before the screen is shown. */
  code = $state.raw<Partial<ScreenCode>>({});

  private readonly api: Api;
  /**
   * Counts the screen changes begun. A change that has to wait (for a learner list, for its screen's
   * code) gives way to any begun after it, so that two quick Backs end on the second place.
   */
  private navigation = 0;

  constructor(api: Api) {
    this.api = api;
    this.screen = { name: 'learners', state: new LearnersState(api) };
  }

  /** Loads the first screen (the learners, or `place` when the page was reloaded there); resolves once its data has arrived. */
  async start(place?: Place): Promise<void> {
    const [info, notices] = await Promise.all([
      this.api.getAppInfo({}).catch(() => undefined),
      this.api.getNotices({}).catch((error: unknown) => [
        {
          id: 'notices-failed',
          severity: 'error' as const,
          title: 'Sourcewise could not check its data',
          text: describeError(error),
        },
      ]),
      place ? this.goTo(place) : this.showLearners(),
    ]);
    this.info = info;
    this.notices = notices;
  }

  /** Where the app is: what `goTo` needs to come back here. */
  get place(): Place {
    const screen = this.screen;
    switch (screen.name) {
      case 'learners':
      case 'class':
      case 'studio':
        return { screen: screen.name };
      case 'player': {
        const player = screen.state;
        if (screen.studio) return { screen: 'studio' };
        const at = { learnerId: player.learnerId, exercise: player.index + 1 };
        return player.reviewQueue
          ? { screen: 'review-session', ...at, queue: [...player.reviewQueue] }
          : { screen: 'pack', ...at, packId: player.packId };
      }
      case 'library':
      case 'progress':
      case 'review':
        return this.learner ? { screen: screen.name, learnerId: this.learner.id } : { screen: 'learners' };
    }
  }

  /** A screen's code, loaded when it is first opened; undefined when another screen change began meanwhile. */
  private async screenCode<K extends keyof ScreenCode>(part: K): Promise<ScreenCode[K] | undefined> {
    const ticket = ++this.navigation;
    const code = (await SCREEN_CODE[part]()) as ScreenCode[K];
    if (this.code[part] === undefined) this.code = { ...this.code, [part]: code };
    return ticket === this.navigation ? code : undefined;
  }

  /** Shows `place`: the learner's screens only for a learner who still exists, else the learners. */
  async goTo(place: Place): Promise<void> {
    const ticket = ++this.navigation;
    if (!('learnerId' in place)) {
      if (place.screen === 'class') return this.showClassReports();
      if (place.screen === 'studio') return this.showStudio();
      return this.showLearners();
    }
    const learner =
      this.learner?.id === place.learnerId
        ? this.learner
        : (await this.api.listLearners({}).catch(() => [])).find((candidate) => candidate.id === place.learnerId);
    if (ticket !== this.navigation) return;
    if (!learner) return this.showLearners();
    this.learner = learner;
    switch (place.screen) {
      case 'library':
        return this.showLibrary(learner);
      case 'progress':
        return this.showProgress();
      case 'review':
        return this.showReview(place.brokenLink);
      case 'pack':
        return this.openPack(place.packId, place.exercise);
      case 'review-session':
        return this.startReview(place.queue, place.exercise);
    }
  }

  async dismissNotice(id: string): Promise<void> {
    this.notices = this.notices.filter((notice) => notice.id !== id);
    await this.api.dismissNotice({ id }).catch(() => undefined);
  }

  async showLearners(): Promise<void> {
    this.navigation += 1;
    this.learner = undefined;
    const state = new LearnersState(this.api);
    this.screen = { name: 'learners', state };
    await state.load();
  }

  async showLibrary(learner: Learner = this.learner!): Promise<void> {
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { LibraryState } = screens;
    this.learner = learner;
    const state = new LibraryState(this.api, learner.id);
    this.screen = { name: 'library', state };
    await state.load();
  }

  /** Opens a pack at its first unanswered exercise, or at `exercise` (from 1). */
  async openPack(packId: string, exercise?: number): Promise<void> {
    if (!this.learner) return;
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { PlayerState } = screens;
    const state = new PlayerState(this.api, this.learner.id, packId);
    this.screen = { name: 'player', state };
    await state.load();
    if (exercise !== undefined && state.status === 'ready') state.show(exercise - 1);
  }

  async showClassReports(): Promise<void> {
    this.learner = undefined;
    const screens = await this.screenCode('instructor');
    if (!screens) return;
    const { ClassReportsState } = screens;
    const state = new ClassReportsState(this.api);
    this.screen = { name: 'class', state };
    await state.load();
  }

  async showStudio(): Promise<void> {
    this.learner = undefined;
    const screens = await this.screenCode('instructor');
    if (!screens) return;
    const { StudioState } = screens;
    const state = new StudioState(this.api);
    this.screen = { name: 'studio', state };
    await state.load();
  }

  /** Plays a draft as a learner would, recording nothing; leaving returns to the same draft. */
  async previewDraft(pack: Pack): Promise<void> {
    if (this.screen.name !== 'studio') return;
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { PlayerState } = screens;
    const state = PlayerState.preview(pack);
    this.screen = { name: 'player', state, studio: this.screen.state };
    await state.load();
  }

  async exportProgress(): Promise<ExportedFile | string> {
    if (!this.learner) return 'no learner is chosen';
    try {
      return await this.api.exportProgress({ learnerId: this.learner.id });
    } catch (error) {
      return describeError(error);
    }
  }

  async showProgress(): Promise<void> {
    if (!this.learner) return;
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { ProgressState } = screens;
    const state = new ProgressState(this.api, this.learner.id);
    this.screen = { name: 'progress', state };
    await state.load();
  }

  /** `brokenLink`: the Review screen opened from a review link that could not be read, which it says. */
  async showReview(brokenLink = false): Promise<void> {
    if (!this.learner) return;
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { ReviewState } = screens;
    const state = new ReviewState(this.api, this.learner.id, { brokenLink });
    this.screen = { name: 'review', state };
    await state.load();
  }

  /** Plays a review: exercises from one pack or from many, in the queue's order. */
  async startReview(queue: readonly ReviewPick[], exercise?: number): Promise<void> {
    if (!this.learner) return;
    const screens = await this.screenCode('learner');
    if (!screens) return;
    const { PlayerState } = screens;
    const state = new PlayerState(this.api, this.learner.id, queue);
    // Begun from the Review screen (no exercise named): afresh; from the URL (a reload, Back): where it was.
    if (exercise === undefined) state.startAfresh();
    this.screen = { name: 'player', state };
    await state.load();
    if (exercise !== undefined && state.status === 'ready') state.show(exercise - 1);
  }

  /** Leaving a pack returns to where it was opened from. */
  async leavePlayer(): Promise<void> {
    if (this.screen.name === 'player' && this.screen.studio) this.screen = { name: 'studio', state: this.screen.studio };
    else if (this.screen.name === 'player' && this.screen.state.reviewing) await this.showReview();
    else await this.showLibrary();
  }
}
