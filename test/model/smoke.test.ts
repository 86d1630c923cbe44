import { describe, expect, it } from 'vitest';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo, contributionOf } from '../helpers/analyze.ts';

describe('analyze on a fixture repository', () => {
  it('computes FA, DL, AC and DOA by hand', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    const ada = contributionOf(analysis, 'a.ts', 'ada@example.com');
    const bob = contributionOf(analysis, 'a.ts', 'bob@example.com');
    expect([ada.fa, ada.dl, ada.ac]).toEqual([1, 0, 2]);
    expect([bob.fa, bob.dl, bob.ac]).toEqual([0, 2, 0]);
    // ada: 3.293 + 1.098 - 0.321·ln 3 = 4.03835; bob: 3.293 + 0.328 = 3.621
    expect(ada.doa).toBeCloseTo(3.293 + 1.098 - 0.321 * Math.log(3), 10);
    expect(bob.doa).toBeCloseTo(3.621, 10);
    // bob: normDOA 3.621 / 4.03835 = 0.8967 > 0.75 and DOA ≥ 3.293 → author too
    expect(bob.normDoa).toBeCloseTo(3.621 / (3.293 + 1.098 - 0.321 * Math.log(3)), 10);
    expect(analysis.files[0]?.authors).toEqual(['ada@example.com', 'bob@example.com']);
  });
});
