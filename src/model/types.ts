/**
 * Glossary (../docs/metrics.md has the full definitions, after METRICS.md):
 * - event: one commit touching one file — A (added), M (modified) or R (renamed). Merges carry none.
 * - FA: 1 when the developer added the file (first authorship).
 * - DL: deliveries — the developer's M and R events on the file.
 * - AC: acceptances — M and R events on the file by others.
 * - DOA: Degree of Authorship, 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC).
 * - author: normDOA > 0.75 and (DOA ≥ 3.293 or FA = 1).
 * - truck factor: how many top authors must leave before fewer than half the files have an author.
 */

export interface Developer {
  /** Stable id: the developer's most used email, lower-cased. */
  id: string;
  /**
   * The name the developer is shown by: the most frequent among their identities, with their address
   * added ("Name <a@x.org>", "Name (no email)") when another developer of the analysis has that name
   * too (distinct-names.ts).
   */
  name: string;
  /** The name alone, when `name` has their address added: the name git has for them. Absent otherwise. */
  sharedName?: string;
  emails: string[];
  names: string[];
  commits: number;
  /** ISO dates of the first and last (non-merge) commit. */
  firstCommit: string;
  lastCommit: string;
}

/** One developer's standing on one file. */
export interface FileContribution {
  developer: string;
  fa: 0 | 1;
  dl: number;
  ac: number;
  doa: number;
  normDoa: number;
  isAuthor: boolean;
  /** Unix seconds of the developer's newest event on the file. */
  lastChange: number;
  /**
   * Of `dl`, the changes made in bulk commits: commits that change or move BULK_CHANGES analysed
   * files or more (a sweep, a reorganisation; authorship.ts), not those listed in acknowledgedRevs.
   * Absent when none. Counted in `dl` as METRICS §4 has it; said beside it (spring-boot: a successor
   * whose only change to hundreds of files was one directory move, an engineering manager's test).
   */
  bulk?: number;
  /** Recency-weighted figures (extension, METRICS.md §7); present when decay is computed. */
  decayed?: { fa: number; dl: number; ac: number; doa: number; normDoa: number; isAuthor: boolean };
  /**
   * Of `dl`, the changes credited to them only through a `Co-authored-by:` trailer on someone else's
   * commit (config model.coAuthors). Absent when none. Counted in `dl` as the model has it; said
   * beside it: laravel's maintainer authors 820 of his 2,098 files only through the trailers GitHub
   * adds when he pushes a tweak to a pull request before squash-merging it (an engineering manager).
   */
  coAuthorDl?: number;
  /** 1 when `fa` is 1 only through a co-author trailer (someone else's commit added the file). Absent otherwise. */
  coAuthorFa?: 1;
}

export interface FileOwnership {
  path: string;
  /** Author ids, highest DOA first (ties by id). */
  authors: string[];
  /** Every developer with at least one event on the file, highest DOA first. */
  contributions: FileContribution[];
  /** Events on the file (A, M and R by anyone), for context. */
  events: number;
  /** Unix seconds of the newest event on the file. */
  lastChange: number;
  /**
   * M and R events on the file that credit co-authors only (the commit's author is a bot): without
   * co-author credit they would be nobody's change (co-author-credit.ts). Absent when none.
   */
  coAuthorOnlyChanges?: number;
}

export interface TruckFactorMember {
  id: string;
  /** Files (of the set analysed) the developer authors. */
  files: number;
  /** files / number of files of the set. */
  share: number;
}

export interface TruckFactor {
  value: number;
  /** Share of the set's files that still have an author after the removals. */
  coverage: number;
  /** The removed developers, in order. */
  developers: TruckFactorMember[];
}

/** A chain of folders that hold nothing but one subfolder, from its first folder to where it branches (module-chains.ts). */
export interface ModuleChain {
  /** The first folder of the chain ('.' when the repository root holds nothing but one folder). */
  from: string;
  /** The folder where the chain branches: its folders are modules in the place of `from`. */
  to: string;
}

export interface ModuleOwnership {
  path: string;
  /** 'folder' for a folder at the module depth, 'workspace' for a detected workspace package, 'root' for a config `modules.roots` folder. */
  kind: 'folder' | 'workspace' | 'root';
  files: number;
  truckFactor: TruckFactor;
  /** Authors of the module's files, most files first, with their share of the module's files. */
  owners: TruckFactorMember[];
  /** Files with exactly one author. */
  singleOwnerFiles: string[];
  /** Files with no author at all. */
  orphanFiles: string[];
}

export interface ExclusionCount {
  rule: string;
  files: number;
  /**
   * For the vendor-folder rule: the folders it matched (`deps/`, `web/node_modules/`, with their
   * slash; a Yarn Plug'n'Play loader by its own path), most files first. redis's header said "679
   * in vendor folders", and nothing said that its own deps/Makefile was among them (a tester).
   */
  folders?: { path: string; files: number }[];
}

export interface DeveloperSummary extends Developer {
  /** Analysed files the developer authors. */
  filesAuthored: number;
}

export interface RepositoryInfo {
  path: string;
  /** The commit analysed. */
  revision: string;
  /** What was asked for (`HEAD`, a branch, `main until 2024-01-01`). */
  requested: string;
  /** Committer date of the revision (ISO). */
  revisionDate: string;
  /** When the analysis ran (ISO). The reference date of the decayed figures is the end of its UTC day, unless --until is given. */
  analyzedAt: string;
  isShallow: boolean;
  isPartial: boolean;
  /**
   * In a shallow clone, the day (YYYY-MM-DD) its analysed history begins: the oldest first commit of
   * its developers (oldestCommitDay); null when the clone is not shallow (or no developer is left).
   */
  shallowSince: string | null;
}

export interface AnalysisStats {
  /** Non-merge commits read. */
  commits: number;
  developers: number;
  /** Files analysed. */
  files: number;
  /** Tracked files not analysed (every exclusion rule together). */
  excludedFiles: number;
  trackedFiles: number;
  bots: number;
  /** Of the commits, those the bots authored, left out of every figure (fastapi's 3,259 of 7,678: a CI maintainer read "11 bots ignored" as a few commits). */
  botCommits: number;
  /** Commits read without full rename detection (exact renames only) because blobs were missing. */
  commitsWithoutRenames: number;
}

export type ModelName = 'talentrisk' | 'classic';

/** The result of one scan: every command reads it, every reporter renders it. */
export interface Analysis {
  repository: RepositoryInfo;
  model: ModelName;
  settings: {
    moduleDepth: number;
    /** Chains of folders that hold nothing but one subfolder, followed by the automatic depth (module-chains.ts); [] with a depth given. */
    moduleChains: ModuleChain[];
    halfLifeDays: number;
    inactiveAfterDays: number;
    /** Reference date of recency: decayed weights and inactivity are measured from it (ISO): --until, or 23:59:59 UTC of the analysis day. */
    referenceDate: string;
    coAuthors: boolean;
  };
  stats: AnalysisStats;
  developers: DeveloperSummary[];
  files: FileOwnership[];
  truckFactor: TruckFactor;
  modules: ModuleOwnership[];
  exclusions: ExclusionCount[];
  /** Bot accounts removed from the metrics (names). */
  bots: string[];
  /**
   * Per developer id, the (non-merge) commits by others that credit them in a `Co-authored-by:`
   * trailer; only developers with some, and absent when nobody has any (co-authors off, or none).
   */
  coAuthorCommits?: Record<string, number>;
  warnings: string[];
}
