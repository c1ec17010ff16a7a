import { describe, expect, it } from 'vitest';
import { implausibleProgress, MAX_PLAUSIBLE_ATTEMPTS, MAX_PLAUSIBLE_PER_ITEM } from './progress-plausibility';

const file = (attempts: { packId: string; itemId: string }[]) => JSON.stringify({ kind: 'sourcewise-progress', attempts });
const times = (count: number, itemId: (n: number) => string) =>
  Array.from({ length: count }, (_, n) => ({ packId: 'p', itemId: itemId(n) }));

describe('implausibleProgress', () => {
  it('says nothing about a file a learner could have made', () => {
    expect(implausibleProgress('ana.json', file(times(MAX_PLAUSIBLE_PER_ITEM, () => 'one')))).toBe('');
    expect(implausibleProgress('ana.json', file(times(400, (n) => `item-${n % 40}`)))).toBe('');
  });

  it('gives the numbers when one exercise has far too many answers', () => {
    expect(implausibleProgress('ana.json', file([...times(30_000, () => 'x'), ...times(3, (n) => `y${n}`)]))).toBe(
      'ana.json has 30,003 answers, 30,000 of them to one exercise (p / x). A learner rarely answers one exercise more than 100 times.',
    );
  });

  it('gives the numbers when the file has more answers than a school year', () => {
    expect(implausibleProgress('ben.json', file(times(MAX_PLAUSIBLE_ATTEMPTS + 1, (n) => `item-${n}`)))).toMatch(
      /^ben\.json has 20,001 answers, more than/,
    );
  });

  it('leaves files it cannot read to validation', () => {
    expect(implausibleProgress('x.json', '{')).toBe('');
    expect(implausibleProgress('x.json', '{"attempts": 3}')).toBe('');
  });
});
