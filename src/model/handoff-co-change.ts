import type { HandoffCommitInput } from './handoff-input.ts';
import { byPath } from './handoff-order.ts';
import type { Analysis } from './types.ts';

// Co-change: the files usually changed together with theirs, in the window of the repository's newest
// commits (everyone's) that the command reads: what else a successor should look at.

/** Co-change: a commit touching more files than this is a sweep (rename, reformat) and is ignored. */
export const MAX_CHANGESET = 30;
/** A partner changed with the file in at least this many commits… */
export const MIN_TOGETHER = 2;
/** …and in at least this share of the file's commits ("usually changed together"). */
export const MIN_TOGETHER_SHARE = 0.5;
/** A share of the window's commits above which a file is a hub, not a partner (see coChanges). */
export const HUB_SHARE = 0.1;
const MIN_HUB_COMMITS = 20;
/** The document lists the co-change of this many files, with this many partners each. */
export const CO_CHANGE_LISTED = 15;
export const CO_CHANGE_PARTNERS_LISTED = 5;

export interface CoChangePartner {
  path: string;
  together: number;
  /** together / commits of the file. */
  share: number;
  /** Whether the partner is one of their files too. */
  theirs: boolean;
  /** The partner's top author (when it has one). */
  owner?: string;
}

export interface CoChange {
  path: string;
  commits: number;
  partners: CoChangePartner[];
}

/**
 * The commits whose author is a developer of the analysis: a bot's (left out of the figures) say
 * nothing of what a person changes together. vite's co-change was all renovate[bot]'s bumps of
 * create-vite's templates (65 of 165 commits; a team lead's test). A commit read without its
 * author's email (unset, or an identity with none) is kept.
 */
export function byDevelopers<T extends HandoffCommitInput>(commits: readonly T[], analysis: Pick<Analysis, 'developers'>): T[] {
  const known = new Set(analysis.developers.flatMap((developer) => developer.emails.map((email) => email.toLowerCase())));
  return commits.filter((commit) => !commit.email || known.has(commit.email));
}

/** Files usually changed together with theirs, in the window's commits (sweeps ignored). */
export function coChanges(commits: readonly HandoffCommitInput[], theirs: ReadonlySet<string>, analysis: Pick<Analysis, 'files'>): CoChange[] {
  const fileAt = new Map(analysis.files.map((f) => [f.path, f]));
  const counts = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const changesets = commits.map((commit) => [...new Set(commit.files)].filter((path) => fileAt.has(path))).filter((files) => files.length <= MAX_CHANGESET);
  // A file in a tenth of the window's commits or more (a changelog, a lock file, the root package.json)
  // changes with everything, which tells the successor nothing: jest's CHANGELOG.md (750 of 2,000)
  // was the first partner of 14 of 15 files, and every co-change item of the checklist (an EM test).
  const seen = new Map<string, number>();
  for (const files of changesets) for (const path of files) seen.set(path, (seen.get(path) ?? 0) + 1);
  const hubs = new Set([...seen].filter(([, times]) => times >= MIN_HUB_COMMITS && times >= changesets.length * HUB_SHARE).map(([path]) => path));
  for (const all of changesets) {
    const files = all.filter((path) => !hubs.has(path));
    for (const path of files) {
      if (!theirs.has(path)) continue;
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const partners = pairs.get(path) ?? new Map<string, number>();
      for (const other of files) if (other !== path) partners.set(other, (partners.get(other) ?? 0) + 1);
      pairs.set(path, partners);
    }
  }
  const result: CoChange[] = [];
  for (const [path, total] of counts) {
    const partners = [...(pairs.get(path) ?? [])]
      .filter(([, together]) => together >= MIN_TOGETHER && together / total >= MIN_TOGETHER_SHARE)
      .map(([other, together]): CoChangePartner => {
        const owner = fileAt.get(other)?.authors[0];
        return { path: other, together, share: together / total, theirs: theirs.has(other), ...(owner ? { owner } : {}) };
      })
      .sort((a, b) => b.together - a.together || b.share - a.share || byPath(a, b));
    if (partners.length > 0) result.push({ path, commits: total, partners });
  }
  return result.sort((a, b) => (b.partners[0]?.together ?? 0) - (a.partners[0]?.together ?? 0) || b.commits - a.commits || byPath(a, b));
}
