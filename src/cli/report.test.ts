// `sourcewise report`: class reports from progress files, for instructors who script.
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('writes the learners, attempts and items CSVs in one zip, named as the app names them, without counting a file given twice twice', async () => {
    const out = join(dir, 'class-csv.zip');
    const result = await run('report', ana(), ben(), ana(), '--format', 'csv', '--out', join(dir, 'class.csv'));
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`wrote ${out}`]);
    const zipped = unzipSync(readFileSync(out));
    expect(Object.keys(zipped).sort()).toEqual(['class-attempts.csv', 'class-items.csv', 'class-learners.csv']);
    const table = (name: string) => parse(strFromU8(zipped[name]!), { columns: true, bom: true }) as Record<string, string>[];
    expect(table('class-learners.csv')).toHaveLength(2);
    expect(table('class-attempts.csv')).toHaveLength(8);
    expect(table('class-items.csv')).toHaveLength(seed.items.length);
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

  it('puts activity ids and extension keys under --activity-base, or under --home-page without it', async () => {
    type Statement = { object: { id: string }; context: { extensions: Record<string, unknown> } };
    const statementsFor = async (...extra: string[]) => {
      const result = await run('report', ana(), '--format', 'xapi', '--out', join(dir, 'class'), ...extra);
      expect(result.err).toEqual([]);
      return JSON.parse(readFileSync(join(dir, 'class-xapi.json'), 'utf8')) as Statement[];
    };
    const keysOf = (statement: Statement) => [statement.object.id, ...Object.keys(statement.context.extensions)];
    const based = await statementsFor(
      '--home-page',
      'https://lms.example.edu',
      '--activity-base',
      'https://school.example/xapi/',
    );
    expect(based[0]!.object.id).toBe(`https://school.example/xapi/sourcewise/packs/${seed.id}/items/${seed.items[0]!.id}`);
    expect(based.flatMap(keysOf).every((iri) => iri.startsWith('https://school.example/xapi/sourcewise/'))).toBe(true);
    const home = await statementsFor('--home-page', 'https://lms.example.edu');
    expect(home.flatMap(keysOf).every((iri) => iri.startsWith('https://lms.example.edu/sourcewise/'))).toBe(true);
  });

  it('refuses an xAPI report without --home-page, or with an address that is not http(s), in one line', async () => {
    const missing = await run('report', ana(), '--format', 'xapi', '--out', join(dir, 'class'));
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([
      'sourcewise report: --format xapi needs --home-page URL, the address of your LMS or school (such as https://lms.school.example)',
    ]);
    const wrong = await run('report', ana(), '--format', 'xapi', '--out', join(dir, 'class'), '--home-page', 'lms.example.edu');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toEqual(['sourcewise report: --home-page and --activity-base must be http:// or https:// addresses']);
    expect(existsSync(join(dir, 'class-xapi.json'))).toBe(false);
  });

  it('writes a PDF', async () => {
    const out = join(dir, 'class.pdf');
    expect((await run('report', ana(), ben(), '--format', 'pdf', '--out', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names invalid and unreadable files and skips them, as the app does; exits 1 only with none valid or --strict', async () => {
    const out = join(dir, 'class-csv.zip');
    const broken = write('broken.json', { kind: 'sourcewise-progress', schemaVersion: 1 });
    const missing = join(dir, 'missing.json');
    const args = ['--format', 'csv', '--out', join(dir, 'class.csv')];
    const skipped = await run('report', ana(), broken, missing, ...args);
    expect(skipped.code).toBe(0);
    expect(skipped.err.some((line) => line.startsWith(`${broken}: `))).toBe(true);
    expect(skipped.err).toContain(`${missing}: cannot be read (ENOENT)`);
    expect(skipped.err.at(-1)).toBe('sourcewise report: the files above were skipped');
    expect(existsSync(out)).toBe(true);
    rmSync(out);

    const strict = await run('report', ana(), broken, ...args, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err.at(-1)).toMatch(/no report written: some files are unreadable or invalid \(--strict\)/);
    const none = await run('report', broken, ...args);
    expect(none.code).toBe(1);
    expect(none.err.at(-1)).toMatch(/no report written: no valid progress file/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads every .json file of a folder named', async () => {
    ana();
    ben();
    write('notes.txt', 'not a progress file');
    const result = await run('report', dir, '--format', 'csv', '--out', join(dir, 'class.csv'));
    expect(result.err).toEqual([]);
    const zipped = unzipSync(readFileSync(join(dir, 'class-csv.zip')));
    expect(parse(strFromU8(zipped['class-learners.csv']!), { columns: true, bom: true })).toHaveLength(2);
  });

  it('answers an --out it cannot write to with one plain line', async () => {
    const intoMissing = await run('report', ana(), '--format', 'pdf', '--out', join(dir, 'nowhere', 'class.pdf'));
    expect(intoMissing).toMatchObject({ code: 2, out: [] });
    expect(intoMissing.err).toEqual([
      `sourcewise report: --out ${join(dir, 'nowhere', 'class.pdf')}: the folder ${join(dir, 'nowhere')} does not exist`,
    ]);
    const aFolder = await run('report', ana(), '--format', 'pdf', '--out', dir);
    expect(aFolder.code).toBe(2);
    expect(aFolder.err).toHaveLength(1);
    expect(aFolder.err[0]).toMatch(/is a folder: give a file name/);
  });

  it('takes packs from a data folder too, and names a pack it cannot find', async () => {
    const packsDir = join(dir, 'no-packs');
    mkdirSync(packsDir);
    const args = ['--format', 'csv', '--out', join(dir, 'class.csv'), '--packs-dir', packsDir];
    const unknown = await run('report', ana(), ...args);
    expect(unknown.code).toBe(0);
    expect(unknown.err).toEqual([expect.stringMatching(new RegExp(`^sourcewise report: pack "${seed.id}" is not in `))]);

    const dataDir = join(dir, 'data');
    mkdirSync(join(dataDir, 'packs'), { recursive: true });
    writeFileSync(join(dataDir, 'packs', `${seed.id}.json`), JSON.stringify(seed));
    const found = await run('report', ana(), ...args, '--data-dir', dataDir);
    expect(found.err).toEqual([]);
    const zipped = unzipSync(readFileSync(join(dir, 'class-csv.zip')));
    const attempts = parse(strFromU8(zipped['class-attempts.csv']!), { columns: true, bom: true }) as Record<string, string>[];
    expect(attempts[0]!.pack).toBe(seed.meta.title);
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
