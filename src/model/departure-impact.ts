import { fileNumbersByModule, moduleKinds } from './modules.ts';
import {
  authorCount,
  authorListsOf,
  authorListsWithout,
  developerFlags,
  isFlagged,
  nameLookup,
  ownershipIndexOf,
  setOf,
  summarizeSet,
  type AuthorsOf,
  type OwnershipIndex,
  type SetSummary,
} from './ownership-index.ts';
import { greedyTruckFactor, rankingWithout, type AuthorLists } from './truck-factor.ts';
import type { ModuleDeparture } from './departures.ts';
import type { Analysis, FileOwnership, ModuleOwnership, TruckFactor } from './types.ts';

// What departures change, METRICS.md §8 (talentrisk extension): the figures before, computed once,
// and the impact of a set of people leaving (no reassignment), for computeDepartures and each step
// of its timeline.

/** The figures before any departure, computed once for every step of the timeline. */
export interface Baseline {
  index: OwnershipIndex;
  nameOf: (id: string) => string;
  authors: AuthorLists;
  repository: SetSummary;
  modules: { path: string; kind: ModuleOwnership['kind']; files: Int32Array; summary: SetSummary }[];
}

export interface Impact {
  orphaned: FileOwnership[];
  modules: ModuleDeparture[];
  truckFactor: TruckFactor;
}

export function baselineOf(analysis: Analysis, authorsOf: AuthorsOf | undefined): Baseline {
  const index = ownershipIndexOf(analysis.files);
  const nameOf = nameLookup(analysis);
  const authors = authorsOf ? authorListsOf(index, authorsOf) : index.classicAuthors;
  const kinds = moduleKinds(analysis);
  const modules = [...fileNumbersByModule(analysis)].map(([path, files]) => ({ path, kind: kinds(path), files, summary: summarizeSet(setOf(index, nameOf, authors, files)) }));
  return { index, nameOf, authors, repository: summarizeSet(setOf(index, nameOf, authors)), modules };
}

/** Files of a set: without an author before, without one after, and lost (an author before, none after). */
export function orphansOf(files: Int32Array, before: AuthorLists, after: AuthorLists): { before: number; after: number; lost: number[] } {
  const counts = { before: 0, after: 0, lost: [] as number[] };
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as number;
    const hadAuthor = authorCount(before, file) > 0;
    const hasAuthor = authorCount(after, file) > 0;
    if (!hadAuthor) counts.before += 1;
    if (!hasAuthor) counts.after += 1;
    if (hadAuthor && !hasAuthor) counts.lost.push(file);
  }
  return counts;
}

/**
 * Removing authors changes nobody else's authored files or changes, so the ranking after the
 * departures is the ranking before without them (METRICS.md §5 and §8: no reassignment).
 */
export function impactOf(baseline: Baseline, gone: ReadonlySet<string>): Impact {
  const { index, nameOf, authors: before } = baseline;
  const flags = developerFlags(index, gone);
  const isGone = (developer: number) => isFlagged(flags, developer);
  const after = authorListsWithout(before, flags);
  const pathOf = (file: number) => (index.files[file] as FileOwnership).path;
  const orphaned = orphansOf(index.allFiles, before, after).lost.map((file) => index.files[file] as FileOwnership);
  const modules: ModuleDeparture[] = [];
  for (const { path, kind, files, summary: prior } of baseline.modules) {
    const departingOwners = prior.owners.filter((owner) => gone.has(owner.id));
    if (departingOwners.length === 0) continue;
    const truckFactorAfter = greedyTruckFactor(setOf(index, nameOf, after, files), rankingWithout(prior.ranking, isGone));
    const orphans = orphansOf(files, before, after);
    // Knowledge lost: the files that had an author and have none after (as knowledgeLossOf).
    const lostFiles = orphans.lost.map(pathOf);
    modules.push({
      path,
      kind,
      files: files.length,
      truckFactorBefore: prior.truckFactor,
      truckFactorAfter,
      orphanFilesBefore: orphans.before,
      orphanFilesAfter: orphans.after,
      lostFiles,
      knowledgeLost: files.length > 0 ? lostFiles.length / files.length : 0,
      isOrphaned: orphans.before < files.length && orphans.after === files.length,
      departingOwners,
    });
  }
  // At an equal share, the module that loses more files first: hugo's 206-file tpl, all lost, came
  // after 1- to 4-file modules all lost too, by path (an engineering manager's test).
  modules.sort((a, b) => b.knowledgeLost - a.knowledgeLost || b.lostFiles.length - a.lostFiles.length || a.truckFactorAfter.value - b.truckFactorAfter.value || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const truckFactor = greedyTruckFactor(setOf(index, nameOf, after), rankingWithout(baseline.repository.ranking, isGone));
  return { orphaned, modules, truckFactor };
}
