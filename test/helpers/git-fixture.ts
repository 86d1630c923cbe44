import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A person of the fixtures: `ada` expands to name "Ada" and email ada@example.com. */
export type Who = string | { name: string; email: string };

export interface FixtureCommit {
  author: Who;
  /** ISO date; author and committer date. Defaults to one day after the previous commit. */
  at?: string;
  message?: string;
  /** Files to create or overwrite (content; a number n writes n distinct lines). */
  write?: Record<string, string | number>;
  /** old path → new path (content kept, so git sees a 100% rename). */
  rename?: Record<string, string>;
  remove?: string[];
  /** Co-authored-by trailers. */
  coAuthors?: Who[];
  /** Commit on this branch (created from the current HEAD if new); `merge` merges it back. */
  branch?: string;
  /** Merge this branch into the current one (a merge commit, no file changes of its own). */
  merge?: string;
  /** Switch to this branch before committing. */
  checkout?: string;
  allowEmpty?: boolean;
}

export function person(who: Who): { name: string; email: string } {
  if (typeof who !== 'string') return who;
  return { name: who.charAt(0).toUpperCase() + who.slice(1), email: `${who}@example.com` };
}

let counter = 0;

/** n distinct lines, different for every call, so every write is a real modification. */
export function lines(n: number): string {
  counter += 1;
  return Array.from({ length: n }, (_, i) => `line ${i} of write ${counter}`).join('\n') + '\n';
}

export interface FixtureRepo {
  dir: string;
  git(...args: string[]): string;
  commit(commit: FixtureCommit): void;
}

/**
 * Commits, by `author`, `from` renamed to `to` with its first line edited (a file the fixture wrote):
 * git needs the old blob to see that rename (a similarity, not an identity). Returns that blob's id.
 */
export function commitEditedRename(repo: FixtureRepo, author: string, from: string, to: string): string {
  const edited = repo.git('show', `HEAD:${from}`).replace(/^line 0 of .*$/m, 'edited first line');
  repo.commit({ author, rename: { [from]: to }, write: { [to]: edited } });
  return repo.git('rev-parse', `HEAD~1:${from}`).trim();
}

/** Deletes a loose object, as a history without its large files lacks it; returns what puts it back. */
export function removeObject(repo: FixtureRepo, id: string): () => void {
  const file = path.join(repo.dir, '.git', 'objects', id.slice(0, 2), id.slice(2));
  const saved = readFileSync(file);
  rmSync(file);
  return () => writeFileSync(file, saved);
}

const BASE_DATE = Date.parse('2024-01-01T12:00:00Z');

/** Builds a real repository in a temp folder, with fixed identities and dates; removed after the test. */
export function buildRepo(history: FixtureCommit[], options: { files?: Record<string, string>; keep?: boolean; dir?: string } = {}): FixtureRepo {
  const root = process.env.TALENTRISK_TEST_TMP ?? os.tmpdir();
  const dir = options.dir ?? mkdtempSync(path.join(root, 'repo-'));
  mkdirSync(dir, { recursive: true });
  if (!options.keep && !options.dir) {
    try {
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    } catch {
      // called outside a test (beforeAll): the per-run temp folder is removed at the end anyway
    }
  }
  let clock = BASE_DATE;
  const baseEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: baseEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  git('config', 'commit.gpgSign', 'false');
  git('config', 'user.name', 'Fixture');
  git('config', 'user.email', 'fixture@example.com');
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }

  const commit = (c: FixtureCommit) => {
    clock = c.at ? Date.parse(c.at) : clock + 86_400_000;
    const date = new Date(clock).toISOString();
    const who = person(c.author);
    const env = {
      ...baseEnv,
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: date,
    };
    const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (c.checkout) run('checkout', '-q', c.checkout);
    if (c.branch) {
      const exists = run('branch', '--list', c.branch).trim() !== '';
      run('checkout', '-q', ...(exists ? [c.branch] : ['-b', c.branch]));
    }
    if (c.merge) {
      run('merge', '-q', '--no-ff', '--no-edit', '-m', c.message ?? `merge ${c.merge}`, c.merge);
      return;
    }
    for (const [from, to] of Object.entries(c.rename ?? {})) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      renameSync(path.join(dir, from), path.join(dir, to));
      run('add', '-A', '--', from, to);
    }
    for (const file of c.remove ?? []) run('rm', '-q', '--', file);
    const written = Object.keys(c.write ?? {});
    for (const [file, content] of Object.entries(c.write ?? {})) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), typeof content === 'number' ? lines(content) : content);
    }
    // One `git add` per few hundred files (a process per file made a commit of a thousand take
    // seconds); forced, as a file added before the commit's .gitignore ignores it was.
    for (let at = 0; at < written.length; at += 500) run('add', '-f', '--', ...written.slice(at, at + 500).map((file) => `:(literal)${file}`));
    if (!c.write && !c.rename && !c.remove) run('add', '-A');
    const trailers = (c.coAuthors ?? []).map((co) => {
      const p = person(co);
      return `Co-authored-by: ${p.name} <${p.email}>`;
    });
    const message = [c.message ?? `commit by ${who.name}`, ...(trailers.length ? ['', ...trailers] : [])].join('\n');
    run('commit', '-q', '--no-verify', ...(c.allowEmpty ? ['--allow-empty'] : []), '-m', message);
  };
  for (const c of history) commit(c);
  return { dir, git, commit };
}

/**
 * A `git` on PATH that runs a shell script of the test's (to log calls, or to run git the way a
 * launcher does) in front of the real git. `script` gets the real git's path and the script's
 * folder (for logs); the folder is removed when the test ends. `PATH` puts it first.
 */
export function gitOnPath(script: (realGit: string, bin: string) => string): { bin: string; PATH: string } {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'git-on-path-'));
  onTestFinished(() => rmSync(bin, { recursive: true, force: true }));
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\n${script(realGit, bin)}\n`, { mode: 0o755 });
  return { bin, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}
