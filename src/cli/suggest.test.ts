import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../shared/pack/vocabulary';
import { suggestCommand } from './suggest';

const seedPath = fileURLToPath(new URL('../services/suggest/dev-set/seed-article.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

async function run(files: string[], json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await suggestCommand(files, json, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('sourcewise suggest', () => {
  it('--json prints one object per suggestion with exactly the documented keys, in article order', async () => {
    const { code, out, err } = await run([seedPath], true);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const rows = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(5);
    let previous = -1;
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['confidence', 'cues', 'end', 'label', 'source', 'start', 'text']);
      expect(seed.slice(row.start as number, row.end as number)).toBe(row.text);
      expect(LABELS).toContain(row.label);
      expect(row.source === null || typeof row.source === 'string').toBe(true);
      expect(row.start as number).toBeGreaterThan(previous);
      previous = row.start as number;
    }
    for (const label of ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion']) {
      expect(
        rows.some((r) => r.label === label),
        label,
      ).toBe(true);
    }
    expect(rows.find((r) => (r.text as string).startsWith('North Korea denied'))).toMatchObject({
      label: 'denial',
      source: 'North Korea',
    });
  });

  it('prints a readable listing without --json', async () => {
    const { code, out } = await run([seedPath], false);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/\d+-\d+ {2}DENIAL {2}"North Korea denied/);
    expect(out.join('\n')).toMatch(/cues: has not confirmed; source: Moscow \(party\); confidence: 0\.\d\d/);
    expect(out.at(-1)).toMatch(/^\d+ suggestions in /);
  });

  it('fails clearly on an unreadable file or a wrong number of files', async () => {
    const missing = await run(['/nonexistent/article.txt'], false);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read \/nonexistent\/article\.txt/);
    expect((await run([], true)).code).toBe(2);
    expect((await run([seedPath, seedPath], true)).code).toBe(2);
  });
});
