import { describe, expect, it } from 'vitest';
import { editDistance, typoDistance } from '../../src/model/suggest.ts';

describe('editDistance', () => {
  it('counts Levenshtein edits, and a swap of neighbouring letters as one edit only for typed names', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('drise', 'dries')).toBe(2);
    expect(typoDistance('drise', 'dries')).toBe(1);
    expect(typoDistance('taylr', 'taylor')).toBe(1);
    expect(typoDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(2);
  });
});
