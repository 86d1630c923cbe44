import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderCheckText } from '../../src/report/check-text.ts';
import { displayWidth, renderTable } from '../../src/report/table-util.ts';
import { makeReport } from './check-factory.ts';

// vite's modules and critical systems were 90–110 cells wide in an 80-column terminal, so every
// row wrapped in two (a new-user test).

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

  it('keeps a column at least as wide as its title or the minimum, and never cuts a coloured cell', () => {
    const chalk = new Chalk({ level: 1 });
    const text = renderTable(['a', 'owners'], [['x', chalk.red('a very long coloured owners cell')], ['y', 'a very long plain owners cell']], undefined, { width: 10, columns: [1], min: 8 });
    expect(text).toContain(chalk.red('a very long coloured owners cell'));
    expect(text).toContain('a very…');
  });

  it('check text at 80 columns: owners cut, and the files at risk keep their count and "+N more"', () => {
    const report = makeReport({
      systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 2 }],
      files: ['src/pay/a/very/deeply/nested/folder/with/a/long/name/alpha.ts', 'src/pay/a/very/deeply/nested/folder/with/a/long/name/beta.ts'].map((path) => ({
        path,
        authors: ['ada@x'],
        contributions: [{ developer: 'ada@x', fa: 1 as const, dl: 0, ac: 0, doa: 4, normDoa: 1, isAuthor: true, lastChange: 0 }],
        events: 1,
        lastChange: 0,
      })),
      developers: [{ id: 'ada@x', name: 'Ada Lovelace-Byron of the Analytical Engine', emails: ['ada@x'], names: ['Ada'], commits: 1, firstCommit: '', lastCommit: '', filesAuthored: 2 }],
    });
    const plain = { chalk: new Chalk({ level: 0 }), width: 80 };
    const rows = renderCheckText(report, plain).split('\n').filter((line) => line.startsWith('✗  payments'));
    expect(rows).toHaveLength(1);
    expect(displayWidth(rows[0] as string)).toBeLessThanOrEqual(78);
    expect(rows[0]).toMatch(/ {2}2: src\/…\S+\.ts \+1 more$/);
    expect(rows[0]).toContain('sole owner: Ada Lovel…');
  });
});
