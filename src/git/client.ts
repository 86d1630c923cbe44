import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError, NotARepositoryError, UsageError } from '../errors.ts';

export interface GitClientOptions {
  /** Environment for git child processes; the CLI passes its own. */
  env?: Record<string, string | undefined>;
  /** How many git processes may run at once (the parallel history walk uses them all). */
  concurrency?: number;
  /** When it fires, simple-git signals (SIGINT) the git process it started and rejects its call. */
  abort?: AbortSignal;
  /** What to write to the standard input of a git process this client starts (then closed). */
  input?: () => Buffer | string | undefined;
}

// Never let git fetch missing blobs of a partial clone behind the user's back (git >= 2.44 honours
// it; older gits ignore it), never prompt, and keep its messages in English so
// that the error mapping below can read them. GIT_FLUSH=0: writing to a pipe, git log flushes its
// output after every commit (for a reader that shows it live); nothing here needs a commit the
// moment it is diffed (even the walk's speculation, read as it prints, takes it in blocks), and
// those writes cost git 0.6 s of system time on git/git, plus one wake-up of this process per
// write (rails cold scan: 45,000 context switches, 6,000 with it).
const GIT_ENV: Record<string, string> = { GIT_FLUSH: '0', GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANG: 'C' };

const GUARDED_ENV = /^(git_.*|editor|visual|pager|prefix|ssh_askpass)$/i;

/** The config keys talentrisk sets on git's command line (`-c key=value`). */
const OWN_CONFIG_KEYS = ['core.warnAmbiguousRefs'];

// The user's own git configuration through the environment (common in container CI:
// GIT_CONFIG_COUNT/KEY_n/VALUE_n for safe.directory, GIT_CONFIG_GLOBAL, …) must reach git, as it does
// for a plain `git log`. simple-git guards these against untrusted input; here they come from the
// user's environment, so they are let through explicitly.
const PASSED_GIT_ENV = /^(GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS|GLOBAL|SYSTEM|NOSYSTEM)|GIT_CEILING_DIRECTORIES|GIT_ALTERNATE_OBJECT_DIRECTORIES|GIT_OBJECT_DIRECTORY|GIT_DISCOVERY_ACROSS_FILESYSTEM)$/;

/** How many git processes the history walk runs at once: every core, up to 4. */
export function historyConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

/** A simple-git instance rooted at `dir`, with talentrisk's environment. */
export function createGit(dir: string, options: GitClientOptions = {}): SimpleGit {
  if (!existsSync(dir)) {
    // Not `talentrisk scan .`: explain and handoff take the folder with -C (a new-user test).
    throw new UsageError(`path does not exist: ${dir}`, { hint: 'check the path: it must be the folder of a git repository (the current folder when left out)' });
  }
  if (!statSync(dir).isDirectory()) {
    throw new UsageError(`not a folder: ${dir}`, { hint: 'pass the folder of a git repository, not a file' });
  }
  // simple-git's environment guard refuses GIT_* variables and a few others (EDITOR, PAGER, …)
  // when they are passed explicitly, so those are left out; git needs none of them to read history.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined && (!GUARDED_ENV.test(key) || PASSED_GIT_ENV.test(key))) env[key] = value;
  }
  const passed = Object.keys(env).filter((key) => PASSED_GIT_ENV.test(key));
  // simple-git 4.1 warns on every run about a config key outside its known-safe list (and will
  // refuse it in its next major): name ours, and those the user's environment sets for git.
  const userConfigKeys = Object.entries(env).flatMap(([key, value]) => (/^GIT_CONFIG_KEY_\d+$/.test(key) ? [value] : []));
  return simpleGit({
    baseDir: dir,
    maxConcurrentProcesses: Math.max(1, options.concurrency ?? 2),
    trimmed: false,
    // A call settles when git's output has closed, not 50 ms after git exits (simple-git's default):
    // a main thread busy for longer than that (folding a chunk while other lanes end) read a lane's
    // output cut short, an internal error in about one rails scan in ten with 4 lanes on 2 cores.
    // simple-git's own option docs name this setting as the default they meant to move to.
    completion: { onClose: true, onExit: false },
    allowEnvironment: [...Object.keys(GIT_ENV), ...passed],
    allowConfig: [...OWN_CONFIG_KEYS, ...userConfigKeys],
    unsafe: { allowUnsafeConfigEnvCount: true, allowUnsafeConfigPaths: true },
    ...(options.abort ? { abort: options.abort } : {}),
    ...(options.input ? { input: options.input } : {}),
  }).env({ ...env, ...GIT_ENV });
}

// scan, check and init take the repository as an argument; explain and handoff (whose argument is
// a path or a person) as -C.
export const NOT_A_REPOSITORY_HINT = 'run talentrisk inside a git repository, or point it at one: `talentrisk scan path/to/repo` (explain and handoff: `-C path/to/repo`)';

/** Turns a simple-git failure into an error the user can act on. */
export function toGitError(error: unknown, context: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|spawn git/i.test(message) && !/fatal:/.test(message)) {
    return new GitError('git was not found on PATH', { hint: 'install git (https://git-scm.com) and make sure `git --version` works', cause: error });
  }
  if (/not a git repository/i.test(message)) {
    return new NotARepositoryError(`not a git repository: ${context}`, { hint: NOT_A_REPOSITORY_HINT, cause: error });
  }
  if (/dubious ownership/i.test(message)) {
    // The folder to trust is the repository's, as git names it: the folder given may be one of its
    // subfolders, and trusting that fixes nothing (a CI engineer's test).
    const owned = /dubious ownership in repository at '([^'\n]+)'/i.exec(message)?.[1] ?? context;
    return new GitError(`git refuses to read ${owned}: it is owned by another user`, {
      // In a container running as another user, HOME is often missing or not writable and the
      // command above fails (a CI test): the environment form needs no file.
      hint: `run \`git config --global --add safe.directory ${owned}\` if you trust it; with no writable HOME (a container job), set GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0=${owned} in the job's environment`,
      cause: error,
    });
  }
  // git's own reason is its `fatal:` line; warnings may come before it.
  const lines = message.split('\n').filter((line) => line.trim());
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? message;
  return new GitError(`git failed (${context}): ${reason.replace(/^(fatal|error):\s*/, '')}`, { cause: error, hint: gitConfigHint(reason) });
}

/** What to do about a git setting git itself refuses (`diff.algorithm bogus`): it names the file or variable. */
function gitConfigHint(reason: string): string | undefined {
  const variable = (/bad config variable '([^']+)'/.exec(reason) ?? /bad numeric config value '[^']*' for '([^']+)'/.exec(reason))?.[1];
  if (variable) return `fix or remove that setting where it is set (\`git config --show-origin --get-all ${variable}\` shows the file; \`git config --unset ${variable}\` removes it from the repository's)`;
  if (/bad config line \d+ in/.test(reason)) return 'fix that line of the git config file git names';
  if (/GIT_CONFIG_PARAMETERS|GIT_CONFIG_(COUNT|KEY|VALUE)/.test(reason)) return 'fix or unset that environment variable';
  // A `git -c` setting, or GIT_CONFIG_PARAMETERS / GIT_CONFIG_KEY_n in the environment (CI runners set them).
  const commandLine = /unable to parse '([^']+)' from command-line config/.exec(reason)?.[1];
  if (commandLine) return `fix or unset ${commandLine} where the environment sets it (GIT_CONFIG_PARAMETERS, or GIT_CONFIG_COUNT with GIT_CONFIG_KEY_n and GIT_CONFIG_VALUE_n)`;
  return undefined;
}
