import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClassData, ClassLearner } from '../../shared/class-data';
import { summariseClass } from '../../shared/class-report';
import { Pack } from '../../shared/pack/schema';
import type { Label } from '../../shared/pack/vocabulary';
import type { Attempt } from '../../shared/progress';
import { scoredAttempt } from '../../shared/testing/answers';
import { ATTEMPT_COLUMNS, buildCsv, ITEM_COLUMNS, LEARNER_COLUMNS } from './report-csv';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);
// A second pack whose title needs quoting: a comma, quotes and a line break.
const SECOND: Pack = { ...SEED, id: 'second-pack', version: 2, meta: { ...SEED.meta, title: 'Troops, "again"\nPart 2' } };

let counter = 0;
function attempt(learnerId: string, pack: Pack, itemId: string, label: Label, mode?: 'review'): Attempt {
  const item = pack.items.find((candidate) => candidate.id === itemId)!;
  counter += 1;
  return scoredAttempt(
    pack,
    item,
    { type: 'classify', label, confidence: 2 },
    {
      id: `20000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
      learnerId,
      mode,
      timeTakenMs: 4200,
      answeredAt: `2024-11-04T09:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    },
  );
}

const learnerId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A learner who confuses confirmed and unconfirmed both ways (a negative d′ for both). */
function confused(n: number, name: string, packs: Pack[] = [SEED]): ClassLearner {
  const id = learnerId(n);
  return {
    learnerId: id,
    name,
    attempts: packs.flatMap((pack) => [
      attempt(id, pack, 'classify-official-confirms-troops-sent', 'unconfirmed'),
      attempt(id, pack, 'classify-official-we-know', 'unconfirmed'),
      attempt(id, pack, 'classify-official-mission-unclear', 'confirmed'),
      attempt(id, pack, 'classify-official-dont-know-mission', 'confirmed', 'review'),
    ]),
  };
}

function classData(learners: ClassLearner[], packs: Pack[] = [SEED]): ClassData {
  return { learners, packs, generatedAt: '2024-11-05T12:00:00.000Z', appVersion: '0.1.0' };
}

type Row = Record<string, string>;
const read = (text: string): Row[] => parse(text, { bom: true, columns: true, skip_empty_lines: false }) as Row[];
const header = (text: string): string[] => (parse(text, { bom: true, to_line: 1 }) as string[][])[0]!;

const UTC = { timeZone: 'UTC' };

describe('buildCsv', () => {
  const data = classData(
    [
      confused(1, 'Zoë Łukasz 王芳 😀', [SEED, SECOND]),
      confused(2, 'O’Brien, "Bo"', [SEED]),
      { learnerId: learnerId(3), name: 'Idle', attempts: [] },
    ],
    [SEED, SECOND],
  );
  const csv = buildCsv(summariseClass(data), data, UTC);

  it('writes UTF-8 with a BOM, CRLF line breaks and a header row', () => {
    expect(csv.learners.startsWith('\uFEFFlearner_id,learner_name,pack_id,')).toBe(true);
    expect(csv.attempts.startsWith('\uFEFFlearner,pack,item,type,claim,expected,answer,result,')).toBe(true);
    expect(csv.learners.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted field is CRLF.
    expect(csv.attempts.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(header(csv.learners)).toEqual([...LEARNER_COLUMNS]);
    expect(header(csv.attempts)).toEqual([...ATTEMPT_COLUMNS]);
    expect(LEARNER_COLUMNS).toContain('unconfirmed_d_prime');
    expect(LEARNER_COLUMNS).toContain('confirmed_accuracy');
    expect(LEARNER_COLUMNS).toContain('confirmed_precision');
  });

  it('has one row per learner × pack with attempts and one per attempt', () => {
    const learners = read(csv.learners);
    expect(learners.map((row) => [row.learner_name, row.pack_id])).toEqual([
      ['O’Brien, "Bo"', 'nk-troops-russia-2024'],
      ['Zoë Łukasz 王芳 😀', 'nk-troops-russia-2024'],
      ['Zoë Łukasz 王芳 😀', 'second-pack'],
    ]);
    const attempts = read(csv.attempts);
    expect(attempts).toHaveLength(4 + 8);
    expect(attempts[0]).toMatchObject({
      learner: 'O’Brien, "Bo"',
      pack: SEED.meta.title,
      item: String(SEED.items.findIndex((item) => item.id === 'classify-official-confirms-troops-sent') + 1),
      type: 'Classify',
      expected: 'Confirmed',
      answer: 'Unconfirmed',
      result: 'wrong',
      confidence: 'fairly sure',
      score: '0',
      labels: 'confirmed=wrong',
      seconds: '4.2',
      answered_at: expect.stringMatching(/^2024-11-04T09:\d\d:00\+00:00$/),
      pack_id: 'nk-troops-russia-2024',
      item_id: 'classify-official-confirms-troops-sent',
    });
    expect(attempts.filter((row) => row.mode === 'review')).toHaveLength(3);
  });

  it('writes the order the options were shown in, where it was kept', () => {
    const source = SEED.items.find((item) => item.type === 'source')!;
    const shown = { options: ['afp-own-count', 'park-to-reporters', 'agency-lawmakers-park-afp', 'agency-direct-to-afp'] };
    const answered = (extra: Partial<Attempt>): Attempt => ({
      ...scoredAttempt(
        SEED,
        source,
        { type: 'source', optionId: 'park-to-reporters' },
        {
          id: `40000000-0000-4000-8000-00000000000${extra.shown ? 1 : 2}`,
          learnerId: learnerId(9),
          timeTakenMs: 1000,
          answeredAt: '2024-11-04T10:00:00.000Z',
        },
      ),
      ...extra,
    });
    const one = classData([{ learnerId: learnerId(9), name: 'Cy', attempts: [answered({ shown }), answered({})] }]);
    const rows = read(buildCsv(summariseClass(one), one, UTC).attempts);
    expect(rows.map((row) => row.options_shown)).toEqual([
      'options: afp-own-count | park-to-reporters | agency-lawmakers-park-afp | agency-direct-to-afp',
      '',
    ]);
    expect(rows[0]?.answer).toBe(source.options.find((option) => option.id === 'park-to-reporters')?.text);
    expect(rows[0]?.item_id).toBe(source.id);
  });

  it('writes the figures of each row', () => {
    const row = read(csv.learners)[0]!;
    expect(row).toMatchObject({
      pack_title: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
      pack_version: String(SEED.version),
      // The seed pack has no licence field: its credit line says on what terms it is used.
      pack_license: '',
      pack_credit: SEED.meta.credit,
      versions_answered: String(SEED.version),
      items_in_pack: '38',
      items_answered: '4',
      attempts: '4',
      review_attempts: '1',
      correct: '0',
      accuracy: '0',
      rounds_completed: '0',
      confirmed_judged: '2',
      confirmed_accuracy: '0',
      // Undefined figures are empty cells, not 0.
      estimate_accuracy: '',
      estimate_d_prime: '',
      total_time_s: '16.8',
    });
  });

  it('leaves d′ and c empty, not 0, with fewer than five judgements on either side', () => {
    const row = read(csv.learners)[0]!;
    // 2 confirmed and 2 unconfirmed claims judged: the rates are there, d′ and c are not.
    expect(row).toMatchObject({ confirmed_hit_rate: '0', confirmed_precision: '0', confirmed_d_prime: '', confirmed_c: '' });
  });

  it('writes negative numbers as numbers, not as neutralised text', () => {
    // The confused learner three times over: 6 confirmed claims called unconfirmed, 6 unconfirmed called confirmed.
    const thrice = confused(4, 'Thrice');
    const data = classData([{ ...thrice, attempts: [...thrice.attempts, ...thrice.attempts, ...thrice.attempts] }]);
    const out = buildCsv(summariseClass(data), data, UTC);
    const row = read(out.learners)[0]!;
    // confirmed: H' = 0.5/7, F' = 6.5/7, d' = −1.4652338 − 1.4652338.
    expect(row.confirmed_d_prime).toBe('-2.93');
    expect(row.unconfirmed_d_prime).toBe('-2.93');
    expect(out.learners).toContain(',-2.93,');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and keeps unicode', () => {
    expect(csv.learners).toContain('"O’Brien, ""Bo"""');
    expect(csv.learners).toContain('"Troops, ""again""\nPart 2"');
    expect(read(csv.learners)[2]!.pack_title).toBe('Troops, "again"\nPart 2');
    expect(Buffer.from(csv.learners, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    ['=1+1'],
    ['+1'],
    ['-1'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['＝1+1'],
    ['=HYPERLINK("http://x","y")'],
    ['-0.26'],
  ])('neutralises a name starting with a formula character: %j', (name) => {
    const data = classData([confused(9, name)]);
    const out = buildCsv(summariseClass(data), data, UTC);
    expect(read(out.learners)[0]!.learner_name).toBe(`'${name}`);
    for (const row of read(out.attempts)) expect(row.learner).toBe(`'${name}`);
  });

  it('neutralises pack text too, and leaves harmless text alone', () => {
    const evil: Pack = { ...SEED, id: 'evil', meta: { ...SEED.meta, title: '=cmd|" /C calc"!A0' } };
    const data = classData([confused(4, 'Plain name', [evil])], [evil]);
    const row = read(buildCsv(summariseClass(data), data, UTC).learners)[0]!;
    expect(row.pack_title).toBe(`'=cmd|" /C calc"!A0`);
    expect(row.learner_name).toBe('Plain name');
  });

  it('writes only the header for an empty class', () => {
    const data = classData([]);
    const out = buildCsv(summariseClass(data), data, UTC);
    expect(read(out.learners)).toEqual([]);
    expect(read(out.attempts)).toEqual([]);
    expect(out.attempts).toBe(`\uFEFF${ATTEMPT_COLUMNS.join(',')}\r\n`);
  });

  it('limits attempts to the pack of the summary', () => {
    const out = buildCsv(summariseClass(data, { packId: 'second-pack' }), data, UTC);
    expect(read(out.learners)).toHaveLength(1);
    expect(read(out.attempts).map((row) => row.pack_id)).toEqual(Array(4).fill('second-pack'));
  });

  it('writes the item analysis: one row per exercise of each pack, with the choices counted', () => {
    expect(header(csv.items)).toEqual([...ITEM_COLUMNS]);
    const items = read(csv.items);
    expect(items).toHaveLength(SEED.items.length + SECOND.items.length);
    const index = SEED.items.findIndex((item) => item.id === 'classify-official-confirms-troops-sent');
    // Both learners who answered it called it unconfirmed; the idle learner is not counted as not done.
    expect(items[index]).toMatchObject({
      pack: SEED.meta.title,
      item: String(index + 1),
      type: 'Classify',
      answered: '2',
      right_share: '0',
      discrimination: '',
      discrimination_note: 'not enough answers yet',
      wrong: '2',
      not_done: '0',
      chose_unconfirmed: '2',
      chose_confirmed: '0',
      chose_supported: '',
      chose_option_1: '',
      item_id: 'classify-official-confirms-troops-sent',
    });
    const untouched = items.find((row) => row.item_id !== undefined && row.answered === '0' && row.pack_id === SEED.id)!;
    expect(untouched).toMatchObject({ right_share: '', not_done: '2' });
  });
});
