import { forEachOnlyAsCoAuthor, isManyOnlyAsCoAuthor } from './co-author-credit.ts';
import type { Leaving } from './handoff-input.ts';
import { FILE_CATEGORIES, fileCategory, type FileCategory } from './module-category.ts';
import type { OneOff } from './one-off.ts';
import { bestSuccessor, handsOnSuccessorOf, isBulkOnly, successorOf, WEAK_SUCCESSOR_NORM_DOA, type Successor, type SuccessorStrength } from './successors.ts';
import type { Analysis, FileContribution, FileOwnership } from './types.ts';

// Their files, what only they know: each file they author (METRICS.md §4), who else authors it, who
// would succeed them on it once everyone leaving has gone, and what the summary counts of them.

export interface HandoffFile {
  path: string;
  /** sole: they are its only author; shared: others author it too. */
  status: 'sole' | 'shared';
  /** Other authors who stay. */
  otherAuthors: string[];
  /**
   * Other authors who are leaving too: a shared file with no otherAuthors is shared only with them,
   * which the markdown said ("shared with others leaving") and the JSON did not (a user test).
   */
  othersLeaving: string[];
  /**
   * Shared, and every other author who stays is inactive: nobody active would author it after they
   * leave, though the published figures count those authors (flask: all 63 files David Lord shares
   * were shared with people gone for years; a tester). The checklist treats it as theirs alone.
   */
  othersInactive: boolean;
  critical: string[];
  doa: number;
  normDoa: number;
  /** Their commits on the file (FA + DL) and their newest change (unix seconds). */
  commits: number;
  lastChange: number;
  /** Events on the file by anyone (FileOwnership.events): what a successor's commits are set against. */
  events: number;
  /**
   * Nobody active who stays authors it after the departures: theirs alone, or every other author is
   * inactive or leaving too (needsOwner). Files shared only with others leaving were left out while
   * those shared with an inactive developer and someone leaving counted, and the summary said "only
   * with inactive developers" of both (spring-boot, an EM test: 73 of which 16 were shared with
   * Andy Wilkinson, leaving).
   */
  noActiveAuthorLeft: boolean;
  successor?: Successor;
  strength: SuccessorStrength;
  /**
   * Beside a weak successor (talentrisk extension, none under --model classic): who stays, is active
   * and has the highest current (decayed) DOA on the file, when that is someone else who changed it
   * more recently. numpy's handoff named Charles Harris for 51 files, 65 of its 179 successors last
   * touching the file 3+ years ago in sweeps, over people changing it this year (an EM test).
   */
  recentSuccessor?: Successor;
  /**
   * Beside a successor whose every change to the file was in a bulk commit (isBulkOnly; talentrisk
   * extension, none under --model classic): who stays, is active and has the highest DOA among those
   * who made a change of their own (created it, or changed it outside bulk commits). spring-boot:
   * Phillip Webb, successor of 412 of Stéphane Nicoll's files through a directory move and a
   * copyright sweep only (an EM test).
   */
  handsOnSuccessor?: Successor;
  /**
   * Set when they author the file only through co-author credit (Co-authored-by trailers on others'
   * commits; talentrisk extension, never under --model classic or model.coAuthors: false): its
   * authors with co-authors left out, highest DOA first (empty: none). laravel: 820 of Taylor
   * Otwell's 2,098 files, which his handoff counted among what only he knows (a review).
   */
  authorsWithoutCoAuthors?: string[];
}

/**
 * Their files they author only through co-author credit (HandoffFile.authorsWithoutCoAuthors), with
 * what those would be without it; absent under --model classic and model.coAuthors: false.
 */
export interface HandoffCoAuthorCredit {
  files: number;
  /** Of those, the files only they author (status sole). */
  soleFiles: number;
  /** Of those, the files nobody active who stays would author after the departures (HandoffFile.noActiveAuthorLeft; the sole ones among them). */
  noActiveAuthorLeft: number;
  /** Of those sole ones, the files someone else would author with co-authors left out… */
  soleWithOtherAuthor: number;
  /** …and those nobody would (soleWithOtherAuthor + soleWithNoAuthor = soleFiles). */
  soleWithNoAuthor: number;
  /** Who would author those sole files with co-authors left out: most files first, then by id. */
  authorsInstead: { id: string; files: number }[];
  /** Commits by others that credit them as a co-author (Analysis.coAuthorCommits). */
  commits: number;
  /**
   * Whether it is many, as scan's note judges a truck-factor member (isManyOnlyAsCoAuthor): of their
   * files, or of those only they author. The document's summary says so only then.
   */
  many: boolean;
}

/**
 * Files counted by what they are for, by their folder (fileCategory: code, tests and fixtures,
 * examples, docs, editors' settings), the categories the areas rank by. helm at 2020-01-01: "nobody
 * for 100" of Adam Reese's files, 95 of them testdata fixtures (a tester).
 */
export type FilesByCategory = Record<FileCategory, number>;

/**
 * Their files (`theirs`: the files they author) by module, in the analysis's order, each with its
 * successor among the developers who stay and are available.
 */
export function theirFilesByModule(
  analysis: Analysis,
  theirs: readonly FileOwnership[],
  leaving: Leaving,
  moduleOf: (path: string) => string,
  criticalOf: (path: string) => string[],
  oneOffs: ReadonlyMap<string, OneOff>,
): Map<string, HandoffFile[]> {
  const { id: personId, goneAll, inactive, unavailable, after } = leaving;
  // Their files that are theirs only through Co-authored-by trailers on others' commits, with who
  // would author them without (laravel: 820 of Taylor Otwell's 2,098 files; a review).
  const withoutCoAuthors = new Map<string, string[]>();
  const isPerson = (id: string) => id === personId;
  if (analysis.settings.coAuthors) {
    forEachOnlyAsCoAuthor(
      theirs,
      (file, lost, without) => {
        if (lost.some(isPerson)) withoutCoAuthors.set(file.path, [...without]);
      },
      isPerson,
    );
  }
  const areas = new Map<string, HandoffFile[]>();
  for (const file of theirs) {
    const contribution = file.contributions.find((c) => c.developer === personId);
    if (!contribution) continue;
    const remaining = after(file);
    const { successor, strength } = bestSuccessor(file, unavailable, remaining, WEAK_SUCCESSOR_NORM_DOA, oneOffs);
    const recentSuccessor = strength === 'weak' && successor ? moreRecentSuccessor(file, unavailable, successor, oneOffs) : undefined;
    const handsOnSuccessor = handsOnSuccessorOf(file, unavailable, successor, analysis.model, oneOffs);
    const otherAuthors = file.authors.filter((id) => id !== personId && !goneAll.has(id));
    const authorsWithoutCoAuthors = withoutCoAuthors.get(file.path);
    const entry: HandoffFile = {
      path: file.path,
      status: file.authors.length === 1 ? 'sole' : 'shared',
      otherAuthors,
      othersInactive: otherAuthors.length > 0 && otherAuthors.every((id) => inactive.has(id)),
      othersLeaving: file.authors.filter((id) => id !== personId && goneAll.has(id)),
      critical: criticalOf(file.path),
      doa: contribution.doa,
      normDoa: contribution.normDoa,
      commits: contribution.fa + contribution.dl,
      lastChange: contribution.lastChange,
      events: file.events,
      noActiveAuthorLeft: remaining.every((id) => inactive.has(id)),
      strength,
      ...(successor ? { successor } : {}),
      ...(recentSuccessor ? { recentSuccessor } : {}),
      ...(handsOnSuccessor ? { handsOnSuccessor } : {}),
      ...(authorsWithoutCoAuthors ? { authorsWithoutCoAuthors } : {}),
    };
    const module = moduleOf(file.path);
    areas.set(module, [...(areas.get(module) ?? []), entry]);
  }
  return areas;
}

/** Theirs alone, or shared only with inactive developers or others leaving: after them, nobody active authors it. */
export function needsOwner(file: HandoffFile): boolean {
  return file.noActiveAuthorLeft;
}

/** Shared, and every other author is leaving too: nobody else stays. */
export function sharedOnlyWithLeaving(file: HandoffFile): boolean {
  return file.status === 'shared' && file.otherAuthors.length === 0;
}

/**
 * The available developer with the highest current (decayed) DOA on the file among those who changed
 * it hands-on (not only in bulk commits, no one-off contributor), when that is not the successor and
 * their last change is more recent than the successor's; undefined without decayed figures (--model
 * classic). See HandoffFile's `recentSuccessor`.
 */
function moreRecentSuccessor(file: FileOwnership, unavailable: ReadonlySet<string>, successor: Successor, oneOffs: ReadonlyMap<string, OneOff>): Successor | undefined {
  let best: FileContribution | undefined;
  for (const c of file.contributions) {
    // Not someone whose change since was a sweep, nor a one-off contributor: once helm's secrets.go
    // went to Martin Hickey, who changed it by hand, Josh Soref's one spelling commit made him "more
    // recent" beside him, and Matt Farina's module-path sweep did the same elsewhere (a first-time user).
    if (unavailable.has(c.developer) || !c.decayed || isBulkOnly(c) || oneOffs.has(c.developer)) continue;
    if (!best?.decayed || c.decayed.doa > best.decayed.doa || (c.decayed.doa === best.decayed.doa && c.lastChange > best.lastChange)) best = c;
  }
  if (!best || best.developer === successor.id || best.lastChange <= successor.lastChange) return undefined;
  return successorOf(best, oneOffs);
}

/** How many of `files` are for what (FilesByCategory); `libraries`: testLibraries, which count as code. */
export function filesByCategory(files: readonly HandoffFile[], libraries: readonly string[]): FilesByCategory {
  const counts = Object.fromEntries(FILE_CATEGORIES.map((category) => [category, 0])) as FilesByCategory;
  for (const file of files) counts[fileCategory(file.path, libraries)] += 1;
  return counts;
}

/**
 * Their files that are theirs only through co-author credit, and what the files only they author
 * would be without it: another author (whom), or none.
 */
export function coAuthorCreditOf(files: readonly HandoffFile[], commits: number): HandoffCoAuthorCredit {
  const credited = files.filter((f) => f.authorsWithoutCoAuthors);
  const sole = credited.filter((f) => f.status === 'sole');
  const instead = new Map<string, number>();
  for (const file of sole) for (const id of file.authorsWithoutCoAuthors ?? []) instead.set(id, (instead.get(id) ?? 0) + 1);
  const soleWithNoAuthor = sole.filter((f) => f.authorsWithoutCoAuthors?.length === 0).length;
  const soleFiles = files.filter((f) => f.status === 'sole').length;
  return {
    files: credited.length,
    soleFiles: sole.length,
    noActiveAuthorLeft: credited.filter((f) => f.noActiveAuthorLeft).length,
    soleWithOtherAuthor: sole.length - soleWithNoAuthor,
    soleWithNoAuthor,
    authorsInstead: [...instead].map(([id, count]) => ({ id, files: count })).sort((a, b) => b.files - a.files || (a.id < b.id ? -1 : 1)),
    commits,
    many: isManyOnlyAsCoAuthor(credited.length, files.length) || isManyOnlyAsCoAuthor(sole.length, soleFiles),
  };
}
