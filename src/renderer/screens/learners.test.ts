import { describe, expect, it } from 'vitest';
import { initialOf, MAX_NAME_LENGTH, nameLengthProblem } from './learners.svelte';

describe('initialOf', () => {
  it('takes the first grapheme whole: an emoji, a flag, a letter with a combining accent', () => {
    expect(initialOf('ana')).toBe('A');
    // Slicing the first UTF-16 unit gave half a surrogate pair here, drawn as a broken glyph.
    expect(initialOf('😀 Zoë')).toBe('😀');
    expect(initialOf('👩‍👩‍👧 family')).toBe('👩‍👩‍👧');
    expect(initialOf('🇳🇴 Ola')).toBe('🇳🇴');
    expect(initialOf('e\u0301mile')).toBe('E\u0301');
    expect(initialOf('  王芳')).toBe('王');
  });
});

describe('nameLengthProblem', () => {
  it(`says so at the field when a name is over ${MAX_NAME_LENGTH} characters, counted as the backend counts`, () => {
    expect(nameLengthProblem('x'.repeat(MAX_NAME_LENGTH))).toBe('');
    // Spaces around and runs inside do not count against the learner.
    expect(nameLengthProblem(`  ${'x'.repeat(30)}     ${'y'.repeat(29)}  `)).toBe('');
    expect(nameLengthProblem('x'.repeat(MAX_NAME_LENGTH + 5))).toBe(
      'This name has 65 characters; a name can have at most 60. Please shorten it.',
    );
  });
});
