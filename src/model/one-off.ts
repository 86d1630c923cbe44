import type { Analysis, DeveloperSummary } from './types.ts';

// One-off contributors (talentrisk extension, beside the successors of METRICS.md §8): people whose
// whole history in the repository is one contribution. The successor of a file is whoever who stays
// has the highest DOA on it, and one typo fix can be that: helm at 2020-01-01 named Josh Soref (his
// one commit, "Spelling", 31 files) the successor of pkg/storage/driver/secrets.go and three more
// of Adam Reese's files, sayboras (one commit, a timeout tweak) "best placed" for the root module,
// and Efrat19 (4 commits over two days of October 2019, never again) for cmd/helm/plugin_list.go
// (a first-time user). The figures keep them (a successor is the highest DOA, METRICS §8); the
// reports say so beside their name and name who worked on the file hands-on (handsOnSuccessorOf).

/** At most this many commits in the whole history: a one-off contributor, whenever they made them. */
export const ONE_OFF_COMMITS = 2;

/**
 * Or at most ONE_OFF_BURST_COMMITS commits, all within this many days, and none in as many days
 * before the analysis date: one contribution (a pull request and its fix-ups) and gone. helm's
 * Efrat19 made 4 commits on 2019-10-06 and 07, Dean Coakley 5 on 2019-10-09: both successors of
 * Adam Reese's files, neither back since (a first-time user). Someone whose commits are all of the
 * last week is new, not gone, and more commits in a week are someone at work: only the commit count
 * (ONE_OFF_COMMITS) makes them a one-off.
 */
export const ONE_OFF_DAYS = 7;
export const ONE_OFF_BURST_COMMITS = 5;

/** What "one-off contributor" stands for, as the reports and the JSON schemas say it. */
export const ONE_OFF_DEFINITION = `${ONE_OFF_COMMITS} commits or fewer in the whole history, or up to ${ONE_OFF_BURST_COMMITS} within ${ONE_OFF_DAYS} days and none since`;

/** A one-off contributor's whole history: their commits and the days of the first and the last (YYYY-MM-DD). */
export interface OneOff {
  commits: number;
  first: string;
  last: string;
}

const DAY_MS = 86_400_000;

/** Whether a developer's whole history, as of `referenceDate` (ISO), is one contribution; undefined when not. */
export function oneOffOf(developer: Pick<DeveloperSummary, 'commits' | 'firstCommit' | 'lastCommit'>, referenceDate: string): OneOff | undefined {
  // Someone credited only as a co-author has no commit of their own to judge by.
  if (developer.commits < 1) return undefined;
  const first = Date.parse(developer.firstCommit);
  const last = Date.parse(developer.lastCommit);
  if (Number.isNaN(first) || Number.isNaN(last)) return undefined;
  const burst = developer.commits <= ONE_OFF_BURST_COMMITS && last - first <= ONE_OFF_DAYS * DAY_MS && Date.parse(referenceDate) - last > ONE_OFF_DAYS * DAY_MS;
  if (developer.commits > ONE_OFF_COMMITS && !burst) return undefined;
  return { commits: developer.commits, first: developer.firstCommit.slice(0, 10), last: developer.lastCommit.slice(0, 10) };
}

/** The one-off contributors of an analysis, by id. */
export function oneOffContributors(analysis: Pick<Analysis, 'developers' | 'settings'>): Map<string, OneOff> {
  const result = new Map<string, OneOff>();
  for (const developer of analysis.developers) {
    const oneOff = oneOffOf(developer, analysis.settings.referenceDate);
    if (oneOff) result.set(developer.id, oneOff);
  }
  return result;
}

/** "1 commit in the whole history, on 2019-12-18", "4 commits in the whole history, 2019-10-06 to 2019-10-07". */
export function oneOffWords(oneOff: OneOff): string {
  const commits = `${oneOff.commits} ${oneOff.commits === 1 ? 'commit' : 'commits'} in the whole history`;
  if (oneOff.first === oneOff.last) return `${commits}, ${oneOff.commits === 1 ? 'on' : 'all on'} ${oneOff.first}`;
  return `${commits}, ${oneOff.first} to ${oneOff.last}`;
}
