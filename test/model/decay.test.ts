import { describe, expect, it } from 'vitest';
import { computeDoa, isAuthor } from '../../src/model/doa.ts';
import { currentAuthorsOf, currentFigures, decayedAuthors, inactiveDevelopers, projectExperts, projectedDoa } from '../../src/model/decay.ts';
import { resolveDepartures } from '../../src/model/resolve-departures.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { ADA, BOB, buildDecayRepo as build, CAROL, DECAY_CONFIG as CONFIG, w } from './departures-fixture.ts';
const ERIN = 'erin@example.com';
const FRANK = 'frank@example.com';

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
    // ada's creation is three half-lives old (weight 0.125 < 0.5): no creator exemption, and her
    // decayed DOA is below 3.293 → bob alone is the current author.
    expect(ada.decayed?.doa).toBeLessThan(3.293);
    expect(decayedAuthors(fileOf(analysis, 'core/a.ts'))).toEqual([BOB]);
  });

  it('measures ages from the end of the analysis day, so the figures do not change within a day', async () => {
    const morning = await analyzeRepo(build().dir, { depth: 1, config: CONFIG, now: new Date('2025-01-01T00:00:01Z') });
    const evening = await analyzeRepo(build().dir, { depth: 1, config: CONFIG, now: new Date('2025-01-01T23:30:00Z') });
    expect(morning.settings.referenceDate).toBe('2025-01-01T23:59:59.000Z');
    expect(morning.repository.analyzedAt).toBe('2025-01-01T00:00:01.000Z');
    expect(evening.files).toEqual(morning.files);
    const nextDay = await analyzeRepo(build().dir, { depth: 1, config: CONFIG, now: new Date('2025-01-02T00:00:00Z') });
    expect(nextDay.settings.referenceDate).toBe('2025-01-02T23:59:59.000Z');
    expect(contributionOf(nextDay, 'core/a.ts', BOB).decayed?.dl).toBeLessThan(contributionOf(morning, 'core/a.ts', BOB).decayed?.dl ?? 0);
  });

  it('lists the old author as inactive and drops them from the current figures when configured', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    expect(inactiveDevelopers(analysis).map((d) => [d.name, d.daysSinceLastCommit])).toEqual([
      ['Ada', 1093],
      ['Dan', 306],
    ]);
    const a = fileOf(analysis, 'core/a.ts');
    expect(currentAuthorsOf(analysis, { treatInactiveAsDeparted: false })(a)).toEqual([BOB]);
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
    // The author rule a year on is the one a scan made that day would apply: the creator exemption
    // reads the weighted FA then, halved (it read the unweighted FA, which kept a creator an author
    // of the projection long after the current figures had let them go; an explainability test).
    const rule = (c: { fa: number }, doa: number, norm: number) => isAuthor(doa, norm, c.fa / 2 >= 0.5 ? 1 : 0);
    expect(projected.map((c) => c.isAuthor)).toEqual([rule(ada, adaDoa, projected[0]?.normDoa ?? 0), rule(bob, bobDoa, projected[1]?.normDoa ?? 0)]);
    expect(projected[0]?.isAuthor).toBe(false);
  });

  it('projects the authors a scan made on that day would find (the creator exemption read the unweighted FA)', async () => {
    // Ada created x.ts two years ago; Bob changed it ten times a year ago. As everyone's DOA fades
    // towards the floor, Ada's normDOA passes 0.75 by +180 days, while her creation weighs 0.25 × 0.71:
    // no creator exemption, and her DOA is below 3.293, so she is no author then.
    const repo = buildRepo([
      { author: 'ada', at: '2023-01-01T12:00:00Z', write: { 'x.ts': 5 } },
      ...Array.from({ length: 10 }, (_, i) => ({ author: 'bob', at: `2024-01-${String(i + 1).padStart(2, '0')}T12:00:00Z`, write: { 'x.ts': 6 + i } })),
    ]);
    const config = { model: { inactiveAfter: 1000 } };
    const today = await analyzeRepo(repo.dir, { depth: 1, config });
    const later = await analyzeRepo(repo.dir, { depth: 1, config, now: new Date('2025-06-30T00:00:00Z') });
    const projected = projectedDoa(fileOf(today, 'x.ts'), 365, 180);
    const measured = fileOf(later, 'x.ts').contributions.map((c) => ({ developer: c.developer, isAuthor: c.decayed?.isAuthor }));
    expect(projected.find((c) => c.developer === ADA)?.normDoa).toBeGreaterThan(0.75);
    expect(projected.map((c) => ({ developer: c.developer, isAuthor: c.isAuthor }))).toEqual(measured);
    expect(projectExperts(today, [], { horizons: [180] }).modules[0]?.points[0]?.experts).toEqual([BOB]);
  });

  it('keeps the creator exemption at the half-weight boundary as a scan on that day does (2^(-275/365)·2^(-90/365) came out below 0.5)', () => {
    const wfa = Math.pow(2, -275 / 365);
    const decayed = { fa: wfa, dl: 0, ac: 10, doa: computeDoa(wfa, 0, 10), normDoa: 1, isAuthor: true };
    const file = { path: 'f.ts', authors: ['ann'], events: 11, lastChange: 0, contributions: [{ developer: 'ann', fa: 1 as const, dl: 0, ac: 10, doa: computeDoa(1, 0, 10), normDoa: 1, isAuthor: true, lastChange: 0, decayed }] };
    const [ann] = projectedDoa(file, 365, 90);
    // Below the 3.293 floor: only the creator exemption makes Ann an author.
    expect(ann?.doa).toBeLessThan(3.293);
    expect(ann?.isAuthor).toBe(true);
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

  it('projects to no horizon at which everyone is inactive (with no new commits)', async () => {
    // The default of 180 days made +180d 0 experts in every module, whatever the history. The
    // fixture's last commit is a month before the analysis day.
    const at = (inactiveAfter: number, now?: string) => analyzeRepo(build().dir, { depth: 1, config: { model: { halfLife: 365, inactiveAfter } }, ...(now ? { now: new Date(now) } : {}) });
    expect(projectExperts(await at(180), []).horizons).toEqual([0, 30, 90]);
    expect(projectExperts(await at(90), []).horizons).toEqual([0, 30]);
    expect(projectExperts(await at(365), []).horizons).toEqual([0, 30, 90, 180]);
    // A last commit dated after the analysis day (a clock ahead) counts as made at its end: active
    // up to +180d, as someone who committed that evening is, and inactive after (dated 2100, its
    // author was active for ever: hostile-repository test).
    const ahead = await at(180, '2024-10-01T00:00:00Z');
    expect(projectExperts(ahead, []).horizons).toEqual([0, 30, 90, 180]);
    expect(inactiveDevelopers(ahead, { horizon: 181 })).toHaveLength(ahead.developers.length);
    expect(ahead.warnings.some((w) => /commit\(s\) are dated after the analysis date, the latest 20\d\d-\d\d-\d\d \([0-9a-f]{12}\): a clock was wrong/.test(w))).toBe(true);
    // Without inactivity, every horizon says something.
    expect(projectExperts(await at(180), [], { inactiveAsGone: false }).horizons).toEqual([0, 30, 90, 180]);
  });

  it('counts an undated departure from the first horizon after now', async () => {
    const analysis = await analyzeRepo(build().dir, { depth: 1, config: CONFIG });
    const projection = projectExperts(analysis, [{ id: FRANK, name: 'Frank' }], { inactiveAsGone: false });
    expect(projection.gone.map((g) => g.departed)).toEqual([[], [FRANK], [FRANK], [FRANK]]);
    expect(projection.gone.every((g) => g.inactive.length === 0)).toBe(true);
  });
});
