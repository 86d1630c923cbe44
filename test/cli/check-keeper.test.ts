import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// vuejs/core: a sole owner inactive for years while someone else changed compileScript.ts 20 times,
// and check named the owner with no word of who keeps the files.
describe('check names who keeps a system whose owner is inactive', { tags: ['slow'] }, () => {
  // Ada wrote both files in 2023 and changed them often (sole author); Bob changed a.ts three times
  // in 2025 (not enough to author it) and Cy b.ts once.
  const history: FixtureCommit[] = [
    { author: 'ada', at: '2023-01-01T10:00:00Z', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } },
    ...Array.from({ length: 9 }, (_, i): FixtureCommit => ({ author: 'ada', at: `2023-02-0${i + 1}T10:00:00Z`, write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } })),
    ...Array.from({ length: 3 }, (_, i): FixtureCommit => ({ author: 'bob', at: `2025-05-0${i + 1}T10:00:00Z`, write: { 'src/pay/a.ts': 10 } })),
    { author: 'cy', at: '2025-05-10T10:00:00Z', write: { 'src/pay/b.ts': 10 } },
  ];
  const check = (minOwners: number, ...args: string[]) => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), `critical:\n  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: ${minOwners}\n`);
    return runCli(['check', '--until', '2025-06-01', '--no-color', ...args], { cwd: repo.dir });
  };

  it('a failing system: in the text, the markdown, the annotation and the JSON', () => {
    const text = check(2);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/^✗ {2}payments +1 +2 {2}sole owner: Ada \(inactive\)/m);
    expect(text.stdout).toContain('\n! payments: its sole owner Ada (no commit since 2023-02-09) is inactive; kept by Bob (3 changes to 1 of its 2 files)\n');
    expect(check(2, '--format', 'markdown').stdout).toContain('- ⚠️ **payments**: its sole owner Ada (no commit since 2023-02-09) is inactive; kept by Bob (3 changes to 1 of its 2 files)');
    expect(check(2, '--format', 'github').stdout).toContain('. Its sole owner Ada (no commit since 2023-02-09) is inactive; kept by Bob (3 changes to 1 of its 2 files).\n');
    const json = checkOutputSchema.parse(JSON.parse(check(2, '--format', 'json').stdout));
    // `changes` under its right name; `commits`, the same count, kept for the JSON's compatibility.
    expect(json.systems[0]?.keeper).toEqual({ id: 'bob@example.com', name: 'Bob', files: 1, commits: 3, changes: 3 });
  });

  it('a passing system: its note says who keeps it; nobody when nobody active changed its files twice', () => {
    expect(check(1).stdout).toContain('\n! payments: passes on an owner who is inactive: Ada (no commit since 2023-02-09); kept by Bob (3 changes to 1 of its 2 files)\n');
    // Bob leaving: Cy changed b.ts once only.
    expect(check(1, '--leaving', 'bob').stdout).toContain('inactive: Ada (no commit since 2023-02-09); nobody active has been keeping its files\n');
    expect(checkOutputSchema.parse(JSON.parse(check(1, '--leaving', 'bob', '--format', 'json').stdout)).systems[0]?.keeper).toBeNull();
    // While Ada is active, nobody is asked about: no keeper at all, not null (a review: both read null).
    const repo = buildRepo(history.slice(0, 10));
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: 2\n');
    const early = checkOutputSchema.parse(JSON.parse(runCli(['check', '--until', '2023-03-01', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(early.systems[0]).not.toHaveProperty('keeper');
    expect(runCli(['check', '--until', '2023-03-01', '--no-color'], { cwd: repo.dir }).stdout).not.toContain('kept by');
  });

  // A review: "nobody active has been keeping its files" read as all of them, while an active owner
  // (Bob) held one of the two; and "all 2 of its files".
  it('says which files nobody keeps when an active owner holds the others, and "both its files"', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'src/a/x.ts': 1, 'src/a/y.ts': 1 } },
      { author: 'cy', at: '2024-01-02T10:00:00Z', write: { 'src/a/x.ts': 2, 'src/a/y.ts': 2 } },
      ...[1, 2, 3].map((day): FixtureCommit => ({ author: 'bob', at: `2025-05-0${day}T10:00:00Z`, write: { 'src/a/x.ts': 2 + day } })),
    ]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: sa\n    paths: ["src/a/**"]\n    minOwners: 2\n');
    expect(runCli(['check', '--until', '2025-06-01', '--no-color'], { cwd: repo.dir }).stdout).toContain('; nobody active has been keeping the one of its 2 files with no active author\n');
    // Bob keeps both: every author of each is inactive, and he changed each three times.
    const both = buildRepo([
      { author: 'ada', at: '2023-01-01T10:00:00Z', write: { 'src/pay/a.ts': 1, 'src/pay/b.ts': 1 } },
      ...Array.from({ length: 9 }, (_, i): FixtureCommit => ({ author: 'ada', at: `2023-02-0${i + 1}T10:00:00Z`, write: { 'src/pay/a.ts': 10 + i, 'src/pay/b.ts': 10 + i } })),
      ...[1, 2, 3].map((day): FixtureCommit => ({ author: 'bob', at: `2025-05-0${day}T10:00:00Z`, write: { 'src/pay/a.ts': 30 + day, 'src/pay/b.ts': 30 + day } })),
    ]);
    writeFileSync(path.join(both.dir, '.talentrisk.yml'), 'critical:\n  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: 2\n');
    // Three commits, each changing both files: 6 changes, not "6 commits" (vuejs/core: "263 commits"
    // from someone with 177 commits to the whole package, a CI maintainer). In every format.
    const keptBy = 'kept by Bob (6 changes to both its files)';
    expect(runCli(['check', '--until', '2025-06-01', '--no-color'], { cwd: both.dir }).stdout).toContain(keptBy);
    for (const format of ['github', 'markdown', 'junit', 'json']) expect(runCli(['check', '--until', '2025-06-01', '--format', format], { cwd: both.dir }).stdout).toContain(keptBy);
    expect(checkOutputSchema.parse(JSON.parse(runCli(['check', '--until', '2025-06-01', '--format', 'json'], { cwd: both.dir }).stdout)).systems[0]?.keeper).toMatchObject({ files: 2, commits: 6, changes: 6 });
  });
});
