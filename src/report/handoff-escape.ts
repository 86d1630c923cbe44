import { sanitize } from './format.ts';

// Markdown for GitHub from untrusted text. Names, emails, paths and commit subjects come from git:
// whoever wrote a commit chose them. None of them may start a block, close a table cell, open a
// link, an image, HTML, math or emphasis, or notify anyone (@mentions, #123 cross-references).
//
// Two tools, and every untrusted string in a handoff goes through one of them:
// - mdText: inline text. Control characters (newlines included) and bidi overrides become spaces;
//   every character with an inline meaning in CommonMark/GFM is backslash-escaped (any ASCII
//   punctuation may be, and then renders literally); `@name` and `#123` get a zero-width space so
//   GitHub neither mentions nor cross-references (that `#` needs no backslash: referenceSafe).
// - mdCode: a code span (paths, emails, shas): nothing inside is interpreted, mentions included.
//   The fence is longer than any backtick run inside. In a table, `|` is written `\|` (GFM removes
//   that backslash before parsing the cell); a backslash right before a pipe cannot be written
//   inside a code span in a table (GFM would pair the backslashes and split the cell), so such a
//   text falls back to mdText.
// Template rule: untrusted text never starts a block (a line, a list item's content): fixed text or
// a code span always comes first.

// Bidirectional overrides and isolates ("Trojan Source"), zero-width marks used to spoof.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Inline syntax: code, emphasis, links and images, HTML and autolinks, entities, tables,
// strikethrough, math, heading closers. Block syntax (`-`, `+`, `1.`, `>`, `===`) only matters at
// the start of a block, where no untrusted text ever goes. Left as written, so that a commit subject
// still reads as one in a terminal: `(` and `)` (a link needs a `]` before them, always escaped),
// `!` (an image needs a `[` after it) and `_` between letters or digits (node_sqlite: it can neither
// open nor close emphasis there). test/report/markdown-render.test.ts checks all of it with a GFM parser.
const SPECIAL = /[\\`*{}[\]<>#|~&$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const ZWSP = '&#8203;';

/** One line of plain text: no control characters, no bidi tricks, whitespace collapsed. */
export function oneLine(text: string, max = 200): string {
  const clean = sanitize(text).replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Untrusted text as literal inline markdown (safe in paragraphs, list items, headings and table cells). */
export function mdText(text: string, max?: number): string {
  return oneLine(text, max)
    .replace(SPECIAL, (char, offset: number, whole: string) => referenceSafe(char, offset, whole) ?? linkSafeEntity(char, offset, whole) ?? `\\${char}`)
    // Defence in depth: even at the start of a block it cannot open a list, quote or heading.
    .replace(/^([-+>=]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`))
    .replace(/(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu, `$1@${ZWSP}`);
}

/**
 * `#` before a digit as `#` and a zero-width space: that stops GitHub's `#123` cross-reference,
 * and needs no backslash, since `#` then neither opens a heading (no space after it) nor closes
 * one (something other than spaces follows it). `(\#&#8203;7539)` read badly in the raw markdown
 * (requests: every commit subject of the recent list ends so).
 */
export function referenceSafe(char: string, offset: number, text: string): string | undefined {
  return char === '#' && /^\p{N}/u.test(text.slice(offset + 1)) ? `#${ZWSP}` : undefined;
}

/**
 * `_`, `*` and `~` in a word GFM may autolink (a URL or an email) as an entity, else undefined.
 * The autolink ends before a trailing `_`, `*` or `~` and swallows the backslash of `\_`, `\*` or
 * `\~` right after it, so the mark was free to open emphasis or strikethrough again
 * (`www.x.yz\_' … c_d\_\_` rendered <em>, a property test; `*` and `~` likewise). An entity never
 * delimits emphasis, in a link or out of one.
 */
export function linkSafeEntity(char: string, offset: number, text: string): string | undefined {
  const entity = LINK_SAFE[char];
  return entity !== undefined && inLinkableWord(text, offset) ? entity : undefined;
}

const LINK_SAFE: Readonly<Partial<Record<string, string>>> = { _: '&#95;', '*': '&#42;', '~': '&#126;' };

/** Whether the character at `offset` is in a space-delimited word that GFM could turn into a link. */
function inLinkableWord(text: string, offset: number): boolean {
  const end = text.indexOf(' ', offset);
  const word = text.slice(text.lastIndexOf(' ', offset) + 1, end === -1 ? undefined : end);
  return /www\.|:\/\/|@/i.test(word);
}

/** Untrusted text as a code span; `inTable` when it goes into a GFM table cell. */
export function mdCode(text: string, inTable = false, max = 200): string {
  // Whitespace is kept as is (it is part of a path); control and invisible characters are not.
  let clean = sanitize(text).replace(INVISIBLE, ' ');
  if (clean.length > max) clean = `${clean.slice(0, max - 1)}…`;
  if (clean.trim() === '') return mdText(text);
  if (inTable) {
    if (/\\\|/.test(clean)) return mdText(text, max);
    clean = clean.replace(/\|/g, '\\|');
  }
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(clean) ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A GFM table: header, alignment row, rows of already-escaped cells. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\n/g, ' ')).join(' | ')} |`;
  const rule = head.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}
