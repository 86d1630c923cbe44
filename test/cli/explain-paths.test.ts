import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// A monorepo: the root and the package both have a package.json, a README.md and a src/.
const monorepo: FixtureCommit[] = [
  { author: 'ada', write: { 'package.json': 5, 'README.md': 5, 'CHANGELOG.md': 5, 'notes.md': 3, 'src/a.ts': 5 } },
  { author: 'bob', write: { 'packages/web/package.json': 4, 'packages/web/README.md': 4, 'packages/web/src/b.ts': 4, 'packages/web/src/c.ts': 4 } },
];

const explained = (args: string[], cwd: string) => {
  const result = runCli(['explain', ...args, '--format', 'json'], { cwd });
  return { ...result, path: result.exitCode === 0 ? (JSON.parse(result.stdout) as { path: string }).path : undefined };
};

describe('explain reads a path from the current folder, as git does', { tags: ['slow'] }, () => {
  // vuejs/core, in packages/reactivity: `explain .` was the whole repository, `./package.json` and
  // `README.md` the root's, with nothing to say so.
  it('inside a package, `.`, `./package.json` and `README.md` are the package\'s, not the root\'s', () => {
    const repo = buildRepo(monorepo);
    const web = path.join(repo.dir, 'packages/web');
    expect(explained(['.'], web).path).toBe('packages/web');
    expect(explained(['./package.json'], web).path).toBe('packages/web/package.json');
    expect(explained(['package.json'], web).path).toBe('packages/web/package.json');
    expect(explained(['README.md'], web).path).toBe('packages/web/README.md');
    expect(explained(['src'], web).path).toBe('packages/web/src');
    expect(explained(['../../package.json'], web).path).toBe('package.json');
    const table = runCli(['explain', '.'], { cwd: web });
    expect(table.stdout).toMatch(/^packages\/web {2}4 files analysed\n/);
    expect(table.stdout).not.toContain('read from the repository root');
    // At the root, the root's.
    expect(explained(['package.json'], repo.dir).path).toBe('package.json');
  });

  it('reads a plain path that names nothing here from the repository root (as scan lists it), and says so', () => {
    const repo = buildRepo(monorepo);
    const web = path.join(repo.dir, 'packages/web');
    const table = runCli(['explain', 'CHANGELOG.md'], { cwd: web });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/^CHANGELOG\.md {2}1 event .*\n\(read from the repository root: packages\/web\/ has no CHANGELOG\.md\)\n/);
    const json = explained(['CHANGELOG.md'], web);
    expect(json.path).toBe('CHANGELOG.md');
    expect(json.stderr).toBe('talentrisk: read from the repository root: packages/web/ has no CHANGELOG.md\n');
    expect(runCli(['explain', 'CHANGELOG.md', '--format', 'json', '-q'], { cwd: web }).stderr).toBe('');
    // A path pasted from scan's output.
    expect(explained(['packages/web/src/b.ts'], web).path).toBe('packages/web/src/b.ts');
    expect(runCli(['explain', 'packages/web/src'], { cwd: web }).stdout).toContain('\n(read from the repository root: packages/web/ has no packages/web/src)\n');
    // `./` says where the path starts: not read from the root.
    const explicit = runCli(['explain', './CHANGELOG.md'], { cwd: web });
    expect(explicit.exitCode).toBe(2);
    expect(explicit.stderr).toContain('talentrisk: no analysed file or folder matches ./CHANGELOG.md\n');
  });

  it('does not read from the root a path that names a file here, tracked and left out, or untracked', () => {
    const repo = buildRepo([...monorepo, { author: 'bob', write: { 'packages/web/CHANGELOG.md': 3 } }]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'exclude: ["packages/web/CHANGELOG.md"]\n');
    const web = path.join(repo.dir, 'packages/web');
    const excluded = runCli(['explain', 'CHANGELOG.md'], { cwd: web });
    expect(excluded.exitCode).toBe(2);
    expect(excluded.stderr).toContain("talentrisk: CHANGELOG.md is not analysed: it is matched by the config's `exclude`\n");
    writeFileSync(path.join(web, 'notes.md'), 'not committed\n');
    const untracked = runCli(['explain', 'notes.md'], { cwd: web });
    expect(untracked.exitCode).toBe(2);
    expect(untracked.stderr).toBe(
      "talentrisk: no analysed file or folder matches notes.md\n  the repository root's is ../../notes.md (paths are relative to the current folder, packages/web/, and read from the repository root only when they name nothing there)\n",
    );
  });

  it('with -C, reads the path from that folder, as `git -C` does, from inside the repository or outside it', () => {
    const repo = buildRepo(monorepo);
    const parent = path.dirname(repo.dir);
    const name = path.basename(repo.dir);
    expect(explained(['-C', `${name}/packages/web`, 'package.json'], parent).path).toBe('packages/web/package.json');
    expect(explained(['-C', `${name}/packages/web`, '.'], parent).path).toBe('packages/web');
    expect(explained(['-C', name, 'package.json'], parent).path).toBe('package.json');
    expect(explained(['-C', name, 'packages/web/package.json'], parent).path).toBe('packages/web/package.json');
    const pasted = explained(['-C', `${name}/packages/web`, 'packages/web/src/b.ts'], parent);
    expect(pasted.path).toBe('packages/web/src/b.ts');
    expect(pasted.stderr).toBe('talentrisk: read from the repository root: packages/web/ has no packages/web/src/b.ts\n');
    // From a package, -C names where the path starts.
    const web = path.join(repo.dir, 'packages/web');
    expect(explained(['-C', '../..', 'package.json'], web).path).toBe('package.json');
    expect(explained(['-C', '.', 'package.json'], web).path).toBe('packages/web/package.json');
    // Through a symbolic link to the repository (git names the root by its real path).
    const link = path.join(parent, `${name}-link`);
    symlinkSync(repo.dir, link);
    expect(explained(['-C', `${name}-link/packages/web`, 'README.md'], parent).path).toBe('packages/web/README.md');
  });

  it('suggests a near path as it would be typed here, and says where paths start', () => {
    const repo = buildRepo(monorepo);
    const web = path.join(repo.dir, 'packages/web');
    const typo = runCli(['explain', 'src/bb.ts'], { cwd: web });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toBe(
      'talentrisk: no analysed file or folder matches src/bb.ts\n  did you mean src/b.ts? (paths are relative to the current folder, packages/web/, or else to the repository root; excluded files and submodules are not analysed)\n',
    );
    // At the root, paths start there.
    expect(runCli(['explain', 'zzz'], { cwd: repo.dir }).stderr).toContain('\n  pass a path relative to the repository root; excluded files');
  });

  // cargo: src/cargo/core/resolver/mod.rs, moved to src/resolver/mod.rs a month before, got no hint (a team lead).
  it('says where a path that nothing is near went: moved, with the command, or deleted', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'src/cargo/core/resolver/mod.rs': 5, 'src/cargo/core/resolver/types.rs': 5, 'gone.rs': 5, 'keep.rs': 5 } },
      { author: 'bob', at: '2024-02-01T10:00:00Z', rename: { 'src/cargo/core/resolver/mod.rs': 'crates/engine/resolver/mod.rs', 'src/cargo/core/resolver/types.rs': 'crates/engine/resolver/types.rs' } },
      { author: 'bob', at: '2024-03-01T10:00:00Z', remove: ['gone.rs'] },
      // Moved again: where it is now (cargo's resolver moved twice).
      { author: 'bob', at: '2024-04-01T10:00:00Z', rename: { 'crates/engine/resolver/types.rs': 'crates/resolver/types.rs' } },
    ]);
    const [moved, deleted] = [repo.git('rev-parse', 'HEAD~2').trim().slice(0, 10), repo.git('rev-parse', 'HEAD~1').trim().slice(0, 10)];
    const file = runCli(['explain', 'src/cargo/core/resolver/mod.rs'], { cwd: repo.dir });
    expect(file.exitCode).toBe(2);
    expect(file.stderr).toBe(`talentrisk: no analysed file or folder matches src/cargo/core/resolver/mod.rs: it was moved in ${moved} (2024-02-01), and is now crates/engine/resolver/mod.rs\n  \`talentrisk explain crates/engine/resolver/mod.rs\` (its history before the move counts)\n`);
    expect(runCli(['explain', 'src/cargo/core/resolver'], { cwd: repo.dir }).stderr).toContain(`: it was moved in ${moved} (2024-02-01), and is now crates/engine/resolver\n`);
    expect(runCli(['explain', 'src/cargo/core/resolver/types.rs'], { cwd: repo.dir }).stderr).toContain(`: it was moved in ${moved} (2024-02-01), and is now crates/resolver/types.rs\n`);
    expect(runCli(['explain', 'gone.rs'], { cwd: repo.dir }).stderr).toBe(`talentrisk: no analysed file or folder matches gone.rs: it was deleted in ${deleted} (2024-03-01)\n  explain names a file or folder of the analysed revision\n`);
    // Never there: as before.
    expect(runCli(['explain', 'zzz/never.rs'], { cwd: repo.dir }).stderr).toContain('\n  pass a path relative to the repository root');
    // A folder where most files went, whatever git lists first (a review: a file renamed on the way
    // made the folder "deleted").
    repo.commit({ author: 'ada', at: '2024-05-01T10:00:00Z', write: { 'old/a.rs': 5, 'old/b.rs': 5, 'old/c.rs': 5, 'old/d.rs': 5 } });
    repo.commit({ author: 'bob', at: '2024-06-01T10:00:00Z', rename: { 'old/d.rs': 'new/0lib.rs', 'old/a.rs': 'new/a.rs', 'old/b.rs': 'new/b.rs', 'old/c.rs': 'new/c.rs' } });
    expect(runCli(['explain', 'old'], { cwd: repo.dir }).stderr).toMatch(/: it was moved in [0-9a-f]{10} \(2024-06-01\), and is now new\n/);
  });

  // vuejs/core, in packages/reactivity: `explain index.ts` suggested index.js, not src/index.ts (a tester).
  it('suggests the path under the folder that ends in the typed one before a near name', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'packages/web/index.js': 3, 'packages/web/src/index.ts': 3, 'packages/api/src/index.ts': 3 } }]);
    const typed = runCli(['explain', 'index.ts'], { cwd: path.join(repo.dir, 'packages/web') });
    expect(typed.stderr).toContain('did you mean src/index.ts?');
  });
});

describe('explain of a tracked file with no history', { tags: ['slow'] }, () => {
  it('names merge commits among the reasons (laravel: a file a merge brought back read "only bots did, or ignoreRevs, or outside the walk")', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', branch: 'side', write: { 'b.ts': 5 } },
      { author: 'ada', checkout: 'main', write: { 'a.ts': 5 } },
    ]);
    // A merge that also adds a file (no event: merges carry none).
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'side');
    writeFileSync(path.join(repo.dir, 'born-in-merge.ts'), 'x\n');
    repo.git('add', 'born-in-merge.ts');
    repo.git('commit', '-q', '--no-verify', '-m', 'merge side');
    const result = runCli(['explain', 'born-in-merge.ts'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('it only changed in merge commits, which carry no events');
    // With --only-code, the causes of this history, not a fixed list (a review: ignoreRevs and
    // subtree squashes came back with it), and the --only-code clause once it left files out.
    repo.commit({ author: 'ada', write: { 'notes.md': 3 } });
    const onlyCode = runCli(['explain', 'born-in-merge.ts', '--only-code'], { cwd: repo.dir }).stderr;
    expect(onlyCode).toContain('no counted developer changed it in the history read (only bots changed it, or it only changed in merge commits, which carry no events), or --only-code left it out\n');
  });

  it('answers a path through a file with one line, not an internal error (a review: ENOTDIR, exit 3)', () => {
    const repo = buildRepo(monorepo);
    for (const [target, cwd] of [['README.md/x', repo.dir], ['package.json/x', path.join(repo.dir, 'packages/web')]] as const) {
      const result = runCli(['explain', target], { cwd });
      expect(result.exitCode, target).toBe(2);
      expect(result.stderr, target).toContain(`no analysed file or folder matches ${target}`);
    }
  });

  // hugo's `explain docs` said "62 files analysed" of a folder tracking 1,239 (most brought by
  // subtree squashes): nothing said the rest was there and why it was left out (a tester).
  it('says how many tracked files of a folder are not analysed, and why', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'docs/a.md': 5, 'docs/b.md': 5, 'docs/package-lock.json': 3, 'src/x.ts': 4 } },
      { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, write: { 'docs/generated.md': 2 } },
    ]);
    const table = runCli(['explain', 'docs'], { cwd: repo.dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/^2 more tracked files here are not analysed: (1 no history[^,]*, 1 lock file|1 lock file, 1 no history[^.]*)\.$/m);
    const json = JSON.parse(runCli(['explain', 'docs', '--format', 'json'], { cwd: repo.dir }).stdout) as { notAnalysed: { rule: string; files: number }[] };
    expect(json.notAnalysed).toHaveLength(2);
    expect(json.notAnalysed).toEqual(expect.arrayContaining([{ rule: 'lock file', files: 1 }, { rule: expect.stringMatching(/^no history/) as string, files: 1 }]));
    // Under --only-code, a file that is no code was left out by it, not for its history (a review).
    const onlyCode = buildRepo([{ author: 'ada', write: { 'src/a.c': 5, 'src/b.c': 5, 'src/README.md': 3, 'src/data.txt': 2 } }]);
    expect(runCli(['explain', 'src', '--only-code'], { cwd: onlyCode.dir }).stdout).toMatch(/^2 more tracked files here are not analysed: 2 not programming or markup \(--only-code\)\.$/m);
    // A folder with every tracked file analysed says nothing of the kind.
    expect(runCli(['explain', 'src'], { cwd: repo.dir }).stdout).not.toContain('not analysed');
    expect((JSON.parse(runCli(['explain', 'src', '--format', 'json'], { cwd: repo.dir }).stdout) as { notAnalysed: unknown[] }).notAnalysed).toEqual([]);
  });
});
