/**
 * A learner's progress journal, `learners/<id>.journal`: every change since the learner's snapshot
 * (`learners/<id>.json`), one line each, appended and flushed (fdatasync) before it is acknowledged.
 * Appending costs one small write and one flush however long the learner's history is; the store
 * folds the journal into a new snapshot now and then (see progress-store.ts).
 *
 * A line is `<crc32 of the JSON, 8 hex digits> <one JSON record>\n`. JSON.stringify never writes a
 * raw newline, so a line is one record. Every record carries `seq`, one more than the record before:
 * the snapshot says up to which `seq` it holds, so that replaying skips what it already has.
 *
 * Reading tells three things apart:
 * - a valid line (checksum, JSON and shape all right, `seq` rising);
 * - after the last valid line, the start of a record cut off before its newline (no NUL byte in it):
 *   an append that never finished (a kill or power cut during the write or before its flush), so it
 *   was never acknowledged: ignored, and cut off before the next append;
 * - anything else that does not read, wherever it is (a line with valid lines after it, zero bytes,
 *   a whole line of garbage, a record of a newer format): damage (the disk, or an edit by hand),
 *   which the store reports and sets aside. Only what is certainly an unfinished append is silent.
 */
import { open, readFile, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Attempt } from '../../shared/progress';
import { syncFolder, writeDurably } from './durable-json-file';
import { StoredCard } from './review-schedule';
import { PRIVATE_FILE } from './private-files';

export const JOURNAL_SUFFIX = '.journal';

const Seq = z.number().int().min(1);

export const JournalRecord = z.discriminatedUnion('t', [
  /** An answer, with the review card it changes (if any): one record, so both are saved or neither. */
  z.object({
    t: z.literal('attempt'),
    seq: Seq,
    attempt: Attempt,
    review: z.object({ key: z.string(), card: StoredCard }).optional(),
  }),
  /** A pack started again: its round from now on. */
  z.object({ t: z.literal('round'), seq: Seq, packId: z.string(), round: z.number().int().min(1) }),
]);
export type JournalRecord = z.infer<typeof JournalRecord>;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib and PNG use it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** One journal line, newline included. */
export function encodeRecord(record: JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  const line = Buffer.allocUnsafe(json.length + 10);
  line.write(crc32(json).toString(16).padStart(8, '0'), 0, 'latin1');
  line[8] = 0x20;
  json.copy(line, 9);
  line[line.length - 1] = 0x0a;
  return line;
}

const HEX = /^[0-9a-f]{8}$/;

/** The record on one line (without its newline), or undefined when the line is not a valid record of this learner. */
export function decodeLine(line: Buffer, learnerId: string): JournalRecord | undefined {
  if (line.length < 11 || line[8] !== 0x20) return undefined;
  const hex = line.toString('latin1', 0, 8);
  if (!HEX.test(hex)) return undefined;
  const json = line.subarray(9);
  if (parseInt(hex, 16) !== crc32(json)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = JournalRecord.safeParse(raw);
  if (!parsed.success) return undefined;
  if (parsed.data.t === 'attempt' && parsed.data.attempt.learnerId !== learnerId) return undefined;
  return parsed.data;
}

export interface JournalContents {
  exists: boolean;
  /** The valid records, in the order written (`seq` rising). */
  records: JournalRecord[];
  /** Bytes up to the end of the last valid record: where the next record goes. */
  validLength: number;
  /** Lines that do not read and are not an unfinished append: damage. */
  damagedLines: number;
  /** The bytes after the last valid record are an append that never finished, and was never acknowledged. */
  tornTail: boolean;
}

export async function readJournal(path: string, learnerId: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { exists: false, records: [], validLength: 0, damagedLines: 0, tornTail: false };
    throw error;
  }
  const records: JournalRecord[] = [];
  let validLength = 0;
  let damagedLines = 0;
  let unreadableSinceValid = 0;
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break; // no newline: the last append never finished
    const record = decodeLine(bytes.subarray(start, end), learnerId);
    const previous = records[records.length - 1];
    if (record && (!previous || record.seq > previous.seq)) {
      records.push(record);
      validLength = end + 1;
      damagedLines += unreadableSinceValid;
      unreadableSinceValid = 0;
    } else {
      unreadableSinceValid++;
    }
    start = end + 1;
  }
  const tail = bytes.subarray(validLength);
  if (tail.length > 0 && !isUnfinishedAppend(tail)) {
    const lines = unreadableSinceValid + (tail[tail.length - 1] === 0x0a ? 0 : 1);
    return { exists: true, records, validLength, damagedLines: damagedLines + lines, tornTail: false };
  }
  return { exists: true, records, validLength, damagedLines, tornTail: tail.length > 0 };
}

/**
 * Whether the bytes after the last valid record can be an append that never finished: the start of
 * one line (no newline), as a record begins (hex checksum, then a space), without NUL bytes, which
 * no record holds.
 */
function isUnfinishedAppend(tail: Buffer): boolean {
  if (tail.includes(0x0a) || tail.includes(0x00)) return false;
  const head = tail.toString('latin1', 0, Math.min(9, tail.length));
  return /^[0-9a-f]{0,8}$/.test(head) || /^[0-9a-f]{8} $/.test(head);
}

/**
 * Appends to one journal file. It remembers the file it left (inode and valid length), so that it
 * notices when the file is no longer that one: deleted, replaced, or cut shorter behind its back.
 */
export class JournalWriter {
  readonly path: string;
  private length: number;
  private ino: number | undefined;
  private folderSynced = false;
  /** Records in the file (those a snapshot already holds included, until the journal is reset). */
  records: number;

  private constructor(path: string, length: number, ino: number | undefined, records: number) {
    this.path = path;
    this.length = length;
    this.ino = ino;
    this.records = records;
  }

  /** A writer for the journal as just read (`contents`); a torn tail is cut off at the first append. */
  static async after(path: string, contents: JournalContents): Promise<JournalWriter> {
    let ino: number | undefined;
    if (contents.exists) {
      try {
        ino = (await stat(path)).ino;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return new JournalWriter(path, ino === undefined ? 0 : contents.validLength, ino, contents.records.length);
  }

  /** Bytes of valid records in the file. */
  get bytes(): number {
    return this.length;
  }

  /**
   * Appends one line and flushes it. Resolves `'replaced'`, writing nothing, when the file is not the
   * one this writer left; then the caller must write everything it holds some other way (a snapshot)
   * and `reset()`. On an error the file is cut back to where it was, as far as that is possible; a
   * remainder is cut off by the next append.
   */
  async append(line: Buffer): Promise<'appended' | 'replaced'> {
    const handle = await open(this.path, 'a', PRIVATE_FILE);
    try {
      const now = await handle.stat();
      const known = this.ino !== undefined;
      if ((known && (now.ino !== this.ino || now.size < this.length)) || (!known && now.size > 0)) return 'replaced';
      if (!known) this.folderSynced = false; // created by this open: its name is not on disk yet
      this.ino = now.ino;
      if (now.size > this.length) await handle.truncate(this.length); // an unfinished append from before
      try {
        let written = 0;
        while (written < line.length) written += (await handle.write(line, written, line.length - written)).bytesWritten;
        await handle.datasync();
      } catch (error) {
        await handle.truncate(this.length).catch(() => undefined);
        throw error;
      }
    } finally {
      await handle.close();
    }
    // The first append of this process flushes the folder too, so that the file's name is durable
    // (a new journal, or one whose creator was killed between its flush and the folder's).
    if (!this.folderSynced) {
      await syncFolder(dirname(this.path));
      this.folderSynced = true;
    }
    this.length += line.length;
    this.records++;
    return 'appended';
  }

  /**
   * After a snapshot holding everything up to some record is durable: the journal keeps only `lines`,
   * the records written after it. With none it is truncated in place (a crash leaves it whole or
   * empty, both right); otherwise the lines replace it atomically.
   */
  async reset(lines: Buffer[]): Promise<void> {
    if (lines.length === 0) {
      try {
        await truncate(this.path, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.ino = undefined;
        this.length = 0;
        this.records = 0;
        return;
      }
      const handle = await open(this.path, 'r+');
      try {
        await handle.datasync();
        this.ino = (await handle.stat()).ino;
      } finally {
        await handle.close();
      }
      this.length = 0;
      this.records = 0;
      return;
    }
    const text = Buffer.concat(lines);
    await writeDurably(this.path, text);
    this.ino = (await stat(this.path)).ino;
    this.length = text.length;
    this.records = lines.length;
    this.folderSynced = true;
  }
}
