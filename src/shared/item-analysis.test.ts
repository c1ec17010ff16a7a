import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClassLearner } from './class-data';
import { analyseItems, discrimination, MIN_DISCRIMINATION_LEARNERS } from './item-analysis';
import { Pack } from './pack/schema';
import type { Attempt } from './progress';
import { answerFor, scoredAttempt } from './testing/answers';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);
const classifyItems = SEED.items.filter((item) => item.type === 'classify');
// A pack of eight classify items (three under test, then five that rank the learners) and a numbers item.
const [SEPARATES, REVERSED, EASY, ...FILLERS] = classifyItems.slice(0, 8);
const NUMBERS = SEED.items.find((item) => item.type === 'numbers')!;
const PACK: Pack = { ...SEED, items: [SEPARATES!, REVERSED!, EASY!, ...FILLERS, NUMBERS] };

function learner(index: number, right: (itemId: string) => boolean, items = PACK.items.slice(0, -1)): ClassLearner {
  const learnerId = `0000000${index}-0000-4000-8000-000000000000`;
  const attempts: Attempt[] = items.map((item, at) =>
    scoredAttempt(PACK, item, answerFor(item, right(item.id)), {
      id: `1000000${index}-0000-4000-8000-${String(at).padStart(12, '0')}`,
      learnerId,
      timeTakenMs: 1000,
      answeredAt: `2026-11-26T09:0${at}:00.000Z`,
    }),
  );
  return { learnerId, name: `Learner ${index}`, attempts };
}

/**
 * Six learners, learner k stronger than learner k − 1: k of the five fillers right. The first item is
 * right for the three strongest only, the second for the three weakest only, the third for everyone.
 */
function constructedClass(size = 6): ClassLearner[] {
  return Array.from({ length: size }, (_, k) =>
    learner(k, (itemId) => {
      if (itemId === SEPARATES!.id) return k >= size / 2;
      if (itemId === REVERSED!.id) return k < size / 2;
      if (itemId === EASY!.id) return true;
      return FILLERS.findIndex((item) => item.id === itemId) < k;
    }),
  );
}

describe('item analysis', () => {
  const [analysis] = analyseItems(constructedClass(), [PACK]);
  const figures = (id: string) => analysis!.items.find((item) => item.itemId === id)!;

  it('gives a clearly positive discrimination to an item only the stronger readers get right', () => {
    const item = figures(SEPARATES!.id);
    expect(item).toMatchObject({ number: 1, answered: 6, right: 3, wrong: 3, rightShare: 0.5, discriminationNote: undefined });
    expect(item.discrimination).toBeGreaterThan(0.7);
  });

  it('gives a negative discrimination to an item the weaker readers get right', () => {
    const item = figures(REVERSED!.id);
    expect(item.rightShare).toBe(0.5);
    expect(item.discrimination).toBeLessThan(-0.7);
  });

  it('gives no discrimination to an item everyone gets right, and says why', () => {
    expect(figures(EASY!.id)).toMatchObject({ rightShare: 1, discrimination: undefined, discriminationNote: 'all-alike' });
  });

  it('counts how many chose each label, the right ones marked', () => {
    const item = figures(SEPARATES!.id);
    if (SEPARATES!.type !== 'classify') throw new Error('a classify item');
    const rightLabel = SEPARATES!.claim.label;
    const wrongLabel = rightLabel === 'opinion' ? 'confirmed' : 'opinion';
    expect(item.choices.find((choice) => choice.id === rightLabel)).toMatchObject({ right: true, count: 3 });
    expect(item.choices.find((choice) => choice.id === wrongLabel)).toMatchObject({ right: false, count: 3 });
    expect(item.choices.reduce((total, choice) => total + choice.count, 0)).toBe(6);
  });

  it('lays out a learner × exercise grid: right, partly, wrong and not done', () => {
    // A numbers answer with one label of two judgements wrong is partly right.
    const partial = learner(7, () => false, [PACK.items[0]!, NUMBERS]);
    const [withPartial] = analyseItems([...constructedClass(), partial], [PACK]);
    const row = withPartial!.grid.find((entry) => entry.learnerId === partial.learnerId)!;
    expect(row.results).toEqual(['wrong', ...Array(PACK.items.length - 2).fill('not-done'), 'partly-right']);
    expect(withPartial!.grid[5]!.results.slice(0, 3)).toEqual(['right', 'wrong', 'right']);
    expect(withPartial!.items.at(-1)).toMatchObject({ answered: 1, partly: 1, choices: [] });
    expect(withPartial!.grid).toHaveLength(7);
  });

  it('says "not enough answers yet" rather than a figure with too few learners', () => {
    const [few] = analyseItems(constructedClass(MIN_DISCRIMINATION_LEARNERS - 1), [PACK]);
    for (const item of few!.items) expect(item).toMatchObject({ discrimination: undefined, discriminationNote: 'few-learners' });
  });

  it('is the correlation of item score with the rest, partial credit included', () => {
    const perfect = discrimination([0, 0, 0.5, 1, 1].map((score, index) => ({ score, rest: index })));
    expect(perfect.value).toBeCloseTo(0.9487, 4);
  });

  it('leaves out packs nobody answered', () => {
    expect(analyseItems(constructedClass(), [PACK, { ...SEED, id: 'other-pack' }]).map((pack) => pack.packId)).toEqual([PACK.id]);
  });
});
