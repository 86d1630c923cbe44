import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { assertWellFormedXml } from '../report/check-factory.ts';

// check --changed <base> --new-only: only what the change makes worse fails (tokio: every pull
// request touching `time` failed on a sole owner of many years).

// payments: Ada alone (bus factor 1). auth: Ada and Bob author both files (bus factor 2).
const history: FixtureCommit[] = [
  { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10, 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
];

/** The history with `config` committed on main, then `change` on a branch `feature`. */
function pullRequest(config: string, change: FixtureCommit[]) {
  const repo = buildRepo([...history, { author: 'ada', write: { '.talentrisk.yml': config } }]);
  for (const commit of change) repo.commit({ branch: 'feature', ...commit });
  return repo;
}

const PAYMENTS = '  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: 2\n';
const auth = (minOwners: number) => `  - name: auth\n    paths: ["src/auth/**"]\n    minOwners: ${minOwners}\n`;

describe('talentrisk check --changed --new-only (black box)', { tags: ['slow'] }, () => {
  it('passes a change to a system whose sole owner the base already had, saying so in every format', () => {
    const repo = pullRequest(`critical:\n${PAYMENTS}${auth(2)}`, [{ author: 'ada', write: { 'src/pay/a.ts': 12 } }]);
    expect(runCli(['check', '--changed', 'main'], { cwd: repo.dir }).exitCode).toBe(1);
    const text = runCli(['check', '--changed', 'main', '--new-only'], { cwd: repo.dir });
    expect(text.stderr).toBe('');
    expect(text.exitCode).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[2]).toMatch(/^! {2}payments +1 +2 {2}sole owner: Ada \(inactive\)/);
    expect(lines).toContain('! payments: bus factor 1 (needs 2): already on main (bus factor 1 there), not made worse; this change touches 1 file only Ada (inactive) knows');
    expect(lines).toContain('✓ Critical system "payments" is no worse than on main: it already has too few owners there (1 skipped: no file changed since main).');

    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--new-only', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json).toMatchObject({ passed: true, changed: { base: 'main', newOnly: true }, summary: { checked: 1, violations: 1, preexisting: 1 } });
    expect(json.systems[0]?.violations).toEqual([{ rule: 'minOwners', required: 2, actual: 1, message: expect.any(String), new: false, base: { broken: true, actual: 1 } }]);
    // Without --new-only they are not there (the entries stay those of scan's `critical`).
    const plain = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(Object.keys(plain.systems[0]?.violations[0] ?? {})).toEqual(['rule', 'required', 'actual', 'message']);
    expect(plain.summary.preexisting).toBe(0);

    const github = runCli(['check', '--changed', 'main', '--new-only', '--format', 'github'], { cwd: repo.dir });
    expect(github.exitCode).toBe(0);
    expect(github.stdout).not.toContain('::error');
    expect(github.stdout).toContain('::warning file=.talentrisk.yml,line=2,title=payments%3A bus factor 1%2C needs 2 (already on main)::');
    expect(github.stdout).toContain('Against main: bus factor 1 (needs 2): already on main (bus factor 1 there), not made worse.');

    const junit = runCli(['check', '--changed', 'main', '--new-only', '--format', 'junit'], { cwd: repo.dir });
    expect(junit.exitCode).toBe(0);
    const elements = assertWellFormedXml(junit.stdout);
    expect(elements.filter((e) => e.name === 'failure')).toEqual([]);
    expect(elements.find((e) => e.name === 'testsuites')?.attributes.failures).toBe('0');
    expect(junit.stdout).toContain('already on main (bus factor 1 there), not made worse');

    const sarif = JSON.parse(runCli(['check', '--changed', 'main', '--new-only', '--format', 'sarif'], { cwd: repo.dir }).stdout) as { runs: { results: { level: string; baselineState: string }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => [r.level, r.baselineState])).toEqual([['warning', 'unchanged']]);

    const markdown = runCli(['check', '--changed', 'main', '--new-only', '--format', 'markdown'], { cwd: repo.dir });
    expect(markdown.stdout).toContain('| ⚠️ | payments | 1 | 2 | sole owner: Ada (inactive) | 2 |');
    expect(markdown.stdout).toContain('- ⚠️ **payments**: bus factor 1 (needs 2): already on main (bus factor 1 there), not made worse');
    expect(markdown.stdout).toMatch(/^### ✅ /);
  });

  it('fails on a sole owner the change introduces, and on a system the change creates', () => {
    // Ada adds three files to auth that only she authors: 2 of its 5 files keep an author without her.
    const repo = pullRequest(`critical:\n${auth(2)}  - name: billing\n    paths: ["src/billing/**"]\n    minOwners: 2\n`, [{ author: 'ada', write: { 'src/auth/z1.ts': 20, 'src/auth/z2.ts': 20, 'src/auth/z3.ts': 20, 'src/billing/run.ts': 5 } }]);
    const text = runCli(['check', '--changed', 'main', '--new-only'], { cwd: repo.dir });
    expect(text.exitCode).toBe(1);
    // What the owner authors and what the change adds that only she knows, beside how it stands on main.
    expect(text.stdout).toMatch(/\n✗ auth: bus factor 1 \(needs 2\): Ada( \(inactive\))? authors 5 of its 5 files; new since main \(bus factor 2 there\); this change adds 3 files only Ada( \(inactive\))? knows\n/);
    expect(text.stdout).toMatch(/\n✗ billing: bus factor 1 \(needs 2\): Ada( \(inactive\))? authors its file; new: no analysed file of it on main; this change adds 1 file only Ada( \(inactive\))? knows\n/);
    expect(text.stdout).toContain('✗ 2 of 2 critical systems have too few owners (new or worse than on main): auth, billing.\n');
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--new-only', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json.systems.map((s) => s.violations.map((v) => [v.new, v.base]))).toEqual([[[true, { broken: false, actual: 2 }]], [[true, { broken: false, actual: null }]]]);
    expect(json.summary.preexisting).toBe(0);
    expect(runCli(['check', '--changed', 'main', '--new-only', '--format', 'github'], { cwd: repo.dir }).stdout).toContain('::error file=.talentrisk.yml,line=2,title=auth%3A bus factor 1%2C needs 2::');
  });

  it('fails on a worse figure than the base’s, and names what the base already breaks beside it', () => {
    // auth needs 3: 2 at the base, 1 after the change. payments: 1 before and after.
    const repo = pullRequest(`critical:\n${PAYMENTS}${auth(3)}`, [{ author: 'ada', write: { 'src/auth/z1.ts': 20, 'src/auth/z2.ts': 20, 'src/auth/z3.ts': 20, 'src/pay/a.ts': 12 } }]);
    const text = runCli(['check', '--changed', 'main', '--new-only'], { cwd: repo.dir });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/^✗ {2}auth +1 +3 .*\n! {2}payments +1 +2 /m);
    expect(text.stdout).toMatch(/\n✗ auth: bus factor 1 \(needs 3\): Ada( \(inactive\))? authors 5 of its 5 files; worse than on main \(bus factor 2 there\); this change adds 3 files only Ada( \(inactive\))? knows\n/);
    expect(text.stdout).toContain('! payments: bus factor 1 (needs 2): already on main (bus factor 1 there), not made worse; this change touches 1 file only Ada (inactive) knows\n');
    expect(text.stdout).toContain('✗ 1 of 2 critical systems has too few owners (new or worse than on main): auth; already on main, not made worse: payments.\n');
    const junit = assertWellFormedXml(runCli(['check', '--changed', 'main', '--new-only', '--format', 'junit'], { cwd: repo.dir }).stdout);
    expect(junit.filter((e) => e.name === 'failure')).toHaveLength(1);
    const sarif = JSON.parse(runCli(['check', '--changed', 'main', '--new-only', '--format', 'sarif'], { cwd: repo.dir }).stdout) as { runs: { results: { level: string; baselineState: string }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => [r.level, r.baselineState])).toEqual([
      ['error', 'updated'],
      ['warning', 'unchanged'],
    ]);
  });

  // A review: one rule broken anew beside one the base broke as badly read as both failing (✗) and
  // not made worse (!), and markdown gave the old one ❌ too.
  it('marks as failing only the rules broken anew or worse, not the ones already on the base beside them', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'core/a.ts': 10, 'core/b.ts': 10, 'core/c.ts': 10, 'core/d.ts': 10 } },
      { author: 'leo', write: { 'core/d.ts': 12 } },
      { author: 'ada', write: { '.talentrisk.yml': 'critical:\n  - name: core\n    paths: ["core/**"]\n    minOwners: 2\n    maxKnowledgeLoss: 0.2\n' } },
    ]);
    repo.commit({ author: 'leo', branch: 'feature', write: { 'core/e.ts': 5, 'core/f.ts': 5 } });
    const text = runCli(['check', '--changed', 'main', '--new-only', '--leaving', 'Leo', '--no-color'], { cwd: repo.dir });
    expect(text.exitCode).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('✗ core:'))).toEqual([
      // The change's two files are those Leo's departure orphans.
      '✗ core: this change adds 2 files with no author',
      '✗ core: without Leo, 33% of its files lose their last author (2 of 6; at most 20% allowed)',
      expect.stringMatching(/^✗ core: departures orphan 33% \(at most 20%\): new since main/),
    ]);
    expect(lines).toContain('! core: bus factor 1 (needs 2): already on main (bus factor 1 there), not made worse');
    const markdown = runCli(['check', '--changed', 'main', '--new-only', '--leaving', 'Leo', '--format', 'markdown'], { cwd: repo.dir }).stdout;
    expect(markdown).not.toContain('- ❌ **core**: bus factor');
    expect(markdown).toContain('- ⚠️ **core**: bus factor 1 (needs 2): already on main');
  });

  // ohmyzsh at depth 50 (a CI maintainer): entrypoint "made worse" and plugin-git "already broken",
  // where the full clone said the opposite. On the fetched commits alone the change weighs far more.
  it('refuses (exit 2) in a shallow clone that cuts the base’s history, with the fix; without --new-only it checks', () => {
    const repo = pullRequest(`critical:\n${PAYMENTS}${auth(2)}`, [{ author: 'ada', write: { 'src/pay/a.ts': 12 } }]);
    // As CI fetches a pull request: a few commits of it and of its base branch.
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '3', '--no-single-branch', '--branch', 'feature', `file://${repo.dir}`, clone]);
    const refused = runCli(['check', '--changed', 'origin/main', '--allow-shallow', '--new-only'], { cwd: clone });
    expect(refused.exitCode).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^talentrisk: --new-only compares the change with origin\/main, and this shallow clone cuts origin\/main's history \(at [0-9a-f]{12}\): on the fetched commits alone the change weighs far more than in the whole history, so the comparison can blame the wrong system\n/,
    );
    expect(refused.stderr).toContain('  fetch the whole history (`fetch-depth: 0` on actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`); or leave out --new-only to check the fetched history as it is\n');
    const github = runCli(['check', '--changed', 'origin/main', '--allow-shallow', '--new-only', '--format', 'github'], { cwd: clone });
    expect(github.exitCode).toBe(2);
    expect(github.stdout).toMatch(/^::error title=talentrisk%3A cannot check::--new-only compares the change with origin\/main, and this shallow clone cuts/);
    // The fetched history as it is, with its caveat: not refused.
    expect(runCli(['check', '--changed', 'origin/main', '--allow-shallow'], { cwd: clone }).exitCode).not.toBe(2);
  });

  it('warns in every format when only the change’s own history is cut (a shallow fetch merged into it)', () => {
    const repo = pullRequest(`critical:\n${PAYMENTS}${auth(2)}`, []);
    // An unrelated history, fetched at depth 1 into a full clone of main and merged by the change.
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.git('rm', '-rqf', '.');
    repo.commit({ author: 'cy', write: { 'lib/x.ts': 5 } });
    repo.commit({ author: 'cy', write: { 'lib/x.ts': 6 } });
    repo.git('checkout', '-q', 'main');
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--single-branch', '--branch', 'main', `file://${repo.dir}`, clone]);
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@example.com' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, env, stdio: 'pipe' });
    git('fetch', '-q', '--depth', '1', 'origin', 'other:refs/remotes/origin/other');
    git('checkout', '-q', '-b', 'feature');
    git('merge', '-q', '--allow-unrelated-histories', '--no-edit', 'origin/other');
    writeFileSync(path.join(clone, 'src/pay/a.ts'), 'changed\n');
    git('commit', '-qam', 'pay');
    const warning = /--new-only in a shallow clone: the change's history is cut \(at [0-9a-f]{12}\) while main's is whole, so its figures rest on the fetched commits only and the comparison with main is unreliable; fetch the whole history/;
    const text = runCli(['check', '--changed', 'main', '--allow-shallow', '--new-only', '--no-color'], { cwd: clone });
    expect(text.exitCode).not.toBe(2);
    expect(text.stdout).toMatch(new RegExp(`\nwarning: ${warning.source}`));
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--allow-shallow', '--new-only', '--format', 'json'], { cwd: clone }).stdout));
    expect(json.warnings.some((line) => warning.test(line))).toBe(true);
    expect(runCli(['check', '--changed', 'main', '--allow-shallow', '--new-only', '--format', 'github'], { cwd: clone }).stdout).toMatch(new RegExp(`::warning title=talentrisk::${warning.source}`));
    // (Escaped for XML and markdown.)
    expect(runCli(['check', '--changed', 'main', '--allow-shallow', '--new-only', '--format', 'junit'], { cwd: clone }).stdout).toContain('so its figures rest on the fetched commits only and the comparison with main is unreliable');
    expect(runCli(['check', '--changed', 'main', '--allow-shallow', '--new-only', '--format', 'markdown'], { cwd: clone }).stdout).toContain('so its figures rest on the fetched commits only and the comparison with main is unreliable');
  });

  it('--new-only without --changed is a usage error (exit 2)', () => {
    const repo = pullRequest(`critical:\n${PAYMENTS}`, []);
    const result = runCli(['check', '--new-only'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'talentrisk: --new-only judges a change against its base, and needs --changed <base-ref>\n' +
        '  add it: `--changed origin/main --new-only`; pass the branch the pull request merges into, e.g. `--changed origin/main` (in GitHub Actions: `origin/${{ github.base_ref }}`; in GitLab CI: `origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME`)\n',
    );
  });

  it('judges the base by the revision’s config, and says so when the change edits it', () => {
    // The change raises payments' rule and touches no file of it: the base breaks the new rule as badly.
    const repo = pullRequest(`critical:\n${auth(2)}`, [{ author: 'bob', write: { '.talentrisk.yml': `critical:\n${PAYMENTS}${auth(2)}` } }]);
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--new-only', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json.passed).toBe(true);
    expect(json.summary).toMatchObject({ checked: 2, preexisting: 1 });
    expect(json.warnings).toContain(
      '.talentrisk.yml changed since main: every critical system is checked; --new-only judges main by this config too, so a rule the change adds or tightens fails only where the change makes the figure worse',
    );
  });

  it('a departure of someone who joined in the change is no unknown person at the base', () => {
    const repo = pullRequest(`critical:\n${auth(2)}`, [{ author: 'cy', write: { 'src/auth/x.ts': 2 } }]);
    const result = runCli(['check', '--changed', 'main', '--new-only', '--leaving', 'Cy', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(checkOutputSchema.parse(JSON.parse(result.stdout)).departing).toEqual([{ id: 'cy@example.com', name: 'Cy' }]);
  });

  it('reads the merge base first, so that the revision’s walk reads from git only the change’s commits (its list extends the base’s)', () => {
    const repo = pullRequest(`critical:\n${PAYMENTS}`, [{ author: 'ada', write: { 'src/pay/a.ts': 12 } }, { author: 'ada', write: { 'src/pay/b.ts': 12 } }]);
    // git's trace2 (set in a global config: the environment passes GIT_CONFIG_GLOBAL to git) lists every git process.
    const trace = path.join(repo.dir, '..', `${path.basename(repo.dir)}-trace.txt`);
    const config = path.join(repo.dir, '..', `${path.basename(repo.dir)}-gitconfig`);
    writeFileSync(config, `[trace2]\n\tnormalTarget = ${trace}\n`);
    expect(runCli(['check', '--changed', 'main', '--new-only'], { cwd: repo.dir, env: { GIT_CONFIG_GLOBAL: config } }).exitCode).toBe(0);
    const started = readFileSync(trace, 'utf8')
      .split('\n')
      .flatMap((line) => / start (git .*)$/.exec(line)?.[1] ?? []);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const base = repo.git('rev-parse', 'main').trim();
    const lists = started.filter((command) => command.startsWith('git rev-list --date-order'));
    expect(lists).toEqual([`git rev-list --date-order --timestamp --parents ${base}`, `git rev-list --date-order --timestamp --parents ${head} ^${base}`]);
  });
});
