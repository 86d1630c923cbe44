import { forEachContribution, someContribution } from './contribution-store.ts';
import { indexOwnership, nameLookup, setOf, summarizeSet } from './ownership-index.ts';
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
// identity named only in trailers is no developer.

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
 */
export function coAuthorCredit(analysis: Pick<Analysis, 'files' | 'developers' | 'truckFactor' | 'settings' | 'coAuthorCommits'>): CoAuthorCredit | undefined {
  if (!analysis.settings.coAuthors) return undefined;
  const members = analysis.truckFactor.developers;
  // Cheap first: only a file they author with some co-author credit can stop being theirs (without
  // it, their DL stays, their AC and everyone else's DOA can only drop).
  const memberIds = new Set(members.map((m) => m.id));
  const credited = new Map<string, number>();
  for (const file of analysis.files) {
    if (!file.authors.some((id) => memberIds.has(id))) continue;
    forEachContribution(file, (c) => {
      if (c.isAuthor && memberIds.has(c.developer) && hasCoAuthorCredit(c)) credited.set(c.developer, (credited.get(c.developer) ?? 0) + 1);
    });
  }
  if (!members.some((m) => isMany(credited.get(m.id) ?? 0, m.files))) return undefined;

  const files = filesWithoutCoAuthors(analysis.files);
  const index = indexOwnership(files);
  const truckFactor = summarizeSet(setOf(index, nameLookup(analysis), index.classicAuthors)).truckFactor;
  const without = new Map<string, Set<string>>(members.map((m) => [m.id, new Set<string>()]));
  for (const file of files) for (const id of file.authors) without.get(id)?.add(file.path);
  const people: CoAuthorCreditedPerson[] = [];
  for (const m of members) {
    const theirs = without.get(m.id) as Set<string>;
    let onlyAsCoAuthor = 0;
    for (const file of analysis.files) if (file.authors.includes(m.id) && !theirs.has(file.path)) onlyAsCoAuthor += 1;
    if (isMany(onlyAsCoAuthor, m.files)) people.push({ id: m.id, files: m.files, onlyAsCoAuthor, filesWithout: theirs.size, commits: analysis.coAuthorCommits?.[m.id] ?? 0 });
  }
  return people.length > 0 ? { people, truckFactor } : undefined;
}

function isMany(onlyAsCoAuthor: number, files: number): boolean {
  return onlyAsCoAuthor >= CO_AUTHOR_ONLY_FILES && onlyAsCoAuthor > files * CO_AUTHOR_ONLY_SHARE;
}

function hasCoAuthorCredit(c: Readonly<FileContribution>): boolean {
  return (c.coAuthorDl ?? 0) > 0 || c.coAuthorFa === 1;
}

/**
 * The files as a scan with co-authors left out would analyse them: a file with no co-author credit
 * is itself; the others get the figures without it, and a file only co-authors were credited with
 * (its commits' authors bots) is not analysed.
 */
export function filesWithoutCoAuthors(files: readonly FileOwnership[]): FileOwnership[] {
  const result: FileOwnership[] = [];
  for (const file of files) {
    if (!(file.coAuthorOnlyChanges ?? 0) && !someContribution(file, hasCoAuthorCredit)) {
      result.push(file);
      continue;
    }
    const without = fileWithoutCoAuthors(file);
    if (without) result.push(without);
  }
  return result;
}

/** One file's figures with co-authors left out (undefined when nobody is left with a change); see filesWithoutCoAuthors. */
export function fileWithoutCoAuthors(file: FileOwnership): FileOwnership | undefined {
  const inputs: ContributionInput[] = [];
  let mr = 0;
  forEachContribution(file, (c) => {
    // Every contribution has dl + ac = the file's M and R events (AC is the others' share of them).
    mr = c.dl + c.ac;
    const fa = c.fa === 1 && c.coAuthorFa !== 1 ? 1 : 0;
    const dl = c.dl - (c.coAuthorDl ?? 0);
    if (fa === 1 || dl > 0) inputs.push({ developer: c.developer, fa, dl, wfa: fa, wdl: dl, last: c.lastChange });
  });
  if (inputs.length === 0) return undefined;
  const changes = mr - (file.coAuthorOnlyChanges ?? 0);
  const contributions = rankContributions(inputs, changes, changes, false);
  return { path: file.path, authors: contributions.filter((c) => c.isAuthor).map((c) => c.developer), contributions, events: file.events, lastChange: file.lastChange };
}

/** A file's authors with co-authors left out (its own authors when nobody has co-author credit on it). */
export function authorsWithoutCoAuthors(file: FileOwnership): string[] {
  if (!(file.coAuthorOnlyChanges ?? 0) && !someContribution(file, hasCoAuthorCredit)) return file.authors;
  return fileWithoutCoAuthors(file)?.authors ?? [];
}
