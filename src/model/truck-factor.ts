import type { TruckFactor, TruckFactorMember } from './types.ts';

// Greedy truck factor, METRICS.md §5 (Avelino et al., ICPC 2016).
//
// The algorithm runs on numbered developers (0 … n − 1) and flat integer arrays, because one scan
// computes it over many sets (the repository, every module, critical systems) and many author
// assignments (classic, current, after departures, projected): see ownership-index.ts, which
// numbers an analysis once. computeTruckFactor and rankAuthors below are the same algorithm for a
// plain list of files.

export interface TruckFactorFile {
  /** Author ids of the file (fixed before any removal). */
  authors: readonly string[];
  /** Each developer's FA + DL on the file: the "changes" tie-break. */
  changes: ReadonlyMap<string, number>;
}

export interface TruckFactorOptions {
  /** Display name of an id, for the third tie-break. */
  nameOf: (id: string) => string;
}

/**
 * Ascending Unicode code-point order. JavaScript's `<` compares UTF-16 code units, which puts a
 * character beyond the basic plane (a surrogate pair, 0xD800–0xDFFF) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Both strings agree up to here, so x and y sit at the same position of their code points:
    // surrogates (astral characters) rank above every other unit of the basic plane.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Developers as numbers 0 … ids.length − 1. */
export interface NumberedDevelopers {
  readonly ids: readonly string[];
}

/**
 * A list per file, flat: file f's entries are positions start[f] … start[f + 1] − 1 of the
 * parallel arrays (authors: `developer`; contributions: `developer` and `changes`).
 */
export interface AuthorLists {
  readonly start: Int32Array;
  readonly developer: Int32Array;
}

export interface ContributionLists extends AuthorLists {
  /** FA + DL of each contribution: the "changes" of the second tie-break. */
  readonly changes: Float64Array;
}

/**
 * The "changes" of the second tie-break over a set of files: Σ FA + DL of each developer who touched
 * one (parallel arrays). It depends on the files only, not on who authors them, so one sum serves
 * every author assignment of the set.
 */
export interface SetChanges {
  readonly developer: Int32Array;
  readonly changes: Float64Array;
}

/** A set of files (file numbers) under one author assignment. */
export interface NumberedSet {
  readonly developers: NumberedDevelopers;
  /** Display name of an id, for the third tie-break. */
  readonly nameOf: (id: string) => string;
  readonly authors: AuthorLists;
  /** File numbers (always an Int32Array: one element kind keeps the loops below monomorphic). */
  readonly files: Int32Array;
  readonly changes: SetChanges;
}

/**
 * Per-developer counters, reused from set to set (a scan ranks hundreds of sets over thousands of
 * developers; allocating and zeroing them each time cost more than the ranking). A counter is valid
 * for the current ranking only where `seen` holds its stamp, so nothing needs clearing afterwards.
 */
const counters = { stamp: 0, seen: new Int32Array(0), authored: new Int32Array(0), changes: new Float64Array(0), position: new Int32Array(0) };

function countersFor(developers: number): typeof counters {
  if (counters.seen.length < developers || counters.stamp === 0x7fffffff) {
    const size = Math.max(developers, 2 * counters.seen.length, 64);
    counters.seen = new Int32Array(size);
    counters.authored = new Int32Array(size);
    counters.changes = new Float64Array(size);
    counters.position = new Int32Array(size);
    counters.stamp = 0;
  }
  counters.stamp += 1;
  return counters;
}

/** Sums the changes (FA + DL) of each developer over the files (METRICS.md §5, second tie-break). */
export function changesOver(contributions: ContributionLists, files: Int32Array, developers: number): SetChanges {
  const { stamp, seen, changes } = countersFor(developers);
  const touched: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as number;
    for (let k = contributions.start[file] as number, end = contributions.start[file + 1] as number; k < end; k++) {
      const developer = contributions.developer[k] as number;
      if (seen[developer] !== stamp) {
        seen[developer] = stamp;
        changes[developer] = 0;
        touched.push(developer);
      }
      changes[developer] = (changes[developer] as number) + (contributions.changes[k] as number);
    }
  }
  const sums = new Float64Array(touched.length);
  touched.forEach((developer, i) => {
    sums[i] = changes[developer] as number;
  });
  return { developer: Int32Array.from(touched), changes: sums };
}

/** The authors of a set in the order of §5, with their authored files (parallel arrays). */
export interface Ranking {
  readonly developers: readonly number[];
  readonly files: readonly number[];
  /** Files in the set (the F of §5). */
  readonly total: number;
}

/**
 * Authors of the set, most authored files first; ties: most changes (Σ FA + DL over the set's
 * files the developer touched), then display name, then id, both in code-point order (§5).
 * The set carries its changes (SetChanges); only its authors' are read.
 */
export function rankSet(set: NumberedSet): Ranking {
  const { authors, files } = set;
  const { ids } = set.developers;
  const { stamp, seen, authored, changes } = countersFor(ids.length);
  const members: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as number;
    for (let k = authors.start[file] as number, end = authors.start[file + 1] as number; k < end; k++) {
      const developer = authors.developer[k] as number;
      if (seen[developer] === stamp) {
        authored[developer] = (authored[developer] as number) + 1;
      } else {
        seen[developer] = stamp;
        authored[developer] = 1;
        changes[developer] = 0;
        members.push(developer);
      }
    }
  }
  if (members.length === 0) return { developers: [], files: [], total: files.length };
  // Changes are read only for the developers who author a file of the set.
  for (let i = 0; i < set.changes.developer.length; i++) {
    const developer = set.changes.developer[i] as number;
    if (seen[developer] === stamp) changes[developer] = set.changes.changes[i] as number;
  }
  const names = new Map<number, string>();
  const nameOf = (developer: number): string => {
    let name = names.get(developer);
    if (name === undefined) {
      name = set.nameOf(ids[developer] as string);
      names.set(developer, name);
    }
    return name;
  };
  members.sort(
    (a, b) =>
      (authored[b] as number) - (authored[a] as number) ||
      (changes[b] as number) - (changes[a] as number) ||
      compareCodePoints(nameOf(a), nameOf(b)) ||
      compareCodePoints(ids[a] as string, ids[b] as string),
  );
  return { developers: members, files: members.map((developer) => authored[developer] as number), total: files.length };
}

/** The members of a ranking, as reported. */
export function rankingMembers(set: Pick<NumberedSet, 'developers'>, ranking: Ranking): TruckFactorMember[] {
  const { ids } = set.developers;
  return ranking.developers.map((developer, position) => {
    const files = ranking.files[position] as number;
    return { id: ids[developer] as string, files, share: ranking.total > 0 ? files / ranking.total : 0 };
  });
}

/** The ranking without some developers (the others keep their order: their counts do not change). */
export function rankingWithout(ranking: Ranking, isGone: (developer: number) => boolean): Ranking {
  const developers: number[] = [];
  const files: number[] = [];
  ranking.developers.forEach((developer, position) => {
    if (isGone(developer)) return;
    developers.push(developer);
    files.push(ranking.files[position] as number);
  });
  return { developers, files, total: ranking.total };
}

/**
 * Removes the top author while at least half of the files keep an author. The stop test is strict:
 * coverage of exactly 0.5 keeps going. A set with no authored file has truck factor 0.
 *
 * Authorship is fixed, so the ranking never changes as developers are removed and the greedy order
 * is the ranking itself; a file loses its last author at the removal of its lowest-ranked author.
 * `ranking` must rank every author of the set (rankSet, or rankingWithout of developers who author
 * nothing in `set`).
 */
export function greedyTruckFactor(set: NumberedSet, ranking: Ranking, members: readonly TruckFactorMember[] = rankingMembers(set, ranking)): TruckFactor {
  const { authors, files } = set;
  const total = files.length;
  if (total === 0) return { value: 0, coverage: 0, developers: [] };
  // Only the ranked developers' entries are written, and only theirs are read (every author of the set is ranked).
  const { position } = countersFor(set.developers.ids.length);
  ranking.developers.forEach((developer, index) => {
    position[developer] = index;
  });
  // orphanedAt[k]: files whose last author goes at removal k.
  const orphanedAt = new Int32Array(ranking.developers.length);
  let covered = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as number;
    const start = authors.start[file] as number;
    const end = authors.start[file + 1] as number;
    if (start === end) continue;
    let last = 0;
    for (let k = start; k < end; k++) last = Math.max(last, position[authors.developer[k] as number] as number);
    orphanedAt[last] = (orphanedAt[last] as number) + 1;
    covered += 1;
  }
  let removed = 0;
  while (removed < ranking.developers.length && covered / total >= 0.5) {
    covered -= orphanedAt[removed] as number;
    removed += 1;
  }
  return { value: removed, coverage: covered / total, developers: members.slice(0, removed) };
}

/** Numbers the authors of plain files; only their changes are kept (nobody else's can break a tie). */
function numberFiles(files: readonly TruckFactorFile[], options: TruckFactorOptions): NumberedSet {
  const numberOf = new Map<string, number>();
  const ids: string[] = [];
  const authorStart = new Int32Array(files.length + 1);
  const authorDevelopers: number[] = [];
  files.forEach((file, index) => {
    for (const id of file.authors) {
      let developer = numberOf.get(id);
      if (developer === undefined) {
        developer = ids.length;
        numberOf.set(id, developer);
        ids.push(id);
      }
      authorDevelopers.push(developer);
    }
    authorStart[index + 1] = authorDevelopers.length;
  });
  const contributionStart = new Int32Array(files.length + 1);
  const contributionDevelopers: number[] = [];
  const changes: number[] = [];
  files.forEach((file, index) => {
    for (const [id, count] of file.changes) {
      const developer = numberOf.get(id);
      if (developer === undefined) continue;
      contributionDevelopers.push(developer);
      changes.push(count);
    }
    contributionStart[index + 1] = contributionDevelopers.length;
  });
  const allFiles = new Int32Array(files.length);
  for (let index = 0; index < files.length; index++) allFiles[index] = index;
  return {
    developers: { ids },
    nameOf: options.nameOf,
    authors: { start: authorStart, developer: Int32Array.from(authorDevelopers) },
    files: allFiles,
    changes: changesOver({ start: contributionStart, developer: Int32Array.from(contributionDevelopers), changes: Float64Array.from(changes) }, allFiles, ids.length),
  };
}

/** Authors of the set, most authored files first, with the tie-breaks of METRICS.md §5. */
export function rankAuthors(files: readonly TruckFactorFile[], options: TruckFactorOptions): TruckFactorMember[] {
  const set = numberFiles(files, options);
  return rankingMembers(set, rankSet(set));
}

/** The greedy truck factor of a set of files (METRICS.md §5). */
export function computeTruckFactor(files: readonly TruckFactorFile[], options: TruckFactorOptions): TruckFactor {
  const set = numberFiles(files, options);
  return greedyTruckFactor(set, rankSet(set));
}
