import { forEachContribution, withCoAuthorCredit } from './contribution-store.ts';
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
  // AC: M and R events on the file by others; a co-authored commit is accepted once.
  const acOf = (input: ContributionInput) => Math.max(0, mr - input.dl);
  const weightedAcOf = (input: ContributionInput) => Math.max(0, wmr - input.wdl);
  const doas: number[] = [];
  const weightedDoas: number[] = [];
  let highest = Number.NEGATIVE_INFINITY;
  let highestWeighted = Number.NEGATIVE_INFINITY;
  for (const input of inputs) {
    const doa = computeDoa(input.fa, input.dl, acOf(input));
    doas.push(doa);
    if (doa > highest) highest = doa;
    if (!withDecay) continue;
    const weighted = computeDoa(input.wfa, input.wdl, weightedAcOf(input));
    weightedDoas.push(weighted);
    if (weighted > highestWeighted) highestWeighted = weighted;
  }
  const contributions = inputs.map((input, i): FileContribution => {
    const doa = doas[i] as number;
    const normDoa = normalizeDoa(doa, highest);
    const { developer, fa, dl, last: lastChange } = input;
    const ac = acOf(input);
    const author = isAuthor(doa, normDoa, fa);
    const bulk = input.bulk ?? 0;
    // Keys in this order, as reports print contributions whole; one literal each, so that `decayed`
    // is stored in the object itself (adding it afterwards costs a property array per contribution).
    // The co-author credit, the exception, comes last (withCoAuthorCredit).
    let c: FileContribution;
    if (!withDecay) {
      c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, bulk } : { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange };
    } else {
      const weighted = weightedDoas[i] as number;
      const weightedNorm = normalizeDoa(weighted, highestWeighted);
      const isCreator = input.wfa >= DECAYED_CREATOR_WEIGHT ? 1 : 0;
      const decayed = { fa: input.wfa, dl: input.wdl, ac: weightedAcOf(input), doa: weighted, normDoa: weightedNorm, isAuthor: isAuthor(weighted, weightedNorm, isCreator) };
      c = bulk > 0 ? { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, bulk, decayed } : { developer, fa, dl, ac, doa, normDoa, isAuthor: author, lastChange, decayed };
    }
    return (input.coDl ?? 0) > 0 || input.coFa === 1 ? withCoAuthorCredit(c, input.coDl ?? 0, input.coFa ?? 0) : c;
  });
  return contributions.sort((a, b) => b.doa - a.doa || (a.developer < b.developer ? -1 : a.developer > b.developer ? 1 : 0));
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
