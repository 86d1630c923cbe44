import { describe, expect, it } from 'vitest';
import { computeDoa } from '../../src/model/doa.ts';
import { currentAuthorsOf, currentFigures, decayedAuthors, inactiveDevelopers, projectExperts, projectedDoa } from '../../src/model/decay.ts';
import { resolveDepartures } from '../../src/model/departures.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

const ADA = 'ada@example.com';
const BOB = 'bob@example.com';
const CAROL = 'carol@example.com';
const ERIN = 'erin@example.com';
const FRANK = 'frank@example.com';

// Reference date: analyzeRepo's clock, 2025-01-01T00:00Z. Half-life 365 days, inactive after 200.
const REF = Date.parse('2025-01-01T00:00:00Z') / 1000;
const w = (iso: string) => Math.pow(2, -(REF - Date.parse(iso) / 1000) / (365 * 86_400));

/**
 *   core/a.ts  ada A 2022-01-01, ada M 2022-01-02/03/04; bob M 2024-12-01, 2024-12-02
 *              classic: ada FA1 DL3 AC2 → 4.5303; bob DL2 AC3 → 3.176 (norm 0.701) → authors [ada]
 *              decayed: ada's weights ≈ 0.125, bob's ≈ 0.94 → bob has the highest decayed DOA, ada
 *              keeps normDOA > 0.75 and the creator exemption → decayed authors [ada, bob]
 *   web/c.ts   dan A 2024-03-01      (last commit 305.5 days ago: inactive now)
 *   web/d.ts   erin A 2024-08-15     (138.5 days: active now and at +30, inactive from +90)
 *   web/b.ts   carol A 2024-12-20    (11.5 days; leaves 2025-02-15: gone from +90)
 *   web/e.ts   frank A 2024-12-30    (1.5 days: active through +180, 181.5 ≤ 200)
 *   bob's last commit: 29.5 days ago → inactive at +180 (209.5 > 200). ada: 1092.5 days.
 */
function build() {
  return buildRepo([
    { author: 'ada', at: '2022-01-01T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'ada', at: '2022-01-02T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'ada', at: '2022-01-03T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'ada', at: '2022-01-04T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'dan', at: '2024-03-01T12:00:00Z', write: { 'web/c.ts': 3 } },
    { author: 'erin', at: '2024-08-15T12:00:00Z', write: { 'web/d.ts': 3 } },
    { author: 'bob', at: '2024-12-01T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'bob', at: '2024-12-02T12:00:00Z', write: { 'core/a.ts': 3 } },
    { author: 'carol', at: '2024-12-20T12:00:00Z', write: { 'web/b.ts': 3 } },
    { author: 'frank', at: '2024-12-30T12:00:00Z', write: { 'web/e.ts': 3 } },
  ]);
}

const CONFIG = { model: { halfLife: 365, inactiveAfter: 200 } };

describe('decay, inactivity and current figures (METRICS §7)', () => {
  it('computes the decayed DOA from the event weights', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    const adaFa = w('2022-01-01T12:00:00Z');
    const adaDl = w('2022-01-02T12:00:00Z') + w('2022-01-03T12:00:00Z') + w('2022-01-04T12:00:00Z');
    const bobDl = w('2024-12-01T12:00:00Z') + w('2024-12-02T12:00:00Z');
    const ada = contributionOf(analysis, 'core/a.ts', ADA);
    const bob = contributionOf(analysis, 'core/a.ts', BOB);
    expect(ada.decayed?.doa).toBeCloseTo(computeDoa(adaFa, adaDl, bobDl), 10);
    expect(bob.decayed?.doa).toBeCloseTo(computeDoa(0, bobDl, adaDl), 10);
    expect(ada.isAuthor).toBe(true);
    expect(bob.isAuthor).toBe(false);
    expect(fileOf(analysis, 'core/a.ts').authors).toEqual([ADA]);
    expect(decayedAuthors(fileOf(analysis, 'core/a.ts'))).toEqual([ADA, BOB]);
  });

  it('lists the old author as inactive and drops them from the current figures when configured', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    expect(inactiveDevelopers(analysis).map((d) => [d.name, d.daysSinceLastCommit])).toEqual([
      ['Ada', 1092],
      ['Dan', 305],
    ]);
    const a = fileOf(analysis, 'core/a.ts');
    expect(currentAuthorsOf(analysis, { treatInactiveAsDeparted: false })(a)).toEqual([ADA, BOB]);
    expect(currentAuthorsOf(analysis, { treatInactiveAsDeparted: true })(a)).toEqual([BOB]);

    // classic: ada (4 changes), carol, dan, erin, frank author one file each → 5/5, 4/5, 3/5, 2/5 → TF 3
    // current, inactive gone: a → bob, b → carol, c → nobody, d → erin, e → frank: 4/5 → 3/5 → 2/5 → TF 2
    const figures = currentFigures(analysis, { treatInactiveAsDeparted: true });
    expect(figures.classic.developers.map((m) => m.id)).toEqual([ADA, CAROL, 'dan@example.com']);
    expect(figures.current.value).toBe(2);
    expect(figures.current.developers.map((m) => m.id)).toEqual([BOB, CAROL]);
    expect(figures.modules.find((m) => m.path === 'core')).toMatchObject({ currentAuthors: [BOB], classic: { value: 1 }, current: { value: 1 } });
    expect(figures.hasDecay).toBe(true);
  });

  it('recomputes the decayed DOA exactly at a future date (weights halve after one half-life)', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    const a = fileOf(analysis, 'core/a.ts');
    const ada = contributionOf(analysis, 'core/a.ts', ADA).decayed;
    const bob = contributionOf(analysis, 'core/a.ts', BOB).decayed;
    if (!ada || !bob) throw new Error('decayed figures expected');
    const adaDoa = computeDoa(ada.fa / 2, ada.dl / 2, ada.ac / 2);
    const bobDoa = computeDoa(bob.fa / 2, bob.dl / 2, bob.ac / 2);
    const projected = projectedDoa(a, 365, 365);
    expect(projected.map((c) => c.developer)).toEqual([ADA, BOB]);
    expect(projected[0]?.doa).toBeCloseTo(adaDoa, 10);
    expect(projected[1]?.doa).toBeCloseTo(bobDoa, 10);
    expect(projected[0]?.normDoa).toBeCloseTo(adaDoa / Math.max(adaDoa, bobDoa), 10);
    // The constant and the log do not scale: ada's normDOA rises toward 1 as time passes.
    expect(projected[0]?.normDoa).toBeGreaterThan(ada.normDoa);
    expect(projected.map((c) => c.isAuthor)).toEqual([true, true]);
  });

  it('projects the experts of each module from dated departures and inactivity', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: { ...CONFIG, departures: [{ who: 'carol', date: '2025-02-15' }] } });
    const departures = resolveDepartures(analysis.developers, { config: [{ who: 'carol', date: '2025-02-15' }] });
    const projection = projectExperts(analysis, departures);
    expect(projection.horizons).toEqual([0, 30, 90, 180]);
    expect(projection.gone).toEqual([
      { days: 0, departed: [], inactive: [ADA, 'dan@example.com'] },
      { days: 30, departed: [], inactive: [ADA, 'dan@example.com'] },
      { days: 90, departed: [CAROL], inactive: [ADA, 'dan@example.com', ERIN] },
      { days: 180, departed: [CAROL], inactive: [ADA, 'dan@example.com', ERIN, BOB] },
    ]);
    const web = projection.modules.find((m) => m.path === 'web');
    // web: 3 experts now (carol, erin, frank; dan is inactive), 1 from +90 days (carol left, erin inactive).
    expect(web?.points.map((p) => [p.date, p.experts])).toEqual([
      ['2025-01-01', [CAROL, ERIN, FRANK]],
      ['2025-01-31', [CAROL, ERIN, FRANK]],
      ['2025-04-01', [FRANK]],
      ['2025-06-30', [FRANK]],
    ]);
    expect(web?.points.map((p) => p.truckFactor)).toEqual([2, 2, 0, 0]);
    const core = projection.modules.find((m) => m.path === 'core');
    expect(core?.points.map((p) => p.experts)).toEqual([[BOB], [BOB], [BOB], []]);
  });

  it('counts an undated departure from the first horizon after now', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    const projection = projectExperts(analysis, [{ id: FRANK, name: 'Frank' }], { inactiveAsGone: false });
    expect(projection.gone.map((g) => g.departed)).toEqual([[], [FRANK], [FRANK], [FRANK]]);
    expect(projection.gone.every((g) => g.inactive.length === 0)).toBe(true);
  });
});
