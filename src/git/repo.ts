import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { SimpleGit } from 'simple-git';
import { GitError, NotARepositoryError, UsageError } from '../errors.ts';
import { createGit, NOT_A_REPOSITORY_HINT, toGitError, type GitClientOptions } from './client.ts';
import { LATEST_COMMIT_TIME, PINNED_LOG_OPTIONS, renameOptions, type RenameMode } from './log-format.ts';
import { readRegularFile } from './read-file.ts';
import { closest } from '../model/suggest.ts';
import type { RepoInfo, ResolvedRevision } from './types.ts';

export interface Repository {
  info: RepoInfo;
  /** The history walk's queue of git calls (the commit list): at most `concurrency` processes. */
  git: SimpleGit;
  /**
   * For short calls made while the walk runs (files of the revision, .mailmap for trailers): a
   * queue of their own, so that they never wait for a whole chunk of history to be diffed.
   */
  side: SimpleGit;
  /**
   * Runs one git command whose output is handed over as it comes and which `stop` ends (git is
   * signalled and its output closed). A client of its own, so that stopping it stops no other call.
   * Resolves when git succeeded and all its output was handed over; rejects otherwise (failed,
   * stopped, or its output cut short). Every `git log` of the walk runs this way: its speculation,
   * and its lanes and reads of a few commits, which get their ids on stdin.
   */
  stream(args: string[], onOutput: (chunk: Buffer) => void, stop: AbortSignal, options?: StreamOptions): Promise<void>;
  /** `git config -l` as read when the repository was opened: key (lower-cased) and value pairs. */
  config: [string, string][];
  /**
   * What else shapes git's output, read when the repository was opened (cache.ts gitEnvironment):
   * `git version`, and the replace refs (ids, then names; empty without any).
   */
  environment: { version: string; replaceRefs: string };
}

export interface StreamOptions {
  /** Written to git's standard input (then closed), e.g. the commit ids of `git log --stdin`. */
  input?: Buffer | string;
  /**
   * Handed the flow of git's output once git runs: a reader that falls behind pauses it (git then
   * waits on its full pipe, holding nothing more in this process) and resumes it later.
   */
  onFlow?: (flow: { pause(): void; resume(): void }) => void;
}

/** Finds the repository containing `dir`: its root, and whether it is bare, shallow or partial. */
export async function openRepository(dir: string, options: GitClientOptions = {}): Promise<Repository> {
  const absolute = path.resolve(dir);
  // git prints its paths one per line: a line break in the repository's own path made "no commits
  // yet" of a repository with five, and "no .talentrisk.yml" of one that had it. (One in a folder
  // below the root is harmless: git prints the root's path.)
  if (/[\n\r]/.test(repositoryPathGuess(absolute))) {
    throw new UsageError(`cannot read a repository whose path has a line break in it: ${JSON.stringify(absolute)}`, { hint: 'rename the folder (or clone the repository into one whose path has no line break)' });
  }
  // Three calls at once, none waiting for another's answer: a scan answered from the result cache
  // spends most of its git time here.
  const probe = createGit(absolute, { ...options, concurrency: 3 });
  // The whole config in one call: whether this is a partial clone, and the settings that shape log
  // output (cache.ts gitEnvironment). Not `--get-regexp`: a git call that prints nothing costs 50 ms
  // more in simple-git (it waits for late output). Outside a repository it lists the global config,
  // and is dropped.
  const configListing = probe.raw(['config', '--list', '-z']).catch(() => '');
  const version = probe.raw(['version']).catch((error: unknown) => `failed: ${String(error)}`);
  let lines: string[];
  try {
    // --show-cdup rather than --show-toplevel: it prints nothing in a bare repository or inside the
    // .git folder (where --show-toplevel fails), so one call answers every case. The replace refs
    // follow (ids, then names), for the environment fingerprint.
    const out = await probe.raw(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--is-shallow-repository', '--show-cdup', '--glob=refs/replace/*', '--symbolic-full-name', '--glob=refs/replace/*']);
    lines = (out.endsWith('\n') ? out.slice(0, -1) : out).split('\n');
  } catch (error) {
    throw withGitDirNote(toGitError(error, absolute), options.env);
  }
  const [bare, gitDir, shallow, ...rest] = lines;
  if (!gitDir) throw withGitDirNote(new NotARepositoryError(`not a git repository: ${absolute}`, { hint: NOT_A_REPOSITORY_HINT }), options.env);
  const isBare = bare === 'true';
  const root = isBare ? gitDir : workTreeRoot(absolute, gitDir, rest);
  const git = createGit(root, options);
  const config = parseConfigList(await configListing);
  // A partial clone names its promisor remote in extensions.partialClone, or (git 2.39 with
  // --filter) only in remote.<name>.promisor.
  const isPartial = config.some(([key, value]) => (key === 'extensions.partialclone' && value.trim() !== '') || (/^remote\..*\.promisor$/.test(key) && value === 'true'));
  const stream = async (args: string[], onOutput: (chunk: Buffer) => void, stop: AbortSignal, streamOptions: StreamOptions = {}): Promise<void> => {
    let ended = false;
    const { onFlow } = streamOptions;
    // Handed over once: the client (and what it holds) lives as long as git runs, and a lane's
    // input (6 MB of ids on a 300,000-commit history) need not.
    let input = streamOptions.input;
    const takeInput = (): Buffer | string | undefined => {
      const once = input;
      input = undefined;
      return once;
    };
    const client = createGit(root, { ...options, concurrency: 1, abort: stop, ...(input !== undefined ? { input: takeInput } : {}) }).outputHandler((_command, stdout, stderr) => {
      // Typed as the NodeJS interface; at run time the child process's Readable streams.
      const out = stdout as Readable;
      // simple-git keeps its own copy of everything read, to hand over when git ends; this output
      // is handed over as it comes, so that copy would only hold memory (half the history's text
      // for a lane of the walk). What git says on stderr stays in simple-git's error message.
      out.removeAllListeners('data');
      out.on('data', onOutput);
      onFlow?.({ pause: () => out.pause(), resume: () => out.resume() });
      out.on('end', () => (ended = true));
      // simple-git signals only the process it started: a wrapper script running git as its child
      // (not exec) waits for git before it acts on the signal. With its output closed, git stops
      // at its next write (SIGPIPE), whatever started it, and the call settles (client.ts waits
      // for the output to close).
      const closeOutput = (): void => {
        out.destroy();
        (stderr as Readable).destroy();
      };
      stop.addEventListener('abort', closeOutput, { once: true });
      out.once('close', () => stop.removeEventListener('abort', closeOutput));
    });
    await client.raw(args);
    // Settled on success, so the output closed: trust it only if it reached its end.
    if (!ended) throw new Error('git exited before its output ended');
  };
  return {
    info: { root, gitDir, isBare, isShallow: shallow === 'true', isPartial },
    git,
    side: createGit(root, { ...options, concurrency: 2 }),
    stream,
    config,
    environment: { version: await version, replaceRefs: rest.join('\n') },
  };
}

/**
 * The top of the work tree from what --show-cdup printed (taken off the front of `printed`, which
 * goes on with the replace refs: ids and ref names, never a line like these). Inside the work tree
 * it prints the way up ('' at the top, '../' per level): git names the top by its real path, so the
 * way up starts from the real path of `dir` (a symlinked folder would mislead '..'). Outside it (a
 * git dir whose core.worktree is elsewhere) it prints the top itself. Inside the .git folder it
 * prints nothing: analyse the repository that folder belongs to.
 */
function workTreeRoot(dir: string, gitDir: string, printed: string[]): string {
  const line = printed[0];
  if (line !== undefined && /^(\.\.\/)*$/.test(line)) {
    printed.shift();
    const root = path.resolve(realPath(dir), line);
    // git spells Windows paths with forward slashes; keep its spelling, as --show-toplevel did.
    return path.sep === '\\' ? root.replaceAll('\\', '/') : root;
  }
  if (line !== undefined && (path.posix.isAbsolute(line) || /^[A-Za-z]:\//.test(line))) {
    printed.shift();
    return line;
  }
  return path.dirname(gitDir);
}

function realPath(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/** `git config --list -z` output: "key\nvalue\0" per entry ("key\0" for a key without a value). */
export function parseConfigList(out: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const newline = entry.indexOf('\n');
    entries.push(newline === -1 ? [entry.toLowerCase(), ''] : [entry.slice(0, newline).toLowerCase(), entry.slice(newline + 1)]);
  }
  return entries;
}

/** The folder git would find the repository in (the nearest with a `.git`), or `dir` itself (a bare repository, or none). */
function repositoryPathGuess(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return dir;
  }
}

/**
 * talentrisk finds the repository from its path, never from GIT_DIR or GIT_WORK_TREE (git is run
 * without them, so that a stray variable cannot point the analysis elsewhere): when one is set and
 * no repository was found, say so, or the error reads as if it had been ignored by mistake.
 */
function withGitDirNote(error: Error, env: Record<string, string | undefined> | undefined): Error {
  const set = ['GIT_DIR', 'GIT_WORK_TREE'].filter((key) => env?.[key]);
  if (!(error instanceof NotARepositoryError) || set.length === 0) return error;
  const gitDir = env?.GIT_DIR;
  // A work tree's .git folder stands for the work tree; a bare repository is named by itself.
  const where = env?.GIT_WORK_TREE ?? (gitDir ? (path.basename(gitDir) === '.git' ? path.dirname(gitDir) : gitDir) : 'path/to/repo');
  return new NotARepositoryError(error.message, {
    hint: `${set.join(' and ')} ${set.length === 1 ? 'is' : 'are'} set, but talentrisk finds the repository from a path, not from ${set.length === 1 ? 'it' : 'them'}: \`talentrisk scan ${where}\` (explain and handoff: \`-C ${where}\`)`,
    cause: error,
  });
}

/** How the walk detects renames: in a partial clone only exact ones, which need no blob (git would download the others). */
export function renameModeOf(repo: Repository): RenameMode {
  return repo.info.isPartial ? 'exact' : true;
}

/** How --until reads back: its day when it stands for a whole day (23:59:59 UTC), else the moment itself. */
function untilText(until: Date): string {
  const iso = until.toISOString();
  return iso.endsWith('T23:59:59.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** git's strict ISO date as JavaScript prints it; past the year 9999 (git accepts such dates), that moment's end, as commit times are. */
function isoDate(text: string): string {
  const time = new Date(text).getTime();
  return new Date(Number.isNaN(time) ? LATEST_COMMIT_TIME * 1000 : Math.min(time, LATEST_COMMIT_TIME * 1000)).toISOString();
}

/**
 * The filter of a clone that leaves trees out (`--filter=tree:0`, GitHub's "treeless" clone, or a
 * `combine:` filter with a `tree:` part), or undefined. Such a clone has no trees of past commits,
 * and talentrisk never lets git download them one by one: every commit's diff failed, each was
 * narrowed down alone, and express ran for minutes before it failed (a CI engineer's test).
 */
export function treelessFilter(repo: Pick<Repository, 'config'>): string | undefined {
  // `tree:<depth>`, and `object:type=blob|commit`, which leave trees out too (also inside `combine:`, URL-encoded).
  const found = repo.config.find(([key, value]) => /^remote\..*\.partialclonefilter$/.test(key) && /(?:^|[:+])(?:tree(?::|%3a)|object(?::|%3a)type(?:=|%3d)(?:blob|commit))/i.test(value));
  return found?.[1].trim();
}

/** Whether the work tree is a sparse checkout (`core.sparseCheckout`, which `git sparse-checkout` sets). */
function sparseCheckout(repo: Pick<Repository, 'config'>): boolean {
  const value = repo.config.findLast(([key]) => key === 'core.sparsecheckout')?.[1].trim().toLowerCase();
  return value === 'true' || value === 'yes' || value === 'on' || value === '1' || value === '';
}

/**
 * The first of `files` (paths from the root) that the index has but the work tree does not check
 * out (skip-worktree: a sparse checkout), or undefined. A committed `.talentrisk.yml` left out by a
 * non-cone sparse checkout read as "no config", and `init` then wrote a starter over it (a CI
 * engineer's test).
 */
export async function notCheckedOut(repo: Repository, files: readonly string[]): Promise<string | undefined> {
  // Asked only in a sparse checkout: the call prints nothing when the files are not committed (every
  // repository without a config), and simple-git settles a call that printed nothing 50 ms late: a
  // third of a warm rails scan. (A skip-worktree bit set by hand, outside a sparse checkout, leaves
  // the file in the work tree.)
  if (repo.info.isBare || !sparseCheckout(repo)) return undefined;
  const listed = await repo.git.raw(['ls-files', '-t', '--', ...files.map((file) => `:(literal)${file}`)]).catch(() => '');
  return listed
    .split('\n')
    .find((line) => line.startsWith('S '))
    ?.slice(2);
}

/** The ignore rule that matches `file` (a path from the root), as `source:line pattern`, or undefined when git does not ignore it. */
export async function ignoreRule(repo: Repository, file: string): Promise<string | undefined> {
  // Exit 1 (not ignored) rejects: undefined.
  const out = await repo.git.raw(['check-ignore', '-v', '--', file]).catch(() => '');
  const match = /^(.*?):(\d+):(.*)\t/.exec(out);
  return match ? `${match[1]}:${match[2]} \`${match[3]}\`` : undefined;
}

/** The type of the object `rev` names (commit, tree, blob, tag), or '' when it names none. */
async function objectType(repo: Repository, rev: string): Promise<string> {
  return (await repo.git.raw(['cat-file', '-t', rev]).catch(() => '')).trim();
}

/** Whether a revision argument is a range (`a..b`, `a...b`, `^a`, `a^@`, `a^!`, `a^-`), not one commit. */
export function isRange(rev: string): boolean {
  return /\.\.|\^[@!-]|^\^/.test(rev);
}

/**
 * Resolves `--rev` (default HEAD), or with `--until` the last first-parent commit at or before that
 * date, so that a figure published for a date can be reproduced.
 */
export async function resolveRevision(repo: Repository, rev: string, until?: Date): Promise<ResolvedRevision> {
  const { git } = repo;
  // A range resolved to its end (`HEAD~1..HEAD` analysed the whole history under that label).
  if (isRange(rev)) {
    throw new UsageError(`--rev takes one revision, not a range: ${rev}`, { hint: 'pass the commit to analyse as of, e.g. `--rev main` or `--rev v2.0`; the history behind it is always read whole' });
  }
  if (!until && !rev.startsWith('-')) {
    // The common case in one git call; anything unusual takes the path below, which explains itself.
    // Not `git show -s`: it still computes the diff (with rename detection) and so reads blobs.
    const found = await git.raw(['log', ...PINNED_LOG_OPTIONS, '-1', '--no-walk', '--format=%H %cI', `${rev}^{commit}`, '--']).catch(() => '');
    const match = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (\S+)\n?$/.exec(found);
    if (match) return { requested: rev, sha: match[1] as string, date: isoDate(match[2] as string) };
  }
  let sha: string;
  try {
    const hasCommits = (await commitOf(repo, 'HEAD')) !== undefined;
    if (!hasCommits && rev === 'HEAD') throw await unbornHeadError(git);
    sha = (await commitOf(repo, rev)) ?? '';
    if (!sha) {
      // A tree or a blob (`HEAD^{tree}`, a file's id) exists, and is no commit: "unknown" misled.
      const type = rev.startsWith('-') ? '' : await objectType(repo, rev);
      if (type !== '') {
        // An annotated tag of a tree (git's own v2.6.11-tree is one) read "names a tag": say what it tags.
        const tagged = type === 'tag' ? await objectType(repo, `${rev}^{}`) : '';
        const named = tagged ? `a tag of a ${tagged}` : `a ${type}`;
        throw new UsageError(`--rev ${rev} names ${named}, not a commit`, { hint: 'pass a branch, tag or commit, e.g. `--rev main`' });
      }
      throw new UsageError(`unknown revision: ${rev}`, { hint: await unknownRevisionHint(git, rev) });
    }
    if (until) {
      const seconds = Math.floor(until.getTime() / 1000);
      // As git's own date form (`@<seconds> <zone>`): a bare number of 8 digits or fewer (any day
      // before 1973-03-03) is no timestamp to git, which then ignored --until and analysed HEAD.
      // git stores no date before 1970, so nothing is at or before one.
      const found = seconds < 0 ? '' : (await git.raw(['rev-list', '-1', '--first-parent', `--before=@${seconds} +0000`, sha])).trim();
      if (!found) {
        // In a shallow clone the older commits may only be missing (an adversarial test).
        const hint = repo.info.isShallow ? 'this is a shallow clone: fetch the history back to that day (`git fetch --shallow-since=<date>`, or `--unshallow`), or pick a later --until date' : 'pick a later --until date';
        throw new UsageError(`no commit of ${rev} is at or before ${untilText(until)}`, { hint });
      }
      sha = found;
    }
    // Not `git show -s`: it still computes the diff (with rename detection) and so reads blobs.
    const date = (await git.raw(['log', ...PINNED_LOG_OPTIONS, '-1', '--no-walk', '--format=%cI', sha])).trim();
    return { requested: until ? `${rev} until ${untilText(until)}` : rev, sha, date: isoDate(date) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw toGitError(error, repo.info.root);
  }
}

/**
 * What to pass instead of an unknown revision: the branch or tag a slip away (commons-lang:
 * `--rev LANG_3_00` for LANG_3_0), else the current branch as an example (the hint said `--rev
 * main` in a repository whose branch is master; a tester).
 */
async function unknownRevisionHint(git: SimpleGit, rev: string): Promise<string> {
  const { branch, refs } = await branchAndRefs(git);
  const near = rev.length >= 3 ? closest(rev, refs) : undefined;
  if (near !== undefined && near !== rev) return `did you mean \`--rev ${near}\`? (see \`git branch -a\` and \`git tag\`)`;
  const example = branch || refs[0] || 'main';
  return `pass a branch, tag or commit that exists, e.g. \`--rev ${example}\` (see \`git branch -a\` and \`git tag\`)`;
}

/** The current branch ('' when detached or unknown) and the short names of the branches, remote branches and tags (at most `count`). */
async function branchAndRefs(git: SimpleGit, count?: number): Promise<{ branch: string; refs: string[] }> {
  const [branch, refs] = await Promise.all([
    git.raw(['symbolic-ref', '--short', '-q', 'HEAD']).catch(() => ''),
    git.raw(['for-each-ref', ...(count === undefined ? [] : [`--count=${count}`]), '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags']).catch(() => ''),
  ]);
  return { branch: branch.trim(), refs: refs.split('\n').filter(Boolean) };
}

/** HEAD without a commit: an empty repository, or a new (orphan) branch in one that has history. */
async function unbornHeadError(git: SimpleGit): Promise<UsageError> {
  const { branch: name, refs } = await branchAndRefs(git, 1);
  const example = refs[0];
  if (!example) return new UsageError('the repository has no commits yet', { hint: 'commit something first; talentrisk reads the history' });
  return new UsageError(`the current branch${name ? ` ${name}` : ''} has no commits yet`, {
    hint: `pass a revision that has some, e.g. \`--rev ${example}\` (see \`git branch -a\`)`,
  });
}

export interface TrackedFiles {
  /** Paths of the files (blobs) tracked at the revision. */
  files: string[];
  /** Paths of submodules (gitlinks): tracked, but not files anyone authors here. */
  submodules: string[];
}

/** The commit `rev` names (HEAD, a branch, a tag, an id), or undefined when it names none (an unborn branch, a typo). */
export async function commitOf(repo: Repository, rev: string): Promise<string | undefined> {
  const sha = (await repo.git.raw(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(() => '')).trim();
  return sha || undefined;
}

/** Paths tracked at the revision (NUL-separated, so no quoting), submodules apart. */
export async function listTrackedFiles(repo: Repository, sha: string): Promise<TrackedFiles> {
  try {
    const out = await repo.side.raw(['ls-tree', '-r', '-z', '--full-tree', sha]);
    const files: string[] = [];
    const submodules: string[] = [];
    for (const entry of out.split('\0')) {
      // "<mode> <type> <object>\t<path>"
      const tab = entry.indexOf('\t');
      if (tab === -1) continue;
      const path = entry.slice(tab + 1);
      if (entry.startsWith('160000 ')) submodules.push(path);
      else files.push(path);
    }
    return { files, submodules };
  } catch (error) {
    throw toGitError(error, `listing files of ${sha.slice(0, 12)}`);
  }
}

/**
 * The files of 0 bytes at the revision (`ls-tree -l`), for the handoff, which walks nobody through
 * an empty `__init__.py` (flask, a tester). None in a partial clone, where sizes would download blobs.
 */
export async function emptyFilesAt(repo: Repository, sha: string): Promise<Set<string>> {
  const empty = new Set<string>();
  if (repo.info.isPartial) return empty;
  const out = await repo.side.raw(['ls-tree', '-r', '-z', '-l', '--full-tree', sha]).catch(() => '');
  for (const entry of out.split('\0')) {
    // "<mode> <type> <object> <size, padded>\t<path>"
    const tab = entry.indexOf('\t');
    if (tab !== -1 && /^\d+ blob \S+ +0$/.test(entry.slice(0, tab))) empty.add(entry.slice(tab + 1));
  }
  return empty;
}

/**
 * The non-merge commits that changed a file up to the revision (id, and author name and email after
 * .mailmap), following its renames as `git log --follow` does; undefined in a partial clone (rename
 * detection would download blobs) or when git cannot tell (a missing blob).
 */
export async function fileCommitsAt(repo: Repository, sha: string, file: string): Promise<{ sha: string; name: string; email: string }[] | undefined> {
  if (repo.info.isPartial) return undefined;
  try {
    const out = await repo.side.raw(['log', ...PINNED_LOG_OPTIONS, '--no-merges', '--follow', '--format=%H%x00%aN%x00%aE', sha, '--', file]);
    return out
      .split('\n')
      .filter((line) => line.includes('\0'))
      .map((line) => {
        const [id = '', name = '', email = ''] = line.split('\0');
        return { sha: id, name, email };
      });
  } catch {
    return undefined;
  }
}

/** The text of a file at the revision, or undefined when it does not exist (or its blob is missing). */
export async function readFileAt(repo: Repository, sha: string, file: string): Promise<string | undefined> {
  try {
    return await repo.side.raw(['cat-file', '-p', `${sha}:${file}`]);
  } catch {
    return undefined;
  }
}

/**
 * The commits at a shallow clone's boundary (`shallow` in the common git directory): their parents
 * were not fetched, so git shows each as adding every file it has.
 */
export function shallowBoundary(info: Pick<RepoInfo, 'gitDir' | 'isShallow'>): Set<string> {
  if (!info.isShallow) return new Set();
  return new Set((readQuietly(path.join(commonGitDir(info.gitDir), 'shallow'))?.toString() ?? '').split('\n').filter(Boolean));
}

/**
 * The boundary commits of a shallow clone (shallowBoundary) in the history of `sha`, itself
 * included: where that history is cut. None when it is whole (or the clone is not shallow). git sees
 * a boundary commit without parents, so no boundary commit is in another's history: `merge-base
 * --independent` of `sha` and the boundary drops exactly those in `sha`'s.
 */
export async function boundaryInHistoryOf(repo: Repository, sha: string): Promise<string[]> {
  const boundary = [...shallowBoundary(repo.info)];
  const cut: string[] = [];
  // In batches: a clone of many branches at depth 1 has a boundary commit per branch.
  for (let start = 0; start < boundary.length; start += 1000) {
    const batch = boundary.slice(start, start + 1000);
    const out = await repo.side.raw(['merge-base', '--independent', sha, ...batch]).catch(() => undefined);
    // git could not tell (an object it cannot read): no cut is claimed for the batch.
    if (out === undefined) continue;
    const independent = new Set(out.split('\n').map((line) => line.trim()));
    cut.push(...batch.filter((commit) => commit === sha || !independent.has(commit)));
  }
  return cut;
}

/**
 * The git directory shared by all worktrees (where `shallow`, `info/grafts` and the objects live):
 * a linked worktree names it in `commondir`, relative to its own.
 */
export function commonGitDir(gitDir: string): string {
  const commonDir = readQuietly(path.join(gitDir, 'commondir'))?.toString().trim();
  return commonDir ? path.resolve(gitDir, commonDir) : gitDir;
}

/**
 * A regular file's bytes, or undefined when it cannot be read (absent, a folder, a pipe, a device,
 * no permission, over 64 MiB). `follow: false` for a file of the work tree, which anyone may commit
 * as a link (git itself does not follow a linked `.mailmap`).
 */
export function readQuietly(file: string, follow = true): Buffer | undefined {
  const data = readRegularFile(file, { maxBytes: 64 * 1024 * 1024, follow });
  return Buffer.isBuffer(data) ? data : undefined;
}

/** What `file` is committed as at `sha`: a symbolic link (mode 120000), a folder (a tree), a file; undefined when absent. */
export async function kindAt(repo: Repository, sha: string, file: string): Promise<'link' | 'folder' | 'file' | undefined> {
  const entry = await repo.side.raw(['--literal-pathspecs', 'ls-tree', sha, '--', file]).catch(() => '');
  if (entry === '') return undefined;
  return entry.startsWith('120000 ') ? 'link' : entry.startsWith('040000 ') ? 'folder' : 'file';
}

/**
 * The texts of several files at the revision in two git calls (not one per file): their blob ids
 * and sizes from `ls-tree -l`, then every blob from one `git show`, cut by size. A file that does
 * not exist is absent from the map; if the batch fails (a missing blob in a partial clone), each
 * file is read on its own.
 */
export async function readFilesAt(repo: Repository, sha: string, files: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (files.length === 0) return texts;
  try {
    const listing = await repo.side.raw(['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', sha, '--', ...files]);
    const blobs: { path: string; oid: string; size: number }[] = [];
    for (const entry of listing.split('\0')) {
      // "<mode> blob <oid> <size>\t<path>" (size right-aligned)
      const match = /^\d+ blob ([0-9a-f]+) +(\d+)\t([\s\S]*)$/.exec(entry);
      if (match) blobs.push({ oid: match[1] as string, size: Number(match[2]), path: match[3] as string });
    }
    if (blobs.length === 0) return texts;
    const contents = await repo.side.showBuffer(['--no-textconv', ...blobs.map((blob) => blob.oid)]);
    if (contents.length !== blobs.reduce((sum, blob) => sum + blob.size, 0)) throw new Error('sizes do not add up');
    let offset = 0;
    for (const blob of blobs) {
      texts.set(blob.path, contents.toString('utf8', offset, offset + blob.size));
      offset += blob.size;
    }
    return texts;
  } catch {
    texts.clear();
    for (const file of files) {
      const text = await readFileAt(repo, sha, file);
      if (text !== undefined) texts.set(file, text);
    }
    return texts;
  }
}

/**
 * Non-merge commits reachable from a revision, newest first, and the newest commit time of its
 * whole walk. --date-order guarantees no commit comes before its descendants even when clocks were
 * skewed: the backward fold that follows renames relies on it.
 */
export interface CommitList {
  commits: string[];
  /** Latest committer time (unix seconds) of every commit walked, merges included. */
  newest: number;
  /** How many commits at the front are new since the list this one extends (extendCommitList only). */
  added?: number;
}

/** `git rev-list --date-order` of the revision, merges walked (for their times) but left out. */
export async function listCommitsTimed(repo: Repository, sha: string): Promise<CommitList> {
  // Parsed as it comes, while git lists (the main thread waits on it then): read whole, the list was
  // copied, decoded and parsed after git ended, ~40 ms on rails' 73,000 commits in which no git ran
  // (the lanes start once the list is known).
  const list: TimedList = { commits: [], newest: Number.NEGATIVE_INFINITY, oldest: Number.POSITIVE_INFINITY };
  let rest = '';
  try {
    await repo.stream(
      ['rev-list', '--date-order', '--timestamp', '--parents', sha],
      (chunk) => {
        // Times and ids are ASCII: latin1 decodes them as they are, whatever a chunk cuts.
        const text = rest + chunk.toString('latin1');
        const last = text.lastIndexOf('\n');
        rest = text.slice(last + 1);
        if (last !== -1) parseTimedLines(text, last, list);
      },
      new AbortController().signal,
    );
  } catch (error) {
    throw toGitError(error, `listing commits of ${sha.slice(0, 12)}`);
  }
  parseTimedLines(rest, rest.length, list);
  return { commits: list.commits, newest: list.newest };
}

/**
 * The list of `sha` from the list of an earlier revision it descends from, listing only the new
 * commits. git's --date-order emits a commit once all its children are out, the newest first; when
 * every new commit (merges included) is newer than every old one, a new commit is always ready
 * before any old one, so the whole list is the new commits' own --date-order list followed by the
 * old list, exactly. Otherwise (clock skew, an old branch merged in, a rewritten history) this
 * returns undefined and the caller lists everything.
 */
export async function extendCommitList(repo: Repository, sha: string, base: { tip: string; list: CommitList }): Promise<CommitList | undefined> {
  const [mergeBase, fresh] = await Promise.all([
    // Not --is-ancestor: simple-git reads an exit code of 1 without a message as success.
    repo.git.raw(['merge-base', base.tip, sha]).catch(() => ''),
    repo.git.raw(['rev-list', '--date-order', '--timestamp', '--parents', sha, `^${base.tip}`]).catch(() => undefined),
  ]);
  if (mergeBase.trim() !== base.tip || fresh === undefined) return undefined;
  const added = parseTimedList(fresh);
  if (added.oldest <= base.list.newest) return undefined;
  return { commits: [...added.commits, ...base.list.commits], newest: Math.max(added.newest, base.list.newest), added: added.commits.length };
}

/**
 * `rev-list --timestamp --parents` output: "<time> <id> <parent ids…>" per line; merges dropped.
 * Read in place, without splitting it into lines and fields: on a 300,000-commit history those
 * arrays and strings were 50 MB of garbage at once, the walk's highest point of memory.
 */
function parseTimedList(out: string): CommitList & { oldest: number } {
  const list: TimedList = { commits: [], newest: Number.NEGATIVE_INFINITY, oldest: Number.POSITIVE_INFINITY };
  parseTimedLines(out, out.length, list);
  return list;
}

interface TimedList {
  commits: string[];
  newest: number;
  oldest: number;
}

/** The lines of `out` up to `until` (a line end, or the end of the text) added to `list`. */
function parseTimedLines(out: string, until: number, list: TimedList): void {
  for (let start = 0; start < until; ) {
    let end = out.indexOf('\n', start);
    if (end === -1 || end > until) end = until;
    if (end > start) {
      const afterTime = out.indexOf(' ', start);
      const fieldsEnd = afterTime === -1 || afterTime > end ? end : afterTime;
      const time = Number(out.slice(start, fieldsEnd));
      if (time > list.newest) list.newest = time;
      if (time < list.oldest) list.oldest = time;
      // "<time> <id>" or "<time> <id> <parent>": at most two spaces after the time.
      const afterId = fieldsEnd < end ? out.indexOf(' ', fieldsEnd + 1) : -1;
      const secondParent = afterId === -1 || afterId > end ? -1 : out.indexOf(' ', afterId + 1);
      if (fieldsEnd < end && (secondParent === -1 || secondParent > end)) list.commits.push(out.slice(fieldsEnd + 1, afterId === -1 || afterId > end ? end : afterId));
    }
    start = end + 1;
  }
}

/** Where git reads .mailmap from for a repository (gitmailmap(5)), and what each source holds. */
export interface MailmapSources {
  /** `rev-parse --verify` of mailmap.blob (HEAD:.mailmap in a bare repository): the blob id, else git's complaint ('' when there is none to read). */
  blob: string;
  /** Whether that blob exists. */
  hasBlob: boolean;
  /** The work tree's .mailmap (undefined in a bare repository) and mailmap.file (undefined when not set): their bytes, or null when absent. */
  files: [workTree: Buffer | null | undefined, configured: Buffer | null | undefined];
}

const mailmaps = new WeakMap<Repository, Promise<MailmapSources>>();

/** The repository's .mailmap sources, read once per opened repository. */
export function mailmapSources(repo: Repository): Promise<MailmapSources> {
  let sources = mailmaps.get(repo);
  if (!sources) {
    sources = readMailmapSources(repo);
    mailmaps.set(repo, sources);
  }
  return sources;
}

async function readMailmapSources(repo: Repository): Promise<MailmapSources> {
  const { side, info } = repo;
  const setting = (name: string) => repo.config.findLast(([key]) => key === name)?.[1];
  const blobSpec = setting('mailmap.blob') ?? (info.isBare ? 'HEAD:.mailmap' : undefined);
  // The call prints something either way (a git call that prints nothing costs simple-git 50 ms
  // more): a missing blob has git's message on stderr.
  let blob = '';
  let hasBlob = false;
  if (blobSpec) {
    try {
      blob = await side.raw(['rev-parse', '--verify', blobSpec]);
      hasBlob = true;
    } catch (error) {
      blob = `failed: ${String(error)}`;
    }
  }
  const mailmapFile = setting('mailmap.file');
  // null: no such file (undefined stands for "not looked for").
  const read = (file: string) => readQuietly(file) ?? null;
  return {
    blob,
    hasBlob,
    // The work tree's .mailmap as git reads it, never through a link (a committed link to /dev/zero
    // filled gigabytes of memory: a re-test); mailmap.file is the user's own config.
    files: [info.isBare ? undefined : (readQuietly(path.join(info.root, '.mailmap'), false) ?? null), mailmapFile ? read(path.resolve(info.root, mailmapFile.replace(/^~(?=\/|$)/, os.homedir()))) : undefined],
  };
}

/**
 * Applies .mailmap to identities that git did not map itself (Co-authored-by trailers): git's
 * answer, one line per identity. Without any .mailmap source git maps nothing and prints each one
 * back as it reads it (unmappedContact), which needs no git process.
 */
export async function checkMailmap(repo: Repository, identities: string[]): Promise<string[]> {
  if (identities.length === 0) return [];
  const sources = await mailmapSources(repo);
  // Only when no source can exist: a mailmap.file this cannot read may still be one git reads
  // (git also expands ~user/ and %(prefix)/ in it).
  const [workTree, configured] = sources.files;
  if (!sources.hasBlob && !workTree && configured === undefined) {
    const echoed = identities.map(unmappedContact);
    if (echoed.every((line) => line !== undefined)) return echoed as string[];
  }
  try {
    // After '--': a trailer's name may start with a dash, which git would read as an option.
    const out = await repo.side.raw(['check-mailmap', '--', ...identities]);
    return out.split('\n').filter(Boolean);
  } catch (error) {
    throw new GitError('git check-mailmap failed', { cause: error });
  }
}

/**
 * The email that .mailmap gives the newest commit at `revision` or before it whose author email is
 * `email` (under any name), or undefined when none is. For a .mailmap line that maps a name and an
 * email together (`Proper <p@x> Commit Name <old@x>`), which `git check-mailmap <old@x>` alone
 * does not match (an EM test on jest). It reads history until it finds one: only for an email no
 * developer has.
 */
export async function mailmappedAuthorEmail(repo: Repository, email: string, revision: string): Promise<string | undefined> {
  // --no-use-mailmap: --author matches the ident as written (with the mailmap on, git matches the
  // mapped one); %aE is mapped either way.
  return newestAuthorEmail(repo, ['--fixed-strings', `--author=<${email}>`], revision);
}

/**
 * The email that .mailmap gives the newest commit at `revision` or before it written under the
 * author name `name` (case aside), or undefined when none is: numpy's .mailmap line
 * `Sebastian Berg <sebastian@sipsolutions.net>` renames every commit of that address, and his 127
 * commits as `seberg` left that name unknown to `handoff seberg` (an EM test). It reads history
 * until it finds one: only for a name no developer has.
 */
export async function mailmappedAuthorEmailOfName(repo: Repository, name: string, revision: string): Promise<string | undefined> {
  // git runs under LC_ALL=C, where --regexp-ignore-case folds ASCII only: a letter with another case
  // outside it matches both as written (`łukasz` typed for `Łukasz`, a review).
  const escaped = [...regexLiteral(name.trim())]
    .map((char) => (char.charCodeAt(0) > 0x7f && char.toLowerCase() !== char.toUpperCase() ? `(${char.toLowerCase()}|${char.toUpperCase()})` : char))
    .join('');
  return newestAuthorEmail(repo, ['--extended-regexp', `--author=^${escaped} <`], revision);
}

/** `text` as a literal in git's extended regular expressions. */
function regexLiteral(text: string): string {
  return text.replace(/[.[\](){}*+?^$|\\]/g, '\\$&');
}

async function newestAuthorEmail(repo: Repository, match: readonly string[], revision: string): Promise<string | undefined> {
  try {
    const out = await repo.side.raw(['log', '-1', '--no-use-mailmap', '--no-show-signature', '--regexp-ignore-case', ...match, '--format=%aE', revision, '--']);
    return out.trim().toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a commit at `revision` or before it has this author, or co-author, name or email (after .mailmap, case
 * aside). It reads history until it finds one: only for a name or email that the bot patterns
 * catch and no bot of the analysis has by name (hugo's `hugoreleaser[bot]` had no commit).
 */
export async function hasAuthor(repo: Repository, identity: string, revision: string): Promise<boolean> {
  const escaped = regexLiteral(identity);
  // The author line is "Name <email> time zone".
  const pattern = identity.includes('@') ? `<${escaped}>` : `^${escaped} <`;
  // Or a Co-authored-by trailer's: AI assistants are credited there only (pytest's `ai@cursor.sh`
  // read as an unknown person, while "Cursor AI" was a bot account: a re-test).
  const trailer = identity.includes('@') ? `^co-authored-by:.*<${escaped}>` : `^co-authored-by: *${escaped} *<`;
  try {
    for (const search of [`--author=${pattern}`, `--grep=${trailer}`]) {
      const out = await repo.side.raw(['log', '-1', '--use-mailmap', '--no-show-signature', '--regexp-ignore-case', '--extended-regexp', search, '--format=%H', revision, '--']);
      if (out.trim() !== '') return true;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * What `git check-mailmap` prints for a contact that no .mailmap maps, as git's split_ident_line
 * reads it: the name up to the first '<' without its trailing blanks, the email up to the next '>'.
 * Undefined for a contact this does not read exactly as git (a second '<', text after the '>').
 */
export function unmappedContact(contact: string): string | undefined {
  const match = /^([^<]*?)[ \t\n\r]*<([^<>]*)>$/.exec(contact);
  if (!match) return undefined;
  return match[1] ? `${match[1]} <${match[2]}>` : `<${match[2]}>`;
}

/** Where a path that is gone at a revision went: the commit that removed it, its day, and the path it was moved to (undefined when it was deleted). */
export interface PathDeparture {
  commit: string;
  day: string;
  movedTo?: string | undefined;
}

/**
 * The newest commit at `revision` or before it that removed the file or folder `target` (a path
 * from the root), and where it went when that commit moved it: cargo's developers typed
 * `src/cargo/core/resolver/mod.rs`, moved to `src/resolver/mod.rs` a month before, and got "no
 * analysed file" with no hint (a team lead's test). Two git calls, only for a path nothing is near;
 * the first reads history until it finds the removal (or reaches the root for a path that never
 * was). In a partial clone only exact moves are found (others would make git download blobs).
 */
export async function pathDeparture(repo: Repository, revision: string, target: string): Promise<PathDeparture | undefined> {
  try {
    const found = (await repo.side.raw(['log', '-1', '--no-show-signature', '--diff-filter=D', '--format=%H %as', revision, '--', `:(literal)${target}`])).trim();
    const [commit, day] = found.split(' ');
    if (!commit || !day) return undefined;
    const renames = repositoryRenames(await repo.side.raw(['diff-tree', '-r', '-z', '--no-commit-id', '--name-status', ...renameOptions(renameModeOf(repo)), '--root', commit]));
    const folder = `${target}/`;
    for (const [from, to] of renames) {
      if (from === target) return { commit, day, movedTo: to };
    }
    // A folder: where most of its files went, as they were named under it (a file renamed on the way
    // says nothing of the folder: a review saw a folder "deleted" when git listed that file first).
    const destinations = new Map<string, number>();
    for (const [from, to] of renames) {
      if (!from.startsWith(folder)) continue;
      const rest = from.slice(folder.length);
      if (to.endsWith(`/${rest}`)) {
        const destination = to.slice(0, to.length - rest.length - 1);
        destinations.set(destination, (destinations.get(destination) ?? 0) + 1);
      }
    }
    const [movedTo] = [...destinations].reduce<[string | undefined, number]>((best, [destination, files]) => (files > best[1] ? [destination, files] : best), [undefined, 0]);
    return movedTo === undefined ? { commit, day } : { commit, day, movedTo };
  } catch {
    return undefined;
  }
}

/** The renames of `diff-tree -z --name-status` output: [from, to] pairs. */
function repositoryRenames(output: string): [string, string][] {
  const fields = output.split('\0');
  const renames: [string, string][] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.push([fields[i + 1] ?? '', fields[i + 2] ?? '']);
      i += 3;
    } else i += status === '' ? 1 : 2;
  }
  return renames;
}
