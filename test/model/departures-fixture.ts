import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

// Hand-computed fixture repositories shared by the departures and decay tests.

export const ADA = 'ada@example.com';
export const BOB = 'bob@example.com';
export const CAROL = 'carol@example.com';

/**
 * Two modules (depth 1): pay/ and web/.
 *
 *   pay/a.ts  ada A, ada M×3                         ada FA1 DL3 AC0
 *   pay/b.ts  ada A, ada M×3, bob M×1                ada FA1 DL3 AC1 → 3.293+1.098+0.492−0.321·ln2 = 4.6605
 *                                                    bob DL1 AC3     → 3.293+0.164−0.321·ln4 = 3.0120 (norm 0.6463)
 *   pay/c.ts  ada A, ada M×9, carol M×1              ada FA1 DL9 AC1 → 3.293+1.098+1.476−0.2225 = 5.6445
 *                                                    carol DL1 AC9  → 3.457−0.321·ln10 = 2.7179 (norm 0.4815)
 *   web/e.ts  bob A                                  bob only
 *   web/f.ts  carol A, bob M×2                       carol FA1 AC2 → 4.391−0.321·ln3 = 4.0383; bob DL2 → 3.621 (norm 0.8967)
 *   web/g.ts  carol A                                carol only
 *
 * Authors: a, b, c → ada; e → bob; f → carol, bob; g → carol.
 * Truck factor: ada 3 files, bob 2, carol 2 (bob first: changes 1+2+1 = 4 > carol's 1+1+1 = 3).
 *   remove ada → e, f, g keep an author: 3/6 = 0.5, not below → remove bob → f, g: 2/6 < 0.5 → TF 2.
 * Without ada: bob e, f; carol f, g → 3/6 → remove bob → 2/6 → TF 1.
 */
export function departuresHistory(): FixtureCommit[] {
  const commits: FixtureCommit[] = [{ author: 'ada', write: { 'pay/a.ts': 3, 'pay/b.ts': 3, 'pay/c.ts': 3 } }];
  for (let i = 0; i < 3; i++) commits.push({ author: 'ada', write: { 'pay/a.ts': 3, 'pay/b.ts': 3, 'pay/c.ts': 3 } });
  for (let i = 0; i < 6; i++) commits.push({ author: 'ada', write: { 'pay/c.ts': 3 } });
  commits.push(
    { author: 'bob', write: { 'pay/b.ts': 3 } },
    { author: 'carol', write: { 'pay/c.ts': 3 } },
    { author: 'bob', write: { 'web/e.ts': 3 } },
    { author: 'carol', write: { 'web/f.ts': 3, 'web/g.ts': 3 } },
    { author: 'bob', write: { 'web/f.ts': 3 } },
    { author: 'bob', write: { 'web/f.ts': 3 } },
  );
  return commits;
}

export async function departuresFixture() {
  const repo = buildRepo(departuresHistory());
  return analyzeRepo(repo.dir, { depth: 1 });
}


// Reference date: analyzeRepo's clock, 2025-01-01T00:00Z. Half-life 365 days, inactive after 200.
// The analysis date is a day: the helper's clock (2025-01-01) stands for the end of it.
export const REF = Date.parse('2025-01-01T23:59:59Z') / 1000;
export const w = (iso: string) => Math.pow(2, -(REF - Date.parse(iso) / 1000) / (365 * 86_400));

/**
 *   core/a.ts  ada A 2022-01-01, ada M 2022-01-02/03/04; bob M 2024-12-01, 2024-12-02
 *              classic: ada FA1 DL3 AC2 → 4.5303; bob DL2 AC3 → 3.176 (norm 0.701) → authors [ada]
 *              decayed: ada's weights ≈ 0.125, bob's ≈ 0.94 → bob has the highest decayed DOA; ada's
 *              creation weighs < 0.5 (no exemption) and her DOA < 3.293 → decayed authors [bob]
 *   web/c.ts   dan A 2024-03-01      (last commit 306.5 days before the end of the analysis day: inactive now)
 *   web/d.ts   erin A 2024-08-15     (138.5 days: active now and at +30, inactive from +90)
 *   web/b.ts   carol A 2024-12-20    (11.5 days; leaves 2025-02-15: gone from +90)
 *   web/e.ts   frank A 2024-12-30    (1.5 days: active through +180, 181.5 ≤ 200)
 *   bob's last commit: 29.5 days ago → inactive at +180 (209.5 > 200). ada: 1092.5 days.
 */
export function buildDecayRepo() {
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

export const DECAY_CONFIG = { model: { halfLife: 365, inactiveAfter: 200 } };

/**
 * A module `lib` of two files, each authored by Ada and one other (Bob, Carol): with Ada leaving its
 * truck factor drops, yet no file loses its last author (psf/requests' tests, a tester).
 */
export function buildNothingLostRepo() {
  return buildRepo([
    ...[20, 21, 22].map((lines) => ({ author: 'ada', write: { 'lib/a.ts': lines, 'lib/b.ts': lines } })),
    ...[23, 24, 25].map((lines) => ({ author: 'bob', write: { 'lib/a.ts': lines } })),
    ...[23, 24, 25].map((lines) => ({ author: 'carol', write: { 'lib/b.ts': lines } })),
  ]);
}
