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
  const numbers = new NumberWriter(files.length * 64);
  for (const file of files) {
    numbers.push(file.events, file.lastChange, file.authors.length);
    for (const author of file.authors) numbers.push(indexOf(author));
    numbers.push(file.contributions.length);
    for (const c of file.contributions) {
      numbers.push(indexOf(c.developer), c.fa, c.dl, c.ac, c.doa, c.normDoa, c.isAuthor ? 1 : 0, c.lastChange);
      const d = c.decayed;
      if (d) numbers.push(1, d.fa, d.dl, d.ac, d.doa, d.normDoa, d.isAuthor ? 1 : 0);
      else numbers.push(0);
    }
  }
  const head: Head = { format: FORMAT, rest, order: Object.keys(analysis), paths: files.map((file) => file.path), developers };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const offset = align8(4 + json.length);
  const bytes = new Uint8Array(offset + numbers.length * 8);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  new Float64Array(bytes.buffer, offset, numbers.length).set(numbers.values());
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
  // A copy, because a Buffer read from disk need not start on an 8-byte boundary (and Buffer's own
  // slice() would share memory instead of copying).
  const numbers = new Float64Array(Uint8Array.prototype.slice.call(bytes, offset).buffer);
  let at = 0;
  const next = (): number => {
    if (at >= numbers.length) throw new Error('truncated result (numbers)');
    return numbers[at++] as number;
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
  if (at !== numbers.length) throw new Error('corrupt result (trailing numbers)');
  const rest = head.rest as unknown as Record<string, unknown>;
  return Object.fromEntries(head.order.map((key) => [key, key === 'files' ? files : rest[key]])) as unknown as Analysis;
}

/** A growing Float64Array: no boxed numbers, a few MB even for a large repository. */
class NumberWriter {
  private data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(1024, capacity));
  }
  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, this.length + values.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    for (const value of values) this.data[this.length++] = value;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
