import { extensionOf, folderOf } from './module-category.ts';
import { nameLookup, truckFactorOverFiles } from './ownership-index.ts';
import type { Analysis, TruckFactor } from './types.ts';

// People of the headline's truck factor whose files are mostly not code: redis's truck factor of 3
// named Guy Benoish (374 of his 401 files are the command metadata in src/commands/*.json, which
// one commit of his created) and Itamar Haber (372 of 383), and nothing said so; over code files
// (what --only-code analyses) it is 3 too, but Salvatore Sanfilippo, Oran Agra and Yossi Gottlieb,
// the answer the engineering manager expected (a first-time user). The published figure (METRICS §5,
// over every analysed file) stays the headline: this is the same figure over fewer files.
//
// Telling code from the rest takes Linguist's table (code-matcher.ts, ~0.3 s to load), which a scan
// should pay only when a note can come out: mayAuthorMostlyNonCode first bounds the count from above
// with extensions that are code in any case, and needs no table.

/** A person's files are mostly not code above this share of the files they author… */
export const NON_CODE_SHARE = 0.5;
/** …and when they are at least this many (a few READMEs of a small project say nothing). */
export const NON_CODE_MIN_FILES = 20;

/**
 * Extensions of programming and markup languages in Linguist's table that no data or prose
 * language there shares in a way --only-code reads as prose (languages.ts PROSE_BY_HEURISTICS):
 * a file with one of them is code for --only-code, whatever else (test/model/non-code-authors.test.ts
 * checks each against the table). Not every such extension: only a bound needs them.
 */
export const SURELY_CODE_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    ...['c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'm', 'mm', 'cs', 'java', 'kt', 'kts', 'scala', 'groovy', 'go', 'rs', 'swift', 'dart', 'zig'],
    ...['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'coffee', 'html', 'css', 'scss', 'sass', 'less'],
    ...['py', 'pyx', 'rb', 'erb', 'php', 'pl', 'pm', 'sh', 'bash', 'zsh', 'lua', 'tcl', 'r', 'jl', 'ex', 'exs', 'erl', 'hrl', 'hs', 'ml', 'mli', 'fs', 'clj', 'cljs', 'el', 'vim', 'ps1', 'bat', 'cmake'],
  ].map((extension) => `.${extension}`),
);

/** Whether `path` is code by its extension alone, for sure (false: it may or may not be). */
export function surelyCode(path: string): boolean {
  return SURELY_CODE_EXTENSIONS.has(extensionOf(path).toLowerCase());
}

interface MostlyNonCode {
  id: string;
  /** Files of theirs that are not code (by `notCode`). */
  files: number;
  /** Files they author (as the headline counts them). */
  authored: number;
}

/** The people of the headline's truck factor whose authored files are mostly `notCode` (NON_CODE_SHARE, NON_CODE_MIN_FILES), in its order. */
function mostlyNonCode(analysis: Pick<Analysis, 'files' | 'truckFactor'>, notCode: (path: string) => boolean): MostlyNonCode[] {
  const members = analysis.truckFactor.developers;
  const counts = new Map(members.map((member) => [member.id, 0]));
  for (const file of analysis.files) {
    let other: boolean | undefined;
    for (const author of file.authors) {
      const count = counts.get(author);
      if (count === undefined) continue;
      other ??= notCode(file.path);
      if (other) counts.set(author, count + 1);
    }
  }
  return members
    .map((member) => ({ id: member.id, files: counts.get(member.id) ?? 0, authored: member.files }))
    .filter((person) => person.files >= NON_CODE_MIN_FILES && person.files > person.authored * NON_CODE_SHARE);
}

/**
 * Whether someone of the headline's truck factor may author mostly files that are not code: false
 * means nonCodeAuthors is undefined whatever Linguist's table says, so it need not be loaded.
 * Counts as "maybe not code" every file without an extension of SURELY_CODE_EXTENSIONS, which holds the
 * count of files that are not code from above.
 */
export function mayAuthorMostlyNonCode(analysis: Pick<Analysis, 'files' | 'truckFactor'>): boolean {
  return mostlyNonCode(analysis, (path) => !surelyCode(path)).length > 0;
}

export interface NonCodeAuthors {
  /** The people of the headline's truck factor whose files are mostly not code, in its order, with their names. */
  people: (MostlyNonCode & { name: string })[];
  /** Their files that are not code (each once, whoever of them authors it). */
  nonCodeFiles: number;
  /** The folder that holds the most of their files that are not code ('' for the top level), how many, and the extension most of them there have. */
  folder: { path: string; files: number; extension?: string };
  /**
   * When no one folder holds more than half of those files: the deepest folder below the top level
   * that does, with how many of them and in how many folders (fastapi's translations: 40 in
   * `docs/de/docs/tutorial` was all the note named of 1,531 under `docs`, a CI maintainer).
   */
  area?: { path: string; files: number; folders: number };
  /** Analysed files that are code. */
  codeFiles: number;
  /** The truck factor over the code files (METRICS.md §5, on the classic authors as the headline's). */
  code: TruckFactor;
}

/**
 * The people of the headline's truck factor whose files are mostly not code, where the truck factor
 * over code files differs from the headline in value or people; undefined otherwise. `isCode` is
 * --only-code's test (code-matcher.ts).
 */
export function nonCodeAuthors(analysis: Pick<Analysis, 'files' | 'developers' | 'truckFactor'>, isCode: (path: string) => boolean): NonCodeAuthors | undefined {
  const flagged = mostlyNonCode(analysis, (path) => !isCode(path));
  if (flagged.length === 0) return undefined;
  const code: number[] = [];
  const theirs = new Set(flagged.map((person) => person.id));
  const folders = new Map<string, Map<string, number>>();
  let nonCodeFiles = 0;
  analysis.files.forEach((file, number) => {
    if (isCode(file.path)) {
      code.push(number);
      return;
    }
    if (!file.authors.some((author) => theirs.has(author))) return;
    nonCodeFiles += 1;
    const folder = folderOf(file.path);
    const extensions = folders.get(folder) ?? new Map<string, number>();
    const extension = extensionOf(file.path).toLowerCase();
    extensions.set(extension, (extensions.get(extension) ?? 0) + 1);
    folders.set(folder, extensions);
  });
  if (code.length === 0) return undefined;
  const nameOf = nameLookup(analysis);
  const truckFactor = truckFactorOverFiles(analysis, code, nameOf);
  if (sameFigure(truckFactor, analysis.truckFactor)) return undefined;
  const folder = largestFolder(folders);
  const area = folder.files * 2 > nonCodeFiles ? undefined : majorityArea(folders, nonCodeFiles);
  return { people: flagged.map((person) => ({ ...person, name: nameOf(person.id) })), nonCodeFiles, folder, ...(area ? { area } : {}), codeFiles: code.length, code: truckFactor };
}

/** The deepest folder below the top level whose subtree holds more than half of `total` files (ties by path), with its files and folders; undefined when none does. */
function majorityArea(folders: ReadonlyMap<string, ReadonlyMap<string, number>>, total: number): NonCodeAuthors['area'] {
  const subtree = new Map<string, { files: number; folders: number }>();
  for (const [path, extensions] of folders) {
    let files = 0;
    for (const count of extensions.values()) files += count;
    const parts = path === '' ? [] : path.split('/');
    for (let end = 1; end <= parts.length; end++) {
      const ancestor = parts.slice(0, end).join('/');
      const sum = subtree.get(ancestor) ?? { files: 0, folders: 0 };
      sum.files += files;
      sum.folders += 1;
      subtree.set(ancestor, sum);
    }
  }
  let best: NonCodeAuthors['area'];
  for (const [path, sum] of subtree) {
    if (sum.files * 2 <= total) continue;
    const depth = path.split('/').length;
    const bestDepth = best ? best.path.split('/').length : 0;
    if (!best || depth > bestDepth || (depth === bestDepth && path < best.path)) best = { path, ...sum };
  }
  return best;
}

/** The same value and the same people (in any order): a note would say nothing new. */
function sameFigure(a: TruckFactor, b: TruckFactor): boolean {
  const ids = new Set(b.developers.map((member) => member.id));
  return a.value === b.value && a.developers.length === ids.size && a.developers.every((member) => ids.has(member.id));
}


/** The folder with the most files (ties by path), and the extension of most of them there if one has more than half. */
function largestFolder(folders: ReadonlyMap<string, ReadonlyMap<string, number>>): NonCodeAuthors['folder'] {
  let best: NonCodeAuthors['folder'] | undefined;
  for (const [path, extensions] of folders) {
    let files = 0;
    let top: [string, number] = ['', 0];
    for (const [extension, count] of extensions) {
      files += count;
      if (count > top[1] || (count === top[1] && extension < top[0])) top = [extension, count];
    }
    if (best && (files < best.files || (files === best.files && path > best.path))) continue;
    best = { path, files, ...(top[0] !== '' && top[1] * 2 > files ? { extension: top[0] } : {}) };
  }
  return best ?? { path: '', files: 0 };
}
