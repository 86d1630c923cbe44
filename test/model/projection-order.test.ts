import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { currentFigures, projectExperts } from '../../src/model/decay.ts';
import { renderCurrentSection } from '../../src/report/departures-current.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

// The order of scan's "Experts per module" (the current figures' projection).

const ctx = { chalk: new Chalk({ level: 0 }), width: 100 };

describe('experts per module of scan', () => {
  // laravel after a fresh commit: +90d was 0 for every module, the table then listed the largest
  // modules first, and src/Illuminate/Hashing (no expert now) fell into "… 33 more".
  it('breaks ties at the last horizon by the columns before it, fewest first', async () => {
    // Measured on 2025-01-01, inactive after 180 days: ada and bob (big, 6 files) last committed
    // 103 days before (active now and at +30d, gone at +90d); dan (hash, 5 files) 214 days before
    // (gone now); frank 12 days before, in a 1-file module (active at +90d, so +90d is shown).
    const history: FixtureCommit[] = [
      { author: 'dan', at: '2024-06-01T12:00:00Z', write: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`hash/h${i}.ts`, 3])) },
      { author: 'ada', at: '2024-09-20T12:00:00Z', write: { 'big/a0.ts': 3, 'big/a1.ts': 3, 'big/a2.ts': 3 } },
      { author: 'bob', at: '2024-09-20T13:00:00Z', write: { 'big/b0.ts': 3, 'big/b1.ts': 3, 'big/b2.ts': 3 } },
      { author: 'frank', at: '2024-12-20T12:00:00Z', write: { 'misc/x.ts': 3 } },
    ];
    const analysis = await analyzeRepo(buildRepo(history).dir, { depth: 1 });
    const projection = projectExperts(analysis, []);
    const counts = Object.fromEntries(projection.modules.map((m) => [m.path, m.points.map((p) => p.experts.length)]));
    expect(counts).toEqual({ big: [2, 2, 0], hash: [0, 0, 0], misc: [1, 1, 1] });
    const text = renderCurrentSection(currentFigures(analysis, { treatInactiveAsDeparted: false }), projection, ctx);
    const rows = text.split('\n').filter((line) => /^ {4}(big|hash|misc) /.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(rows).toEqual(['hash', 'big', 'misc']);
    expect(text).toContain('fewest experts at the end first, then in the columns before;');
  });
});
