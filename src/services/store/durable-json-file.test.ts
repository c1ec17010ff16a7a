import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile, TEMP_SUFFIX } from './durable-json-file';

interface Doc {
  n: number;
  text: string;
}

const isRoot = process.getuid?.() === 0;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-durable-'));
});

afterEach(() => {
  // A test may leave the folder read-only; give the write bit back so that it can be removed.
  if (existsSync(dir)) chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

function tempFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith(TEMP_SUFFIX));
}

describe('DurableJsonFile', () => {
  it('reads a missing file as null', async () => {
    const file = new DurableJsonFile<Doc>(join(dir, 'missing.json'));
    await expect(file.read()).resolves.toBeNull();
  });

  it('reads back what it wrote, and writes plain JSON that other readers can parse', async () => {
    const path = join(dir, 'doc.json');
    const file = new DurableJsonFile<Doc>(path);
    const doc: Doc = { n: 1, text: 'héllo "quoted" \n line' };
    await file.write(doc);
    await expect(file.read()).resolves.toEqual(doc);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(doc);
    // A second adapter on the same path (a restart) sees the same data.
    await expect(new DurableJsonFile<Doc>(path).read()).resolves.toEqual(doc);
  });

  it('replaces the target by rename: after writes no temporary file is left beside it', async () => {
    const path = join(dir, 'doc.json');
    const file = new DurableJsonFile<Doc>(path);
    await file.write({ n: 1, text: 'first' });
    await file.write({ n: 2, text: 'second' });
    expect(readdirSync(dir)).toEqual(['doc.json']);
    expect(tempFiles(dir)).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ n: 2, text: 'second' });
  });

  it('serialises concurrent writes from one process: the file holds the last write and parses', async () => {
    const path = join(dir, 'doc.json');
    const file = new DurableJsonFile<Doc>(path);
    const finished: number[] = [];
    const writes = Array.from({ length: 50 }, (_, n) =>
      file.write({ n, text: 'x'.repeat(1000 * (50 - n)) }).then(() => finished.push(n)),
    );
    await Promise.all(writes);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ n: 49, text: 'x'.repeat(1000) });
    // Queued: each write completes in the order it was asked for.
    expect(finished).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(tempFiles(dir)).toEqual([]);
  });

  it.skipIf(isRoot)(
    'a write into a read-only folder rejects, keeps the previous file and leaves no temp file (skipped as root: root ignores folder permissions; the variants below fail without permissions)',
    async () => {
      const path = join(dir, 'doc.json');
      const file = new DurableJsonFile<Doc>(path);
      await file.write({ n: 1, text: 'kept' });
      const before = readFileSync(path, 'utf8');
      chmodSync(dir, 0o500);
      await expect(file.write({ n: 2, text: 'lost' })).rejects.toMatchObject({ code: 'EACCES' });
      chmodSync(dir, 0o700);
      expect(readFileSync(path, 'utf8')).toBe(before);
      expect(readdirSync(dir)).toEqual(['doc.json']);
      // The failure does not jam the queue.
      await file.write({ n: 3, text: 'after' });
      await expect(file.read()).resolves.toEqual({ n: 3, text: 'after' });
    },
  );

  it('a write whose parent folder does not exist rejects and creates nothing', async () => {
    const file = new DurableJsonFile<Doc>(join(dir, 'no', 'such', 'folder', 'doc.json'));
    await expect(file.write({ n: 1, text: 'x' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
    await expect(file.read()).resolves.toBeNull();
  });

  it('a write that fails because the folder went away keeps the previous file, leaves no temp file and does not jam the queue', async () => {
    const folder = join(dir, 'data');
    const moved = join(dir, 'moved');
    mkdirSync(folder);
    const file = new DurableJsonFile<Doc>(join(folder, 'doc.json'));
    await file.write({ n: 1, text: 'kept' });
    const before = readFileSync(join(folder, 'doc.json'), 'utf8');

    renameSync(folder, moved);
    await expect(file.write({ n: 2, text: 'lost' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readFileSync(join(moved, 'doc.json'), 'utf8')).toBe(before);
    expect(readdirSync(moved)).toEqual(['doc.json']);
    expect(readdirSync(dir)).toEqual(['moved']);

    renameSync(moved, folder);
    await file.write({ n: 3, text: 'after' });
    await expect(file.read()).resolves.toEqual({ n: 3, text: 'after' });
    expect(readdirSync(folder)).toEqual(['doc.json']);
  });

  it('a write that fails after the temp file was written (rename over a folder) removes the temp file', async () => {
    // The target path is a non-empty folder, so the temp file is created and written but the rename fails.
    const path = join(dir, 'doc.json');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    const file = new DurableJsonFile<Doc>(path);
    await expect(file.write({ n: 1, text: 'x' })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['doc.json']);
    expect(readdirSync(path)).toEqual(['inside']);
  });

  it('a file holding invalid JSON is reported, not read as empty', async () => {
    const path = join(dir, 'doc.json');
    writeFileSync(path, '{"n": 1,');
    await expect(new DurableJsonFile<Doc>(path).read()).rejects.toThrow(SyntaxError);
  });
});
