import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { markInactive } from '../../src/report/check-describe.ts';
import { renderCheckText } from '../../src/report/check-text.ts';
import { displayWidth, renderTable, shortenModulePath, shortenNameList, shortenPath, shortenPathToWidth } from '../../src/report/table-util.ts';
import { developer, file, makeReport } from './check-factory.ts';

// vite's modules and critical systems were 90–110 cells wide in an 80-column terminal, so every
// row wrapped in two (a new-user test).

/** One system, "payments", whose two files sit deep in long folders, both authored by `owner` alone. */
function deepPayments(owner: string) {
  const folder = 'src/pay/a/very/deeply/nested/folder/with/a/long/name';
  return makeReport({ systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 2 }], files: [file(`${folder}/alpha.ts`, ['ada@x']), file(`${folder}/beta.ts`, ['ada@x'])], developers: [developer('ada@x', owner)] });
}

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('tables that fit the terminal', () => {
  it('cuts the given columns, widest first, so that every line fits', () => {
    const rows = [
      ['playground/hmr-ssr', 84, 'Vladimir 92%, 翠 / green 17% +11', 70],
      ['docs', 7, 'Ada 50%, Bob 50%', 1],
    ];
    const head = ['module', 'files', 'top owners', 'single-owner files'];
    expect(widest(renderTable(head, rows))).toBeGreaterThan(60);
    const fitted = renderTable(head, rows, undefined, { width: 60, columns: [2] });
    expect(widest(fitted)).toBeLessThanOrEqual(60);
    expect(fitted).toContain('Vladimir 92%…');
    // A wide character takes two cells, and an uncut table is left as it is.
    expect(displayWidth('翠 / green')).toBe(10);
    expect(renderTable(head, rows, undefined, { width: 200, columns: [2] })).toBe(renderTable(head, rows));
  });

  it('counts a two-line title by its wider line, so the owners get the room (deno at 80 columns: "sole owner: David…")', () => {
    const rows = [['playground/hmr-ssr', 84, 'Vladimir 92%, Bob 17%, Carol 9% +11', 70]];
    const oneLine = renderTable(['module', 'files', 'top owners', 'single-owner files'], rows, undefined, { width: 60, columns: [2] });
    const twoLines = renderTable(['module', 'files', 'top owners', 'single-owner\nfiles'], rows, undefined, { width: 60, columns: [2] });
    expect(widest(twoLines)).toBeLessThanOrEqual(60);
    expect(twoLines).toContain('Vladimir 92%, Bob…');
    expect(oneLine).toContain('Vladimir 92%…');
  });

  it('keeps a column at least as wide as its title or the minimum, and cuts a coloured cell inside its colour', () => {
    const chalk = new Chalk({ level: 1 });
    const text = renderTable(['a', 'owners'], [['x', chalk.red('a very long coloured owners cell')], ['y', 'a very long plain owners cell']], undefined, { width: 10, columns: [1], min: 8 });
    // The coloured cell counted for the widths but was left whole, so the table overflowed (review).
    expect(text).toContain(chalk.red('a very…'));
    expect(text).toContain('a very…');
    expect(widest(text)).toBe(10);
  });

  it('counts cells as cli-table3 lays them out (emoji, combining marks, CJK)', () => {
    expect(displayWidth('⚡✅')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('模块')).toBe(4);
    const rows = [['Max ⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡⚡ Power 100%', 3]];
    expect(widest(renderTable(['owners', 'files'], rows, undefined, { width: 40, columns: [0] }))).toBeLessThanOrEqual(40);
  });

  it('shortens a path by cells in its middle', () => {
    expect(shortenPathToWidth('模块/国际化支持/非常长的文件夹名称/文件名称很长很长很长1.ts', 20)).toBe('模块/国…很长很长1.ts');
    expect(displayWidth(shortenPathToWidth('模块/国际化支持/非常长的文件夹名称/文件名称很长很长很长1.ts', 20))).toBeLessThanOrEqual(20);
    expect(shortenPathToWidth('src/short.ts', 20)).toBe('src/short.ts');
    // The module and file columns cut by display width too: by UTF-16 units, a CJK path took twice
    // its room and an emoji could be cut in half (a lone surrogate printed as U+FFFD).
    expect(shortenPath('模块/国际化支持/非常长的文件夹名称/文件名称很长很长很长1.ts', 20)).toBe('模块/国…很长很长1.ts');
    expect(shortenPath('🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀/x.md', 11)).toBe('🚀🚀…/x.md');
    expect(shortenPath('src/a/b/c/d/e/f/g.ts', 12)).toBe('src/…/f/g.ts');
    expect(shortenPath('src/a/b/c/d/e/f/g.ts', 7)).toBe('src/a/b/c/d/e/f/g.ts');
  });

  it('check text at 80 columns: owners cut, and the files at risk keep their count and "+N more"', () => {
    const report = deepPayments('Ada Lovelace-Byron of the Analytical Engine');
    const plain = { chalk: new Chalk({ level: 0 }), width: 80, fit: true };
    const rows = renderCheckText(report, plain).split('\n').filter((line) => line.startsWith('✗  payments'));
    expect(rows).toHaveLength(1);
    expect(displayWidth(rows[0] as string)).toBeLessThanOrEqual(78);
    expect(rows[0]).toMatch(/ {2}2: src\/…\S+\.ts \+1 more$/);
    // The label goes before any of the name does ("sole owner: Ada Lovel…" before: a team lead's test).
    expect(rows[0]).toContain('  Ada Lovelace-Byron of…  ');
    expect(rows[0]).not.toContain('sole owner');
    // Not for a pipe or a file: every name whole (review: a CI log lost the owners' names).
    const piped = renderCheckText(report, { ...plain, fit: false }).split('\n').find((line) => line.startsWith('✗  payments'));
    expect(piped).toContain('sole owner: Ada Lovelace-Byron of the Analytical Engine');
    // …and every path whole ("packages/c…e-vite/src/index.ts" could not be searched for in a CI log).
    expect(piped).toContain('2: src/pay/a/very/deeply/nested/folder/with/a/long/name/alpha.ts +1 more');
    // With colour on, it fits too.
    const coloured = renderCheckText(report, { ...plain, chalk: new Chalk({ level: 1 }) }).split('\n').find((line) => line.includes('payments'));
    expect(displayWidth(coloured as string)).toBeLessThanOrEqual(78);
    // At the narrowest, the files at risk are a count, not a cut path.
    const narrow = renderCheckText(report, { ...plain, width: 50 }).split('\n').find((line) => line.startsWith('✗  payments'));
    expect(narrow).toMatch(/ 2 files$/);
    // A long system name gives way too (a config error's row kept the table over 70 cells).
    const named = makeReport({ systems: [{ name: 'ghost-system-with-a-long-name', paths: ['src/pay/**'], minOwners: 2 }] });
    const chalk = new Chalk({ level: 1 });
    // The table's lines: its header and the system's row.
    const lines = renderCheckText(named, { ...plain, width: 70, chalk }).split('\n').filter((line) => /^( {3}system|✗ {2})/.test(stripVTControlCharacters(line)));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(68);
  });

  it('gives the room a shortened cell frees back to the other cut columns', () => {
    // "files at risk" became "2 files" and the owner stayed cut in a row 11 cells short (review).
    const report = deepPayments('Alexandrina Konstantinopoulou-Smythe');
    const lines = renderCheckText(report, { chalk: new Chalk({ level: 0 }), width: 70, fit: true })
      .split('\n')
      .filter((line) => /^( {3}system|✗ {2}payments)/.test(line));
    expect(lines[1]).toMatch(/ 2 files$/);
    // The table is as wide as the terminal allows (68 cells): no room left unused.
    expect(lines.map(displayWidth)).toContain(68);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(68);
  });

  // okhttp at 80 columns: "no owner: fewer than ha…" lost who still authors the files (a CI test).
  it('keeps who authors the files of a system with no owner when its cell is cut', () => {
    const report = makeReport({
      systems: [{ name: 'tls', paths: ['tls/**'], minOwners: 2 }],
      files: [file('tls/a.kt', ['ada@x']), file('tls/b.kt', []), file('tls/c.kt', [])],
      developers: [developer('ada@x', 'Yuri Schimke')],
    });
    const row = (width: number) =>
      renderCheckText(report, { chalk: new Chalk({ level: 0 }), width, fit: true })
        .split('\n')
        .find((line) => line.startsWith('✗  tls')) ?? '';
    expect(row(80)).toMatch(/no owner; authors: Yuri/);
    expect(displayWidth(row(80))).toBeLessThanOrEqual(78);
    // Too narrow for a name: "no owner", whole.
    expect(row(66)).toMatch(/ no owner {2}/);
    // With room, the whole sentence.
    expect(renderCheckText(report, { chalk: new Chalk({ level: 0 }), width: 200, fit: true })).toContain('no owner: fewer than half its files have an author (authors: Yuri Schimke)');
  });

  it('shows a whole path at risk when the terminal has room (a 60-cell cap cut it at 200 columns)', () => {
    const text = renderCheckText(deepPayments('Ada'), { chalk: new Chalk({ level: 0 }), width: 200, fit: true });
    expect(text).toContain('2: src/pay/a/very/deeply/nested/folder/with/a/long/name/alpha.ts +1 more');
  });
});


describe('shortenModulePath', () => {
  it('keeps the first folder and the end of a module path, where a monorepo’s packages differ (babel: every package read "package…")', () => {
    expect(shortenModulePath('packages/babel-plugin-proposal-decorators', 30)).toBe('packages/…-proposal-decorators');
    expect(displayWidth(shortenModulePath('packages/babel-plugin-proposal-decorators', 30))).toBe(30);
    expect(shortenModulePath('packages/babel-core', 30)).toBe('packages/babel-core');
    // No folder, or too long a first one: cut in the middle as any path.
    expect(shortenModulePath('a-very-long-module-name-without-folders', 20)).toBe(shortenPath('a-very-long-module-name-without-folders', 20));
    expect(shortenModulePath('some-long-workspace-root/pkg-name', 20)).toBe(shortenPath('some-long-workspace-root/pkg-name', 20));
  });
});

describe('shortenNameList', () => {
  it('keeps whole names and counts the rest, and cuts a lone first name before its mark (a cut read "Henry Zhu (i…")', () => {
    const list = ['Henry Zhu (inactive)', 'Nicolò Ribaudo', 'Huáng Jùnliàng', 'Ada', 'Bob'];
    expect(shortenNameList(list, 80, [' (inactive)'])).toBe(list.join(', '));
    expect(shortenNameList(list, 45, [' (inactive)'])).toBe('Henry Zhu (inactive), Nicolò Ribaudo +3 more');
    expect(shortenNameList(list, 30, [' (inactive)'])).toBe('Henry Zhu (inactive) +4 more');
    expect(shortenNameList(list, 24, [' (inactive)'])).toBe('Henry Zhu (inactive) +4');
    expect(displayWidth(shortenNameList(list, 24, [' (inactive)']))).toBeLessThanOrEqual(24);
    expect(shortenNameList(['Henry Zhu (inactive)'], 16, [' (inactive)'])).toBe('Henr… (inactive)');
    // A name with ", " in it is one name (review: "Doe, Johnathan" read as two owners).
    expect(shortenNameList(['Doe, Johnathan'], 12)).toBe('Doe, Johnat…');
    expect(shortenNameList(['Doe, Johnathan (inactive)', 'Roe, Jane'], 30, [' (inactive)'])).toBe('Doe, Johnathan (inactive) +1');
    // No room for the count: the mark stays; none for a name beside its mark: cut as text.
    expect(shortenNameList(list, 20, [' (inactive)'])).toBe('Henry… (inactive) +4');
    expect(shortenNameList(list, 17, [' (inactive)'])).toBe('Henry… (inactive)');
    expect(shortenNameList(['Henry Zhu (inactive)'], 10, [' (inactive)'])).toBe('Henry Zhu…');
  });

  it('cuts check’s owners by whole names, marks kept, in a narrow terminal', () => {
    const report = makeReport({
      systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 3 }],
      files: [file('src/pay/a.ts', ['ada@x']), file('src/pay/b.ts', ['bo@x'])],
      developers: [developer('ada@x', 'Adalbertina Longname-Person'), developer('bo@x', 'Bonifacio Second-Longname')],
    });
    const marked = { ...report, inactive: [{ id: 'ada@x', name: 'Adalbertina Longname-Person', lastCommit: '2018-01-01' }] };
    const text = stripVTControlCharacters(renderCheckText(markInactive(marked as typeof report), { chalk: new Chalk({ level: 0 }), width: 74, fit: true }));
    const row = text.split('\n').find((line) => line.includes('payments')) ?? '';
    expect(row).toMatch(/ Adal\S*… \(inactive\) \+1 {2}/);
    expect(displayWidth(row)).toBeLessThanOrEqual(74);
  });
});
