import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { computeDepartures } from '../../src/model/departures.ts';
import { resolveDepartures } from '../../src/model/resolve-departures.ts';
import { departuresJson } from '../../src/report/departures-json.ts';
import { renderDeparturesSection } from '../../src/report/departures-table.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

// The order and the words of scan's orphaned files (scan --leaving), on a first-time user's case.

const ctx = { chalk: new Chalk({ level: 0 }), width: 100 };

describe('orphaned files of scan --leaving', { tags: ['slow'] }, () => {
  // redis at 2020-06-30, --leaving antirez: the 15 rows were all "none" (src/zipmap.c, src/version.h,
  // CONTRIBUTING…), while src/server.c and src/cluster.c (780 and 508 of his commits, successors at
  // normDOA 0.06 and 0.02) were among "227 more files"; the handoff lists them first.
  it('lists the files with the most commits of those leaving first, a successor who barely knows the file with the files that have none', async () => {
    // core/big.ts: ada A + 99 M, bob M once at the end.
    //   ada FA1 DL99 AC1 → 3.293 + 1.098 + 16.236 − 0.321·ln 2 = 20.40
    //   bob DL1 AC100    → 3.293 + 0.164 − 0.321·ln 101 = 1.976: normDOA 0.097, 1 change: barely knows it
    // core/f0.ts … f15.ts: ada A only, 2 commits each: no successor.
    const small = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`core/f${String(i).padStart(2, '0')}.ts`, 3]));
    const history: FixtureCommit[] = [{ author: 'ada', write: { 'core/big.ts': 3, ...small } }, { author: 'ada', write: small }];
    for (let i = 0; i < 99; i++) history.push({ author: 'ada', write: { 'core/big.ts': 3 } });
    history.push({ author: 'bob', write: { 'core/big.ts': 3 } });
    const analysis = await analyzeRepo(buildRepo(history).dir, { depth: 1 });
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const big = result.orphanedFiles.find((file) => file.path === 'core/big.ts');
    expect(big).toMatchObject({ strength: 'weak', departingCommits: 100 });
    expect(big?.successor?.normDoa).toBeCloseTo(0.097, 3);
    const text = renderDeparturesSection(result, ctx);
    const rows = text.split('\n').filter((line) => line.startsWith('    core/'));
    expect(rows).toHaveLength(15);
    // As the handoff says it, and with the figure told apart from the 0.1 line (bob's one commit makes him a one-off contributor too).
    expect(rows[0]).toMatch(/^ {4}core\/big\.ts +100 {2}Bob \(barely knows it, normDOA 0\.097, one-off\)$/);
    expect(rows[1]).toMatch(/^ {4}core\/f00\.ts +2 {2}none — knowledge transfer needed$/);
    expect(text).toContain('(no or a weak successor first; files outside test, docs and example folders before those in them, and in each code, then prose, then changelogs and manifests, then settings; then by their commits, most first;');
    expect(text).toContain('; barely knows it: below normDOA 0.1, with fewer than 20 changes of their own;');
    // JSON: the same list, in the analysis's order, with the added fields.
    const json = departuresJson(result);
    expect(json.orphanedFiles.find((file) => file.path === 'core/big.ts')).toMatchObject({ departingCommits: 100, successor: { name: 'Bob', barelyKnows: true, fading: false } });
    expect(json.fadingAfterDays).toBeNull();
  });
});
