import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_DEFINITIONS, ON_THE_RECORD } from '../../shared/labelling-guide';
import { Pack } from '../../shared/pack/schema';
import { LABELS } from '../../shared/pack/vocabulary';
import { buildAnswerKeyPdf } from './answer-key-pdf';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);

let dir: string;
let pdf: Buffer;
let text: string;

function pdfTool(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-answer-key-'));
  pdf = await buildAnswerKeyPdf(SEED, { appVersion: '9.9.9' });
  writeFileSync(join(dir, 'key.pdf'), pdf);
  // -raw keeps the text in drawing order, so words of one line stay together.
  text = pdfTool('pdftotext', ['-raw', join(dir, 'key.pdf'), '-']).replace(/\s+/g, ' ');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildAnswerKeyPdf', () => {
  it('is an A4 PDF with the pack’s title and every page numbered', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = pdfTool('pdfinfo', [join(dir, 'key.pdf')]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Title:\s+Answer key: U\.S\. Officials Confirm North Korea Sent Troops to Russia/);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
  });

  it('embeds its fonts', () => {
    const fonts = pdfTool('pdffonts', [join(dir, 'key.pdf')]);
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/DejaVuSans/);
    for (const row of rows) expect(row).toMatch(/\byes\b/);
  });

  it('carries the title, outlet and date, and each item’s number, id, type, answer, source and explanation', () => {
    expect(text).toContain(SEED.meta.title);
    expect(text).toContain(`${SEED.meta.outlet} · ${SEED.meta.published}`);
    const first = SEED.items[0]!;
    if (first.type !== 'classify') throw new Error('the seed’s first item should be a classify item');
    expect(text).toContain(`1. Classify ${first.id}`);
    expect(text).toContain(`Label ${first.claim.label[0]!.toUpperCase()}${first.claim.label.slice(1)}`);
    expect(text).toContain(first.claim.source.name);
    // The explanation wraps over lines; its opening words are enough to find it.
    expect(text).toContain(first.explanation.split(' ').slice(0, 8).join(' '));
    SEED.items.forEach((item, index) => expect(text).toContain(`${index + 1}. `));
    for (const item of SEED.items) expect(text.replace(/ /g, '')).toContain(item.id.replace(/ /g, ''));
    const headline = SEED.items.find((item) => item.type === 'headline');
    if (headline?.type === 'headline') expect(text).toMatch(/Verdict (Supported|Overstated)/);
    const numbers = SEED.items.find((item) => item.type === 'numbers');
    if (numbers?.type === 'numbers') expect(text).toContain('Figure 1');
  });

  it('prints the credit line, and the licence in words for a pack that has one', async () => {
    expect(text).toContain(SEED.meta.credit.split(' ').slice(0, 8).join(' '));
    expect(text).not.toContain('Licence:');
    const licensed = structuredClone(SEED);
    licensed.meta.license = 'CC-BY-2.5';
    const file = join(dir, 'licensed.pdf');
    writeFileSync(file, await buildAnswerKeyPdf(licensed));
    expect(pdfTool('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ')).toContain(
      'Licence: Free to share with credit (CC BY 2.5).',
    );
  });

  it('prints the labelling guide’s definition of every label', () => {
    for (const label of LABELS) expect(text).toContain(LABEL_DEFINITIONS[label].definition);
    expect(text).toContain(ON_THE_RECORD);
  });

  it('draws a page that can be looked at (rendered to PNG)', () => {
    pdfTool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(dir, 'key.pdf'), join(dir, 'page')]);
    expect(readdirSync(dir).some((name) => name.startsWith('page') && name.endsWith('.png'))).toBe(true);
  });

  it('prints a title in Chinese and Japanese with the shipped CJK font, and no note when nothing was replaced', async () => {
    const pack = structuredClone(SEED);
    pack.meta.title = '朝鲜向俄罗斯派兵 北朝鮮がロシアに派兵';
    const file = join(dir, 'cjk.pdf');
    writeFileSync(file, await buildAnswerKeyPdf(pack));
    const cjkText = pdfTool('pdftotext', ['-raw', file, '-']);
    expect(cjkText).toContain('朝鲜向俄罗斯派兵 北朝鮮がロシアに派兵');
    expect(cjkText).not.toContain('could not be printed');
    expect(pdfTool('pdffonts', [file])).toMatch(/NotoSansSC/);
  });

  it('draws untrusted text as text, control characters dropped', async () => {
    const hostile = structuredClone(SEED);
    hostile.meta.title = 'Title\u0007 with <script>alert(1)</script>';
    const file = join(dir, 'hostile.pdf');
    writeFileSync(file, await buildAnswerKeyPdf(hostile));
    const hostileText = pdfTool('pdftotext', ['-raw', file, '-']);
    expect(hostileText).toContain('Title with <script>alert(1)</script>');
    expect(hostileText).not.toContain('\u0007');
  });
});
