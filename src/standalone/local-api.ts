/**
 * The learner's side of the contract for the one-file player: one pack, one learner, kept in the
 * browser's `localStorage` between visits. It scores with the shared scoring, resumes with the same
 * session rule as the app's backend and writes the app's progress file, so Class reports and
 * `sourcewise report` take what it exports like any other.
 */
import type { Api, ExportedFile } from '../shared/contract';
import { shownOrderProblem } from '../shared/choice-order';
import { ApiError } from '../shared/errors';
import { learnerNameProblem, MAX_LEARNER_NAME, tidyLearnerName } from '../shared/learner-name';
import type { Pack } from '../shared/pack/schema';
import { packSessionOf } from '../shared/pack-session';
import type { Attempt, Learner } from '../shared/progress';
import { buildProgressFile, progressFileName } from '../shared/progress-file-build';
import { scoreAnswer } from '../shared/scoring';

export type LocalPlayerApi = Pick<Api, 'getPack' | 'getPackSession' | 'recordAnswer' | 'restartPack'>;

/** What is kept for one pack in the browser: the learner, their attempts and the round they are in. */
export interface SavedPlay {
  learner: Learner;
  round: number;
  attempts: Attempt[];
  /** Answers given before that are not kept here, per item: they still count for the order options are shown in (SCORM resume). */
  before?: Record<string, number>;
}

/** Where a play is kept: the browser's localStorage, or the LMS (src/standalone/scorm.ts). */
export type PlayStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocalApiOptions {
  appVersion: string;
  now?: () => Date;
  newId?: () => string;
}

/** What the learner is told when the browser keeps nothing (private window, storage full or turned off). */
export const NOT_SAVED_MESSAGE =
  'This browser would not save your answer, so it was not kept. Private windows and full or blocked storage do this. Try again, or download your progress file now so nothing is lost.';

/**
 * A random (version 4) UUID. Not `crypto.randomUUID`: browsers give that to secure pages only, and a
 * school's LMS may serve the package over plain http; `getRandomValues` is there on every page.
 */
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class LocalApi implements LocalPlayerApi {
  private readonly pack: Pack;
  private readonly storage: PlayStorage;
  private readonly appVersion: string;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(pack: Pack, storage: PlayStorage, options: LocalApiOptions) {
    this.pack = pack;
    this.storage = storage;
    this.appVersion = options.appVersion;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newUuid;
  }

  /** Per pack, so two packs' files opened in one browser keep apart. */
  get storageKey(): string {
    return `sourcewise-player:${this.pack.id}`;
  }

  /** Who is playing in this browser, if anyone has started. */
  learner(): Learner | undefined {
    return this.read()?.learner;
  }

  /** Starts playing under a name, checked as the app checks a new learner's name. */
  start(name: string): Learner {
    const tidy = tidyLearnerName(name);
    const problem =
      tidy === ''
        ? 'a name must have at least one letter'
        : tidy.length > MAX_LEARNER_NAME
          ? `a name can be at most ${MAX_LEARNER_NAME} characters`
          : learnerNameProblem(tidy);
    if (problem) throw new ApiError('invalid-input', `Your name: ${problem}.`);
    const learner: Learner = { id: this.newId(), name: tidy, createdAt: this.now().toISOString() };
    this.write({ learner, round: 1, attempts: [] });
    return learner;
  }

  async getPack(): Promise<Pack> {
    return structuredClone(this.pack);
  }

  async getPackSession(): Promise<ReturnType<typeof packSessionOf>> {
    const saved = this.required();
    const session = packSessionOf(this.pack, saved.attempts, saved.round);
    for (const [itemId, times] of Object.entries(saved.before ?? {}))
      session.answeredTimes[itemId] = (session.answeredTimes[itemId] ?? 0) + times;
    return session;
  }

  async recordAnswer(input: Parameters<LocalPlayerApi['recordAnswer']>[0]): ReturnType<LocalPlayerApi['recordAnswer']> {
    const { itemId, answer, timeTakenMs, shown } = input;
    const saved = this.required();
    const item = this.pack.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new ApiError('not-found', `the pack has no item "${itemId}"`);
    const score = scoreAnswer(item, answer, this.pack);
    const shownProblem = shown && shownOrderProblem(item, shown);
    if (shownProblem) throw new ApiError('invalid-input', `The order shown does not fit: ${shownProblem}`);
    const confidence = answer.type === 'classify' ? answer.confidence : undefined;
    const attempt: Attempt = {
      id: this.newId(),
      learnerId: saved.learner.id,
      packId: this.pack.id,
      packVersion: this.pack.version,
      itemId,
      itemType: item.type,
      round: saved.round,
      ...(input.mode === 'review' ? { mode: 'review' as const } : {}),
      answer,
      ...(shown ? { shown } : {}),
      correct: score.correct,
      score: score.score,
      labels: score.labels,
      ...(confidence !== undefined ? { confidence } : {}),
      timeTakenMs,
      answeredAt: this.now().toISOString(),
      appVersion: this.appVersion,
    };
    this.write({ ...saved, attempts: [...saved.attempts, attempt] });
    return { score };
  }

  async restartPack(): Promise<{ round: number }> {
    const saved = this.required();
    const round = saved.round + 1;
    this.write({ ...saved, round });
    return { round };
  }

  /** The learner's progress file, in the app's format, to hand to the teacher. */
  exportProgress(): ExportedFile {
    const saved = this.required();
    const now = this.now();
    const file = buildProgressFile(
      saved.learner,
      saved.attempts,
      new Map([[this.pack.id, this.pack.meta.title]]),
      this.appVersion,
      now,
    );
    return {
      name: progressFileName(saved.learner.name, now),
      mimeType: 'application/json',
      encoding: 'utf8',
      content: JSON.stringify(file, null, 1),
    };
  }

  private required(): SavedPlay {
    const saved = this.read();
    if (!saved) throw new ApiError('not-found', 'Type your name first.');
    return saved;
  }

  /** What this browser kept; anything that does not read as ours is left alone and counts as nothing. */
  private read(): SavedPlay | undefined {
    let text: string | null;
    try {
      text = this.storage.getItem(this.storageKey);
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    try {
      const saved = JSON.parse(text) as Partial<SavedPlay>;
      if (!saved.learner || typeof saved.round !== 'number' || !Array.isArray(saved.attempts)) return undefined;
      return saved as SavedPlay;
    } catch {
      return undefined;
    }
  }

  private write(saved: SavedPlay): void {
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(saved));
    } catch {
      throw new ApiError('storage-failed', NOT_SAVED_MESSAGE);
    }
  }
}
