import { describe, expect, it } from 'vitest';
import { keeperOf, keepsFile, leaverKeepsFile, nobodyActiveKnowsBetter } from '../../src/model/keepers.ts';
import type { FileOwnership } from '../../src/model/types.ts';

function file(authors: string[], changes: Record<string, [fa: 0 | 1, dl: number, lastChange?: number]>): Pick<FileOwnership, 'authors' | 'contributions'> {
  return {
    authors,
    contributions: Object.entries(changes).map(([developer, [fa, dl, lastChange = 0]]) => ({ developer, fa, dl, ac: 0, doa: 0, normDoa: 0, isAuthor: authors.includes(developer), lastChange })),
  };
}

describe('keepers (handoff’s "kept by", check’s keeper of a system)', () => {
  it('keeps a file whose authors are all unavailable, when nobody available changed it more', () => {
    const f = file(['ada'], { ada: [1, 10], bob: [0, 3], cy: [0, 2] });
    expect(keepsFile(f, 3, new Set(['ada']))).toBe(true);
    expect(keepsFile(f, 2, new Set(['ada']))).toBe(false);
    // An available author: nobody keeps it.
    expect(keepsFile(f, 3, new Set())).toBe(false);
  });

  it('someone leaving keeps a file only if active, and nobody active, leaving or not, changed it more (helm: Michelle Noorali)', () => {
    // Ada authors it; Bob and Cy changed it twice; Ada and Bob leave.
    const f = file(['ada'], { ada: [1, 10], bob: [0, 2], cy: [0, 2] });
    // Ada inactive: Bob keeps it, Cy changed it as much, not more.
    expect(leaverKeepsFile(f, 'bob', new Set(['ada', 'bob']), new Set(['ada']))).toBe(true);
    // Bob inactive (helm: 253 days without a commit): he keeps nothing.
    expect(leaverKeepsFile(f, 'bob', new Set(['ada', 'bob']), new Set(['ada', 'bob']))).toBe(false);
    // Ada active, leaving too: her 11 changes are more than Bob's 2 (helm: Adam Reese's 11 commits to Michelle's 4).
    expect(leaverKeepsFile(f, 'bob', new Set(['ada', 'bob']), new Set())).toBe(false);
    // One change is not keeping; nor is a file they did not change.
    expect(leaverKeepsFile(file(['ada'], { ada: [1, 3], bob: [0, 1] }), 'bob', new Set(['ada', 'bob']), new Set(['ada']))).toBe(false);
    expect(leaverKeepsFile(f, 'dee', new Set(['ada', 'dee']), new Set(['ada']))).toBe(false);
    // check's rule is unchanged: its rivals are those available (staying and active) only.
    expect(keepsFile(f, 2, new Set(['ada', 'bob']))).toBe(true);
  });

  // express: Douglas Wilson, inactive by mid-2024, and lib/ authored by TJ Holowaychuk, inactive since 2014 (a first-time user).
  it('for someone inactive, nobody active knows a file better when its authors are all unavailable and nobody active changed it more', () => {
    const f = file(['ada'], { ada: [1, 10], bob: [0, 3], cy: [0, 3] });
    // Bob inactive (he keeps nothing), Cy active with as many changes: a tie is no "more".
    expect(nobodyActiveKnowsBetter(f, 'bob', new Set(['ada', 'bob']), new Set(['ada', 'bob']))).toBe(true);
    expect(leaverKeepsFile(f, 'bob', new Set(['ada', 'bob']), new Set(['ada', 'bob']))).toBe(false);
    // An active rival with more changes; an active author; fewer than 2 changes; a file they did not change.
    expect(nobodyActiveKnowsBetter(file(['ada'], { ada: [1, 10], bob: [0, 3], cy: [0, 4] }), 'bob', new Set(['ada', 'bob']), new Set(['ada', 'bob']))).toBe(false);
    expect(nobodyActiveKnowsBetter(f, 'bob', new Set(['bob']), new Set(['bob']))).toBe(false);
    expect(nobodyActiveKnowsBetter(file(['ada'], { ada: [1, 3], bob: [0, 1] }), 'bob', new Set(['ada', 'bob']), new Set(['ada', 'bob']))).toBe(false);
    expect(nobodyActiveKnowsBetter(f, 'dee', new Set(['ada', 'dee']), new Set(['ada', 'dee']))).toBe(false);
  });

  it('a system’s keeper keeps the most of its files, then has the most changes to them (vuejs/core: 20 changes to compileScript.ts)', () => {
    const files = [file(['ada'], { ada: [1, 9], bob: [0, 20] }), file(['ada'], { ada: [1, 3], cy: [0, 2] }), file(['ada'], { ada: [1, 3], cy: [0, 4] }), file(['bob'], { bob: [1, 1], cy: [0, 9] })];
    // Bob authors the last file and is available: nobody keeps that one.
    expect(keeperOf(files, new Set(['ada']))).toEqual({ id: 'cy', files: 2, changes: 6 });
    // Bob leaving: he keeps nothing, and Cy keeps the last file too.
    expect(keeperOf(files, new Set(['ada', 'bob']))).toEqual({ id: 'cy', files: 3, changes: 15 });
    // One change is not keeping.
    expect(keeperOf([file(['ada'], { ada: [1, 3], bob: [0, 1] })], new Set(['ada']))).toBeUndefined();
  });
});
