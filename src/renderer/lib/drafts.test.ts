// Unchecked answers kept in session storage: read back per learner, pack and item, forgotten once
// checked, and never a failure when storage is missing, full or holds something else.
import { describe, expect, it } from 'vitest';
import { Drafts, stillOffered } from './drafts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('Drafts', () => {
  it('reads back what was written, for the same learner, pack and item only', () => {
    const storage = memoryStorage();
    new Drafts(storage, 'ana:pack').of('item-1').write({ label: 'denial' });
    expect(new Drafts(storage, 'ana:pack').of('item-1').read()).toEqual({ label: 'denial' });
    expect(new Drafts(storage, 'ana:pack').of('item-2').read()).toBeUndefined();
    expect(new Drafts(storage, 'ben:pack').of('item-1').read()).toBeUndefined();
  });

  it('forgets a draft once it is cleared (the answer was checked)', () => {
    const drafts = new Drafts(memoryStorage(), 'ana:pack');
    drafts.of('item-1').write({ verdict: 'supported' });
    drafts.clear('item-1');
    expect(drafts.of('item-1').read()).toBeUndefined();
  });

  it('leaves no draft behind for a form with nothing chosen', () => {
    const storage = memoryStorage();
    const drafts = new Drafts(storage, 'ana:pack');
    drafts.of('item-1').write({ label: 'denial' });
    drafts.of('item-1').write({ label: undefined, confidence: undefined });
    drafts.of('item-2').write({ labels: ['', ''], sources: ['', ''] });
    drafts.of('item-3').write({ marks: [] });
    expect(storage.length).toBe(0);
  });

  it('keeps nothing without storage (a preview) and reads nothing from a damaged entry', () => {
    const none = new Drafts(undefined, 'preview:pack');
    none.of('item-1').write({ label: 'denial' });
    expect(none.of('item-1').read()).toBeUndefined();

    const storage = memoryStorage();
    storage.setItem('sourcewise:draft:ana:pack:item-1', '{not json');
    storage.setItem('sourcewise:draft:ana:pack:item-2', '[1,2]');
    const drafts = new Drafts(storage, 'ana:pack');
    expect(drafts.of('item-1').read()).toBeUndefined();
    expect(drafts.of('item-2').read()).toBeUndefined();
  });

  it('a full storage loses the draft, not the answer', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => new Drafts(full, 'ana:pack').of('item-1').write({ label: 'denial' })).not.toThrow();
  });
});

describe('stillOffered', () => {
  it('keeps a value the exercise still offers and drops any other', () => {
    expect(stillOffered('denial', ['confirmed', 'denial'])).toBe('denial');
    expect(stillOffered('estimate', ['confirmed', 'denial'])).toBeUndefined();
    expect(stillOffered(2, [1, 2, 3])).toBe(2);
    expect(stillOffered('2', [1, 2, 3])).toBeUndefined();
  });
});
