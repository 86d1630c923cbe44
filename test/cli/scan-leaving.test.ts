import { describe, expect, it } from 'vitest';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// `scan --leaving` beside the handoff (redis at 2020-06-30, first-time users): the files left with
// no active author, the one owner left when that owner is inactive, and successors fading out.

/**
 * Measured on 2024-06-30 (--until), inactive after 180 days (the default), fading after 90:
 *   shared/s.ts  dan A 2023-01-01 (inactive), ada M×3 → both authors (ada DOA 3.785, dan 3.946)
 *   core/a.ts, core/c.ts  ada A, erin M 2024-02-15 (her last commit: 136 days before, fading), ada M×2
 *   core/b.ts    ada A, ada M×2, bob M 2024-06-20 (active)
 *   ada FA1 DL2 AC1 → 4.497; erin (bob) DL1 AC2 → 3.104: normDOA 0.69, not an author, a weak successor
 * When ada leaves: core/a, b, c lose their last author; shared/s.ts keeps only dan, inactive.
 */
const history: FixtureCommit[] = [
  { author: 'dan', at: '2023-01-01T12:00:00Z', write: { 'shared/s.ts': 5 } },
  { author: 'ada', at: '2024-02-01T12:00:00Z', write: { 'core/a.ts': 5, 'core/b.ts': 5, 'core/c.ts': 5 } },
  { author: 'erin', at: '2024-02-15T12:00:00Z', write: { 'core/a.ts': 5, 'core/c.ts': 5 } },
  { author: 'ada', at: '2024-03-01T12:00:00Z', write: { 'core/a.ts': 5, 'core/b.ts': 5, 'core/c.ts': 5 } },
  { author: 'ada', at: '2024-03-02T12:00:00Z', write: { 'core/a.ts': 5, 'core/b.ts': 5, 'core/c.ts': 5 } },
  { author: 'ada', at: '2024-06-01T12:00:00Z', write: { 'shared/s.ts': 5 } },
  { author: 'ada', at: '2024-06-02T12:00:00Z', write: { 'shared/s.ts': 5 } },
  { author: 'ada', at: '2024-06-03T12:00:00Z', write: { 'shared/s.ts': 5 } },
  { author: 'bob', at: '2024-06-20T12:00:00Z', write: { 'core/b.ts': 5 } },
];

const scan = (dir: string, ...args: string[]) => runCli(['--until', '2024-06-30', '--depth', '1', '--leaving', 'ada', ...args], { cwd: dir });

describe('scan --leaving: active authors and successors (black box)', { tags: ['slow'] }, () => {
  // scan said "242 files of 338 lose their last author", the handoff "Left with no active author:
  // 276 files"; and "INSTALL → Pedro Melo (inactive; no successor)" read as "Pedro Melo takes over".
  it('gives, beside the published figure, the files left with no active author, and says plainly that the one owner left is inactive', () => {
    const repo = buildRepo(history);
    const text = scan(repo.dir, '-q').stdout;
    expect(text).toContain('Truck factor 1 → 0 · 3 files of 4 lose their last author (75%) · 4 files left with no active author (100%: 1 more keeps only inactive authors) · orphaned module: core');
    expect(text).toContain('1 file left with a single owner: shared/s.ts: only Dan stays an author, inactive since 2023-01-01 (no successor)');
    expect(text).not.toContain('→ Dan');
    // The projection's "now" still counts an undated departure, which the timeline counts from now:
    // its heading says from when (SQLAlchemy: "now 2, +30d 1" read as the figure after Mike Bayer leaves).
    expect(text).toContain('(authors on 2024-06-30 (--until) and projected: departures (undated: Ada, from +30d), inactivity and decay,');
    expect(scan(repo.dir, '-q', '--leaving', 'ada=2024-07-15').stdout).toContain('and projected: departures, inactivity and decay,');
    const json = scanOutputSchema.parse(JSON.parse(scan(repo.dir, '--format', 'json').stdout));
    expect(json.departures?.noActiveAuthorFiles).toBe(4);
    expect(json.departures?.onlyInactiveAuthorsLeft).toEqual(['shared/s.ts']);
    expect(json.departures?.singleOwnerFiles.map((file) => [file.path, file.remainingAuthorsInactive])).toEqual([['shared/s.ts', true]]);
    const markdown = scan(repo.dir, '--format', 'markdown').stdout;
    expect(markdown).toContain('- 4 files left with no active author (100%: 1 more keeps only inactive authors)\n');
  });

  // artix, successor on src/redis-cli.c and best placed for utils, had not committed for 133 days
  // (active under the 180-day window) and never committed again: scan named him as any other.
  it('marks a successor whose last commit is over half the inactivity window old, where it names successors and the best placed', () => {
    const repo = buildRepo(history);
    const text = scan(repo.dir, '-q').stdout;
    const row = (start: string) => text.split('\n').find((line) => line.startsWith(start)) ?? '';
    // Erin's one commit makes her a one-off contributor too: said before the days.
    expect(row('    core ')).toMatch(/ {2}Erin \(2, all weak; one-off; last commit 136 days ago\)$/);
    expect(row('    core/a.ts ')).toMatch(/Erin \(weak, DOA 3\.10, one-off; last commit 136 days ago\)$/);
    // Bob committed 10 days before: no mark.
    expect(row('    core/b.ts ')).toMatch(/Bob \([^;)]*\)$/);
    expect(text).toContain('; last commit N days ago: none in the last 90 days; one-off: ');
    const json = scanOutputSchema.parse(JSON.parse(scan(repo.dir, '--format', 'json').stdout));
    expect(json.departures?.fadingAfterDays).toBe(90);
    const successors = Object.fromEntries((json.departures?.orphanedFiles ?? []).map((file) => [file.path, file.successor]));
    expect(successors['core/a.ts']).toMatchObject({ name: 'Erin', fading: true, lastCommit: '2024-02-15T12:00:00.000Z' });
    expect(successors['core/b.ts']).toMatchObject({ name: 'Bob', fading: false });
    const markdown = scan(repo.dir, '--format', 'markdown').stdout;
    expect(markdown).toMatch(/\| `core` \|.*\| Erin \(2, all weak; a one-off contributor; last commit 136 days ago\) \|\n/);
  });
});
