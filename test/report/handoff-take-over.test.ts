import { describe, expect, it } from 'vitest';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import type { FixtureCommit } from '../helpers/git-fixture.ts';
import { buildNamed, handoffOf } from './handoff-fixture.ts';

// Who could take over, the areas' stated order and the checklist's co-change pairs, on a small
// hugo: bep authors nearly everything, Joe Mooring has touched some of it (a tester's run of
// `handoff bep` on hugo).

/**
 * tpl: Ada creates t1–t6 and changes t1–t4 three times more; Joe changes t1–t3 once, Bob t4 once
 * (DOA 3.012, below the author floor: weak successors); Joe creates j1, j2 (their author). t5, t6:
 * nobody else. fs: Ada's f1, f2 alone. Truck factors: tpl 1 → 0 (2 of 8 files keep an author,
 * Joe's), fs 1 → 0 (none keeps one).
 */
function smallHugo(): FixtureCommit[] {
  const tpl = (n: number) => Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`tpl/t${i}.ts`, n]));
  const changed = (n: number) => Object.fromEntries([1, 2, 3, 4].map((i) => [`tpl/t${i}.ts`, n]));
  return [
    { author: 'ada', at: '2024-06-01T10:00:00Z', write: { ...tpl(1), 'fs/f1.ts': 1, 'fs/f2.ts': 1 } },
    ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, write: changed(n) })),
    { author: 'joe', at: '2024-07-01T10:00:00Z', write: { 'tpl/t1.ts': 10, 'tpl/t2.ts': 10, 'tpl/t3.ts': 10, 'tpl/j1.ts': 1, 'tpl/j2.ts': 1 } },
    { author: 'bob', at: '2024-07-02T10:00:00Z', write: { 'tpl/t4.ts': 10 } },
    // Joe and Bob work on the docs too, weeks apart: regulars, not one-off contributors (one-off.ts).
    ...[1, 2].map((n) => ({ author: 'joe', at: `2024-0${7 + n}-10T10:00:00Z`, write: { 'docs/joe.md': n } })),
    ...[1, 2].map((n) => ({ author: 'bob', at: `2024-0${7 + n}-11T10:00:00Z`, write: { 'docs/bob.md': n } })),
  ];
}

describe('handoff: who could take over', () => {
  // hugo: 28 areas each ended in "Name a new owner for `tpl` (206 files only bep knows…)" with no
  // candidate, while Joe Mooring was the successor on 74 of tpl's (a tester).
  it('names the best-placed successors of each area, the handoff as a whole and its checklist, or says nobody has changed the files', async () => {
    const repo = buildNamed('hugo', smallHugo());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    const area = (module: string) => report.areas.find((a) => a.module === module);
    expect(area('tpl')?.takeOver).toEqual({
      files: 6,
      noSuccessor: 2,
      candidates: [
        { id: 'joe@example.com', files: 3, ok: 0, weak: 3, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false, moduleFilesAuthored: 2 },
        { id: 'bob@example.com', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false, moduleFilesAuthored: 0 },
      ],
    });
    expect(area('fs')?.takeOver).toEqual({ files: 2, noSuccessor: 2, candidates: [] });
    expect(report.summary.takeOver).toEqual({
      files: 8,
      noSuccessor: 4,
      candidates: [
        { id: 'joe@example.com', files: 3, ok: 0, weak: 3, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false },
        { id: 'bob@example.com', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false },
      ],
    });
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('\n- **Who could take over:** of the 8 files nobody active would author after Ada, the successor is Joe on 3 (all weak) and Bob on 1 (weak); nobody for 4 (no one active who stays has changed them).\n');
    expect(markdown).toContain('\n**Who could take over** the 6 files nobody active would author after Ada: Joe, successor on 3 (all weak) and author of 2 other files of the module; Bob on 1 (weak). No successor for 2: nobody active who stays has changed them.\n');
    expect(markdown).toContain('\n**Who could take over** the 2 files nobody active would author after Ada: nobody active who stays has changed them; each needs a knowledge transfer.\n');
    expect(markdown).toContain('\n- [ ] Name a new owner for `tpl` (6 files only Ada knows); best placed: Joe, successor on 3 of them (all weak).\n');
    expect(markdown).toContain('\n- [ ] Name a new owner for `fs` (2 files only Ada knows); nobody active who stays has changed them.\n');

    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.summary.takeOver.candidates[0]).toEqual({ id: 'joe@example.com', name: 'Joe', files: 3, ok: 0, weak: 3, barely: 0, bulkOnly: 0, oneOff: false });
    expect(json.areas.find((a) => a.module === 'tpl')?.takeOver.candidates[0]).toEqual({ id: 'joe@example.com', name: 'Joe', files: 3, ok: 0, weak: 3, barely: 0, bulkOnly: 0, oneOff: false, moduleFilesAuthored: 2 });
    const owners = json.checklist.filter((item) => item.kind === 'owner-area');
    expect(owners.map((item) => [item.module, item.bestPlaced?.name ?? null])).toEqual([
      ['tpl', 'Joe'],
      ['fs', null],
    ]);
  });

  it('counts only active successors who stay: with Joe leaving too, Bob is best placed', async () => {
    const repo = buildNamed('hugo', smallHugo());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [], alsoLeaving: [{ id: 'joe@example.com', name: 'Joe' }] });
    expect(report.areas.find((a) => a.module === 'tpl')?.takeOver).toEqual({ files: 6, noSuccessor: 5, candidates: [{ id: 'bob@example.com', files: 1, ok: 0, weak: 1, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false, moduleFilesAuthored: 0 }] });
  });

  // The summary's and an area's take-over lines and the co-author credit line each wrote "N more
  // people on M" themselves (a review): one helper now, held to the same words in all three.
  it('names the first few people and sums up the rest, "2 more people on 3", in the summary, an area and the co-author credit line', async () => {
    const repo = buildNamed('hugo', smallHugo());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    const candidate = (id: string, files: number) => ({ id, files, ok: 0, weak: files, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false });
    const five = [candidate('p1', 5), candidate('p2', 4), candidate('p3', 3), candidate('p4', 2), candidate('p5', 1)];
    report.summary.takeOver = { files: 15, noSuccessor: 0, candidates: five };
    const tpl = report.areas.find((a) => a.module === 'tpl');
    if (!tpl) throw new Error('no tpl area');
    tpl.takeOver = { files: 15, noSuccessor: 0, candidates: five.map((c) => ({ ...c, moduleFilesAuthored: 0 })) };
    const authorsInstead = five.slice(0, 4).map((c) => ({ id: c.id, files: 2 }));
    report.summary.coAuthorCredit = { files: 8, soleFiles: 8, noActiveAuthorLeft: 8, soleWithOtherAuthor: 8, soleWithNoAuthor: 0, authorsInstead, commits: 0, many: true };
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('the successor is p1 on 5 (all weak), p2 on 4 (all weak), p3 on 3 (all weak) and 2 more people on 3.\n');
    expect(markdown).toContain(': p1, successor on 5 (all weak); p2 on 4 (all weak); 3 more people on 6.\n');
    expect(markdown).toContain('would have another author (p1 on 2, p2 on 2, p3 on 2 and 1 more person on 2).');
  });

  // hugo: the document said "then the modules left with no author", and tpl (Joe authors 20 of its
  // files) came before hugofs and config, which keep no author at all (a tester). The order ranks a
  // truck factor falling to 0; the document now says so, and says which modules keep no author.
  it('states the rule the areas are ranked by: a truck factor falling to 0, not a module left with no author', async () => {
    const repo = buildNamed('hugo', smallHugo());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    expect(report.areas.map((a) => [a.module, a.truckFactorBefore, a.truckFactorAfter, a.leftWithNoAuthor])).toEqual([
      ['tpl', 1, 0, false],
      ['fs', 1, 0, true],
    ]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('then the modules whose truck factor falls to 0 without Ada (fewer than half of their files keep an author), then the module’s truck-factor drop');
    expect(markdown).not.toContain('then the modules left with no author');
    expect(markdown).toContain('\nModule truck factor 1 → 0 (8 files in the module). ');
    expect(markdown).toContain('\nModule truck factor 1 → 0 (2 files in the module, none of which keeps an author without Ada). ');
    expect(toHandoffJson(report).areas.map((a) => a.leftWithNoAuthor)).toEqual([false, true]);
  });

  // hugo: most co-change items were a file and its own test ("Explain why
  // `config/security/securityConfig.go` and `…/securityConfig_test.go` change together"; a tester).
  it('leaves a file and its own test out of the checklist’s co-change pairs, and keeps the others', async () => {
    const together = (n: number, extra: Record<string, number> = {}) => ({ 'lib/parse.ts': n, 'lib/parse.test.ts': n, ...extra });
    const repo = buildNamed('pairs', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { ...together(1), 'lib/lex.ts': 1, 'cfg/sec.go': 1, 'cfg/sec_test.go': 1 } },
      { author: 'ada', at: '2024-06-02T10:00:00Z', write: together(2, { 'lib/lex.ts': 2 }) },
      { author: 'ada', at: '2024-06-03T10:00:00Z', write: together(3, { 'lib/lex.ts': 3 }) },
      { author: 'ada', at: '2024-06-04T10:00:00Z', write: together(4) },
      ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-06-1${n}T10:00:00Z`, write: { 'cfg/sec.go': n, 'cfg/sec_test.go': n } })),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    // The section still lists every partner.
    const partners = Object.fromEntries(report.coChange.map((entry) => [entry.path, entry.partners.map((p) => p.path)]));
    expect(partners['lib/parse.ts']).toEqual(['lib/parse.test.ts', 'lib/lex.ts']);
    expect(partners['cfg/sec.go']).toEqual(['cfg/sec_test.go']);
    const pairs = report.checklist.flatMap((item) => (item.kind === 'co-change' ? [[item.path, item.partner].sort().join(' + ')] : []));
    // parse.ts's own test is passed over for its next partner; sec.go has none but its test.
    expect(pairs.sort()).toEqual(['lib/lex.ts + lib/parse.test.ts', 'lib/lex.ts + lib/parse.ts']);
  });
});

// redis at 2020-06-30: artix, successor on src/redis-cli.c, had last committed 133 days before and
// never again; scan marks such successors, and the handoff named him as strong as anyone (a tester).
describe('handoff: a successor fading out', () => {
  it('says "last commit N days ago" beside a successor active but silent for more than half the inactivity window, in the markdown and the JSON', async () => {
    // Reference date 2025-01-01; inactiveAfter 180 days, so fading after 90: Joe last committed on
    // 2024-09-01 (122 days before), Bob on 2024-12-01 (31 days before).
    const repo = buildNamed('fading', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'lib/a.ts': 1, 'lib/b.ts': 1, 'lib/c.ts': 1, 'lib/d.ts': 1, 'lib/e.ts': 1 } },
      ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, write: { 'lib/a.ts': n, 'lib/b.ts': n } })),
      { author: 'joe', at: '2024-09-01T10:00:00Z', write: { 'lib/a.ts': 10 } },
      { author: 'bob', at: '2024-12-01T10:00:00Z', write: { 'lib/b.ts': 10 } },
      { author: 'ada', at: '2024-12-20T10:00:00Z', write: { 'lib/c.ts': 9 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    expect(report.fading).toEqual({ 'joe@example.com': 122 });
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toMatch(/\| `lib\/a\.ts` \|[^\n]*\| Joe[^|]* \(last commit 122 days ago; weak/);
    expect(markdown).not.toMatch(/Bob[^|]*last commit/);
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.fading).toEqual([{ id: 'joe@example.com', name: expect.any(String), days: 122 }]);
  });

  // laravel's mirror, measured 108 days after its last commit: everyone who committed in its last
  // weeks read "last commit 115 days ago". In such a clone nobody is marked (the header says why).
  it('marks nobody in a clone whose last commit is more than 30 days before the analysis date', async () => {
    const repo = buildNamed('fading-stale', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'lib/a.ts': 1, 'lib/b.ts': 1, 'lib/c.ts': 1, 'lib/d.ts': 1, 'lib/e.ts': 1 } },
      ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, write: { 'lib/a.ts': n, 'lib/b.ts': n } })),
      { author: 'joe', at: '2024-09-01T10:00:00Z', write: { 'lib/a.ts': 10 } },
      { author: 'bob', at: '2024-11-20T10:00:00Z', write: { 'lib/b.ts': 10 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    expect(report.fading).toEqual({});
    expect(renderHandoffMarkdown(report)).not.toMatch(/\(last commit \d+ days ago\)/);
  });
});
