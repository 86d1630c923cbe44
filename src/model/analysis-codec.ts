import { contributionAt, contributionCount, DECAYED, forEachContribution, HAS_DECAYED, packedFile, PLAIN, putContribution, storedNumbers, storedRemap, visitPacked, type AuthorFigures, type ContributionVisitor, type NumberAt, type PackedContributions } from './contribution-store.ts';
import { numberDevelopers } from './ownership-index.ts';
import type { Analysis, FileContribution, FileOwnership } from './types.ts';

// A compact, exact encoding of an Analysis, for the result cache (src/analysis-cache.ts).
// JSON would do, but a scan of rails holds 78k file × developer contributions (25 MB of JSON,
// ~280 ms to parse): the per-file figures go into one Float64Array instead (exact for every
// double, no parsing), with paths and developer ids in string tables; the rest (developers,
// modules, truck factor, settings) stays JSON. Layout:
//   u32 (little-endian) length of the JSON part · the JSON part (UTF-8) · zero padding to 8 bytes ·
//   the numbers (Float64, little-endian)
// Numbers per file: events, lastChange, coAuthorOnlyChanges, authors count, author indexes…,
// contributions count, then each contribution as contribution-store.ts packs it.

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
  const storedIndex = storedRemap(indexOf);
  // Developers are numbered first: the table goes in the JSON part, ahead of the numbers.
  for (const file of files) {
    for (const author of file.authors) indexOf(author);
    const stored = storedNumbers(file);
    if (stored) {
      const { numbers, first, count, stride } = stored;
      for (let k = 0, at = first; k < count; k++, at += stride) storedIndex(stored, numbers[at] as number);
    } else {
      forEachContribution(file, (c) => {
        indexOf(c.developer);
      });
    }
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
  // Room for `size` more numbers: a block that has none is handed out first, and a run longer than
  // a piece gets a block of its size (the pieces joined are the same bytes).
  const reserve = (size: number) => {
    if (at + size <= block.length) return;
    if (at > 0) emit(new Uint8Array(block.buffer, 0, at * 8));
    block = new Float64Array(Math.max(PIECE_NUMBERS, size));
    at = 0;
  };
  const put = (value: number) => {
    reserve(1);
    block[at++] = value;
  };
  for (const file of files) {
    put(file.events);
    put(file.lastChange);
    put(file.coAuthorOnlyChanges ?? 0);
    put(file.authors.length);
    for (const author of file.authors) put(indexOf(author));
    put(contributionCount(file));
    const stored = storedNumbers(file);
    if (stored) {
      // Already in this layout (a fresh analysis): copied as they are, in one run (a call per number
      // was most of the encoding: 1.3M on rails), then each developer index renumbered.
      const { numbers: from, first, count, stride } = stored;
      const size = count * stride;
      reserve(size);
      block.set(from.subarray(first, first + size), at);
      for (let k = 0; k < size; k += stride) block[at + k] = storedIndex(stored, from[first + k] as number);
      at += size;
    } else {
      forEachContribution(file, (c) => {
        reserve(DECAYED);
        at = putContribution(block, at, indexOf(c.developer), c);
      });
    }
  }
  if (at > 0) emit(new Uint8Array(block.buffer, 0, at * 8));
}

/**
 * The inverse of encodeAnalysisTo (its pieces joined); throws on anything it did not write. The
 * whole layout is checked here, but each file's contributions are built only when first read: a
 * scan read from the cache prints its authors' figures only (contribution-store.ts authorFigures),
 * and building the other contributions (70k of 78k on rails, with their decayed figures) was most
 * of its time. Until then the analysis reads from `bytes`, which must not change (packedFile).
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
  // and a copy would double the memory of a large result. Positions count numbers, not bytes.
  const end = bytes.length / 8;
  const number: NumberAt = (k) => view.getFloat64(k * 8, true);
  let at = offset / 8;
  const next = (): number => {
    if (at >= end) throw new Error('truncated result (numbers)');
    return number(at++);
  };
  const developerOf = (index: number): string => {
    const id = head.developers[index];
    if (id === undefined) throw new Error('corrupt result (developer index)');
    return id;
  };
  const numbers: ResultNumbers = { number, developerOf };
  const files: FileOwnership[] = head.paths.map((path) => {
    const events = next();
    const lastChange = next();
    const coAuthorOnlyChanges = next();
    const authors: string[] = [];
    for (let n = next(); n > 0; n--) authors.push(developerOf(next()));
    // Where each contribution starts, and which are authors; checked as the file is walked.
    const starts: number[] = [];
    const authorStarts: number[] = [];
    for (let n = next(); n > 0; n--) {
      const start = at;
      if (start + PLAIN > end) throw new Error('truncated result (numbers)');
      developerOf(number(start));
      if (number(start + 6) === 1) authorStarts.push(start);
      at = start + (number(start + HAS_DECAYED) === 1 ? DECAYED : PLAIN);
      if (at > end) throw new Error('truncated result (numbers)');
      starts.push(start);
    }
    return packedFile(path, authors, events, lastChange, new DecodedContributions(numbers, starts, authorStarts), coAuthorOnlyChanges);
  });
  if (at !== end) throw new Error('corrupt result (trailing numbers)');
  const rest = head.rest as unknown as Record<string, unknown>;
  return Object.fromEntries(head.order.map((key) => [key, key === 'files' ? files : rest[key]])) as unknown as Analysis;
}

/** How a decoded result's numbers are read: the k-th number, and the developer id of an index. */
interface ResultNumbers {
  number: NumberAt;
  developerOf: (index: number) => string;
}

/** A decoded file's contributions, read from the result's bytes (a class: one small object per file). */
class DecodedContributions implements PackedContributions {
  private readonly numbers: ResultNumbers;
  /** Where each contribution's numbers start, and those of the authors. */
  private readonly starts: number[];
  private readonly authorStarts: number[];

  constructor(numbers: ResultNumbers, starts: number[], authorStarts: number[]) {
    this.numbers = numbers;
    this.starts = starts;
    this.authorStarts = authorStarts;
  }

  get count(): number {
    return this.starts.length;
  }

  build(): FileContribution[] {
    const { number, developerOf } = this.numbers;
    return this.starts.map((start) => contributionAt(number, start, developerOf(number(start))));
  }

  authors(): AuthorFigures[] {
    const { number, developerOf } = this.numbers;
    return this.authorStarts.map((start) => ({ developer: developerOf(number(start)), doa: number(start + 4), normDoa: number(start + 5) }));
  }

  visit(visit: ContributionVisitor): boolean {
    const { number, developerOf } = this.numbers;
    // Each contribution's numbers copied out of the result's bytes (read through a DataView: they
    // need not be 8-byte aligned) into one array, as it is reached: visitPacked reads an array.
    const copy = new Float64Array(DECAYED);
    const copied = (k: number) => {
      const start = this.starts[k] as number;
      const size = number(start + HAS_DECAYED) === 1 ? DECAYED : PLAIN;
      for (let i = 0; i < size; i++) copy[i] = number(start + i);
      return 0;
    };
    return visitPacked(copy, this.starts.length, copied, developerOf, visit);
  }
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
