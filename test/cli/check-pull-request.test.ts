import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// What `check` says to the people of a pull request, and of a main branch that fails already
// (vuejs/core, a CI maintainer wiring check into GitHub Actions).

const tmp = () => mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'check-pr-'));

// Judged as of a day after the last commit: nobody is inactive, whatever the day of the run.
const UNTIL = ['--until', '2024-03-01'];

// ci: Ada created three workflows and Bob changed two of them often (both authors of a.yml and
// b.yml), Ada changed c.yml alone, often: bus factor 2, and c.yml the one file at risk.
const CI_HISTORY: FixtureCommit[] = [
  { author: 'ada', write: { 'ci/a.yml': 10, 'ci/b.yml': 10, 'ci/c.yml': 10 } },
  ...[1, 2].map((): FixtureCommit => ({ author: 'bob', write: { 'ci/a.yml': 10, 'ci/b.yml': 10 } })),
  ...[1, 2, 3].map((): FixtureCommit => ({ author: 'ada', write: { 'ci/c.yml': 10 } })),
  { author: 'ada', write: { '.talentrisk.yml': 'critical:\n  - name: ci\n    paths: ["ci/**"]\n    minOwners: 2\n' } },
];

/** main as CI_HISTORY, and a branch `feature` where Pat adds four workflows only he knows. */
function newcomerAddsWorkflows() {
  const repo = buildRepo(CI_HISTORY);
  repo.commit({ author: 'pat', branch: 'feature', write: { 'ci/p1.yml': 5, 'ci/p2.yml': 5, 'ci/p3.yml': 5, 'ci/p4.yml': 5 } });
  return repo;
}

describe('check points a pull request at what it changed', { tags: ['slow'] }, () => {
  // vuejs/core: "32 files at risk: .github/workflows/ci.yml, …" named other people's files first and
  // the 20 workflows the pull request added last; "Pat Newcomer authors 20 of its 38 files" was in the
  // JSON message only, and the fix was the generic advice.
  it('lists the files at risk the change touched first, and says who authors what in every format', () => {
    const repo = newcomerAddsWorkflows();
    const run = (...args: string[]) => runCli(['check', '--changed', 'main', '--new-only', ...UNTIL, ...args], { cwd: repo.dir });

    const github = run('--format', 'github');
    expect(github.exitCode).toBe(1);
    expect(github.stdout).toContain(
      '::error file=.talentrisk.yml,line=2,title=ci%3A bus factor 1%2C needs 2::Critical system "ci" has bus factor 1, needs 2; sole owner: Pat, who authors 4 of its 7 files; this change adds 4 files only Pat knows; 5 files at risk: ci/p1.yml, ci/p2.yml, ci/p3.yml, ci/p4.yml, ci/c.yml. Against main: bus factor 1 (needs 2): new since main (bus factor 2 there).\n',
    );
    expect(github.stdout).toContain('talentrisk: To fix: have someone else change and review the files at risk, starting with the 4 this change adds (listed first), or pair on them, until');

    const text = run('--no-color');
    expect(text.stdout).toMatch(/\n✗ {2}ci +1 +2 {2}sole owner: Pat +5: ci\/p1\.yml \+4 more\n/);
    expect(text.stdout).toContain('\n✗ ci: bus factor 1 (needs 2): Pat authors 4 of its 7 files; new since main (bus factor 2 there); this change adds 4 files only Pat knows\n');
    // Said once: not also as a line against the base.
    expect(text.stdout).not.toContain('✗ ci: bus factor 1 (needs 2): new since main');

    const markdown = run('--format', 'markdown').stdout;
    expect(markdown).toContain('- ❌ **ci**: bus factor 1 (needs 2): Pat authors 4 of its 7 files; new since main (bus factor 2 there); this change adds 4 files only Pat knows\n');
    expect(markdown).toContain('<summary>ci: 5 files at risk</summary>\n\n- `ci/p1.yml` — only Pat knows it (this change adds it)\n');
    expect(markdown).toContain('- `ci/p4.yml` — only Pat knows it (this change adds it)\n- `ci/c.yml` — only Ada knows it\n');

    expect(run('--format', 'junit').stdout).toContain('this change adds 4 files only Pat knows; 5 files at risk: ci/p1.yml, ci/p2.yml, ci/p3.yml, ci/p4.yml, ci/c.yml.');
    const json = checkOutputSchema.parse(JSON.parse(run('--format', 'json').stdout));
    expect(json.systems[0]?.changedAtRisk).toEqual(['p1', 'p2', 'p3', 'p4'].map((name) => ({ path: `ci/${name}.yml`, added: true })));
    // The message stays the model's words.
    expect(json.systems[0]?.violations[0]?.message).toBe('bus factor 1 (needs 2): Pat authors 4 of its 7 files');

    // A change that edits the file only Ada knows (and passes): it is the one listed first, as touched.
    repo.commit({ author: 'pat', checkout: 'main', branch: 'edit', write: { 'ci/c.yml': 11 } });
    const edit = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', ...UNTIL, '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(edit.passed).toBe(true);
    expect(edit.systems[0]?.changedAtRisk).toEqual([{ path: 'ci/c.yml', added: false }]);
  });

  // A system the base already breaks: github said "this change adds 1 file only Bob knows", the text
  // and markdown did not (the session's review).
  it('says what the change touched of a system the base already breaks, in the text and markdown as in github', () => {
    const repo = buildRepo([
      { author: 'bob', write: { 'web/w1.ts': 10, 'web/w2.ts': 10 } },
      { author: 'ada', write: { '.talentrisk.yml': 'critical:\n  - name: web\n    paths: ["web/**"]\n    minOwners: 2\n' } },
    ]);
    repo.commit({ author: 'bob', branch: 'feature', write: { 'web/w9.ts': 5 } });
    const run = (...args: string[]) => runCli(['check', '--changed', 'main', '--new-only', ...UNTIL, ...args], { cwd: repo.dir });
    expect(run('--format', 'github').stdout).toContain('this change adds 1 file only Bob knows');
    const text = run('--no-color');
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/\n! web: bus factor 1 \(needs 2\): already on main \(bus factor 1 there\), not made worse; this change adds 1 file only Bob knows\n/);
    expect(run('--format', 'markdown').stdout).toContain('not made worse; this change adds 1 file only Bob knows');
  });

  it('without --new-only, and on the whole revision, the owners are named with what they author', () => {
    const repo = newcomerAddsWorkflows();
    const text = runCli(['check', '--changed', 'main', ...UNTIL, '--no-color'], { cwd: repo.dir });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('\n✗ ci: bus factor 1 (needs 2): Pat authors 4 of its 7 files; this change adds 4 files only Pat knows\n');
    const whole = runCli(['check', ...UNTIL, '--no-color'], { cwd: repo.dir });
    expect(whole.stdout).toContain('\n✗ ci: bus factor 1 (needs 2): Pat authors 4 of its 7 files\n');
    expect(whole.stdout).not.toContain('this change');
    expect(whole.stdout).toContain('  To fix: have someone else change and review the files at risk, or pair on them, until');
  });

  // vuejs/core: a pull request that only edits the config listed the passing ci-workflows (✓) before
  // the four systems already failing on main (!), while the README says violations first.
  it('lists the violations first under --new-only when the change edits the config: what fails, what fails already, then what passes', () => {
    const system = (name: string, folder: string) => `  - name: ${name}\n    paths: ["${folder}/**"]\n    minOwners: 2\n`;
    const repo = buildRepo([
      { author: 'ada', write: { 'alpha/a.ts': 10, 'alpha/b.ts': 10, 'beta/a.ts': 10, 'beta/b.ts': 10, 'gamma/a.ts': 10, 'gamma/b.ts': 10 } },
      ...[1, 2].map((): FixtureCommit => ({ author: 'bob', write: { 'gamma/a.ts': 10, 'gamma/b.ts': 10 } })),
      { author: 'ada', write: { '.talentrisk.yml': `critical:\n${system('gamma', 'gamma')}${system('alpha', 'alpha')}` } },
    ]);
    // The change adds beta, which fails on main as well.
    repo.commit({ author: 'ada', branch: 'feature', write: { '.talentrisk.yml': `critical:\n${system('gamma', 'gamma')}${system('alpha', 'alpha')}${system('beta', 'beta')}` } });
    const run = (...args: string[]) => runCli(['check', '--changed', 'main', '--new-only', ...UNTIL, '--no-color', ...args], { cwd: repo.dir });
    const text = run();
    expect(text.exitCode).toBe(0);
    expect(text.stdout.split('\n').slice(2, 5).map((line) => line.slice(0, 10).trim())).toEqual(['!  alpha', '!  beta', '✓  gamma']);
    const github = run('--format', 'github').stdout.split('\n');
    const order = (name: string) => github.findIndex((line) => line.includes(`title=${name}%3A`) || line.startsWith(`talentrisk: ${name}:`));
    expect([order('alpha'), order('beta'), order('gamma')].every((at, k, all) => at >= 0 && (k === 0 || at > (all[k - 1] as number)))).toBe(true);
    const markdown = run('--format', 'markdown').stdout;
    expect(markdown.indexOf('| ⚠️ | beta |')).toBeGreaterThan(0);
    expect(markdown.indexOf('| ⚠️ | beta |')).toBeLessThan(markdown.indexOf('| ✅ | gamma |'));
  });

  // vuejs/core: all four systems fail on main (a sole owner inactive for months); "have someone else
  // change and review the files at risk" is nothing a contributor can follow.
  it('says once, when every system fails, what a pull-request gate should run; not when one passes; under --changed, what --new-only would do', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'alpha/a.ts': 10, 'alpha/b.ts': 10, 'gamma/a.ts': 10, 'gamma/b.ts': 10 } },
      ...[1, 2].map((): FixtureCommit => ({ author: 'bob', write: { 'gamma/a.ts': 10, 'gamma/b.ts': 10 } })),
    ]);
    const config = (gammaNeeds: number) => `critical:\n  - name: alpha\n    paths: ["alpha/**"]\n    minOwners: 2\n  - name: gamma\n    paths: ["gamma/**"]\n    minOwners: ${gammaNeeds}\n`;
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config(3));
    const note =
      'Both critical systems fail on this revision, so a pull-request gate running this check fails whatever a pull request changes: gate pull requests with `talentrisk check --changed <base> --new-only`, which fails only on what the change makes worse';
    const run = (...args: string[]) => runCli(['check', ...UNTIL, '--no-color', ...args], { cwd: repo.dir });
    const text = run();
    expect(text.exitCode).toBe(1);
    // Under the systems, before the verdict.
    expect(text.stdout).toMatch(new RegExp(`\\n! ${note.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}\\n\\n✗ 2 of 2 critical systems have too few owners`));
    expect(run('--format', 'github').stdout).toContain(`::notice title=talentrisk%3A every critical system fails already::${note}\n`);
    expect(run('--format', 'markdown').stdout).toContain('\n⚠️ Both critical systems fail on this revision, so a pull-request gate running this check fails whatever a pull request changes: gate pull requests with `talentrisk check --changed <base> --new-only`, which');
    expect(checkOutputSchema.parse(JSON.parse(run('--format', 'json').stdout)).warnings).toContain(note);
    expect(run('--format', 'junit').stdout).toContain(`warning: ${note.replace('<base>', '&lt;base&gt;')}`);
    // With -o, stderr says it too.
    const written = runCli(['check', ...UNTIL, '--format', 'junit', '-o', 'report.xml'], { cwd: repo.dir });
    expect(written.stderr).toBe(`talentrisk: warning: ${note}\ntalentrisk: wrote the check to report.xml\n`);
    // One system passes: no such note.
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config(2));
    expect(run().stdout).not.toContain('pull-request gate');
    // A pull request's check is the gate itself: under --changed, when every system the change
    // touches fails, it says what --new-only would do (fastapi: a one-line fix to routing.py failed on
    // its creator's sole ownership, a CI maintainer); not under --new-only.
    repo.commit({ author: 'ada', write: { '.talentrisk.yml': config(3) } });
    repo.commit({ author: 'ada', branch: 'feature', write: { 'alpha/a.ts': 12 } });
    const changed = runCli(['check', '--changed', 'main', ...UNTIL, '--no-color'], { cwd: repo.dir });
    expect(changed.stdout).not.toContain('pull-request gate');
    expect(changed.stdout).toContain('\n! The critical system this change touches fails on the revision as a whole, whatever the change did, so a pull request that touches it passes only if it gives it enough owners: `talentrisk check --changed main --new-only` fails only on what a change makes worse\n');
    expect(runCli(['check', '--changed', 'main', '--new-only', ...UNTIL, '--no-color'], { cwd: repo.dir }).stdout).not.toContain('passes only if');
  });

  // vuejs/core at depth 50: `check --changed origin/main --allow-shallow` passed reactivity as "✓
  // reactivity 2 2 owners: …", judged on the few of its 39 files with history in the clone; only the
  // JSON's `files` hinted at it.
  it('in a shallow clone, says on how many of its files a system was judged', () => {
    const source = buildRepo([
      { author: 'ada', write: { 'core/a.ts': 10, 'core/b.ts': 10, 'core/c.ts': 10, 'core/d.ts': 10 } },
      { author: 'ada', write: { '.talentrisk.yml': 'critical:\n  - name: core\n    paths: ["core/**"]\n    minOwners: 1\n' } },
      { author: 'bob', write: { 'core/a.ts': 10 } },
      { author: 'bob', write: { 'core/a.ts': 10 } },
    ]);
    source.commit({ author: 'cy', branch: 'feature', write: { 'core/b.ts': 10 } });
    const clone = path.join(tmp(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '3', '-b', 'feature', `file://${source.dir}`, clone]);
    execFileSync('git', ['fetch', '-q', '--depth', '3', 'origin', 'main:refs/remotes/origin/main'], { cwd: clone });
    const text = runCli(['check', '--changed', 'origin/main', '--allow-shallow', ...UNTIL, '--no-color'], { cwd: clone });
    expect(text.exitCode).toBe(0);
    // Fetched: the change, Bob's two commits, and the config's at the boundary (fetching main at
    // depth 3 reached it): only a.ts and b.ts have a counted change.
    expect(text.stdout).toMatch(/\n✓ {2}core +2 +1 {2}owners: Bob, Cy; judged on 2 of its 4 files {2}2: /);
    // The commit at the boundary is fetched, and its changes are not counted: said so, not "the 4 fetched commits are read".
    expect(text.stdout).toContain('\n✓ Critical system "core" has enough owners; shallow clone: only 3 of the 4 fetched commits are counted.\n');
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'origin/main', '--allow-shallow', ...UNTIL, '--format', 'json'], { cwd: clone }).stdout));
    expect(json.systems[0]).toMatchObject({ files: 2, trackedFiles: 4 });
  });
});
