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

export function encodeAnalysis(analysis: Analysis): Uint8Array {
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
  // First pass: number the developers and count the numbers, so the result is allocated once, at
  // its final size (a growing buffer would briefly hold up to twice a large repository's result).
  let count = 0;
  for (const file of files) {
    count += 4 + file.authors.length;
    for (const author of file.authors) indexOf(author);
    for (const c of file.contributions) {
      indexOf(c.developer);
      count += c.decayed ? 15 : 9;
    }
  }
  const head: Head = { format: FORMAT, rest, order: Object.keys(analysis), paths: files.map((file) => file.path), developers };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const offset = align8(4 + json.length);
  const bytes = new Uint8Array(offset + count * 8);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  const out = new Float64Array(bytes.buffer, offset, count);
  let at = 0;
  for (const file of files) {
    out[at++] = file.events;
    out[at++] = file.lastChange;
    out[at++] = file.authors.length;
    for (const author of file.authors) out[at++] = indexOf(author);
    out[at++] = file.contributions.length;
    for (const c of file.contributions) {
      out[at++] = indexOf(c.developer);
      out[at++] = c.fa;
      out[at++] = c.dl;
      out[at++] = c.ac;
      out[at++] = c.doa;
      out[at++] = c.normDoa;
      out[at++] = c.isAuthor ? 1 : 0;
      out[at++] = c.lastChange;
      const d = c.decayed;
      out[at++] = d ? 1 : 0;
      if (d) {
        out[at++] = d.fa;
        out[at++] = d.dl;
        out[at++] = d.ac;
        out[at++] = d.doa;
        out[at++] = d.normDoa;
        out[at++] = d.isAuthor ? 1 : 0;
      }
    }
  }
  return bytes;
}

/** The inverse of encodeAnalysis; throws on anything it did not write. */
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
