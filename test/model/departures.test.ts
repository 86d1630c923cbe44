import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { authorsAfter, computeDepartures, knowledgeLossOf } from '../../src/model/departures.ts';
import { filesByModule } from '../../src/model/modules.ts';
import { bestSuccessor, WEAK_SUCCESSOR_NORM_DOA } from '../../src/model/successors.ts';
import { parseLeaving, resolveDepartures } from '../../src/model/resolve-departures.ts';
import type { FileOwnership } from '../../src/model/types.ts';
import { truckFactorOf } from '../../src/model/ownership.ts';
import { contributionOf, fileOf } from '../helpers/analyze.ts';
import { ADA, BOB, CAROL, departuresFixture as fixture } from './departures-fixture.ts';
import { usageErrorOf } from '../helpers/errors.ts';

describe('departures on a hand-computed fixture', () => {
  it('has the DOA figures worked out in the comment', async () => {
    const analysis = await fixture();
    expect(contributionOf(analysis, 'pay/b.ts', ADA).doa).toBeCloseTo(4.6605, 3);
    expect(contributionOf(analysis, 'pay/b.ts', BOB).normDoa).toBeCloseTo(3.012 / 4.6605, 3);
    expect(contributionOf(analysis, 'pay/c.ts', CAROL).normDoa).toBeCloseTo(2.7179 / 5.6445, 3);
    expect(fileOf(analysis, 'web/f.ts').authors).toEqual([CAROL, BOB]);
    expect(analysis.truckFactor.value).toBe(2);
    expect(analysis.modules.map((m) => m.path)).toEqual(['pay', 'web']);
    expect([...filesByModule(analysis).entries()].map(([path, files]) => [path, files.length])).toEqual([
      ['pay', 3],
      ['web', 3],
    ]);
  });

  it('ada leaving orphans the pay module, drops the truck factor from 2 to 1, and names successors', async () => {
    const analysis = await fixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['Ada'] }));
    expect(result.departures).toEqual([{ id: ADA, name: 'Ada', filesAuthored: 3, soleAuthorFiles: 3 }]);
    expect(result.before.truckFactor.value).toBe(2);
    expect(result.after.truckFactor.value).toBe(1);
    expect(result.after.truckFactor.developers.map((m) => m.id)).toEqual([BOB]);
    expect(result.before.orphanFiles).toBe(0);
    expect(result.after.orphanFiles).toBe(3);
    expect(result.orphanedModules).toEqual(['pay']);
    expect(result.modules).toHaveLength(1);
    const pay = result.modules[0];
    expect(pay).toMatchObject({ path: 'pay', files: 3, knowledgeLost: 1, isOrphaned: true, lostFiles: ['pay/a.ts', 'pay/b.ts', 'pay/c.ts'] });
    expect(pay?.truckFactorBefore.value).toBe(1);
    expect(pay?.truckFactorAfter.value).toBe(0);

    const successors = Object.fromEntries(result.orphanedFiles.map((f) => [f.path, [f.strength, f.successor?.id, f.successor?.normDoa]]));
    // a.ts: nobody else ever touched it; b.ts: bob at normDOA 0.646 ≥ 0.5 but DOA 3.012, below the
    // author floor (3.293); c.ts: carol at 0.4815 < 0.5.
    expect(successors['pay/a.ts']).toEqual(['none', undefined, undefined]);
    expect(successors['pay/b.ts']?.slice(0, 2)).toEqual(['weak', BOB]);
    expect(successors['pay/b.ts']?.[2]).toBeCloseTo(0.6463, 3);
    expect(successors['pay/c.ts']?.slice(0, 2)).toEqual(['weak', CAROL]);
    expect(successors['pay/c.ts']?.[2]).toBeLessThan(WEAK_SUCCESSOR_NORM_DOA);
    const b = result.orphanedFiles.find((f) => f.path === 'pay/b.ts');
    expect(b?.successor).toMatchObject({ fa: 0, dl: 1, commits: 1 });
    expect(result.singleOwnerFiles).toEqual([]);
    expect(result.timeline).toEqual([]);
  });

  it('carol leaving leaves web/f.ts with one owner, bob, as its successor', async () => {
    const analysis = await fixture();
    const result = computeDepartures(analysis, [{ id: CAROL, name: 'Carol' }]);
    expect(result.orphanedFiles.map((f) => f.path)).toEqual(['web/g.ts']);
    expect(result.orphanedFiles[0]?.strength).toBe('none');
    expect(result.singleOwnerFiles).toMatchObject([{ path: 'web/f.ts', module: 'web', status: 'single-owner', departingAuthors: [CAROL], remainingAuthors: [BOB], strength: 'author', successor: { id: BOB } }]);
  });

  it('gives a two-step timeline for two dated departures', async () => {
    const analysis = await fixture();
    const departures = resolveDepartures(analysis.developers, {
      config: [{ who: 'ada@example.com', date: '2025-06-30', note: 'parental leave' }],
      leaving: ['bob=2025-03-31', 'ADA'],
    });
    expect(departures).toEqual([
      { id: BOB, name: 'Bob', date: '2025-03-31' },
      { id: ADA, name: 'Ada', date: '2025-06-30', note: 'parental leave' },
    ]);
    const result = computeDepartures(analysis, departures);
    expect(result.timeline).toHaveLength(2);
    const [first, second] = result.timeline;
    // Bob gone: e.ts orphaned; ada (3) still covers 5/6 → remove ada → 2/6 → TF 1.
    expect(first).toMatchObject({ date: '2025-03-31', leaving: [BOB], gone: [BOB], orphanedFiles: 1, orphanedModules: [] });
    expect(first?.truckFactor.value).toBe(1);
    expect(first?.modules).toEqual([{ path: 'web', knowledgeLost: 1 / 3, truckFactor: 1 }]);
    // Then ada: a, b, c orphaned too; carol's f, g = 2/6 < 0.5 → TF 0.
    expect(second).toMatchObject({ date: '2025-06-30', leaving: [ADA], gone: [BOB, ADA], orphanedFiles: 4, orphanedModules: ['pay'] });
    expect(second?.truckFactor.value).toBe(0);
    expect(second?.modules).toEqual([
      { path: 'pay', knowledgeLost: 1, truckFactor: 0 },
      { path: 'web', knowledgeLost: 1 / 3, truckFactor: 1 },
    ]);
    // The final figures equal the last step.
    expect(result.after.truckFactor.value).toBe(0);
    expect(result.after.orphanFiles).toBe(4);
    // b.ts: bob (its only other contributor) is leaving too → no successor.
    expect(result.orphanedFiles.find((f) => f.path === 'pay/b.ts')?.strength).toBe('none');
  });

  it('puts undated departures first in the timeline (assumed immediate)', async () => {
    const analysis = await fixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['carol', 'bob=2025-03-31'] }));
    expect(result.timeline.map((s) => [s.date, s.leaving])).toEqual([
      [undefined, [CAROL]],
      ['2025-03-31', [BOB]],
    ]);
  });

  it('puts a last day already past before the undated ("now") step: the timeline is in the order things happen', async () => {
    const analysis = await fixture(); // analysis day 2025-01-01
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['carol', 'bob=2025-03-31', 'ada=2024-12-15'] }));
    expect(result.timeline.map((s) => [s.date, s.leaving])).toEqual([
      ['2024-12-15', [ADA]],
      [undefined, [CAROL]],
      ['2025-03-31', [BOB]],
    ]);
    expect(result.timeline.map((s) => s.gone)).toEqual([[ADA], [ADA, CAROL], [ADA, CAROL, BOB]]);
    // A last day on the analysis day itself comes after the departures of now.
    const today = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['bob=2025-01-01', 'carol'] }));
    expect(today.timeline.map((s) => [s.date, s.leaving])).toEqual([
      [undefined, [CAROL]],
      ['2025-01-01', [BOB]],
    ]);
  });

  it('authorsAfter gives a critical system’s bus factor after departures', async () => {
    const analysis = await fixture();
    const web = analysis.files.filter((f) => f.path.startsWith('web/'));
    const nameOf = (id: string) => id;
    expect(truckFactorOf(web, nameOf).value).toBe(2);
    expect(truckFactorOf(web, nameOf, authorsAfter([BOB])).value).toBe(1);
    expect(truckFactorOf(web, nameOf, authorsAfter([BOB, CAROL])).value).toBe(0);
  });

  it('rejects unknown people and bad dates with exit 2', async () => {
    const analysis = await fixture();
    expect(() => resolveDepartures(analysis.developers, { config: [{ who: 'zoe' }] })).toThrow(
      'unknown person "zoe" (config departures[0].who): no developer of this repository has that name, email or alias',
    );
    // Every entry that names nobody at once (a CI test: each typo cost a CI run).
    expect(() => resolveDepartures(analysis.developers, { config: [{ who: 'zoe' }, { who: 'bob' }, { who: 'yann' }], leaving: ['xavier'] })).toThrow(
      /^unknown person "zoe" \(config departures\[0\]\.who\): [^\n]*\nunknown person "yann" \(config departures\[2\]\.who\): [^\n]*\nunknown person "xavier" \(--leaving\): [^\n]*$/,
    );
    expect(() => parseLeaving('bob=2025-02-31')).toThrow('--leaving bob=2025-02-31: 2025-02-31 is not a real date');
    expect(() => parseLeaving('bob=2025-13-01')).toThrow(UsageError);
    // No one before "=": said so, not "unknown person \"=2024-01-01\"".
    expect(() => parseLeaving('=2024-01-01')).toThrow('--leaving =2024-01-01: no one named before "="');
    expect(parseLeaving('a=b@example.com')).toEqual({ who: 'a=b@example.com' });
    // An empty date was looked up as a person "bob@example.com=", whose closest match was Bob (deno).
    expect(() => parseLeaving('bob@example.com=')).toThrow('--leaving bob@example.com=: no date after "="');
    expect(() => parseLeaving('bob = ')).toThrow('--leaving bob = : no date after "="');
    // Not a date after "=": was looked up as a person named "evan=tomorrow".
    expect(() => parseLeaving('evan=tomorrow')).toThrow('--leaving evan=tomorrow: "tomorrow" is not a date');
    expect(() => parseLeaving('evan=31/12/2026')).toThrow(UsageError);
    // The hint repeats the name only, not a date already written (an EM test: `…=2026-12-31=YYYY-MM-DD`).
    let hint: string | undefined;
    try {
      parseLeaving('Simen Bekkhus=2026-12-31=x');
    } catch (error) {
      hint = (error as UsageError).hint;
    }
    expect(hint).toBe('write the last day as YYYY-MM-DD: --leaving "Simen Bekkhus=YYYY-MM-DD"');
    // Spaces around "=" (was: '"2025-06-30" is not a date').
    expect(parseLeaving('ada@x.example = 2025-06-30')).toEqual({ who: 'ada@x.example', date: '2025-06-30' });
    // Named twice with one date: that entry's note goes with it (the note of one and the date of the other were mixed).
    const twice = resolveDepartures(analysis.developers, { config: [{ who: 'bob', note: 'moving to data team' }, { who: 'bob', date: '2025-07-15', note: 'parental leave' }] });
    expect(twice).toEqual([{ id: BOB, name: 'Bob', date: '2025-07-15', note: 'parental leave' }]);
    // The dated entry has no note: none (the other entry's was kept).
    const noNote = resolveDepartures(analysis.developers, { config: [{ who: 'bob', note: 'contract ends' }], leaving: ['bob=2025-12-20'] });
    expect(noNote).toEqual([{ id: BOB, name: 'Bob', date: '2025-12-20' }]);
    // The same day twice is one departure.
    expect(resolveDepartures(analysis.developers, { leaving: ['bob=2025-12-20', 'bob@example.com=2025-12-20'] })).toEqual([{ id: BOB, name: 'Bob', date: '2025-12-20' }]);
  });

  // Regression (flask, a tester): `--leaving 'David Lord=2027-01-31' --leaving 'davidism@gmail.com=2027-03-01'`
  // was accepted silently, the earlier day winning.
  it('refuses two different last days for one person (exit 2), naming both and where each was written', async () => {
    const analysis = await fixture();
    const failure = usageErrorOf;
    const flags = failure(() => resolveDepartures(analysis.developers, { leaving: ['bob=2025-12-31', 'bob@example.com=2025-12-20'] }));
    expect(flags.exitCode).toBe(2);
    expect(flags.message).toBe('Bob is given two different last days: 2025-12-20 and 2025-12-31');
    expect(flags.hint).toBe('give one last day per person (the same day twice is fine): drop or correct one of them');
    const mixed = failure(() => resolveDepartures(analysis.developers, { config: [{ who: 'bob', date: '2025-09-01' }], leaving: ['bob=2025-07-15'] }));
    expect(mixed.message).toBe('Bob is given two different last days: 2025-07-15 (--leaving) and 2025-09-01 (config departures[0].date)');
  });
});

describe('resolveDepartures input checks', () => {
  it('names the config entry whose date is not a day of the calendar', () => {
    const developers = [{ id: 'bob@example.com', name: 'Bob', emails: ['bob@example.com'], names: ['Bob'], commits: 1, firstCommit: '', lastCommit: '', filesAuthored: 0 }];
    expect(() => resolveDepartures(developers, { config: [{ who: 'bob', date: '2025-02-31' }] })).toThrow('config departures[0].date: 2025-02-31 is not a real date');
  });

  it('warns of a last day before the person’s own last commit (a mistyped year), naming where the kept date was written', () => {
    const developers = [
      { id: 'bob@example.com', name: 'Bob', emails: ['bob@example.com'], names: ['Bob'], commits: 3, firstCommit: '2023-01-02T10:00:00.000Z', lastCommit: '2025-06-10T23:30:00.000Z', filesAuthored: 1 },
      { id: 'eve@example.com', name: 'Eve', emails: ['eve@example.com'], names: ['Eve'], commits: 3, firstCommit: '2023-01-02T10:00:00.000Z', lastCommit: '2025-06-10T09:00:00.000Z', filesAuthored: 1 },
    ];
    const warnings: string[] = [];
    const departures = resolveDepartures(developers, { config: [{ who: 'bob' }], leaving: ['bob=2024-12-31', 'eve=2025-06-10'], warn: (message) => warnings.push(message) });
    // Still a departure on the day written: the warning does not second-guess it.
    expect(departures.map((d) => [d.name, d.date])).toEqual([
      ['Bob', '2024-12-31'],
      ['Eve', '2025-06-10'],
    ]);
    // The last commit's own day is not before the last day.
    expect(warnings).toEqual(["--leaving: Bob's last day 2024-12-31 is before their last commit (2025-06-10); check the date (a last day already past counts them as gone since that day)"]);
    // A commit late on the last day in the author's time zone is the next day in UTC: no warning
    // unless the last day is before the commit's day everywhere (review).
    const late: string[] = [];
    const nia = { id: 'nia@example.com', name: 'Nia', emails: ['nia@example.com'], names: ['Nia'], commits: 1, firstCommit: '2025-06-11T04:30:00.000Z', lastCommit: '2025-06-11T04:30:00.000Z', filesAuthored: 1 };
    resolveDepartures([nia], { leaving: ['nia=2025-06-10'], warn: (message) => late.push(message) });
    expect(late).toEqual([]);
    const fromConfig: string[] = [];
    resolveDepartures(developers, { config: [{ who: 'eve', date: '2025-06-08' }], warn: (message) => fromConfig.push(message) });
    expect(fromConfig).toEqual([expect.stringMatching(/^config departures\[0\]\.date: Eve's last day 2025-06-08 is before their last commit \(2025-06-10\)/)]);
  });
});

describe('departure properties (fast-check)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const fileArb = fc.record({ path: fc.string(), authors: fc.subarray(ids) }).map(({ path, authors }): FileOwnership => ({
    path,
    authors,
    contributions: authors.map((developer) => ({ developer, fa: 1, dl: 0, ac: 0, doa: 4.391, normDoa: 1, isAuthor: true, lastChange: 0 })),
    events: 1,
    lastChange: 0,
  }));

  it('removing departing developers never raises the truck factor, and loses exactly the files they alone authored', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { maxLength: 30 }), fc.subarray(ids), (files, departing) => {
        const nameOf = (id: string) => id;
        const before = truckFactorOf(files, nameOf).value;
        const after = truckFactorOf(files, nameOf, authorsAfter(departing)).value;
        expect(after).toBeLessThanOrEqual(before);
        const loss = knowledgeLossOf(files, departing);
        const expected = files.filter((f) => f.authors.length > 0 && f.authors.every((id) => departing.includes(id))).map((f) => f.path);
        expect(loss.lostFiles).toEqual(expected);
        expect(loss.share).toBeGreaterThanOrEqual(0);
        expect(loss.share).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('bestSuccessor', () => {
  it('between equal DOAs takes the one who changed the file most recently, then the lower id', () => {
    const c = (developer: string, doa: number, lastChange: number) => ({ developer, fa: 0 as const, dl: 1, ac: 1, doa, normDoa: doa / 4, isAuthor: false, lastChange });
    const file: FileOwnership = {
      path: 'h2_session.c',
      authors: ['ada'],
      contributions: [c('ada', 4, 300), c('christophe', 2.379, 1_500_000_000), c('yann', 2.379, 1_700_000_000), c('zed', 1, 1_800_000_000)],
      events: 4,
      lastChange: 1_800_000_000,
    };
    // It went by id (christophe, six years older) — httpd, an EM test.
    expect(bestSuccessor(file, new Set(['ada']), []).successor?.id).toBe('yann');
    expect(bestSuccessor(file, new Set(['ada', 'yann']), []).successor?.id).toBe('christophe');
    const tie = { ...file, contributions: [c('bob', 3, 100), c('carl', 3, 100)] };
    expect(bestSuccessor(tie, new Set(), []).successor?.id).toBe('bob');
  });

  // Regression (flask, a tester): Hynek Schlawack's one typo fix (DOA 2.37) on docs/appcontext.rst,
  // whose creator barely touched it, made normDOA 0.57 and an "ok" successor.
  it('rates a successor below the absolute author floor weak, whatever their normDOA', () => {
    const c = (developer: string, doa: number, normDoa: number) => ({ developer, fa: 0 as const, dl: 1, ac: 1, doa, normDoa, isAuthor: false, lastChange: 1 });
    const file = (successor: ReturnType<typeof c>): FileOwnership => ({ path: 'docs/appcontext.rst', authors: ['david'], contributions: [c('david', 4.15, 1), successor], events: 2, lastChange: 1 });
    expect(bestSuccessor(file(c('hynek', 2.37, 0.572)), new Set(['david']), []).strength).toBe('weak');
    expect(bestSuccessor(file(c('hynek', 3.3, 0.8)), new Set(['david']), []).strength).toBe('ok');
    expect(bestSuccessor(file(c('hynek', 3.3, 0.4)), new Set(['david']), []).strength).toBe('weak');
  });
});

