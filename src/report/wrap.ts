import wrapAnsi from 'wrap-ansi';
import { displayWidth } from './table-util.ts';

// Prose in a terminal: a list of inactive people, a section's title, a hint. Left to the terminal,
// a line wider than it breaks mid-word at its edge and goes on at the margin, under the figures.

const WORDS = { hard: false, trim: true } as const;
/** A space inside a code span while wrapping (no-break space: one cell, and not a break for wrap-ansi). */
const HELD_SPACE = '\u00a0';

/** Columns below which wrapping would only make a long thin column of words. */
const NARROWEST = 24;

/**
 * Each line wider than `width` wrapped at spaces, its continuation indented two cells more than the
 * line. Tables fit the width already (renderTable's fit), but for a terminal too narrow for their
 * narrowest columns: a row of three columns or more is then left whole, since broken at a space it
 * would read as two rows (a two-column row, as prose with one wide gap, may wrap: below ~46 columns).
 * A `code span` is never broken: it is a snippet to copy (`.mailmap` lines, `ignoreRevs: […]`), and
 * a line break with indentation inside made it wrong (a review); a span wider than the terminal
 * is left to the terminal, whose soft wrap copies as one line.
 */
export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const plain = displayText(line);
      const indent = plain.length - plain.trimStart().length;
      const room = width - indent - 2;
      if (room < NARROWEST || isTableRow(plain)) return line;
      // Spaces in code spans become a placeholder wrap-ansi does not break at (unless the line has one already).
      const holds = !line.includes(HELD_SPACE);
      const held = holds ? line.replace(/`[^`]*`/g, (span) => span.replaceAll(' ', HELD_SPACE)) : line;
      // The first row has the two cells the continuation gives to its indentation.
      const [first = '', ...rest] = wrapAnsi(held, room + 2, WORDS).split('\n');
      const continued = rest.length > 0 ? wrapAnsi(rest.join(' '), room, WORDS).split('\n') : [];
      const wrapped = [' '.repeat(indent) + first, ...continued.map((row) => ' '.repeat(indent + 2) + row)].join('\n');
      return holds ? wrapped.replaceAll(HELD_SPACE, ' ') : wrapped;
    })
    .join('\n');
}

/** Columns two or more spaces apart, three columns or more (a prose line may have one wide gap: "Truck factor: 2  if…"). */
function isTableRow(plain: string): boolean {
  return (plain.trimStart().match(/\S {2,}(?=\S)/g) ?? []).length >= 2;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function displayText(line: string): string {
  return line.replace(ANSI, '');
}
