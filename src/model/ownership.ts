import { computeDoa, isAuthor, normalizeDoa } from './doa.ts';
import { numberDevelopers, authorListsOf, authorCount, summarizeSet, type AuthorsOf } from './ownership-index.ts';
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
  const contributions: FileContribution[] = [];
  let highest = Number.NEGATIVE_INFINITY;
  let highestWeighted = Number.NEGATIVE_INFINITY;
  for (const input of inputs) {
    // AC: M and R events on the file by others; a co-authored commit is accepted once.
    const ac = Math.max(0, mr - input.dl);
    const doa = computeDoa(input.fa, input.dl, ac);
    if (doa > highest) highest = doa;
    // Keys in this order, as reports print contributions whole; normDoa and isAuthor wait for the highest DOA.
    const contribution: FileContribution = { developer: input.developer, fa: input.fa, dl: input.dl, ac, doa, normDoa: 0, isAuthor: false, lastChange: input.last };
    if (withDecay) {
      const wac = Math.max(0, wmr - input.wdl);
      const weighted = computeDoa(input.wfa, input.wdl, wac);
      if (weighted > highestWeighted) highestWeighted = weighted;
      contribution.decayed = { fa: input.wfa, dl: input.wdl, ac: wac, doa: weighted, normDoa: 0, isAuthor: false };
    }
    contributions.push(contribution);
  }
  for (const contribution of contributions) {
    contribution.normDoa = normalizeDoa(contribution.doa, highest);
    contribution.isAuthor = isAuthor(contribution.doa, contribution.normDoa, contribution.fa);
    const decayed = contribution.decayed;
    if (decayed) {
      decayed.normDoa = normalizeDoa(decayed.doa, highestWeighted);
      decayed.isAuthor = isAuthor(decayed.doa, decayed.normDoa, decayed.fa >= DECAYED_CREATOR_WEIGHT ? 1 : 0);
    }
  }
  return contributions.sort((a, b) => b.doa - a.doa || (a.developer < b.developer ? -1 : a.developer > b.developer ? 1 : 0));
}

/**
 * A set of files on its own: its authors numbered, and the changes (FA + DL) of those authors only,
 * as nobody else's can break a tie of §5.
 */
function numberedSet(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf): NumberedSet {
  const developers = numberDevelopers(nameOf);
  const authors = authorListsOf({ files, developers }, authorsOf);
  let size = 0;
  for (const file of files) size += file.contributions.length;
  const start = new Int32Array(files.length + 1);
  const contributor = new Int32Array(size);
  const changes = new Float64Array(size);
  let length = 0;
  files.forEach((file, index) => {
    for (const contribution of file.contributions) {
      const developer = developers.find(contribution.developer);
      if (developer === undefined) continue;
      contributor[length] = developer;
      changes[length] = contribution.fa + contribution.dl;
      length += 1;
    }
    start[index + 1] = length;
  });
  return {
    developers,
    authors,
    contributions: { start, developer: contributor.subarray(0, length), changes: changes.subarray(0, length) },
    files: Int32Array.from(files, (_, index) => index),
  };
}

const classicAuthors: AuthorsOf = (file) => file.authors;

/** Truck factor of a set of files; `authorsOf` lets departures and decay swap the author sets. */
export function truckFactorOf(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf = classicAuthors): TruckFactor {
  return summarizeSet(numberedSet(files, nameOf, authorsOf)).truckFactor;
}

export function summarizeModule(
  path: string,
  kind: ModuleOwnership['kind'],
  files: readonly FileOwnership[],
  nameOf: (id: string) => string,
  authorsOf: AuthorsOf = classicAuthors,
): ModuleOwnership {
  const set = numberedSet(files, nameOf, authorsOf);
  const { truckFactor, owners } = summarizeSet(set);
  return {
    path,
    kind,
    files: files.length,
    truckFactor,
    owners,
    singleOwnerFiles: files.filter((_, index) => authorCount(set.authors, index) === 1).map((file) => file.path),
    orphanFiles: files.filter((_, index) => authorCount(set.authors, index) === 0).map((file) => file.path),
  };
}
