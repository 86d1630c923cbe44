import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { scanReport } from '../../src/cli/commands/scan-report.ts';
import type { LoadedConfig } from '../../src/config/load.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import type { Departure } from '../../src/model/departures.ts';
import type { Analysis } from '../../src/model/types.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildNothingLostRepo } from '../model/departures-fixture.ts';

const files = (folder: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}.ts`, `${folder} ${i}\n`]));

function loaded(input: ConfigInput = {}): LoadedConfig {
  return { config: configSchema.parse(input), file: undefined, name: '.talentrisk.yml', lineOf: () => undefined, locate: () => '.talentrisk.yml' };
}

function markdown(analysis: Analysis, config: ConfigInput = {}, departures: Departure[] = []): string {
  return [...scanReport(analysis, loaded(config), { departures, format: 'markdown' })].join('');
}

function render(text: string): string {
  return micromark(text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The cells of each body row of the rendered table that follows `heading` (its text in a <th>). */
function tableRows(html: string, heading: string): string[][] {
  const table = html.split('<table>').find((part) => part.includes(`<th>${heading}</th>`) || part.includes(`<th align="left">${heading}</th>`) || part.includes(`<th align="right">${heading}</th>`)) ?? '';
  const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</table>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] as string).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] as string));
}

// 30 test authors of two files each (truck factor 14 with Bep's 11 files), tests that are most of
// the files, and an inactive second owner of `tpl`.
const history = () =>
  buildRepo([
    { author: { name: 'Cameron Moore', email: 'cameron@example.com' }, at: '2020-01-01T10:00:00Z', write: files('tpl', 2) },
    ...Array.from({ length: 30 }, (_, i) => ({ author: { name: `Dev ${String(i).padStart(2, '0')}`, email: `dev${i}@example.com` }, at: `2024-09-${String(i + 1).padStart(2, '0')}T10:00:00Z`, write: { [`tests/t${i}/a.ts`]: `a ${i}\n`, [`tests/t${i}/b.ts`]: `b ${i}\n` } })),
    { author: 'bep', at: '2024-12-01T10:00:00Z', write: { ...files('tpl/x', 6), ...files('core', 5) } },
  ]);

describe('scan --format markdown', () => {
  it('gives the first screen for a meeting document: the truck factor and its people (capped), the riskiest modules, the notes, the current figures (vite: "Allowed choices are table, json")', async () => {
    const analysis = await analyzeRepo(history().dir, { depth: 1 });
    const text = markdown(analysis);
    const html = render(text);
    expect(text).toMatch(/^## talentrisk scan: `repo-\w+` at `[0-9a-f]{12}` \(2024-12-01\)\n\n32 commits · 32 developers · 73 files analysed\n\n### Truck factor: 14\n\nIf these 14 developers leave, [\d.]+% of files keep an author\. By current \(recency-weighted\) knowledge: the same\.\n/);
    // Ten people, then the others counted: the JSON lists them all.
    const people = tableRows(html, 'Developer');
    expect(people).toHaveLength(10);
    expect(people[0]).toEqual(['1', 'Bep', '11', '15%']);
    expect(people[1]).toEqual(['2', 'Cameron Moore (inactive)', '2', '3%']);
    expect(text).toContain('\n… 4 more, each authoring at most 2 files (`--format json` lists them all).\n');
    // The modules, code first, inactive owners marked as the terminal marks them.
    const modules = tableRows(html, 'Module');
    expect(modules.map((row) => row[0])).toEqual(['<code>tpl</code>', '<code>core</code>', '<code>tests</code>']);
    expect(modules[0]).toEqual(['<code>tpl</code>', '8', '<strong>1</strong>', 'Bep 75%, Cameron Moore (inactive) 25%', '8']);
    expect(text).toContain('Lowest truck factor first; tests, fixtures, examples, docs and modules of fewer than 5 files last; 3 modules at depth 1.');
    // The tests' share, as a note whose paths are code.
    expect(html).toContain('<blockquote>\n<p>⚠️ 60 of the 73 analysed files (82%) are tests, fixtures and examples (<code>tests</code>: 60): over the other 13 files the truck factor is 1, not 14.');
    expect(text).toContain('### Current figures');
    expect(text).toMatch(/\n- Truck factor: 14 classic · \*\*14\*\* current \(Bep, Cameron Moore \(inactive\), Dev 00, Dev 01 \+10 more\)\n/);
    expect(text).toMatch(/\n- Inactive: Cameron Moore \(2 files, last commit \d+ days ago\)/);
    // No departures or critical systems asked for: no such sections.
    expect(text).not.toContain('### Departures');
    expect(text).not.toContain('### Critical systems');
    expect(text).toMatch(/<sub>Truck factor \(TF\): .* talentrisk [\d\\.]+ at `[0-9a-f]{12}`; figures as of 2025-01-01\. Definitions: docs\/metrics\.md\.<\/sub>\n$/);
  });

  // express: "revision `HEAD until 2024-12-01`" read as a git revision on the wiki (a first-time user).
  it('writes what was asked for with the revision alone as code', async () => {
    const analysis = await analyzeRepo(history().dir, { depth: 1 });
    const asked = (requested: string) => markdown({ ...analysis, repository: { ...analysis.repository, requested } }).split('\n')[2];
    expect(asked('HEAD until 2024-12-01')).toMatch(/ · revision `HEAD` until 2024-12-01$/);
    expect(asked('v4.21.2')).toMatch(/ · revision `v4\.21\.2`$/);
  });

  it('adds the critical systems and what leaves with the people leaving, when there are any', async () => {
    const analysis = await analyzeRepo(history().dir, { depth: 1 });
    const bep = analysis.developers.find((d) => d.name === 'Bep');
    const text = markdown(analysis, { critical: [{ name: 'templates', paths: ['tpl/**'], minOwners: 2 }] }, [{ id: bep?.id ?? '', name: 'Bep' }]);
    const html = render(text);
    expect(text).toContain('### Critical systems\n\nFrom `.talentrisk.yml`; after Bep: 1 of 1 failing (`talentrisk check` gates CI on them).');
    expect(tableRows(html, 'System')).toEqual([['❌', 'templates', '0', '2', 'no owner: fewer than half its files have an author (authors: Cameron Moore (inactive))', '8']]);
    expect(text).toContain('\n- ❌ **templates**: bus factor 0 without Bep (1 with them; needs 2)\n');
    expect(text).toContain('### Departures\n\nLeaving: Bep (talentrisk extension, METRICS §8; nobody inherits authorship).\n\n- Truck factor **14 → 13**\n- 11 files of 73 lose their last author (15%)\n- Orphaned module: `core`\n');
    expect(tableRows(html, 'Module losing knowledge')).toEqual([
      ['<code>core</code>', '5', '1', '0', '100%', 'Bep', 'none'],
      ['<code>tpl</code>', '8', '1', '0', '75%', 'Bep', 'none'],
    ]);
  });

  // psf/requests: a module listed for the truck factor it loses read "none" beside 0% lost (a tester).
  it('says "—" as best placed for a module that loses no file', async () => {
    const analysis = await analyzeRepo(buildNothingLostRepo().dir, { depth: 1 });
    const ada = analysis.developers.find((d) => d.name === 'Ada');
    const text = markdown(analysis, {}, [{ id: ada?.id ?? '', name: 'Ada' }]);
    expect(tableRows(render(text), 'Module losing knowledge')).toEqual([['<code>lib</code>', '2', '3', '2', '0%', 'Ada', '—']]);
    expect(text).toContain('“—” when it loses no file');
  });

  it('escapes what comes from git: a name cannot break a table or mention anyone', async () => {
    const repo = buildRepo([{ author: { name: 'Eve | *x* @admin', email: 'eve@example.com' }, at: '2024-12-01T10:00:00Z', write: { ...files('src', 5), 'a|b/c.ts': 'c\n' } }]);
    const text = markdown(await analyzeRepo(repo.dir, { depth: 1 }));
    const html = render(text);
    expect(tableRows(html, 'Developer')).toEqual([['1', 'Eve | *x* @\u200badmin', '6', '100%']]);
    expect(tableRows(html, 'Module').map((row) => row.length)).toEqual([5, 5]);
    expect(html).not.toContain('<em>');
  });

  it('folds the warnings: they matter to whoever tunes the config', async () => {
    const repo = buildRepo([{ author: 'ada', write: files('src', 3) }]);
    const analysis = await analyzeRepo(repo.dir);
    const text = markdown({ ...analysis, warnings: ['a warning naming `ignoreRevs: ["abc"]`'] });
    expect(text).toContain('<details><summary>1 warning</summary>\n\n- a warning naming `ignoreRevs: ["abc"]`\n\n</details>\n');
  });
});
