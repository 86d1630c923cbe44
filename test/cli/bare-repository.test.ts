import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRepo, gitOnPath } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = () => mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'bare-'));

describe('a bare repository (a CI mirror)', { tags: ['slow'] }, () => {
  it('reads the committed .talentrisk.yml from the revision, and init refuses to write into the git directory', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } },
      { author: 'bob', write: { 'README.md': 2, '.talentrisk.yml': 'critical:\n  - name: payments\n    paths: ["src/pay"]\n' } },
    ]);
    const bare = path.join(tmp(), 'mirror.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    const check = runCli(['check', bare, '--format', 'json'], { cwd: tmp() });
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(1);
    const json = JSON.parse(check.stdout);
    expect(json.config.file).toBe('.talentrisk.yml');
    expect(json.systems[0]).toMatchObject({ name: 'payments', busFactor: 1, configLine: 2 });
    // scan's table names the file it read, as config errors do (not a path in the git directory).
    expect(runCli(['scan', bare], { cwd: tmp() }).stdout).toContain('Critical systems (HEAD:.talentrisk.yml; 1 of 1 failing');

    const init = runCli(['init', bare], { cwd: tmp() });
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toMatch(/^talentrisk: a bare repository has no work tree to write \.talentrisk\.yml into\n/);
    expect(existsSync(path.join(bare, '.talentrisk.yml'))).toBe(false);
  });

  it('refuses a committed config that is not UTF-8, as it refuses such a file in a work tree (review)', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/pay/a.ts': 10, '.talentrisk.yml': Buffer.concat([Buffer.from('people:\n  - name: "Ada L'), Buffer.from([0xe9]), Buffer.from('"\n    emails: [ada@example.com]\n')]) as unknown as string } }]);
    const bare = path.join(tmp(), 'latin1.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    const check = runCli(['scan', bare], { cwd: tmp() });
    expect(check.exitCode).toBe(2);
    expect(check.stderr).toBe('talentrisk: HEAD:.talentrisk.yml:2 is not valid UTF-8 (another encoding, such as Latin-1?)\n  save the file as UTF-8\n');
  });

  it('check reads the committed config once (it is read before the history, to fail early, and reused)', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/pay/a.ts': 10, '.talentrisk.yml': 'critical:\n  - name: payments\n    paths: ["src/pay"]\n' } }]);
    const bare = path.join(tmp(), 'mirror.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    const log = path.join(tmp(), 'git-calls.txt');
    const { PATH } = gitOnPath((realGit) => `echo "$*" >> "${log}"\nexec "${realGit}" "$@"`);
    const check = runCli(['check', bare, '--format', 'json', '--no-cache'], { cwd: tmp(), env: { PATH } });
    expect(check.exitCode).toBe(1);
    const configReads = readFileSync(log, 'utf8').split('\n').filter((call) => call.includes(':.talentrisk.yml'));
    expect(configReads).toHaveLength(1);
  });
});
