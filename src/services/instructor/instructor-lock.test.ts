import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { delayAfter, INSTRUCTOR_FILE, InstructorLock, SCRYPT_COST, TEST_SCRYPT_COST } from './instructor-lock';

const PASSPHRASE = 'correct horse battery';
const OTHER = 'wrong but long enough';

let dir: string;
let time: number;
const clock = () => time;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-instructor-'));
  time = Date.UTC(2026, 0, 1);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A lock at the tests' low scrypt cost (production's is checked once, below). */
function open(): InstructorLock {
  return new InstructorLock(dir, { now: clock, scryptCost: TEST_SCRYPT_COST });
}

function fileText(): string {
  return readFileSync(join(dir, INSTRUCTOR_FILE), 'utf8');
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('InstructorLock', () => {
  it('is unset at first, set once, and then verifies right and wrong passphrases', async () => {
    const lock = open();
    expect(await lock.isSet()).toBe(false);
    await lock.setFirst(PASSPHRASE);
    expect(await lock.isSet()).toBe(true);
    expect(await lock.verify(PASSPHRASE)).toBe(true);
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify('')).toBe(false);
    expect(await lock.verify('x'.repeat(10_000))).toBe(false);

    const again = await refusal(lock.setFirst('another passphrase'));
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/already set/);
    time += 1000; // three wrong tries above: the next must wait a second
    expect(await lock.verify(PASSPHRASE)).toBe(true);
  });

  it('refuses verify and change before a passphrase is set', async () => {
    const lock = open();
    expect((await refusal(lock.verify(PASSPHRASE))).code).toBe('not-found');
    expect((await refusal(lock.change(PASSPHRASE, OTHER))).code).toBe('not-found');
  });

  it('stores only a salted scrypt hash at the production cost, never the passphrase', async () => {
    await new InstructorLock(dir, { now: clock }).setFirst(PASSPHRASE);
    const text = fileText();
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
    expect(text).not.toContain(Buffer.from(PASSPHRASE).toString('hex'));
    const file = JSON.parse(text);
    expect(file).toEqual({
      schemaVersion: 1,
      hash: {
        algorithm: 'scrypt',
        N: SCRYPT_COST,
        r: 8,
        p: 1,
        keyLength: 32,
        salt: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
        key: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      },
    });
  });

  it('uses a fresh salt each time, so the same passphrase hashes differently', async () => {
    await open().setFirst(PASSPHRASE);
    const first = JSON.parse(fileText()).hash;
    rmSync(join(dir, INSTRUCTOR_FILE));
    await open().setFirst(PASSPHRASE);
    const second = JSON.parse(fileText()).hash;
    expect(second.salt).not.toBe(first.salt);
    expect(second.key).not.toBe(first.key);
  });

  it('refuses passphrases that are too short or too long, with a clear message', async () => {
    const lock = open();
    const short = await refusal(lock.setFirst('seven77'));
    expect(short.code).toBe('invalid-input');
    expect(short.message).toBe('the passphrase is too short: use at least 8 characters');
    const long = await refusal(lock.setFirst('a'.repeat(201)));
    expect(long.message).toBe('the passphrase is too long: use at most 200 characters');
    expect(await lock.isSet()).toBe(false);

    // Limits count characters, not UTF-16 units: 200 emoji are allowed, 4 are not enough.
    expect((await refusal(lock.setFirst('🔒🔒🔒🔒'))).message).toMatch(/too short/);
    await lock.setFirst('🔒'.repeat(200));
    expect(await lock.verify('🔒'.repeat(200))).toBe(true);

    const tooShortNew = await refusal(lock.change('🔒'.repeat(200), 'short'));
    expect(tooShortNew.message).toBe('the new passphrase is too short: use at least 8 characters');
    expect(await lock.verify('🔒'.repeat(200))).toBe(true);
  });

  it('treats composed and decomposed accents as the same passphrase', async () => {
    const lock = open();
    await lock.setFirst('caf\u00e9 au lait');
    expect(await lock.verify('cafe\u0301 au lait')).toBe(true);
  });

  it('changes the passphrase only when the current one is right', async () => {
    const lock = open();
    await lock.setFirst(PASSPHRASE);
    const wrong = await refusal(lock.change(OTHER, 'a brand new passphrase'));
    expect(wrong.code).toBe('invalid-input');
    expect(wrong.message).toMatch(/current passphrase is not right/);
    expect(await lock.verify(PASSPHRASE)).toBe(true);

    await lock.change(PASSPHRASE, 'a brand new passphrase');
    expect(await lock.verify(PASSPHRASE)).toBe(false);
    expect(await lock.verify('a brand new passphrase')).toBe(true);
    expect(fileText()).not.toContain('a brand new passphrase');
  });

  it('makes each try after three wrong ones wait 1 s, 2 s, 4 s … up to 60 s, and a right try resets', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map(delayAfter)).toEqual([
      0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);

    const lock = open();
    await lock.setFirst(PASSPHRASE);
    // Three free wrong tries.
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(OTHER)).toBe(false);

    // Now even the right passphrase is refused until a second has passed, without being checked.
    const early = await refusal(lock.verify(PASSPHRASE));
    expect(early.code).toBe('conflict');
    expect(early.message).toBe('too many wrong passphrases in a row: wait 1 second before trying again');

    time += 1000;
    expect(await lock.verify(OTHER)).toBe(false);
    time += 1999;
    expect((await refusal(lock.verify(PASSPHRASE))).message).toMatch(/wait 1 second /);
    time += 1;
    expect(await lock.verify(OTHER)).toBe(false);
    expect((await refusal(lock.verify(PASSPHRASE))).message).toMatch(/wait 4 seconds /);
    // Refused tries do not count: the wait does not grow.
    expect((await refusal(lock.verify(OTHER))).message).toMatch(/wait 4 seconds /);
    time += 4000;
    expect(await lock.verify(OTHER)).toBe(false);
    expect((await refusal(lock.verify(OTHER))).message).toMatch(/wait 8 seconds /);

    // change is throttled the same way.
    expect((await refusal(lock.change(PASSPHRASE, 'a brand new passphrase'))).code).toBe('conflict');

    for (const wait of [8, 16, 32, 60, 60]) {
      expect((await refusal(lock.verify(OTHER))).message).toContain(`wait ${wait} seconds `);
      time += wait * 1000;
      expect(await lock.verify(OTHER)).toBe(false);
    }
    time += 60_000;
    expect(await lock.verify(PASSPHRASE)).toBe(true);
    expect(JSON.parse(fileText())).not.toHaveProperty('failures');

    // Reset: three free wrong tries again.
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(PASSPHRASE)).toBe(true);
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(OTHER)).toBe(false);
    expect(await lock.verify(OTHER)).toBe(false);
    expect((await refusal(lock.verify(PASSPHRASE))).code).toBe('conflict');
  });

  it('keeps counting wrong tries across a restart', async () => {
    await open().setFirst(PASSPHRASE);
    for (let i = 0; i < 4; i += 1) {
      const lock = open();
      if (i === 3) time += 1000;
      expect(await lock.verify(OTHER)).toBe(false);
    }
    const file = JSON.parse(fileText());
    expect(file.failures).toBe(4);
    expect(file.nextTryAt).toBe(time + 2000);

    const reopened = open();
    expect(await reopened.isSet()).toBe(true);
    expect((await refusal(reopened.verify(PASSPHRASE))).message).toMatch(/wait 2 seconds /);
    time += 2000;
    expect(await open().verify(PASSPHRASE)).toBe(true);
    expect(await open().verify(PASSPHRASE)).toBe(true);
  });

  it('lets concurrent tries through one at a time, so a burst cannot skip the wait', async () => {
    const lock = open();
    await lock.setFirst(PASSPHRASE);
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(() => lock.verify(OTHER)));
    expect(results.slice(0, 3).map((r) => r.status === 'fulfilled' && r.value)).toEqual([false, false, false]);
    for (const result of results.slice(3)) {
      expect(result.status).toBe('rejected');
      expect(result.status === 'rejected' && (result.reason as ApiError).code).toBe('conflict');
    }
  });

  it('sets a damaged file aside with a notice that the passphrase must be set anew, and keeps working', async () => {
    const damaged = '{ "schemaVersion": 1, "hash": ';
    writeFileSync(join(dir, INSTRUCTOR_FILE), damaged);
    const lock = open();
    expect(await lock.isSet()).toBe(false);
    const [notice] = lock.notices();
    expect(notice?.title).toMatch(/instructor passphrase was damaged/);
    expect(notice?.text).toMatch(/set a new one/);
    const [copy] = readdirSync(join(dir, 'damaged'));
    expect(readFileSync(join(dir, 'damaged', copy!), 'utf8')).toBe(damaged);
    await lock.setFirst(PASSPHRASE);
    expect(await lock.verify(PASSPHRASE)).toBe(true);
  });

  it('never runs a hash of absurd cost from an edited file: it is set aside as damaged', async () => {
    writeFileSync(
      join(dir, INSTRUCTOR_FILE),
      JSON.stringify({
        schemaVersion: 1,
        hash: { algorithm: 'scrypt', N: 2 ** 30, r: 8, p: 1, keyLength: 32, salt: 'AAAA', key: 'AAAA' },
      }),
    );
    const lock = open();
    expect((await refusal(lock.verify(PASSPHRASE))).code).toBe('not-found');
    expect(lock.notices()).toHaveLength(1);
  });
});
