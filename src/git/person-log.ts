import { checkMailmap, type Repository } from './repo.ts';
import { toGitError } from './client.ts';
import { LATEST_COMMIT_TIME, parseTrailers, PINNED_LOG_OPTIONS } from './log-format.ts';

// The little history `handoff` needs beyond the analysis: the files of recent commits (for
// co-change) and one person's recent commits. Both reads are bounded (a number of commits), so
// simple-git's buffering of the output stays small.
//
// `git log --author` is a regular expression over the author alone (with the mailmap on, git 2.39
// matches the mapped address, as readAuthoredSubjects relies on), and a person's recent commits
// include those they co-authored: we read %aE (which applies .mailmap) and the Co-authored-by
// trailers, and filter by the person's emails ourselves. -z with --name-only prints `header NUL` then, when the commit has files,
// `\n path NUL path NUL …`; neither a subject nor an email can contain NUL, so splitting on NUL is
// safe whatever a commit message holds.

const START = '\x1e';
const FIELD = '\x1f';
const FORMAT = `${START}%H${FIELD}%at${FIELD}%aE${FIELD}%(trailers:key=Co-authored-by,key=git-subtree-dir,separator=%x1d)${FIELD}%s`;
// eslint-disable-next-line no-control-regex -- the record separators are control characters by design
const HEADER = /^\x1e([0-9a-f]{40}|[0-9a-f]{64})\x1f(\d+)\x1f/;

export interface LogCommit {
  sha: string;
  /** Author time, unix seconds. */
  time: number;
  /** Author email after .mailmap, lower-cased. */
  email: string;
  /** Co-authored-by emails (as written), lower-cased. */
  coAuthors: string[];
  /** Co-authored-by trailers as written (`Name <email>`), for .mailmap. */
  coAuthorContacts: string[];
  subject: string;
  files: string[];
  /** The folder of a `git-subtree-dir:` trailer (see subtree.ts: trusted only on a squash). */
  subtree?: string | undefined;
}

/** Parses `git log -z --name-only --format=FORMAT` output. Pure, so it is tested on strings. */
export function parseNameOnlyLog(output: string): LogCommit[] {
  const commits: LogCommit[] = [];
  let current: LogCommit | undefined;
  let first = false;
  for (const token of output.split('\0')) {
    if (first && token.startsWith('\n')) {
      // The first path of a commit follows its header NUL and a newline.
      first = false;
      if (current && token.length > 1) current.files.push(token.slice(1));
      continue;
    }
    const header = HEADER.exec(token);
    if (header) {
      const rest = token.slice(header[0].length).split(FIELD);
      const trailers = parseTrailers(rest[1] ?? '');
      current = {
        sha: header[1] as string,
        time: Math.min(Number(header[2]), LATEST_COMMIT_TIME),
        email: (rest[0] ?? '').trim().toLowerCase(),
        coAuthors: trailers.coAuthors.map((co) => co.email.trim().toLowerCase()),
        coAuthorContacts: trailers.coAuthors.map((co) => `${co.name} <${co.email}>`),
        ...(trailers.subtree !== undefined ? { subtree: trailers.subtree } : {}),
        // A subject holding the field separator keeps it.
        subject: rest.slice(2).join(FIELD),
        files: [],
      };
      commits.push(current);
      first = true;
      continue;
    }
    first = false;
    if (current && token) current.files.push(token);
  }
  return commits;
}

async function readLog(repo: Repository, revision: string, extra: string[]): Promise<LogCommit[]> {
  try {
    const output = await repo.git.raw([
      'log',
      ...PINNED_LOG_OPTIONS,
      '--no-merges',
      // Rename detection would read blobs (and could fetch them in a partial clone); names suffice.
      '--no-renames',
      '-z',
      '--name-only',
      `--format=${FORMAT}`,
      ...extra,
      revision,
      '--',
    ]);
    return parseNameOnlyLog(output);
  } catch (error) {
    throw toGitError(error, `reading the recent history of ${revision.slice(0, 12)}`);
  }
}

export interface PersonLogOptions {
  /** The analysed commit. */
  revision: string;
  /** The person's emails (after .mailmap), any case. */
  emails: readonly string[];
  /** Their commits from this time on (unix seconds) are "recent". */
  since: number;
  /** How many of the newest commits feed co-change (default 2000). */
  windowCommits?: number;
  /** At most this many commits are read for the recent list (default 5000). */
  maxRecentScan?: number;
}

export interface PersonLog {
  /** The newest commits of the revision, everyone's: the co-change window. */
  window: LogCommit[];
  /** The person's commits since `since`, newest first (authored or co-authored). */
  recent: LogCommit[];
  /** True when the recent list may be cut short by maxRecentScan (`lately` too). */
  recentTruncated: boolean;
  /** Everyone's commits since `since`, newest first: who works where lately. */
  lately: LogCommit[];
}

/** Reads the co-change window and one person's recent commits, each bounded. */
export async function readPersonLog(repo: Repository, options: PersonLogOptions): Promise<PersonLog> {
  const windowCommits = options.windowCommits ?? 2000;
  const maxRecentScan = options.maxRecentScan ?? 5000;
  const emails = new Set(options.emails.map((e) => e.trim().toLowerCase()));
  const isTheirs = (c: LogCommit) => emails.has(c.email) || c.coAuthors.some((e) => emails.has(e));
  const window = await readLog(repo, options.revision, [`--max-count=${windowCommits}`]);
  const oldest = window[window.length - 1];
  // The window covers the recent period when it holds the whole history or reaches past `since`.
  const covered = window.length < windowCommits || (oldest !== undefined && oldest.time < options.since);
  let scanned = window;
  if (!covered) {
    scanned = await readLog(repo, options.revision, [`--since=${new Date(options.since * 1000).toISOString()}`, `--max-count=${maxRecentScan}`]);
  }
  const candidates = scanned.filter((c) => c.time >= options.since);
  const mapped = await mailmappedCoAuthors(repo, candidates, emails);
  const recent = candidates.filter((c) => isTheirs(c) || c.coAuthorContacts.some((contact) => mapped.has(contact)));
  return { window, recent, recentTruncated: !covered && scanned.length >= maxRecentScan, lately: candidates };
}

/**
 * The co-author trailers of `commits` that .mailmap gives one of `emails`: the analysis credits a
 * trailer after .mailmap, and the handoff's recent list left out a third of numpy's Sebastian Berg's
 * co-authored commits, written with a work address his .mailmap line maps (an EM test). One
 * check-mailmap call for the trailers not already theirs; if git fails, trailers count as written.
 */
async function mailmappedCoAuthors(repo: Repository, commits: readonly LogCommit[], emails: ReadonlySet<string>): Promise<Set<string>> {
  const asked = [...new Set(commits.flatMap((c) => c.coAuthorContacts.filter((_, i) => !emails.has(c.coAuthors[i] ?? ''))))];
  const theirs = new Set<string>();
  for (let start = 0; start < asked.length; start += 500) {
    const batch = asked.slice(start, start + 500);
    const lines = await checkMailmap(repo, batch).catch(() => [] as string[]);
    lines.forEach((line, index) => {
      const email = /<([^>]*)>$/.exec(line)?.[1]?.trim().toLowerCase();
      const contact = batch[index];
      if (email !== undefined && contact !== undefined && emails.has(email)) theirs.add(contact);
    });
  }
  return theirs;
}

/**
 * The subject of every commit authored under one of `emails` (after .mailmap, any case) at
 * `revision` or before it, merges aside, newest first: what tells an address a machine commits
 * under (src/model/automated-addresses.ts). `--author` keeps git's output to their commits (with
 * the mailmap on, git matches the mapped address); each line is checked against %aE as well.
 */
export async function readAuthoredSubjects(repo: Repository, revision: string, emails: readonly string[], since?: number): Promise<{ email: string; subject: string }[]> {
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  if (wanted.size === 0) return [];
  try {
    const output = await repo.git.raw([
      'log',
      ...PINNED_LOG_OPTIONS,
      '--no-merges',
      '--use-mailmap',
      '--regexp-ignore-case',
      '--fixed-strings',
      ...[...wanted].map((email) => `--author=<${email}>`),
      `--format=${FIELD}%aE${FIELD}%s`,
      ...(since === undefined ? [] : [`--since=${new Date(since * 1000).toISOString()}`]),
      revision,
      '--',
    ]);
    const subjects: { email: string; subject: string }[] = [];
    for (const line of output.split('\n')) {
      if (!line.startsWith(FIELD)) continue;
      const [email = '', ...rest] = line.slice(1).split(FIELD);
      const address = email.trim().toLowerCase();
      if (wanted.has(address)) subjects.push({ email: address, subject: rest.join(FIELD) });
    }
    return subjects;
  } catch (error) {
    throw toGitError(error, `reading the commit subjects of ${revision.slice(0, 12)}`);
  }
}
