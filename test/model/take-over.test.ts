import { describe, expect, it } from 'vitest';
import type { Successor, SuccessorStrength } from '../../src/model/departures.ts';
import { takeOverByModule, takeOverOf } from '../../src/model/take-over.ts';

// The take-over tally (handoff areas and summary, scan's "best placed" column): hugo's handoff of
// bep named nobody for 1,108 files, of which Joe Mooring was the successor on 315 (a tester).

const successor = (id: string, normDoa: number): Successor => ({ id, doa: 3, normDoa, fa: 0, dl: 1, commits: 1, lastChange: 0 });
const file = (strength: SuccessorStrength, id?: string, normDoa = 0.3) => (id ? { strength, successor: successor(id, normDoa) } : { strength });

describe('takeOverOf', () => {
  it('counts each successor’s files by strength, barely known apart, and the files with none', () => {
    const takeOver = takeOverOf([file('weak', 'joe', 0.05), file('weak', 'joe'), file('ok', 'joe', 0.6), file('weak', 'ann'), file('none'), file('none')]);
    expect(takeOver).toEqual({
      files: 6,
      noSuccessor: 2,
      candidates: [
        { id: 'joe', files: 3, ok: 1, weak: 2, barely: 1, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0 },
        { id: 'ann', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0 },
      ],
    });
  });

  it('ranks by files, then ok, then fewest barely known, then what they know of them, then id', () => {
    const ranked = (files: ReturnType<typeof file>[]) => takeOverOf(files).candidates.map((c) => c.id);
    expect(ranked([file('weak', 'a'), file('ok', 'b', 0.6)])).toEqual(['b', 'a']);
    expect(ranked([file('weak', 'a', 0.05), file('weak', 'b', 0.2)])).toEqual(['b', 'a']);
    expect(ranked([file('weak', 'a', 0.2), file('weak', 'b', 0.4)])).toEqual(['b', 'a']);
    expect(ranked([file('weak', 'b'), file('weak', 'a')])).toEqual(['a', 'b']);
    // A successor who is an author (scan's single-owner files never reach here) counts as ok.
    expect(takeOverOf([file('author', 'a', 1)]).candidates).toEqual([{ id: 'a', files: 1, ok: 1, weak: 0, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0 }]);
  });

  it('tallies per module', () => {
    const byModule = takeOverByModule([
      { module: 'tpl', ...file('weak', 'joe') },
      { module: 'tpl', ...file('none') },
      { module: 'fs', ...file('none') },
    ]);
    expect(Object.fromEntries(byModule)).toEqual({
      tpl: { files: 2, noSuccessor: 1, candidates: [{ id: 'joe', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0 }] },
      fs: { files: 1, noSuccessor: 1, candidates: [] },
    });
  });
});
