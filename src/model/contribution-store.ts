import type { DeveloperNumbering } from './ownership-index.ts';
import type { FileContribution, FileOwnership } from './types.ts';

// A file's contributions kept as numbers, built as objects only when read. On a large history the
// analysis holds hundreds of thousands of file × developer contributions; as objects (each with its
// decayed figures, every double boxed) they cost ~330 bytes each and topped a cold scan's memory,
// while most of a run only needs them in passes that read each one once. The numbers are the result
// codec's layout (analysis-codec.ts), per contribution: developer index, fa, dl, ac, doa, normDoa,
// isAuthor, lastChange, bulk, co-author credit, has decayed, then (when it has) decayed fa, dl, ac,
// doa, normDoa, isAuthor. The co-author credit is one number, coAuthorDl × 2 + coAuthorFa (exact in a
// double): one more number per contribution, not two (the result cache of rails is ~24 MB).

/** Numbers of one contribution: without decayed figures, and with them. */
export const PLAIN = 11;
export const DECAYED = 17;
/** Where a contribution's "has decayed figures" flag is, from its first number. */
export const HAS_DECAYED = 10;
/** Where its co-author credit is (coAuthorDl × 2 + coAuthorFa). */
const CO_AUTHOR = 9;
/** Where its decayed figures start. */
const DECAYED_FIGURES = HAS_DECAYED + 1;

/** What a report prints of each author of a file: their figures (a FileContribution has them too). */
export interface AuthorFigures {
  developer: string;
  doa: number;
  normDoa: number;
}

/** The numbers a packed contribution is read from: the k-th number of the whole store. */
export type NumberAt = (k: number) => number;

/** Where a file's contributions are while nobody has built them. */
export interface PackedContributions {
  readonly count: number;
  /** The contributions as objects, freshly built. */
  build(): FileContribution[];
  /** The figures of the authors alone, in contribution order. */
  authors(): AuthorFigures[];
  /** Calls `visit` with each contribution in order (one reused object: see forEachContribution) until it returns true; true if one did. */
  visit(visit: ContributionVisitor): boolean;
}

/** Called with each contribution of a file and its position; returning true stops the walk. */
export type ContributionVisitor = (contribution: Readonly<FileContribution>, k: number) => boolean | void;

const packed = new WeakMap<FileOwnership, PackedContributions>();

/**
 * The `contributions` accessor of every packed file. One pair shared by all keeps their objects
 * in V8's fast mode: a literal with its own getter and setter made each file a dictionary of
 * properties, ~600 bytes a file with its closures (30 MB on 50,000 files).
 */
const CONTRIBUTIONS: PropertyDescriptor = {
  get(this: FileOwnership): FileContribution[] {
    const source = packed.get(this);
    // Only on an object made from a packed file's descriptors (Object.create, getOwnPropertyDescriptors).
    if (!source) throw new Error(`the contributions of ${String(this.path)} are packed in another object: copy a file with { ...file }`);
    const value = source.build();
    settle(this, value);
    return value;
  },
  set(this: FileOwnership, value: FileContribution[]) {
    settle(this, value);
  },
  enumerable: true,
  configurable: true,
};

/** Makes `contributions` a plain property (in the same place among the keys), and forgets the packed numbers. */
function settle(file: FileOwnership, value: FileContribution[]): void {
  Object.defineProperty(file, 'contributions', { value, writable: true, enumerable: true, configurable: true });
  packed.delete(file);
}

/**
 * A FileOwnership whose contributions are built on first read (or replaced by a write), then held
 * as a plain property: in the same place among the keys, so it prints as a computed one does.
 */
export function packedFile(path: string, authors: string[], events: number, lastChange: number, contributions: PackedContributions, coAuthorOnlyChanges = 0): FileOwnership {
  const file = { path, authors } as FileOwnership;
  Object.defineProperty(file, 'contributions', CONTRIBUTIONS);
  file.events = events;
  file.lastChange = lastChange;
  if (coAuthorOnlyChanges > 0) file.coAuthorOnlyChanges = coAuthorOnlyChanges;
  packed.set(file, contributions);
  return file;
}

/**
 * Calls `visit` with each contribution of a file, in order, for a pass over every file (an index, a
 * projection, the result codec) that should neither build nor keep the contributions of packed
 * files: for those, one object is passed for all of them, refilled each time (its `decayed` key is
 * always there, undefined without decayed figures). Read what you need from it during the call;
 * keep none of it.
 */
export function forEachContribution(file: FileOwnership, visit: ContributionVisitor): void {
  someContribution(file, visit);
}

/** Whether `test` holds for a contribution of the file (read as forEachContribution reads them). */
export function someContribution(file: FileOwnership, test: ContributionVisitor): boolean {
  const source = packed.get(file);
  if (source) return source.visit(test);
  const list = file.contributions;
  for (let k = 0; k < list.length; k++) if (test(list[k] as FileContribution, k) === true) return true;
  return false;
}

/** How many contributions a file has (without building those of a packed file). */
export function contributionCount(file: FileOwnership): number {
  return packed.get(file)?.count ?? file.contributions.length;
}

/**
 * The figures of a file's authors, in the order of its contributions: `file.contributions` filtered
 * to the authors, without building the other contributions of a packed file.
 */
export function authorFigures(file: FileOwnership): AuthorFigures[] {
  return packed.get(file)?.authors() ?? file.contributions.filter((c) => c.isAuthor);
}

/** A stored file's numbers, as the result codec lays them out: `count` contributions of `stride` numbers from `first`, developer indexes into `ids`. */
export interface StoredNumbers {
  readonly numbers: Float64Array;
  readonly first: number;
  readonly count: number;
  readonly stride: number;
  readonly ids: readonly string[];
}

/**
 * The numbers of a file still packed in a ContributionStore, for a pass that reads them as they
 * are (the result codec, the ownership index); undefined once its contributions are built, or for
 * a decoded file.
 */
export function storedNumbers(file: FileOwnership): StoredNumbers | undefined {
  const source = packed.get(file);
  return source instanceof StoredContributions ? source : undefined;
}

/**
 * Maps the developer indexes of stored numbers to another numbering (`numberOf`), looking each
 * developer's id up once rather than once per contribution (a Map lookup each, 80k on rails).
 */
export function storedRemap(numberOf: (id: string) => number): (stored: StoredNumbers, index: number) => number {
  let ids: readonly string[] | undefined;
  let known = new Int32Array(0);
  return (stored, index) => {
    if (stored.ids !== ids) {
      ids = stored.ids;
      known = new Int32Array(ids.length).fill(-1);
    }
    let number = known[index] ?? -1;
    if (number === -1) {
      number = numberOf(stored.ids[index] as string);
      if (index < known.length) known[index] = number;
    }
    return number;
  };
}

/** fa + dl of the stored contribution at `at`: its changes, as the truck factor's tie-break sums them. */
export function storedChanges(numbers: Float64Array, at: number): number {
  return (numbers[at + 1] === 1 ? 1 : 0) + (numbers[at + 2] as number);
}

/** Whether the stored contribution at `at` makes a decayed author (ownership-index.ts isDecayedAuthor). */
export function storedDecayedAuthor(numbers: Float64Array, at: number): boolean {
  return numbers[at + HAS_DECAYED] === 1 ? numbers[at + DECAYED_FIGURES + 5] === 1 : numbers[at + 6] === 1;
}

/** A contribution object to refill (visitPacked, ownership.ts FileRanking.fill), with its decayed figures to refill too. */
export interface Refillable {
  contribution: FileContribution;
  decayed: NonNullable<FileContribution['decayed']>;
}

export function refillable(): Refillable {
  const decayed = { fa: 0, dl: 0, ac: 0, doa: 0, normDoa: 0, isAuthor: false };
  return { contribution: { developer: '', fa: 0, dl: 0, ac: 0, doa: 0, normDoa: 0, isAuthor: false, lastChange: 0, bulk: undefined, decayed, coAuthorDl: undefined, coAuthorFa: undefined }, decayed };
}

/**
 * Refills `into` with the contribution whose numbers start at `at` (as contributionAt reads it).
 * Read from the array itself, not through a NumberAt: a scan's tail runs mostly unoptimised, where
 * 17 calls per contribution made the projection's one pass over rails' 78k cost ~25 ms.
 */
function refill(into: Refillable, numbers: Float64Array, at: number, developer: string): FileContribution {
  const c = into.contribution;
  c.developer = developer;
  c.fa = numbers[at + 1] === 1 ? 1 : 0;
  c.dl = numbers[at + 2] as number;
  c.ac = numbers[at + 3] as number;
  c.doa = numbers[at + 4] as number;
  c.normDoa = numbers[at + 5] as number;
  c.isAuthor = numbers[at + 6] === 1;
  c.lastChange = numbers[at + 7] as number;
  // Undefined rather than absent on the one refilled object: deleting a key would slow every visit after.
  const bulk = numbers[at + 8] as number;
  c.bulk = bulk > 0 ? bulk : undefined;
  const co = numbers[at + CO_AUTHOR] as number;
  c.coAuthorDl = co >= 2 ? Math.floor(co / 2) : undefined;
  c.coAuthorFa = co % 2 === 1 ? 1 : undefined;
  if (numbers[at + HAS_DECAYED] !== 1) {
    c.decayed = undefined;
    return c;
  }
  const d = into.decayed;
  d.fa = numbers[at + DECAYED_FIGURES] as number;
  d.dl = numbers[at + DECAYED_FIGURES + 1] as number;
  d.ac = numbers[at + DECAYED_FIGURES + 2] as number;
  d.doa = numbers[at + DECAYED_FIGURES + 3] as number;
  d.normDoa = numbers[at + DECAYED_FIGURES + 4] as number;
  d.isAuthor = numbers[at + DECAYED_FIGURES + 5] === 1;
  c.decayed = d;
  return c;
}

/** visit() of packed contributions: the k-th of `count` starts at `startOf(k)` of `numbers`. */
export function visitPacked(numbers: Float64Array, count: number, startOf: (k: number) => number, developerOf: (index: number) => string, visit: ContributionVisitor): boolean {
  const into = refillable();
  for (let k = 0; k < count; k++) {
    const at = startOf(k);
    if (visit(refill(into, numbers, at, developerOf(numbers[at] as number)), k) === true) return true;
  }
  return false;
}

/**
 * The contribution whose numbers start at `at`, with the developer id its index names. Keys in the
 * order rankContributions creates them, so reports print the same bytes; and, as there, one literal
 * each: `decayed` added afterwards would cost a property array per contribution.
 */
export function contributionAt(number: NumberAt, at: number, developer: string): FileContribution {
  const fa = number(at + 1) === 1 ? 1 : 0;
  const dl = number(at + 2);
  const ac = number(at + 3);
  const doa = number(at + 4);
  const normDoa = number(at + 5);
  const isAuthor = number(at + 6) === 1;
  const lastChange = number(at + 7);
  const bulk = number(at + 8);
  const co = number(at + CO_AUTHOR);
  let c: FileContribution;
  if (number(at + HAS_DECAYED) !== 1) {
    c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange, bulk } : { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange };
  } else {
    const f = at + DECAYED_FIGURES;
    const decayed = { fa: number(f), dl: number(f + 1), ac: number(f + 2), doa: number(f + 3), normDoa: number(f + 4), isAuthor: number(f + 5) === 1 };
    c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange, bulk, decayed } : { developer, fa, dl, ac, doa, normDoa, isAuthor, lastChange, decayed };
  }
  return co > 0 ? withCoAuthorCredit(c, Math.floor(co / 2), co % 2 === 1 ? 1 : 0) : c;
}

/**
 * The contribution with its co-author credit (FileContribution.coAuthorDl, coAuthorFa) when it has
 * some, as rankContributions adds it: last, after a literal's keys (a contribution with co-author
 * credit is the exception, so the others keep their shape).
 */
export function withCoAuthorCredit(c: FileContribution, coAuthorDl: number, coAuthorFa: 0 | 1): FileContribution {
  if (coAuthorDl > 0) c.coAuthorDl = coAuthorDl;
  if (coAuthorFa === 1) c.coAuthorFa = 1;
  return c;
}

/** The six figures a contribution has classic and decayed, in the order they are packed. */
type Figures = Pick<FileContribution, 'dl' | 'ac' | 'doa' | 'normDoa' | 'isAuthor'> & { fa: number };

/** Writes fa, dl, ac, doa, normDoa, isAuthor from `at`. */
function putFigures(numbers: Float64Array, at: number, f: Figures): void {
  numbers[at] = f.fa;
  numbers[at + 1] = f.dl;
  numbers[at + 2] = f.ac;
  numbers[at + 3] = f.doa;
  numbers[at + 4] = f.normDoa;
  numbers[at + 5] = f.isAuthor ? 1 : 0;
}

/** Writes a contribution's numbers from `at` (PLAIN or DECAYED of them); returns where the next one goes. */
export function putContribution(numbers: Float64Array, at: number, developer: number, c: FileContribution): number {
  numbers[at] = developer;
  putFigures(numbers, at + 1, c);
  numbers[at + 7] = c.lastChange;
  numbers[at + 8] = c.bulk ?? 0;
  numbers[at + CO_AUTHOR] = (c.coAuthorDl ?? 0) * 2 + (c.coAuthorFa === 1 ? 1 : 0);
  const d = c.decayed;
  numbers[at + HAS_DECAYED] = d ? 1 : 0;
  if (!d) return at + PLAIN;
  putFigures(numbers, at + DECAYED_FIGURES, d);
  return at + DECAYED;
}

/** Numbers per block of a store: 512 KiB, so the store grows without copying what it holds. */
const BLOCK = 65_536;

/** One file's contributions in a store's block. */
class StoredContributions implements PackedContributions, StoredNumbers {
  readonly numbers: Float64Array;
  readonly first: number;
  readonly count: number;
  readonly stride: number;
  readonly ids: readonly string[];

  constructor(numbers: Float64Array, first: number, count: number, stride: number, ids: readonly string[]) {
    this.numbers = numbers;
    this.first = first;
    this.count = count;
    this.stride = stride;
    this.ids = ids;
  }

  build(): FileContribution[] {
    const { numbers, stride } = this;
    const number: NumberAt = (k) => numbers[k] as number;
    const list: FileContribution[] = new Array(this.count);
    for (let i = 0, at = this.first; i < this.count; i++, at += stride) list[i] = contributionAt(number, at, this.ids[numbers[at] as number] as string);
    return list;
  }

  visit(visit: ContributionVisitor): boolean {
    const { numbers, stride, first, ids } = this;
    return visitPacked(
      numbers,
      this.count,
      (k) => first + k * stride,
      (index) => ids[index] as string,
      visit,
    );
  }

  authors(): AuthorFigures[] {
    const { numbers, stride } = this;
    const figures: AuthorFigures[] = [];
    for (let i = 0, at = this.first; i < this.count; i++, at += stride) {
      if (numbers[at + 6] === 1) figures.push({ developer: this.ids[numbers[at] as number] as string, doa: numbers[at + 4] as number, normDoa: numbers[at + 5] as number });
    }
    return figures;
  }
}

/**
 * Where an analysis packs its files' contributions as it computes them (analyze.ts): each file
 * comes back as a packedFile. A file's contributions all have decayed figures or none
 * (rankContributions), so they share one stride.
 */
export class ContributionStore {
  private readonly developers: DeveloperNumbering;
  private block = new Float64Array(BLOCK);
  private used = 0;

  constructor(developers: DeveloperNumbering) {
    this.developers = developers;
  }

  file(path: string, authors: string[], events: number, lastChange: number, contributions: readonly FileContribution[], coAuthorOnlyChanges = 0): FileOwnership {
    return this.fileOf(path, authors, events, lastChange, contributions.length, (k) => contributions[k] as FileContribution, coAuthorOnlyChanges);
  }

  /**
   * As file(), with the k-th of `count` contributions read from `contributionAt(k)`, once each and
   * in order (the first twice): one object refilled for each of them will do (ownership.ts rankedFile).
   */
  fileOf(path: string, authors: string[], events: number, lastChange: number, count: number, contributionAt: (k: number) => Readonly<FileContribution>, coAuthorOnlyChanges = 0): FileOwnership {
    const stride = count > 0 && contributionAt(0).decayed ? DECAYED : PLAIN;
    const size = count * stride;
    if (this.used + size > this.block.length) {
      this.block = new Float64Array(Math.max(BLOCK, size));
      this.used = 0;
    }
    const first = this.used;
    for (let k = 0; k < count; k++) {
      const c = contributionAt(k);
      if ((c.decayed ? DECAYED : PLAIN) !== stride) throw new Error(`contributions of ${path} mix decayed and plain figures`);
      this.used = putContribution(this.block, this.used, this.developers.numberOf(c.developer), c);
    }
    return packedFile(path, authors, events, lastChange, new StoredContributions(this.block, first, count, stride, this.developers.ids), coAuthorOnlyChanges);
  }
}
