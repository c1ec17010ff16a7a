/**
 * The player inside a school's LMS: it finds the LMS's SCORM 1.2 API (ADL's findAPI walk up the
 * frames, then the opener's), and becomes the place the learner's play is kept (`PlayStorage`):
 * every change is sent as `cmi.suspend_data` (to resume, on any computer), with the score and
 * status, and each new answer as one `cmi.interactions.n` entry; leaving the page ends the session
 * with its time. Without an LMS none of this runs and the player keeps its play in the browser.
 */
import type { Pack } from '../shared/pack/schema';
import { learnerNameProblem, MAX_LEARNER_NAME, tidyLearnerName } from '../shared/learner-name';
import { packSessionOf, inRound } from '../shared/pack-session';
import type { Attempt } from '../shared/progress';
import { latestPerItem, scoreAnswer } from '../shared/scoring';
import {
  decodeSuspendData,
  encodeSuspendData,
  SCORM_MASTERY_PERCENT,
  scormInteraction,
  scormResult,
  scormTimespan,
  type SuspendState,
} from '../shared/scorm';
import { newUuid, type PlayStorage, type SavedPlay } from './local-api';

/** The SCORM 1.2 runtime an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
}

/** ADL's bound on the walk up the frames: an LMS nests its content a few frames deep, never hundreds. */
const MAX_FRAME_HOPS = 7;

function apiOf(win: Window): Scorm12Api | undefined {
  try {
    const api = (win as Window & { API?: Scorm12Api }).API;
    return api && typeof api.LMSInitialize === 'function' ? api : undefined;
  } catch {
    // A frame of another origin: its properties cannot be read, and it is not our LMS.
    return undefined;
  }
}

function walkUp(start: Window): Scorm12Api | undefined {
  let win = start;
  for (let hops = 0; hops <= MAX_FRAME_HOPS; hops += 1) {
    const api = apiOf(win);
    if (api) return api;
    let parent: Window | null;
    try {
      parent = win.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === win) return undefined;
    win = parent;
  }
  return undefined;
}

/** The LMS's API in this window, its parents or its opener's (ADL's findAPI, with a bounded walk). */
export function findScormApi(win: Window): Scorm12Api | undefined {
  const here = walkUp(win);
  if (here) return here;
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    return undefined;
  }
  return opener ? walkUp(opener) : undefined;
}

/** The LMS's name for the learner ("Lovelace, Ada", as SCORM 1.2 writes it) as a name the app accepts, if it makes one. */
export function nameFromLms(studentName: string): string | undefined {
  const parts = studentName.split(',');
  const ordered = parts.length === 2 ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : studentName;
  const tidy = tidyLearnerName(ordered);
  if (tidy === '' || tidy.length > MAX_LEARNER_NAME || learnerNameProblem(tidy)) return undefined;
  return tidy;
}

export interface ScormSessionOptions {
  appVersion: string;
  now?: () => Date;
  newId?: () => string;
}

export class ScormSession {
  /** The name the LMS knows the learner by, when it is one the app accepts. */
  readonly learnerName: string | undefined;
  readonly storage: PlayStorage;
  private readonly lms: Scorm12Api;
  private readonly pack: Pack;
  private readonly now: () => Date;
  private readonly started: Date;
  private readonly mastery: number;
  private saved: SavedPlay | undefined;
  private best: number | undefined;
  private finished = false;

  /** Opens the LMS's session; undefined when the LMS will not start one (the page then plays as the HTML file). */
  static open(lms: Scorm12Api, pack: Pack, options: ScormSessionOptions): ScormSession | undefined {
    if (String(lms.LMSInitialize('')) !== 'true') return undefined;
    return new ScormSession(lms, pack, options);
  }

  private constructor(lms: Scorm12Api, pack: Pack, options: ScormSessionOptions) {
    this.lms = lms;
    this.pack = pack;
    this.now = options.now ?? (() => new Date());
    this.started = this.now();
    const mastery = Number.parseFloat(lms.LMSGetValue('cmi.student_data.mastery_score'));
    this.mastery = mastery >= 0 && mastery <= 100 ? mastery : SCORM_MASTERY_PERCENT;
    this.learnerName = nameFromLms(lms.LMSGetValue('cmi.core.student_name'));
    const state = decodeSuspendData(pack, lms.LMSGetValue('cmi.suspend_data'));
    if (state) {
      this.best = state.best;
      this.saved = playOf(pack, state, options.appVersion, this.now(), options.newId ?? newUuid);
    }
    if (lms.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
      this.set('cmi.core.lesson_status', 'incomplete');
      this.lms.LMSCommit('');
    }
    this.storage = {
      getItem: () => (this.saved ? JSON.stringify(this.saved) : null),
      setItem: (_key, text) => this.write(JSON.parse(text) as SavedPlay),
    };
  }

  /** Ends the LMS session: the time spent, `suspend` so the next visit resumes, then commit and finish. */
  finish(): void {
    if (this.finished) return;
    this.set('cmi.core.session_time', scormTimespan(this.now().getTime() - this.started.getTime()));
    this.set('cmi.core.exit', 'suspend');
    this.lms.LMSCommit('');
    this.lms.LMSFinish('');
    this.finished = true;
  }

  /** A change to the play: new answers go to the LMS as interactions, then the result and the suspend data. */
  private write(saved: SavedPlay): void {
    if (this.finished) throw new Error('The learning platform has closed this session.');
    const known = this.saved?.attempts.length ?? 0;
    const fresh = this.saved && this.saved.learner.id === saved.learner.id ? saved.attempts.slice(known) : saved.attempts;
    this.saved = saved;
    for (const attempt of fresh) this.interaction(attempt);
    const session = packSessionOf(this.pack, saved.attempts, saved.round);
    const result = scormResult(this.pack, session.answers, this.mastery, this.best);
    if (session.answers.length === this.pack.items.length) this.best = Math.max(this.best ?? 0, result.raw);
    this.set('cmi.core.score.raw', String(result.raw));
    this.set('cmi.core.score.min', '0');
    this.set('cmi.core.score.max', '100');
    this.set('cmi.core.lesson_status', result.status);
    this.set('cmi.suspend_data', encodeSuspendData(this.pack, stateOf(this.pack, saved, this.best)));
    this.lms.LMSCommit('');
  }

  private interaction(attempt: Attempt): void {
    const item = this.pack.items.find((candidate) => candidate.id === attempt.itemId);
    if (!item) return;
    const count = Number.parseInt(this.lms.LMSGetValue('cmi.interactions._count'), 10);
    const n = Number.isInteger(count) && count >= 0 ? count : 0;
    const interaction = scormInteraction(
      item,
      attempt.answer,
      attempt,
      this.pack,
      new Date(attempt.answeredAt),
      attempt.timeTakenMs,
    );
    const field = (name: string, value: string) => this.set(`cmi.interactions.${n}.${name}`, value);
    field('id', interaction.id);
    field('type', interaction.type);
    field('time', interaction.time);
    field('latency', interaction.latency);
    field('student_response', interaction.student_response);
    field('result', interaction.result);
    for (const [index, pattern] of interaction.correct_responses.entries()) field(`correct_responses.${index}.pattern`, pattern);
  }

  /** An LMS that refuses a value (an element it does not support) does not stop the learner: SCORM errors are the LMS's record, not theirs. */
  private set(element: string, value: string): void {
    this.lms.LMSSetValue(element, value);
  }
}

/** The play as the suspend data keeps it: per item how often it was answered, and its answer this round. */
function stateOf(pack: Pack, saved: SavedPlay, best: number | undefined): SuspendState {
  const latest = latestPerItem(inRound(saved.attempts, pack.id, saved.round));
  const items: SuspendState['items'] = {};
  for (const item of pack.items) {
    const times = saved.attempts.filter((attempt) => attempt.itemId === item.id).length + (saved.before?.[item.id] ?? 0);
    if (times === 0) continue;
    const attempt = latest.get(item.id);
    items[item.id] = {
      times,
      ...(attempt ? { answer: attempt.answer } : {}),
      ...(attempt?.shown ? { shown: attempt.shown } : {}),
    };
  }
  return {
    learnerId: saved.learner.id,
    name: saved.learner.name,
    round: saved.round,
    ...(best !== undefined ? { best } : {}),
    items,
  };
}

/** The play back from the suspend data: this round's answers as attempts (scored afresh), earlier ones as counts. */
function playOf(pack: Pack, state: SuspendState, appVersion: string, now: Date, newId: () => string): SavedPlay {
  const attempts: Attempt[] = [];
  const before: Record<string, number> = {};
  for (const item of pack.items) {
    const entry = state.items[item.id];
    if (!entry) continue;
    let kept = 0;
    if (entry.answer && entry.answer.type === item.type) {
      try {
        const score = scoreAnswer(item, entry.answer, pack);
        const confidence = entry.answer.type === 'classify' ? entry.answer.confidence : undefined;
        attempts.push({
          id: newId(),
          learnerId: state.learnerId,
          packId: pack.id,
          packVersion: pack.version,
          itemId: item.id,
          itemType: item.type,
          round: state.round,
          answer: entry.answer,
          ...(entry.shown ? { shown: entry.shown } : {}),
          correct: score.correct,
          score: score.score,
          labels: score.labels,
          ...(confidence !== undefined ? { confidence } : {}),
          timeTakenMs: 0,
          answeredAt: now.toISOString(),
          appVersion,
        });
        kept = 1;
      } catch {
        // An answer that no longer fits the item counts as not given this round.
      }
    }
    if (entry.times > kept) before[item.id] = entry.times - kept;
  }
  return {
    learner: { id: state.learnerId, name: state.name, createdAt: now.toISOString() },
    round: state.round,
    attempts,
    before,
  };
}
