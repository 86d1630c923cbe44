import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import stringWidth from 'string-width';

// cli-table3 (CommonJS) is required on first use: JSON output, which never draws a table, does not
// pay for loading it.
let Table: typeof CliTable | undefined;

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** Columns a table may cut so that its lines fit in `width` terminal cells. */
export interface TableFit {
  width: number;
  columns: readonly number[];
  /** Narrowest a cut column may get (or per column index); never narrower than its title. Default 12. */
  min?: number | Readonly<Record<number, number>>;
  /** How a cell of a fit column is made `width` cells wide (default: cut at the end, with "…"). */
  shorten?: (cell: string, width: number, column: number) => string;
}

const SEPARATOR = NO_BORDER.middle.length;

/** Terminal cells a text takes, as cli-table3 counts them when it lays a table out (string-width). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

// A cell coloured as a whole (chalk.red(text)): the codes around one stretch of text.
// eslint-disable-next-line no-control-regex
const WRAPPED = /^((?:\u001b\[[\d;]*m)*)([^\u001b]*)((?:\u001b\[[\d;]*m)*)$/;

/** `text` cut to `width` cells, ending in "…"; a cell coloured as a whole keeps its colour. */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const wrapped = WRAPPED.exec(text);
  if (!wrapped) return text; // several colours in one cell: none of ours
  const [, open = '', plain = '', close = ''] = wrapped;
  let out = '';
  for (const char of plain) {
    if (displayWidth(`${out}${char}`) > width - 1) break;
    out += char;
  }
  return `${open}${out.trimEnd()}…${close}`;
}

/**
 * The line `line(n)` with as many of its `count` items as fit a terminal's width (at least one);
 * all of them when output is not fitted (piped, a file).
 */
export function asManyAsFit(line: (shown: number) => string, count: number, fit: { fit?: boolean | undefined; width: number }): string {
  let shown = count;
  while (fit.fit && shown > 1 && displayWidth(line(shown)) > fit.width) shown--;
  return line(shown);
}

/** A path cut in the middle to `max` columns (left whole below 8, where a cut says nothing). */
export function shortenPath(path: string, max: number): string {
  return max < 8 ? path : shortenPathToWidth(path, max);
}

/**
 * A module's path (a folder) in at most `width` cells: its first folder, "…", and as much of its
 * end as fits ("packages/…plugin-proposal-decorators"), since a monorepo's packages differ at the
 * end: cut in the middle, babel's 162 packages all read "package…" plus a few letters (a team
 * lead's test). Cut in the middle as any path when the first folder leaves too little room.
 */
export function shortenModulePath(path: string, width: number): string {
  if (displayWidth(path) <= width) return path;
  const slash = path.indexOf('/');
  const head = slash > 0 ? path.slice(0, slash + 1) : '';
  const room = width - displayWidth(head) - 1;
  if (!head || room < 8) return shortenPath(path, width);
  let tail = '';
  for (const char of [...path.slice(head.length)].reverse()) {
    if (displayWidth(`${char}${tail}`) > room) break;
    tail = `${char}${tail}`;
  }
  return `${head}…${tail}`;
}

/** A path in at most `width` cells, cut in its middle ("packages…/index.ts"); wide characters count two. */
export function shortenPathToWidth(path: string, width: number): string {
  if (displayWidth(path) <= width) return path;
  const chars = [...path];
  let head = '';
  let tail = '';
  // About a third of the room for the start, the rest for the end (the file name).
  for (const char of chars) {
    if (displayWidth(`${head}${char}`) > Math.ceil((width - 1) / 3)) break;
    head += char;
  }
  for (const char of chars.reverse()) {
    if (displayWidth(`${char}${tail}`) > width - 1 - displayWidth(head)) break;
    tail = `${char}${tail}`;
  }
  return `${head}…${tail}`;
}

/**
 * Names ("Ada (inactive)", "Bob", "Cy") in at most `width` cells, joined by ", ": whole names first,
 * the others counted ("Ada (inactive) +2 more"); a first name that does not fit alone is cut before
 * its `marks` (a cut "Henry Zhu (i…" lost what the mark said: a team lead's test).
 */
export function shortenNameList(names: readonly string[], width: number, marks: readonly string[] = []): string {
  const list = names.join(', ');
  if (displayWidth(list) <= width) return list;
  const hidden = (kept: number) => names.length - kept;
  const more = (kept: number) => (hidden(kept) > 0 ? ` +${hidden(kept)} more` : '');
  for (let kept = names.length - 1; kept >= 1; kept--) {
    const shown = `${names.slice(0, kept).join(', ')}${more(kept)}`;
    if (displayWidth(shown) <= width) return shown;
  }
  const first = names[0] ?? '';
  const mark = marks.find((m) => first.endsWith(m)) ?? '';
  // The count shrinks to "+4" before the name is cut, then goes before the mark does: "Henr…
  // (inactive)" says more than "Henr… +4 more"; without a count, a sole owner and one of three read
  // alike (tokio at 80 columns).
  const count = hidden(1) > 0 ? ` +${hidden(1)}` : '';
  if (displayWidth(`${first}${count}`) <= width) return `${first}${count}`;
  for (const tail of [`${mark}${more(1)}`, `${mark}${count}`, mark]) {
    const room = width - displayWidth(tail);
    if (room >= 4) return `${cutToWidth(first.slice(0, first.length - mark.length), room)}${tail}`;
  }
  return cutToWidth(list, width);
}

// A title may take two lines ("single-owner\nfiles"): its width is its widest line's.
const titleWidth = (title: string | undefined) => Math.max(...(title ?? '').split('\n').map(displayWidth));

/** Each column's width as renderTable lays the table out, before any fit. */
function columnWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return head.map((title, column) => Math.max(titleWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
}

/** The width of a table's lines as renderTable lays it out, before any fit. */
export function naturalWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  return columnWidths(head, rows).reduce((sum, width) => sum + width, 0) + SEPARATOR * (head.length - 1);
}

/** The rows with the `fit` columns' cells cut, widest column first, until a line fits in `fit.width`. */
function fitted(head: string[], rows: string[][], fit: TableFit): string[][] {
  const widths = columnWidths(head, rows);
  const natural = [...widths];
  let excess = widths.reduce((sum, width) => sum + width, 0) + SEPARATOR * (head.length - 1) - fit.width;
  const least = (column: number) => (typeof fit.min === 'number' ? fit.min : (fit.min?.[column] ?? 12));
  const floor = (column: number) => Math.max(least(column), titleWidth(head[column]));
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
  const shorten = fit.shorten ?? ((cell: string) => cell);
  const cut = () => rows.map((row) => row.map((cell, column) => (fit.columns.includes(column) && displayWidth(cell) > width(column) ? cutToWidth(shorten(cell, width(column), column), width(column)) : cell)));
  let result = cut();
  // A shortened cell can come out narrower than its column (files at risk that became "8 files"):
  // the room it frees goes back to the other cut columns, widest cut first (it was left unused, and
  // an owner read "sole owner: Alek…" in a row 11 cells short of the terminal).
  let freed = 0;
  const shrunk = new Set<number>();
  for (const column of fit.columns) {
    const used = Math.max(titleWidth(head[column]), ...result.map((row) => displayWidth(row[column] ?? '')));
    if (used < width(column)) {
      freed += width(column) - used;
      widths[column] = used;
      shrunk.add(column);
    }
  }
  if (freed > 0) {
    // Not back to a column that freed it: its shortened cells would come out the same, and the room
    // be lost again (a whole path, cut to "2 files", took it all back from the owners).
    for (const column of [...fit.columns].filter((c) => !shrunk.has(c)).sort((a, b) => (natural[b] as number) - width(b) - ((natural[a] as number) - width(a)))) {
      const room = Math.min(freed, (natural[column] as number) - width(column));
      if (room <= 0) continue;
      widths[column] = width(column) + room;
      freed -= room;
    }
    result = cut();
  }
  return result;
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
