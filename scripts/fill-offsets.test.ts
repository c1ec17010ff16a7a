// The pack authoring aid places quotes exactly, refuses to guess between repeats, and says where it failed.
import { describe, expect, it } from 'vitest';
import { fillOffsets } from './fill-offsets.mjs';

const pack = (refs: object[]) => ({
  article: { headline: 'H', paragraphs: ['The mayor said the bridge is safe. The bridge opens today.', 'Second.'] },
  items: refs.map((ref) => ({ claim: { ref } })),
});

describe('fillOffsets', () => {
  it('fills start and end from paragraph and quote', () => {
    const filled = pack([{ paragraph: 0, quote: 'is safe' }]);
    expect(fillOffsets(filled)).toEqual([]);
    expect(filled.items[0]!.claim.ref).toEqual({ paragraph: 0, quote: 'is safe', start: 26, end: 33 });
  });

  it('asks which one when a quote repeats, and takes the occurrence it is given', () => {
    expect(fillOffsets(pack([{ paragraph: 0, quote: 'bridge' }]))).toEqual([
      'items[0].claim.ref: "bridge" occurs 2 times in paragraph 0; add "occurrence": N to choose',
    ]);
    const chosen = pack([{ paragraph: 0, quote: 'bridge', occurrence: 2 }]);
    expect(fillOffsets(chosen)).toEqual([]);
    expect(chosen.items[0]!.claim.ref).toEqual({ paragraph: 0, quote: 'bridge', start: 39, end: 45 });
  });

  it('names the reference whose quote is not in its paragraph', () => {
    expect(fillOffsets(pack([{ paragraph: 1, quote: 'is safe' }]))).toEqual([
      'items[0].claim.ref: "is safe" is not in paragraph 1',
    ]);
    expect(fillOffsets(pack([{ paragraph: 5, quote: 'x' }]))).toEqual([
      'items[0].claim.ref: paragraph 5 does not exist (paragraphs count from 0 here)',
    ]);
  });
});
