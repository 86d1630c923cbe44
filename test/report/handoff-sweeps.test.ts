import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { computeDepartures } from '../../src/model/departures.ts';
import { resolveDepartures } from '../../src/model/resolve-departures.ts';
import { explainAuthorship } from '../../src/model/explain.ts';
import type { HandoffFile } from '../../src/model/handoff-files.ts';
import { takeOverOf } from '../../src/model/take-over.ts';
import { renderDeparturesSection } from '../../src/report/departures-table.ts';
import { departuresJson } from '../../src/report/departures-output.ts';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import type { FixtureCommit } from '../helpers/git-fixture.ts';
import { buildNamed, handoffOf, SHOP_CONFIG, shopHistory } from './handoff-fixture.ts';

// spring-boot (an engineering manager's test): a directory move of 9,678 files and a copyright sweep
// of 8,070 made Phillip Webb the successor of 1,050 of the 1,773 files two departures orphaned; on
// 523 of them those two commits were all he had changed, and the documents called him a weak
// successor to walk through them with. And "barely knows it" stood beside his 388 commits on the
// dependency management file, which others changed 9,306 times.

const name = (i: number) => `src/f${String(i).padStart(3, '0')}.ts`;
const all = (content: number) => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [name(i), content]));
const first = (count: number, content: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [name(i), content]));

/**
 * Ada creates f000–f299 and g.ts, changes f000–f009 and g.ts three more times (their only author).
 * Carol changes f001 and g.ts once (changes of her own: the weak successor of g.ts). Bob changes all
 * 300 f files in one commit and f000–f099 in another, sweeps (100 files or more, BULK_CHANGES): on
 * f001 his DOA is 3.293 + 0.328 − 0.321·ln 5 = 3.10 against Carol's 3.457 − 0.321·ln 6 = 2.88, so Bob
 * is the (weak) successor of f000–f009, by the sweeps alone; on f010–f299 (DOA 3.621 or 3.457
 * against Ada's 4.391 − 0.321·ln 3 or ln 2) he is an author, and on f060, which he also changed by
 * hand, not by the sweeps alone. Carol and Bob also write their notes, weeks apart: regulars, not
 * one-off contributors (one-off.ts). Everyone active (inactiveAfter 365 at 2025-01-01).
 */
function sweptHistory(): FixtureCommit[] {
  return [
    { author: 'carol', at: '2024-05-01T10:00:00Z', message: 'Notes', write: { 'docs/carol.md': 1 } },
    { author: 'carol', at: '2024-05-15T10:00:00Z', message: 'Notes', write: { 'docs/carol.md': 2 } },
    { author: 'ada', at: '2024-06-01T10:00:00Z', message: 'Initial', write: { ...all(1), 'src/g.ts': 1 } },
    ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, message: `Work ${n}`, write: { ...first(10, n), 'src/g.ts': n } })),
    { author: 'carol', at: '2024-07-01T10:00:00Z', message: 'Fix f001', write: { [name(1)]: 20, 'src/g.ts': 20 } },
    { author: 'bob', at: '2024-07-15T10:00:00Z', message: 'Fix f060', write: { [name(60)]: 20 } },
    { author: 'bob', at: '2024-08-01T10:00:00Z', message: 'Update copyright year', write: all(30) },
    { author: 'bob', at: '2024-08-05T10:00:00Z', message: 'Reformat', write: first(100, 40) },
  ];
}

async function sweptAnalysis(model: 'talentrisk' | 'classic' = 'talentrisk') {
  const repo = buildNamed('swept', sweptHistory());
  return analyzeRepo(repo.dir, { depth: 1, model, config: { model: { inactiveAfter: 365 } } });
}

function fileIn(report: Awaited<ReturnType<typeof handoffOf>>, path: string): HandoffFile {
  const file = report.areas.flatMap((area) => area.files).find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the handoff`);
  return file;
}

describe('handoff: successors whose only changes were sweeps or reorganisations', () => {
  it('says so beside the successor, names who changed the file themselves, and counts those files apart in the take-over', async () => {
    const report = await handoffOf(await sweptAnalysis(), 'ada', { critical: [] });
    const swept = fileIn(report, name(1));
    expect(swept).toMatchObject({ strength: 'weak', successor: { id: 'bob@example.com', dl: 2, bulk: 2 }, handsOnSuccessor: { id: 'carol@example.com', commits: 1 } });
    // Nobody else changed f002: no hands-on successor to name.
    expect(fileIn(report, name(2)).handsOnSuccessor).toBeUndefined();
    // Carol's change to f001 and Bob's sweep: Carol, successor of g.ts, made no sweep there.
    expect(fileIn(report, 'src/g.ts').successor).toMatchObject({ id: 'carol@example.com', dl: 1 });
    // An author through the sweep alone (the published figures) is said to be one too.
    expect(fileIn(report, name(50))).toMatchObject({ status: 'shared', strength: 'author', successor: { id: 'bob@example.com', bulk: 2 } });
    expect(report.summary.bulkOnlySuccessor).toBe(299);
    expect(fileIn(report, name(60))).toMatchObject({ strength: 'author', successor: { id: 'bob@example.com', dl: 3, bulk: 2 } });

    // Carol, successor of g.ts by a change of her own, ranks before Bob, successor of ten by the sweep alone.
    expect(report.summary.takeOver.candidates.map((c) => [c.id, c.files, c.weak, c.bulkOnly])).toEqual([
      ['carol@example.com', 1, 1, 0],
      ['bob@example.com', 10, 10, 10],
    ]);

    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('| Bob (weak; their only changes, 2, were sweeps or reorganisations of 100+ files); hands-on: Carol (1 commit, last 2024-07-01) |');
    expect(markdown).toContain('| Bob (also an author; their only changes, 2, were sweeps or reorganisations of 100+ files) |');
    expect(markdown).toContain('the successor is Carol on 1 (weak) and Bob on 10 (all only through sweeps or reorganisations)');
    // What the 299 are (a re-test read "412" beside "383 weak" and could not tell): weak successors, and authors by sweeps alone.
    expect(markdown).toContain(
      '; on 299 the successor’s only changes were sweeps or reorganisations of 100+ files: 10 as a weak successor (on 9 of them nobody else who stays has worked on the file); 289 where they stay an author through sweeps alone, so the file is not counted as left with no author.',
    );
    // Some of their changes in sweeps: said beside their commits (their last change is often the sweep).
    const f060 = renderHandoffMarkdown({ ...report, areas: report.areas.map((area) => ({ ...area, files: [fileIn(report, name(60))] })) });
    expect(f060).toMatch(/\| Bob \(also an author\) \| DOA [\d.]+ \(normDOA [\d.]+\) · 3 commits \(2 in sweeps or reorganisations\) · last change 2024-08-05 \|/);
    expect(markdown).toContain('*hands-on* names who stays, is active and has the highest DOA among those who created the file or changed it otherwise');
    expect(markdown).toContain(`- [ ] Walk through \`${name(1)}\` with its new owner: the nearest successor, Bob, changed it only in sweeps or reorganisations of 100+ files; Carol worked on it hands-on.`);

    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    const row = json.areas.flatMap((area) => area.files).find((f) => f.path === name(1));
    expect(row?.successor).toMatchObject({ id: 'bob@example.com', bulk: 2, bulkOnly: true, oneOff: null });
    expect(row?.handsOnSuccessor).toMatchObject({ id: 'carol@example.com', bulk: 0, bulkOnly: false, oneOff: null });
    expect(json.summary.takeOver.candidates[1]).toEqual({ id: 'bob@example.com', name: 'Bob', files: 10, ok: 0, weak: 10, barely: 0, bulkOnly: 10, oneOff: false });
    expect(json.checklist).toContainEqual(expect.objectContaining({ kind: 'transfer-file', path: name(1), bulkOnly: true, handsOnSuccessor: { id: 'carol@example.com', name: 'Carol' } }));
  });

  it('names no hands-on successor under --model classic (an extension), and still says what the successor changed', async () => {
    const report = await handoffOf(await sweptAnalysis('classic'), 'ada', { critical: [] });
    expect(fileIn(report, name(1)).handsOnSuccessor).toBeUndefined();
    expect(renderHandoffMarkdown(report)).toContain('| Bob (weak; their only changes, 2, were sweeps or reorganisations of 100+ files) |');
  });

  it('says it in scan --leaving: the successor cell, its order, and the best-placed column', async () => {
    const analysis = await sweptAnalysis();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const text = renderDeparturesSection(result, { chalk: new Chalk({ level: 0 }), width: 100 });
    expect(text).toMatch(new RegExp(`\\n {4}${name(1)} +4 {2}Bob \\(weak, DOA 3\\.10, sweeps only; hands-on: Carol\\)\\n`));
    expect(text).toContain('sweeps only: their only changes were commits of 100+ files, a sweep or a reorganisation');
    // Carol, the successor of g.ts by her own change, is best placed; her file after Bob's swept ones.
    expect(text).toMatch(/\n {4}src {2}.* Carol \(1, all weak\)\n/);
    expect(text.indexOf('src/g.ts')).toBeGreaterThan(text.indexOf(name(1)));
    // The JSON says it too (a re-test: `342 sweeps only` could not be traced in scan's JSON).
    const swept = departuresJson(result).orphanedFiles.find((file) => file.path === name(1));
    expect(swept?.successor).toMatchObject({ id: 'bob@example.com', bulk: 2, bulkOnly: true });
    // Who changed it themselves, as the handoff names them.
    expect(swept?.handsOnSuccessor).toMatchObject({ id: 'carol@example.com', bulkOnly: false });
  });
});

// laravel (an engineering manager's test): Graham Campbell is the successor on some 390 files of
// Taylor Otwell's, and his last change to 154 of them was "CS fixes" (149 files) or "Final cs
// fixes" (140 files); only commits of 300 files or more were sweeps, so those were counted silently.
describe('handoff, scan --leaving and explain: a sweep of 100 to 299 files is one (BULK_CHANGES)', () => {
  it('says a successor changed a file only in a sweep of 150 files, and names who worked on it hands-on', async () => {
    const files = (content: number) => Object.fromEntries(Array.from({ length: 150 }, (_, i) => [name(i), content]));
    // "CS fixes" (150 files) and "Final cs fixes" (110), as laravel's; Graham and Carol write notes
    // weeks apart too: regulars, not one-off contributors (one-off.ts).
    const repo = buildNamed('cs-fixes', [
      ...[1, 2].map((n) => ({ author: 'carol', at: `2024-05-0${n * 4}T10:00:00Z`, message: 'Notes', write: { 'docs/carol.md': n } })),
      { author: 'taylor', at: '2024-06-01T10:00:00Z', message: 'Initial', write: files(1) },
      ...[2, 3, 4].map((n) => ({ author: 'taylor', at: `2024-06-0${n}T10:00:00Z`, message: `Work ${n}`, write: first(10, n) })),
      { author: 'carol', at: '2024-07-01T10:00:00Z', message: 'Fix f001', write: { [name(1)]: 20 } },
      { author: 'graham', at: '2024-07-10T10:00:00Z', message: 'Notes', write: { 'docs/graham.md': 1 } },
      { author: 'graham', at: '2024-08-01T10:00:00Z', message: 'CS fixes', write: files(30) },
      { author: 'graham', at: '2024-08-02T10:00:00Z', message: 'Final cs fixes', write: first(110, 40) },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const graham = analysis.files.find((f) => f.path === name(1))?.contributions.find((c) => c.developer === 'graham@example.com');
    expect(graham && [graham.dl, graham.bulk]).toEqual([2, 2]);
    expect(graham && explainAuthorship(graham)).toMatch(/; all 2 of their changes are in commits that change or move 100 files or more \(a sweep or a reorganisation\)$/);
    const report = await handoffOf(analysis, 'taylor', { critical: [] });
    expect(fileIn(report, name(1))).toMatchObject({ strength: 'weak', successor: { id: 'graham@example.com', dl: 2, bulk: 2 }, handsOnSuccessor: { id: 'carol@example.com', commits: 1 } });
    expect(renderHandoffMarkdown(report)).toContain('| Graham (weak; their only changes, 2, were sweeps or reorganisations of 100+ files); hands-on: Carol (1 commit, last 2024-07-01) |');
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['taylor'] }));
    expect(renderDeparturesSection(result, { chalk: new Chalk({ level: 0 }), width: 100 })).toMatch(new RegExp(`\\n {4}${name(1)} +\\d+ {2}Graham \\(weak, DOA 3\\.10, sweeps only; hands-on: Carol\\)\\n`));
    // The warning about commits of 300 files or more stays as it was: this one is not named.
    expect(analysis.warnings.filter((w) => w.includes('files or more'))).toEqual([]);
  });
});

describe('handoff: a weak successor with many changes of their own', () => {
  // The report of shopHistory with ledger.ts's successor given spring-boot's figures.
  async function withLedgerSuccessor(commits: number, normDoa: number) {
    const report = await handoffOf(await analyzeRepo(buildNamed('shop', shopHistory()).dir, { depth: 1, config: SHOP_CONFIG }), 'ada');
    const ledger = report.areas[0]?.files.find((f) => f.path === 'pay/ledger.ts') as HandoffFile;
    // A regular of the repository (dave's one commit made him a one-off contributor, one-off.ts).
    const regular = { ...(ledger.successor as NonNullable<HandoffFile['successor']>) };
    delete regular.oneOff;
    const successor = { ...regular, normDoa, commits, dl: commits };
    const changed = { ...ledger, events: 9694, successor };
    const checklist = report.checklist.map((item) => {
      if (item.kind !== 'transfer-file' || item.path !== ledger.path) return item;
      const copy = { ...item };
      delete copy.oneOff;
      return copy;
    });
    return { ...report, areas: report.areas.map((area) => ({ ...area, files: area.files.map((f) => (f === ledger ? changed : f)) })), checklist };
  }

  it('words it relative to the others instead of "barely knows it" (spring-boot: 388 of 9,694 changes)', async () => {
    const report = await withLedgerSuccessor(388, 0.08);
    const markdown = renderHandoffMarkdown(report);
    // Who made the rest: "others made far more" hid that they were mostly the person leaving (pnpm, a first-time user).
    const theirs = (report.areas[0]?.files.find((f) => f.path === 'pay/ledger.ts') as HandoffFile).commits;
    expect(theirs).toBeGreaterThan(0);
    expect(markdown).toContain(`| Dave (last commit 347 days ago; 388 of its 9694 changes; Ada made ${theirs}, others ${9694 - 388 - theirs}: walk through it together) |`);
    expect(markdown).toContain(`- [ ] Walk through \`pay/ledger.ts\` with Dave, who made 388 of its 9694 changes (Ada made ${theirs}, others ${9694 - 388 - theirs}).`);
    expect(markdown).not.toContain('barely knows it');
    // A few changes of their own: still barely known.
    expect(renderHandoffMarkdown(await withLedgerSuccessor(3, 0.08))).toContain('| Dave (last commit 347 days ago; barely knows it: plan a knowledge transfer) |');
  });

  it('does not count such a file "barely known" in the take-over', () => {
    const successor = (commits: number) => ({ id: 'pw', doa: 64, normDoa: 0.08, fa: 0 as const, dl: commits, commits, lastChange: 0 });
    const takeOver = takeOverOf([
      { strength: 'weak', successor: successor(388) },
      { strength: 'weak', successor: successor(2) },
    ]);
    expect(takeOver.candidates[0]).toMatchObject({ files: 2, weak: 2, barely: 1 });
    // Changes of a sweep are no changes of their own.
    expect(takeOverOf([{ strength: 'weak', successor: { ...successor(25), bulk: 10 } }]).candidates[0]).toMatchObject({ barely: 1 });
  });
});
