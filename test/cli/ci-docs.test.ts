import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { BIN } from '../helpers/run-cli.ts';
import { VERSION } from '../../src/version.ts';
import { assertWellFormedXml } from '../report/check-factory.ts';

// docs/ci.md is copy-pasted into real pipelines: this test runs the very commands of its YAML
// blocks (with `npx --yes talentrisk@<version>` pointing at the built CLI) in a full clone of a
// fixture repository, as a CI job would see it.

const DOC = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/ci.md'), 'utf8');

interface Block {
  heading: string;
  yaml: unknown;
  text: string;
}

function yamlBlocks(): Block[] {
  const blocks: Block[] = [];
  let heading = '';
  const pattern = /^(#+ .*)$|^```yaml\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(DOC); match; match = pattern.exec(DOC)) {
    if (match[1]) heading = match[1];
    else blocks.push({ heading, text: match[2] as string, yaml: parse(match[2] as string) });
  }
  return blocks;
}

/** The shell commands of a block: GitHub steps' `run`, GitLab jobs' `script`. */
function commandsOf(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) commandsOf(item, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'run' && typeof value === 'string') into.push(value);
      else if (key === 'script' && Array.isArray(value)) into.push(...value.map(String));
      else commandsOf(value, into);
    }
  }
  return into;
}

function run(command: string, cwd: string, env: Record<string, string>) {
  const local = command.replace(/npx --yes talentrisk@[\w.-]+/g, `node ${JSON.stringify(BIN)}`);
  const result = spawnSync('bash', ['-c', local], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC', NO_COLOR: '1', CI: 'true', ...env },
    encoding: 'utf8',
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const CONFIG = 'critical:\n  - name: payments\n    paths: ["src/pay/**"]\n  - name: auth\n    paths: ["src/auth/**"]\n';

/** A repository with .talentrisk.yml committed, cloned whole (origin/main exists), on a feature branch touching auth. */
function pipelineCheckout() {
  const source = buildRepo([
    { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10, 'src/auth/x.ts': 10, 'src/auth/y.ts': 10, '.talentrisk.yml': CONFIG } },
    { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
    { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  ]);
  const dir = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'ci-')), 'checkout');
  execFileSync('git', ['clone', '-q', `file://${source.dir}`, dir]);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@example.com' },
    });
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(dir, 'src/auth/x.ts'), 'changed by the pull request\n');
  git('commit', '-qam', 'auth: a change');
  return { dir, git };
}

describe('docs/ci.md', { tags: ['slow'] }, () => {
  const blocks = yamlBlocks();
  const github = blocks.filter((b) => b.heading.startsWith('## GitHub') || b.heading.startsWith('### '));
  const gitlab = blocks.filter((b) => b.heading.startsWith('## GitLab'));

  it('fetches the whole history in every example and runs talentrisk through npx', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const checkouts = github.filter((b) => b.text.includes('actions/checkout'));
    expect(checkouts.length).toBeGreaterThanOrEqual(2);
    for (const block of checkouts) expect(block.text).toMatch(/fetch-depth: 0\b/);
    for (const block of gitlab) expect(block.text).toMatch(/GIT_DEPTH: 0\b/);
    expect(commandsOf(github[0]?.yaml)).toEqual([`npx --yes talentrisk@${VERSION} check --format github`]);
    for (const block of blocks) for (const command of commandsOf(block.yaml)) expect(command).not.toContain('${{');
    // Every npx line pins this version: an unpinned name runs whatever the registry holds under it.
    expect(DOC.match(/npx --yes talentrisk(@\d+(\.\d+)*)?/g)?.every((use) => use === `npx --yes talentrisk@${VERSION}`)).toBe(true);
    // No step hides a failure that is not a violation (continue-on-error would hide exit 2 and 3).
    expect(DOC).not.toContain('continue-on-error');
  });

  it('the GitHub Actions workflow fails on a one-owner system with an annotation and a step summary, and passes at two owners', () => {
    const checkout = pipelineCheckout();
    const summary = path.join(checkout.dir, '..', 'step-summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request' };
    const [command] = commandsOf(github[0]?.yaml);
    const failed = run(command as string, checkout.dir, env);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/^::error file=\.talentrisk\.yml,line=2,title=payments%3A bus factor 1%2C needs 2::Critical system "payments" has bus factor 1, needs 2; sole owner: Ada \(inactive\), who authors 2 of its 2 files;/m);
    expect(readFileSync(summary, 'utf8')).toContain('| ❌ | payments | **1** | 2 | sole owner: Ada (inactive) | 2 |');

    // The pull-request variant checks only what the pull request touched: auth, which has two owners.
    const pullRequest = github.find((b) => b.heading.includes('pull request touches'));
    const [whole, changed] = commandsOf(pullRequest?.yaml);
    // The whole check runs on pushes only (CI-user test: on a pull request it failed first, on old problems).
    expect(whole).toBe(command);
    expect(pullRequest?.text).toContain("if: github.event_name != 'pull_request'\n        run: " + command);
    expect(changed).toBe(`npx --yes talentrisk@${VERSION} check --format github --changed "origin/$GITHUB_BASE_REF" --new-only`);
    const touched = run(changed as string, checkout.dir, env);
    expect(touched.stderr).toBe('');
    expect(touched.exitCode).toBe(0);
    expect(touched.stdout).toContain('talentrisk: payments: skipped (no file changed)');
    // A pull request touching payments, which already fails on main, does not make it worse: a
    // warning, not a failure (tokio: every pull request touching `time` failed on an old sole owner).
    // (Ada's own fix: she stays its sole owner.)
    writeFileSync(path.join(checkout.dir, 'src/pay/a.ts'), 'ada, a fix\n');
    execFileSync('git', ['commit', '-qam', 'payments: a fix'], { cwd: checkout.dir, env: { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' } });
    const older = run(changed as string, checkout.dir, env);
    expect(older.exitCode).toBe(0);
    expect(older.stdout).toMatch(/^::warning file=\.talentrisk\.yml,line=2,.*payments.*already on origin\/main/m);
    expect(older.stdout).not.toContain('::error');

    // Bob learns payments (he changes each file twice): two owners, and the workflow passes.
    for (let round = 0; round < 2; round++) {
      for (const file of ['src/pay/a.ts', 'src/pay/b.ts']) writeFileSync(path.join(checkout.dir, file), `bob, round ${round}\n`);
      checkout.git('commit', '-qam', `payments: round ${round}`);
    }
    const passed = run(command as string, checkout.dir, env);
    expect(passed.exitCode).toBe(0);
    expect(passed.stdout).toContain('talentrisk: Both critical systems have enough owners.');
  });

  it('the SARIF and pull-request-comment steps write files that parse', () => {
    const checkout = pipelineCheckout();
    const sarifCommand = commandsOf(github.find((b) => b.heading.includes('SARIF'))?.yaml).find((c) => c.includes('talentrisk'));
    // A violation lets the step pass (the alerts are the report).
    expect(run(sarifCommand as string, checkout.dir, {}).exitCode).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(checkout.dir, 'talentrisk.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);

    const markdownCommand = commandsOf(github.find((b) => b.heading.includes('comment'))?.yaml).find((c) => c.includes('talentrisk'));
    expect(run(markdownCommand as string, checkout.dir, {}).exitCode).toBe(0);
    expect(readFileSync(path.join(checkout.dir, 'talentrisk.md'), 'utf8')).toMatch(/^### ❌ talentrisk check: 1 of 2 critical systems has too few owners: payments\./);
    // Bad input (here no config) fails both steps instead of passing unseen.
    rmSync(path.join(checkout.dir, '.talentrisk.yml'));
    rmSync(path.join(checkout.dir, 'talentrisk.sarif'));
    rmSync(path.join(checkout.dir, 'talentrisk.md'));
    expect(run(sarifCommand as string, checkout.dir, {}).exitCode).not.toBe(0);
    expect(run(markdownCommand as string, checkout.dir, {}).exitCode).not.toBe(0);
  });

  it('the GitLab CI jobs write a JUnit report, whole pipeline and merge-request mode', () => {
    const checkout = pipelineCheckout();
    const env = { GITLAB_CI: 'true', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };
    const junit = path.join(checkout.dir, 'talentrisk-junit.xml');
    const [whole, mergeRequest] = gitlab.map((block) => commandsOf(block.yaml));
    expect(whole).toEqual([`npx --yes talentrisk@${VERSION} check --format junit --output talentrisk-junit.xml --force`]);
    expect(run(whole![0] as string, checkout.dir, env).exitCode).toBe(1);
    // Again, over the report of the first run (a workspace kept between runs: CI-user test).
    expect(run(whole![0] as string, checkout.dir, env).exitCode).toBe(1);
    const cases = assertWellFormedXml(readFileSync(junit, 'utf8'));
    expect(cases.filter((e) => e.name === 'failure')).toHaveLength(1);

    rmSync(junit);
    let last = { exitCode: -1, stdout: '', stderr: '' };
    for (const command of mergeRequest ?? []) {
      last = run(command, checkout.dir, env);
      // Nothing but where the report went, after the warnings and notes the report carries (in its
      // system-err), which stderr repeats for the job log.
      if (!existsSync(junit)) {
        expect(last.stderr).toBe('');
        continue;
      }
      const carried = /<system-err>([^<]*)<\/system-err>/.exec(readFileSync(junit, 'utf8'))?.[1] ?? '';
      const entities: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
      const said = carried.replace(/&(apos|quot|lt|gt|amp);/g, (entity) => entities[entity] as string).split('\n').filter(Boolean).map((line) => `talentrisk: ${line}\n`).join('');
      expect(last.stderr).toBe(`${said}talentrisk: wrote the check to talentrisk-junit.xml\n`);
    }
    expect(last.exitCode).toBe(0);
    expect(existsSync(junit)).toBe(true);
    const elements = assertWellFormedXml(readFileSync(junit, 'utf8'));
    expect(elements[0]?.attributes).toMatchObject({ tests: '2', failures: '0', skipped: '1' });
  });

  it('the json format the docs point scripts at matches its schema', () => {
    const checkout = pipelineCheckout();
    const result = run(`npx --yes talentrisk@${VERSION} check --format json`, checkout.dir, {});
    expect(checkOutputSchema.parse(JSON.parse(result.stdout)).passed).toBe(false);
  });
});
