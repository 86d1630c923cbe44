import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { assertWellFormedXml } from '../report/check-factory.ts';

// ohmyzsh, a CI maintainer: `✓ plugin-git 3 2 owners: Marc Cornellà, Carlo Sala, Adam Johnson`
// while its one code file, git.plugin.zsh, had one author: README.md (3 authors) carried the bus
// factor under the 50% rule, and `check --only-code` said `✗ plugin-git 1`.
describe('check notes a system that files which are not code lift over its rule', { tags: ['slow'] }, () => {
  // git.plugin.zsh: Ada alone. README.md: Ada created it, Bob and Cy changed it three times each
  // (all three author it). lib: Ada and Bob both
  // author its code, and its README is Ada's (its code holds the rule by itself).
  const history: FixtureCommit[] = [
    { author: 'ada', write: { 'plugins/git/git.plugin.zsh': 20, 'plugins/git/README.md': 5, 'lib/a.zsh': 10, 'lib/README.md': 3 } },
    { author: 'bob', write: { 'lib/a.zsh': 10 } },
    { author: 'bob', write: { 'lib/a.zsh': 10 } },
    ...['bob', 'cy', 'bob', 'cy', 'bob', 'cy'].map((author): FixtureCommit => ({ author, write: { 'plugins/git/README.md': 5 } })),
  ];
  const config = 'critical:\n  - name: plugin-git\n    paths: ["plugins/git/**"]\n    minOwners: 2\n  - name: lib\n    paths: ["lib/**"]\n    minOwners: 2\n';
  const repo = () => {
    const built = buildRepo(history);
    writeFileSync(path.join(built.dir, '.talentrisk.yml'), config);
    return built;
  };
  // Within months of the fixture's commits: nobody inactive, no note of that.
  const UNTIL = ['--until', '2024-02-01'];
  const NOTE =
    'plugin-git: passes on files that are not code: its code (1 file) has bus factor 1 (needs 2), and plugins/git/README.md lifts it to 3; to gate on the code, run check with `--only-code` (every system), or leave it out of its paths (`"!plugins/git/README.md"`)';

  it('passes, as the published figure says, with a note in every format; --only-code fails it', () => {
    const { dir } = repo();
    const text = runCli(['check', ...UNTIL, '--no-color'], { cwd: dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^✓ {2}plugin-git +3 +2 {2}owners: /m);
    expect(text.stdout).toContain(`\n! ${NOTE}\n`);
    // Only there: lib's code holds the rule by itself.
    expect(text.stdout).not.toContain('! lib: passes on files');

    expect(runCli(['check', ...UNTIL, '--format', 'markdown'], { cwd: dir }).stdout).toContain('- ⚠️ **plugin-git**: passes on files that are not code: its code (1 file) has bus factor 1 (needs 2), and plugins/git/README.md lifts it to 3;');
    expect(runCli(['check', ...UNTIL, '--format', 'github'], { cwd: dir }).stdout).toContain(
      '::warning file=.talentrisk.yml,line=2,title=plugin-git%3A passes on files that are not code::plugin-git passes on files that are not code: its code (1 file) has bus factor 1 (needs 2)',
    );
    const json = checkOutputSchema.parse(JSON.parse(runCli(['check', ...UNTIL, '--format', 'json'], { cwd: dir }).stdout));
    expect(json.passed).toBe(true);
    expect(json.warnings).toContain(NOTE);
    const junit = runCli(['check', ...UNTIL, '--format', 'junit'], { cwd: dir }).stdout;
    assertWellFormedXml(junit);
    expect(junit).toContain('warning: plugin-git: passes on files that are not code');
    const sarif = JSON.parse(runCli(['check', ...UNTIL, '--format', 'sarif'], { cwd: dir }).stdout) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toContain(NOTE);

    const onlyCode = runCli(['check', ...UNTIL, '--only-code', '--no-color'], { cwd: dir });
    expect(onlyCode.exitCode).toBe(1);
    expect(onlyCode.stdout).toMatch(/^✗ {2}plugin-git +1 +2 {2}sole owner: Ada/m);
    expect(onlyCode.stdout).not.toContain('passes on files that are not code');
  });
});
