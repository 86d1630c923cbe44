import { forEachContribution, someContribution } from './contribution-store.ts';
import { computeDoa, isAuthor, normalizeDoa } from './doa.ts';
import { countUpTo, nameLookup, numberDevelopers, summarizeSet } from './ownership-index.ts';
import { rankContributions, type ContributionInput } from './ownership.ts';
import type { Analysis, FileContribution, FileOwnership, TruckFactor } from './types.ts';

// Co-author credit that carries the headline (talentrisk extension). GitHub adds a
// `Co-authored-by:` trailer for whoever pushes to a pull request before it is squash-merged: 1,820
// commits of others credit laravel's maintainer, and 820 of his 2,098 files are his only that way,
// which nothing said (an engineering manager's test). The figures keep counting co-authors (config
// model.coAuthors, on by default); this says what they would be with co-authors left out, from the
// counts the fold kept apart (FileContribution.coAuthorDl, coAuthorFa, FileOwnership
// .coAuthorOnlyChanges), without walking the history again. A co-authored commit becomes its author's
// change alone: DOA(FA_own, DL − DL_co, AC + DL_co) (METRICS.md §4), and a commit whose author is a
// bot becomes no event at all. What the fold cannot undo: with co-authors off, a co-author whose name
// is alike to the commit's author's is not joined to them (README, "What is analysed"), and an
// identity named only in trailers is no developer. On laravel and rails the truck factors and their
// people are those of a scan with model.coAuthors: false; 3 and 7 files have other authors, all
// through such a join (laravel's Kyle and KyleKatarn, rails' Richard Macklin and rmacklin).

/** A truck-factor member authors "many" files only through co-author credit: more than this share of theirs… */
export const CO_AUTHOR_ONLY_SHARE = 0.25;
/** …and at least this many. */
export const CO_AUTHOR_ONLY_FILES = 20;

export interface CoAuthorCreditedPerson {
  id: string;
  /** Files they author (the headline's figure, co-authors counted). */
  files: number;
  /** Of those, the files they author only through co-author credit: no author of them with co-authors left out. */
  onlyAsCoAuthor: number;
  /** Files they author with co-authors left out (model.coAuthors: false). */
  filesWithout: number;
  /** Commits by others that credit them as a co-author (Analysis.coAuthorCommits). */
  commits: number;
}

export interface CoAuthorCredit {
  /** Members of the headline's truck-factor list who author many files only through co-author credit, in the list's order. */
  people: CoAuthorCreditedPerson[];
  /** The truck factor with co-authors left out (METRICS.md §5 over the files analysed then). */
  truckFactor: TruckFactor;
}

/**
 * What co-author credit does to the headline, when a member of its truck-factor list authors more
 * than CO_AUTHOR_ONLY_SHARE of their files, and CO_AUTHOR_ONLY_FILES or more, only through it;
 * undefined otherwise, and when co-authors are not counted (model.coAuthors: false, --model classic).
 * It runs on every scan: the members' files are judged first (rails: 306 files, none of them enough),
 * and only then every file (laravel: the truck factor without co-authors).
 */
export function coAuthorCredit(analysis: Pick<Analysis, 'files' | 'developers' | 'truckFactor' | 'settings' | 'coAuthorCommits'>): CoAuthorCredit | undefined {
  if (!analysis.settings.coAuthors) return undefined;
  const members = analysis.truckFactor.developers;
  const memberIds = new Set(members.map((m) => m.id));
  const lost = countOnlyAsCoAuthor(analysis.files, (id) => memberIds.has(id));
  const people = members.filter((m) => isManyOnlyAsCoAuthor(lost.get(m.id) ?? 0, m.files));
  if (people.length === 0) return undefined;

  const { truckFactor, authored } = truckFactorWithoutCoAuthors(analysis);
  return {
    people: people.map((m) => ({ id: m.id, files: m.files, onlyAsCoAuthor: lost.get(m.id) ?? 0, filesWithout: authored.get(m.id) ?? 0, commits: analysis.coAuthorCommits?.[m.id] ?? 0 })),
    truckFactor,
  };
}

/** Whether `onlyAsCoAuthor` of someone's `files` is many: CO_AUTHOR_ONLY_FILES or more, and more than CO_AUTHOR_ONLY_SHARE of them. */
export function isManyOnlyAsCoAuthor(onlyAsCoAuthor: number, files: number): boolean {
  return onlyAsCoAuthor >= CO_AUTHOR_ONLY_FILES && onlyAsCoAuthor > files * CO_AUTHOR_ONLY_SHARE;
}

function hasCoAuthorCredit(c: Readonly<FileContribution>): boolean {
  return (c.coAuthorDl ?? 0) > 0 || c.coAuthorFa === 1;
}

/**
 * Calls `visit` for each of `files` that someone authors only through co-author credit: `lost`, its
 * authors who would not be with co-authors left out, and `without`, its authors then ([] when it
 * would not be analysed, or has no author). Only a file someone authors with some co-author credit
 * of theirs can stop being theirs (without it, their DL stays, and their AC and everyone else's DOA
 * can only drop), so only those files are read; `among`, when given, keeps to the files where one of
 * those people is such an author (scan: the truck-factor members; rails, 306 files, none enough).
 */
export function forEachOnlyAsCoAuthor(
  files: readonly FileOwnership[],
  visit: (file: FileOwnership, lost: readonly string[], without: readonly string[]) => void,
  among?: (id: string) => boolean,
): void {
  const scratch = new FileScratch();
  for (const file of files) {
    if (among && !file.authors.some(among)) continue;
    if (!someContribution(file, (c) => c.isAuthor && (!among || among(c.developer)) && hasCoAuthorCredit(c))) continue;
    const without = scratch.read(file) ? scratch.authors() : [];
    const lost = file.authors.filter((id) => !without.includes(id));
    if (lost.length > 0) visit(file, lost, without);
  }
}

/** Per developer (of `among`, when given), how many of `files` they author only through co-author credit (forEachOnlyAsCoAuthor). */
export function countOnlyAsCoAuthor(files: readonly FileOwnership[], among?: (id: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  forEachOnlyAsCoAuthor(
    files,
    (_, lost) => {
      for (const id of lost) if (!among || among(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    },
    among,
  );
  return counts;
}

/**
 * The truck factor with co-authors left out, and how many files each developer authors then: one
 * pass over the contributions, on numbered developers (no contribution object built; laravel's
 * 3,330 files, most with co-author credit, took 0.1–0.2 s through rankContributions and an index).
 */
export function truckFactorWithoutCoAuthors(analysis: Pick<Analysis, 'developers'> & { files: readonly FileOwnership[] }): { truckFactor: TruckFactor; authored: Map<string, number> } {
  const developers = numberDevelopers();
  const scratch = new FileScratch();
  const start: number[] = [0];
  const authorNumbers: number[] = [];
  let changes = new Float64Array(1024);
  const authored = new Map<string, number>();
  for (const file of analysis.files) {
    // A file only co-authors were credited with is not analysed without them.
    if (!scratch.read(file)) continue;
    for (let k = 0; k < scratch.count; k++) {
      const developer = developers.numberOf(scratch.ids[k] as string);
      if (developer >= changes.length) {
        const grown = new Float64Array(Math.max(developer + 1, changes.length * 2));
        grown.set(changes);
        changes = grown;
      }
      // FA + DL of their own: the second tie-break of METRICS.md §5.
      changes[developer] = (changes[developer] as number) + (scratch.fa[k] as number) + (scratch.dl[k] as number);
    }
    for (const id of scratch.authors()) {
      authorNumbers.push(developers.numberOf(id));
      authored.set(id, (authored.get(id) ?? 0) + 1);
    }
    start.push(authorNumbers.length);
  }
  const count = developers.ids.length;
  const set = {
    developers,
    nameOf: nameLookup(analysis),
    authors: { start: Int32Array.from(start), developer: Int32Array.from(authorNumbers) },
    files: countUpTo(start.length - 1),
    changes: { developer: countUpTo(count), changes: changes.slice(0, count) },
  };
  return { truckFactor: summarizeSet(set).truckFactor, authored };
}

/**
 * One file's figures with co-authors left out, read into reused arrays: each developer with a
 * creation or a change of their own, their FA and DL without co-author credit, and the file's M and
 * R events without those that credit co-authors only.
 */
class FileScratch {
  ids: string[] = [];
  fa = new Uint8Array(64);
  dl = new Int32Array(64);
  count = 0;
  private file: FileOwnership | undefined;
  private changes = 0;
  private credited = false;

  /** Reads the file; false when nobody is left with an event of their own (it is not analysed then). */
  read(file: FileOwnership): boolean {
    this.file = file;
    this.count = 0;
    this.credited = (file.coAuthorOnlyChanges ?? 0) > 0;
    let mr = 0;
    forEachContribution(file, (c) => {
      // Every contribution has dl + ac = the file's M and R events (AC is the others' share of them).
      mr = c.dl + c.ac;
      const coDl = c.coAuthorDl ?? 0;
      if (coDl > 0 || c.coAuthorFa === 1) this.credited = true;
      const fa = c.fa === 1 && c.coAuthorFa !== 1 ? 1 : 0;
      const dl = c.dl - coDl;
      if (fa === 0 && dl <= 0) return;
      if (this.count === this.fa.length) this.grow();
      this.ids[this.count] = c.developer;
      this.fa[this.count] = fa;
      this.dl[this.count] = dl;
      this.count += 1;
    });
    this.changes = mr - (file.coAuthorOnlyChanges ?? 0);
    return this.count > 0;
  }

  /** The authors of the file read last with co-authors left out (its own authors when nobody had co-author credit on it). */
  authors(): readonly string[] {
    const file = this.file as FileOwnership;
    if (!this.credited) return file.authors;
    let highest = Number.NEGATIVE_INFINITY;
    const doas = new Float64Array(this.count);
    for (let k = 0; k < this.count; k++) {
      const dl = this.dl[k] as number;
      const doa = computeDoa(this.fa[k] as number, dl, Math.max(0, this.changes - dl));
      doas[k] = doa;
      if (doa > highest) highest = doa;
    }
    const authors: number[] = [];
    for (let k = 0; k < this.count; k++) {
      const doa = doas[k] as number;
      if (isAuthor(doa, normalizeDoa(doa, highest), this.fa[k] as number)) authors.push(k);
    }
    // Highest DOA first, ties by id, as FileOwnership.authors.
    const ids = this.ids;
    authors.sort((a, b) => (doas[b] as number) - (doas[a] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
    return authors.map((k) => ids[k] as string);
  }

  private grow(): void {
    const fa = new Uint8Array(this.fa.length * 2);
    fa.set(this.fa);
    this.fa = fa;
    const dl = new Int32Array(this.dl.length * 2);
    dl.set(this.dl);
    this.dl = dl;
  }
}

export interface FolderCoAuthorCredit {
  /** Per developer, the folder's files they author only through co-author credit (none: not in it). */
  onlyAsCoAuthor: Map<string, number>;
  /** The folder's truck factor with co-authors left out (METRICS.md §6 over the files analysed then). */
  truckFactor: TruckFactor;
}

/**
 * What co-author credit does to a folder's figures (`explain <folder>`): who authors how many of its
 * files only through it, and its truck factor with co-authors left out; undefined when none of its
 * files has co-author credit, and when co-authors are not counted (model.coAuthors: false, --model
 * classic). laravel's src/Illuminate/Support: 100 of its 118 files are Taylor Otwell's, many of them
 * only through trailers on others' commits (a review).
 */
export function folderCoAuthorCredit(analysis: Pick<Analysis, 'developers' | 'settings'>, files: readonly FileOwnership[]): FolderCoAuthorCredit | undefined {
  if (!analysis.settings.coAuthors) return undefined;
  if (!files.some((file) => (file.coAuthorOnlyChanges ?? 0) > 0 || someContribution(file, hasCoAuthorCredit))) return undefined;
  return { onlyAsCoAuthor: countOnlyAsCoAuthor(files), truckFactor: truckFactorWithoutCoAuthors({ files, developers: analysis.developers }).truckFactor };
}

/** A file's authors with co-authors left out (its own authors when nobody has co-author credit on it). */
export function authorsWithoutCoAuthors(file: FileOwnership): string[] {
  const scratch = new FileScratch();
  return scratch.read(file) ? [...scratch.authors()] : [];
}

/**
 * The files as a scan with co-authors left out would analyse them, with their contributions (for
 * tests and tools; coAuthorCredit computes the same without building them): a file with no
 * co-author credit is itself; the others get the figures without it, and a file only co-authors
 * were credited with (its commits' authors bots) is not analysed.
 */
export function filesWithoutCoAuthors(files: readonly FileOwnership[]): FileOwnership[] {
  const result: FileOwnership[] = [];
  for (const file of files) {
    if (!(file.coAuthorOnlyChanges ?? 0) && !someContribution(file, hasCoAuthorCredit)) {
      result.push(file);
      continue;
    }
    const inputs: ContributionInput[] = [];
    let mr = 0;
    forEachContribution(file, (c) => {
      mr = c.dl + c.ac;
      const fa = c.fa === 1 && c.coAuthorFa !== 1 ? 1 : 0;
      const dl = c.dl - (c.coAuthorDl ?? 0);
      if (fa === 1 || dl > 0) inputs.push({ developer: c.developer, fa, dl, wfa: fa, wdl: dl, last: c.lastChange });
    });
    if (inputs.length === 0) continue;
    const changes = mr - (file.coAuthorOnlyChanges ?? 0);
    const contributions = rankContributions(inputs, changes, changes, false);
    result.push({ path: file.path, authors: contributions.filter((c) => c.isAuthor).map((c) => c.developer), contributions, events: file.events, lastChange: file.lastChange });
  }
  return result;
}
