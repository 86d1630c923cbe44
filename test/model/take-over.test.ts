import { describe, expect, it } from 'vitest';
import type { Successor, SuccessorStrength } from '../../src/model/successors.ts';
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
        { id: 'joe', files: 3, ok: 1, weak: 2, barely: 1, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false },
        { id: 'ann', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false },
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
    expect(takeOverOf([file('author', 'a', 1)]).candidates).toEqual([{ id: 'a', files: 1, ok: 1, weak: 0, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false }]);
  });

  // helm at 2020-01-01: the root module's "best placed" was sayboras (one commit, normDOA 0.74 on
  // .golangci.yml) over Matt Butcher (0.34 on the Makefile), who authors 5 of its 10 files.
  it('breaks a tie by the files of the module they author, then their changes to it, before what they know of the files', () => {
    const ranked = (files: ReturnType<typeof file>[], standing: Record<string, { files: number; changes: number }>) => takeOverOf(files, (id) => standing[id]).candidates.map((c) => c.id);
    expect(ranked([file('weak', 'say', 0.74), file('weak', 'matt', 0.34)], { say: { files: 0, changes: 1 }, matt: { files: 5, changes: 40 } })).toEqual(['matt', 'say']);
    expect(ranked([file('weak', 'say', 0.74), file('weak', 'matt', 0.34)], { say: { files: 2, changes: 1 }, matt: { files: 2, changes: 40 } })).toEqual(['matt', 'say']);
    // Without a standing (the handoff's summary over every area), what they know of the files decides.
    expect(takeOverOf([file('weak', 'say', 0.74), file('weak', 'matt', 0.34)]).candidates.map((c) => c.id)).toEqual(['say', 'matt']);
    // A tie only: more files, or more ok ones, still come first.
    expect(ranked([file('weak', 'say'), file('weak', 'say'), file('weak', 'matt')], { matt: { files: 5, changes: 40 } })).toEqual(['say', 'matt']);
    expect(ranked([file('ok', 'say', 0.6), file('weak', 'matt')], { matt: { files: 5, changes: 40 } })).toEqual(['say', 'matt']);
  });

  it('ranks a one-off contributor after anyone who changed the files themselves, and says which one is', () => {
    const oneOff = (id: string, normDoa = 0.3) => ({ strength: 'weak' as const, successor: { ...successor(id, normDoa), oneOff: { commits: 1, first: '2019-11-09', last: '2019-11-09' } } });
    const takeOver = takeOverOf([oneOff('say', 0.74), oneOff('say', 0.74), file('weak', 'matt', 0.34)]);
    expect(takeOver.candidates.map((c) => [c.id, c.files, c.oneOff])).toEqual([
      ['matt', 1, false],
      ['say', 2, true],
    ]);
    // After someone whose only changes were a sweep too; between one-off contributors, changes of their own first.
    const swept = { strength: 'weak' as const, successor: { ...successor('bob', 0.3), bulk: 1 } };
    expect(takeOverOf([oneOff('say'), oneOff('say'), swept]).candidates.map((c) => c.id)).toEqual(['bob', 'say']);
    const sweptOnce = { strength: 'weak' as const, successor: { ...successor('gus', 0.3), bulk: 1, oneOff: { commits: 1, first: '2019-10-03', last: '2019-10-03' } } };
    expect(takeOverOf([sweptOnce, sweptOnce, oneOff('say')]).candidates.map((c) => c.id)).toEqual(['say', 'gus']);
  });

  it('tallies per module', () => {
    const byModule = takeOverByModule([
      { module: 'tpl', ...file('weak', 'joe') },
      { module: 'tpl', ...file('none') },
      { module: 'fs', ...file('none') },
    ]);
    expect(Object.fromEntries(byModule)).toEqual({
      tpl: { files: 2, noSuccessor: 1, candidates: [{ id: 'joe', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false }] },
      fs: { files: 1, noSuccessor: 1, candidates: [] },
    });
    // With scan's standing per module (computeDepartures passes it): a tie goes to who authors more of it.
    const tied = [
      { module: 'root', ...file('weak', 'say', 0.74) },
      { module: 'root', ...file('weak', 'matt', 0.34) },
    ];
    expect(takeOverByModule(tied).get('root')?.candidates.map((c) => c.id)).toEqual(['say', 'matt']);
    expect(takeOverByModule(tied, { root: { matt: { files: 5, changes: 40 }, say: { files: 0, changes: 1 } } }).get('root')?.candidates.map((c) => c.id)).toEqual(['matt', 'say']);
  });
});
