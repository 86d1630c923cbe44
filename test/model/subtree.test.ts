import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subtreeFolder } from '../../src/git/log-format.ts';
import { analyzeRepo, fileOf } from '../helpers/analyze.ts';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// `git subtree add --squash --prefix=extern/lib` commits the library's content as a commit of its own,
// with no parent and the library's paths (`Makefile`, `lib.c`), then merges it in under the prefix.
// redis's hiredis and jemalloc squashes made their committers creators of redis's top-level
// `Makefile`, `README.md` and `.gitignore`, and everything before was lost (a team lead's test).

/** Merges branch `lib`'s tree under `prefix`, as git subtree does (a merge: no events of its own). */
function mergeUnder(repo: FixtureRepo, prefix: string, at: string): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('merge', '-q', '-s', 'ours', '--no-commit', '--allow-unrelated-histories', 'lib');
  git('read-tree', `--prefix=${prefix}/`, '-u', 'lib');
  git('commit', '-q', '--no-verify', '-m', `Merge commit as '${prefix}'`);
}

function subtreeHistory(): FixtureRepo {
  const repo = buildRepo([
    { author: 'ada', at: '2024-01-01T10:00:00Z', write: { Makefile: 5, 'app.c': 5 } },
    { author: 'ada', at: '2024-01-02T10:00:00Z', write: { Makefile: 6 } },
    { author: 'bob', at: '2024-01-03T10:00:00Z', write: { 'app.c': 6 } },
  ]);
  repo.git('checkout', '-q', '--orphan', 'lib');
  repo.git('rm', '-rq', '--cached', '.');
  repo.git('clean', '-fdq');
  const squash = "Squashed 'extern/lib/' content from commit 1234567\n\ngit-subtree-dir: extern/lib\ngit-subtree-split: 1234567890abcdef1234567890abcdef12345678";
  repo.commit({ author: 'carl', at: '2024-01-04T10:00:00Z', message: squash, write: { Makefile: 3, 'lib.c': 4 } });
  repo.git('checkout', '-q', 'main');
  mergeUnder(repo, 'extern/lib', '2024-01-05T10:00:00Z');
  repo.commit({ author: 'bob', at: '2024-01-06T10:00:00Z', write: { 'extern/lib/lib.c': 5 } });
  return repo;
}

describe('git subtree --squash commits', { tags: ['slow'] }, () => {
  it('count under the subtree folder, so the main tree’s files of the same name keep their history', async () => {
    const repo = subtreeHistory();
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    expect(fileOf(analysis, 'Makefile').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['ada@example.com', 1, 1]]);
    // The squash credits nobody: its content was written elsewhere (hugo's docs/, 1,149 files "only
    // bep knows" from 159 squashes he pulled). A file only it changed is not analysed.
    expect(analysis.files.map((f) => f.path)).not.toContain('extern/lib/Makefile');
    // Named among what credits nobody (redis's 518 files of jemalloc and hiredis read "(or only bot commits)": a tester).
    expect(analysis.exclusions).toContainEqual({ rule: 'no history (or only bot commits or subtree squashes)', files: 1 });
    expect(fileOf(analysis, 'extern/lib/lib.c').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['bob@example.com', 0, 1]]);
    expect(analysis.warnings).toContain(
      'a `git subtree --squash` commit (extern/lib/) credits nobody: what it brings was written in another repository, whose history is not read here; files only it changed are not analysed (`--model classic` reads it as git prints it, at the repository root, crediting whoever pulled it)',
    );
    // The published method reads the commit as git prints it: its `Makefile` is the top-level one.
    const classic = await analyzeRepo(repo.dir, { depth: 1, model: 'classic' });
    expect(fileOf(classic, 'Makefile').contributions.map((c) => [c.developer, c.fa])).toEqual([['carl@example.com', 1]]);
    // explain says why, naming only what this history had (redis's jemalloc files read six reasons,
    // --only-code among them, which was not given: a tester).
    const why = runCli(['explain', 'extern/lib/Makefile'], { cwd: repo.dir }).stderr;
    expect(why).toContain('talentrisk: extern/lib/Makefile is not analysed: no counted developer changed it in the history read (only bots changed it, or `git subtree --squash` commits, which bring another repository\'s work, or it only changed in merge commits, which carry no events)\n');
    // The history cache keeps the folder: a second analysis reads it back and agrees.
    const again = await analyzeRepo(repo.dir, { depth: 1 });
    expect(again.files).toEqual(analysis.files);
  });

  it('follows a squash of changes on top of the squashed content, and ignores the trailer on a commit not shaped as a squash (a forged one erased src/auth/login.c’s history)', async () => {
    const repo = subtreeHistory();
    // A later `git subtree pull --squash`: a squash of changes on the one before, merged in.
    repo.git('checkout', '-q', 'lib');
    repo.commit({ author: 'dee', at: '2024-01-07T10:00:00Z', message: "Squashed 'extern/lib/' changes from 1234567..89abcde\n\ngit-subtree-dir: extern/lib\ngit-subtree-split: 89abcde", write: { Makefile: 4 } });
    repo.git('checkout', '-q', 'main');
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2024-01-08T10:00:00Z', GIT_COMMITTER_DATE: '2024-01-08T10:00:00Z' };
    execFileSync('git', ['merge', '-q', '-X', 'subtree=extern/lib', '--no-edit', 'lib'], { cwd: repo.dir, env, stdio: 'ignore' });
    // An ordinary commit with the trailer: its new root file is not src/… anything.
    repo.commit({ author: 'ada', at: '2024-01-09T10:00:00Z', write: { 'src/auth/login.c': 5 } });
    repo.commit({ author: 'ada', at: '2024-01-10T10:00:00Z', write: { 'src/auth/login.c': 6 } });
    repo.commit({ author: 'mallory', at: '2024-01-11T10:00:00Z', message: 'docs\n\ngit-subtree-dir: src/auth', write: { 'login.c': 2 } });
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    expect(analysis.files.map((f) => f.path)).not.toContain('extern/lib/Makefile');
    expect(analysis.warnings.join('\n')).toContain('2 `git subtree --squash` commits (extern/lib/) credit nobody');
    expect(fileOf(analysis, 'Makefile').contributions.map((c) => c.developer)).toEqual(['ada@example.com']);
    expect(fileOf(analysis, 'src/auth/login.c').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['ada@example.com', 1, 1]]);
    expect(fileOf(analysis, 'login.c').contributions.map((c) => [c.developer, c.fa])).toEqual([['mallory@example.com', 1]]);
  });

  it('leaves a squash out of handoff’s recent work and co-change, as it credits nobody (hugo’s docs pulls were bep’s recent work: a review)', () => {
    const repo = subtreeHistory();
    // A file of Carl's own: the squash credits nobody, and a handoff of no file lists no recent work.
    repo.commit({ author: 'carl', at: '2024-01-07T10:00:00Z', write: { 'extern/lib/extra.c': 5 } });
    const markdown = runCli(['handoff', 'carl', '--until', '2024-01-10', '-q'], { cwd: repo.dir }).stdout;
    expect(markdown).toMatch(/commit by Carl \(`extern\/lib\/extra\.c`\)/);
    expect(markdown).not.toContain("Squashed 'extern/lib/'");
    expect(markdown).toContain('1 commit of config ignoreRevs or git subtree squashes');
    expect(markdown).not.toContain('outside them');
  });

  // A review: a system over files only a squash brought became a config error with no word why.
  it('says in check\'s configuration error that files only a squash changed are not analysed', () => {
    const repo = subtreeHistory();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: lib\n    paths: ["extern/lib/Makefile"]\n');
    const result = runCli(['check', '--until', '2024-01-10'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('files only `git subtree --squash` commits changed are not analysed');
  });

  it('reads the trailer’s folder as a path inside the repository, or not at all', () => {
    expect(subtreeFolder('extern/jemalloc')).toBe('extern/jemalloc');
    expect(subtreeFolder(' ./extern/jemalloc/ ')).toBe('extern/jemalloc');
    for (const odd of ['', '/', '/etc', '../up', 'extern/../x', 'extern//x', '.']) expect(subtreeFolder(odd), odd).toBeUndefined();
  });
});
