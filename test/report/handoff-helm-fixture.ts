import type { FixtureCommit } from '../helpers/git-fixture.ts';

// Small histories for four spots of helm's handoffs at 2020-01-01 (Adam Reese and Michelle Noorali
// leaving; a tester), shared by the report and CLI tests. Reference date 2025-01-01, inactive after
// 180 days (the default): from 2024-07-05 back.

const day = (date: string, n: number) => `${date}T${String(10 + n).padStart(2, '0')}:00:00Z`;

/**
 * "Kept by": alice creates f.go and changes it 10 times (active); bob changed it twice about 300 days
 * before (inactive); carol changed it twice lately (active). dan created g.go and changed it 5 times
 * in 2023 (inactive); carol changed it twice lately. Each also authors a file of their own.
 *   f.go: author alice (11 changes). Not kept by bob (inactive), nor by carol (alice changed it more).
 *   g.go: author dan (6 changes, inactive). Kept by carol: an inactive author's changes do not count
 *   (redis: the active maintainer keeps server.c, which antirez changed far more).
 */
export function keeperHistory(): FixtureCommit[] {
  const commits: FixtureCommit[] = [{ author: 'dan', at: day('2023-01-10', 0), message: 'g', write: { 'lib/g.go': 'g 0\n', 'lib/d.go': 'd\n' } }];
  for (let n = 1; n <= 5; n++) commits.push({ author: 'dan', at: day(`2023-0${n + 1}-10`, 0), message: `g ${n}`, write: { 'lib/g.go': `g ${n}\n` } });
  commits.push({ author: 'alice', at: day('2024-01-05', 0), message: 'f', write: { 'lib/f.go': 'f 0\n', 'lib/a.go': 'a\n' } });
  commits.push({ author: 'bob', at: day('2024-03-01', 0), message: 'f by bob', write: { 'lib/f.go': 'f bob 1\n', 'lib/b.go': 'b\n' } });
  commits.push({ author: 'bob', at: day('2024-03-05', 0), message: 'f by bob again', write: { 'lib/f.go': 'f bob 2\n' } });
  for (let n = 1; n <= 10; n++) commits.push({ author: 'alice', at: day(`2024-${String(n + 1).padStart(2, '0')}-15`, 0), message: `f ${n}`, write: { 'lib/f.go': `f ${n}\n` } });
  commits.push({ author: 'carol', at: day('2024-12-01', 0), message: 'f and g by carol', write: { 'lib/f.go': 'f carol 1\n', 'lib/g.go': 'g carol 1\n', 'lib/c.go': 'c\n' } });
  commits.push({ author: 'carol', at: day('2024-12-02', 0), message: 'f and g by carol again', write: { 'lib/f.go': 'f carol 2\n', 'lib/g.go': 'g carol 2\n' } });
  return commits;
}

/**
 * Mia, whom the truck factor does not count, lowers it; her files with no successor are mostly test
 * data; a dependency update scoped to go.mod; a dotfile fixture of her area.
 *   Sole files: xena 10 (x/), yuri 6 (y/), zoe 3 (z/), mia 3 (src/m.go, src/testdata/a.txt,
 *   src/testdata/.helmignore); src/testdata/c.txt: ivan (2023, inactive) and mia (3 changes), both authors.
 *   Truck factor 2 (xena, yuri): without xena 13 of 23 files keep an author (56.5%); without mia
 *   too, 10 (43.5%): 2 → 1. Mia's 4 files have no successor (nobody active who stays changed them):
 *   src/m.go code, the 3 others in testdata. .helmignore has 3 commits of hers, m.go 2.
 */
export function lowerHistory(): FixtureCommit[] {
  const files = (folder: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${folder}/f${i}.go`, `${folder} ${i}\n`]));
  return [
    { author: 'ivan', at: day('2023-03-01', 0), message: 'c fixture', write: { 'src/testdata/c.txt': 'c 0\n' } },
    { author: 'xena', at: day('2024-09-01', 0), message: 'x', write: files('x', 10) },
    { author: 'yuri', at: day('2024-09-02', 0), message: 'y', write: files('y', 6) },
    { author: 'zoe', at: day('2024-09-03', 0), message: 'z', write: files('z', 3) },
    { author: 'mia', at: day('2024-09-04', 0), message: 'm', write: { 'src/m.go': 'm 0\n', 'src/testdata/a.txt': 'a\n', 'src/testdata/.helmignore': 'i 0\n', 'src/testdata/c.txt': 'c 1\n' } },
    { author: 'mia', at: day('2024-09-05', 0), message: 'ignore more', write: { 'src/testdata/.helmignore': 'i 1\n', 'src/testdata/c.txt': 'c 2\n' } },
    { author: 'mia', at: day('2024-09-06', 0), message: 'ignore even more', write: { 'src/testdata/.helmignore': 'i 2\n', 'src/testdata/c.txt': 'c 3\n' } },
    { author: 'mia', at: day('2024-12-10', 0), message: 'ref(go.mod): kubernetes 1.16.2', write: { 'src/m.go': 'm 1\n' } },
  ];
}
