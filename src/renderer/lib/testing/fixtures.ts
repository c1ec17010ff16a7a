/** For the renderer's state tests: the seed pack, a fresh copy each time a test asks. */
import seed from '../../../../exercises/nk-troops-russia-2024.json';
import type { Pack } from '../../../shared/pack/schema';

export function seedPack(): Pack {
  return structuredClone(seed) as unknown as Pack;
}
