import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { currentFigures, projectExperts } from '../../src/model/decay.ts';
import { computeDepartures, nobodyActiveSince, olderThanWindow } from '../../src/model/departures.ts';
import { resolveDepartures } from '../../src/model/resolve-departures.ts';
import { renderScanTable } from '../../src/report/scan-table.ts';
import { renderCurrentSection } from '../../src/report/departures-current.ts';
import { currentJson, currentOutputSchema, departuresJson, departuresOutputSchema } from '../../src/report/departures-json.ts';
import { renderDeparturesSection } from '../../src/report/departures-table.ts';
import { displayWidth } from '../../src/report/table-util.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { buildDecayRepo, buildNothingLostRepo, DECAY_CONFIG, departuresFixture } from './departures-fixture.ts';

// The scan sections and JSON of departures and current figures (src/report/departures-*.ts), on
// the hand-computed fixtures of departures.test.ts and decay.test.ts.

const ctx = { chalk: new Chalk({ level: 0 }), width: 100 };

describe('departures section of scan', () => {
  it('renders the two-step timeline, modules and successors', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['bob=2025-03-31', 'ada=2025-06-30'] }));
    expect(renderDeparturesSection(result, ctx)).toMatchInlineSnapshot(`
      "Departures (talentrisk extension, METRICS §8; nobody inherits authorship): Bob (2025-03-31), Ada (2025-06-30)
        Truck factor 2 → 0 · 4 files of 6 lose their last author (67%) · orphaned module: pay
        Timeline (cumulative; undated departures count from now)
          after       leaving  truck factor  orphaned files  orphaned modules
          2025-03-31  Bob                 1               1  —
          2025-06-30  Ada                 0               4  pay
        Modules losing knowledge (share of files whose authors are all leaving; best placed: who stays and is the successor on most of those files, and on how many, between equals who authors most of the module; one-off: 2 commits or fewer in the whole history, or up to 5 within 7 days and none since; tests, fixtures, examples, docs and modules of fewer than 5 files last)
          module  files  TF before  TF after  knowledge lost  leaving owners  best placed
          pay         3          1         0            100%  Ada             Carol (1, all weak; one-off)
          web         3          2         1             33%  Bob             none
        Orphaned files and successors (no or a weak successor first; files outside test, docs and example folders before those in them, and in each code, then prose, then changelogs and manifests, then settings; then by the commits of those leaving, most first; successor: who stays with the highest DOA; weak below normDOA 0.5 or DOA 3.293; one-off: 2 commits or fewer in the whole history, or up to 5 within 7 days and none since)
          file      leaving  commits of all leaving  successor
          pay/c.ts  Ada                          10  Carol (weak, normDOA 0.48, one-off)
          pay/b.ts  Ada                           5  none — knowledge transfer needed
          pay/a.ts  Ada                           4  none — knowledge transfer needed
          web/e.ts  Bob                           1  none — knowledge transfer needed
        1 file left with a single owner: web/f.ts → Carol
        \`talentrisk handoff <who>\` writes the handoff document of one person."
    `);
  });

  // hugo: "Modules losing knowledge" named nobody beside tpl's 206 lost files, of which Joe Mooring
  // was the successor on 74 (a tester).
  it('names beside each module losing knowledge who is best placed to take over its lost files, and on how many', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const row = (text: string, module: string) => text.split('\n').find((line) => line.startsWith(`    ${module} `)) ?? '';
    const plain = renderDeparturesSection(result, ctx);
    // Weak in words too, for a table piped or pasted without colour (a re-test); Bob's 4 commits, 5
    // days apart a year before, are one contribution: said too.
    expect(row(plain, 'pay')).toMatch(/ {2}Bob \(1, all weak; one-off\)$/);
    // A successor who is weak on all of them in yellow, nobody in red.
    const coloured = renderDeparturesSection(result, { ...ctx, chalk: new Chalk({ level: 1 }) });
    expect(row(coloured, 'pay')).toContain('\u001b[33mBob (1, all weak; one-off)\u001b[39m');
    const both = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada', 'bob'] }));
    expect(row(renderDeparturesSection(both, { ...ctx, chalk: new Chalk({ level: 1 }) }), 'web').endsWith('\u001b[31mnone\u001b[39m')).toBe(true);
  });

  // psf/requests: its tests module, listed for the truck factor it loses, read "none" in red beside
  // 0% knowledge lost, as if nobody could take over what nothing needs (a tester).
  it('shows "—" as best placed for a module that loses no file', async () => {
    const analysis = await analyzeRepo(buildNothingLostRepo().dir, { depth: 1 });
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    expect(result.modules.map((m) => [m.path, m.knowledgeLost])).toEqual([['lib', 0]]);
    const row = renderDeparturesSection(result, ctx).split('\n').find((line) => line.startsWith('    lib ')) ?? '';
    // One person leaving: no column of who.
    expect(row).toMatch(/ 0% +—$/);
    expect(renderDeparturesSection(result, ctx)).toContain('and on how many (— when it loses no file), between equals');
  });

  // Under --until, "now" read as today while the figures are measured from that day (a tester).
  it('counts undated departures from the --until day', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['bob', 'ada=2025-06-30'] }));
    expect(renderDeparturesSection(result, ctx)).toContain('undated departures count from now)');
    const until = renderDeparturesSection(result, ctx, undefined, '2025-01-31', '2025-01-31');
    expect(until).toContain('(cumulative; undated departures count from 2025-01-31, the --until day)');
    expect(until).toMatch(/\n {4}2025-01-31 {2}Bob /);
    expect(until).not.toMatch(/\bnow\b/);
  });

  // hugo: twelve modules of 1 to 4 files, all lost, listed by path before its 206-file tpl (an
  // engineering manager's test).
  it('lists the modules that lose more files first, and small modules after the others', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a/one.ts': 5, ...Object.fromEntries(['1', '2', '3', '4', '5', '6'].map((n) => [`tpl/${n}.ts`, 5])), 'web/x.ts': 5, 'web/y.ts': 5 } },
      { author: 'bob', write: { 'web/z.ts': 5, 'web/w.ts': 5, 'web/v.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    expect(result.modules.map((m) => [m.path, m.lostFiles.length])).toEqual([['tpl', 6], ['a', 1], ['web', 2]]);
    const table = renderDeparturesSection(result, ctx);
    const rows = table.split('\n').filter((line) => /^ {4}(tpl|a|web) /.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(rows).toEqual(['tpl', 'web', 'a']);
  });

  // undici: the orphaned files began with 9 test files, and lib/dispatcher/retry-agent.js was not
  // among the 15 shown (a tester).
  it('lists orphaned code files before tests and docs of the same strength', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const first = result.orphanedFiles.find((f) => f.strength === 'none') as (typeof result.orphanedFiles)[number];
    const testFile = { ...first, path: 'test/fixtures/heavy.js', events: 500 };
    const text = renderDeparturesSection({ ...result, orphanedFiles: [testFile, ...result.orphanedFiles] }, ctx);
    expect(text.indexOf(`    ${first.path} `)).toBeGreaterThan(0);
    expect(text.indexOf('test/fixtures/heavy.js')).toBeGreaterThan(text.indexOf(`    ${first.path} `));
  });

  // vuejs/core: `--leaving "Evan You"` listed READMEs, a package.json, .gitignore and BACKERS.md
  // first; 3 of the 15 rows were source (a tester).
  it('lists orphaned code before READMEs, ignore files and release chores of the same strength', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const first = result.orphanedFiles.find((f) => f.strength === 'none') as (typeof result.orphanedFiles)[number];
    const chores = ['README.md', '.gitignore', 'package.json'].map((path) => ({ ...first, path, events: 500 }));
    const text = renderDeparturesSection({ ...result, orphanedFiles: [...chores, ...result.orphanedFiles] }, ctx);
    const at = (path: string) => text.indexOf(`    ${path} `);
    expect(at(first.path)).toBeGreaterThan(0);
    for (const chore of chores) expect(at(chore.path)).toBeGreaterThan(at(first.path));
    expect(at('package.json')).toBeGreaterThan(at('README.md'));
  });

  // hugo at 80 columns: ".circleci, cache, codegen +1…" stood for 17 more modules.
  it('keeps the count of a timeline list cut to the terminal', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['bob=2025-03-31', 'ada=2025-06-30'] }));
    const modules = Array.from({ length: 20 }, (_, i) => `components/module-number-${i}`);
    const timeline = result.timeline.map((step) => ({ ...step, orphanedModules: modules }));
    const text = renderDeparturesSection({ ...result, timeline }, { ...ctx, width: 70, fit: true });
    const rows = text.split('\n').filter((line) => /^ {4}2025-/.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(displayWidth(row)).toBeLessThanOrEqual(70);
      expect(row).toMatch(/components\/module.* \+(19|20)( more)?$/);
    }
  });

  it('writes JSON that the published schema accepts', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['carol'] }));
    const json = departuresJson(result);
    expect(departuresOutputSchema.parse(json)).toEqual(json);
    expect(json.people).toEqual([{ id: 'carol@example.com', name: 'Carol', date: null, note: null, filesAuthored: 2, soleAuthorFiles: 1 }]);
    expect(json.singleOwnerFiles).toEqual([
      {
        path: 'web/f.ts',
        module: 'web',
        departingAuthors: [{ id: 'carol@example.com', name: 'Carol' }],
        remainingAuthors: [{ id: 'bob@example.com', name: 'Bob' }],
        successor: {
          id: 'bob@example.com',
          name: 'Bob',
          doa: 3.621,
          normDoa: 0.897,
          commits: 2,
          lastChange: json.singleOwnerFiles[0]?.successor?.lastChange,
          bulk: 0,
          bulkOnly: false,
          barelyKnows: false,
          lastCommit: analysis.developers.find((d) => d.id === 'bob@example.com')?.lastCommit,
          fading: false,
          oneOff: { commits: 4, first: '2024-01-12', last: '2024-01-17' },
        },
        strength: 'author',
        departingCommits: 1,
        remainingAuthorsInactive: false,
        handsOnSuccessor: null,
      },
    ]);
    expect(json.timeline).toEqual([]);
  });

  it('offers --until only when the history itself is old, not when the one active person is the one leaving (a review)', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }), { unavailable: ['bob@example.com', 'carol@example.com'] });
    const stale = { day: '2024-12-15', inactiveAfterDays: 180, referenceDate: '2026-06-01T23:59:59Z' };
    expect(renderDeparturesSection(result, ctx, stale)).toContain('\n  Nobody committed in the 180 days before 2026-06-01, so nobody can be a successor: `--until 2024-12-15` measures from the last commit.\n');
    const recent = { ...stale, day: '2026-05-20' };
    const section = renderDeparturesSection(result, ctx, recent);
    expect(section).toContain('\n  Everyone who stays has had no commit in the 180 days before 2026-06-01, so nobody can be a successor.\n');
    expect(section).not.toContain('--until');
  });

  it('judges that nobody can be a successor from the developers\' own commits, the people leaving included', () => {
    const developers = [
      { id: 'ada', lastCommit: '2026-05-20T10:00:00Z' },
      { id: 'bob', lastCommit: '2020-01-01T10:00:00Z' },
    ];
    expect(nobodyActiveSince(developers, new Set(['ada']), new Set(['bob']))).toBe('2026-05-20');
    expect(nobodyActiveSince(developers, new Set(['ada']), new Set())).toBeUndefined();
    expect(nobodyActiveSince(developers, new Set(['ada', 'bob']), new Set(['bob']))).toBeUndefined();
    expect(olderThanWindow('2026-05-20', '2026-06-01T23:59:59Z', 180)).toBe(false);
    expect(olderThanWindow('2025-12-01', '2026-06-01T23:59:59Z', 180)).toBe(true);
  });

  it('says when some who stay were not considered as successors (inactive developers)', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }), { unavailable: ['carol@example.com'] });
    expect(result.successorsFiltered).toBe(true);
    expect(result.orphanedFiles.find((f) => f.path === 'pay/c.ts')?.strength).toBe('none');
    expect(renderDeparturesSection(result, ctx)).toContain('; successor: of those who stay and are active, the highest DOA; weak below normDOA 0.5 or DOA 3.293; one-off: ');
    expect(departuresJson(result).successorsFiltered).toBe(true);
    // The one owner left is inactive, so the successor is someone else: named ("→ Bob" read as a handover to him).
    const single = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['carol'] }), { unavailable: ['bob@example.com'] });
    // Here nobody else can take over: the line says why Bob is no successor (deno: "(no successor)"),
    // plainly: "web/f.ts → Bob (inactive; no successor)" read as "Bob takes over web/f.ts" (redis's
    // INSTALL → Pedro Melo, inactive since 2016; a first-time user).
    expect(renderDeparturesSection(single, ctx)).toContain('1 file left with a single owner: web/f.ts: only Bob stays an author, inactive since 2024-01-17 (no successor)');
  });

  it('gives code as the first examples of files left with a single owner, the most changed first, release notes last (pnpm, a first-time user)', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['carol'] }));
    const template = result.singleOwnerFiles[0] as (typeof result.singleOwnerFiles)[number];
    const entry = (path: string, events: number) => ({ ...template, path, events });
    // In path order, as the analysis lists them: three release-note fragments first.
    const files = [entry('.changeset/a.md', 9), entry('.changeset/b.md', 9), entry('.changeset/c.md', 9), entry('docs/guide.md', 50), entry('src/a.ts', 2), entry('src/b.ts', 7)];
    const text = renderDeparturesSection({ ...result, singleOwnerFiles: files }, { ...ctx, fit: false });
    expect(text).toMatch(/6 files left with a single owner: src\/b\.ts → \S.*; src\/a\.ts → .*; docs\/guide\.md → .* \+3 more/);
  });

  // Regression (astro, a re-test): 8 fixture packages were listed before its code.
  // spring-boot (an EM test): `platform`, 2 files orphaned, one of them the most changed file of the
  // repository (9,694 events), came last of "Modules losing knowledge" for its size.
  it('lists a small module that loses every author with the others when its files were much changed, and says why', async () => {
    const bobs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`big/f${i}.ts`, 3]));
    const repo = buildRepo([
      { author: 'bob', write: bobs },
      { author: 'ada', write: { 'big/a.ts': 3, 'big/b.ts': 3, 'tiny/deps.gradle': 3, 'wee/x.ts': 3 } },
      // 41 events on tiny's one file, against 54 in 3 modules: more than an average module (18).
      ...Array.from({ length: 40 }, (_, i) => ({ author: 'ada', write: { 'tiny/deps.gradle': i + 4 } })),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    expect(result.eventsPerModule).toBe(18);
    const text = renderDeparturesSection(result, ctx);
    const rows = text.split('\n').filter((line) => /^ {4}(big|tiny|wee) /.test(line)).map((line) => line.trim().split(' ')[0]);
    // wee, as small and orphaned but changed once, stays last.
    expect(rows).toEqual(['tiny', 'big', 'wee']);
    expect(text).toContain('modules of fewer than 5 files last (but tiny: it loses every author, and its files were changed as often as an average module’s))');
  });

  it('lists the modules losing knowledge with tests, fixtures, examples and docs after the code', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    // Of 5 files or more, so that neither module ranks last for its size.
    const first = { ...(result.modules[0] as (typeof result.modules)[number]), files: 8 };
    const fixture = { ...first, path: 'test/fixtures/app', knowledgeLost: 1 };
    const text = renderDeparturesSection({ ...result, modules: [fixture, first, ...result.modules.slice(1)] }, ctx);
    const [code, data] = [text.indexOf(`    ${first.path} `), text.indexOf('test/fixtures/app')];
    expect(code).toBeGreaterThan(0);
    expect(data).toBeGreaterThan(code);
  });

  it('counts what the tables leave out (12 module rows, 15 file rows), and never leaves out just one (curl: 12 of 13 modules)', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const padded = <T>(items: T[], length: number): T[] => Array.from({ length }, (_, i) => items[i % items.length] as T);
    const section = (modules: number, files: number) => renderDeparturesSection({ ...result, modules: padded(result.modules, modules), orphanedFiles: padded(result.orphanedFiles, files) }, ctx);
    // One more row takes the line "… 1 more" would.
    expect(section(13, 16)).not.toContain('more');
    expect(section(14, 17)).toContain('    … 2 more modules (--format json lists them all)');
    expect(section(14, 17)).toContain('    … 2 more files (--format json lists them all)');
    expect(section(12, 15)).not.toContain('more');
    const modules = (count: number) => renderScanTable({ ...analysis, modules: padded(analysis.modules, count) }, ctx);
    expect(modules(13)).not.toContain('more module');
    expect(modules(14)).toContain('  … 2 more modules (use --format json for all)');
  });

  it('keeps each module\'s owner share and "+N" when a narrow terminal cuts the owners (they were cut off: "Viktor Szakats 39%…")', async () => {
    const analysis = await departuresFixture();
    const many = ['Bartholomew Longname', 'Second Longname', 'Third Person', 'Fourth Person'].map((name, i) => ({ id: `p${i}@example.com`, name, share: 0.9 - i / 10 }));
    // Active (a commit on the reference day): an inactive owner's "(inactive)" is another test's (scan-table.test.ts).
    const developers = [...analysis.developers, ...many.map((m) => ({ ...(analysis.developers[0] as (typeof analysis.developers)[number]), id: m.id, name: m.name, emails: [m.id], names: [m.name], lastCommit: analysis.settings.referenceDate }))];
    const modules = analysis.modules.map((module) => ({ ...module, owners: many.map((m) => ({ id: m.id, files: 1, share: m.share })) }));
    const rows = (width: number) =>
      renderScanTable({ ...analysis, developers, modules }, { ...ctx, width, fit: true })
        .split('\n')
        .filter((line) => line.includes('Bartholo') && !line.includes('next by files authored'));
    // Wide: two owners and the count of the rest.
    expect(rows(120)[0]).toContain('Bartholomew Longname 90%, Second Longname 80% +2');
    // Narrow: one owner and the count of the others, then the name gives way, never the figures.
    expect(rows(66)[0]).toContain('Bartholomew Longname 90% +3');
    expect(rows(58)[0]).toMatch(/Bartholo[^,]*… 90% \+3 /);
  });

  it('wraps the scan’s prose at words in a terminal (a warning broke mid-word at the margin), and keeps it whole when piped', async () => {
    const analysis = await departuresFixture();
    const warning = 'a commit changes 300 files or more (8193cf96c4 by Ada): each counts as a change of every one of them; a sweep can be left out with config `ignoreRevs: ["8193cf96c4"]`';
    const table = (fit: boolean) => renderScanTable({ ...analysis, warnings: [warning] }, { ...ctx, width: 80, fit });
    const fitted = table(true).split('\n');
    for (const line of fitted) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const start = fitted.findIndex((line) => line.startsWith('warning: a commit changes'));
    expect(fitted[start + 1]).toMatch(/^ {2}\S/);
    expect(table(false)).toContain(`warning: ${warning}\n`);
  });

  it('fits its tables to a narrow terminal, cutting names and paths before the successor\'s meaning (they ran to 98 columns in 80)', async () => {
    const analysis = await departuresFixture();
    const long = { ...analysis, developers: analysis.developers.map((d) => ({ ...d, name: `${d.name} Quite-Long-Family-Name` })) };
    const two = computeDepartures(long, resolveDepartures(long.developers, { leaving: ['bob=2025-03-31', 'ada=2025-06-30'] }));
    const deep = { ...two, orphanedFiles: two.orphanedFiles.map((f) => ({ ...f, path: `services/payments/internal/${f.path}` })) };
    const cells = (text: string) => text.split('\n').filter((line) => line.startsWith('    '));
    for (const width of [60, 80]) {
      const section = renderDeparturesSection(deep, { ...ctx, width, fit: true });
      for (const line of cells(section)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      // "none" stays whole, a successor keeps its strength and figure; file names keep their end.
      expect(section).toMatch(/pay\/b\.ts {2}.* {2}none( — transfer needed)?$/m);
      // "one-off" gives way last, where the column has no room for it beside a cut name.
      expect(section).toMatch(/Carol[^\n]*\(weak, 0\.48(, one-off)?\)/);
      // The best-placed cell keeps its count while its name is cut, where there is room for both.
      if (width === 80) expect(section).toMatch(/\n {4}pay .* Car[^\n]*\(1; one-off\)\n/);
    }
    // Piped (no fit): every name and the full wording.
    const piped = renderDeparturesSection(deep, ctx);
    expect(piped).toMatch(/Ada Quite-Long-Family-Name +5 {2}none — knowledge transfer needed/);
    expect(piped).toContain('(weak, normDOA 0.48, one-off)');
    // One person leaving: no "leaving" columns repeating the name the heading gives.
    const one = renderDeparturesSection(computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] })), ctx);
    expect(one).toMatch(/\n {4}file {2,}their commits {2}successor\n/);
    expect(one).toMatch(/\n {4}module +files +TF before +TF after +knowledge lost +best placed\n/);
  });

  it('fits into the scan table as a section', async () => {
    const analysis = await departuresFixture();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['ada'] }));
    const table = renderScanTable(analysis, ctx, [renderDeparturesSection(result, ctx)]);
    expect(table).toContain('\nDepartures (talentrisk extension');
    expect(renderDeparturesSection(computeDepartures(analysis, []), ctx)).toBe('');
  });
});

describe('current figures section of scan', () => {
  it('shows classic and current truck factors, inactive developers and the projection', async () => {
    const analysis = await analyzeRepo(buildDecayRepo().dir, { depth: 1, config: DECAY_CONFIG });
    const departures = resolveDepartures(analysis.developers, { config: [{ who: 'carol', date: '2025-02-15' }] });
    const figures = currentFigures(analysis, { treatInactiveAsDeparted: true });
    const projection = projectExperts(analysis, departures);
    expect(renderCurrentSection(figures, projection, ctx)).toMatchInlineSnapshot(`
      "Current figures (talentrisk extension, METRICS §7: knowledge halves every 365 days; inactive = no commit in 200 days)
        Truck factor: 3 classic · 2 current (inactive developers counted as gone)  current: Bob, Carol
        Inactive: Dan (1 file, last commit 306d ago), Ada (1 file, last commit 1093d ago)
        Experts per module (authors now and projected: departures, inactivity and decay, assuming no new commits; fewest experts at the end first, then in the columns before)
          module  TF classic  TF current  now  +30d  +90d  +180d
          core             1           1    1     1     1      0
          web              3           2    3     3     1      1"
    `);
    // Measured from an --until day: the heading names it and its column is +0d, not "now".
    const until = renderCurrentSection(figures, projection, ctx, { revision: '2025-01-01T00:00:00Z', reference: '2025-01-01T23:59:59Z', until: '2025-01-01' });
    expect(until).toContain('(authors on 2025-01-01 (--until) and projected:');
    expect(until).toMatch(/module {2}TF classic {2}TF current {2}\+0d {2}\+30d/);
    // Carol is declared leaving: today's list says so (EM test: the leavers were not marked).
    expect(renderCurrentSection(figures, projection, ctx, undefined, new Map(departures.map((d) => [d.id, 'leaving'] as const))).split('\n')[1]).toMatch(/ {2}current: Bob, Carol \(leaving\)$/);
    // A last day that has passed (hugo: "bep (leaving)" a month after it).
    expect(renderCurrentSection(figures, projection, ctx, undefined, new Map(departures.map((d) => [d.id, 'left'] as const))).split('\n')[1]).toMatch(/ {2}current: Bob, Carol \(left\)$/);
    // Counted as present, an inactive author can be in the current truck factor: marked (a review
    // read "current: Douglas" beside "Inactive: Douglas" as a contradiction).
    const present = currentFigures(analysis, { treatInactiveAsDeparted: false });
    const inactiveIds = new Set(present.inactive.map((d) => d.id));
    const marked = present.current.developers.filter((d) => inactiveIds.has(d.id)).map((d) => present.names[d.id]);
    expect(marked.length).toBeGreaterThan(0);
    for (const name of marked) expect(renderCurrentSection(present, projection, ctx).split('\n')[1]).toContain(`${name} (inactive)`);
    // Inactive developers who author nothing: one sentence, in agreement (review: "no author of an
    // analysed file · 1 more inactive developer who author no file").
    const nobody = { ...figures, inactive: [{ id: 'x@example.com', name: 'X', lastCommit: '2020-01-01T00:00:00.000Z', daysSinceLastCommit: 1000, filesAuthored: 0 }] };
    expect(renderCurrentSection(nobody, projection, ctx).split('\n')[2]).toBe('  Inactive: 1 developer, none of them an author of an analysed file');
    // No module's count grows here, so no word about it; one that grows gets a line (curl new-user test).
    expect(renderCurrentSection(figures, projection, ctx)).not.toContain('A count can grow');
    const first = projection.modules[0] as (typeof projection.modules)[number];
    const growing = { ...projection, modules: [{ ...first, points: first.points.map((p, i) => (i === 1 ? { ...p, experts: [...p.experts, 'x@example.com'] } : p)) }, ...projection.modules.slice(1)] };
    // Long module names: whole when piped; in a terminal, as much as the width leaves (vite: cut to 20
    // characters in a 59-column table, and two modules read alike).
    const long = (path: string) => `playground/ssr-conditions/${path}`;
    const named = { ...projection, modules: projection.modules.map((m, i) => ({ ...m, path: long(i === 0 ? 'external' : 'no-external') })) };
    const lines = (c: typeof ctx & { fit?: boolean }) => renderCurrentSection(figures, named, c).split('\n').filter((line) => line.includes('external'));
    expect(lines(ctx).map((line) => line.trim().split(/\s+/)[0]).sort()).toEqual([long('external'), long('no-external')]);
    expect(lines({ ...ctx, width: 100, fit: true }).join('\n')).toContain(long('no-external'));
    const narrow = lines({ ...ctx, width: 80, fit: true });
    expect(Math.max(...narrow.map(displayWidth))).toBeLessThanOrEqual(80);
    expect(narrow).toHaveLength(2);
    expect(narrow.join('\n')).toContain('…');
    expect(renderCurrentSection(figures, growing, ctx)).toContain("\n    A count can grow: as a top author's older work fades, another author's DOA comes within 75% of theirs.");
    // A current truck factor of 0 says what it means (tokio: "6 classic · 0 current" beside 22 experts).
    const none = { ...figures, current: { ...figures.current, value: 0, developers: [] } };
    expect(renderCurrentSection(none, projection, ctx).split('\n')[1]).toBe(
      '  Truck factor: 3 classic · 0 current (inactive developers counted as gone)  0: fewer than half the files have a current author even now',
    );
    // Under inactiveAfter 180 (the default) no +180d column, and a line says why.
    const at180 = await analyzeRepo(buildDecayRepo().dir, { depth: 1, config: { model: { halfLife: 365, inactiveAfter: 180 } } });
    const text = renderCurrentSection(currentFigures(at180, { treatInactiveAsDeparted: true }), projectExperts(at180, departures), ctx);
    expect(text).toContain('module  TF classic  TF current  now  +30d  +90d\n');
    expect(text.split('\n').at(-1)).toBe('    No +180d: with no new commits, everyone is inactive after model.inactiveAfter (180 days).');
    const json = currentJson(figures, projection);
    expect(currentOutputSchema.parse(json)).toEqual(json);
    expect(json.truckFactor.current.developers.map((d) => d.name)).toEqual(['Bob', 'Carol']);
    expect(json.modules.find((m) => m.path === 'web')?.projection.map((p) => p.experts.length)).toEqual([3, 3, 1, 1]);
  });
});
