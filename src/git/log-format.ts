import type { CommitRecord, FileChange, Signature } from './types.ts';

// Record layout: \x1e starts a commit, \x1f separates header fields, \x1d separates co-author
// trailers. %aN/%aE apply .mailmap. With -z, the header ends in NUL and the name-status part is
// NUL-separated (`status NUL path NUL` or `Rnn NUL old NUL new NUL`), so no path is ever quoted.
export const RECORD_START = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';

// One %(trailers) for both keys, each trailer printed whole (`Co-authored-by: Bob <b@x>`): git parses
// a commit's trailers once per placeholder, and a second one cost git/git's walk ~0.1 CPU-seconds.
export const LOG_FORMAT = `${RECORD_START}%H${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%(trailers:key=Co-authored-by,key=git-subtree-dir,separator=%x1d)`;

/**
 * Options that keep what `git log` prints the same whatever the user's git config says (found with
 * a user's config, each changed the figures or crashed the scan):
 * - `--root`: `log.showRoot=false` printed no files for a root commit, so its authors lost the
 *   first authorship of every file it created;
 * - `--no-show-signature`: `log.showSignature=true` put "No signature" (or gpg's report) between
 *   the records of signed commits, an internal error;
 * - `--encoding=UTF-8`: `i18n.logOutputEncoding` re-encoded names and trailers, which are read as UTF-8.
 */
export const PINNED_LOG_OPTIONS: readonly string[] = ['--root', '--no-show-signature', '--encoding=UTF-8'];

/** The text that begins the record of commit `sha` in git's output (in -z output, after a NUL). */
export function recordStart(sha: string): string {
  return `${RECORD_START}${sha}${FIELD}`;
}

/**
 * Rename detection: `true` is git's `-M` (METRICS.md §1); `'exact'` finds only renames whose content
 * did not change (`-M100%`), which needs no blob: used in partial clones, where `-M` would make git
 * download missing blobs (or fail); `false` is none.
 */
export type RenameMode = boolean | 'exact';

/**
 * git compares every added file with every deleted one only while added × deleted is at most the
 * limit squared (files that keep their name are paired before that, whatever the limit); above it,
 * a commit's edited renames print as deletes and adds. git's default (1000, or `diff.renameLimit`)
 * made the figures depend on the user's config (a 1,100-file move with edits lost every file's
 * history, unless the config said 5000). Pinned, and higher: a commit at the limit takes git ~2.5 s
 * (5,000 × 5,000 on this machine); larger ones are found by renameDetectionSkipped and reported.
 */
export const RENAME_LIMIT = 5000;

export function renameOptions(renames: RenameMode): string[] {
  return renames === false ? ['--no-renames'] : [renames === 'exact' ? '-M100%' : '-M', `-l${RENAME_LIMIT}`];
}

/**
 * Whether git skipped rename detection in a commit read with `-M`: what it left unpaired is all it
 * had to compare, so more than the limit allows means it did not compare them (when it compares,
 * what is left unpaired is part of what it compared, within the limit).
 */
export function renameDetectionSkipped(changes: readonly { status: string }[]): { added: number; deleted: number } | undefined {
  // added × deleted > limit² needs added + deleted > 2 × limit: the common commit is not counted.
  if (changes.length <= 2 * RENAME_LIMIT) return undefined;
  let added = 0;
  let deleted = 0;
  for (const change of changes) {
    if (change.status === 'A') added += 1;
    else if (change.status === 'D') deleted += 1;
  }
  return added * deleted > RENAME_LIMIT * RENAME_LIMIT ? { added, deleted } : undefined;
}

/** The `git log` options that print commits as records (parseLogOutput reads them), pinned against the user's config. */
export function recordLogOptions(renames: RenameMode): string[] {
  return [...PINNED_LOG_OPTIONS, '-z', '--name-status', ...renameOptions(renames), `--format=${LOG_FORMAT}`];
}

/** Parses one record (the text after its \x1e). Pure, so it is tested on strings. */
export function parseCommitBlock(block: string): CommitRecord | undefined {
  return parseRecordAt(block, 0).record;
}

// Records are built by constructors, not object literals: V8 may decide that everything a literal
// allocates is long-lived (allocation-site pretenuring) after seeing one chunk survive a collection,
// and then allocates every later record straight into the old generation: on a 300,000-commit
// history that was 110 MB of old-generation garbage. Constructed objects are never pretenured.
class ParsedCommit implements CommitRecord {
  sha: string;
  author: Signature;
  time: number;
  coAuthors: Signature[];
  changes: FileChange[];
  subtree: string | undefined;
  constructor(sha: string, author: Signature, time: number, coAuthors: Signature[], changes: FileChange[], subtree: string | undefined) {
    this.sha = sha;
    this.author = author;
    this.time = time;
    this.coAuthors = coAuthors;
    this.changes = changes;
    this.subtree = subtree;
  }
}

class ParsedPerson implements Signature {
  name: string;
  email: string;
  constructor(name: string, email: string) {
    this.name = name;
    this.email = email;
  }
}

class ParsedChange implements FileChange {
  status: string;
  path: string;
  constructor(status: string, path: string) {
    this.status = status;
    this.path = path;
  }
}

class ParsedRename implements FileChange {
  status: string;
  path: string;
  oldPath: string;
  constructor(status: string, path: string, oldPath: string) {
    this.status = status;
    this.path = path;
    this.oldPath = oldPath;
  }
}

/** The author of a commit whose author line git cannot parse (it then prints no name, email or date). */
export const UNREADABLE_AUTHOR = '(unreadable author line)';

/** Changes of the record being parsed; each record gets an exact-size copy (an array made by slice, not by a literal). */
const scratch: FileChange[] = [];
const NO_CO_AUTHORS: Signature[] = [];

/**
 * The latest commit time kept (9999-12-31T23:59:59Z): git accepts author dates far beyond it (a
 * clock or an import gone wrong), which JavaScript's Date cannot print; such a commit counts as of
 * that moment, and decay already gives events after the analysis date the weight of the present.
 */
export const LATEST_COMMIT_TIME = 253_402_300_799;

/**
 * The value of a `%at` field: up to 11 digits read in place (no string made; they stay below
 * LATEST_COMMIT_TIME, 12 digits), anything else as Number() reads it, capped.
 */
function parseTime(text: string, from: number, to: number): number {
  if (to - from === 0 || to - from > 11) return slowTime(text, from, to);
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return slowTime(text, from, to);
    value = value * 10 + digit;
  }
  return value;
}

function slowTime(text: string, from: number, to: number): number {
  return Math.min(Number(text.slice(from, to)) || 0, LATEST_COMMIT_TIME);
}

/**
 * Parses the record whose header starts at `start` (just after its \x1e) and returns where the
 * next one starts. The name-status part is read token by token, so a path may contain any byte,
 * the record separator included: a path is taken wherever a path is due, never looked at.
 */
function parseRecordAt(text: string, start: number): { record: CommitRecord | undefined; end: number } {
  const nul = text.indexOf('\0', start);
  const nextRecord = text.indexOf(RECORD_START, start);
  // The header ends in NUL; a header cut short (no NUL before the next record) has no changes.
  const headerEnd = nul === -1 || (nextRecord !== -1 && nextRecord < nul) ? (nextRecord === -1 ? text.length : nextRecord) : nul;
  let pos = headerEnd === nul ? nul + 1 : headerEnd;
  if (text[pos] === '\n') pos += 1;
  const token = (): string | undefined => {
    if (pos >= text.length) return undefined;
    const stop = text.indexOf('\0', pos);
    const value = text.slice(pos, stop === -1 ? text.length : stop);
    pos = stop === -1 ? text.length : stop + 1;
    return value;
  };
  scratch.length = 0;
  while (pos < text.length && text[pos] !== RECORD_START) {
    const status = token();
    if (!status) continue;
    const kind = status[0] ?? '';
    if (kind === 'R' || kind === 'C') {
      const oldPath = token();
      const path = token();
      if (oldPath !== undefined && path !== undefined) scratch.push(new ParsedRename(kind, path, oldPath));
    } else {
      const path = token();
      if (path !== undefined) scratch.push(new ParsedChange(kind, path));
    }
  }
  // Header fields, as header.split(FIELD) would cut them: sha, name, email, time, trailers.
  const field = (from: number): number => {
    const at = text.indexOf(FIELD, from);
    return at === -1 || at > headerEnd ? headerEnd : at;
  };
  const shaEnd = field(start);
  if (shaEnd - start < 7 || shaEnd === headerEnd) return { record: undefined, end: pos };
  const nameEnd = field(shaEnd + 1);
  if (nameEnd === headerEnd) return { record: undefined, end: pos };
  const emailEnd = field(nameEnd + 1);
  const timeEnd = emailEnd === headerEnd ? headerEnd : field(emailEnd + 1);
  const time = emailEnd === headerEnd ? 0 : parseTime(text, emailEnd + 1, timeEnd);
  const trailersEnd = timeEnd === headerEnd ? headerEnd : field(timeEnd + 1);
  const trailers = timeEnd + 1 < trailersEnd ? parseTrailers(text.slice(timeEnd + 1, trailersEnd)) : undefined;
  const coAuthors = trailers?.coAuthors ?? NO_CO_AUTHORS.slice();
  const subtree = trailers?.subtree;
  let author = new ParsedPerson(text.slice(shaEnd + 1, nameEnd), text.slice(nameEnd + 1, emailEnd));
  // git prints a placeholder as it is when it cannot parse the commit's author line (`git fsck`
  // flags such commits; old imports have them): not a developer called "%aN".
  if (author.name === '%aN' && author.email === '%aE') author = new ParsedPerson(UNREADABLE_AUTHOR, '');
  return { record: new ParsedCommit(text.slice(start, shaEnd), author, time, coAuthors, scratch.slice(), subtree), end: pos };
}

/**
 * The folder of a `git-subtree-dir:` trailer, as a path prefix (`deps/jemalloc`), or undefined when
 * it names none: empty, absolute, or leading out of the repository (the trailer is anyone's text).
 */
export function subtreeFolder(value: string): string | undefined {
  const folder = value.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (folder === '' || folder.startsWith('/') || folder.split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return folder;
}

/**
 * The trailers the format prints (`Key: value`, separated by \x1d; keys in any case, as written):
 * the `Co-authored-by` people, and the first `git-subtree-dir` folder. Malformed ones are skipped.
 */
export function parseTrailers(text: string): { coAuthors: Signature[]; subtree: string | undefined } {
  const coAuthors: Signature[] = [];
  let subtree: string | undefined;
  for (const trailer of text.split(TRAILER)) {
    const colon = trailer.indexOf(':');
    if (colon === -1) continue;
    const key = trailer.slice(0, colon).trim().toLowerCase();
    const value = trailer.slice(colon + 1);
    if (key === 'co-authored-by') coAuthors.push(...parseCoAuthors(value));
    else if (key === 'git-subtree-dir') subtree ??= subtreeFolder(value);
  }
  return { coAuthors, subtree };
}

/** `Name <email>` values of Co-authored-by trailers; malformed ones are skipped. */
export function parseCoAuthors(text: string): Signature[] {
  const result: Signature[] = [];
  for (const raw of text.split(TRAILER)) {
    const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(raw);
    if (match?.[2]) result.push({ name: match[1] ?? '', email: match[2].trim() });
  }
  return result;
}

/** Splits a chunk of `git log` output into records. */
export function parseLogOutput(output: string): CommitRecord[] {
  const records: CommitRecord[] = [];
  const reader = new LogReader(output);
  for (let record = reader.next(); record; record = reader.next()) records.push(record);
  return records;
}

/**
 * Reads the records of `git log` output one at a time, as parseLogOutput splits them: a caller can
 * keep git's text (a few times smaller than its records) and parse each part when it needs it.
 */
export class LogReader {
  private readonly text: string;
  private pos: number;
  constructor(text: string) {
    this.text = text;
    this.pos = text.indexOf(RECORD_START);
  }

  /** The next well-formed record, or undefined at the end. */
  next(): CommitRecord | undefined {
    while (this.pos !== -1 && this.pos < this.text.length) {
      const { record, end } = parseRecordAt(this.text, this.pos + 1);
      this.pos = this.text.indexOf(RECORD_START, end);
      if (record) return record;
    }
    return undefined;
  }
}
