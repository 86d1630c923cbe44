import { describe, expect, it } from 'vitest';
import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD, computeDoa, isAuthor, rankFile } from '../../src/model/doa.ts';
import { doaText, explainAuthorship, rowsToShow } from '../../src/model/explain.ts';
import { rankContributions, type ContributionInput } from '../../src/model/ownership.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';

// METRICS.md §4: DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC);
// author ⇔ normDOA > 0.75 and (DOA ≥ 3.293 or FA = 1).
// Values used below, worked out by hand (ln 2 = 0.693147, ln 3 = 1.098612, ln 31 = 3.433987, ln 21 = 3.044522):
//   DOA(1,0,2)   = 4.391 − 0.321·1.098612 = 4.038345
//   DOA(0,1,1)   = 3.457 − 0.321·0.693147 = 3.234500
//   DOA(1,0,30)  = 4.391 − 0.321·3.433987 = 3.288690
//   DOA(0,10,20) = 3.293 + 1.640 − 0.321·3.044522 = 3.955708

const input = (developer: string, fa: 0 | 1, dl: number, extra: Partial<ContributionInput> = {}): ContributionInput => ({
  developer,
  fa,
  dl,
  wfa: fa,
  wdl: dl,
  last: 0,
  ...extra,
});

describe('computeDoa', () => {
  it.each([
    // [FA, DL, AC, DOA by hand]
    [0, 0, 0, 3.293],
    [1, 0, 0, 4.391], // 3.293 + 1.098
    [0, 1, 0, 3.457], // 3.293 + 0.164
    [0, 2, 0, 3.621], // 3.293 + 0.328
    [1, 0, 2, 4.038345],
    [0, 1, 1, 3.2345],
    [1, 0, 30, 3.28869],
    [0, 10, 20, 3.955708],
  ])('FA=%i DL=%i AC=%i gives %f', (fa, dl, ac, doa) => {
    expect(computeDoa(fa, dl, ac)).toBeCloseTo(doa, 5);
  });

  it('uses the natural logarithm of 1 + AC', () => {
    // AC = e − 1 makes ln(1 + AC) exactly 1: DOA = 3.293 − 0.321 = 2.972
    expect(computeDoa(0, 0, Math.E - 1)).toBeCloseTo(2.972, 12);
  });
});

describe('isAuthor', () => {
  it('normDOA of exactly 0.75 is not an author, even for a creator with a high DOA', () => {
    expect(AUTHOR_NORM_THRESHOLD).toBe(0.75);
    expect(isAuthor(5, 0.75, 1)).toBe(false);
    expect(isAuthor(5, 0.75, 0)).toBe(false);
    expect(isAuthor(5, 0.75 + 1e-12, 0)).toBe(true);
  });

  it('a non-creator needs DOA ≥ 3.293 (exactly 3.293 is enough)', () => {
    expect(AUTHOR_ABS_THRESHOLD).toBe(3.293);
    expect(isAuthor(3.293, 0.9, 0)).toBe(true);
    expect(isAuthor(3.2929999, 0.9, 0)).toBe(false);
  });

  it('the creator (FA = 1) is exempt from the absolute floor, not from the normDOA test', () => {
    expect(isAuthor(3.0, 0.9, 1)).toBe(true);
    expect(isAuthor(3.0, 0.7, 1)).toBe(false);
  });
});

describe('rankFile', () => {
  it('normalizes by the highest DOA of the file', () => {
    // ada FA=1 AC=2 → 4.038345 (norm 1); bob DL=1 AC=1 → 3.2345 (norm 0.800947, above 0.75 but under 3.293)
    const [ada, bob] = rankFile([
      { fa: 1, dl: 0, ac: 2 },
      { fa: 0, dl: 1, ac: 1 },
    ]);
    expect(ada).toMatchObject({ normDoa: 1, isAuthor: true });
    expect(bob?.normDoa).toBeCloseTo(0.800947, 5);
    expect(bob?.isAuthor).toBe(false);
  });

  it('names nobody when the highest DOA is not positive', () => {
    // AC = e^(3.293/0.321) − 1 brings a bare DOA to zero: nothing can be normalized
    const ac = Math.exp(3.293 / 0.321);
    expect(rankFile([{ fa: 0, dl: 0, ac }]).map((r) => r.isAuthor)).toEqual([false]);
  });
});

describe('rankContributions', () => {
  it('derives AC as the M and R events of the file minus the developer’s own', () => {
    // 3 M/R events: bob did 2 (AC 1), carl 1 (AC 2), ada none (AC 3)
    const rows = rankContributions([input('ada', 1, 0), input('bob', 0, 2), input('carl', 0, 1)], 3, 3, false);
    expect(rows.map((r) => [r.developer, r.ac])).toEqual([
      ['ada', 3], // 4.391 − 0.321·ln 4 = 3.945999
      ['bob', 1], // 3.621 − 0.321·ln 2 = 3.398500
      ['carl', 2], // 3.457 − 0.321·ln 3 = 3.104347
    ]);
    expect(rows.map((r) => r.isAuthor)).toEqual([true, true, false]);
  });

  it('keeps the creator exemption in the decayed figures only while the creation weighs at least 0.5', () => {
    // Decayed: bob made 5 recent changes (wDL 5, wMR 5): 3.293 + 0.820 = 4.113.
    // ada created the file; with wFA 0.5 (one half-life ago): 3.293 + 0.549 − 0.321·ln 6 = 3.266847,
    // normDOA 3.266847 / 4.113 = 0.794274 > 0.75 but DOA < 3.293 → author only by the exemption.
    const recent = rankContributions([input('ada', 1, 0, { wfa: 0.5 }), input('bob', 0, 5)], 5, 5, true);
    const adaRecent = recent.find((r) => r.developer === 'ada')?.decayed;
    expect(adaRecent?.doa).toBeCloseTo(3.266847, 5);
    expect(adaRecent?.normDoa).toBeCloseTo(0.794274, 5);
    expect(adaRecent?.isAuthor).toBe(true);
    // With wFA 0.4 (created ~1.3 half-lives ago): 3.293 + 0.4392 − 0.321·ln 6 = 3.157047, normDOA
    // 0.767578 > 0.75, DOA < 3.293, and the creation no longer exempts her → not a current author.
    const old = rankContributions([input('ada', 1, 0, { wfa: 0.4 }), input('bob', 0, 5)], 5, 5, true);
    const adaOld = old.find((r) => r.developer === 'ada');
    expect(adaOld?.decayed?.doa).toBeCloseTo(3.157047, 5);
    expect(adaOld?.decayed?.normDoa).toBeCloseTo(0.767578, 5);
    expect(adaOld?.decayed?.isAuthor).toBe(false);
    // The classic figure is untouched: FA = 1 keeps her an author (DOA 4.391 − 0.321·ln 6 = 3.815847).
    expect(adaOld?.isAuthor).toBe(true);
  });
});

describe('explainAuthorship', () => {
  it('says which half of the rule failed', () => {
    const [ada, bob] = rankContributions([input('ada', 1, 0), input('bob', 0, 1)], 2, 2, false);
    // ada FA=1 AC=2 → 4.038345; bob DL=1 AC=1 → 3.2345, normDOA 0.800947
    expect(ada && explainAuthorship(ada)).toMatch(/^author: normDOA 1\.000 > 0\.75 and DOA 4\.038 ≥ 3\.293$/);
    expect(bob && explainAuthorship(bob)).toBe('not an author: DOA 3.234 is below 3.293 (1 change by others outweighs 1 of theirs) and they did not create the file');
  });

  // spring-boot: a successor whose only change to the file was a directory move (an engineering manager).
  it('says how many of their changes were in bulk commits (a sweep, a reorganisation)', () => {
    const [, bob] = rankContributions([input('ada', 1, 0), { ...input('bob', 0, 1), bulk: 1 }], 2, 2, false);
    expect(bob && explainAuthorship(bob)).toBe(
      'not an author: DOA 3.234 is below 3.293 (1 change by others outweighs 1 of theirs) and they did not create the file; their one change is in a commit that changes or moves 100 files or more (a sweep or a reorganisation)',
    );
    const carol = rankContributions([input('ada', 1, 0), { ...input('carol', 0, 5), bulk: 2 }], 5, 5, false).find((c) => c.developer === 'carol');
    expect(carol && explainAuthorship(carol)).toMatch(/; 2 of their 5 changes are in commits that change or move 100 files or more \(a sweep or a reorganisation\)$/);
  });

  it('shows every author in the terminal, then the highest DOAs up to the row limit', () => {
    // A creator (FA = 1) with a low DOA ranked below 20 others and was hidden, under a line saying
    // that none of the hidden developers was an author (review finding).
    const rows = [...Array.from({ length: 21 }, (_, i) => ({ id: `dev${i}`, isAuthor: false })), { id: 'creator', isAuthor: true }, { id: 'last', isAuthor: false }];
    expect(rowsToShow(rows, 20).map((r) => r.id)).toEqual([...Array.from({ length: 19 }, (_, i) => `dev${i}`), 'creator']);
    expect(rowsToShow(rows, 30)).toEqual(rows);
    const authors = Array.from({ length: 22 }, (_, i) => ({ id: `a${i}`, isAuthor: true }));
    expect(rowsToShow([...authors, { id: 'x', isAuthor: false }], 20)).toEqual(authors);
  });

  it('prints table figures off the threshold too (0.7499 was "0.750" in the table)', () => {
    expect(doaText(0.74993, 'normDoa')).toBe('0.7499');
    expect(doaText(0.5, 'normDoa')).toBe('0.500');
    expect(doaText(3.29298, 'doa')).toBe('3.29298');
    expect(doaText(4.0383, 'doa')).toBe('4.038');
  });

  it('never prints a figure that rounds onto the threshold it is compared with', () => {
    const c = (normDoa: number, doa: number, isAuthor: boolean) => explainAuthorship({ developer: 'x', fa: 0, dl: 1, ac: 3, doa, normDoa, isAuthor } as unknown as Parameters<typeof explainAuthorship>[0]);
    // 0.749 of the top DOA was "75% of the top one"; 0.74996 was "normDOA 0.750 is not above 0.75".
    expect(c(0.749, 3.5, false)).toBe('not an author: normDOA 0.749 is not above 0.75 (their DOA is 74.9% of the top one)');
    expect(c(0.74996, 3.5, false)).toBe('not an author: normDOA 0.74996 is not above 0.75 (their DOA is 74.996% of the top one)');
    expect(c(0.75, 3.5, false)).toBe('not an author: normDOA 0.750 is not above 0.75 (their DOA is 75% of the top one)');
    expect(c(0.5, 3.5, false)).toBe('not an author: normDOA 0.500 is not above 0.75 (their DOA is 50% of the top one)');
    expect(c(0.75002, 3.29302, true)).toBe('author: normDOA 0.75002 > 0.75 and DOA 3.29302 ≥ 3.293');
    expect(c(0.9, 3.29298, false)).toBe('not an author: DOA 3.29298 is below 3.293 (3 changes by others outweigh 1 of theirs) and they did not create the file');
  });
});

describe('DOA on fixture repositories', { tags: ['slow'] }, () => {
  it('a non-creator with normDOA above 0.75 but DOA below 3.293 is not an author', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'f.ts': 5 } },
      { author: 'bob', write: { 'f.ts': 5 } },
      { author: 'carl', write: { 'f.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // ada FA=1 DL=0 AC=2 → 4.038345; bob and carl FA=0 DL=1 AC=1 → 3.234500, normDOA 0.800947
    const ada = contributionOf(analysis, 'f.ts', 'ada@example.com');
    const bob = contributionOf(analysis, 'f.ts', 'bob@example.com');
    const carl = contributionOf(analysis, 'f.ts', 'carl@example.com');
    expect([ada.fa, ada.dl, ada.ac, bob.fa, bob.dl, bob.ac, carl.fa, carl.dl, carl.ac]).toEqual([1, 0, 2, 0, 1, 1, 0, 1, 1]);
    expect(ada.doa).toBeCloseTo(4.038345, 5);
    expect(bob.doa).toBeCloseTo(3.2345, 5);
    expect(bob.normDoa).toBeCloseTo(0.800947, 5);
    expect(fileOf(analysis, 'f.ts').authors).toEqual(['ada@example.com']);
    // one author, one file: the truck factor is 1 (coverage 1 → remove ada → 0 < 0.5)
    expect(analysis.truckFactor).toMatchObject({ value: 1, coverage: 0 });
  });

  it('the creator stays an author of a file others changed 30 times (creator exemption)', async () => {
    // ada adds f.ts and g.ts; bob, carl and dan each change f.ts ten times.
    const history: FixtureCommit[] = [{ author: 'ada', write: { 'f.ts': 3, 'g.ts': 3 } }];
    for (let i = 0; i < 10; i++) for (const who of ['bob', 'carl', 'dan']) history.push({ author: who, write: { 'f.ts': 3 } });
    const analysis = await analyzeRepo(buildRepo(history).dir);
    const ada = contributionOf(analysis, 'f.ts', 'ada@example.com');
    const bob = contributionOf(analysis, 'f.ts', 'bob@example.com');
    // ada FA=1 DL=0 AC=30: DOA 3.288690 < 3.293; bob (carl, dan alike) FA=0 DL=10 AC=20: DOA 3.955708 (the max)
    expect([ada.fa, ada.dl, ada.ac]).toEqual([1, 0, 30]);
    expect([bob.fa, bob.dl, bob.ac]).toEqual([0, 10, 20]);
    expect(ada.doa).toBeCloseTo(3.28869, 5);
    expect(ada.doa).toBeLessThan(3.293);
    // normDOA 3.288690 / 3.955708 = 0.831378 > 0.75, and FA = 1 waives the 3.293 floor
    expect(ada.normDoa).toBeCloseTo(0.831378, 5);
    expect(ada.isAuthor).toBe(true);
    expect(fileOf(analysis, 'f.ts').authors).toEqual(['bob@example.com', 'carl@example.com', 'dan@example.com', 'ada@example.com']);
    // It matters: ada authors 2 files (f and g), so she leads the truck factor. Coverage 1 → remove ada
    // (2 files): g loses its only author, 1/2 = 0.5 is not < 0.5 → remove bob (tie with carl and dan on
    // 1 file and 10 changes, "Bob" first by name) → 0.5 → carl → 0.5 → dan → 0 → TF 4.
    expect(analysis.developers.find((d) => d.id === 'ada@example.com')?.filesAuthored).toBe(2);
    expect(analysis.truckFactor.developers.map((d) => [d.id, d.files])).toEqual([
      ['ada@example.com', 2],
      ['bob@example.com', 1],
      ['carl@example.com', 1],
      ['dan@example.com', 1],
    ]);
  });
});
