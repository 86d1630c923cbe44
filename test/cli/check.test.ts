import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { assertWellFormedXml } from '../report/check-factory.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = () => mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'check-'));

// payments: only Ada ever touched it → bus factor 1. auth: Ada created both files and Bob changed
// each twice → both are authors of both files (normDOA 0.897 > 0.75) → bus factor 2.
const history: FixtureCommit[] = [
  { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10, 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
];

const PAYMENTS = '  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: 2\n';
const AUTH = '  - name: auth\n    paths: ["src/auth/**"]\n';
const DEPLOY = '  - name: deploy\n    paths: ["deploy/**"]\n';

function repoWith(config: string | undefined) {
  const repo = buildRepo(history);
  if (config !== undefined) writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config);
  return repo;
}

describe('talentrisk check (black box)', { tags: ['slow'] }, () => {
  it('exits 1 when a critical path has a single owner, naming the owner and the files at risk', () => {
    const repo = repoWith(`critical:\n${PAYMENTS}${AUTH}`);
    const result = runCli(['check'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toMatch(/^✗ {2}payments +1 +2 {2}sole owner: Ada \(inactive\) +2: src\/pay\/a\.ts \+1 more$/);
    // Bob first: same files authored, more changes (DL 2 per file against Ada's FA 1), METRICS.md §5.
    expect(lines[3]).toMatch(/^✓ {2}auth +2 +2 {2}owners: Bob \(inactive\), Ada \(inactive\)$/);
    expect(lines).toContain('✗ 1 of 2 critical systems has too few owners: payments.');
    // Measured from today, the fixture's 2024 history makes them inactive: said, with the way to judge
    // them as of its last commit (prometheus, 108 days old: a CI maintainer read active people as gone).
    expect(lines.at(-2)).toMatch(/^warning: inactivity is measured from \d{4}-\d\d-\d\d, \d+ days after the revision's last commit \(2024-01-04\): Ada, Bob had committed within 180 days of it; `--until 2024-01-04` judges them as of that day$/);
    expect(runCli(['check', '--until', '2024-01-04'], { cwd: repo.dir }).stdout).not.toContain('inactivity is measured');
  });

  it('reads a committed config that a sparse checkout leaves out, and init will not write over it (it read "no .talentrisk.yml", and init replaced it)', () => {
    const repo = buildRepo([...history, { author: 'ada', write: { '.talentrisk.yml': `critical:\n${PAYMENTS}` } }]);
    repo.git('sparse-checkout', 'set', '--no-cone', '/src/pay/');
    expect(existsSync(path.join(repo.dir, '.talentrisk.yml'))).toBe(false);
    const result = runCli(['check'], { cwd: repo.dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^✗ {2}payments +1 +2 /m);
    const init = runCli(['init'], { cwd: repo.dir });
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe(".talentrisk.yml is committed but not checked out (a sparse checkout), and the commands read it from the index\n  check it out to edit it: `git sparse-checkout add '/.talentrisk.yml'`, or pass --output <file> to write a starter config elsewhere\n".replace(/^/, 'talentrisk: '));
    expect(existsSync(path.join(repo.dir, '.talentrisk.yml'))).toBe(false);
  });

  it('exits 0 when the critical path has two owners', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    const result = runCli(['check', '--format', 'json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    const output = checkOutputSchema.parse(JSON.parse(result.stdout));
    expect(output).toMatchObject({ passed: true, summary: { systems: 1, checked: 1, ok: 1, violations: 0 } });
    expect(output.systems[0]).toMatchObject({ name: 'auth', busFactor: 2, configLine: 2, owners: [{ name: 'Bob' }, { name: 'Ada' }] });
  });

  it('exits 2 when a system’s globs match no analysed file, pointing at the line, and writes nothing', () => {
    const repo = repoWith(`version: 1\ncritical:\n${AUTH}${DEPLOY}`);
    const result = runCli(['check', '--output', 'report.txt'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'talentrisk: .talentrisk.yml:6:12 critical.1.paths: no analysed file matches "deploy/**" (system "deploy")\n' +
        '  globs are relative to the repository root (`**/` matches any folder) and only analysed files count: `talentrisk scan --format json` lists them\n',
    );
    expect(existsSync(path.join(repo.dir, 'report.txt'))).toBe(false);
  });

  it('points a glob that matches nothing at its own line in every format (the text report, stderr and GitHub annotations)', () => {
    const repo = repoWith('critical:\n  - name: auth\n    paths:\n      - "src/auth/**"\n      - "legacy/auth/**"\n      - "src/aut/*.ts"\n');
    // The text report carries it, -q or not (power-user test: on stderr only, -q dropped it).
    for (const args of [['check'], ['check', '-q']]) {
      const text = runCli(args, { cwd: repo.dir });
      expect(text.stdout).toContain('\nwarning: .talentrisk.yml:5:9 critical.0.paths.1: "legacy/auth/**" matches no analysed file\n');
      expect(text.stderr).toBe('');
    }
    const json = runCli(['check', '--format', 'json'], { cwd: repo.dir });
    expect(json.stderr).toContain('talentrisk: warning: .talentrisk.yml:5:9 critical.0.paths.1: "legacy/auth/**" matches no analysed file');
    // Beside live globs, a dead one says what it most likely meant, as a system matching nothing does.
    expect(json.stderr).toContain('talentrisk: warning: .talentrisk.yml:6:9 critical.0.paths.2: "src/aut/*.ts" matches no analysed file; did you mean "src/auth/*.ts"?');
    const github = runCli(['check', '--format', 'github'], { cwd: repo.dir });
    expect(github.stdout).toContain('::warning file=.talentrisk.yml,line=5,title=auth%3A unused glob::');
    expect(github.stdout).toContain('::warning file=.talentrisk.yml,line=6,title=auth%3A unused glob::critical system "auth": the glob "src/aut/*.ts" matches no analysed file; did you mean "src/auth/*.ts"?');
  });

  it('exits 2 without a config, or with no critical system, and says to run init', () => {
    const none = runCli(['check'], { cwd: repoWith(undefined).dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe(
      'talentrisk: no .talentrisk.yml in .: check needs the critical systems to check\n' +
        '  run `talentrisk init` to write a starter config, then uncomment the systems that matter under `critical:`\n',
    );
    // From elsewhere, init is told where the repository is (as `check <path>` was).
    const elsewhere = repoWith(undefined).dir;
    const away = runCli(['check', path.basename(elsewhere)], { cwd: path.dirname(elsewhere) });
    expect(away.stderr).toBe(
      `talentrisk: no .talentrisk.yml in ${path.basename(elsewhere)}: check needs the critical systems to check\n` +
        `  run \`talentrisk init ${path.basename(elsewhere)}\` to write a starter config, then uncomment the systems that matter under \`critical:\`\n`,
    );
    // A bare repository: init cannot write there (hostile-repository test: the hint sent users to it).
    const bare = path.join(tmp(), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repoWith(undefined).dir, bare]);
    expect(runCli(['check'], { cwd: bare }).stderr).toBe(
      'talentrisk: no .talentrisk.yml in HEAD (bare repository .): check needs the critical systems to check\n' +
        '  commit one (run `talentrisk init` in a clone to write a starter config), or pass --config <file>\n',
    );
    // A committed link in a bare repository read as its target's name ("got the text conf/t.yml": review).
    const linked = repoWith(undefined);
    writeFileSync(path.join(linked.dir, 't.yml'), 'critical: [{ name: x, paths: ["**"], minOwners: 1 }]\n');
    linked.git('add', 't.yml');
    execFileSync('ln', ['-s', 't.yml', '.talentrisk.yml'], { cwd: linked.dir });
    linked.git('add', '.talentrisk.yml');
    linked.git('commit', '-q', '-m', 'config');
    const linkedBare = path.join(tmp(), 'linked.git');
    execFileSync('git', ['clone', '-q', '--bare', linked.dir, linkedBare]);
    expect(runCli(['check'], { cwd: linkedBare }).stderr.split('\n')[0]).toBe('talentrisk: HEAD:.talentrisk.yml is a symbolic link (to t.yml); in a bare repository talentrisk reads only a regular file');
    // A committed folder read as its listing ("got the text 100644 blob 587be6…": adversarial test).
    const folder = repoWith(undefined);
    mkdirSync(path.join(folder.dir, '.talentrisk.yml'));
    writeFileSync(path.join(folder.dir, '.talentrisk.yml', 'x'), 'x\n');
    folder.git('add', '.talentrisk.yml');
    folder.git('commit', '-q', '-m', 'a folder');
    const folderBare = path.join(tmp(), 'folder.git');
    execFileSync('git', ['clone', '-q', '--bare', folder.dir, folderBare]);
    const inFolder = runCli(['check'], { cwd: folderBare });
    expect(inFolder.exitCode).toBe(2);
    expect(inFolder.stderr.split('\n')[0]).toBe('talentrisk: HEAD:.talentrisk.yml is a folder, not a config file');
    const empty = runCli(['check'], { cwd: repoWith('version: 1\ncritical:\n  # - name: x\n').dir });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr.split('\n')[0]).toBe('talentrisk: .talentrisk.yml:2:10 critical: no critical system is listed, so there is nothing to check');
    expect(empty.stderr).toContain('`talentrisk init` lists candidates');
  });

  it('exits 2 on an invalid config with every problem and its file:line:col (the fixture’s exact message)', () => {
    const repo = repoWith(undefined);
    const fixture = 'fixtures/configs/invalid/min-owners.yml';
    const result = runCli(['check', repo.dir, '--config', fixture], { cwd: PROJECT });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(readFileSync(path.join(PROJECT, 'fixtures/configs/invalid/min-owners.expected.txt'), 'utf8'));
  });

  it('exits 2 on an unknown format, listing the valid ones', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    const result = runCli(['check', '--format', 'xml'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, github, markdown, sarif, junit.");
    // GitLab reads JUnit: say so to whoever asks for it (ohmyzsh, a CI maintainer).
    const gitlab = runCli(['check', '-f', 'gitlab'], { cwd: repo.dir });
    expect(gitlab.exitCode).toBe(2);
    expect(gitlab.stderr).toContain("argument 'gitlab' is invalid. Allowed choices are text, json, github, markdown, sarif, junit; for GitLab use junit (see docs/ci.md).");
  });

  // From outside the repository, `-c ok-sys.yml` was shown as "../ok-sys.yml", its path from the
  // repository's root, which named no file where the user was (a re-test).
  it('names the config as the user did in the text report, and from the repository root in annotations', () => {
    const repo = repoWith(undefined);
    const parent = path.dirname(repo.dir);
    const name = `${path.basename(repo.dir)}-systems.yml`;
    writeFileSync(path.join(parent, name), `critical:\n${PAYMENTS}`);
    try {
      const text = runCli(['check', path.basename(repo.dir), '-c', name, '--no-color'], { cwd: parent }).stdout;
      expect(text).toContain(`talentrisk check · ${name} · `);
      expect(text).toContain(`change it in ${name}.`);
      // Outside the repository: no `file=` GitHub cannot attach (ohmyzsh, a CI maintainer: `file=../init.yml`).
      const github = runCli(['check', path.basename(repo.dir), '-c', name, '--format', 'github'], { cwd: parent }).stdout;
      expect(github).toContain('::error title=payments%3A bus factor 1%2C needs 2::');
      expect(github).not.toContain('file=');
    } finally {
      rmSync(path.join(parent, name));
    }
  });

  it('takes scan\'s word for the plain report (`--format table`) as its own `text`', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    const table = runCli(['check', '--format', 'table'], { cwd: repo.dir });
    const text = runCli(['check', '--format', 'text'], { cwd: repo.dir });
    expect(table.stderr).not.toContain('invalid');
    expect(table.exitCode).toBe(text.exitCode);
    expect(table.stdout).toBe(text.stdout);
    expect(table.stdout).toContain('auth');
  });

  it('github: annotations at the config line of the system, and the markdown summary appended to GITHUB_STEP_SUMMARY', () => {
    const repo = repoWith(`critical:\n${AUTH}${PAYMENTS}`);
    const summary = path.join(tmp(), 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const result = runCli(['check', '--format', 'github'], { cwd: repo.dir, env: { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      // Everyone inactive: nobody keeps the files (vuejs/core: check named an inactive owner, and not who keeps the files).
      '::error file=.talentrisk.yml,line=4,title=payments%3A bus factor 1%2C needs 2::Critical system "payments" has bus factor 1, needs 2; sole owner: Ada (inactive), who authors 2 of its 2 files; 2 files at risk: src/pay/a.ts, src/pay/b.ts. Its sole owner Ada (no commit since 2024-01-02) is inactive; nobody active has been keeping its files.',
      'talentrisk: auth: ok (bus factor 2, needs 2; owners: Bob (inactive), Ada (inactive))',
      // In the job log too, as text and markdown say it (flask: only the step summary had it).
      '::warning file=.talentrisk.yml,line=2,title=auth%3A inactive owners::auth passes on 2 owners who are all inactive: Bob (no commit since 2024-01-04), Ada (no commit since 2024-01-02); nobody active has been keeping its files',
      // The advice once, after the systems (tokio: four annotations said it).
      'talentrisk: The bus factor counts inactive owners: to gate on who is active, set `model.treatInactiveAsDeparted: true` or declare them gone (`--leaving`, or config `departures`).',
      // Today's date in it: the 2024 fixture is years old.
      expect.stringMatching(/^::warning title=talentrisk::inactivity is measured from \d{4}-\d\d-\d\d, \d+ days after the revision's last commit \(2024-01-04\): Ada, Bob had committed/),
      'talentrisk: 1 of 2 critical systems has too few owners: payments.',
      'talentrisk: To fix: have someone else change and review the files at risk, or pair on them, until they have another author (`talentrisk explain <path>` shows who knows a file); if a rule asks more than the team can hold, change it in .talentrisk.yml.',
      '',
    ]);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n### ❌ talentrisk check: 1 of 2 critical systems has too few owners: payments.\n')).toBe(true);
    expect(text).toContain('| ❌ | payments | **1** | 2 | sole owner: Ada (inactive) | 2 |');
  });

  it('marks owners who stopped committing "(inactive)" in the formats people read, and lists them in JSON (babel: the gate passed on owners gone for years)', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2023-01-01T10:00:00Z', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10, 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
      { author: 'bob', at: '2024-06-01T10:00:00Z', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
      { author: 'bob', at: '2024-06-02T10:00:00Z', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
    ]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), `critical:\n${PAYMENTS}${AUTH}`);
    const run = (...args: string[]) => runCli(['check', '--until', '2024-07-01', '--no-color', ...args], { cwd: repo.dir }).stdout;
    expect(run()).toMatch(/✗ {2}payments +1 +2 {2}sole owner: Ada \(inactive\)/);
    expect(run()).toMatch(/✓ {2}auth +2 +2 {2}owners: Bob, Ada \(inactive\)/);
    expect(run('--format', 'markdown')).toContain('| ❌ | payments | **1** | 2 | sole owner: Ada (inactive) | 2 |');
    expect(run('--format', 'markdown')).toContain('only Ada (inactive) knows it');
    const json = checkOutputSchema.parse(JSON.parse(run('--format', 'json')));
    expect(json.inactive).toEqual([{ id: 'ada@example.com', name: 'Ada', lastCommit: '2023-01-01T10:00:00.000Z' }]);
    expect(json.systems[0]?.owners.map((o) => o.name)).toEqual(['Ada']);
    // SARIF keeps names as they are (its properties are matched by name: a review).
    expect(JSON.parse(run('--format', 'sarif')).runs[0].results[0].properties.owners).toEqual(['Ada']);
    // A day Ada was still active: no mark; the published model has no inactivity.
    expect(runCli(['check', '--until', '2023-03-01', '--no-color'], { cwd: repo.dir }).stdout).not.toContain('(inactive)');
    expect(run('--model', 'classic')).not.toContain('(inactive)');
    // scan's critical systems mark them the same way.
    expect(runCli(['scan', '--until', '2024-07-01', '--no-color'], { cwd: repo.dir }).stdout).toMatch(/✗ {2}payments +1 +2 {2}sole owner: Ada \(inactive\)/);
    // A system that passes on owners who are all inactive says so (requests: "✓ auth 2 2 owners:
    // Kenneth Reitz (inactive), Shivaram Lingamneni (inactive)" and nothing more, a team lead's test).
    // Per system the facts (who, since when); what to do about it once, under them (tokio: four
    // 250-character lines gave the same advice).
    const note = 'auth: passes on 2 owners who are all inactive: Bob (no commit since 2024-06-02), Ada (no commit since 2023-01-01); nobody active has been keeping its files';
    const advice = 'The bus factor counts inactive owners: to gate on who is active, set `model.treatInactiveAsDeparted: true` or declare them gone (`--leaving`, or config `departures`).';
    const later = (...args: string[]) => runCli(['check', '--until', '2025-06-01', '--no-color', ...args], { cwd: repo.dir }).stdout;
    expect(later()).toContain(`\n! ${note}\n  ${advice}\n`);
    expect(later('--format', 'markdown')).toContain(`- ⚠️ **auth**: passes on 2 owners who are all inactive: Bob (no commit since 2024-06-02), Ada (no commit since 2023-01-01); nobody active has been keeping its files\n  The bus factor counts inactive owners: to gate on who is active, set \`model.treatInactiveAsDeparted: true\``);
    // scan says who is inactive, not who keeps the files (check's keeper).
    const scanNote = note.replace('; nobody active has been keeping its files', '');
    expect(runCli(['scan', '--until', '2025-06-01', '--no-color'], { cwd: repo.dir }).stdout).toContain(`\n  ! ${scanNote}\n    ${advice}\n`);
    // The JSON documents carry it as a warning, as the text does (a dashboard read none of it: ripgrep).
    // (Measured from --until 2025-06-01, a year after the last commit: Bob, active then, is said.)
    const stale = "inactivity is measured from 2025-06-01, 364 days after the revision's last commit (2024-06-02): Bob had committed within 180 days of it; `--until 2024-06-02` judges them as of that day";
    // Who keeps the failing payments too, as the text says it under the systems (vuejs/core: the
    // JSON had the passing system's note only, a CI maintainer).
    const kept = 'payments: its sole owner Ada (no commit since 2023-01-01) is inactive; nobody active has been keeping its files';
    expect(later()).toContain(`\n! ${kept}\n`);
    expect(JSON.parse(later('--format', 'json')).warnings).toEqual([stale, kept, note, advice]);
    expect(later('--format', 'junit')).toContain(`warning: ${kept}\n`);
    expect(JSON.parse(runCli(['scan', '--until', '2025-06-01', '--format', 'json', '-q'], { cwd: repo.dir }).stdout).warnings).toEqual(expect.arrayContaining([scanNote, advice]));
    // One active owner of the two auth needs: said too (gson: "owners: Jesse Wilson (inactive),
    // Marcono1234" passed with 2 needed and no word, an EM's test).
    const partial = 'auth: passes on 2 owners, but only 1 of them is active (needs 2); inactive: Ada (no commit since 2023-01-01)';
    expect(run()).toContain(`\n! ${partial}\n  ${advice}\n`);
    expect(JSON.parse(run('--format', 'json')).warnings).toEqual([kept, partial, advice]);
    // junit's system-err too (undici: junit alone lacked it, a CI test).
    expect(run('--format', 'junit')).toContain(`warning: ${partial}`);
    // Enough active owners: no note.
    expect(runCli(['check', '--until', '2023-02-01', '--no-color'], { cwd: repo.dir }).stdout).not.toContain('passes on');
  });

  // pytest: the gate passed on owners inactive for years, and listing 51 of them as departures was
  // the only way to gate on who is active (a team lead; model.treatInactiveAsDeparted changed nothing).
  it('counts inactive developers as gone with model.treatInactiveAsDeparted, in every format and in scan', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2023-01-01T10:00:00Z', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
      { author: 'bob', at: '2024-06-01T10:00:00Z', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
      { author: 'bob', at: '2024-06-02T10:00:00Z', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
    ]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), `critical:\n${AUTH}`);
    const check = (...args: string[]) => runCli(['check', '--until', '2024-07-01', '--no-color', ...args], { cwd: repo.dir });
    expect(check().exitCode).toBe(0);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), `model:\n  treatInactiveAsDeparted: true\ncritical:\n${AUTH}`);
    const text = check();
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('after departures: 1 inactive developer (model.treatInactiveAsDeparted) — owners and bus factors are without them');
    expect(text.stdout).toMatch(/✗ {2}auth +1 +2 {2}sole owner: Bob/);
    const json = JSON.parse(check('--format', 'json').stdout);
    expect(json.inactiveGone).toBe(1);
    expect(json.systems[0]).toMatchObject({ busFactor: 1, owners: [{ name: 'Bob' }] });
    expect(check('--format', 'markdown').stdout).toContain('1 inactive developer (model.treatInactiveAsDeparted)');
    // scan's critical systems agree with check, and its JSON says so (a review).
    expect(runCli(['scan', '--until', '2024-07-01', '--no-color'], { cwd: repo.dir }).stdout).toMatch(/Critical systems \(\.talentrisk\.yml; without 1 inactive developer: 1 of 1 failing/);
    expect(JSON.parse(runCli(['scan', '--until', '2024-07-01', '--format', 'json', '-q'], { cwd: repo.dir }).stdout)).toMatchObject({ criticalInactiveGone: 1, critical: [{ name: 'auth', busFactor: 1 }] });
    // The handoff judges the systems as check does: auth fails today, and Bob's leaving takes it to 0
    // (a review: it said "2 → 1", blaming Bob for today's failure).
    expect(runCli(['handoff', 'bob', '--until', '2024-07-01', '-q'], { cwd: repo.dir }).stdout).toMatch(/auth\*?\*?:? bus factor 1 → 0/);
    // The published model has no inactivity.
    expect(check('--model', 'classic').exitCode).toBe(0);
  });

  it('a check that cannot run (exit 2) replaces an --output --force report with why it could not run, or removes it (a CI test: the last good report stayed)', () => {
    const repo = repoWith(`critical:\n${PAYMENTS}${AUTH}`);
    const report = (name: string) => path.join(repo.dir, name);
    for (const format of ['junit', 'sarif', 'markdown', 'json']) {
      expect(runCli(['check', '--format', format, '-o', `report.${format}`, '--force'], { cwd: repo.dir }).exitCode).toBe(1);
    }
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: payments\n    path: ["src/pay/**"]\n');
    for (const format of ['junit', 'sarif', 'markdown', 'json']) {
      expect(runCli(['check', '--format', format, '-o', `report.${format}`, '--force'], { cwd: repo.dir }).exitCode).toBe(2);
    }
    const junit = readFileSync(report('report.junit'), 'utf8');
    const elements = assertWellFormedXml(junit);
    expect(elements.filter((e) => e.name === 'error').map((e) => e.attributes.type)).toEqual(['cannot check']);
    expect(junit).toContain('name="talentrisk check could not run"');
    expect(junit).toContain('message=".talentrisk.yml:2:5 critical.0.paths: missing (this key is required) · .talentrisk.yml:3:5 critical.0.path: unknown key');
    const sarif = JSON.parse(readFileSync(report('report.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringContaining('critical.0.path') } }] });
    expect(readFileSync(report('report.markdown'), 'utf8')).toMatch(/^### ⚠️ talentrisk check could not run\n\n\.talentrisk\.yml:2:5 critical\.0\.paths: missing/);
    expect(existsSync(report('report.json'))).toBe(false);
    // Without --force nothing the user has is touched, and a report is written where there was none.
    writeFileSync(report('kept.junit'), 'mine');
    expect(runCli(['check', '--format', 'junit', '-o', 'kept.junit'], { cwd: repo.dir }).exitCode).toBe(2);
    expect(readFileSync(report('kept.junit'), 'utf8')).toBe('mine');
    expect(runCli(['check', '--format', 'junit', '-o', 'new.junit'], { cwd: repo.dir }).exitCode).toBe(2);
    expect(readFileSync(report('new.junit'), 'utf8')).toContain('talentrisk check could not run');
  });

  it('sarif, junit and markdown parse back; --output writes a file and refuses to overwrite it', () => {
    const repo = repoWith(`critical:\n${PAYMENTS}${AUTH}`);
    const sarif = runCli(['check', '--format', 'sarif', '--output', 'talentrisk.sarif'], { cwd: repo.dir });
    expect(sarif).toMatchObject({ exitCode: 1, stdout: '' });
    // Written to a file, the report's warnings and notes are said on stderr too: there were only the
    // analysis's (vuejs/core: none of the notes under the systems, a CI maintainer).
    expect(sarif.stderr).toMatch(/^talentrisk: warning: inactivity is measured from [^\n]*\ntalentrisk: warning: payments: its sole owner Ada \(no commit since 2024-01-02\) is inactive; nobody active has been keeping its files\ntalentrisk: warning: auth: passes on 2 owners who are all inactive: [^\n]*\ntalentrisk: warning: The bus factor counts inactive owners: [^\n]*\ntalentrisk: wrote the check to talentrisk\.sarif\n$/);
    const parsed = JSON.parse(readFileSync(path.join(repo.dir, 'talentrisk.sarif'), 'utf8'));
    expect(parsed.version).toBe('2.1.0');
    expect(parsed.runs[0].results.map((r: { properties: { system: string } }) => r.properties.system)).toEqual(['payments']);
    expect(parsed.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: '.talentrisk.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });

    const again = runCli(['check', '--format', 'sarif', '--output', 'talentrisk.sarif'], { cwd: repo.dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toBe('talentrisk: talentrisk.sarif already exists\n  pass --force to overwrite it, or choose another --output file\n');

    const junit = runCli(['check', '--format', 'junit'], { cwd: repo.dir });
    expect(junit.exitCode).toBe(1);
    const elements = assertWellFormedXml(junit.stdout);
    expect(elements.filter((e) => e.name === 'testcase').map((e) => e.attributes.name)).toEqual(['payments', 'auth']);
    expect(elements.filter((e) => e.name === 'failure')).toHaveLength(1);

    const markdown = runCli(['check', '--format', 'markdown'], { cwd: repo.dir });
    expect(markdown.exitCode).toBe(1);
    expect(markdown.stdout).toContain('| ❌ | payments | **1** | 2 | sole owner: Ada (inactive) | 2 |');
  });

  it('--changed checks only the systems with a file changed since the base', () => {
    const repo = repoWith(`critical:\n${PAYMENTS}${AUTH}`);
    repo.commit({ author: 'bob', branch: 'feature', write: { 'src/auth/x.ts': 3 } });
    const result = runCli(['check', '--changed', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    const output = checkOutputSchema.parse(JSON.parse(result.stdout));
    expect(output.changed).toMatchObject({ base: 'main', files: 1 });
    expect(output.systems.map((s) => [s.name, s.status])).toEqual([
      ['auth', 'ok'],
      ['payments', 'skipped'],
    ]);
    // Skipped, so it breaks nothing: its figures stay, its violations are none (flask: a script
    // summing systems[].violations counted the skipped one's).
    expect(output.systems[1]).toMatchObject({ busFactor: 1, violations: [] });
    expect(output.summary).toMatchObject({ checked: 1, violations: 0, skipped: 1 });
    // A change in payments brings it back, and the check fails (Ada is still its only author).
    repo.commit({ author: 'ada', write: { 'src/pay/a.ts': 3 } });
    expect(runCli(['check', '--changed', 'main'], { cwd: repo.dir }).exitCode).toBe(1);
  });

  // Found by a CI-user test: a crate removed on main left its system matching nothing, and every
  // pull request stopped with exit 2, whatever it touched.
  it('--changed skips a system that matches no file when the change touches none of it, with a warning; a full check stops on it', () => {
    const repo = repoWith(`critical:\n${AUTH}${DEPLOY}`);
    repo.git('add', '.talentrisk.yml');
    repo.git('commit', '-q', '-m', 'talentrisk config');
    repo.commit({ author: 'bob', branch: 'feature', write: { 'src/auth/x.ts': 3 } });
    const result = runCli(['check', '--changed', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    const output = checkOutputSchema.parse(JSON.parse(result.stdout));
    expect(output.systems.map((s) => [s.name, s.status])).toEqual([
      ['auth', 'ok'],
      ['deploy', 'skipped'],
    ]);
    // Said once (the glob was warned about a second time: a re-test), and the table has no bus factor for it.
    expect(output.warnings.filter((w) => w.includes('deploy/**'))).toEqual(['.talentrisk.yml:5:12 critical.1.paths: no analysed file matches "deploy/**" (system "deploy", skipped: no file of it changed); a check without --changed stops on it']);
    const text = runCli(['check', '--changed', 'main', '--no-color'], { cwd: repo.dir });
    expect(text.stdout).toMatch(/– {2}deploy +— +2 {2}skipped/);
    expect(text.stdout.match(/deploy\/\*\*/g)).toHaveLength(1);
    expect(runCli(['check', '--changed', 'main', '--format', 'github'], { cwd: repo.dir }).stdout).toContain('::warning file=.talentrisk.yml,line=5,col=12,title=talentrisk::critical.1.paths: no analysed file matches "deploy/**"');
    expect(runCli(['check', '--changed', 'main', '--format', 'junit'], { cwd: repo.dir }).stderr.match(/deploy\/\*\*/g)).toHaveLength(1);
    expect(runCli(['check'], { cwd: repo.dir }).exitCode).toBe(2);
    // A change that adds a file of it (or edits the config) checks it again: it matches a file now.
    repo.commit({ author: 'bob', write: { 'deploy/run.sh': 3 } });
    expect(checkOutputSchema.parse(JSON.parse(runCli(['check', '--changed', 'main', '--format', 'json'], { cwd: repo.dir }).stdout)).systems.map((s) => s.status)).toEqual(['violation', 'ok']);
  });

  // Found by a CI-user test: a pull request raising a rule passed, and the default branch failed after it.
  it('--changed checks every system when the config itself changed since the base', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    repo.git('add', '.talentrisk.yml');
    repo.git('commit', '-q', '-m', 'talentrisk config');
    expect(runCli(['check'], { cwd: repo.dir }).exitCode).toBe(0);
    // The pull request adds payments (bus factor 1) and touches no file of it.
    repo.commit({ author: 'bob', branch: 'feature', write: { '.talentrisk.yml': `critical:\n${PAYMENTS}${AUTH}` } });
    const result = runCli(['check', '--changed', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(1);
    const output = checkOutputSchema.parse(JSON.parse(result.stdout));
    expect(output.systems.map((s) => [s.name, s.status])).toEqual([
      ['payments', 'violation'],
      ['auth', 'ok'],
    ]);
    expect(output.warnings).toContain('.talentrisk.yml changed since main: every critical system is checked');
  });

  it('--changed with an unknown base exits 2 with how to fetch it', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    repo.git('remote', 'add', 'origin', repo.dir);
    const result = runCli(['check', '--changed', 'origin/master'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    // The fetch of the branch it names (CI-user test: it said `git fetch origin main` for any base).
    expect(result.stderr).toBe(
      'talentrisk: unknown base revision for --changed: origin/master\n' +
        '  fetch it first (`git fetch origin master`); in CI fetch the whole history: `fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` for GitLab CI\n',
    );
    expect(runCli(['check', '--changed', 'v1'], { cwd: repo.dir }).stderr).toContain('fetch it first (e.g. `git fetch origin main`)');
    // A local branch with a slash is no remote's (`git fetch feature login` would be wrong).
    expect(runCli(['check', '--changed', 'feature/login'], { cwd: repo.dir }).stderr).toContain('fetch it first (e.g. `git fetch origin main`)');
    // An empty $GITHUB_BASE_REF (not a pull_request event) leaves `origin/`.
    expect(runCli(['check', '--changed', 'origin/'], { cwd: repo.dir }).stderr).toContain('"origin/" names no branch: is the variable after the remote empty? ($GITHUB_BASE_REF is set on pull_request events only, $CI_MERGE_REQUEST_TARGET_BRANCH_NAME in merge request pipelines only)');
    // A range is no base (a CI test: it read "HEAD~1..HEAD and … have no common history").
    expect(runCli(['check', '--changed', 'HEAD~1..HEAD'], { cwd: repo.dir }).stderr).toBe(
      'talentrisk: --changed takes one base revision, not a range: HEAD~1..HEAD\n  pass the branch the change will merge into, e.g. `--changed origin/main`; the change is what the revision has since their merge base\n',
    );
    // Without origin/HEAD, the one of origin/main and origin/master that exists (a re-test).
    repo.git('update-ref', 'refs/remotes/origin/master', 'HEAD~1');
    expect(runCli(['check', '--changed', 'origin/main'], { cwd: repo.dir }).stderr).toContain("the remote's default branch is origin/master (`--changed origin/master`)");
    repo.git('update-ref', '-d', 'refs/remotes/origin/master');
    // A clone knows origin's default branch: named when the base is another (okhttp's is master; a CI test).
    repo.git('update-ref', 'refs/remotes/origin/trunk', 'HEAD~1');
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    expect(runCli(['check', '--changed', 'origin/main'], { cwd: repo.dir }).stderr).toBe(
      'talentrisk: unknown base revision for --changed: origin/main\n' +
        "  the remote's default branch is origin/trunk (`--changed origin/trunk`); or fetch it first (`git fetch origin main`); in CI fetch the whole history: `fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` for GitLab CI\n",
    );
    // Not the branch under test: a clone of it (`git clone -b pr1`) records it as origin's default,
    // and `--changed` it would check nothing (prometheus, a CI maintainer).
    repo.git('update-ref', 'refs/remotes/origin/trunk', 'HEAD');
    expect(runCli(['check', '--changed', 'origin/main'], { cwd: repo.dir }).stderr).toBe(
      'talentrisk: unknown base revision for --changed: origin/main\n' +
        '  fetch it first (`git fetch origin main`); in CI fetch the whole history: `fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` for GitLab CI\n',
    );
  });

  // tokio, whose default branch is master: `--changed main` was told `git fetch origin main` (a tester).
  it('--changed with an unknown base gives a fetch example of origin\'s default branch', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    repo.git('remote', 'add', 'origin', repo.dir);
    repo.git('update-ref', 'refs/remotes/origin/master', 'HEAD~1');
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/master');
    expect(runCli(['check', '--changed', 'v9'], { cwd: repo.dir }).stderr).toContain("the remote's default branch is origin/master (`--changed origin/master`); or fetch it first (e.g. `git fetch origin master`)");
  });

  it('--allow-shallow with no fetched change to any system says so once, not as a configuration error per system (a CI test: five config lines were blamed)', () => {
    const source = repoWith(undefined);
    const clone = path.join(tmp(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    writeFileSync(path.join(clone, '.talentrisk.yml'), `critical:\n${PAYMENTS}${AUTH}`);
    const result = runCli(['check', '--allow-shallow', '--format', 'github'], { cwd: clone });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe(
      "::error title=talentrisk%3A cannot check::this shallow clone's fetched history changes no file of the 2 critical systems: there is nothing to check (fetch the whole history (`fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`))\n",
    );
    // With files analysed (depth 2), misspelt globs in every system are still named (a review): they match no tracked file.
    const deeper = path.join(tmp(), 'deeper');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${source.dir}`, deeper]);
    writeFileSync(path.join(deeper, '.talentrisk.yml'), 'critical:\n  - name: a\n    paths: ["src/atuh/**"]\n  - name: b\n    paths: ["src/pya/**"]\n');
    const typos = runCli(['check', '--allow-shallow'], { cwd: deeper });
    expect(typos.exitCode).toBe(2);
    expect(typos.stderr).toContain('critical.0.paths: no analysable file tracked at the revision matches "src/atuh/**"; did you mean "src/auth/**"?');
    expect(typos.stderr).toContain('critical.1.paths: no analysable file tracked at the revision matches "src/pya/**"; did you mean "src/pay/**"?');
    // --until before what a shallow clone fetched: the history may only be missing (adversarial test).
    const before = runCli(['scan', '--until', '2000-01-01'], { cwd: clone });
    expect(before.exitCode).toBe(2);
    expect(before.stderr).toContain('  this is a shallow clone: fetch the history back to that day (`git fetch --shallow-since=<date>`, or `--unshallow`), or pick a later --until date\n');
  });

  it('--allow-shallow leaves out a config departure whose commits are all older than the clone, with a warning; a near miss stays an error (vuejs/core: it failed on a departure of 2022)', () => {
    const source = buildRepo([
      { author: 'hal', write: { 'src/pay/a.ts': 10, 'src/auth/x.ts': 10 } },
      { author: 'ada', write: { 'src/pay/a.ts': 10 } },
      { author: 'bob', write: { 'src/auth/x.ts': 10 } },
      { author: 'ada', write: { 'src/pay/a.ts': 10 } },
    ]);
    const clone = path.join(tmp(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${source.dir}`, clone]);
    const config = (who: string) => `critical:\n  - name: pay\n    paths: ["src/pay/**"]\n    minOwners: 1\ndepartures:\n  - who: ${who}\n    date: 2022-01-21\n`;
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('Hal'));
    const gone = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(gone.exitCode).toBe(0);
    expect(gone.stdout).toMatch(/\nwarning: \.talentrisk\.yml:6:10 departures\.0\.who: nobody in this shallow clone's history is "Hal", who left on 2022-01-21, before its oldest commit \(\d{4}-\d\d-\d\d\); left out of the departures: if the name is misspelt, correct it \(`git fetch --unshallow` reads the whole history, where a wrong name is an error\)\n/);
    expect(runCli(['scan', '-q'], { cwd: clone }).exitCode).toBe(0);
    // Undated, or dated within the fetched history: it may be a misnamed person who is in the clone,
    // which must not soften the gate (a review); so is a slip of the keyboard.
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('Hal').replace(/\n {4}date: .*\n/, '\n'));
    const undated = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(undated.exitCode).toBe(2);
    // The hint says what the clone leaves out ("scan --format json lists them all" failed the same way).
    expect(undated.stderr).toMatch(/this shallow clone's history begins on \d{4}-\d\d-\d\d: someone whose commits are all older is not in it; give their last day, if it was before then, to leave them out, or fetch the whole history/);
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('Hal').replace('2022-01-21', '2099-01-01'));
    expect(runCli(['check', '--allow-shallow'], { cwd: clone }).exitCode).toBe(2);
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('Bobb'));
    const typo = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('unknown person "Bobb"');
    // In a full clone, nobody of that name is an error, as before.
    writeFileSync(path.join(source.dir, '.talentrisk.yml'), config('Zed'));
    expect(runCli(['check'], { cwd: source.dir }).exitCode).toBe(2);
  });

  it('a shallow clone exits 2 with the CI fix, unless --allow-shallow', () => {
    const source = repoWith(undefined);
    const clone = path.join(tmp(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    writeFileSync(path.join(clone, '.talentrisk.yml'), `critical:\n${AUTH}`);
    const refused = runCli(['check'], { cwd: clone });
    expect(refused.exitCode).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'talentrisk: this is a shallow clone: bus factors need the whole history\n' +
        '  fetch the whole history: `git fetch --unshallow`; in CI set `fetch-depth: 0` on actions/checkout or `GIT_DEPTH: 0` in GitLab CI (or pass --allow-shallow to check the fetched history only)\n',
    );
    // In GitHub Actions it shows on the run's page and in the job summary too (CI-user test: only the log said it).
    const summary = path.join(tmp(), 'summary.md');
    const github = runCli(['check', '--format', 'github'], { cwd: clone, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(github.exitCode).toBe(2);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### ⚠️ talentrisk check could not run\n\nthis is a shallow clone: bus factors need the whole history\n\nfetch the whole history: /);
    // Commands in the hint are code spans, not escaped backticks (deno new-user test: `\`git fetch\``).
    expect(readFileSync(summary, 'utf8')).toContain('fetch the whole history: `git fetch --unshallow`; in CI set `fetch-depth: 0` on actions/checkout');
    expect(github.stdout).toBe(
      '::error title=talentrisk%3A cannot check::this is a shallow clone: bus factors need the whole history (fetch the whole history: `git fetch --unshallow`; in CI set `fetch-depth: 0` on actions/checkout or `GIT_DEPTH: 0` in GitLab CI (or pass --allow-shallow to check the fetched history only))\n',
    );
    // The annotation carries the hint too: nothing more on stderr (it said it all twice: ohmyzsh, a CI maintainer).
    expect(github.stderr).toBe('');
    // Only the last commit is fetched, and git shows it without parents, adding every file. That
    // made its author the sole owner of every system (CI-user test); its changes are not counted, so
    // no file has a fetched change, and the check says what to fetch (its glob matches tracked files: no typo).
    const bare = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toBe(
      'talentrisk: this shallow clone\'s fetched history changes no file of the critical system "auth": there is nothing to check\n' +
        '  fetch the whole history (`fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`)\n',
    );
    // Two commits fetched: the boundary one (Bob's second) is not counted; his last change to the two
    // auth files is. The payment files, untouched since, are not analysed (they were Bob's "creations").
    const deeper = path.join(tmp(), 'deeper');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${source.dir}`, deeper]);
    writeFileSync(path.join(deeper, '.talentrisk.yml'), `critical:\n${AUTH}`);
    const scan = JSON.parse(runCli(['scan', '--format', 'json', '--quiet'], { cwd: deeper }).stdout) as { files: { path: string; authors: { id: string; doa: number }[] }[]; warnings: string[]; exclusions: unknown[] };
    // DOA 3.457 = 3.293 + 0.164 × 1 change, no creation (with the boundary counted: 4.555, creator).
    expect(scan.files.map((file) => [file.path, file.authors.map((a) => [a.id, a.doa])])).toEqual([
      ['src/auth/x.ts', [['bob@example.com', 3.457]]],
      ['src/auth/y.ts', [['bob@example.com', 3.457]]],
    ]);
    expect(scan.warnings).toContain("the changes of the commit at the shallow clone's boundary are not counted: git shows it without parents, as adding every file");
    expect(scan).toMatchObject({ exclusions: expect.arrayContaining([{ rule: 'no change in the fetched history (or only bot commits)', files: 2 }]) });
    const allowed = runCli(['check', '--allow-shallow', '--format', 'json'], { cwd: deeper });
    expect(allowed.exitCode).toBe(1);
    expect(JSON.parse(allowed.stdout).repository.isShallow).toBe(true);
    expect(allowed.stderr).toContain('warning: this is a shallow clone');
    // text and github carry the warning in the report, so not on stderr too (deno: the job log
    // showed it twice); in text it comes after the verdict, as scan's table ends with its warnings.
    const text = runCli(['check', '--allow-shallow', '--no-color'], { cwd: deeper });
    expect(text.stdout).toMatch(/\n✗ .*\n {2}To fix: .*\n\nwarning: this is a shallow clone[^\n]*\n/);
    expect(text.stderr).toBe('');
    const annotated = runCli(['check', '--allow-shallow', '--format', 'github'], { cwd: deeper });
    expect(annotated.stdout).toContain('::warning title=talentrisk::this is a shallow clone');
    expect(annotated.stderr).toBe('');
  });

  // tokio, a tester: `tokio/src/time/**` (7 tracked files, none changed in the 56 fetched commits) was a
  // configuration error, exit 2, with `did you mean "tokio/src/io/**"?`; the violations said nothing of the clone.
  it('--allow-shallow does not judge a system with no fetched change, names its caveat in each violation, and keeps a glob that matches nothing tracked an error', () => {
    const source = repoWith(undefined);
    const clone = path.join(tmp(), 'shallow');
    // Depth 2: Bob's last change to auth is read; payments has no fetched change.
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${source.dir}`, clone]);
    const config = (auth: string) => `critical:\n${PAYMENTS}  - name: auth\n    paths: ${auth}\n    minOwners: 1\n`;
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('["src/auth/**", "src/pay/a.ts"]'));
    const github = () => runCli(['check', '--allow-shallow', '--format', 'github'], { cwd: clone });
    const first = github();
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).not.toContain('did you mean');
    expect(first.stdout).toContain('talentrisk: payments: not judged: none of its 2 files changed in the fetched history\n');
    expect(first.stdout).toContain(
      '::warning file=.talentrisk.yml,line=3,col=12,title=talentrisk::critical.0.paths: system "payments" not judged: none of its 2 files changed in the fetched history; fetch more of it with `git fetch --deepen=<n>`\n',
    );
    expect(first.stdout).toContain('::warning file=.talentrisk.yml,line=6,title=auth%3A unused glob::critical system "auth": the glob "src/pay/a.ts" matches no analysed file; it matches 1 file tracked at the revision, none changed in the fetched history\n');
    // The boundary commit is fetched and its changes are not counted: "only the 2 fetched commits are
    // read" counted 1 (vuejs/core at depth 50: 49 of 50, a CI maintainer).
    expect(first.stdout).toContain('talentrisk: Critical system "auth" has enough owners (1 not judged: no file changed in the fetched history); shallow clone: only 1 of the 2 fetched commits is counted.\n');
    // It was judged on the 2 of its 3 files with a fetched change (vuejs/core: "✓ reactivity" on 4 of its 39).
    expect(first.stdout).toContain('talentrisk: auth: ok (bus factor 1, needs 1; sole owner: Bob (inactive); judged on 2 of its 3 files)\n');
    // The same from the stored evaluation.
    expect(github()).toEqual(first);
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', '--allow-shallow', '--format', 'json'], { cwd: clone }).stdout));
    expect(json.summary).toEqual({ systems: 2, checked: 1, ok: 1, violations: 0, skipped: 1, preexisting: 0 });
    expect(json.systems.find((system) => system.name === 'payments')).toMatchObject({ status: 'skipped', error: 'not judged: none of its 2 files changed in the fetched history' });
    // A violation carries the caveat in every format a pull request shows.
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('["src/auth/**"]').replace('minOwners: 1', 'minOwners: 2'));
    const failing = github();
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).toContain(
      '::error file=.talentrisk.yml,line=5,title=auth%3A bus factor 1%2C needs 2 (shallow clone)::Critical system "auth" has bus factor 1, needs 2; sole owner: Bob (inactive), who authors 2 of its 2 files; 2 files at risk: src/auth/x.ts, src/auth/y.ts (shallow clone: only 1 of the 2 fetched commits is counted). Its sole owner Bob (no commit since 2024-01-04) is inactive; nobody active has been keeping its files.\n',
    );
    expect(runCli(['check', '--allow-shallow', '--format', 'junit'], { cwd: clone }).stdout).toContain('message="bus factor 1, needs 2; sole owner: Bob (inactive) (shallow clone: only 1 of the 2 fetched commits is counted)"');
    expect(runCli(['check', '--allow-shallow', '--no-color'], { cwd: clone }).stdout).toContain('\n✗ 1 of 2 critical systems has too few owners: auth (1 not judged: no file changed in the fetched history); shallow clone: only 1 of the 2 fetched commits is counted.\n');
    // A glob that matches no tracked file is still wrong, and is told what it meant among them.
    writeFileSync(path.join(clone, '.talentrisk.yml'), config('["src/atuh/**"]'));
    const typo = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toBe(
      'talentrisk: .talentrisk.yml:6:12 critical.1.paths: no analysable file tracked at the revision matches "src/atuh/**"; did you mean "src/auth/**"? (system "auth")\n' +
        '  globs are relative to the repository root (`**/` matches any folder) and only analysed files count: `talentrisk scan --format json` lists them\n',
    );
    // Vendored files are not analysable, though a fetched commit changes one: a system over them stays
    // a configuration error, as in a full clone (a review: "not judged: none of its files changed", exit 0).
    mkdirSync(path.join(clone, 'vendor'), { recursive: true });
    writeFileSync(path.join(clone, 'vendor/lib.js'), 'x\n');
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: '2024-03-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-03-01T10:00:00Z' };
    execFileSync('git', ['add', 'vendor/lib.js'], { cwd: clone, env });
    execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'vendor a library'], { cwd: clone, env });
    writeFileSync(path.join(clone, '.talentrisk.yml'), `critical:\n  - name: vendored\n    paths: ["vendor/**"]\n${AUTH}`);
    const vendored = runCli(['check', '--allow-shallow'], { cwd: clone });
    expect(vendored.exitCode).toBe(2);
    expect(vendored.stderr).toContain('critical.0.paths: no analysable file tracked at the revision matches "vendor/**"');
  });

  // tokio, a tester: a depth-1 clone plus one commit made its author, with one line, the sole owner of `time`.
  it('--changed in a shallow clone that holds none of the base history before the change refuses, as the clone does without --changed', () => {
    const source = repoWith(`critical:\n${AUTH}`);
    source.git('add', '.talentrisk.yml');
    source.git('commit', '-q', '-m', 'config');
    const clone = path.join(tmp(), 'pr');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    execFileSync('git', ['-c', 'user.name=New', '-c', 'user.email=new@example.com', 'commit', '-q', '--allow-empty', '-m', 'pr'], { cwd: clone });
    writeFileSync(path.join(clone, 'src/auth/x.ts'), 'changed\n');
    execFileSync('git', ['-c', 'user.name=New', '-c', 'user.email=new@example.com', 'commit', '-q', '-am', 'pr'], { cwd: clone });
    const result = runCli(['check', '--allow-shallow', '--changed', 'origin/main'], { cwd: clone });
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^talentrisk: this shallow clone holds none of origin\/main's history before the change \(their merge base [0-9a-f]{12} is where the clone stops\): only the change's own commits would be read, so there is nothing to check\n {2}fetch the history of the base /);
  });

  // tokio, a tester: `--changed $GITHUB_BASE_REF --allow-shallow` on a push event (the variable empty).
  it('--changed followed by an option asks whether the variable is empty, and option errors are annotated under --format github', () => {
    const repo = repoWith(`critical:\n${AUTH}`);
    const result = runCli(['check', '--changed', '--allow-shallow'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'talentrisk: --changed got the option `--allow-shallow` as its base: is the variable empty? quote it (`--changed "$VAR"`)\n' +
        '  pass the branch the pull request merges into, e.g. `--changed origin/main` (in GitHub Actions: `origin/${{ github.base_ref }}`; in GitLab CI: `origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME`)\n',
    );
    // With `--format github` taken as the base and `github` as the path, still an annotation (a review).
    const taken = runCli(['check', '--changed', '--format', 'github'], { cwd: repo.dir });
    expect(taken.exitCode).toBe(2);
    expect(taken.stdout).toMatch(/^::error title=talentrisk%3A cannot check::--changed got the option `--format` as its base: is the variable empty\?/);
    const summary = path.join(tmp(), 'summary.md');
    const until = runCli(['check', '--until', '2026-13-01', '--format', 'github'], { cwd: repo.dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(until.exitCode).toBe(2);
    expect(until.stdout).toBe("::error title=talentrisk%3A cannot check::option '--until <date>' argument '2026-13-01' is invalid. expected a date as YYYY-MM-DD or an ISO 8601 timestamp, e.g. 2024-06-30 (run talentrisk check --help for usage)\n");
    expect(readFileSync(summary, 'utf8')).toMatch(/^### ⚠️ talentrisk check could not run\n\noption '--until \\<date\\>' argument '2026-13-01' is invalid/);
    expect(runCli(['check', '--depth', '0', '-fgithub'], { cwd: repo.dir }).stdout).toMatch(/^::error title=talentrisk%3A cannot check::option '--depth <n>' argument '0' is invalid/);
    // Not under another format, nor for another command.
    expect(runCli(['check', '--depth', '0'], { cwd: repo.dir }).stdout).toBe('');
    expect(runCli(['scan', '--depth', '0', '--format', 'github'], { cwd: repo.dir }).stdout).toBe('');
  });

  // Regression (CI-user test): the hint said to fetch the base again, which changes nothing.
  it('in a shallow clone, a base with no fetched common history says to fetch the history, not the base', () => {
    const source = repoWith(`critical:\n${AUTH}`);
    source.git('add', '.talentrisk.yml');
    source.git('commit', '-q', '-m', 'config');
    source.git('checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(source.dir, 'src/auth/x.ts'), 'changed\n');
    source.git('commit', '-q', '-am', 'feature');
    const clone = path.join(tmp(), 'pr');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${source.dir}`, clone]);
    execFileSync('git', ['fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main'], { cwd: clone });
    const result = runCli(['check', '--allow-shallow', '--changed', 'origin/main'], { cwd: clone });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^talentrisk: origin\/main and [0-9a-f]+ have no common history\n {2}this is a shallow clone: their common history was not fetched; fetch it \(`git fetch --unshallow`/);
  });

  it('works in a blob-less partial clone, with the same answer as the full clone', () => {
    const source = repoWith(`critical:\n${PAYMENTS}${AUTH}`);
    source.git('config', 'uploadpack.allowFilter', 'true');
    const clone = path.join(tmp(), 'partial');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source.dir}`, clone]);
    writeFileSync(path.join(clone, '.talentrisk.yml'), `critical:\n${PAYMENTS}${AUTH}`);
    const full = runCli(['check', '--format', 'json'], { cwd: source.dir });
    const partial = runCli(['check', '--format', 'json'], { cwd: clone });
    expect(partial.exitCode).toBe(1);
    expect(partial.exitCode).toBe(full.exitCode);
    const systems = (stdout: string) => checkOutputSchema.parse(JSON.parse(stdout)).systems;
    expect(systems(partial.stdout)).toEqual(systems(full.stdout));
  });

  // fastapi (a CI maintainer): its release-notes workflow was one of the two owners of the release
  // notes, and check passed the system without a word, while scan named the account as automated.
  it('says when an owner of a critical system looks automated and the config names no bot', () => {
    const bot = { name: 'denobot', email: 'denobot@deno.example' };
    const repo = buildRepo([
      { author: 'ada', write: { 'docs/notes.md': 10 } },
      ...Array.from({ length: 6 }, (): FixtureCommit => ({ author: bot, write: { 'docs/notes.md': 10 } })),
      { author: 'ada', write: { 'docs/notes.md': 10 } },
    ]);
    const config = (bots: string) => `${bots}critical:\n  - name: release notes\n    paths: ["docs/**"]\n    minOwners: 2\n`;
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config(''));
    const note = 'An owner of critical systems looks automated: denobot (release notes); if it is a bot, list it under `bots:` in .talentrisk.yml, or it counts as an owner';
    const passing = runCli(['check', '--until', '2024-03-01', '--no-color'], { cwd: repo.dir });
    expect(passing.exitCode).toBe(0);
    expect(passing.stdout).toContain(note);
    expect(checkOutputSchema.parse(JSON.parse(runCli(['check', '--until', '2024-03-01', '--format', 'json'], { cwd: repo.dir }).stdout)).warnings).toContain(note);
    // Listed as a bot: the system fails on Ada alone, and nothing is said of denobot.
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config('bots: ["denobot"]\n'));
    const failing = runCli(['check', '--until', '2024-03-01', '--no-color'], { cwd: repo.dir });
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).not.toContain('looks automated');
  });
});
