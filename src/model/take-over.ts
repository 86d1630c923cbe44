import type { AuthorsOf } from './ownership-index.ts';
import { isBulkOnly, type Successor, type SuccessorStrength } from './successors.ts';
import type { FileOwnership } from './types.ts';

// Who could take over a set of files nobody active would author after a departure (talentrisk
// extension, built on the successors of METRICS.md §8): the people who are the successor of most of
// them. The handoff's areas and summary, and scan's "Modules losing knowledge" table, say it: hugo's
// handoff of bep gave 28 areas a line "Name a new owner for `tpl`" and never said that Joe Mooring
// was the successor on 287 of the 1,108 files only bep would author (a tester).

/**
 * A weak successor below this normDOA barely knows the file (jest: the runtime's "successor" had
 * touched it twice in 2020, normDOA 0.05): the document says to plan a transfer, not a walk-through.
 */
export const BARELY_NORM_DOA = 0.1;

/**
 * A weak successor with at least this many changes of their own on a file (not in bulk commits)
 * does not "barely know" it, whatever their normDOA: others changed it far more. spring-boot's
 * dependency management file read "Phillip Webb (barely knows it)" beside his 388 commits (normDOA
 * 0.08: others made 9,306 changes; an engineering manager's test).
 */
export const MANY_OWN_CHANGES = 20;

/** Whether a (weak) successor barely knows the file: normDOA below BARELY_NORM_DOA, and few changes of their own. */
export function barelyKnows(s: Pick<Successor, 'normDoa' | 'commits' | 'bulk'>): boolean {
  return s.normDoa < BARELY_NORM_DOA && s.commits - (s.bulk ?? 0) < MANY_OWN_CHANGES;
}

/** Someone who is the successor of some files of a set. */
export interface TakeOverCandidate {
  id: string;
  /** Files of the set they are the successor of. */
  files: number;
  /** Of those, as an ok successor (normDOA and DOA above the weak lines); the rest as a weak one. */
  ok: number;
  weak: number;
  /** Of the weak ones, the files they barely know (barelyKnows: normDOA below BARELY_NORM_DOA, fewer than MANY_OWN_CHANGES changes of their own). */
  barely: number;
  /**
   * Of `files`, those whose every change of theirs was in a bulk commit (isBulkOnly: a sweep or a
   * reorganisation), counted in ok, weak and barely too, by their strength; and how many of those
   * are ok and barely. The reports say them apart: spring-boot's handoff counted 230 files "weak"
   * for a successor whose only change to 168 of them was a directory move or a copyright sweep.
   */
  bulkOnly: number;
  bulkOnlyOk: number;
  bulkOnlyBarely: number;
  /** A one-off contributor (one-off.ts: their whole history is one contribution): ranked after everyone else. */
  oneOff: boolean;
}

export interface TakeOver {
  /** Files of the set. */
  files: number;
  /** Of those, the ones nobody available (staying, active) has changed: no successor. */
  noSuccessor: number;
  /**
   * Everyone who is the successor of one of them: one-off contributors last, then most files with
   * changes of their own first (not bulkOnly), then most files, then most ok (not bulkOnly), then
   * fewest barely, then (given a module's standing) the most files of the module they author, then
   * their most changes to it, then the highest normDOA over those files, then id.
   */
  candidates: TakeOverCandidate[];
}

/** Someone's standing in a module: the files of it they author, and their changes (FA + DL) to its files. */
export interface ModuleStanding {
  files: number;
  changes: number;
}

/** Each of `ids`' standing in a module's files: the files they author (by `authorsOf`), and their changes to them. */
export function moduleStandingOf(files: readonly FileOwnership[], ids: ReadonlySet<string>, authorsOf: AuthorsOf): Record<string, ModuleStanding> {
  const standing = new Map([...ids].map((id) => [id, { files: 0, changes: 0 }]));
  for (const file of files) {
    for (const id of authorsOf(file)) {
      const entry = standing.get(id);
      if (entry) entry.files += 1;
    }
    for (const c of file.contributions) {
      const entry = standing.get(c.developer);
      if (entry) entry.changes += c.fa + c.dl;
    }
  }
  return Object.fromEntries([...standing].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The successors of a set of files, tallied per person (files whose successor is an author count as
 * ok). `standing`: each one's standing in the module the files belong to, which breaks a tie before
 * the normDOA does (helm's root module: sayboras, one commit, normDOA 0.74 on .golangci.yml, was
 * "best placed" over Matt Butcher, 0.34 on the Makefile and author of 5 of its 10 files; a first-time user).
 */
export function takeOverOf(files: Iterable<{ successor?: Successor | undefined; strength: SuccessorStrength }>, standing?: (id: string) => ModuleStanding | undefined): TakeOver {
  const byId = new Map<string, TakeOverCandidate>();
  const knowledge = new Map<string, number>();
  let total = 0;
  let noSuccessor = 0;
  for (const file of files) {
    total += 1;
    const successor = file.successor;
    if (!successor || file.strength === 'none') {
      noSuccessor += 1;
      continue;
    }
    const candidate = byId.get(successor.id) ?? { id: successor.id, files: 0, ok: 0, weak: 0, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: successor.oneOff !== undefined };
    const bulkOnly = isBulkOnly(successor);
    candidate.files += 1;
    if (bulkOnly) candidate.bulkOnly += 1;
    if (file.strength === 'weak') {
      candidate.weak += 1;
      if (barelyKnows(successor)) {
        candidate.barely += 1;
        if (bulkOnly) candidate.bulkOnlyBarely += 1;
      }
    } else {
      candidate.ok += 1;
      if (bulkOnly) candidate.bulkOnlyOk += 1;
    }
    byId.set(successor.id, candidate);
    knowledge.set(successor.id, (knowledge.get(successor.id) ?? 0) + successor.normDoa);
  }
  const known = (id: string) => knowledge.get(id) ?? 0;
  // A one-off contributor after everyone else: one contribution is no knowledge of the module
  // (helm's root module: sayboras, one commit). Then someone who changed the files themselves before
  // someone whose only changes were a sweep: the "best placed" of spring-boot's modules was the
  // author of a directory move (an EM test).
  const own = (c: TakeOverCandidate) => c.files - c.bulkOnly;
  const authored = (id: string) => standing?.(id)?.files ?? 0;
  const changed = (id: string) => standing?.(id)?.changes ?? 0;
  const candidates = [...byId.values()].sort(
    (a, b) =>
      Number(a.oneOff) - Number(b.oneOff) ||
      own(b) - own(a) ||
      b.files - a.files ||
      b.ok - b.bulkOnlyOk - (a.ok - a.bulkOnlyOk) ||
      a.barely - b.barely ||
      authored(b.id) - authored(a.id) ||
      changed(b.id) - changed(a.id) ||
      known(b.id) - known(a.id) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { files: total, noSuccessor, candidates };
}

/** takeOverOf per module, for files that carry their module (scan's orphaned files); `standing`: each module's successors' standing in it (computeDepartures' successorStandingOf). */
export function takeOverByModule(
  files: readonly { module: string; successor?: Successor | undefined; strength: SuccessorStrength }[],
  standing: Readonly<Record<string, Readonly<Record<string, ModuleStanding>>>> = {},
): Map<string, TakeOver> {
  const groups = new Map<string, (typeof files)[number][]>();
  for (const file of files) {
    // Pushed, not copied: a copy per file was quadratic (30,000 files of one module: 8.6 s, a review).
    const group = groups.get(file.module);
    if (group) group.push(file);
    else groups.set(file.module, [file]);
  }
  // Own keys only: a module or an id named like an Object property ("constructor") is no standing.
  const of = (module: string, id: string) => (Object.hasOwn(standing, module) && Object.hasOwn(standing[module] ?? {}, id) ? standing[module]?.[id] : undefined);
  return new Map([...groups].map(([module, group]) => [module, takeOverOf(group, (id) => of(module, id))]));
}
