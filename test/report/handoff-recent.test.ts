import { describe, expect, it } from 'vitest';
import { isDependencyUpdate, isRelease } from '../../src/model/recent-work.ts';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import type { FixtureCommit } from '../helpers/git-fixture.ts';
import { buildNamed, handoffOf } from './handoff-fixture.ts';

// spring-boot (an engineering manager's test): each dependency upgrade is made on each maintained
// branch ("Upgrade to Spring Pulsar 2.0.7" three times), and 262 of Stéphane Nicoll's 390 commits of
// 90 days were "Upgrade to …": the 30 listed were almost all version bumps.

const at = (day: number) => `2024-12-${String(day).padStart(2, '0')}T10:00:00Z`;

describe('handoff: recent work', () => {
  it('lists commits with one subject once, with their ids, and the dependency updates after the other work', async () => {
    const history: FixtureCommit[] = [
      { author: 'ada', at: '2024-06-01T10:00:00Z', message: 'Initial', write: { 'lib/parse.ts': 1, 'build.gradle': 1 } },
      { author: 'ada', at: at(1), message: 'Upgrade to Jackson 2.18.1', write: { 'build.gradle': 2 } },
      { author: 'ada', at: at(2), message: 'Upgrade to Jackson 2.18.1', write: { 'build.gradle': 3 } },
      { author: 'ada', at: at(3), message: 'Fix the parser', write: { 'lib/parse.ts': 2 } },
      { author: 'ada', at: at(4), message: 'Upgrade to Jackson 2.18.1', write: { 'build.gradle': 4 } },
      { author: 'ada', at: at(5), message: 'Bump lodash from 4.17.20 to 4.17.21', write: { 'build.gradle': 5 } },
      { author: 'ada', at: at(6), message: 'Add an export', write: { 'lib/parse.ts': 3 } },
    ];
    const repo = buildNamed('recent', history);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    const ids = (subject: string) => report.recentCommits.filter((c) => c.subject === subject).map((c) => c.sha);
    expect(report.recentGroups.map((g) => [g.subject, g.shas.length, g.dependencyUpdate])).toEqual([
      ['Add an export', 1, false],
      ['Fix the parser', 1, false],
      ['Bump lodash from 4.17.20 to 4.17.21', 1, true],
      ['Upgrade to Jackson 2.18.1', 3, true],
    ]);
    const jackson = report.recentGroups[3];
    expect(jackson?.shas).toEqual(ids('Upgrade to Jackson 2.18.1'));

    const markdown = renderHandoffMarkdown(report);
    const [newest, ...older] = (jackson?.shas ?? []).map((sha) => `\`${sha.slice(0, 10)}\``);
    expect(markdown).toContain('\nCommits with the same subject (the same change on several branches) are one line; dependency updates come after the other work.\n');
    expect(markdown).toContain('\nDependency updates: 4 commits (2 subjects):\n');
    expect(markdown).toContain(`\n- ${newest} 2024-12-04: Upgrade to Jackson 2.18.1 (\`build.gradle\`) · 3 commits: also ${older.join(', ')} (first 2024-12-01)\n`);
    expect(markdown.indexOf('Add an export')).toBeLessThan(markdown.indexOf('Dependency updates:'));
    expect(markdown).toContain('- [ ] Go over the last 90 days of work (6 commits, 4 of them dependency updates): ');

    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    // The commits as before, and the groups beside them.
    expect(json.recent.commits).toHaveLength(6);
    expect(json.recent.groups[3]).toEqual({
      subject: 'Upgrade to Jackson 2.18.1',
      commits: jackson?.shas,
      date: '2024-12-04T10:00:00.000Z',
      firstDate: '2024-12-01T10:00:00.000Z',
      files: ['build.gradle'],
      dependencyUpdate: true,
      release: false,
    });
    expect(json.checklist).toContainEqual({ kind: 'recent-work', commits: 6, dependencyUpdates: 4, releases: 0, days: 90 });
  });

  it('names the newest dependency updates in one line when the other work fills the list', async () => {
    const history: FixtureCommit[] = [
      { author: 'ada', at: '2024-06-01T10:00:00Z', message: 'Initial', write: { 'lib/a.ts': 1, 'build.gradle': 1 } },
      { author: 'ada', at: '2024-11-01T10:00:00Z', message: 'Upgrade to Netty 4.2.1', write: { 'build.gradle': 2 } },
      // 31 other commits: one more than the list holds.
      ...Array.from({ length: 31 }, (_, i) => ({ author: 'ada', at: new Date(Date.UTC(2024, 10, 2 + i, 9)).toISOString(), message: `Change ${i + 1}`, write: { 'lib/a.ts': i + 2 } })),
    ];
    const repo = buildNamed('recent', history);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const markdown = renderHandoffMarkdown(await handoffOf(analysis, 'ada', { critical: [] }));
    expect(markdown).toContain('\nDependency updates: 1 commit, the newest: Upgrade to Netty 4.2.1 (`--format json` lists them all).\n');
    expect(markdown).toContain('\n(1 more commit in these areas.)\n');
  });

  // Regression (laravel, first-time users): "Dependency updates: 26 commits, the newest: Update
  // version to v13.26.1": the release workflow's version bumps of the project itself.
  it('lists the releases in a line of their own after the other work, not as dependency updates', async () => {
    const history: FixtureCommit[] = [
      { author: 'ada', at: '2024-06-01T10:00:00Z', message: 'Initial', write: { 'lib/parse.ts': 1, 'composer.json': 1, 'src/Application.php': 1 } },
      { author: 'ada', at: at(1), message: 'Update version to v13.26.0', write: { 'src/Application.php': 2 } },
      { author: 'ada', at: at(2), message: 'Fix the parser', write: { 'lib/parse.ts': 2 } },
      { author: 'ada', at: at(3), message: 'Bump symfony/console from 7.1 to 7.2', write: { 'composer.json': 2 } },
      { author: 'ada', at: at(4), message: 'Update version to v13.26.1', write: { 'src/Application.php': 3 } },
      { author: 'ada', at: at(5), message: 'Release v13.27.0', write: { 'src/Application.php': 4 } },
    ];
    const repo = buildNamed('recent', history);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    expect(report.recentGroups.map((g) => [g.subject, g.release, g.dependencyUpdate])).toEqual([
      ['Fix the parser', false, false],
      ['Release v13.27.0', true, false],
      ['Update version to v13.26.1', true, false],
      ['Update version to v13.26.0', true, false],
      ['Bump symfony/console from 7.1 to 7.2', false, true],
    ]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('\nReleases and dependency updates come after the other work.\n');
    expect(markdown).toContain('\nReleases: 3 commits, the newest: Release v13.27.0 (2024-12-05); Update version to v13.26.1 (2024-12-04); Update version to v13.26.0 (2024-12-01).\n');
    expect(markdown).toContain('\nDependency updates: 1 commit:\n');
    expect(markdown.indexOf('Fix the parser')).toBeLessThan(markdown.indexOf('Releases:'));
    expect(markdown.indexOf('Releases:')).toBeLessThan(markdown.indexOf('Dependency updates:'));
    expect(markdown).not.toMatch(/^- .*Update version to/m);
    expect(markdown).toContain('- [ ] Go over the last 90 days of work (5 commits, 3 of them releases and 1 dependency update): ');
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.checklist).toContainEqual({ kind: 'recent-work', commits: 5, dependencyUpdates: 1, releases: 3, days: 90 });
    expect(json.recent.groups.map((g) => g.release)).toEqual([false, true, true, true, false]);
  });

  it('reads a version bump of the project as a release, not as a dependency update', () => {
    const releases = ['Update version to v13.26.1', 'Bump version to 1.2.3', 'Bumped version to 2.0.0-rc.1', 'Set version to 2.0', 'Release v1.2.3', 'Release 1.2.3', 'Version 4.1.0', 'v1.2.3', '1.2.3', 'chore(release): 1.2.3', 'chore: release v2.0.0', 'Prepare release 3.4.0', '[13.x] Update version to v13.0.1'];
    const others = ['Release notes for 2.0', 'Update docs to v2 style', 'Bump lodash from 4.17.20 to 4.17.21', 'Update dependency typescript to v5.9.2', 'Upgrade to Jackson 2.18.1', 'Fix version check', 'version', 'Bump version of foo to 1.2'];
    expect(releases.filter((s) => !isRelease(s))).toEqual([]);
    expect(releases.filter(isDependencyUpdate)).toEqual([]);
    expect(others.filter(isRelease)).toEqual([]);
  });

  it('reads dependency updates as people and bots word them', () => {
    const updates = [
      'Upgrade to Spring Pulsar 2.0.7',
      'Upgrade Gradle to 9.1',
      'Downgrade to Jackson 2.17.2',
      'Start building against Spring Kafka 4.1.1 snapshots',
      'Bump foo from 1.0 to 1.1',
      'build(deps): bump foo from 1 to 2',
      'chore(deps): update dependency vite to v6',
      'fix(deps): update all non-major dependencies',
      'Update dependency typescript to v5.9.2',
      'Update foo to 2.0',
      '[deps] Bump x',
      'deps: Upgrade github.com/evanw/esbuild v0.28.1 => v0.28.2',
    ];
    const work = ['Update end copyright year', 'Update docs to mention X', 'Upgrade guide for 3.0', 'Polish "Upgrade to Kotlin 2.4.10"', 'Updated README to 2 sections', 'Fix the build'];
    expect(updates.filter((s) => !isDependencyUpdate(s))).toEqual([]);
    expect(work.filter(isDependencyUpdate)).toEqual([]);
  });

  it('reads a version bump of a dependency manifest as a dependency update, conservatively (helm: "ref(go.mod): kubernetes 1.16.2")', () => {
    const updates = [
      'ref(go.mod): kubernetes 1.16.2',
      'chore(go.mod, go.sum): k8s.io/client-go v0.17.0',
      'fix(deps/go.mod): grpc 1.26.0',
      'go.mod: bump grpc to 1.26.0',
      'chore(deps): k8s.io/api v0.17.0',
      'build(Cargo.toml): serde 1.0.104',
      'Update go.sum for k8s.io/client-go v0.17.0',
      'Upgraded semver in package.json (7.1.3)',
    ];
    const work = [
      'fix(go.mod): run go mod tidy',
      'chore(package.json): add a lint script',
      'docs: describe the package.json fields added in 2.1',
      'chore(Cargo.toml): set version 0.3.0',
      'Update package.json for the 2.1 release',
      'feat(cmd): read go.mod files of charts, 1.2 format',
    ];
    expect(updates.filter((s) => !isDependencyUpdate(s))).toEqual([]);
    expect(work.filter(isDependencyUpdate)).toEqual([]);
  });
});
