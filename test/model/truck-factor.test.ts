import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, computeTruckFactor, rankAuthors, type TruckFactorFile } from '../../src/model/truck-factor.ts';
import * as reference from './reference-model.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

// METRICS.md §5, the greedy truck factor of Avelino et al. (ICPC 2016).

/** A file authored by `authors`; `changes` (FA + DL) defaults to 1 per author. */
const file = (authors: string[], changes: Record<string, number> = {}): TruckFactorFile => ({
  authors,
  changes: new Map(Object.entries({ ...Object.fromEntries(authors.map((a) => [a, 1])), ...changes })),
});
const byId = { nameOf: (id: string) => id };
const ids = (files: TruckFactorFile[], nameOf: (id: string) => string = (id) => id) => computeTruckFactor(files, { nameOf }).developers.map((d) => d.id);

describe('computeTruckFactor', () => {
  it('keeps going at coverage exactly 0.5 (the stop test is strict)', () => {
    // ada authors 2 of 4 files, bob and carl one each.
    // coverage 4/4 → remove ada → 2/4 = 0.5 (not < 0.5) → remove bob (name before carl) → 1/4 → stop.
    const tf = computeTruckFactor([file(['ada']), file(['ada']), file(['bob']), file(['carl'])], byId);
    expect(tf.value).toBe(2);
    expect(tf.coverage).toBe(0.25);
    expect(tf.developers).toEqual([
      { id: 'ada', files: 2, share: 0.5 },
      { id: 'bob', files: 1, share: 0.25 },
    ]);
  });

  it('stops as soon as coverage drops below 0.5', () => {
    // 5 files: ada 3, bob 1, carl 1. 5/5 → remove ada → 2/5 = 0.4 < 0.5 → stop: TF 1.
    const tf = computeTruckFactor([file(['ada']), file(['ada']), file(['ada']), file(['bob']), file(['carl'])], byId);
    expect(tf).toEqual({ value: 1, coverage: 0.4, developers: [{ id: 'ada', files: 3, share: 0.6 }] });
  });

  it('does not reassign files: a file with two authors stays covered until both are removed', () => {
    // a {ada, bob}, b {ada}, c {carl}: 3/3 → remove ada (2 files) → a still has bob: 2/3 → remove
    // bob (1 file, 2 changes) before carl (1 file, 1 change) → 1/3 → stop: TF 2.
    const tf = computeTruckFactor([file(['ada', 'bob'], { bob: 2 }), file(['ada']), file(['carl'])], byId);
    expect(tf.value).toBe(2);
    expect(tf.developers.map((d) => d.id)).toEqual(['ada', 'bob']);
    expect(tf.coverage).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 for a set with no authored file (orphaned) and for an empty set', () => {
    expect(computeTruckFactor([file([]), file([])], byId)).toEqual({ value: 0, coverage: 0, developers: [] });
    expect(computeTruckFactor([], byId)).toEqual({ value: 0, coverage: 0, developers: [] });
  });

  it('is 0 when fewer than half of the files have an author to begin with', () => {
    // 1 of 3 files authored: coverage 1/3 < 0.5 before any removal.
    const tf = computeTruckFactor([file(['ada']), file([]), file([])], byId);
    expect(tf.value).toBe(0);
    expect(tf.coverage).toBeCloseTo(1 / 3, 12);
  });
});

describe('ties (METRICS.md §5)', () => {
  it('most authored files first, whatever the changes', () => {
    expect(ids([file(['ada']), file(['ada']), file(['bob'], { bob: 50 })])).toEqual(['ada']);
    expect(rankAuthors([file(['ada']), file(['ada']), file(['bob'], { bob: 50 })], byId).map((m) => m.id)).toEqual(['ada', 'bob']);
  });

  it('then the most changes (FA + DL over every file of the set, authored or not)', () => {
    // zed and amy author one file each (1 change); zed also changed a file he does not author.
    const files = [file(['amy']), file(['zed']), file([], { zed: 3 }), file(['x']), file(['x'])];
    expect(rankAuthors(files, byId).map((m) => m.id)).toEqual(['x', 'zed', 'amy']);
  });

  it('then the display name in code-point order (not locale order)', () => {
    // Same files and changes. Code points: "Zed" (Z = U+005A) < "bob" (b = U+0062); a locale sort would put bob first.
    const names: Record<string, string> = { 'b@x': 'bob', 'z@x': 'Zed' };
    expect(rankAuthors([file(['b@x']), file(['z@x'])], { nameOf: (id) => names[id] ?? id }).map((m) => m.id)).toEqual(['z@x', 'b@x']);
  });

  it('compares names by code point, not by UTF-16 unit, beyond the basic plane', () => {
    // "Ｚed" starts with U+FF3A, "😀 Sam" with U+1F600: U+FF3A comes first. In UTF-16 the emoji is the
    // surrogate pair D83D DE00, and 0xD83D < 0xFF3A, which sorts it first if strings are compared with <.
    const names: Record<string, string> = { 'e@x': '\u{1F600} Sam', 'f@x': '\u{FF3A}ed' };
    expect(rankAuthors([file(['e@x']), file(['f@x'])], { nameOf: (id) => names[id] ?? id }).map((m) => m.id)).toEqual(['f@x', 'e@x']);
  });

  it('then the id, when two developers show the same name', () => {
    expect(rankAuthors([file(['b@x']), file(['a@x'])], { nameOf: () => 'Sam' }).map((m) => m.id)).toEqual(['a@x', 'b@x']);
  });

  it('the order decides who is removed', () => {
    // 4 files, ada 2, then bob and carl tied on 1 file: the second removal goes to the tie winner.
    const files = [file(['ada']), file(['ada']), file(['bob']), file(['carl'])];
    expect(ids(files)).toEqual(['ada', 'bob']);
    expect(ids([file(['ada']), file(['ada']), file(['bob']), file(['carl'], { carl: 2 })])).toEqual(['ada', 'carl']);
  });
});

// ---- properties -------------------------------------------------------------------------------

const DEVS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];
/** Two developers share a display name (the id tie-break); two names lie beyond U+FFFF or just below it. */
const NAMES: Record<string, string> = { d0: 'Ann', d1: 'Bo', d2: 'Ann', d3: '\u{FF3A}ed', d4: 'bo', d5: '\u{1F600}' };
const nameOf = (id: string) => NAMES[id] ?? id;

const fileArb: fc.Arbitrary<TruckFactorFile> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...DEVS), fc.integer({ min: 1, max: 4 }), fc.boolean()), { selector: ([id]) => id, maxLength: 4 })
  .map((rows) => ({
    authors: rows.filter(([, , isAuthor]) => isAuthor).map(([id]) => id),
    changes: new Map(rows.map(([id, changes]) => [id, changes])),
  }));
const filesArb = fc.array(fileArb, { minLength: 1, maxLength: 12 });

/** METRICS.md §5 transcribed literally: recount coverage and the top author at every step. */
function referenceTruckFactor(files: readonly TruckFactorFile[]): { value: number; developers: string[]; coverage: number } {
  const remaining = new Set(files.flatMap((f) => f.authors));
  const removed: string[] = [];
  const coverage = () => files.filter((f) => f.authors.some((a) => remaining.has(a))).length / files.length;
  const score = (id: string) => {
    const authored = files.filter((f) => f.authors.includes(id)).length;
    const changes = files.reduce((sum, f) => sum + (f.changes.get(id) ?? 0), 0);
    return { id, authored, changes, name: nameOf(id) };
  };
  const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);
  const lexical = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  };
  while (coverage() >= 0.5 && remaining.size > 0) {
    const [top] = [...remaining]
      .map(score)
      .sort((a, b) => b.authored - a.authored || b.changes - a.changes || lexical(codePoints(a.name), codePoints(b.name)) || lexical(codePoints(a.id), codePoints(b.id)));
    if (!top) break;
    remaining.delete(top.id);
    removed.push(top.id);
  }
  return { value: removed.length, developers: removed, coverage: coverage() };
}

const withoutDeveloper = (files: readonly TruckFactorFile[], id: string): TruckFactorFile[] =>
  files.map((f) => ({ authors: f.authors.filter((a) => a !== id), changes: new Map([...f.changes].filter(([d]) => d !== id)) }));

describe('truck factor properties', () => {
  it('compareCodePoints orders any two strings as their code-point sequences', () => {
    const sign = (n: number) => Math.sign(n);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const ca = Array.from(a, (c) => c.codePointAt(0) as number);
        const cb = Array.from(b, (c) => c.codePointAt(0) as number);
        let expected = ca.length - cb.length;
        for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
          if (ca[i] !== cb[i]) {
            expected = (ca[i] as number) - (cb[i] as number);
            break;
          }
        }
        expect(sign(compareCodePoints(a, b))).toBe(sign(expected));
      }),
    );
  });

  it('equals a literal transcription of the published loop', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const tf = computeTruckFactor(files, { nameOf });
        const reference = referenceTruckFactor(files);
        expect(tf.developers.map((d) => d.id)).toEqual(reference.developers);
        expect(tf.value).toBe(reference.value);
        expect(tf.coverage).toBeCloseTo(reference.coverage, 12);
      }),
    );
  });

  it('ranks as the Map-based ranking it replaced (changes summed over every developer)', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        expect(rankAuthors(files, { nameOf })).toEqual(reference.rankAuthors(files, nameOf));
        expect(computeTruckFactor(files, { nameOf })).toEqual(reference.computeTruckFactor(files, nameOf));
      }),
    );
  });

  it('removing developers never raises the truck factor', () => {
    fc.assert(
      fc.property(filesArb, fc.subarray(DEVS), (files, gone) => {
        const after = gone.reduce(withoutDeveloper, files);
        expect(computeTruckFactor(after, { nameOf }).value).toBeLessThanOrEqual(computeTruckFactor(files, { nameOf }).value);
      }),
    );
  });

  it('is at most the number of authors', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        expect(computeTruckFactor(files, { nameOf }).value).toBeLessThanOrEqual(new Set(files.flatMap((f) => f.authors)).size);
      }),
    );
  });

  it('leaves coverage below 0.5, and had at least 0.5 before the last removal', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const tf = computeTruckFactor(files, { nameOf });
        expect(tf.coverage).toBeLessThan(0.5);
        const allButLast = tf.developers.slice(0, -1).map((d) => d.id);
        const before = allButLast.reduce(withoutDeveloper, files);
        if (tf.value > 0) expect(before.filter((f) => f.authors.length > 0).length / files.length).toBeGreaterThanOrEqual(0.5);
      }),
    );
  });

  it('does not depend on the order of the files', () => {
    fc.assert(
      fc.property(
        filesArb.chain((files) => fc.tuple(fc.constant(files), fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }))),
        ([files, shuffled]) => {
          expect(computeTruckFactor(shuffled, { nameOf })).toEqual(computeTruckFactor(files, { nameOf }));
        },
      ),
    );
  });

  it('removes developers in ranking order: never fewer authored files than the next one', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const removed = computeTruckFactor(files, { nameOf }).developers;
        for (let i = 1; i < removed.length; i++) expect((removed[i - 1] as { files: number }).files).toBeGreaterThanOrEqual((removed[i] as { files: number }).files);
      }),
    );
  });
});

describe('truck factor on fixture repositories', { tags: ['slow'] }, () => {
  it('coverage exactly 0.5 keeps going; tied developers go by name', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 3, 'b.ts': 3 } },
      { author: 'bob', write: { 'c.ts': 3 } },
      { author: 'carl', write: { 'd.ts': 3 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // Every file has one event, an add: its creator has DOA 4.391 and is its only author.
    // a, b {ada}; c {bob}; d {carl}. 4/4 → remove ada → 2/4 = 0.5, not < 0.5 → remove bob
    // (1 file and 1 change each, "Bob" < "Carl") → 1/4 = 0.25 → stop: TF 2.
    expect(analysis.files.map((f) => [f.path, f.authors])).toEqual([
      ['a.ts', ['ada@example.com']],
      ['b.ts', ['ada@example.com']],
      ['c.ts', ['bob@example.com']],
      ['d.ts', ['carl@example.com']],
    ]);
    expect(analysis.truckFactor).toEqual({
      value: 2,
      coverage: 0.25,
      developers: [
        { id: 'ada@example.com', files: 2, share: 0.5 },
        { id: 'bob@example.com', files: 1, share: 0.25 },
      ],
    });
  });

  it('a tie on authored files goes to the developer with more changes, counted on files they do not author too', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 3, 'b.ts': 3 } },
      { author: 'bob', write: { 'c.ts': 3 } },
      { author: 'carl', write: { 'd.ts': 3 } },
      { author: 'dan', write: { 'e.ts': 3 } },
      { author: 'carl', write: { 'e.ts': 3 } },
      { author: 'eve', write: { 'e.ts': 3 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // e.ts: dan FA=1 AC=2 → 4.038345; carl, eve DL=1 AC=1 → 3.2345 < 3.293 → dan alone authors it.
    expect(analysis.files.find((f) => f.path === 'e.ts')?.authors).toEqual(['dan@example.com']);
    // ada 2 files; bob, carl, dan 1 file each. Changes: carl = 1 (FA on d) + 1 (DL on e) = 2; bob 1, dan 1.
    // 5/5 → remove ada → 3/5 = 0.6 → remove carl (more changes than "Bob") → 2/5 = 0.4 → stop: TF 2.
    expect(analysis.truckFactor.developers.map((d) => d.id)).toEqual(['ada@example.com', 'carl@example.com']);
    expect(analysis.truckFactor.coverage).toBe(0.4);
  });
});
