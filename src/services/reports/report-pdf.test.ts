import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/answers';
import type { ClassData, ClassLearner } from '../../shared/class-data';
import { summariseClass } from '../../shared/class-report';
import { Pack, type Item } from '../../shared/pack/schema';
import type { Attempt } from '../../shared/progress';
import { answerFor as rightOrWrong, scoredAttempt } from '../../shared/testing/answers';
import { seededRandom } from '../../shared/testing/random';
import { buildCsv } from './report-csv';
import { dejavuFonts, UNSHOWN_NOTE } from './pdf-text';
import { buildPdf } from './report-pdf';
import { buildXapi } from './report-xapi';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = ['pdftotext', 'pdffonts', 'pdftoppm', 'pdfinfo'].every(hasTool);
if (!POPPLER)
  console.warn('report-pdf.test: poppler-utils (pdftotext, pdffonts, pdftoppm, pdfinfo) not found, so the PDF is not read back');

/** A right or a wrong answer to an item; a doubter calls every claim and figure unconfirmed. */
function answerFor(item: Item, right: boolean, doubter = false): Answer {
  if (doubter && item.type === 'classify') return { type: 'classify', label: 'unconfirmed', confidence: 3 };
  if (doubter && item.type === 'numbers')
    return { type: 'numbers', figures: item.figures.map((figure) => ({ label: 'unconfirmed', source: figure.source.name })) };
  return rightOrWrong(item, right);
}

const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * One learner's work in one pack: every item once in round 1 (pack mode), then `reviews` review
 * attempts at items missed. `skill` is the chance of a right answer; hard items (the denial and the
 * unconfirmed ones) are missed more often.
 */
function work(
  learnerId: string,
  pack: Pack,
  skill: number,
  next: () => number,
  counter: { n: number },
  reviews: number,
  doubter = false,
): Attempt[] {
  const start = Date.UTC(2024, 10, 4, 9, 0, 0);
  const make = (item: Item, right: boolean, mode?: 'review'): Attempt => {
    counter.n += 1;
    return scoredAttempt(pack, item, answerFor(item, right, doubter), {
      id: uuid(0x40000000, counter.n),
      learnerId,
      mode,
      timeTakenMs: 2000 + Math.floor(next() * 20_000),
      answeredAt: new Date(start + counter.n * 37_000).toISOString(),
    });
  };
  const hard = (item: Item) => item.id.includes('denied') || item.id.includes('unclear') || item.id.includes('not-confirmed');
  const round = pack.items.map((item) => make(item, next() < (hard(item) ? skill - 0.35 : skill)));
  const missed = round.filter((attempt) => !attempt.correct);
  const review = Array.from({ length: reviews }, (_, index) => {
    const target = missed[index % Math.max(1, missed.length)] ?? round[index]!;
    return make(
      pack.items.find((item) => item.id === target.itemId)!,
      next() < skill,
      'review',
    );
  });
  return [...round, ...review];
}

function smallClass(): ClassData {
  const next = seededRandom(42);
  const counter = { n: 0 };
  const learner = (n: number, name: string, skill: number, doubter = false): ClassLearner => ({
    learnerId: uuid(0, n),
    name,
    attempts: work(uuid(0, n), SEED, skill, next, counter, 3, doubter),
  });
  return {
    learners: [
      learner(1, 'Zoë Ødegaard', 0.9),
      learner(2, 'Łukasz Wróbel', 0.7),
      learner(3, 'Amara Okafor', 0.55),
      learner(4, 'Sam Doubtful', 0.3, true),
      learner(5, '=HYPERLINK("http://x","y")', 0.6),
      { learnerId: uuid(0, 6), name: 'Nobody Yet', attempts: [] },
    ],
    packs: [SEED],
    generatedAt: '2024-11-05T12:00:00.000Z',
    appVersion: '0.1.0',
  };
}

const BIG_CLASS_LEARNERS = 20;

/** 20 learners × 3 packs (the seed pack cloned under three ids) × 40 attempts: 38 in the round, 2 reviews. */
function bigClass(): ClassData {
  const next = seededRandom(7);
  const counter = { n: 0 };
  const packs = ['a', 'b', 'c'].map((suffix): Pack => ({
    ...SEED,
    id: `nk-troops-${suffix}`,
    meta: { ...SEED.meta, title: `${SEED.meta.title} (${suffix})` },
  }));
  const learners = Array.from({ length: BIG_CLASS_LEARNERS }, (_, index): ClassLearner => {
    const id = uuid(0, index + 1);
    const skill = 0.4 + next() * 0.55;
    return {
      learnerId: id,
      name: `Learner ${String(index + 1).padStart(3, '0')}`,
      attempts: packs.flatMap((pack) => work(id, pack, skill, next, counter, 2)),
    };
  });
  return { learners, packs, generatedAt: '2024-11-05T12:00:00.000Z', appVersion: '0.1.0' };
}

const temp = mkdtempSync(join(tmpdir(), 'sourcewise-report-pdf-'));
// Set SOURCEWISE_REPORT_OUT to a folder to keep the PDF and the page images to look at.
const keep = process.env.SOURCEWISE_REPORT_OUT;
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('buildPdf', () => {
  const data = smallClass();
  const summary = summariseClass(data);

  it('makes an A4 PDF with the fonts resolved from node_modules', async () => {
    const pdf = await buildPdf(summary, data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.includes('/MediaBox [0 0 595.28 841.89]')).toBe(true);
    expect(dejavuFonts().regular).toMatch(/node_modules[\\/]dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
  });

  it.skipIf(!POPPLER)('holds the names, the figures and the missed claims with their explanations (pdftotext)', async () => {
    const file = join(temp, 'class.pdf');
    writeFileSync(file, await buildPdf(summary, data, { title: 'Year 10 media literacy', timeZone: 'Asia/Tokyo' }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    // Times are the instructor's, the zone named.
    expect(flat).toMatch(/generated \d{4}-\d\d-\d\d \d\d:\d\d \(Asia\/Tokyo, UTC\+09:00\)/);
    // The item analysis and the grid, with the reasons a figure is missing.
    expect(flat).toContain('Each learner on each exercise');
    expect(flat).toContain(summary.items[0]!.items[0]!.claim.replace(/\s+/g, ' ').slice(0, 30));
    // About learners, not to them.
    expect(flat).toContain('What their answers show');
    expect(flat).not.toMatch(/\bYou (called|often|choose|rarely|tell)\b/);

    expect(flat).toContain('Year 10 media literacy');
    for (const learner of data.learners) expect(flat).toContain(learner.name);
    expect(flat).toContain('Nobody Yet');
    expect(flat).toContain('no answers yet');

    // Class figures: learners, attempts, accuracy.
    const { totals } = summary;
    // The key figures are drawn as a value above a caption; pdftotext reads the row of values first.
    expect(flat).toContain(
      `${totals.activeLearners} of ${totals.learners} ${totals.attempts} ${Math.round(totals.accuracy! * 100)}%`,
    );
    expect(flat).toContain(`attempts (${totals.reviewAttempts} in review) answers right (${totals.correct})`);
    // Per-label d′ as printed in the chart and the table.
    const confirmedD = summary.labels.confirmed.dPrime!;
    expect(flat).toContain(confirmedD.toFixed(2));
    // Where a learner judged fewer than five claims of a label (or of others), no d′ but words.
    const few = summary.learners.flatMap((learner) => Object.values(learner.labels)).filter((figures) => !figures.enough);
    expect(few.length).toBeGreaterThan(0);
    expect(few.every((figures) => figures.dPrime === undefined)).toBe(true);
    expect(flat).toContain('not enough answers yet');
    // Both plain shares per label, as counts.
    const { confirmed } = summary.labels;
    expect(flat).toContain(`${confirmed.hits} of ${confirmed.hits + confirmed.falseAlarms}`);
    // Each learner's page: their accuracy.
    const zoe = summary.learners.find((learner) => learner.name.startsWith('Zoë'))!;
    expect(flat).toMatch(new RegExp(`Zoë Ødegaard Learner id ${zoe.learnerId}`));
    expect(flat).toContain(`${zoe.attempts} ${Math.round(zoe.accuracy! * 100)}%`);
    expect(flat).toContain(`answers right (${zoe.correct})`);

    // The claims the class missed most, with the explanation.
    expect(flat).toContain('Claims the class missed most');
    const top = summary.mostMissed[0]!;
    expect(flat).toContain(top.summary);
    expect(flat).toContain(top.explanation!.replace(/\s+/g, ' ').slice(0, 120));
    expect(flat).toContain(`missed ${top.missed} of ${top.attempts} times`);

    // The doubter is flagged.
    expect(flat).toContain('Sam Doubtful: mostly “unconfirmed”');
    // Page numbers.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3 + data.learners.length);
    expect(flat).toContain(`Page 1 of ${pages}`);
    expect(flat).toContain(`Page ${pages} of ${pages}`);
  });

  it.skipIf(!POPPLER)('embeds every font it uses (pdffonts)', async () => {
    const file = join(temp, 'fonts.pdf');
    writeFileSync(file, await buildPdf(summary, data));
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatch(/DejaVuSans/);
      // Columns: name, type, encoding, emb, sub, uni, object id.
      expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it.skipIf(!POPPLER)('renders to PNG (pdftoppm)', async () => {
    const folder = keep ?? join(temp, 'png');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'class-report.pdf');
    writeFileSync(file, await buildPdf(summary, data, { title: 'Year 10 media literacy' }));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(folder, 'page')]);
    const images = readdirSync(folder).filter((name) => name.endsWith('.png'));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(readFileSync(join(folder, image)).subarray(1, 4).toString('latin1')).toBe('PNG');
    if (keep !== undefined) {
      // Every page, at a readable resolution, for whoever set SOURCEWISE_REPORT_OUT.
      execFileSync('pdftoppm', ['-png', '-r', '80', file, join(folder, 'full')]);
      console.log(`PDF and page images kept in ${folder}`);
    }
  });

  it.skipIf(!POPPLER)('names the packs each credit line belongs to, with the licence in words', async () => {
    const data = bigClass();
    data.packs[2] = { ...data.packs[2]!, meta: { ...data.packs[2]!.meta, credit: 'By Wikinews.', license: 'CC-BY-2.5' } };
    const file = join(temp, 'credits.pdf');
    writeFileSync(file, await buildPdf(summariseClass(data), data));
    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const [a, b, c] = data.packs.map((pack) => pack.meta.title);
    expect(flat).toContain(`${a}; ${b}: ${SEED.meta.credit}`);
    expect(flat).toContain(`${c}: By Wikinews. Licence: Free to share with credit (CC BY 2.5).`);
  });

  it.skipIf(!POPPLER)(
    'shows per label how learners do on new articles in their first packs, in later packs, and seen before',
    async () => {
      const data = bigClass();
      const summary = summariseClass(data);
      const file = join(temp, 'transfer.pdf');
      writeFileSync(file, await buildPdf(summary, data));
      const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(flat).toContain('New articles and articles seen before');
      expect(flat).toContain('New article, first 2 packs New article, later packs Article seen before');
      // Every learner played the three packs in the same order: the third is their later pack.
      const { early, later, again } = summary.transfer.confirmed;
      expect(later.total).toBeGreaterThan(0);
      const cell = (tally: { right: number; total: number; accuracy: number | undefined }) =>
        `${tally.right} of ${tally.total} (${Math.round(tally.accuracy! * 100)}%)`;
      expect(flat).toContain(`Confirmed ${cell(early)} ${cell(later)} ${cell(again)}`);
    },
  );

  it.skipIf(!POPPLER)(
    'prints names in Chinese, Japanese and Korean with the shipped CJK fonts, and a character no font has as ?, with a note',
    async () => {
      // 똠 is a Hangul syllable outside KS X 1001, so in neither subset.
      const names = ['王小明', '佐藤 花子', '김민준', '똠방'];
      const cjk: ClassData = {
        ...data,
        learners: names.map((name, index) => ({ ...data.learners[index]!, name })),
      };
      const folder = keep ?? join(temp, 'cjk');
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'cjk-names.pdf');
      writeFileSync(file, await buildPdf(summariseClass(cjk), cjk, { title: '7年2班 class report' }));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('王小明');
      expect(text).toContain('佐藤 花子');
      expect(text).toContain('7年2班 class report');
      expect(text).toContain('김민준');
      expect(text).not.toContain('똠');
      expect(text).toContain('?방');
      expect(text.replace(/\s+/g, ' ')).toContain(UNSHOWN_NOTE);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSansSC/);
      expect(fonts).toMatch(/NotoSansKR/);
      for (const row of fonts.trim().split('\n').slice(2)) expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(folder, 'cjk-page')]);
    },
  );

  it('makes a report for a class with no answers yet', async () => {
    const empty: ClassData = { ...data, learners: [{ learnerId: uuid(0, 9), name: 'New', attempts: [] }] };
    const pdf = await buildPdf(summariseClass(empty), empty);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (POPPLER) {
      const file = join(temp, 'empty.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('No claim was missed.');
      expect(text).toContain('No answers yet.');
    }
  });

  it('cuts absurdly long untrusted text short', async () => {
    const long = { ...data, learners: [{ ...data.learners[0]!, name: 'A'.repeat(5000) }] };
    const pack: Pack = { ...SEED, meta: { ...SEED.meta, title: 'T'.repeat(300) } };
    const pdf = await buildPdf(summariseClass({ ...long, packs: [pack] }), { ...long, packs: [pack] });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (POPPLER) {
      const file = join(temp, 'long.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('A'.repeat(100));
      expect(text).toContain('A'.repeat(40));
    }
  });
});

// The bench times the 200-learner class (src/bench/compute.ts); this checks the counts at a tenth of it.
describe(`a class of ${BIG_CLASS_LEARNERS} learners × 3 packs × 40 attempts`, () => {
  it('exports CSV, xAPI and PDF with the right counts', async () => {
    const data = bigClass();
    const attempts = BIG_CLASS_LEARNERS * 3 * 40;
    expect(data.learners.reduce((total, learner) => total + learner.attempts.length, 0)).toBe(attempts);

    const summary = summariseClass(data);
    const csv = buildCsv(summary, data, { timeZone: 'UTC' });
    // Header plus one line per row (no field in this class holds a line break).
    expect(csv.learners.trimEnd().split('\r\n')).toHaveLength(1 + BIG_CLASS_LEARNERS * 3);
    expect(csv.attempts.trimEnd().split('\r\n')).toHaveLength(1 + attempts);

    const statements = buildXapi(data, { homePage: 'https://lms.example.org' });
    // Every learner completes round 1 of each pack.
    expect(statements.filter((statement) => statement.verb.id.endsWith('/answered'))).toHaveLength(attempts);
    expect(statements.filter((statement) => statement.verb.id.endsWith('/completed'))).toHaveLength(BIG_CLASS_LEARNERS * 3);

    const pdf = await buildPdf(summary, data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (POPPLER) {
      const file = join(temp, 'big.pdf');
      writeFileSync(file, pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThan(3 + BIG_CLASS_LEARNERS);
    }
  });
});
