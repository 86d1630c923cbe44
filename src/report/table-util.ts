import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import type CliTable from 'cli-table3';

// cli-table3 (CommonJS) is required on first use: JSON output, which never draws a table, does not
// pay for loading it.
let Table: typeof CliTable | undefined;

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** Columns a table may cut so that its lines fit in `width` terminal cells, each kept at least `min` wide. */
export interface TableFit {
  width: number;
  columns: readonly number[];
  min?: number;
  /** How a cell of a fit column is made `width` cells wide (default: cut at the end, with "…"). */
  shorten?: (cell: string, width: number, column: number) => string;
}

const SEPARATOR = NO_BORDER.middle.length;

/**
 * Terminal cells a text takes: East Asian wide characters and emoji take two (an approximation of
 * what terminals do, enough to keep a table inside its width).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripVTControlCharacters(text)) {
    const code = char.codePointAt(0) as number;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x1f300 ? 2 : 1;
  }
  return width;
}

/** `text` cut to `width` cells, ending in "…"; a coloured text is left alone (its codes would be cut). */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width || text !== stripVTControlCharacters(text)) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(`${out}${char}`) > width - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** The rows with the `fit` columns' cells cut, widest column first, until a line fits in `fit.width`. */
function fitted(head: string[], rows: string[][], fit: TableFit): string[][] {
  const widths = head.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  let excess = widths.reduce((sum, width) => sum + width, 0) + SEPARATOR * (head.length - 1) - fit.width;
  const floor = (column: number) => Math.max(fit.min ?? 12, displayWidth(head[column] ?? ''));
  const width = (column: number) => widths[column] as number;
  while (excess > 0) {
    // The widest column that can still give, down to the next widest (or as far as needed).
    const [column, next] = fit.columns.filter((c) => width(c) > floor(c)).sort((a, b) => width(b) - width(a));
    if (column === undefined) break;
    let target = Math.max(floor(column), width(column) - excess, next === undefined ? 0 : width(next));
    // As wide as the next: one cell at a time, taking turns.
    if (target >= width(column)) target = width(column) - 1;
    excess -= width(column) - target;
    widths[column] = target;
  }
  const shorten = fit.shorten ?? ((cell: string, target: number) => cut(cell, target));
  return rows.map((row) => row.map((cell, column) => (fit.columns.includes(column) && displayWidth(cell) > width(column) ? cut(shorten(cell, width(column), column), width(column)) : cell)));
}

/**
 * A borderless table; trailing spaces trimmed so output is stable for snapshots. With `fit`, the
 * given columns are cut so that it fits the terminal: a table wider than the terminal wraps every
 * row in two (vite's modules: 95–101 columns in an 80-column terminal).
 */
export function renderTable(head: string[], rows: (string | number)[][], align?: ('left' | 'right')[], fit?: TableFit): string {
  Table ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable;
  const table = new Table({
    head,
    chars: NO_BORDER,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    ...(align ? { colAligns: align } : {}),
  });
  const cells = rows.map((row) => row.map(String));
  table.push(...(fit ? fitted(head, cells, fit) : cells));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
