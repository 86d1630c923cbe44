import { describe, expect, it } from 'vitest';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { analyzeRepo, fileOf } from '../helpers/analyze.ts';

// The worked example of docs/metrics.md, so that the page cannot drift from what the code computes.
// Same authors, dates and events as the script there.

const history: FixtureCommit[] = [
  { author: 'ada', at: '2024-01-10T12:00:00Z', write: { 'src/billing.ts': 'export const total = 0;\n' } },
  { author: 'ada', at: '2024-01-12T12:00:00Z', write: { 'README.md': '# Demo\n' } },
  { author: 'bob', at: '2024-02-01T12:00:00Z', write: { 'src/billing.ts': 'export const total = 0;\n// rounding\n' } },
  { author: 'bob', at: '2024-03-01T12:00:00Z', write: { 'src/billing.ts': 'export const total = 0;\n// rounding\n// taxes\n' } },
  { author: 'bob', at: '2024-03-15T12:00:00Z', write: { 'src/billing.ts': 'export const total = 0;\n// rounding\n// taxes\n// discounts\n' } },
  { author: 'carol', at: '2024-04-01T12:00:00Z', rename: { 'src/billing.ts': 'src/pay/billing.ts' } },
  { author: 'carol', at: '2024-04-10T12:00:00Z', write: { 'src/pay/refund.ts': 'export const refund = 0;\n' } },
  {
    author: 'dan',
    at: '2024-05-01T12:00:00Z',
    write: { 'src/pay/billing.ts': 'export const total = 0;\n// rounding\n// taxes\n// discounts\n// currency\n' },
    coAuthors: ['erin'],
  },
];

const table = (analysis: Awaited<ReturnType<typeof analyzeRepo>>) =>
  fileOf(analysis, 'src/pay/billing.ts').contributions.map((c) => [c.developer.split('@')[0], c.fa, c.dl, c.ac, Number(c.doa.toFixed(3)), Number(c.normDoa.toFixed(3)), c.isAuthor]);

describe('the worked example of docs/metrics.md', { tags: ['slow'] }, () => {
  it('gives the figures the page works out by hand', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir);
    // 5 M/R events on src/pay/billing.ts (3 by Bob, Carol's rename, Dan's co-authored change)
    expect(table(analysis)).toEqual([
      ['ada', 1, 0, 5, 3.816, 1, true], // 4.391 − 0.321·ln 6
      ['bob', 0, 3, 2, 3.432, 0.899, true], // 3.785 − 0.321·ln 3
      ['carol', 0, 1, 4, 2.94, 0.771, false], // 3.457 − 0.321·ln 5, below 3.293
      ['dan', 0, 1, 4, 2.94, 0.771, false],
      ['erin', 0, 1, 4, 2.94, 0.771, false],
    ]);
    // Ada 2 files; Bob and Carol 1 each, Bob with more changes (3 against 2): 3/3 → −Ada → 2/3 → −Bob → 1/3.
    expect(analysis.truckFactor.value).toBe(2);
    expect(analysis.truckFactor.developers.map((d) => d.id)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(analysis.truckFactor.coverage).toBeCloseTo(1 / 3, 12);
    // src at depth 1: Bob, Carol, Ada by changes; 2/2 → 2/2 → 1/2 (not < 0.5) → 0: TF 3.
    const src = analysis.modules.find((m) => m.path === 'src');
    expect(src?.truckFactor.developers.map((d) => d.id)).toEqual(['bob@example.com', 'carol@example.com', 'ada@example.com']);
  });

  it('drops Erin and changes nothing else under the classic model', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir, { model: 'classic' });
    expect(table(analysis)).toEqual([
      ['ada', 1, 0, 5, 3.816, 1, true],
      ['bob', 0, 3, 2, 3.432, 0.899, true],
      ['carol', 0, 1, 4, 2.94, 0.771, false],
      ['dan', 0, 1, 4, 2.94, 0.771, false],
    ]);
    expect(analysis.truckFactor.value).toBe(2);
  });
});
