// `sourcewise report --format xapi`, checked by Learning Locker's own validator (the one its LRS runs
// on every statement it receives): every statement over every shipped pack, for a generated class.
import validateStatement from '@learninglocker/xapi-validation';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../shared/answers';
import { kindOf } from '../shared/exercises/registry';
import { Pack, type Item } from '../shared/pack/schema';
import type { Attempt } from '../shared/progress';
import type { ProgressFile } from '../shared/progress-file';
import { answerFor, scoredAttempt } from '../shared/testing/answers';
import { DEFAULT_TEST_SEED, seededRandom } from '../shared/testing/random';
import { runCli } from './main';

const EXERCISES = join(import.meta.dirname, '../../exercises');
const PACKS = readdirSync(EXERCISES)
  .filter((name) => name.endsWith('.json') && name !== 'pack.schema.json')
  .map((name) => Pack.parse(JSON.parse(readFileSync(join(EXERCISES, name), 'utf8'))));

/** Names in several scripts: the statements carry them as they are. */
const NAMES = ['Ana', 'Björn Ødegård', '王小明', '佐藤 花子', 'Ngozi Okonkwo-Adébáyọ̀', 'Ιωάννα'];
const HOME = 'https://lms.school.example';

type Statement = Record<string, unknown>;

/** Every problem the validator finds in each statement, as `[index] path: warning`. */
function problemsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((statement, index) =>
    validateStatement(statement).map((warning) => `[${index}] ${warning.path.join('.')}: ${warning.constructor.name}`),
  );
}

/** A partly right answer where the type has one (find: one span of several), else right or wrong. */
function answerOf(item: Item, random: () => number): Answer {
  const roll = random();
  if (item.type === 'find' && roll < 0.2 && item.spans.length > 1) {
    const [first] = item.spans;
    return { type: 'find', spans: [{ paragraph: first!.paragraph, start: first!.start, end: first!.end }] };
  }
  return answerFor(item, roll < 0.65);
}

/** The order a learner was shown an item's lists in, shuffled, where the type shuffles them. */
function shownOf(item: Item, random: () => number): Attempt['shown'] {
  const lists = kindOf(item.type).shuffled?.lists(item as never);
  if (lists === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(lists).map(([field, ids]) => [field, [...(ids as string[])].sort(() => random() - 0.5)]),
  );
}

/** One learner's progress file: every shipped pack played through, some reviews, and one pack not shipped. */
function learnerFile(index: number, random: () => number): ProgressFile {
  const learnerId = `0000000${index}-0000-4000-8000-00000000000${index}`;
  const attempts: Attempt[] = [];
  let minute = 0;
  const record = (pack: Pack, item: Item, options: { round?: number; mode?: 'review' } = {}) => {
    minute += 1;
    const shown = shownOf(item, random);
    attempts.push({
      ...scoredAttempt(pack, item, answerOf(item, random), {
        id: `${learnerId.slice(0, 8)}-1111-4111-8111-${String(minute).padStart(12, '0')}`,
        learnerId,
        ...options,
        timeTakenMs: Math.round(2000 + random() * 60_000),
        answeredAt: new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString(),
      }),
      ...(shown === undefined ? {} : { shown }),
    });
  };
  for (const pack of PACKS) {
    // Learners 0 and 1 finish every pack (so rounds complete); the others stop part way.
    const items = index < 2 ? pack.items : pack.items.slice(0, 1 + Math.floor(random() * pack.items.length));
    for (const item of items) record(pack, item);
    if (index === 0) record(pack, pack.items[0]!, { round: 1, mode: 'review' });
    if (index === 1) for (const item of pack.items.slice(0, 3)) record(pack, item, { round: 2 });
  }
  // A pack the instructor does not have: its statements are made without it.
  const unknown: Pack = { ...PACKS[0]!, id: 'not-shipped-pack' };
  record(unknown, unknown.items[0]!);
  return {
    kind: 'sourcewise-progress',
    schemaVersion: 1,
    exportedAt: '2026-11-26T10:00:00.000Z',
    appVersion: '0.1.0',
    learner: { id: learnerId, name: NAMES[index]! },
    packs: [...PACKS, unknown].map((pack) => ({ id: pack.id, version: pack.version, title: pack.meta.title })),
    attempts,
  };
}

let dir: string;
let statements: Statement[];
const err: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-xapi-validation-'));
  const random = seededRandom(DEFAULT_TEST_SEED);
  NAMES.forEach((_, index) => writeFileSync(join(dir, `learner-${index}.json`), JSON.stringify(learnerFile(index, random))));
  const code = await runCli(
    ['report', dir, '--format', 'xapi', '--out', join(dir, 'class'), '--home-page', HOME, '--activity-base', `${HOME}/xapi/`],
    { out: () => undefined, err: (line) => err.push(line) },
  );
  expect(code).toBe(0);
  statements = JSON.parse(readFileSync(join(dir, 'class-xapi.json'), 'utf8')) as Statement[];
  // Set SOURCEWISE_REPORT_OUT to a folder to keep this class's reports in every format, to open them.
  const keep = process.env.SOURCEWISE_REPORT_OUT;
  if (keep !== undefined) {
    for (const format of ['csv', 'pdf', 'xapi']) {
      await runCli(['report', dir, '--format', format, '--out', join(keep, 'generated-class'), '--home-page', HOME], {
        out: () => undefined,
        err: () => undefined,
      });
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourcewise report --format xapi, through Learning Locker’s validator', () => {
  it('makes statements over every shipped pack that the validator finds nothing wrong with', () => {
    // Only the pack it does not have is named on stderr.
    expect(err).toEqual([expect.stringMatching(/^sourcewise report: pack "not-shipped-pack" is not in /)]);
    const verbs = new Set(statements.map((statement) => (statement.verb as { id: string }).id));
    expect(verbs).toEqual(new Set(['http://adlnet.gov/expapi/verbs/answered', 'http://adlnet.gov/expapi/verbs/completed']));
    const types = new Set(
      statements.map(
        (statement) => (statement.object as { definition?: { interactionType?: string } }).definition?.interactionType,
      ),
    );
    expect(types).toEqual(new Set(['choice', 'long-fill-in', 'matching', undefined]));
    expect(statements.length).toBeGreaterThan(1000);
    expect(problemsOf(statements)).toEqual([]);
  });

  it('would catch a broken statement', () => {
    const good = statements[0]!;
    const broken = (change: (statement: Statement) => void): Statement => {
      const copy = structuredClone(good);
      change(copy);
      return copy;
    };
    expect(problemsOf([good])).toEqual([]);
    expect(problemsOf([broken((s) => delete s.verb)])).not.toEqual([]);
    expect(problemsOf([broken((s) => ((s.verb as { display: unknown }).display = { 'not a tag!': 'answered' }))])).not.toEqual(
      [],
    );
    expect(problemsOf([broken((s) => ((s.result as { duration: string }).duration = '4 seconds'))])).not.toEqual([]);
    expect(problemsOf([broken((s) => ((s.context as { extensions: unknown }).extensions = { 'attempt-id': 'x' }))])).not.toEqual(
      [],
    );
  });
});
