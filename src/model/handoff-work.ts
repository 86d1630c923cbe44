import type { HandoffCommitInput } from './handoff-input.ts';
import { byPath } from './handoff-order.ts';
import { KEEPER_MIN_CHANGES, leaverKeepsFile, nobodyActiveKnowsBetter } from './keepers.ts';
import type { RecentCommit } from './recent-work.ts';
import type { Analysis } from './types.ts';

// Their work beside the files they author: their recent commits in their areas, and the files they
// changed without being one of their authors (those they keep first).

/** The document lists at most this many files they changed without authoring them (at least 2 commits each). */
export const ALSO_WORKED_ON = 10;

/** A file they changed without being one of its authors (HandoffReport.alsoWorkedOn). */
export interface AlsoWorkedOnFile {
  path: string;
  commits: number;
  lastChange: number;
  authors: string[];
  keeper: boolean;
  /**
   * Set when they are inactive (and so keep nothing): every author is unavailable and nobody active
   * changed it more (keepers.ts nobodyActiveKnowsBetter). Such files come first, as kept ones do.
   */
  nobodyActiveKnowsBetter: boolean;
  /** Code, prose, chores, assets (handoffTier), which orders each group. */
  tier: number;
}

/** Their recent commits that touch an analysed file of their areas (with those files), newest first, and how many touch none. */
export function recentIn(commits: readonly HandoffCommitInput[], areas: ReadonlySet<string>, moduleOf: (path: string) => string, analysis: Analysis) {
  const analysed = new Set(analysis.files.map((f) => f.path));
  const listed: RecentCommit[] = [];
  let outside = 0;
  for (const commit of commits) {
    const files = commit.files.filter((path) => analysed.has(path) && areas.has(moduleOf(path)));
    if (files.length === 0) outside += 1;
    else listed.push({ sha: commit.sha, time: commit.time, subject: commit.subject, files: [...files].sort() });
  }
  listed.sort((a, b) => b.time - a.time || (a.sha < b.sha ? -1 : 1));
  return { listed, outside };
}

/**
 * The files they changed (KEEPER_MIN_CHANGES times or more) without being an author, kept or
 * best-source ones first (HandoffReport.alsoWorkedOn lists the first ALSO_WORKED_ON; the checklist
 * counts the marked ones among them all: a review found express's 64 said as 10).
 * `keeper`: they are active, every author of the file is unavailable (inactive, or leaving), and
 * nobody active changed it more than they did (leaverKeepsFile): in practice its maintainer. redis's
 * active maintainer left server.c (169 of his commits), module.c and rdb.c, authored by antirez
 * (inactive), with no word in his handoff but "also worked on" (an EM test).
 */
export function workedOnFiles(analysis: Pick<Analysis, 'files'>, id: string, unavailable: ReadonlySet<string>, inactive: ReadonlySet<string>, tierOf: (path: string) => number): AlsoWorkedOnFile[] {
  const worked: AlsoWorkedOnFile[] = [];
  for (const file of analysis.files) {
    if (file.authors.includes(id)) continue;
    const mine = file.contributions.find((c) => c.developer === id);
    if (!mine || mine.fa + mine.dl < KEEPER_MIN_CHANGES) continue;
    const commits = mine.fa + mine.dl;
    // One rule, evaluated once either way: a keeper when they are active, the best source left when they are not.
    const keeper = leaverKeepsFile(file, id, unavailable, inactive);
    const best = inactive.has(id) && nobodyActiveKnowsBetter(file, id, unavailable, inactive);
    worked.push({ path: file.path, commits, lastChange: mine.lastChange, authors: file.authors.slice(0, 3), keeper, nobodyActiveKnowsBetter: best, tier: tierOf(file.path) });
  }
  // Code first in each group, release manifests and changelogs after it (handoffTier); the document says so.
  const first = (file: AlsoWorkedOnFile) => Number(file.keeper || file.nobodyActiveKnowsBetter);
  return worked.sort((a, b) => first(b) - first(a) || a.tier - b.tier || b.commits - a.commits || b.lastChange - a.lastChange || byPath(a, b));
}
