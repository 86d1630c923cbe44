import { describe, expect, it } from 'vitest';
import { analyzeRepo, contributionOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('commit order', { tags: ['slow'] }, () => {
  it('follows a rename even when the renaming commit has an older date than its parent (clock skew)', async () => {
    // main: ada adds a.ts (Mar 10) → bob renames it, with a clock 9 days behind (Mar 1).
    // side (from ada's commit): carol's commit (Mar 20), merged into main (Mar 25).
    // Walking by date alone, git reaches ada's commit through carol's before bob's child commit.
    const repo = buildRepo([
      { author: 'ada', at: '2024-03-10T00:00:00Z', write: { 'a.ts': 10 } },
      { author: 'carol', at: '2024-03-20T00:00:00Z', branch: 'side', write: { 'other.ts': 10 } },
      { author: 'bob', at: '2024-03-01T00:00:00Z', checkout: 'main', rename: { 'a.ts': 'b.ts' } },
      { author: 'dave', at: '2024-03-25T00:00:00Z', merge: 'side' },
    ]);
    const plain = repo.git('rev-list', '--no-merges', 'HEAD').trim().split('\n');
    const defaultOrder = repo.git('log', '--format=%an', '--no-merges', 'HEAD').trim().split('\n');
    // The premise: git's default order really shows ada's commit before bob's.
    expect(plain).toHaveLength(3);
    expect(defaultOrder).toEqual(['Carol', 'Ada', 'Bob']);
    const analysis = await analyzeRepo(repo.dir);
    // b.ts's history: ada's add of a.ts (FA 1), bob's rename (DL 1 for bob, AC 1 for ada).
    expect(contributionOf(analysis, 'b.ts', 'ada@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 1 });
    expect(contributionOf(analysis, 'b.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
  });
});
