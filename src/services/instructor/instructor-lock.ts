/**
 * The instructor passphrase that keeps students out of instructor mode on a shared machine.
 *
 * Only a slow salted hash is kept (scrypt, N=2^15, r=8, p=1: tens of milliseconds per try; tests pass
 * a lower N) in `<dataDir>/instructor.json`, a store file (lowdb over the durable adapter). The
 * passphrase itself is never stored or logged. After three wrong tries in a row every further try must wait 1 s, 2 s,
 * 4 s … (at most 60 s); an early try is refused with a `conflict` saying how long to wait, rather than
 * made to sleep. The count and the time of the next allowed try are kept in memory and in the file,
 * so restarting the app does not reset them and a disk that refuses writes does not either: every
 * try is counted (in memory, then on disk) before the passphrase is checked, and a try that cannot
 * be recorded is refused unchecked. A right try resets the count.
 *
 * A damaged file is set aside in `damaged/` with a notice; instructor mode then has no passphrase
 * until one is set anew (whoever can damage the file could as well delete it).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { StoreDb } from '../store/durable-json-file';
import { storageFailure } from '../store/storage-error';
import { Backups, openStoreFile, type StoreFileSpec } from '../store/store-file';
import { NoticeList } from '../notice-list';

export const INSTRUCTOR_FILE = 'instructor.json';
export const INSTRUCTOR_SCHEMA_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_PASSPHRASE_LENGTH = 200;
/** Wrong tries allowed in a row before each further try has to wait. */
export const FREE_TRIES = 3;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

/** The scrypt cost (N) new hashes use; tests pass `TEST_SCRYPT_COST` instead. */
export const SCRYPT_COST = 2 ** 15;
/** The cheapest cost a hash may have: what the tests use, so that they spend milliseconds, not seconds. */
export const TEST_SCRYPT_COST = 2 ** 10;
const SCRYPT = { r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

const Base64 = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const ScryptHash = z.strictObject({
  algorithm: z.literal('scrypt'),
  // Bounded so that an edited file cannot make one try take minutes or gigabytes.
  N: z
    .number()
    .int()
    .min(TEST_SCRYPT_COST)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(128),
  salt: Base64,
  key: Base64,
});
type ScryptHash = z.infer<typeof ScryptHash>;

const InstructorFile = z.strictObject({
  schemaVersion: z.literal(INSTRUCTOR_SCHEMA_VERSION),
  hash: ScryptHash,
  /** Wrong tries in a row since the last right one. */
  failures: z.number().int().min(0).optional(),
  /** Epoch milliseconds before which no try is accepted. */
  nextTryAt: z.number().int().min(0).optional(),
});
type InstructorFile = z.infer<typeof InstructorFile>;

const INSTRUCTOR_SPEC: StoreFileSpec<InstructorFile | null> = {
  describe: 'the instructor passphrase',
  schema: InstructorFile.nullable(),
  version: INSTRUCTOR_SCHEMA_VERSION,
  migrations: {},
  recovered: (_restored, outcome) =>
    outcome === 'lost'
      ? 'instructor mode has no passphrase now: set a new one the next time you open instructor mode.'
      : undefined,
};

export interface InstructorLockOptions {
  /** The clock, in epoch milliseconds; tests pass a fake one. */
  now?: () => number;
  /** The scrypt cost (N, a power of two) for new hashes; `SCRYPT_COST` unless a test passes a lower one. */
  scryptCost?: number | undefined;
}

/** How long the next try must wait after this many wrong tries in a row (0 for the free ones). */
export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  const doublings = Math.min(failures - FREE_TRIES, 16);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** doublings);
}

export class InstructorLock {
  readonly path: string;
  private readonly dataDir: string;
  private readonly now: () => number;
  /** The file in lowdb, read once; its data is the throttle's state in memory. */
  private opening: Promise<{ db: StoreDb<InstructorFile | null>; readOnly: boolean }> | undefined;
  private readonly noticeList = new NoticeList();
  private readonly scryptCost: number;
  /** Operations run one after another, so two quick tries cannot both slip past the throttle. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: InstructorLockOptions = {}) {
    this.dataDir = dataDir;
    this.path = join(dataDir, INSTRUCTOR_FILE);
    this.now = options.now ?? Date.now;
    this.scryptCost = options.scryptCost ?? SCRYPT_COST;
  }

  async isSet(): Promise<boolean> {
    return this.serialise(async () => (await this.file()).db.data !== null);
  }

  /** What happened to a damaged file, for the UI. */
  notices(): Notice[] {
    return this.noticeList.all();
  }

  dismissNotice(id: string): void {
    this.noticeList.dismiss(id);
  }

  /** Sets the passphrase on first use; refused once one is set (use `change`). */
  async setFirst(passphrase: string): Promise<void> {
    checkNewPassphrase(passphrase, 'passphrase');
    return this.serialise(async () => {
      if ((await this.file()).db.data !== null) {
        throw new ApiError('conflict', 'an instructor passphrase is already set; change it with the current one');
      }
      await this.write({ schemaVersion: INSTRUCTOR_SCHEMA_VERSION, hash: await hashPassphrase(passphrase, this.scryptCost) });
    });
  }

  /**
   * True for the right passphrase, false for a wrong one (which counts towards the throttle). Throws
   * `conflict` when a try comes too early, `not-found` when no passphrase has been set, and
   * `storage-failed` when the try cannot be recorded.
   */
  async verify(passphrase: string): Promise<boolean> {
    return this.serialise(async () => this.attempt(await this.readSet(), passphrase));
  }

  /**
   * Replaces the passphrase. The current one must be right (a wrong one counts as a wrong try and
   * throws `invalid-input`); the new one must be 8 to 200 characters.
   */
  async change(current: string, next: string): Promise<void> {
    checkNewPassphrase(next, 'new passphrase');
    return this.serialise(async () => {
      const file = await this.readSet();
      if (!(await this.attempt(file, current))) {
        throw new ApiError('invalid-input', 'the current passphrase is not right; the passphrase was not changed', [
          { path: 'current', message: 'is not the current passphrase' },
        ]);
      }
      await this.write({ schemaVersion: INSTRUCTOR_SCHEMA_VERSION, hash: await hashPassphrase(next, this.scryptCost) });
    });
  }

  /**
   * Checks the throttle, counts the try as wrong (in memory, then on disk: a try that cannot be
   * recorded is refused here), then checks the passphrase; a right one resets the count.
   */
  private async attempt(file: InstructorFile, passphrase: string): Promise<boolean> {
    const now = this.now();
    const nextTryAt = file.nextTryAt ?? 0;
    if (now < nextTryAt) {
      const seconds = Math.ceil((nextTryAt - now) / 1000);
      throw new ApiError(
        'conflict',
        `too many wrong passphrases in a row: wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again`,
      );
    }
    const count = (file.failures ?? 0) + 1;
    const delay = delayAfter(count);
    const counted: InstructorFile = { schemaVersion: file.schemaVersion, hash: file.hash, failures: count };
    if (delay > 0) counted.nextTryAt = now + delay;
    await this.write(counted, { keepInMemory: true });
    if (!(await matches(file.hash, passphrase))) return false;
    // The try was recorded; if the reset cannot be, the count stays on disk and a restart shows it.
    await this.write({ schemaVersion: file.schemaVersion, hash: file.hash }, { keepInMemory: true }).catch(() => undefined);
    return true;
  }

  private file(): Promise<{ db: StoreDb<InstructorFile | null>; readOnly: boolean }> {
    this.opening ??= openStoreFile(this.path, INSTRUCTOR_SPEC, new Backups(this.dataDir), null).then((opened) => {
      this.noticeList.add(...opened.notices);
      return { db: opened.db, readOnly: opened.readOnly };
    });
    // A read that failed (the folder could not be read) is tried again next time.
    this.opening.catch(() => (this.opening = undefined));
    return this.opening;
  }

  private async readSet(): Promise<InstructorFile> {
    let data: InstructorFile | null;
    try {
      data = (await this.file()).db.data;
    } catch (error) {
      throw storageFailure(error, `${INSTRUCTOR_FILE} could not be read`, 'Instructor mode stays locked.');
    }
    if (data === null) throw new ApiError('not-found', 'no instructor passphrase has been set yet');
    return data;
  }

  /**
   * Writes the file. With `keepInMemory` the state in memory becomes `next` even when the disk
   * refuses it (the throttle's count must never go back); otherwise only once it is written.
   */
  private async write(next: InstructorFile, { keepInMemory = false } = {}): Promise<void> {
    const { db, readOnly } = await this.file();
    if (keepInMemory) db.data = next;
    if (readOnly) {
      throw new ApiError(
        'read-only',
        `${INSTRUCTOR_FILE} was written by a newer version of Sourcewise and is open read-only; update Sourcewise to use instructor mode`,
      );
    }
    try {
      if (keepInMemory) await db.write();
      else await db.commit(next);
    } catch (error) {
      throw storageFailure(
        error,
        'The instructor passphrase could not be saved',
        'Nothing was checked or changed; try again once the disk has room.',
      );
    }
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function checkNewPassphrase(passphrase: string, what: string): void {
  // Counted in characters (code points), not UTF-16 units; a huge string is refused before counting.
  const length = passphrase.length > 2 * MAX_PASSPHRASE_LENGTH ? Infinity : [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new ApiError('invalid-input', `the ${what} is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    throw new ApiError('invalid-input', `the ${what} is too long: use at most ${MAX_PASSPHRASE_LENGTH} characters`);
  }
}

/** The same passphrase typed with composed or decomposed accents gives the same bytes. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number; keyLength: number }) {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise<Buffer>((resolve, reject) => {
    scryptCallback(passphraseBytes(passphrase), salt, params.keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

async function hashPassphrase(passphrase: string, cost: number): Promise<ScryptHash> {
  const salt = randomBytes(SALT_BYTES);
  const params = { N: cost, ...SCRYPT };
  const key = await derive(passphrase, salt, params);
  return {
    algorithm: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    key: key.toString('base64'),
  };
}

async function matches(hash: ScryptHash, passphrase: string): Promise<boolean> {
  const expected = Buffer.from(hash.key, 'base64');
  const salt = Buffer.from(hash.salt, 'base64');
  if (expected.length !== hash.keyLength || salt.length === 0) {
    throw new ApiError('storage-failed', `${INSTRUCTOR_FILE} is damaged; instructor mode stays locked`);
  }
  // A passphrase longer than any that can be set is wrong without spending a hash on it.
  if (passphrase.length > 2 * MAX_PASSPHRASE_LENGTH) {
    await derive('', salt, hash);
    return false;
  }
  const actual = await derive(passphrase, salt, hash);
  return timingSafeEqual(actual, expected);
}
