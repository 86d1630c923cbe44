import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthorshipFold, type ContributionInput, type FoldChange } from '../../src/model/authorship.ts';

// The compact fold (typed arrays, identities as integers) against a straightforward one: the fold
// as it was first written, one Map of identity → tally object per file. Both must agree exactly,
// floating-point sums included (same values, same order of additions).

interface RefIdentity {
  fa: 0 | 1;
  dl: number;
  last: number;
  wfa: number;
  wdl: number;
  bulk: number;
  coDl: number;
  coFa: 0 | 1;
}
interface RefFile {
  mr: number;
  wmr: number;
  events: number;
  lastChange: number;
  coOnlyMr: number;
  byIdentity: Map<number, RefIdentity>;
  shared: Map<string, { identities: number[]; mr: number; wmr: number; bulk: number }>;
}
type RefEvent = { kind: 'A' | 'M' | 'R'; path: string; oldPath?: string };

class ReferenceFold {
  readonly files = new Map<string, RefFile>();
  /** Path → the files that take its past (two or more when a path renamed away is still another file's). */
  private readonly alias = new Map<string, RefFile[]>();
  private readonly weight: (time: number) => number;
  private readonly bulkFiles: number;
  constructor(tracked: readonly string[], weight: (time: number) => number, bulkFiles = Number.POSITIVE_INFINITY) {
    this.weight = weight;
    this.bulkFiles = bulkFiles;
    for (const path of tracked) {
      const tally: RefFile = { mr: 0, wmr: 0, events: 0, lastChange: 0, coOnlyMr: 0, byIdentity: new Map(), shared: new Map() };
      this.files.set(path, tally);
      this.alias.set(path, [tally]);
    }
  }

  /** What analyze() did with a commit's changes before handing them to the fold; the first `ownCredits` of `credited` are its author. */
  addChanges(time: number, credited: readonly number[], changes: readonly FoldChange[], ownCredits = credited.length): void {
    const events: RefEvent[] = [];
    for (const change of changes) {
      // A delete is no event and moves no path (METRICS.md §1).
      if (change.status === 'A' || change.status === 'M') events.push({ kind: change.status, path: change.path });
      else if (change.status === 'R') events.push({ kind: 'R', path: change.path, oldPath: change.oldPath ?? change.path });
    }
    const targets = events.map((event) => this.alias.get(event.path));
    // A bulk commit: it modifies or moves bulkFiles tracked files or more (a path two files take the past of counts twice).
    const changed = events.reduce((sum, event, index) => sum + (event.kind === 'A' ? 0 : (targets[index]?.length ?? 0)), 0);
    const bulk = changed >= this.bulkFiles;
    if (credited.length > 0) {
      const w = this.weight(time);
      events.forEach((event, index) => {
        for (const tally of targets[index] ?? []) this.credit(tally, event.kind, time, w, credited, bulk, ownCredits);
      });
    }
    for (const event of events) if (event.kind !== 'M') this.alias.delete(event.path); // an add or a rename ends the path's past
    events.forEach((event, index) => {
      const tallies = targets[index];
      if (event.kind !== 'R' || event.oldPath === undefined || !tallies) return;
      // A path renamed away while it still is another tracked file's gives its past to both.
      const live = this.alias.get(event.oldPath) ?? [];
      this.alias.set(event.oldPath, [...new Set([...live, ...tallies])]);
    });
  }

  private credit(tally: RefFile, kind: RefEvent['kind'], time: number, w: number, credited: readonly number[], bulk: boolean, ownCredits: number): void {
    tally.events += 1;
    if (time > tally.lastChange) tally.lastChange = time;
    if (kind !== 'A') {
      tally.mr += 1;
      tally.wmr += w;
      if (ownCredits === 0) tally.coOnlyMr += 1;
      if (credited.length > 1) {
        const identities = [...credited].sort((a, b) => a - b);
        const key = identities.join(',');
        const shared = tally.shared.get(key);
        if (shared) {
          shared.mr += 1;
          shared.wmr += w;
          if (bulk) shared.bulk += 1;
        } else {
          tally.shared.set(key, { identities, mr: 1, wmr: w, bulk: bulk ? 1 : 0 });
        }
      }
    }
    credited.forEach((identity, position) => {
      const asCoAuthor = position >= ownCredits;
      let entry = tally.byIdentity.get(identity);
      if (!entry) {
        entry = { fa: 0, dl: 0, last: 0, wfa: 0, wdl: 0, bulk: 0, coDl: 0, coFa: 0 };
        tally.byIdentity.set(identity, entry);
      }
      if (time > entry.last) entry.last = time;
      if (kind === 'A') {
        // A creation as a co-author only while none as the commit's author came (either order).
        entry.coFa = asCoAuthor && (entry.fa === 0 || entry.coFa === 1) ? 1 : 0;
        entry.fa = 1;
        if (w > entry.wfa) entry.wfa = w;
      } else {
        entry.dl += 1;
        entry.wdl += w;
        if (bulk) entry.bulk += 1;
        if (asCoAuthor) entry.coDl += 1;
      }
    });
  }
}

function referenceMerge(tally: RefFile, developerOf: (identity: number) => string | undefined): ContributionInput[] {
  const merged = new Map<string, ContributionInput>();
  for (const [identity, entry] of tally.byIdentity) {
    const developer = developerOf(identity);
    if (developer === undefined) continue;
    const current = merged.get(developer);
    if (current) {
      const ownFa = (current.fa === 1 && current.coFa === 0) || (entry.fa === 1 && entry.coFa === 0);
      current.fa = current.fa || entry.fa ? 1 : 0;
      current.coFa = current.fa === 1 && !ownFa ? 1 : 0;
      current.dl += entry.dl;
      current.bulk = (current.bulk ?? 0) + entry.bulk;
      current.coDl = (current.coDl ?? 0) + entry.coDl;
      current.wfa = Math.max(current.wfa, entry.wfa);
      current.wdl += entry.wdl;
      current.last = Math.max(current.last, entry.last);
    } else {
      merged.set(developer, { developer, fa: entry.fa, dl: entry.dl, wfa: entry.wfa, wdl: entry.wdl, last: entry.last, bulk: entry.bulk, coDl: entry.coDl, coFa: entry.coFa });
    }
  }
  for (const shared of tally.shared.values()) {
    const perDeveloper = new Map<string, number>();
    for (const identity of shared.identities) {
      const developer = developerOf(identity);
      if (developer !== undefined) perDeveloper.set(developer, (perDeveloper.get(developer) ?? 0) + 1);
    }
    for (const [developer, k] of perDeveloper) {
      const current = merged.get(developer);
      if (k < 2 || !current) continue;
      current.dl -= (k - 1) * shared.mr;
      current.wdl -= (k - 1) * shared.wmr;
      current.bulk = (current.bulk ?? 0) - (k - 1) * shared.bulk;
      current.coDl = (current.coDl ?? 0) - (k - 1) * shared.mr;
    }
  }
  return [...merged.values()];
}

/** Exact equality, numbers by Object.is (so 0.1 + 0.2 ≠ 0.3 and −0 ≠ 0 would show). */
function sameNumbers(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') return Object.is(actual, expected);
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.length === expected.length && actual.every((value, index) => sameNumbers(value, expected[index]));
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = Object.keys(expected);
    return Object.keys(actual).length === keys.length && keys.every((key) => sameNumbers((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  }
  return actual === expected;
}

const PATHS = ['a', 'b', 'c', 'd', 'e', 'src/f', 'src/g'];
const IDENTITIES = 7;

const change = fc.oneof(
  fc.record({ status: fc.constantFrom('A', 'M', 'D', 'C', 'T'), path: fc.constantFrom(...PATHS) }),
  fc.record({ status: fc.constant('R'), path: fc.constantFrom(...PATHS), oldPath: fc.option(fc.constantFrom(...PATHS), { nil: undefined }) }),
);
const commit = fc.record({
  // Mostly recent unix times; sometimes outside int32 (before 1901, after 2038) or fractional.
  time: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1_000_000_000, max: 1_800_000_000 }) }, fc.integer({ min: -3_000_000_000, max: 5_000_000_000 }), fc.double({ min: 0, max: 2e9, noNaN: true })),
  credited: fc.uniqueArray(fc.integer({ min: 0, max: IDENTITIES - 1 }), { maxLength: 3 }),
  changes: fc.array(change, { maxLength: 4 }),
  // The commit's author is credited first (1), or is a bot and only co-authors are (0).
  ownCredits: fc.integer({ min: 0, max: 1 }),
});
const scenario = fc.record({
  tracked: fc.uniqueArray(fc.constantFrom(...PATHS), { minLength: 1 }),
  commits: fc.array(commit, { maxLength: 40 }),
  // identity → developer index, or -1 (a bot): several identities may be one developer.
  developerOf: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: IDENTITIES, maxLength: IDENTITIES }),
  decay: fc.boolean(),
});

describe('AuthorshipFold equals the reference fold (fast-check)', () => {
  it('gives every file the same tallies and the same merged contributions, bit for bit', () => {
    fc.assert(
      fc.property(scenario, ({ tracked, commits, developerOf, decay }) => {
        const weight = decay ? (time: number) => Math.pow(2, -Math.max(0, 1_800_000_000 - time) / (180 * 86_400)) : () => 1;
        // Bulk commits at 2 files, so that the scenarios have some.
        const fold = new AuthorshipFold(tracked, decay ? { weight, bulkFiles: 2 } : { bulkFiles: 2 });
        const reference = new ReferenceFold(tracked, weight, 2);
        for (const { time, credited, changes, ownCredits } of commits) {
          const own = Math.min(ownCredits, credited.length);
          fold.addCommit(time, credited, changes, true, own);
          reference.addChanges(time, credited, changes, own);
        }
        const ids = ['d0@x', 'd1@x', 'd2@x', 'd3@x'];
        const table = Int32Array.from(developerOf);
        for (const [path, tally] of reference.files) {
          const file = fold.fileIndex(path) as number;
          expect(fold.paths[file]).toBe(path);
          const { byIdentity, shared, ...stats } = tally;
          expect(sameNumbers(fold.fileStats(file), stats)).toBe(true);
          const view = fold.tallyOf(path);
          expect(sameNumbers([...(view?.byIdentity ?? [])], [...byIdentity])).toBe(true);
          expect(sameNumbers([...(view?.shared ?? [])], [...shared])).toBe(true);
          const expected = referenceMerge(tally, (identity) => ids[developerOf[identity] ?? -1]);
          expect(sameNumbers(fold.contributions(file, table, ids), expected)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  // A review: a sweep credited to two identities of one developer (author and co-author under two
  // emails) counted as 2 of their 4 changes made in bulk commits; it is one delivery.
  it('counts a bulk commit credited to two identities of one developer once among their bulk changes', () => {
    // Newest first, as the walk hands commits to the fold.
    const fold = new AuthorshipFold(['a', 'b'], { bulkFiles: 2 });
    fold.addCommit(5, [0, 1], [{ status: 'M', path: 'a' }, { status: 'M', path: 'b' }]);
    for (let t = 4; t >= 2; t--) fold.addCommit(t, [0], [{ status: 'M', path: 'a' }]);
    fold.addCommit(1, [0], [{ status: 'A', path: 'a' }, { status: 'A', path: 'b' }]);
    const [ada] = fold.contributions(0, Int32Array.from([0, 0]), ['ada']);
    expect([ada?.dl, ada?.bulk]).toEqual([4, 1]);
  });

  it('keeps up with many files and identities (the table grows and rehashes)', () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `f${i}`);
    const weight = (time: number) => 1 / (1 + (time % 7));
    const fold = new AuthorshipFold(paths, { weight });
    const reference = new ReferenceFold(paths, weight);
    let seed = 1;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let c = 0; c < 20_000; c++) {
      const credited = [random(500)];
      if (random(10) === 0) credited.push(500 + random(20));
      const changes: FoldChange[] = [{ status: random(5) === 0 ? 'A' : 'M', path: `f${random(3000)}` }];
      fold.addCommit(2_000_000 - c, credited, changes);
      reference.addChanges(2_000_000 - c, credited, changes);
    }
    const developerOf = Int32Array.from({ length: 520 }, (_, i) => (i % 50 === 0 ? -1 : i % 300));
    const ids = Array.from({ length: 300 }, (_, i) => `dev${i}`);
    for (const [path, tally] of reference.files) {
      const file = fold.fileIndex(path) as number;
      const expected = referenceMerge(tally, (identity) => ids[developerOf[identity] ?? -1]);
      expect(sameNumbers(fold.contributions(file, developerOf, ids), expected)).toBe(true);
    }
  });
});
