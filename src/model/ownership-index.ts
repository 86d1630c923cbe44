import { changesOver, greedyTruckFactor, rankingMembers, rankSet, type AuthorLists, type ContributionLists, type NumberedDevelopers, type NumberedSet, type Ranking, type SetChanges } from './truck-factor.ts';
import { contributionCount, forEachContribution, storedChanges, storedDecayedAuthor, storedNumbers, storedRemap } from './contribution-store.ts';
import type { Analysis, FileContribution, FileOwnership, TruckFactor, TruckFactorMember } from './types.ts';

// An analysis' files with their developers numbered once, so that the truck factors of METRICS.md
// §5 over many sets (the repository, modules, critical systems) and author assignments (classic,
// current, after departures, projected) run on flat integer arrays: no Map of every contributor per
// file and set, and the "changes" tie-break summed only for the developers who author in the set.

/** The authors of a file under some assumption (classic, decayed, after departures…), as ids. */
export type AuthorsOf = (file: FileOwnership) => readonly string[];

export interface DeveloperNumbering extends NumberedDevelopers {
  /** The number of an id; an id never seen before gets the next one. */
  numberOf(id: string): number;
  /** The number of an id, if it has one. */
  find(id: string): number | undefined;
}

export interface OwnershipIndex {
  readonly files: readonly FileOwnership[];
  readonly developers: DeveloperNumbering;
  /** file.contributions of every file, in their order (so position k of file f is contributions[k − start[f]]). */
  readonly contributions: ContributionLists;
  /** file.authors of every file, in their order. */
  readonly classicAuthors: AuthorLists;
  /** The decayed authors of every file (METRICS.md §7; see isDecayedAuthor), in contribution order. */
  readonly decayedAuthors: AuthorLists;
  /** Every file number, 0 … files.length − 1. */
  readonly allFiles: Int32Array;
}

export function numberDevelopers(): DeveloperNumbering {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  return {
    ids,
    find: (id) => numbers.get(id),
    numberOf(id) {
      let developer = numbers.get(id);
      if (developer === undefined) {
        developer = ids.length;
        numbers.set(id, developer);
        ids.push(id);
      }
      return developer;
    },
  };
}

/** Display name of a developer id (the id itself for someone unknown). */
export function nameLookup(analysis: Pick<Analysis, 'developers'>): (id: string) => string {
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  return (id) => names.get(id) ?? id;
}

/** 0, 1, …, count − 1. */
export function countUpTo(count: number): Int32Array {
  const numbers = new Int32Array(count);
  for (let i = 0; i < count; i++) numbers[i] = i;
  return numbers;
}

/** Whether a contribution makes a decayed author (the classic rule when the analysis has no decayed figures). */
export function isDecayedAuthor(contribution: FileContribution): boolean {
  return contribution.decayed ? contribution.decayed.isAuthor : contribution.isAuthor;
}

/** Numbers the developers of `files` and flattens their contributions, classic and decayed authors. */
export function indexOwnership(files: readonly FileOwnership[]): OwnershipIndex {
  const developers = numberDevelopers();
  let size = 0;
  for (const file of files) size += contributionCount(file);
  const start = new Int32Array(files.length + 1);
  const developer = new Int32Array(size);
  const changes = new Float64Array(size);
  const decayedStart = new Int32Array(files.length + 1);
  const decayed = new Int32Array(size);
  const classicStart = new Int32Array(files.length + 1);
  const classic: number[] = [];
  let k = 0;
  let decayedLength = 0;
  const storedDeveloper = storedRemap(developers.numberOf);
  for (let file = 0; file < files.length; file++) {
    const stored = storedNumbers(files[file] as FileOwnership);
    if (stored) {
      // A fresh analysis: read from its numbers as they are stored, nothing built.
      const { numbers, first, count, stride } = stored;
      for (let n = 0, at = first; n < count; n++, at += stride) {
        const number = storedDeveloper(stored, numbers[at] as number);
        developer[k] = number;
        changes[k] = storedChanges(numbers, at);
        if (storedDecayedAuthor(numbers, at)) decayed[decayedLength++] = number;
        k += 1;
      }
    } else {
      forEachContribution(files[file] as FileOwnership, (contribution) => {
        const number = developers.numberOf(contribution.developer);
        developer[k] = number;
        changes[k] = contribution.fa + contribution.dl;
        if (isDecayedAuthor(contribution)) decayed[decayedLength++] = number;
        k += 1;
      });
    }
    start[file + 1] = k;
    decayedStart[file + 1] = decayedLength;
    for (const id of (files[file] as FileOwnership).authors) classic.push(developers.numberOf(id));
    classicStart[file + 1] = classic.length;
  }
  return {
    files,
    developers,
    contributions: { start, developer, changes },
    classicAuthors: { start: classicStart, developer: Int32Array.from(classic) },
    decayedAuthors: { start: decayedStart, developer: decayed.slice(0, decayedLength) },
    allFiles: countUpTo(files.length),
  };
}

const indexes = new WeakMap<readonly FileOwnership[], OwnershipIndex>();

/**
 * The index of a list of files (an analysis' files), built once per list and reused by every figure
 * computed from it: the analysis' truck factor builds it, the current figures, projections,
 * departures and critical systems reuse it. A list and its files are never changed once analysed.
 */
export function ownershipIndexOf(files: readonly FileOwnership[]): OwnershipIndex {
  let index = indexes.get(files);
  if (!index) {
    index = indexOwnership(files);
    indexes.set(files, index);
    recentIndexes.unshift(new WeakRef(index));
    recentIndexes.length = Math.min(recentIndexes.length, RECENT_INDEXES);
  }
  return index;
}

/** The indexes built last (held weakly), newest first: where positionsOf looks for a list's files. */
const recentIndexes: WeakRef<OwnershipIndex>[] = [];
const RECENT_INDEXES = 4;
const pathNumbers = new WeakMap<OwnershipIndex, Map<string, number>>();

/** The number of each of the index's files by path (built on first use). */
function numbersByPath(index: OwnershipIndex): Map<string, number> {
  let numbers = pathNumbers.get(index);
  if (!numbers) {
    numbers = new Map(index.files.map((file, number) => [file.path, number]));
    pathNumbers.set(index, numbers);
  }
  return numbers;
}

/**
 * Where `files` sit on a recent index that holds them all (the very same file objects), if there is
 * one: a module's files are part of the analysis' files, which their truck factor indexed, so a
 * module is a set of that index.
 */
export function positionsOf(files: readonly FileOwnership[]): { index: OwnershipIndex; numbers: Int32Array } | undefined {
  if (files.length === 0) return undefined;
  for (const reference of recentIndexes) {
    const index = reference.deref();
    if (!index) continue;
    const byPath = numbersByPath(index);
    const numbers = new Int32Array(files.length);
    const allThere = files.every((file, i) => {
      const number = byPath.get(file.path);
      if (number === undefined || index.files[number] !== file) return false;
      numbers[i] = number;
      return true;
    });
    if (allThere) return { index, numbers };
  }
  return undefined;
}

/** The author lists an `authorsOf` function gives (ids it names for the first time get numbers). */
export function authorListsOf(index: Pick<OwnershipIndex, 'files' | 'developers'>, authorsOf: AuthorsOf): AuthorLists {
  const { files, developers } = index;
  const start = new Int32Array(files.length + 1);
  const numbers: number[] = [];
  for (let file = 0; file < files.length; file++) {
    for (const id of authorsOf(files[file] as FileOwnership)) numbers.push(developers.numberOf(id));
    start[file + 1] = numbers.length;
  }
  return { start, developer: Int32Array.from(numbers) };
}

/** Flags of the developers named by `ids` (numbered if new), for authorListsWithout and rankingWithout. */
export function developerFlags(index: Pick<OwnershipIndex, 'developers'>, ids: Iterable<string>): Uint8Array {
  const numbers = [...ids].map((id) => index.developers.numberOf(id));
  const flags = new Uint8Array(index.developers.ids.length);
  for (const number of numbers) flags[number] = 1;
  return flags;
}

/** True when flags mark the developer (developers numbered after the flags were made are not marked). */
export function isFlagged(flags: Uint8Array, developer: number): boolean {
  return flags[developer] === 1;
}

/** The lists without the flagged developers (no reassignment: METRICS.md §8). */
export function authorListsWithout(lists: AuthorLists, gone: Uint8Array): AuthorLists {
  const fileCount = lists.start.length - 1;
  const start = new Int32Array(fileCount + 1);
  const developer = new Int32Array(lists.developer.length);
  let length = 0;
  for (let file = 0; file < fileCount; file++) {
    for (let k = lists.start[file] as number, end = lists.start[file + 1] as number; k < end; k++) {
      const author = lists.developer[k] as number;
      if (!isFlagged(gone, author)) developer[length++] = author;
    }
    start[file + 1] = length;
  }
  return { start, developer: developer.slice(0, length) };
}

/** How many authors file f has in the lists. */
export function authorCount(lists: AuthorLists, file: number): number {
  return (lists.start[file + 1] as number) - (lists.start[file] as number);
}

const setChanges = new WeakMap<Int32Array, { index: OwnershipIndex; changes: SetChanges }>();

/**
 * The changes of a set of the index's files, summed once per list of file numbers: the module
 * lists (fileNumbersByModule) and the list of all files serve every author assignment.
 */
function changesOf(index: OwnershipIndex, files: Int32Array): SetChanges {
  const known = setChanges.get(files);
  if (known?.index === index) return known.changes;
  const changes = changesOver(index.contributions, files, index.developers.ids.length);
  setChanges.set(files, { index, changes });
  return changes;
}

/**
 * A set of the index's files under one author assignment (all files by default); `nameOf` gives
 * display names. The list of file numbers must not change afterwards (its changes are kept).
 */
export function setOf(index: OwnershipIndex, nameOf: (id: string) => string, authors: AuthorLists, files: Int32Array = index.allFiles): NumberedSet {
  return { developers: index.developers, nameOf, authors, files, changes: changesOf(index, files) };
}

export interface SetSummary {
  ranking: Ranking;
  /** Every author of the set, most authored files first (METRICS.md §5 order). */
  owners: TruckFactorMember[];
  truckFactor: TruckFactor;
}

/** The §5 ranking and greedy truck factor of a set. */
export function summarizeSet(set: NumberedSet): SetSummary {
  const ranking = rankSet(set);
  const owners = rankingMembers(set, ranking);
  return { ranking, owners, truckFactor: greedyTruckFactor(set, ranking, owners) };
}

/**
 * The headline's truck factor (METRICS.md §5, on the classic authors) over some of the analysed
 * files (their numbers in `analysis.files`): the same figure over fewer files, which the scan's
 * notes give beside the headline (the files outside tests, the code files).
 */
export function truckFactorOverFiles(analysis: Pick<Analysis, 'files' | 'developers'>, files: readonly number[], nameOf: (id: string) => string = nameLookup(analysis)): TruckFactor {
  const index = ownershipIndexOf(analysis.files);
  return summarizeSet(setOf(index, nameOf, index.classicAuthors, Int32Array.from(files))).truckFactor;
}
