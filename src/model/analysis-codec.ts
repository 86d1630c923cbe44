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
  developers: string[];
}

/** Numbers handed out per piece: 64 KiB, so a large result never sits whole in memory. */
const PIECE_NUMBERS = 8192;

/**
 * Encodes an analysis, handing the bytes out in pieces (the JSON part, then blocks of numbers) so
 * that a caller writing them to a file never holds the whole result. Each piece is a fresh array.
 */
export function encodeAnalysisTo(analysis: Analysis, emit: (piece: Uint8Array) => void): void {
  const { files, ...rest } = analysis;
  const developers: string[] = [];
  const developerIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let index = developerIndex.get(id);
    if (index === undefined) {
      index = developers.length;
      developerIndex.set(id, index);
      developers.push(id);
    }
    return index;
  };
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

/** The inverse of encodeAnalysisTo (its pieces joined); throws on anything it did not write. */
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
  let at = offset;
  const next = (): number => {
    if (at >= end) throw new Error('truncated result (numbers)');
    const value = view.getFloat64(at, true);
    at += 8;
    return value;
  };
  const developerOf = (index: number): string => {
    const id = head.developers[index];
    if (id === undefined) throw new Error('corrupt result (developer index)');
    return id;
  };
  const files: FileOwnership[] = head.paths.map((path) => {
    const events = next();
    const lastChange = next();
    const authors: string[] = [];
    for (let n = next(); n > 0; n--) authors.push(developerOf(next()));
    const contributions: FileContribution[] = [];
    for (let n = next(); n > 0; n--) {
      // Keys in the order rankContributions creates them, so reports print the same bytes.
      const contribution: FileContribution = {
        developer: developerOf(next()),
        fa: next() === 1 ? 1 : 0,
        dl: next(),
        ac: next(),
        doa: next(),
        normDoa: next(),
        isAuthor: next() === 1,
        lastChange: next(),
      };
      if (next() === 1) contribution.decayed = { fa: next(), dl: next(), ac: next(), doa: next(), normDoa: next(), isAuthor: next() === 1 };
      contributions.push(contribution);
    }
    return { path, authors, contributions, events, lastChange };
  });
  if (at !== end) throw new Error('corrupt result (trailing numbers)');
  const rest = head.rest as unknown as Record<string, unknown>;
  return Object.fromEntries(head.order.map((key) => [key, key === 'files' ? files : rest[key]])) as unknown as Analysis;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
