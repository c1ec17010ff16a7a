// `sourcewise report`: class reports from progress files, for instructors who script.
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../shared/answers';
import type { Pack } from '../shared/pack/schema';
import type { ProgressFile } from '../shared/progress-file';
import { scoreAnswer } from '../shared/scoring';
import { runCli } from './main';

const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json'), 'utf8')) as Pack;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** A learner's progress file: the first `count` classify items, the first one answered wrong. */
function progressFile(learnerId: string, name: string, count: number): ProgressFile {
  const items = seed.items.filter((item) => item.type === 'classify').slice(0, count);
  return {
    kind: 'sourcewise-progress',
    schemaVersion: 1,
    exportedAt: '2026-11-26T10:00:00.000Z',
    appVersion: '0.1.0',
    learner: { id: learnerId, name },
    packs: [{ id: seed.id, version: seed.version, title: seed.meta.title }],
    attempts: items.map((item, index) => {
      if (item.type !== 'classify') throw new Error('classify items only');
      const answer: Answer = {
        type: 'classify',
        label: index === 0 ? (item.claim.label === 'opinion' ? 'denial' : 'opinion') : item.claim.label,
      };
      const score = scoreAnswer(item, answer, seed);
      return {
        id: `${learnerId.slice(0, 8)}-0000-4000-8000-${String(index).padStart(12, '0')}`,
        learnerId,
        packId: seed.id,
        packVersion: seed.version,
        itemId: item.id,
        itemType: 'classify',
        round: 1,
        answer,
        correct: score.correct,
        score: score.score,
        labels: score.labels,
        timeTakenMs: 3000,
        answeredAt: `2026-11-26T09:${String(index).padStart(2, '0')}:00.000Z`,
        appVersion: '0.1.0',
      };
    }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-report-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('sourcewise report', () => {
  const ana = () => write('ana.json', progressFile('aaaaaaaa-1111-4111-8111-111111111111', 'Ana', 5));
  const ben = () => write('ben.json', progressFile('bbbbbbbb-2222-4222-8222-222222222222', 'Ben', 3));

  it('writes the learners CSV and the attempts CSV, named as the app names them, without counting a file given twice twice', async () => {
    const out = join(dir, 'class-learners.csv');
    const result = await run('report', ana(), ben(), ana(), '--format', 'csv', '--out', join(dir, 'class.csv'));
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`wrote ${out}`, `wrote ${join(dir, 'class-attempts.csv')}`]);
    const learners = parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(learners).toHaveLength(2);
    const attempts = parse(readFileSync(join(dir, 'class-attempts.csv'), 'utf8'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(attempts).toHaveLength(8);
  });

  it('writes xAPI statements for the named home page', async () => {
    const out = join(dir, 'class-xapi.json');
    const result = await run(
      'report',
      ana(),
      '--format',
      'xapi',
      '--out',
      join(dir, 'class'),
      '--home-page',
      'https://lms.example.edu',
    );
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`wrote ${out}`]);
    const statements = JSON.parse(readFileSync(out, 'utf8')) as { actor: { account: { homePage: string; name: string } } }[];
    expect(statements).toHaveLength(5);
    expect(statements[0]!.actor.account).toEqual({
      homePage: 'https://lms.example.edu',
      name: 'aaaaaaaa-1111-4111-8111-111111111111',
    });
  });

  it('writes a PDF', async () => {
    const out = join(dir, 'class.pdf');
    expect((await run('report', ana(), ben(), '--format', 'pdf', '--out', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 1 naming the file and the problem when a file is invalid or unreadable, and writes nothing', async () => {
    const out = join(dir, 'class-learners.csv');
    const broken = write('broken.json', { kind: 'sourcewise-progress', schemaVersion: 1 });
    const result = await run(
      'report',
      ana(),
      broken,
      join(dir, 'missing.json'),
      '--format',
      'csv',
      '--out',
      join(dir, 'class.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.err.some((line) => line.startsWith(`${broken}: `))).toBe(true);
    expect(result.err).toContain(`${join(dir, 'missing.json')}: cannot be read (ENOENT)`);
    expect(result.err.at(-1)).toMatch(/no report written/);
    expect(existsSync(out)).toBe(false);
  });

  it('filters by pack, and refuses a pack no attempt is from', async () => {
    const out = join(dir, 'class.csv');
    expect((await run('report', ana(), '--format', 'csv', '--out', out, '--pack', seed.id)).code).toBe(0);
    const none = await run('report', ana(), '--format', 'csv', '--out', out, '--pack', 'no-such-pack');
    expect(none.code).toBe(1);
    expect(none.err[0]).toMatch(/no attempt in these files is from pack "no-such-pack"/);
  });

  it('explains its usage when the format or output is missing', async () => {
    expect((await run('report', ana(), '--format', 'doc', '--out', join(dir, 'x'))).code).toBe(2);
    expect((await run('report', ana(), '--format', 'csv')).code).toBe(2);
  });
});
