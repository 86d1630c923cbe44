import { numberDevelopers } from './ownership-index.ts';
import type { Analysis, FileContribution, FileOwnership } from './types.ts';

// A compact, exact encoding of an Analysis, for the result cache (src/analysis-cache.ts).
// JSON would do, but a scan of rails holds 78k file × developer contributions (25 MB of JSON,
// ~280 ms to parse): the per-file figures go into one Float64Array instead (exact for every
// double, no parsing), with paths and developer ids in string tables; the rest (developers,
// modules, truck factor, settings) stays JSON. Layout:
//   u32 (little-endian) length of the JSON part · the JSON part (UTF-8) · zero padding to 8 bytes ·
//   the numbers (Float64, little-endian)
// Numbers per file: events, lastChange, authors count, author indexes…, contributions count, then
// per contribution: developer index, fa, dl, ac, doa, normDoa, isAuthor, lastChange, has decayed,
// [decayed fa, dl, ac, doa, normDoa, isAuthor].

const FORMAT = 1;

interface Head {
  format: number;
  rest: Omit<Analysis, 'files'>;
  /** The Analysis's own key order, so that anything printing it whole prints the same bytes. */
  order: string[];
  paths: string[];
  developers: readonly string[];
}

/** Numbers handed out per piece: 64 KiB, so a large result never sits whole in memory. */
const PIECE_NUMBERS = 8192;

/**
 * Encodes an analysis, handing the bytes out in pieces (the JSON part, then blocks of numbers) so
 * that a caller writing them to a file never holds the whole result. Each piece is a fresh array.
 */
export function encodeAnalysisTo(analysis: Analysis, emit: (piece: Uint8Array) => void): void {
  const { files, ...rest } = analysis;
  const { numberOf: indexOf, ids: developers } = numberDevelopers();
  // Developers are numbered first: the table goes in the JSON part, ahead of the numbers.
  for (const file of files) {
    for (const author of file.authors) indexOf(author);
    for (const c of file.contributions) indexOf(c.developer);
  }
  const head: Head = { format: FORMAT, rest, order: Object.keys(analysis), paths: files.map((file) => file.path), developers };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const offset = align8(4 + json.length);
  const first = new Uint8Array(offset);
  new DataView(first.buffer).setUint32(0, json.length, true);
  first.set(json, 4);
  emit(first);

  let block = new Float64Array(PIECE_NUMBERS);
  let at = 0;
  const put = (value: number) => {
    block[at++] = value;
    if (at === PIECE_NUMBERS) {
      emit(new Uint8Array(block.buffer));
      block = new Float64Array(PIECE_NUMBERS);
      at = 0;
    }
  };
  for (const file of files) {
    put(file.events);
    put(file.lastChange);
    put(file.authors.length);
    for (const author of file.authors) put(indexOf(author));
    put(file.contributions.length);
    for (const c of file.contributions) {
      put(indexOf(c.developer));
      put(c.fa);
      put(c.dl);
      put(c.ac);
      put(c.doa);
      put(c.normDoa);
      put(c.isAuthor ? 1 : 0);
      put(c.lastChange);
      const d = c.decayed;
      put(d ? 1 : 0);
      if (d) {
        put(d.fa);
        put(d.dl);
        put(d.ac);
        put(d.doa);
        put(d.normDoa);
        put(d.isAuthor ? 1 : 0);
      }
    }
  }
  if (at > 0) emit(new Uint8Array(block.buffer, 0, at * 8));
}

/** What a report prints of each author of a file: their figures (a FileContribution has them too). */
export interface AuthorFigures {
  developer: string;
  doa: number;
  normDoa: number;
}

/** Files decoded lazily (see decodeAnalysis): their authors' figures, read without building the other contributions. */
const lazyAuthors = new WeakMap<FileOwnership, () => AuthorFigures[]>();

/**
 * The figures of a file's authors, in the order of its contributions: `file.contributions` filtered
 * to the authors, without building the other contributions when the file was read from the result
 * cache and nothing asked for them yet.
 */
export function authorFigures(file: FileOwnership): AuthorFigures[] {
  return lazyAuthors.get(file)?.() ?? file.contributions.filter((c) => c.isAuthor);
}

/** Numbers of one contribution: without decayed figures, and with them. */
const PLAIN = 9;
const DECAYED = 15;

/**
 * The inverse of encodeAnalysisTo (its pieces joined); throws on anything it did not write. The
 * whole layout is checked here, but each file's contributions are built only when first read: a
 * scan read from the cache prints its authors' figures only (authorFigures), and building the other
 * contributions (70k of 78k on rails, with their decayed figures) was most of its time. Until then
 * the analysis reads from `bytes`, which must not change.
 */
export function decodeAnalysis(bytes: Uint8Array): Analysis {
  if (bytes.length < 4) throw new Error('truncated result');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > bytes.length) throw new Error('truncated result');
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength))) as Head;
  if (head.format !== FORMAT) throw new Error(`result of another format (${String(head.format)})`);
  const offset = align8(4 + jsonLength);
  if ((bytes.length - offset) % 8 !== 0) throw new Error('corrupt result (numbers misaligned)');
  // Read in place through a DataView: a Buffer read from disk need not start on an 8-byte boundary,
  // and a copy would double the memory of a large result.
  const end = bytes.length;
  const number = (at: number): number => view.getFloat64(at, true);
  let at = offset;
  const next = (): number => {
    if (at >= end) throw new Error('truncated result (numbers)');
    const value = number(at);
    at += 8;
    return value;
  };
  const developerOf = (index: number): string => {
    const id = head.developers[index];
    if (id === undefined) throw new Error('corrupt result (developer index)');
    return id;
  };
  const contributionAt = (at: number): FileContribution => {
    const developer = developerOf(number(at));
    const fa = number(at + 8) === 1 ? 1 : 0;
    const dl = number(at + 16);
    const ac = number(at + 24);
    const doa = number(at + 32);
    const normDoa = number(at + 40);
    const isAuthor = number(at + 48) === 1;
    const lastChange = number(at + 56);
    // Keys in the order rankContributions creates them, so reports print the same bytes; and, as
    // there, one literal each: `decayed` added afterwards would cost a property array per
    // contribution, and another shape than the computed ones.
    if (number(at + 64) !== 1) return { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange };
    const decayed = { fa: number(at + 72), dl: number(at + 80), ac: number(at + 88), doa: number(at + 96), normDoa: number(at + 104), isAuthor: number(at + 112) === 1 };
    return { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange, decayed };
  };
  const files: FileOwnership[] = head.paths.map((path) => {
    const events = next();
    const lastChange = next();
    const authors: string[] = [];
    for (let n = next(); n > 0; n--) authors.push(developerOf(next()));
    // Where each contribution starts, and which are authors; checked as the file is walked.
    const starts: number[] = [];
    const authorStarts: number[] = [];
    for (let n = next(); n > 0; n--) {
      const start = at;
      if (start + PLAIN * 8 > end) throw new Error('truncated result (numbers)');
      developerOf(number(start));
      if (number(start + 48) === 1) authorStarts.push(start);
      at = start + (number(start + 64) === 1 ? DECAYED : PLAIN) * 8;
      if (at > end) throw new Error('truncated result (numbers)');
      starts.push(start);
    }
    const file = lazyFile(path, authors, events, lastChange, () => starts.map(contributionAt));
    lazyAuthors.set(file, () => authorStarts.map((start) => ({ developer: developerOf(number(start)), doa: number(start + 32), normDoa: number(start + 40) })));
    return file;
  });
  if (at !== end) throw new Error('corrupt result (trailing numbers)');
  const rest = head.rest as unknown as Record<string, unknown>;
  return Object.fromEntries(head.order.map((key) => [key, key === 'files' ? files : rest[key]])) as unknown as Analysis;
}

/**
 * A FileOwnership whose contributions are built on first read (or replaced by a write), then held
 * as a plain property: in the same place among the keys, so it prints as a computed one does.
 */
function lazyFile(path: string, authors: string[], events: number, lastChange: number, build: () => FileContribution[]): FileOwnership {
  const settle = (file: FileOwnership, value: FileContribution[]) => {
    Object.defineProperty(file, 'contributions', { value, writable: true, enumerable: true, configurable: true });
    // Once every file has settled, nothing holds the result's bytes any more.
    lazyAuthors.delete(file);
  };
  return {
    path,
    authors,
    get contributions(): FileContribution[] {
      const value = build();
      settle(this, value);
      return value;
    },
    set contributions(value: FileContribution[]) {
      settle(this, value);
    },
    events,
    lastChange,
  };
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
