import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { rankModulesByRisk } from '../../src/model/modules.ts';
import { nextAuthors } from '../../src/model/ownership.ts';
import { chainsPhrase, renderScanTable } from '../../src/report/scan-table.ts';
import { scanReport } from '../../src/cli/commands/scan-report.ts';
import { configSchema } from '../../src/config/schema.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

const loaded = { config: configSchema.parse({}), file: undefined, name: '.talentrisk.yml', lineOf: () => undefined, locate: () => '.talentrisk.yml' };
const files = (folder: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}.ts`, `${folder} ${i}\n`]));

describe('truck factor', () => {
  // pnpm: a truck factor of 1 (Zoltan Kochan, 97%), and "besides Zoltan, who knows what?" was in the JSON only (an engineering manager).
  it('names who authors the most files after a truck factor of 1 or 2, in the table and the markdown', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: files('core', 12) },
      { author: 'bob', at: '2024-01-02T10:00:00Z', write: files('lib', 3) },
      { author: 'carl', at: '2024-01-03T10:00:00Z', write: files('web', 2) },
      { author: 'dan', at: '2024-01-04T10:00:00Z', write: files('ops', 1) },
      { author: 'eve', at: '2024-01-05T10:00:00Z', write: files('doc', 1) },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, now: new Date('2024-02-01T00:00:00Z') });
    expect(analysis.truckFactor.value).toBe(1);
    const text = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 });
    expect(text).toContain('\n  next by files authored: Bob 3 (16%), Carl 2 (11%), Dan 1 (5%)\n');
    const markdown = [...scanReport(analysis, loaded, { departures: [], format: 'markdown' })].join('');
    expect(markdown).toContain('\n\nNext by files authored: Bob 3 (16%), Carl 2 (11%), Dan 1 (5%).\n');
    // Marked as the truck factor's developers are, once inactive.
    const later = await analyzeRepo(repo.dir, { depth: 1, now: new Date('2025-02-01T00:00:00Z') });
    expect(renderScanTable(later, { chalk: new Chalk({ level: 0 }), width: 120 })).toContain('next by files authored: Bob (inactive) 3 (16%)');
    // In a narrow terminal, as many as fit.
    expect(renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 52, fit: true })).toContain('\n  next by files authored: Bob 3 (16%), Carl 2 (11%)\n');
    // A truck factor of 3 or more names several people itself: no such line.
    expect(nextAuthors({ value: 3, developers: [] }, analysis.developers, analysis.files.length)).toEqual([]);
  });
});

describe('riskiest modules', () => {
  it('ranks tests, fixtures, docs and tiny modules after the code (vite: the 12 rows shown were all 1–3-file fixtures, packages/vite none of them)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { ...files('core', 6), ...files('test', 6), ...files('tiny', 1), ...files('lib', 5) } },
      // lib: half Ada's, half Bob's: truck factor 2.
      { author: 'bob', at: '2024-01-02T10:00:00Z', write: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`lib/g${i}.ts`, `g ${i}\n`])) },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const ranked = rankModulesByRisk(analysis.modules).map((module) => [module.path, module.truckFactor.value]);
    expect(ranked).toEqual([
      ['core', 1],
      ['lib', 2],
      ['test', 1],
      ['tiny', 1],
    ]);
    const text = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 });
    expect(text).toContain('Riskiest modules (lowest truck factor first; tests, fixtures, examples, docs and modules of fewer than 5 files last; 4 modules at depth 1)');
  });

  it('marks an inactive developer of the truck factor where it names them (tokio: the #1, silent for 275 days, was marked only further down)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: files('core', 3) },
      { author: 'bob', at: '2024-01-02T10:00:00Z', write: files('lib', 3) },
    ]);
    const rows = async (inactiveAfter: number) => {
      const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter } }, now: new Date('2024-06-01T00:00:00Z') });
      return renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 }).split('\n').filter((line) => /^ {2}[12] /.test(line));
    };
    expect(await rows(100)).toEqual([expect.stringMatching(/^ {2}1 {2}Ada \(inactive\) /), expect.stringMatching(/^ {2}2 {2}Bob \(inactive\) /)]);
    expect((await rows(365)).join('\n')).not.toContain('inactive');
    // The classic model has no inactivity (review: it was marked there too).
    const classic = await analyzeRepo(repo.dir, { depth: 1, model: 'classic', config: { model: { inactiveAfter: 100 } }, now: new Date('2024-06-01T00:00:00Z') });
    expect(renderScanTable(classic, { chalk: new Chalk({ level: 0 }), width: 120 })).not.toContain('(inactive)');
  });
});

describe('the header', () => {
  it('counts the excluded files of each rule in words that agree with the count (redis: "10 binary file")', async () => {
    const repo = buildRepo([
      {
        author: 'ada',
        write: { 'a.png': 'x', 'b.png': 'y', 'c.min.js': 'z', 'yarn.lock': 'l', 'vendor/v.ts': 'v', 'vendor/w.ts': 'w', 'gen/g.ts': 'g', 'src/__snapshots__/a.ts.snap': 's', 'src/__snapshots__/b.ts.snap': 't', ...files('src', 2) },
      },
    ]);
    const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['gen'] } });
    const header = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 200 }).split('\n')[1];
    expect(header).toContain('(9 excluded: ');
    for (const part of ['2 test snapshots', '2 binary files', '1 minified file', '1 lock file', '2 in vendor folders', '1 matched by exclude']) expect(header).toContain(part);
    // The JSON keeps each rule's label.
    expect(analysis.exclusions).toContainEqual({ rule: 'binary file', files: 2 });
  });
});

describe('the vendor folders in the header', () => {
  // Regression (redis, a tester): "679 excluded: 679 in vendor folders" did not say which; deps/
  // (jemalloc, lua, hiredis) is vendored, but deps/Makefile and deps/update-jemalloc.sh are redis's own.
  it('names them in the table, the markdown and the JSON, the largest three and how many more', async () => {
    const redis = buildRepo([{ author: 'ada', write: { 'deps/Makefile': 'm', 'deps/update-jemalloc.sh': 'u', ...files('deps/jemalloc', 3), ...files('deps/lua', 2), ...files('src', 3) } }]);
    const analysis = await analyzeRepo(redis.dir);
    const header = (a: typeof analysis) => renderScanTable(a, { chalk: new Chalk({ level: 0 }), width: 200 }).split('\n')[1];
    expect(header(analysis)).toContain('(7 excluded: 7 in vendor folders (deps/))');
    expect([...scanReport(analysis, loaded, { departures: [], format: 'markdown' })].join('')).toContain('(7 excluded: 7 in vendor folders (deps/))');
    const json = JSON.parse([...scanReport(analysis, loaded, { departures: [], format: 'json' })].join('')) as { exclusions: unknown[] };
    expect(json.exclusions).toEqual([{ rule: 'vendor folder', files: 7, folders: [{ path: 'deps/', files: 7 }] }]);
    // Several: the largest three with their files, then how many more.
    const many = buildRepo([{ author: 'ada', write: { ...files('a/node_modules', 4), ...files('b/node_modules', 3), ...files('vendor', 2), 'third_party/t.c': 't', 'dist/d.js': 'd', ...files('src', 2) } }]);
    expect(header(await analyzeRepo(many.dir))).toContain('(11 excluded: 11 in vendor folders (a/node_modules/ 4, b/node_modules/ 3, vendor/ 2, +2 more))');
  });
});

describe('the modules line', () => {
  // laravel: "45 modules at depth 1" named src/Illuminate/Auth, which is at depth 3 (a tester's report).
  it('says which folders the automatic depth counts in the place of a folder that holds nothing else', async () => {
    const repo = buildRepo([{ author: 'ada', write: { ...files('src/Illuminate/Auth', 5), ...files('src/Illuminate/View', 5), ...files('tests', 2), 'composer.json': '{}\n' } }]);
    const line = (analysis: Awaited<ReturnType<typeof analyzeRepo>>) => renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 300 }).split('\n').find((text) => text.startsWith('Riskiest modules'));
    expect(line(await analyzeRepo(repo.dir))).toContain('; 4 modules at depth 1; src holds nothing but src/Illuminate, whose folders count in its place)');
    expect(line(await analyzeRepo(repo.dir, { depth: 1 }))).toContain('; 3 modules at depth 1)');
    expect(chainsPhrase([{ from: '.', to: 'app' }])).toBe('; the repository root holds nothing but app, whose folders count in its place');
    expect(chainsPhrase(['a', 'b', 'c'].map((from) => ({ from, to: `${from}/x` })))).toBe('; 3 folders hold nothing but one folder down to where they branch (a → a/x, b → b/x +1 more), whose folders count in their place');
  });
});

describe('the modules table in a terminal', () => {
  it('titles "single-owner files" on two lines only when the terminal is too narrow for one (requests: two lines at 200 columns)', async () => {
    const repo = buildRepo([
      { author: 'ada', write: files('core', 6) },
      { author: { name: 'Bartholomew Longname-Example', email: 'bart@example.com' }, write: files('lib', 5) },
    ]);
    // Measured while both are active: the widths below are those of owners with no "(inactive)".
    const analysis = await analyzeRepo(repo.dir, { depth: 1, now: new Date('2024-03-01T00:00:00Z') });
    const header = (width: number) => {
      const lines = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width, fit: true }).split('\n');
      const at = lines.findIndex((line) => line.startsWith('  module'));
      return lines.slice(at, at + 2);
    };
    expect(header(200)[0]).toMatch(/ single-owner files$/);
    expect(header(200)[1]).toMatch(/^ {2}core /);
    // Indented by 2, the table takes 74 cells with a one-line title, 68 with two.
    expect(header(74)[0]).toMatch(/ single-owner files$/);
    expect(header(73)[0]).toMatch(/ single-owner$/);
    expect(header(73)[1]).toMatch(/ files$/);
    expect(header(73)[1]?.length).toBeLessThanOrEqual(73);
  });
});

describe('the truck-factor list', () => {
  // One file each: with n such developers the truck factor is the least k above n / 2.
  const everyoneOneFile = (count: number) =>
    buildRepo(Array.from({ length: count }, (_, i) => ({ author: { name: `Dev ${String(i).padStart(2, '0')}`, email: `dev${i}@example.com` }, at: `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`, write: { [`plugins/p${i}/init.sh`]: `p ${i}\n` } })));

  it('lists the first 10 and counts the rest, before the modules (ohmyzsh: 140 rows came before its modules table)', async () => {
    const analysis = await analyzeRepo((everyoneOneFile(24)).dir, { depth: 1 });
    expect(analysis.truckFactor.value).toBe(13);
    const lines = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 }).split('\n');
    const at = lines.findIndex((line) => line.startsWith('Truck factor: 13'));
    expect(lines.slice(at + 2, at + 12).map((line) => line.trim().split(/\s+/)[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(lines[at + 12]).toBe('  … 3 more, each authoring at most 1 file (--format json lists them all)');
    expect(lines[at + 13]).toBe('');
    expect(lines[at + 14]).toMatch(/^Riskiest modules/);
    // The JSON keeps them all.
    expect(analysis.truckFactor.developers).toHaveLength(13);
  });

  it('lists an 11th rather than a line that counts one more', async () => {
    const analysis = await analyzeRepo((everyoneOneFile(21)).dir, { depth: 1 });
    expect(analysis.truckFactor.value).toBe(11);
    const text = renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 });
    expect(text).toMatch(/\n {2}11 {2}Dev \d\d/);
    expect(text).not.toContain('more, each authoring');
  });
});

describe('the modules table marks inactive owners', () => {
  it('as the truck-factor list does (hugo: "tpl … bep 95%, Cameron Moore 10%" read as if Cameron, silent for 1,656 days, were its second person)', async () => {
    const repo = buildRepo([
      { author: { name: 'Cameron Moore', email: 'cameron@example.com' }, at: '2020-01-01T10:00:00Z', write: files('tpl', 2) },
      { author: 'bep', at: '2024-12-01T10:00:00Z', write: { ...files('tpl/x', 6), ...files('core', 5) } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const row = (text: string) => text.split('\n').find((line) => line.startsWith('  tpl '));
    expect(row(renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width: 120 }))).toMatch(/ Bep 75%, Cameron Moore \(inactive\) 25% /);
    // Not under the classic model, which has no inactivity.
    const classic = await analyzeRepo(repo.dir, { depth: 1, model: 'classic' });
    expect(row(renderScanTable(classic, { chalk: new Chalk({ level: 0 }), width: 120 }))).toMatch(/ Bep 75%, Cameron Moore 25% /);
  });

  it('and keeps the mark when a narrow terminal cuts the name', async () => {
    const repo = buildRepo([
      { author: { name: 'Bartholomew Longname-Example', email: 'bart@example.com' }, at: '2020-01-01T10:00:00Z', write: files('legacy', 6) },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: files('core', 5) },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const row = (width: number) => renderScanTable(analysis, { chalk: new Chalk({ level: 0 }), width, fit: true }).split('\n').find((line) => line.startsWith('  legacy '));
    expect(row(200)).toContain('Bartholomew Longname-Example (inactive) 100%');
    const narrow = row(60);
    expect(narrow).toMatch(/ Bartholo[^ ]*… \(inactive\) 100% /);
    expect(narrow?.length).toBeLessThanOrEqual(60);
  });
});
