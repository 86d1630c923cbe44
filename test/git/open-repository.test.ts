import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { walkHistory } from '../../src/git/history.ts';
import { notCheckedOut, openRepository } from '../../src/git/repo.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, gitOnPath } from '../helpers/git-fixture.ts';

function repoWithFolders() {
  return buildRepo([{ author: 'ada', write: { 'src/deep/a.ts': 2, 'b.ts': 1 } }]);
}

const topLevel = (dir: string) => execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).trim();

describe('openRepository', () => {
  it('finds the root of the work tree from the top, a subfolder, or inside .git', async () => {
    const repo = repoWithFolders();
    const root = topLevel(repo.dir);
    for (const dir of [repo.dir, path.join(repo.dir, 'src'), path.join(repo.dir, 'src', 'deep'), path.join(repo.dir, '.git'), path.join(repo.dir, '.git', 'refs')]) {
      const opened = await openRepository(dir);
      expect(opened.info.root, dir).toBe(root);
      expect(opened.info.isBare).toBe(false);
      expect(opened.info.gitDir).toBe(path.join(root, '.git'));
    }
  });

  it('tells the way up from the replace refs listed after it (the environment fingerprint reads them)', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/deep/a.ts': 2 } },
      { author: 'bob', write: { 'b.ts': 1 } },
    ]);
    repo.git('replace', repo.git('rev-parse', 'HEAD~1').trim(), repo.git('rev-parse', 'HEAD').trim());
    const root = topLevel(repo.dir);
    for (const dir of [repo.dir, path.join(repo.dir, 'src', 'deep'), path.join(repo.dir, '.git')]) {
      const opened = await openRepository(dir);
      expect(opened.info.root, dir).toBe(root);
      expect(opened.environment.replaceRefs).toMatch(/^[0-9a-f]{40}\nrefs\/replace\/[0-9a-f]{40}$/);
    }
    expect((await openRepository(repoWithFolders().dir)).environment.replaceRefs).toBe('');
  });

  it('names the root by its real path when reached through a symlink, as git does', async () => {
    const repo = repoWithFolders();
    const links = mkdtempSync(path.join(os.tmpdir(), 'links-'));
    onTestFinished(() => rmSync(links, { recursive: true, force: true }));
    symlinkSync(path.join(repo.dir, 'src', 'deep'), path.join(links, 'deep'));
    const opened = await openRepository(path.join(links, 'deep'));
    expect(opened.info.root).toBe(topLevel(path.join(repo.dir, 'src')));
    expect(opened.info.root).toBe(realpathSync(repo.dir));
  });

  it('finds a work tree that lives elsewhere (core.worktree, as in a push-to-deploy setup)', async () => {
    const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'deploy-')));
    onTestFinished(() => rmSync(base, { recursive: true, force: true }));
    const gitDir = path.join(base, 'site.git');
    const workTree = path.join(base, 'www');
    mkdirSync(workTree);
    execFileSync('git', ['init', '-q', '--bare', gitDir]);
    execFileSync('git', ['config', 'core.bare', 'false'], { cwd: gitDir });
    execFileSync('git', ['config', 'core.worktree', workTree], { cwd: gitDir });
    // Run from the git dir: outside its work tree, git prints where the work tree is.
    const opened = await openRepository(gitDir);
    expect(opened.info).toMatchObject({ root: workTree, gitDir, isBare: false });
    expect(opened.environment.replaceRefs).toBe('');
  });

  it('takes a bare repository as its own root', async () => {
    const repo = repoWithFolders();
    const bare = path.join(mkdtempSync(path.join(os.tmpdir(), 'bare-')), 'mirror.git');
    onTestFinished(() => rmSync(path.dirname(bare), { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    const opened = await openRepository(bare);
    expect(opened.info).toMatchObject({ root: realpathSync(bare), gitDir: realpathSync(bare), isBare: true });
  });

  it('refuses a folder outside any repository', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'plain-'));
    onTestFinished(() => rmSync(outside, { recursive: true, force: true }));
    mkdirSync(path.join(outside, 'sub'));
    await expect(openRepository(path.join(outside, 'sub'), { env: { ...process.env, GIT_CEILING_DIRECTORIES: os.tmpdir() } })).rejects.toThrow(/not a git repository/);
  });
});

describe('git processes', () => {
  it('run fully buffered (GIT_FLUSH=0), even when the environment asks git to flush every record', async () => {
    // Writing to a pipe, git log flushes after every commit unless told otherwise: on git/git that
    // is 120,000 writes, 0.6 s of system time in git and as many wake-ups of the reader.
    const { bin, PATH } = gitOnPath((realGit, dir) => `echo "GIT_FLUSH=\${GIT_FLUSH-unset} $1" >> "${dir}/calls"\nexec "${realGit}" "$@"`);
    const env = { ...process.env, GIT_FLUSH: '1', PATH };
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5, 'b.ts': 3 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { env });
    expect(analysis.files.map((file) => file.path)).toEqual(['a.ts', 'b.ts']);
    const calls = readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n');
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.filter((line) => !line.startsWith('GIT_FLUSH=0 '))).toEqual([]);
  });

  it('a streamed command settles only once all its output came: not when its process exits first', async () => {
    // A launcher that leaves git running in the background and exits at once: simple-git settles
    // 50 ms after the exit, while git has printed nothing yet. The speculation keeps the last record
    // of a finished output: the stream must wait for the rest rather than hand on a cut one.
    const { PATH } = gitOnPath((realGit) => `if [ "$1" = log ]; then (sleep 1; "${realGit}" "$@") & exit 0; fi\nexec "${realGit}" "$@"`);
    const repo = repoWithFolders();
    const git = await openRepository(repo.dir, { env: { ...process.env, PATH } });
    const printed: Buffer[] = [];
    await git.stream(['log', '--format=%H'], (chunk) => printed.push(chunk), new AbortController().signal);
    expect(Buffer.concat(printed).toString()).toBe(repo.git('log', '--format=%H'));
    // Stopped while the background git has printed nothing: the stream closes and rejects, at once.
    const stop = new AbortController();
    const started = Date.now();
    const stopped = git.stream(['log', '--format=%H'], () => undefined, stop.signal);
    setTimeout(() => stop.abort(), 200);
    await expect(stopped).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('hands over all of git\'s output, even when it ends well after git exited (the history walk reads it so)', async () => {
    // Regression: simple-git settles 50 ms after the process exits by default, and a main thread busy
    // for longer than that (folding a chunk) read a lane's output cut short. A launcher that exits at
    // once and leaves git printing in the background makes that gap certain.
    const { PATH } = gitOnPath((realGit) => `case "$*" in *log*) exec 3<&0; (sleep 0.3; "${realGit}" "$@" <&3) & exit 0;; esac\nexec "${realGit}" "$@"`);
    const repo = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 2, 'b.ts': 1 } },
      { author: 'bob', rename: { 'b.ts': 'src/b.ts' } },
      { author: 'cy', write: { 'src/a.ts': 3 } },
    ]);
    const opened = await openRepository(repo.dir, { env: { ...process.env, PATH } });
    const expected = repo.git('log', '--name-status', '--format=%H');
    expect(await opened.git.raw(['log', '--name-status', '--format=%H'])).toBe(expected);
    expect(await opened.side.raw(['log', '--name-status', '--format=%H'])).toBe(expected);
    const records = [];
    for await (const chunk of walkHistory(opened, repo.git('rev-parse', 'HEAD').trim(), { chunkSize: 1, readAhead: 2, speculate: 0 })) records.push(...chunk);
    expect(records.map((record) => record.sha)).toEqual(repo.git('log', '--format=%H').trim().split('\n'));
  });
});

describe('git errors', () => {
  it('a repository owned by another user gets the safe.directory fix, also for a container with no writable HOME (a CI test: the --global command failed there)', async () => {
    const { toGitError } = await import('../../src/git/client.ts');
    const error = toGitError(new Error("fatal: detected dubious ownership in repository at '/work/repo'"), '/work/repo') as Error & { hint?: string };
    expect(error.message).toBe('git refuses to read /work/repo: it is owned by another user');
    expect(error.hint).toBe(
      "run `git config --global --add safe.directory /work/repo` if you trust it; with no writable HOME (a container job), set GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0=/work/repo in the job's environment",
    );
    // Given a subfolder, the repository git names is the one to trust.
    const inner = toGitError(new Error("fatal: detected dubious ownership in repository at '/work/repo'\nTo add an exception…"), '/work/repo/src/pay') as Error & { hint?: string };
    expect(inner.message).toBe('git refuses to read /work/repo: it is owned by another user');
    expect(inner.hint).toContain('safe.directory /work/repo`');
    expect(inner.hint).not.toContain('src/pay');
  });

  // A call that prints nothing settles 50 ms late in simple-git: the sparse-checkout question, asked
  // in every repository without a config, was a third of a warm rails scan.
  it('asks git about a config left out of the work tree only in a sparse checkout', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/a.ts': 2, '.talentrisk.yml': 1 } }]);
    const plain = await openRepository(repo.dir);
    const calls = vi.spyOn(plain.git, 'raw');
    expect(await notCheckedOut(plain, ['.talentrisk.yml'])).toBeUndefined();
    expect(calls).not.toHaveBeenCalled();
    repo.git('sparse-checkout', 'set', '--no-cone', '/src/');
    const sparse = await openRepository(repo.dir);
    expect(await notCheckedOut(sparse, ['.talentrisk.yml'])).toBe('.talentrisk.yml');
  });
});
