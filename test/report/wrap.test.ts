import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderCheckText } from '../../src/report/check-text.ts';
import { displayWidth } from '../../src/report/table-util.ts';
import { wrapProse } from '../../src/report/wrap.ts';
import { developer, file, makeReport } from './check-factory.ts';

const inactive = '  Inactive: Tj Holowaychuk (119 files, last commit 4674d ago), Douglas Christopher Wilson (88 files, last commit 1131d ago) +24 more';

describe('wrapProse', () => {
  it('wraps a line wider than the terminal at spaces, its continuation indented two more (it broke mid-word at the margin)', () => {
    const wrapped = wrapProse(inactive, 60).split('\n');
    expect(wrapped).toEqual([
      '  Inactive: Tj Holowaychuk (119 files, last commit 4674d',
      '    ago), Douglas Christopher Wilson (88 files, last commit',
      '    1131d ago) +24 more',
    ]);
    expect(wrapped.join(' ').replace(/\s+/g, ' ').trim()).toBe(inactive.trim());
  });

  it('leaves lines that fit alone, keeps colours per line, and does not wrap into a column too narrow to read', () => {
    const colored = new Chalk({ level: 1 }).dim(inactive);
    const wrapped = wrapProse(`short line\n${colored}`, 60).split('\n');
    expect(wrapped[0]).toBe('short line');
    expect(wrapped.length).toBe(4);
    for (const line of wrapped) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    // Each wrapped line opens and closes its own colour, so the indentation is not dimmed.
    // eslint-disable-next-line no-control-regex
    for (const line of wrapped.slice(1)) expect(line).toMatch(/^ +\u001b\[2m.*\u001b\[22m$/);
    expect(stripVTControlCharacters(wrapped.slice(1).join(' ')).replace(/\s+/g, ' ').trim()).toBe(inactive.trim());
    expect(wrapProse(inactive, 20)).toBe(inactive);
    // A table row too wide for a narrow terminal stays one row.
    const row = '✗  payments           1      2  Alexandrina Konstantinopoulou  2 files';
    expect(wrapProse(row, 50)).toBe(row);
    expect(wrapProse('Truck factor: 2  if these 2 developers leave, 25.4% of files keep an author', 50)).toBe('Truck factor: 2  if these 2 developers leave,\n  25.4% of files keep an author');
  });

  it('never breaks a code span, a snippet to copy (a .mailmap line broke in two, with indentation between)', () => {
    const warning = 'warning: two developers look alike: join them with the .mailmap lines `Filipe Oliveira <filipe@redis.com>`, `Filipe Oliveira <52153106+fcostaoliveira@users.noreply.github.com>` (README)';
    const wrapped = wrapProse(warning, 70).split('\n');
    expect(wrapped.some((row) => row.includes('`Filipe Oliveira <filipe@redis.com>`'))).toBe(true);
    // Too long for a row: left whole on a row of its own, for the terminal to soft-wrap.
    expect(wrapped.some((row) => row.trim().startsWith('`Filipe Oliveira <52153106+fcostaoliveira@users.noreply.github.com>`'))).toBe(true);
    expect(wrapped.join(' ').replace(/\s+/g, ' ')).toBe(warning);
    // A no-break space of the text stays one.
    expect(wrapProse(`x\u00a0y ${'word '.repeat(20)}`, 40)).toContain('x\u00a0y');
  });

  it('wraps check’s verdict and hint in a terminal, and leaves them whole when piped', () => {
    const report = makeReport({ systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 2 }], files: [file('src/pay/a.ts', ['ada@x'])], developers: [developer('ada@x', 'Ada')] });
    const chalk = new Chalk({ level: 0 });
    const fitted = renderCheckText(report, { chalk, width: 70, fit: true });
    for (const line of fitted.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(70);
    expect(fitted).toMatch(/\n {2}To fix: .*\n {4}\S/);
    const piped = renderCheckText(report, { chalk, width: 70, fit: false });
    expect(piped.split('\n').some((line) => displayWidth(line) > 70)).toBe(true);
  });
});
