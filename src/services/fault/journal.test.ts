/**
 * A learner's journal (`learners/<id>.journal`) after a crash, a power cut or damage, and the states a
 * fold can be interrupted in. (A writer killed at random moments, folds included, is kill.test.ts.)
 *
 * - An unfinished last line (the start of a record, cut off before its newline, with no valid record
 *   after it) is an append that was never acknowledged: it is ignored without a notice, opening
 *   writes nothing, and the next append cuts it off first.
 * - Anything else after the last valid record (zero bytes, a whole line that does not read, a record
 *   of a newer format) is damage, handled as below: it must never vanish in silence.
 * - An unreadable line with valid ones after it is damage: the journal is copied to `damaged/` as it
 *   was, every readable record is kept, a notice says how many lines were lost, and the journal is
 *   folded into a new snapshot so that the next start is clean.
 * - A fold interrupted after its snapshot was written leaves records in the journal that the snapshot
 *   holds already: they are skipped, never counted twice.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attempt, Learner } from '../../shared/progress';
import { crc32, decodeLine, encodeRecord } from '../store/progress-journal';
import { ProgressStore } from '../store/progress-store';
import { snapshot, validAttempt } from './fixtures';

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-journal-'));
  dataDir = join(root, 'data');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const snapshotPath = (learner: Learner) => join(dataDir, 'learners', `${learner.id}.json`);
const journalPath = (learner: Learner) => join(dataDir, 'learners', `${learner.id}.journal`);
const ids = (attempts: Attempt[]) => attempts.map((attempt) => attempt.id);

/** A learner with `count` acknowledged answers, all in the journal (the store is then closed). */
async function history(count: number): Promise<{ learner: Learner; acknowledged: Attempt[] }> {
  const store = new ProgressStore(dataDir);
  const learner = await store.createLearner('Ana');
  const acknowledged: Attempt[] = [];
  for (let n = 0; n < count; n++) {
    const attempt = validAttempt(learner.id, { itemId: `item-${n + 1}` });
    await store.addAttempt(attempt);
    acknowledged.push(attempt);
  }
  await store.settled();
  return { learner, acknowledged };
}

/** The journal's lines, without their newlines; the last one may be unfinished. */
function lines(bytes: Buffer): Buffer[] {
  const result: Buffer[] = [];
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(0x0a, start);
    result.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    start = end < 0 ? bytes.length : end + 1;
  }
  return result;
}

/** A record as the store would have appended it next, for an answer it never acknowledged. */
function unacknowledgedLine(learner: Learner, seq: number): Buffer {
  return encodeRecord({ t: 'attempt', seq, attempt: validAttempt(learner.id, { itemId: 'never-acknowledged' }) });
}

const TORN_TAILS: { name: string; tail: (learner: Learner, seq: number) => Buffer }[] = [
  { name: 'a record cut off half way', tail: (learner, seq) => unacknowledgedLine(learner, seq).subarray(0, 150) },
  { name: 'a record cut off just before its newline', tail: (learner, seq) => unacknowledgedLine(learner, seq).subarray(0, -1) },
];

/** Last lines that are not an append cut short: damage, which must never pass for one in silence. */
const DAMAGED_ENDS: { name: string; end: (learner: Learner, seq: number) => Buffer }[] = [
  { name: 'zero bytes', end: () => Buffer.alloc(700, 0) },
  {
    name: 'a whole line whose checksum fails',
    end: (learner, seq) => {
      const line = Buffer.from(unacknowledgedLine(learner, seq));
      line.fill(0, 200, 260);
      return line;
    },
  },
  { name: 'a whole line of garbage', end: () => Buffer.from('this is not a journal record at all\n') },
  {
    name: 'a record from a newer format',
    end: (_learner, seq) => {
      const json = Buffer.from(JSON.stringify({ t: 'bookmark', seq, at: '2026-03-02T09:00:00.000Z' }));
      return Buffer.concat([Buffer.from(`${crc32(json).toString(16).padStart(8, '0')} `), json, Buffer.from('\n')]);
    },
  },
];

describe('an unfinished last line', () => {
  it.each(TORN_TAILS)('($name) is ignored without a notice, and cut off before the next append', async ({ tail }) => {
    const { learner, acknowledged } = await history(4);
    appendFileSync(journalPath(learner), tail(learner, 5));
    const before = snapshot(dataDir);

    const store = new ProgressStore(dataDir);
    await store.open();
    expect(store.notices()).toEqual([]);
    expect(ids(await store.attempts(learner.id))).toEqual(ids(acknowledged));
    expect(snapshot(dataDir), 'opening writes nothing').toEqual(before);

    const next = validAttempt(learner.id, { itemId: 'after-the-crash' });
    await store.addAttempt(next);
    const written = lines(readFileSync(journalPath(learner)));
    expect(written.map((line) => decodeLine(line, learner.id)?.seq)).toEqual([1, 2, 3, 4, 5]);

    const again = new ProgressStore(dataDir);
    expect(ids(await again.attempts(learner.id))).toEqual(ids([...acknowledged, next]));
    expect(again.notices()).toEqual([]);
  });

  it('is left alone in a store from a newer version, which is only read', async () => {
    const { learner, acknowledged } = await history(2);
    const future = { ...JSON.parse(readFileSync(snapshotPath(learner), 'utf8')), schemaVersion: 99 };
    writeFileSync(snapshotPath(learner), JSON.stringify(future));
    appendFileSync(journalPath(learner), unacknowledgedLine(learner, 3).subarray(0, 100));
    const before = snapshot(dataDir);

    const store = new ProgressStore(dataDir);
    // The journal's records are shown on top of the snapshot, read-only.
    expect(ids(await store.attempts(learner.id))).toEqual(ids(acknowledged));
    await expect(store.addAttempt(validAttempt(learner.id))).rejects.toMatchObject({ code: 'read-only' });
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('damage at the end of the journal', () => {
  it.each(DAMAGED_ENDS)('($name) is reported, the journal set aside, every readable answer kept', async ({ end }) => {
    const { learner, acknowledged } = await history(4);
    appendFileSync(journalPath(learner), end(learner, 5));
    const damaged = readFileSync(journalPath(learner));

    const store = new ProgressStore(dataDir);
    await store.open();
    const [notice, ...others] = store.notices();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ severity: 'warning', title: "Ana's progress was partly damaged" });
    expect(ids(await store.attempts(learner.id))).toEqual(ids(acknowledged));
    const setAside = readdirSync(join(dataDir, 'damaged'));
    expect(readFileSync(join(dataDir, 'damaged', setAside[0]!)).equals(damaged)).toBe(true);
  });

  it('overwritten with zero bytes from the start: reported, not taken for an unfinished append', async () => {
    const { learner } = await history(4);
    const length = readFileSync(journalPath(learner)).length;
    writeFileSync(journalPath(learner), Buffer.alloc(length, 0));

    const store = new ProgressStore(dataDir);
    await store.open();
    const [notice] = store.notices();
    expect(notice).toMatchObject({ title: "Ana's progress was partly damaged" });
    expect(readdirSync(join(dataDir, 'damaged'))).toHaveLength(1);
  });
});

describe('a damaged line with valid ones after it', () => {
  it('is reported; the journal is set aside as it was, every readable answer kept, and the journal folded', async () => {
    const { learner, acknowledged } = await history(5);
    const original = readFileSync(journalPath(learner));
    const damaged = Buffer.from(original);
    const second = lines(original)[0]!.length + 1; // where the second line starts
    damaged.write('XX', second + 40, 'latin1'); // inside the second record: its checksum fails
    writeFileSync(journalPath(learner), damaged);

    const store = new ProgressStore(dataDir);
    await store.open();
    const [notice, ...others] = store.notices();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ severity: 'warning', title: "Ana's progress was partly damaged" });
    expect(notice!.text).toContain('1 line of the journal of recent answers could not be read');
    const kept = [acknowledged[0]!, ...acknowledged.slice(2)];
    expect(ids(await store.attempts(learner.id))).toEqual(ids(kept));

    // Set aside byte for byte, in the same place as damaged snapshots.
    const setAside = readdirSync(join(dataDir, 'damaged'));
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatch(new RegExp(`^${learner.id}-.*\\.journal$`));
    expect(readFileSync(join(dataDir, 'damaged', setAside[0]!)).equals(damaged)).toBe(true);
    expect(notice!.text).toContain(join(dataDir, 'damaged', setAside[0]!));

    // Folded: the damaged line is gone from the live files, so the next start is clean.
    expect(readFileSync(journalPath(learner)).length).toBe(0);
    expect(ids(JSON.parse(readFileSync(snapshotPath(learner), 'utf8')).attempts)).toEqual(ids(kept));
    const again = new ProgressStore(dataDir);
    await again.open();
    expect(again.notices()).toEqual([]);
    expect(ids(await again.attempts(learner.id))).toEqual(ids(kept));
    await again.addAttempt(validAttempt(learner.id));
  });

  it('counts every damaged line, and still ignores an unfinished last one', async () => {
    const { learner, acknowledged } = await history(6);
    const all = lines(readFileSync(journalPath(learner)));
    const garbled = [all[0], Buffer.from('not a record'), all[2], Buffer.alloc(30, 0), all[4], all[5]].map((line) =>
      Buffer.concat([line!, Buffer.from('\n')]),
    );
    writeFileSync(journalPath(learner), Buffer.concat([...garbled, unacknowledgedLine(learner, 7).subarray(0, 90)]));

    const store = new ProgressStore(dataDir);
    await store.open();
    const [notice] = store.notices();
    expect(notice!.text).toContain('2 lines of the journal of recent answers could not be read');
    expect(ids(await store.attempts(learner.id))).toEqual(ids([0, 2, 4, 5].map((n) => acknowledged[n]!)));
  });
});

describe('a fold interrupted', () => {
  it('after its snapshot was written but before the journal was emptied: nothing counts twice', async () => {
    const { learner, acknowledged } = await history(4);
    const journal = readFileSync(journalPath(learner));
    const store = new ProgressStore(dataDir);
    await store.compact();
    expect(JSON.parse(readFileSync(snapshotPath(learner), 'utf8'))).toMatchObject({ seq: 4 });
    writeFileSync(journalPath(learner), journal); // as it was before the journal was emptied

    const reopened = new ProgressStore(dataDir);
    await reopened.open();
    expect(reopened.notices()).toEqual([]);
    expect(ids(await reopened.attempts(learner.id))).toEqual(ids(acknowledged));

    // Answers go on after the last record; the first write of the session folds the stale ones away.
    const next = validAttempt(learner.id, { itemId: 'after' });
    await reopened.addAttempt(next);
    await reopened.settled();
    expect(readFileSync(journalPath(learner)).length).toBe(0);
    expect(ids(await new ProgressStore(dataDir).attempts(learner.id))).toEqual(ids([...acknowledged, next]));
  });

  it('with the journal half rewritten (a temporary file beside it): the temporary file goes, the journal counts', async () => {
    const { learner, acknowledged } = await history(3);
    const leftover = join(dataDir, 'learners', `.${learner.id}.journal.4242.a1b2c3d4e5f6.tmp`);
    writeFileSync(leftover, lines(readFileSync(journalPath(learner)))[2]!);
    const store = new ProgressStore(dataDir);
    await store.open();
    expect(store.notices()).toEqual([]);
    expect(existsSync(leftover)).toBe(false);
    expect(ids(await store.attempts(learner.id))).toEqual(ids(acknowledged));
  });
});

describe('a journal without its snapshot', () => {
  it('of a learner the index does not list is found again from the journal alone', async () => {
    const { learner, acknowledged } = await history(2);
    rmSync(snapshotPath(learner));
    rmSync(join(dataDir, 'backups', learner.id), { recursive: true });
    writeFileSync(join(dataDir, 'learners.json'), JSON.stringify({ schemaVersion: 3, learners: [] }));

    const store = new ProgressStore(dataDir);
    await store.open();
    expect(store.notices().map((notice) => notice.title)).toEqual(['A learner was found again']);
    const [found] = await store.listLearners();
    expect(found!.id).toBe(learner.id);
    expect(ids(await store.attempts(learner.id))).toEqual(ids(acknowledged));
  });
});
