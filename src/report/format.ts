import { stripVTControlCharacters } from 'node:util';
import { isSecondaryModule, SMALL_MODULE_FILES } from '../model/modules.ts';

// Pure display helpers. Anything that came from git (names, emails, paths, messages) is untrusted:
// it passes through sanitize() before it reaches a terminal.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function sanitize(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL, ' ');
}

/** A path or word as it is typed in a POSIX shell: as it is when safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function percent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** YYYY-MM-DD of an ISO date or unix seconds. */
export function day(value: string | number): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
}

/** Rounds for JSON output, so files stay small and stable. */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} +${items.length - max} more`;
}

/** The text with its first letter upper-cased ("No file…", a title). */
export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Rows of a module table in the terminal and in markdown (the rest counted, or all in the JSON). */
export const MODULE_ROWS = 12;

/** How every module table orders what supports the code (isSecondaryModule): after the rest. */
export const SECONDARY_MODULES_LAST = `tests, fixtures, examples, docs and modules of fewer than ${SMALL_MODULE_FILES} files last`;

/** That order after "; ", said only where a listing has both kinds of module, so that it orders something. */
export function secondaryModulesLastNote(modules: readonly { path: string; files: number }[]): string {
  return modules.some(isSecondaryModule) && !modules.every(isSecondaryModule) ? `; ${SECONDARY_MODULES_LAST}` : '';
}

/** "a, b and c": every item, the last after "and" ('' for none). */
export function joinedByAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What was asked for (ResolvedRevision.requested), split into the revision and the --until day:
 * `HEAD until 2024-12-01` is the revision `HEAD` until that day. As one code span it read as a git
 * revision on a wiki page (express, a first-time user).
 */
export function requestedParts(requested: string): { revision: string; until?: string } {
  const until = / until (\S+)$/.exec(requested);
  return until ? { revision: requested.slice(0, until.index), until: until[1] as string } : { revision: requested };
}
