// Every pack shipped in exercises/ must validate: a broken seed pack would greet every new learner.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from './validate';

const dir = join(import.meta.dirname, '../../../exercises');
const packFiles = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'pack.schema.json');

describe('shipped packs', () => {
  it('ships at least one pack', () => {
    expect(packFiles.length).toBeGreaterThan(0);
  });
  for (const file of packFiles) {
    it(`${file} is valid`, () => {
      const result = validatePack(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  }
});
