import { authorFigures } from '../model/contribution-store.ts';
import { markedInactive } from '../model/decay.ts';
import { moduleCategory } from '../model/module-category.ts';
import { rankModulesByRisk } from '../model/modules.ts';
import type { Analysis, FileOwnership, TruckFactorMember } from '../model/types.ts';
import { round } from './format.ts';
import { documentHead } from './json-head.ts';
import { JsonList } from './json-pieces.ts';
import type { ScanOutput } from './scan-schema.ts';

/** A scan's JSON document (ScanOutput) with its file entries made as they are printed. */
export type ScanDocument = Omit<ScanOutput, 'files'> & { files: JsonList<ScanOutput['files'][number]> };

/**
 * The versioned JSON document of a scan. Extra sections (critical, departures) are merged in.
 * `inactive`: the developers the tables mark "(inactive)" (markedInactive; the scan's result has them).
 */
export function toScanOutput(analysis: Analysis, extra: Record<string, unknown> = {}, inactive: ReadonlySet<string> = markedInactive(analysis)): ScanDocument {
  const byId = new Map(analysis.developers.map((developer) => [developer.id, developer]));
  // Marked as the tables mark them: a dashboard had to join every module's owners with
  // current.inactive to tell tokio's silent owners apart (a first-time user).
  const member = (m: TruckFactorMember) => ({ id: m.id, name: byId.get(m.id)?.name ?? m.id, files: m.files, share: round(m.share), ...(inactive.has(m.id) ? { inactive: true as const } : {}) });
  // The table's order, which the path-sorted list cannot be put back into without it (tokio).
  const rank = new Map(rankModulesByRisk(analysis.modules).map((module, index) => [module, index + 1]));
  return {
    ...documentHead('scan', analysis.model, analysis.repository),
    settings: analysis.settings,
    stats: analysis.stats,
    exclusions: analysis.exclusions,
    truckFactor: {
      value: analysis.truckFactor.value,
      coverage: round(analysis.truckFactor.coverage),
      developers: analysis.truckFactor.developers.map((m) => ({ ...member(m), emails: byId.get(m.id)?.emails ?? [] })),
    },
    developers: analysis.developers.map((d) => ({
      id: d.id,
      name: d.name,
      emails: d.emails,
      names: d.names,
      commits: d.commits,
      filesAuthored: d.filesAuthored,
      firstCommit: d.firstCommit,
      lastCommit: d.lastCommit,
    })),
    modules: analysis.modules.map((module) => ({
      path: module.path,
      rank: rank.get(module) as number,
      kind: module.kind,
      category: moduleCategory(module),
      files: module.files,
      truckFactor: { value: module.truckFactor.value, coverage: round(module.truckFactor.coverage), developers: module.truckFactor.developers.map(member) },
      developers: module.owners.map(member),
      singleOwnerFiles: module.singleOwnerFiles,
      orphanFiles: module.orphanFiles,
    })),
    files: new JsonList(analysis.files.length, (index) => {
      const file = analysis.files[index] as FileOwnership;
      return {
        path: file.path,
        // Not file.contributions: packed contributions are built only when asked for.
        authors: authorFigures(file).map((c) => ({ id: c.developer, doa: round(c.doa, 3), normDoa: round(c.normDoa, 3) })),
      };
    }),
    bots: analysis.bots,
    warnings: analysis.warnings,
    ...extra,
  };
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
