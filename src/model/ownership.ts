import { forEachContribution, refillable, withCoAuthorCredit, type ContributionStore, type Refillable } from './contribution-store.ts';
import { computeDoa, isAuthor, normalizeDoa } from './doa.ts';
import { authorCount, authorListsOf, countUpTo, numberDevelopers, ownershipIndexOf, positionsOf, setOf, summarizeSet, type AuthorsOf } from './ownership-index.ts';
import type { NumberedSet } from './truck-factor.ts';
import type { FileContribution, FileOwnership, ModuleOwnership, TruckFactor } from './types.ts';
import type { ContributionInput } from './authorship.ts';

export type { ContributionInput };

// From folded tallies to per-file ownership (METRICS.md §4) and truck factors over sets (§5, §6).

/**
 * Extension (METRICS.md §7): in the decayed figures the creator exemption reads "FA = 1" on the
 * weighted FA, so it holds while the creation keeps at least half its weight (the file was created
 * within one half-life). Read on the unweighted FA instead, everyone who ever created a file would
 * stay its current author forever, which is what the decay is there to undo.
 */
export const DECAYED_CREATOR_WEIGHT = 0.5;

/** DOA of every developer of the file (§4), plus the decayed figures (§7) when `withDecay`; highest DOA first, ties by id. */
export function rankContributions(inputs: readonly ContributionInput[], mr: number, wmr: number, withDecay: boolean): FileContribution[] {
  const ranking = new FileRanking(inputs, mr, wmr, withDecay);
  return ranking.order.map((i) => ranking.contribution(i));
}

/**
 * The file whose contributions rankContributions gives, packed into `store` as they are ranked, with
 * its authors: one object refilled for every contribution. analyze made rails' 78k contributions as
 * objects (each with its decayed figures) only for the store to read them once and drop them.
 */
export function rankedFile(
  store: ContributionStore,
  path: string,
  tally: { mr: number; wmr: number; events: number; lastChange: number; coOnlyMr: number },
  inputs: readonly ContributionInput[],
  withDecay: boolean,
): FileOwnership {
  const ranking = new FileRanking(inputs, tally.mr, tally.wmr, withDecay);
  const { order } = ranking;
  const authors = order.filter((i) => ranking.isAuthor(i)).map((i) => (inputs[i] as ContributionInput).developer);
  const into = refillable();
  return store.fileOf(path, authors, tally.events, tally.lastChange, order.length, (k) => ranking.fill(order[k] as number, into), tally.coOnlyMr);
}

/** The DOAs of a file's inputs (METRICS.md §4, and §7's decayed ones), their order, and each input's contribution. */
class FileRanking {
  /** Indexes of the inputs, highest DOA first, ties by id. */
  readonly order: number[];
  private readonly inputs: readonly ContributionInput[];
  private readonly mr: number;
  private readonly wmr: number;
  private readonly withDecay: boolean;
  private readonly doas: number[] = [];
  private readonly weightedDoas: number[] = [];
  private readonly highest: number = Number.NEGATIVE_INFINITY;
  private readonly highestWeighted: number = Number.NEGATIVE_INFINITY;

  constructor(inputs: readonly ContributionInput[], mr: number, wmr: number, withDecay: boolean) {
    this.inputs = inputs;
    this.mr = mr;
    this.wmr = wmr;
    this.withDecay = withDecay;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as ContributionInput;
      const doa = computeDoa(input.fa, input.dl, this.ac(i));
      this.doas.push(doa);
      if (doa > this.highest) this.highest = doa;
      if (!withDecay) continue;
      const weighted = computeDoa(input.wfa, input.wdl, this.weightedAc(i));
      this.weightedDoas.push(weighted);
      if (weighted > this.highestWeighted) this.highestWeighted = weighted;
    }
    const { doas } = this;
    const developer = (i: number) => (inputs[i] as ContributionInput).developer;
    this.order = inputs.map((_, i) => i).sort((a, b) => (doas[b] as number) - (doas[a] as number) || (developer(a) < developer(b) ? -1 : developer(a) > developer(b) ? 1 : 0));
  }

  /** AC: M and R events on the file by others; a co-authored commit is accepted once. */
  private ac(i: number): number {
    return Math.max(0, this.mr - (this.inputs[i] as ContributionInput).dl);
  }

  private weightedAc(i: number): number {
    return Math.max(0, this.wmr - (this.inputs[i] as ContributionInput).wdl);
  }

  isAuthor(i: number): boolean {
    const doa = this.doas[i] as number;
    return isAuthor(doa, normalizeDoa(doa, this.highest), (this.inputs[i] as ContributionInput).fa);
  }

  /** Input i's decayed figures, written into `into`. */
  private decayed(i: number, into: NonNullable<FileContribution['decayed']>): NonNullable<FileContribution['decayed']> {
    const input = this.inputs[i] as ContributionInput;
    const weighted = this.weightedDoas[i] as number;
    into.fa = input.wfa;
    into.dl = input.wdl;
    into.ac = this.weightedAc(i);
    into.doa = weighted;
    into.normDoa = normalizeDoa(weighted, this.highestWeighted);
    into.isAuthor = isAuthor(weighted, into.normDoa, input.wfa >= DECAYED_CREATOR_WEIGHT ? 1 : 0);
    return into;
  }

  /** Input i's contribution, a fresh object. */
  contribution(i: number): FileContribution {
    const input = this.inputs[i] as ContributionInput;
    const doa = this.doas[i] as number;
    const normDoa = normalizeDoa(doa, this.highest);
    const { developer, fa, dl, last: lastChange } = input;
    const ac = this.ac(i);
    const author = this.isAuthor(i);
    const bulk = input.bulk ?? 0;
    // Keys in this order, as reports print contributions whole; one literal each, so that `decayed`
    // is stored in the object itself (adding it afterwards costs a property array per contribution).
    // The co-author credit, the exception, comes last (withCoAuthorCredit).
    let c: FileContribution;
    if (!this.withDecay) {
      c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, bulk } : { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange };
    } else {
      const decayed = this.decayed(i, { fa: 0, dl: 0, ac: 0, doa: 0, normDoa: 0, isAuthor: false });
      c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, bulk, decayed } : { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, decayed };
    }
    return (input.coDl ?? 0) > 0 || input.coFa === 1 ? withCoAuthorCredit(c, input.coDl ?? 0, input.coFa ?? 0) : c;
  }

  /** Input i's contribution written into `into` (absent keys as undefined): the same figures as contribution(i). */
  fill(i: number, into: Refillable): Readonly<FileContribution> {
    const input = this.inputs[i] as ContributionInput;
    const c = into.contribution;
    const doa = this.doas[i] as number;
    c.developer = input.developer;
    c.fa = input.fa;
    c.dl = input.dl;
    c.ac = this.ac(i);
    c.doa = doa;
    c.normDoa = normalizeDoa(doa, this.highest);
    c.isAuthor = this.isAuthor(i);
    c.lastChange = input.last;
    c.bulk = (input.bulk ?? 0) > 0 ? input.bulk : undefined;
    c.coAuthorDl = (input.coDl ?? 0) > 0 ? input.coDl : undefined;
    c.coAuthorFa = input.coFa === 1 ? 1 : undefined;
    c.decayed = this.withDecay ? this.decayed(i, into.decayed) : undefined;
    return c;
  }
}

const classicAuthors: AuthorsOf = (file) => file.authors;

/** The set of all of `files` under `authorsOf`, on their index (built once per list: ownershipIndexOf). */
function wholeSet(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf): NumberedSet {
  const index = ownershipIndexOf(files);
  return setOf(index, nameOf, authorsOf === classicAuthors ? index.classicAuthors : authorListsOf(index, authorsOf));
}

/**
 * The set of all of `files` (a module's): on the index that holds them (the analysis' files) with the
 * classic authors, else on its own, where only its authors are numbered and only their changes
 * summed (nobody else's can break a tie of §5).
 */
function moduleSet(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf): NumberedSet {
  const located = authorsOf === classicAuthors ? positionsOf(files) : undefined;
  if (located) return setOf(located.index, nameOf, located.index.classicAuthors, located.numbers);
  const developers = numberDevelopers();
  const authors = authorListsOf({ files, developers }, authorsOf);
  const sums = new Float64Array(developers.ids.length);
  for (const file of files) {
    forEachContribution(file, (contribution) => {
      const developer = developers.find(contribution.developer);
      if (developer !== undefined) sums[developer] = (sums[developer] as number) + (contribution.fa + contribution.dl);
    });
  }
  return { developers, nameOf, authors, files: countUpTo(files.length), changes: { developer: countUpTo(sums.length), changes: sums } };
}

/**
 * Truck factor of a set of files; `authorsOf` lets departures and decay swap the author sets. The
 * analysis' own files are indexed while their truck factor is computed, and every later figure
 * reuses that index.
 */
export function truckFactorOf(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf = classicAuthors): TruckFactor {
  return summarizeSet(wholeSet(files, nameOf, authorsOf)).truckFactor;
}

/** Ownership of a module's files (METRICS.md §6): truck factor, owners, single-owner and orphan files. */
export function summarizeModule(
  path: string,
  kind: ModuleOwnership['kind'],
  files: readonly FileOwnership[],
  nameOf: (id: string) => string,
  authorsOf: AuthorsOf = classicAuthors,
): ModuleOwnership {
  const set = moduleSet(files, nameOf, authorsOf);
  const { truckFactor, owners } = summarizeSet(set);
  const authorsOfFile = (position: number) => authorCount(set.authors, set.files[position] as number);
  return {
    path,
    kind,
    files: files.length,
    truckFactor,
    owners,
    singleOwnerFiles: files.filter((_, position) => authorsOfFile(position) === 1).map((file) => file.path),
    orphanFiles: files.filter((_, position) => authorsOfFile(position) === 0).map((file) => file.path),
  };
}

/** How small a truck factor is for the reports to name who comes after its developers. */
export const NEXT_AUTHORS_BELOW = 3;

/**
 * Who else authors the most files, after the truck-factor developers: with a truck factor of 1,
 * "besides Zoltan, who knows what?" had no answer but the JSON (pnpm, an engineering manager).
 * At most `count`, most files first (the developers' order); none when the truck factor is
 * NEXT_AUTHORS_BELOW or more, where its own list already names several people.
 */
export function nextAuthors(
  truckFactor: Pick<TruckFactor, 'value' | 'developers'>,
  developers: readonly { id: string; filesAuthored: number }[],
  files: number,
  count = 3,
): { id: string; files: number; share: number }[] {
  if (truckFactor.value >= NEXT_AUTHORS_BELOW || files === 0) return [];
  const listed = new Set(truckFactor.developers.map((member) => member.id));
  return developers
    .filter((developer) => developer.filesAuthored > 0 && !listed.has(developer.id))
    .sort((a, b) => b.filesAuthored - a.filesAuthored)
    .slice(0, count)
    .map((developer) => ({ id: developer.id, files: developer.filesAuthored, share: developer.filesAuthored / files }));
}
