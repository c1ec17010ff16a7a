/** For the renderer's state tests: the seed pack, a fresh copy each time a test asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../../../shared/pack/schema';

const SEED_TEXT = readFileSync(join(import.meta.dirname, '../../../../exercises/nk-troops-russia-2024.json'), 'utf8');

export function seedPack(): Pack {
  return JSON.parse(SEED_TEXT) as Pack;
}
