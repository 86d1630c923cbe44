import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { buildNamed } from '../report/handoff-fixture.ts';
import { keeperHistory, lowerHistory } from '../report/handoff-helm-fixture.ts';

// The built CLI on four spots of helm's handoffs at 2020-01-01, Adam Reese and Michelle Noorali
// leaving (a tester): `handoff "Michelle Noorali=2020-03-31" --leaving "Adam Reese=2020-03-31" --until 2020-01-01`.

describe('talentrisk handoff: helm’s four spots (built CLI)', { tags: ['slow'] }, () => {
  it('keeps no "kept by" for someone inactive, nor for someone who changed a file less than its author leaving too', () => {
    const repo = buildNamed('keep', keeperHistory());
    const handoff = (who: string, other: string) => runCli(['handoff', `${who}=2025-03-31`, '--leaving', `${other}=2025-03-31`, '--until', '2025-01-01', '--depth', '1', '--no-cache'], { cwd: repo.dir });
    const bob = handoff('bob', 'alice');
    expect(bob.exitCode).toBe(0);
    expect(bob.stdout).toContain('**Inactive:** no commit for');
    expect(bob.stdout).toContain('| `lib/f.go` | 2 | 2024-03-05 | Alice |');
    expect(bob.stdout).not.toContain('kept by');
    expect(bob.stdout).not.toContain('Walk through what Bob keeps');
    const carol = handoff('carol', 'alice');
    expect(carol.stdout).toContain('| `lib/g.go` | 2 | 2024-12-02 | Dan (inactive) · **kept by Carol** |');
    expect(carol.stdout).toContain('| `lib/f.go` | 2 | 2024-12-02 | Alice |');
    const json = JSON.parse(runCli(['handoff', 'carol=2025-03-31', '--leaving', 'alice=2025-03-31', '--until', '2025-01-01', '--depth', '1', '--no-cache', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.alsoWorkedOn.map((file: { path: string; keeper: boolean }) => [file.path, file.keeper])).toEqual([
      ['lib/g.go', true],
      ['lib/f.go', false],
    ]);
  });

  it('says why the truck factor falls, splits the files with no successor, and orders a fixture and a go.mod bump', () => {
    const repo = buildNamed('lower', lowerHistory());
    const markdown = runCli(['handoff', 'mia', '--until', '2025-01-01', '--depth', '1', '--no-cache'], { cwd: repo.dir });
    expect(markdown.exitCode).toBe(0);
    const out = markdown.stdout;
    expect(out).toContain(
      '- **Truck factor:** 2 → 1 if Mia leaves.\n  Mia is not one of the 2 people it counts, but without its first person, 56.5% of the files keep an author, and 3 of the 4 files Mia authors have no other author then: without them 43.5% do, fewer than half, so it stops at 1.\n',
    );
    expect(out).toContain('**no successor** for 4 (1 code file, 3 test files and fixtures)');
    expect(out).toContain('- **Left with no active author:** 4 files of theirs (1 code file, 3 test files and fixtures): after Mia,');
    expect(out).toContain('nobody active who stays has changed any of the 4 files nobody active would author after Mia (1 code file, 3 test files and fixtures): each needs a knowledge transfer.');
    // The code of the area before its fixtures; the go.mod bump with the dependency updates.
    expect(out.indexOf('| `src/m.go` |')).toBeGreaterThan(0);
    expect(out.indexOf('| `src/m.go` |')).toBeLessThan(out.indexOf('| `src/testdata/.helmignore` |'));
    expect(out).toContain('Dependency updates: 1 commit:\n\n- `');
    expect(out).toMatch(/Dependency updates: 1 commit:\n\n- `[0-9a-f]{10}` 2024-12-10: ref\(go\.mod\): kubernetes 1\.16\.2 \(`src\/m\.go`\)/);

    const json = JSON.parse(runCli(['handoff', 'mia', '--until', '2025-01-01', '--depth', '1', '--no-cache', '--format', 'json'], { cwd: repo.dir }).stdout);
    const split = { code: 1, tests: 3, examples: 0, docs: 0, settings: 0 };
    expect(json.summary).toMatchObject({ noSuccessor: 4, noSuccessorByCategory: split, noActiveAuthorLeftByCategory: split });
    expect(json.summary.truckFactor).toEqual({ before: 2, afterThem: 1, whyLower: { people: 1, coverage: 13 / 23, coverageWithoutThem: 10 / 23, theirFiles: 3 } });
    expect(json.recent.groups.map((group: { subject: string; dependencyUpdate: boolean }) => [group.subject, group.dependencyUpdate])).toEqual([['ref(go.mod): kubernetes 1.16.2', true]]);
  });
});
