import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAIN_RULE, LABEL_DEFINITIONS, ON_THE_RECORD, SOURCE_KIND_DEFINITIONS } from './labelling-guide';
import { LABELS, SOURCE_KINDS } from './pack/vocabulary';

const guide = readFileSync(join(__dirname, '../../docs/labelling-guide.md'), 'utf8');

/** The rows of the guide's markdown tables whose first cell is a `code` name: name -> the other cells. */
function tableRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const cells = /^\|(.*)\|\s*$/
      .exec(line)?.[1]
      ?.split('|')
      .map((cell) => cell.trim());
    const name = cells && /^`([a-z-]+)`$/.exec(cells[0] ?? '')?.[1];
    if (cells && name) rows.set(name, cells.slice(1));
  }
  return rows;
}

const quoted = (cell: string) => [...cell.matchAll(/"([^"]+)"/g)].map((match) => match[1]);

describe('the labelling guide and its module say the same', () => {
  const rows = tableRows(guide);

  it.each(LABELS)('%s: the definition and the cues in the guide’s table are the module’s', (label) => {
    const [definition, cues] = rows.get(label) ?? [];
    expect(definition).toBe(LABEL_DEFINITIONS[label].definition);
    expect(quoted(cues ?? '')).toEqual(LABEL_DEFINITIONS[label].cues);
  });

  it.each(SOURCE_KINDS)('%s: the source kind’s definition in the guide’s table is the module’s', (kind) => {
    expect(rows.get(kind)?.[0]).toBe(SOURCE_KIND_DEFINITIONS[kind]);
  });

  it('states the on-the-record rule and the chain rule in the module’s words, each on a line of its own', () => {
    const lines = guide.split('\n');
    expect(lines).toContain(ON_THE_RECORD);
    expect(lines).toContain(CHAIN_RULE);
  });

  it('keeps each definition to one sentence', () => {
    for (const text of [
      ...Object.values(LABEL_DEFINITIONS).map((entry) => entry.definition),
      ...Object.values(SOURCE_KIND_DEFINITIONS),
    ]) {
      expect(text.match(/[.!?](\s|$)/g)).toHaveLength(1);
    }
  });
});
