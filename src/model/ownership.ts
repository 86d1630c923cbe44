import { rankFile, type DoaResult } from './doa.ts';
import { computeTruckFactor, rankAuthors, type TruckFactorFile } from './truck-factor.ts';
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

/** DOA of every developer of the file, plus the decayed figures when `withDecay`. */
export function rankContributions(inputs: readonly ContributionInput[], mr: number, wmr: number, withDecay: boolean): FileContribution[] {
  // AC: M and R events on the file by others; a co-authored commit is accepted once.
  const ac = inputs.map((input) => Math.max(0, mr - input.dl));
  const wac = inputs.map((input) => Math.max(0, wmr - input.wdl));
  const classic = rankFile(inputs.map((input, i) => ({ fa: input.fa, dl: input.dl, ac: ac[i] ?? 0 })));
  const decayed = withDecay
    ? rankFile(
        inputs.map((input, i) => ({ fa: input.wfa, dl: input.wdl, ac: wac[i] ?? 0 })),
        (i) => (inputs[i]?.wfa ?? 0) >= DECAYED_CREATOR_WEIGHT,
      )
    : undefined;
  const contributions = inputs.map((input, i): FileContribution => {
    const rank = classic[i] as DoaResult;
    const contribution: FileContribution = {
      developer: input.developer,
      fa: input.fa,
      dl: input.dl,
      ac: ac[i] ?? 0,
      doa: rank.doa,
      normDoa: rank.normDoa,
      isAuthor: rank.isAuthor,
      lastChange: input.last,
    };
    const weighted = decayed?.[i];
    if (weighted) contribution.decayed = { fa: input.wfa, dl: input.wdl, ac: wac[i] ?? 0, ...weighted };
    return contribution;
  });
  return contributions.sort((a, b) => b.doa - a.doa || (a.developer < b.developer ? -1 : a.developer > b.developer ? 1 : 0));
}

export function toTruckFactorFile(file: FileOwnership, authorsOf: (file: FileOwnership) => readonly string[] = (f) => f.authors): TruckFactorFile {
  const changes = new Map<string, number>();
  for (const contribution of file.contributions) changes.set(contribution.developer, contribution.fa + contribution.dl);
  return { authors: authorsOf(file), changes };
}

/** Truck factor of a set of files; `authorsOf` lets departures and decay swap the author sets. */
export function truckFactorOf(
  files: readonly FileOwnership[],
  nameOf: (id: string) => string,
  authorsOf?: (file: FileOwnership) => readonly string[],
): TruckFactor {
  return computeTruckFactor(files.map((file) => toTruckFactorFile(file, authorsOf)), { nameOf });
}

export function summarizeModule(
  path: string,
  kind: ModuleOwnership['kind'],
  files: readonly FileOwnership[],
  nameOf: (id: string) => string,
  authorsOf: (file: FileOwnership) => readonly string[] = (f) => f.authors,
): ModuleOwnership {
  const tfFiles = files.map((file) => toTruckFactorFile(file, authorsOf));
  return {
    path,
    kind,
    files: files.length,
    truckFactor: computeTruckFactor(tfFiles, { nameOf }),
    owners: rankAuthors(tfFiles, { nameOf }),
    singleOwnerFiles: files.filter((file) => authorsOf(file).length === 1).map((file) => file.path),
    orphanFiles: files.filter((file) => authorsOf(file).length === 0).map((file) => file.path),
  };
}
