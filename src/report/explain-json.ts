import type { BotCommits } from '../model/bot-commits.ts';
import { markedInactive } from '../model/decay.ts';
import { authorsWithoutCoAuthors, folderCoAuthorCredit } from '../model/co-author-credit.ts';
import { explainAuthorship } from '../model/explain.ts';
import { summarizeModule } from '../model/ownership.ts';
import type { Analysis, FileOwnership } from '../model/types.ts';
import type { ExplainFileOutput, ExplainFolderOutput } from './explain-schema.ts';
import { round } from './format.ts';
import { documentHead } from './json-head.ts';

// `talentrisk explain <path> --format json`: one document for a file, another for a folder, both
// beginning as every document does (documentHead) and ending with the analysis's warnings, which
// stderr prints too (a dashboard saw no sign of a shallow clone's partial figures: redis).

export interface ExplainFileFigures {
  /** Display name of a developer id. */
  nameOf: (id: string) => string;
  /** Inactive developers' ids (inactiveDevelopers). */
  inactive: { has(id: string): boolean };
  /** The file's current authors as scan counts them (currentAuthorsOf). */
  currentAuthors: readonly string[];
  /** config model.treatInactiveAsDeparted. */
  treatInactiveAsDeparted: boolean;
  /** Its commits by bots, which no figure counts (undefined: none, or not read). */
  botCommits?: BotCommits | undefined;
  /** Its commits that ignoreRevs lists, which credit nobody (undefined: none, or not read). */
  ignoredCommits?: { commits: number; sources: string[] } | undefined;
}

export function toExplainFileOutput(analysis: Analysis, file: FileOwnership, figures: ExplainFileFigures): ExplainFileOutput {
  const { nameOf, inactive } = figures;
  return {
    ...documentHead('file', analysis.model, analysis.repository),
    path: file.path,
    authors: file.authors,
    developers: file.contributions.map((c) => ({
      id: c.developer,
      name: nameOf(c.developer),
      fa: c.fa,
      dl: c.dl,
      ac: c.ac,
      doa: round(c.doa, 3),
      normDoa: round(c.normDoa, 3),
      isAuthor: c.isAuthor,
      lastChange: new Date(c.lastChange * 1000).toISOString(),
      bulk: c.bulk ?? 0,
      coAuthorFa: c.coAuthorFa ?? 0,
      coAuthorDl: c.coAuthorDl ?? 0,
      reason: explainAuthorship(c),
      // The recency figures of the talentrisk model only (--model classic has none).
      ...(c.decayed
        ? {
            inactive: inactive.has(c.developer),
            // Six places: near the 3.293 floor, three made an author and a non-author look alike.
            current: { fa: round(c.decayed.fa, 6), dl: round(c.decayed.dl, 6), ac: round(c.decayed.ac, 6), doa: round(c.decayed.doa, 6), normDoa: round(c.decayed.normDoa, 6), isAuthor: c.decayed.isAuthor },
          }
        : {}),
    })),
    // Where co-authors are counted: the authors without them (a squash-merge's trailers can outrank a file's creator).
    ...(analysis.settings.coAuthors ? { authorsWithoutCoAuthors: [...authorsWithoutCoAuthors(file)] } : {}),
    botCommits: figures.botCommits ?? null,
    ignoredCommits: figures.ignoredCommits ?? null,
    ...(file.contributions.some((c) => c.decayed)
      ? {
          currentAuthors: [...figures.currentAuthors],
          settings: {
            referenceDate: analysis.settings.referenceDate,
            halfLifeDays: analysis.settings.halfLifeDays,
            inactiveAfterDays: analysis.settings.inactiveAfterDays,
            treatInactiveAsDeparted: figures.treatInactiveAsDeparted,
          },
        }
      : {}),
    warnings: analysis.warnings,
  };
}

export function toExplainFolderOutput(analysis: Analysis, folder: string, files: FileOwnership[], nameOf: (id: string) => string, notAnalysed: readonly { rule: string; files: number }[] = []): ExplainFolderOutput {
  const module = summarizeModule(folder, 'folder', files, nameOf);
  // Marked as the folder's table marks them "(inactive)" (none under --model classic): tokio's
  // dashboard could not tell them apart in the JSON.
  const inactive = markedInactive(analysis);
  const member = (m: { id: string; files: number; share: number }) => ({ id: m.id, name: nameOf(m.id), files: m.files, share: round(m.share), ...(inactive.has(m.id) ? { inactive: true as const } : {}) });
  // Where co-authors are counted: of each one's files, those only co-author credit makes theirs,
  // and the truck factor without it (laravel's src/Illuminate/Support, a review).
  const coAuthors = analysis.settings.coAuthors ? folderCoAuthorCredit(analysis, files) : undefined;
  const owner = (m: { id: string; files: number; share: number }) => ({ ...member(m), ...(analysis.settings.coAuthors ? { coAuthorOnlyFiles: coAuthors?.onlyAsCoAuthor.get(m.id) ?? 0 } : {}) });
  return {
    ...documentHead('folder', analysis.model, analysis.repository),
    path: folder,
    files: module.files,
    truckFactor: { value: module.truckFactor.value, coverage: round(module.truckFactor.coverage), developers: module.truckFactor.developers.map(owner) },
    developers: module.owners.map(owner),
    singleOwnerFiles: module.singleOwnerFiles,
    orphanFiles: module.orphanFiles,
    notAnalysed: notAnalysed.map((entry) => ({ rule: entry.rule, files: entry.files })),
    ...(analysis.settings.coAuthors
      ? {
          truckFactorWithoutCoAuthors: coAuthors
            ? { value: coAuthors.truckFactor.value, coverage: round(coAuthors.truckFactor.coverage), developers: coAuthors.truckFactor.developers.map(member) }
            : null,
        }
      : {}),
    revision: analysis.repository.revision,
    warnings: analysis.warnings,
  };
}
