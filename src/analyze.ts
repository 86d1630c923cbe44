import { IGNORE_REVS_FILE } from './config/defaults.ts';
import type { Config } from './config/schema.ts';
import { buildId } from './build-id.ts';
import { gitEnvironment, openHistoryCache, sha256, userCacheDir, type HistoryCache } from './git/cache.ts';
import { historyConcurrency } from './git/client.ts';
import { walkHistory } from './git/history.ts';
import { RENAME_LIMIT, renameDetectionSkipped, UNREADABLE_AUTHOR } from './git/log-format.ts';
import { missingObjectsIn } from './git/log-reads.ts';
import { cachedGeneratedFilesAt, type GeneratedFilesStore } from './git/generated-files.ts';
import { readMergeAuthors } from './git/merge-authors.ts';
import { checkMailmap, listTrackedFiles, openRepository, readFilesAt, renameModeOf, resolveRevision, shallowBoundary, treelessFilter, type Repository } from './git/repo.ts';
import { UsageError } from './errors.ts';
import { SubtreeSquashes } from './git/subtree.ts';
import { BULK_ADDS, bulkCommitWarnings, CROWDED_FILES, CROWDED_PEOPLE, lookAlikeWarning, nameBridgeWarning, selfCoAuthorshipWarning, sharedAddressWarnings, squashWarning, unmatchedAliasWarning, type BulkCommit } from './history-warnings.ts';
import type { CommitRecord, FileChange, ResolvedRevision, Signature } from './git/types.ts';
import { AuthorshipFold, BULK_CHANGES, type FoldChange } from './model/authorship.ts';
import { botPatternsCatchingPeople } from './model/automation.ts';
import { ContributionStore } from './model/contribution-store.ts';
import { withConversions } from './model/conversions.ts';
import { distinctNames, usualName } from './model/distinct-names.ts';
import { EXCLUSION_RULES, selectFiles, vendorFoldersOf, type ExclusionRule, type FileFilterOptions } from './model/files.ts';
import type { GeneratedBy } from './model/generated-header.ts';
import { unmatchedGlobs } from './model/globs.ts';
import { loadCodeMatcher } from './code-matcher.ts';
import { createBotMatcher, IdentityTable, nameBridges, resolveIdentities, sharedAddressIdentities, unmatchedAliases, wildcardMatcher, type IdentityStats, type ResolvedDeveloper } from './model/identity.ts';
import { ignoredRevisions, ignoreRevsFilePath, parseIgnoreRevsFile } from './model/ignore-revs.ts';
import { lastMerges, type MergeAuthor } from './model/merge-activity.ts';
import { chainedFolders } from './model/module-chains.ts';
import { SelfCoAuthorships } from './model/self-co-authors.ts';
import { assignModules, chooseModuleDepth, folderAtDepth, rootFolder } from './model/modules.ts';
import { numberDevelopers } from './model/ownership-index.ts';
import { rankedFile, summarizeModule, truckFactorOf } from './model/ownership.ts';
import { oldestCommitDay, referenceDate } from './model/analysis-date.ts';
import type { Analysis, DeveloperSummary, FileOwnership, ModelName } from './model/types.ts';
import { detectWorkspaces, WORKSPACE_MANIFESTS, type WorkspaceSources } from './workspaces.ts';

export interface AnalyzeOptions {
  path: string;
  rev: string;
  until?: Date | undefined;
  model: ModelName;
  config: Config;
  /** Overrides config modules.depth. */
  depth?: number | undefined;
  env?: Record<string, string | undefined>;
  /** The clock, for reproducible tests. */
  now?: Date;
  /** Reuse and update the parsed-history cache (default true; --no-cache turns it off). */
  cache?: boolean;
  /** Keep only programming and markup files (GitHub Linguist), as the published study did. */
  onlyCode?: boolean;
  /** An already opened repository (opened with historyConcurrency()), so it is not opened twice. */
  repository?: Repository;
  /** `rev`/`until` already resolved by the caller (the result cache needs the commit id first). */
  revision?: ResolvedRevision;
  /** The git environment fingerprint, when the caller already computed it (cache.ts gitEnvironment). */
  gitEnvironment?: string;
  /** The cache, when the caller already opened it (the result cache): its warnings go to the caller. */
  historyCache?: HistoryCache;
  /** Commits per chunk of the history walk (tests; the default suits real repositories). */
  historyChunkSize?: number;
}

export interface AnalyzeHooks {
  onPhase?(phase: 'history' | 'authorship' | 'modules', detail?: { commits?: number }): void;
  onProgress?(commitsRead: number, total: number): void;
  onWarning?(message: string): void;
  /** Once the history is read, when rename detection had to be limited for some commits: their ids, and the objects git named unreadable. */
  onCommitsWithoutRenames?(ids: readonly string[], objects: readonly string[]): void;
}

const DAY = 86_400;

/** How the scan header and explain name the files `--only-code` leaves out. */
export const ONLY_CODE_RULE = 'not programming or markup (--only-code)';

/** Why a tracked file is not analysed: its selection rule, a submodule, no counted history, or --only-code. */
export type NotAnalysedReason = ExclusionRule | 'submodule' | 'history' | 'onlyCode';

/** Runs a whole scan: history → identities → DOA → truck factors. Never prints. */
export async function analyze(options: AnalyzeOptions, hooks: AnalyzeHooks = {}): Promise<Analysis> {
  const extensions = options.model !== 'classic';
  const config = options.config;
  const concurrency = historyConcurrency();
  const repo = options.repository ?? (await openRepository(options.path, { env: options.env ?? {}, concurrency }));
  const revision = options.revision ?? (await resolveRevision(repo, options.rev, options.until));
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    hooks.onWarning?.(message);
  };
  if (repo.info.isShallow) {
    warn('this is a shallow clone: the figures cover only the fetched history (run `git fetch --unshallow` for all of it)');
  }

  // Start reading history now: git lists (and already diffs) commits while the files are selected.
  hooks.onPhase?.('history');
  // Commits read without full rename detection (each chunk's own: no commit is named twice).
  const withoutRenames: string[] = [];
  const missingObjects = new Set<string>();
  const treeless = treelessFilter(repo);
  if (treeless) {
    throw new UsageError(`this clone has no trees of past commits (filter ${treeless}): git cannot say which files a commit changed without them`, {
      hint: 'clone without trees left out: `git clone --filter=blob:none` (actions/checkout: `filter: blob:none`), or a full clone',
    });
  }
  if (repo.info.isPartial) {
    // The generated-header check is named too: SQLAlchemy's generated tests were analysed in a partial clone and not in a full one, silently (a re-test).
    warn(
      "this is a partial clone: renames are detected only where the content did not change (finding the others would make git download the missing blobs), so a file moved and edited in one commit starts a new history, and files are not read for a generated-code header (.gitattributes linguist-generated still applies); figures can differ from a full clone's",
    );
  }
  // Opened once: the walk's history and the revision's generated files share it.
  const cache = options.cache === false ? undefined : (options.historyCache ?? openHistoryCache({ gitDir: repo.info.gitDir, fallbackDir: userCacheDir(options.env ?? {}) }, warn));
  const history = walkHistory(repo, revision.sha, {
    readAhead: concurrency,
    ...(options.historyChunkSize ? { chunkSize: options.historyChunkSize } : {}),
    renames: renameModeOf(repo),
    onListed: (total) => hooks.onPhase?.('history', { commits: total }),
    onChunk: (read, total) => hooks.onProgress?.(read, total),
    onRenameFallback: (_count, reason, ids) => {
      withoutRenames.push(...ids);
      for (const object of missingObjectsIn(reason)) missingObjects.add(object);
    },
    onWarning: warn,
    environment: options.gitEnvironment,
    cache,
  });

  const { files: tracked, submodules } = await listTrackedFiles(repo, revision.sha);
  // Every file the analysis reads at the revision (.gitattributes, workspace manifests), in two git
  // calls: one each would queue behind the history walk's git processes.
  const attributeFiles = attributeFilesOf(tracked, config, extensions);
  const manifests = config.modules.workspaces ? (Object.entries(WORKSPACE_MANIFESTS) as [keyof WorkspaceSources, string][]).filter(([, file]) => tracked.includes(file)) : [];
  // config ignoreRevsFile (.git-blame-ignore-revs), as committed at the revision: the result's key covers it.
  const ignoreFile = extensions ? ignoreRevsFilePath(config.ignoreRevsFile) : undefined;
  const readIgnoreFile = ignoreFile !== undefined && tracked.includes(ignoreFile);
  // Beside it: the files whose content says a tool wrote them (a default exclusion).
  // Keyed by the git environment too: replace refs and grafts change the tree `git grep <sha>` reads (a review).
  const environment = cache && extensions && config.defaultExclusions ? (options.gitEnvironment ?? (await gitEnvironment(repo))) : '';
  const generated = generatedFilesIfExcluded(repo, revision.sha, config, extensions, cache && { cache, keyOf: (sha) => generatedFilesKey(environment, sha) });
  const texts = await readFilesAt(repo, revision.sha, [...attributeFiles, ...manifests.map(([, file]) => file), ...(readIgnoreFile ? [ignoreFile] : [])]);
  const selection = selectFiles(tracked, fileFilterOf(config, extensions, attributeFiles, texts, await generated));

  for (const [key, globs] of [['include', config.include], ['exclude', config.exclude]] as const) {
    for (const glob of unmatchedGlobs(globs, tracked)) warn(`config ${key} glob ${JSON.stringify(glob)} matches no tracked file`);
  }

  if (options.onlyCode) {
    const isCode = await loadCodeMatcher();
    const before = selection.analysed.length;
    selection.analysed = selection.analysed.filter(isCode);
    if (before > selection.analysed.length) selection.counts.push({ rule: ONLY_CODE_RULE, files: before - selection.analysed.length });
  }

  const now = options.now ?? new Date();
  // The analysis date is a day, as --until's is: ages are measured from the end of it, so two scans
  // of the same revision on the same day give the same figures (and can share a cached result).
  const reference = referenceDate(options.until, now);
  const referenceTime = Math.floor(reference.getTime() / 1000);
  // Who merged lately, while the history is read: a merge counts for who is active (merge-activity.ts).
  // Optional: if git cannot say, activity is read from the other commits, with a warning.
  const merges = extensions
    ? readMergeAuthors(repo, revision.sha, referenceTime - config.model.inactiveAfter * DAY).catch((error: unknown) => {
        warn(`merges could not be read (${error instanceof Error ? error.message : String(error)}): who is active is judged from the other commits`);
        return [];
      })
    : undefined;
  const { files, noHistory, people, bots, botCommits, commitCount, contributors, renameSkips, squashes, coAuthorCommits } = await readOwnership(repo, history, selection.analysed, {
    extensions,
    renames: renameModeOf(repo) === true,
    boundary: shallowBoundary(repo.info),
    config,
    ignoreFile: ignoreFileOf(ignoreFile, readIgnoreFile ? texts.get(ignoreFile) : undefined, config, warn),
    referenceTime,
    merges,
    hooks,
    warn,
    afterWalk: () => {
      if (withoutRenames.length > 0) {
        hooks.onCommitsWithoutRenames?.(withoutRenames, [...missingObjects]);
        warn(
          `rename detection was limited to files moved unchanged (or, where git could not compare even those, turned off) in ${withoutRenames.length} commit(s) (${shortIds(withoutRenames)}) because git could not read some blobs (a partial clone, or a history without its large files); a file moved and edited in those commits counts as deleted and added, so its history before them is not followed`,
        );
      }
    },
  });
  // A commit read without renames (missing blobs) is reported above.
  const unread = new Set(withoutRenames);
  const skips = renameSkips.filter((skip) => !unread.has(skip.sha));
  if (skips.length > 0) {
    const sizes = skips.map((skip) => `${skip.sha.slice(0, 12)}: ${skip.added} added, ${skip.deleted} deleted`);
    warn(
      `git did not look for edited renames in ${skips.length} commit(s) with more than ${RENAME_LIMIT} × ${RENAME_LIMIT} added × deleted files (${sizes.slice(0, 3).join('; ')}${sizes.length > 3 ? `; +${sizes.length - 3} more` : ''}); a file moved and changed there counts as created by that commit's author, and its history before it is not followed`,
    );
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A name that is not valid UTF-8 reads with U+FFFD, and so would another name of the history
  // with other bad bytes (a file deleted since): git's output cannot tell them apart, and their
  // events would count for one file. Two such names at the revision are left out (files.ts);
  // one is analysed, with this warning (a re-test found Ben crediting Ann's file that way).
  const unreadable = files.filter((file) => file.path.includes('\ufffd'));
  if (unreadable.length > 0) {
    warn(
      `${unreadable.length === 1 ? `${JSON.stringify(unreadable[0]?.path)} has a name` : `${unreadable.length} analysed files have names`} that git stores as bytes that are not UTF-8 (shown as U+FFFD): if the history had another name that reads alike, its events count here too`,
    );
  }
  // Which vendor folders: redis's "679 in vendor folders" were all of deps/, its own Makefile too (a tester).
  const exclusions = selection.counts.map((count) => (count.rule === EXCLUSION_RULES.vendorFolder ? { ...count, folders: vendorFoldersOf(selection.excluded) } : count));
  if (submodules.length > 0) exclusions.push({ rule: 'submodule', files: submodules.length });
  // In a shallow clone, a file nobody changed in the fetched history (its creation lies beyond it).
  const none = repo.info.isShallow ? 'no change in the fetched history' : 'no history';
  // Whatever credits nobody is named: redis's 518 such files were jemalloc and hiredis, which only
  // subtree squashes changed, under "(or only bot commits)" (a tester).
  const creditingNobody = ['bot commits', ...(config.ignoreRevs.length > 0 || readIgnoreFile ? ['ignoreRevs'] : []), ...(squashes ? ['subtree squashes'] : [])];
  if (noHistory > 0) exclusions.push({ rule: extensions ? `${none} (or only ${[creditingNobody.slice(0, -1).join(', '), creditingNobody.at(-1)].filter(Boolean).join(' or ')})` : none, files: noHistory });

  const names = new Map(people.map((developer) => [developer.id, developer.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const truckFactor = truckFactorOf(files, nameOf);

  hooks.onPhase?.('modules');
  const workspaceSources: WorkspaceSources = {};
  for (const [key, file] of manifests) workspaceSources[key] = texts.get(file);
  const analysedPaths = files.map((file) => file.path);
  const roots = moduleRoots(config.modules.roots, tracked, warn);
  const workspaces = [...detectWorkspaces(workspaceSources, tracked), ...roots];
  // A root is a module as a package is, but no package: the JSON called svelte's four roots
  // workspace packages, beside pnpm's two (a dashboard builder).
  const rootFolders = new Set(roots);
  // A depth given is the user's: every folder counts. The automatic one follows chains (module-chains.ts).
  const givenDepth = options.depth ?? config.modules.depth;
  const chained = givenDepth === undefined ? chainedFolders(analysedPaths, workspaces) : undefined;
  const folderOf = chained?.folderOf ?? folderAtDepth;
  const moduleDepth = givenDepth ?? chooseModuleDepth(analysedPaths, folderOf);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const modules = [...assignModules(analysedPaths, moduleDepth, workspaces, folderOf)]
    .map(([path, module]) => summarizeModule(path, module.kind === 'workspace' && rootFolders.has(path) ? 'root' : module.kind, module.files.map((file) => byPath.get(file) as FileOwnership), nameOf))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const authoredCount = new Map<string, number>();
  for (const file of files) {
    for (const id of file.authors) authoredCount.set(id, (authoredCount.get(id) ?? 0) + 1);
  }
  const developers: DeveloperSummary[] = people
    .filter((developer) => developer.commits > 0 || contributors.has(developer.id))
    .map((developer) => ({
      id: developer.id,
      name: developer.name,
      ...(developer.sharedName !== undefined ? { sharedName: developer.sharedName } : {}),
      emails: developer.emails,
      names: developer.names,
      commits: developer.commits,
      firstCommit: new Date(developer.firstTime * 1000).toISOString(),
      lastCommit: new Date(developer.lastTime * 1000).toISOString(),
      filesAuthored: authoredCount.get(developer.id) ?? 0,
    }))
    .sort((a, b) => b.filesAuthored - a.filesAuthored || b.commits - a.commits || (a.id < b.id ? -1 : 1));
  // By the names alone: two developers of one name are kept apart on purpose, not names that look alike.
  const lookAlike = lookAlikeWarning(developers.map((developer) => ({ ...developer, name: usualName(developer) })), truckFactor, modules, extensions, extensions ? options.config.people : []);
  if (lookAlike) warn(lookAlike);

  return {
    repository: {
      path: repo.info.root,
      revision: revision.sha,
      requested: revision.requested,
      revisionDate: revision.date,
      analyzedAt: now.toISOString(),
      isShallow: repo.info.isShallow,
      isPartial: repo.info.isPartial,
      // Once, here, for every report: from the developers already counted (no git call).
      shallowSince: repo.info.isShallow ? oldestCommitDay(developers) || null : null,
    },
    model: options.model,
    settings: {
      moduleDepth,
      moduleChains: chained?.chains(moduleDepth) ?? [],
      halfLifeDays: config.model.halfLife,
      inactiveAfterDays: config.model.inactiveAfter,
      referenceDate: reference.toISOString(),
      coAuthors: extensions && config.model.coAuthors,
    },
    stats: {
      commits: commitCount,
      developers: developers.length,
      files: files.length,
      excludedFiles: tracked.length + submodules.length - files.length,
      trackedFiles: tracked.length + submodules.length,
      bots: bots.length,
      botCommits,
      commitsWithoutRenames: withoutRenames.length,
    },
    developers,
    files,
    truckFactor,
    modules,
    exclusions,
    bots: bots.sort(),
    ...(coAuthorCommits.size > 0 ? { coAuthorCommits: Object.fromEntries(coAuthorCommits) } : {}),
    warnings,
  };
}

const NO_CHANGES: readonly FoldChange[] = [];

interface OwnershipContext {
  extensions: boolean;
  /** Whether the walk detects renames (git -M): commits where git skipped it are reported. */
  renames: boolean;
  /** A shallow clone's boundary commits: their changes are not counted (see shallowBoundary). */
  boundary: ReadonlySet<string>;
  config: Config;
  /** The commits config ignoreRevsFile lists (.git-blame-ignore-revs), with the file's name; undefined when none was read. */
  ignoreFile: { name: string; ids: string[] } | undefined;
  /** Unix seconds of the reference date of the decayed figures. */
  referenceTime: number;
  /** The authors of the merges made within the inactivity window (extension). */
  merges: Promise<MergeAuthor[]> | undefined;
  hooks: AnalyzeHooks;
  warn: (message: string) => void;
  /** Called once the history is read, before the authorship phase. */
  afterWalk: () => void;
}

interface Ownership {
  files: FileOwnership[];
  /** Analysed paths without any event (or only bot events). */
  noHistory: number;
  people: NamedDeveloper[];
  bots: string[];
  botCommits: number;
  commitCount: number;
  /** Developers with a contribution to an analysed file (co-authors without commits of their own count). */
  contributors: Set<string>;
  /** Commits in which git skipped rename detection (too many added × deleted files), in walk order. */
  renameSkips: { sha: string; added: number; deleted: number }[];
  /** Whether `git subtree --squash` commits were read (they credit nobody). */
  squashes: boolean;
  /** Per developer id: the commits by others that credit them as a co-author (Analysis.coAuthorCommits). */
  coAuthorCommits: Map<string, number>;
}

/** A resolved developer as the reports name them: `name` told apart from others' (distinct-names.ts), `sharedName` the name alone then. */
type NamedDeveloper = ResolvedDeveloper & { sharedName?: string };

/** Both promises settled, or undefined when neither is a promise. */
function both(a: Promise<void> | undefined, b: Promise<void> | undefined): Promise<void> | undefined {
  return a && b ? Promise.all([a, b]).then(() => undefined) : (a ?? b);
}

/**
 * A `git subtree --squash` commit's changes where they live in the repository: its tree is the
 * subtree folder's content, so its `Makefile` is `deps/jemalloc/Makefile`. Read as they are, redis's
 * squashed hiredis and jemalloc imports added a top-level `Makefile`, `README.md` and `.gitignore`,
 * which the fold took for their creation: redis's own history of them before it was lost (a team
 * lead's test).
 */
function underSubtree(changes: readonly FileChange[], folder: string): FileChange[] {
  return changes.map((change) =>
    change.oldPath === undefined ? { status: change.status, path: `${folder}/${change.path}` } : { status: change.status, path: `${folder}/${change.path}`, oldPath: `${folder}/${change.oldPath}` },
  );
}

/**
 * Folds the history and turns the tallies into per-file ownership (unsorted). The fold lives only
 * in here: once the files are built, nothing keeps it, so it is gone before the later phases run.
 */
async function readOwnership(repo: Repository, history: AsyncIterable<CommitRecord[]>, paths: readonly string[], context: OwnershipContext): Promise<Ownership> {
  const { extensions, config, referenceTime, hooks } = context;
  const halfLife = config.model.halfLife * DAY;
  const fold = new AuthorshipFold(paths, {
    weight: extensions ? (time) => Math.pow(2, -Math.max(0, referenceTime - time) / halfLife) : undefined,
    // The changes of a sweep or a reorganisation are counted apart too (FileContribution.bulk).
    bulkFiles: BULK_CHANGES,
  });

  const isBot = extensions ? createBotMatcher(config.bots) : () => false;
  const identities = new IdentityTable(isBot);
  const coAuthors = extensions && config.model.coAuthors;
  // A co-author who is the commit's author under another spelling (ohmyzsh: Rolf Schröder with
  // "Co-authored-by: Rolf Schroeder"): one developer (extension, with co-authors).
  const selfCoAuthorships = new SelfCoAuthorships(identities.list);

  let commitCount = 0;
  const credited: number[] = [];
  const renameSkips: Ownership['renameSkips'] = [];
  const { boundary } = context;
  let boundaryCommits = 0;
  const unreadable: string[] = [];
  // Commits dated after the analysis date: a clock was wrong (decay and inactivity count them as of that date).
  const future = { count: 0, latest: 0, sha: '' };
  // Commits that add a great many files at once: an import (deno's "merge deno_core repo into main
  // repo" made one person the creator of 438 files), whose history is elsewhere.
  const imports: BulkCommit[] = [];
  // Commits that change a great many files at once: a sweep (jest's copyright update of 1,730 files
  // made its author #3 of the truck factor with 18 commits), which `ignoreRevs` can leave out.
  const sweeps: BulkCommit[] = [];
  // Commits that credit many people with many files: a squash with a long list of co-authors (vite's
  // "feat: Environment API" made 11 co-authors, two of them with no commit, authors of 34 files each).
  const crowded: BulkCommit[] = [];
  const ignored = ignoredRevisions(extensions ? config.ignoreRevs : []);
  const listedInFile = ignoredRevisions(context.ignoreFile?.ids ?? []);
  let creditedByFile = 0;
  const acknowledged = ignoredRevisions(config.acknowledgedRevs);
  const trailers = new TrailerMailmap(repo, context.warn);
  const squashes = new SubtreeSquashes(repo);
  // `git subtree --squash` commits by folder: their content was written in another repository.
  const squashed = new Map<string, number>();
  // Commits that credit co-authors, by who is credited ("author|co-author,…", the author -1 when a
  // bot): the developers are known only once the walk is over (Analysis.coAuthorCommits).
  const coAuthored = new Map<string, number>();
  const foldChunk = (records: readonly CommitRecord[]) => {
    commitCount += records.length;
    for (const record of records) {
      credited.length = 0;
      const author = identities.intern(record.author);
      const stats = identities.list[author] as IdentityStats;
      stats.commits += 1;
      stats.firstTime = Math.min(stats.firstTime, record.time);
      stats.lastTime = Math.max(stats.lastTime, record.time);
      if (!stats.isBot) credited.push(author);
      if (coAuthors) {
        for (const coAuthor of record.coAuthors) {
          const id = identities.intern(trailers.map(coAuthor));
          const co = identities.list[id] as IdentityStats;
          co.firstTime = Math.min(co.firstTime, record.time);
          co.lastTime = Math.max(co.lastTime, record.time);
          if (!co.isBot && !credited.includes(id)) credited.push(id);
          selfCoAuthorships.see(author, id);
        }
      }
      // A boundary commit's parents were not fetched: git shows it adding every file, which made its
      // author the creator of everything (with --allow-shallow, the sole owner of every system).
      const atBoundary = boundary.size > 0 && boundary.has(record.sha);
      if (atBoundary) boundaryCommits += 1;
      // Listed in ignoreRevs: its changes credit nobody and are nobody's acceptance, as a bot's.
      const inFile = listedInFile.has(record.sha);
      const ignoredHere = ignored.has(record.sha) || inFile;
      if (inFile) creditedByFile += 1;
      if (ignoredHere) credited.length = 0;
      const folder = extensions ? squashes.folderOf(record) : undefined;
      // A squash brings another repository's work in one commit: whoever ran `git subtree pull` did
      // not write it. hugo's docs/ arrived in 159 squashes, all by its maintainer, who became the only
      // author of 1,149 documentation files (an engineering manager's test). It credits nobody, as an
      // ignoreRevs commit; its adds, renames and deletions still move files.
      if (folder !== undefined) {
        credited.length = 0;
        squashed.set(folder, (squashed.get(folder) ?? 0) + 1);
      }
      const own = folder !== undefined ? underSubtree(record.changes, folder) : record.changes;
      const changes = atBoundary ? NO_CHANGES : extensions ? withConversions(own) : own;
      // Listed in acknowledgedRevs: looked at already, so neither named in a warning again nor a bulk commit.
      const seenBefore = acknowledged.has(record.sha);
      // The author's credit is their own; the co-authors' is counted apart too (FileContribution.coAuthorDl).
      const ownCredits = credited[0] === author ? 1 : 0;
      fold.addCommit(record.time, credited, changes, !seenBefore, ownCredits);
      if (credited.length > ownCredits) {
        const key = `${ownCredits === 1 ? author : -1}|${credited.slice(ownCredits).join(',')}`;
        coAuthored.set(key, (coAuthored.get(key) ?? 0) + 1);
      }
      if (record.author.name === UNREADABLE_AUTHOR && record.author.email === '') unreadable.push(record.sha);
      if (record.time > referenceTime) {
        future.count += 1;
        if (record.time > future.latest) Object.assign(future, { latest: record.time, sha: record.sha });
      }
      // Counted in analysed files (the fold's): prometheus's 835-file "import" was vendored code
      // deleted since, and 8 of its 9 "sweeps" were dependency bumps changing 5–11 analysed files.
      const { added, modified, moved } = fold.lastCommit;
      if (record.changes.length >= BULK_ADDS && !ignoredHere && !atBoundary && !seenBefore && folder === undefined) {
        if (added >= BULK_ADDS) imports.push({ sha: record.sha, files: added, author, credited: [...credited] });
        // Moves too: each is a change (METRICS §4), and cargo's four commits moving 1,500 test files
        // made their author #2 of the truck factor, unnamed by any warning (a team lead's test).
        if (modified + moved >= BULK_ADDS) sweeps.push({ sha: record.sha, files: modified + moved, moved, author, credited: [...credited] });
      }
      if (credited.length >= CROWDED_PEOPLE && added + modified >= CROWDED_FILES && !atBoundary && !seenBefore) crowded.push({ sha: record.sha, files: added + modified, author, credited: [...credited] });
      const skipped = context.renames ? renameDetectionSkipped(record.changes) : undefined;
      if (skipped) renameSkips.push({ sha: record.sha, ...skipped });
    }
  };
  // Trailers pass through .mailmap before they are interned, so that whether one is a bot is
  // judged on the identity it maps to (a bot's event credits nobody and is nobody's acceptance).
  // A chunk that brings new ones waits for `git check-mailmap` while the next chunk is read
  // (decoding it from the cache takes about as long as the call), then is folded first.
  let waiting: { records: CommitRecord[]; learned: Promise<void> } | undefined;
  for await (const records of history) {
    const learned = both(coAuthors ? trailers.learn(records) : undefined, extensions ? squashes.learn(records) : undefined);
    if (waiting) {
      await waiting.learned;
      foldChunk(waiting.records);
      waiting = undefined;
    }
    if (learned) waiting = { records, learned };
    else foldChunk(records);
  }
  if (waiting) {
    await waiting.learned;
    foldChunk(waiting.records);
  }
  context.afterWalk();
  if (boundaryCommits > 0) {
    context.warn(
      `the changes of the ${boundaryCommits === 1 ? 'commit' : `${boundaryCommits} commits`} at the shallow clone's boundary are not counted: git shows ${boundaryCommits === 1 ? 'it' : 'them'} without parents, as adding every file`,
    );
  }
  if (creditedByFile > 0 && context.ignoreFile) {
    context.warn(
      `${creditedByFile === 1 ? 'a commit' : `${creditedByFile} commits`} listed in ${context.ignoreFile.name} ${creditedByFile === 1 ? 'credits' : 'credit'} nobody, as config \`ignoreRevs\` (their adds, renames and deletions still move files; \`ignoreRevsFile: false\` counts them)`,
    );
  }
  const squashNote = squashWarning(squashed);
  if (squashNote) context.warn(squashNote);
  if (future.count > 0) {
    context.warn(
      `${future.count} commit(s) are dated after the analysis date, the latest ${new Date(future.latest * 1000).toISOString().slice(0, 10)} (${future.sha.slice(0, 12)}): a clock was wrong; decay and inactivity count them as made on the analysis date`,
    );
  }
  for (const [key, revisions] of [['ignoreRevs', ignored], ['acknowledgedRevs', acknowledged]] as const) {
    const unseen = revisions.unseen();
    if (unseen.length > 0) {
      // In a shallow clone a listed commit is most likely older than the clone (astro's CI runs).
      const where = repo.info.isShallow ? "; this shallow clone's history may not reach back to it" : '';
      context.warn(`config ${key}: ${unseen.map((prefix) => JSON.stringify(prefix)).join(', ')} ${unseen.length === 1 ? 'names' : 'name'} no commit of the analysed history (merges are not analysed${where})`);
    }
  }

  if (unreadable.length > 0) {
    context.warn(
      `git cannot read the author line of ${unreadable.length} commit(s) (${shortIds(unreadable)}; \`git fsck\` reports them): they count for one "${UNREADABLE_AUTHOR}" developer, dated 1970-01-01; a .mailmap entry cannot name them, but config \`bots\` can leave them out`,
    );
  }

  hooks.onPhase?.('authorship');
  // Judged once: resolving, the one-word-name warning and the shared-address warning read it.
  const botAt = identities.list.map((identity) => identity.isBot);
  const sharedAddresses = extensions ? sharedAddressIdentities(identities.list, botAt) : new Set<number>();
  const joinings = { extensions, people: config.people, sharedAddresses, selfCoAuthorships: selfCoAuthorships.list() };
  const resolved = resolveIdentities(identities.list, { ...joinings, botPatterns: config.bots, bots: botAt });
  // The one place people's names are chosen for every report: where two of them would show the
  // same name (tokio's two "Name"s), each shows their address too (distinct-names.ts).
  const shownNames = distinctNames(resolved.filter((developer) => !developer.isBot));
  const named = resolved.map((developer): NamedDeveloper => {
    const name = shownNames.get(developer.id);
    return developer.isBot || name === undefined || name === developer.name ? developer : { ...developer, name, sharedName: developer.name };
  });
  // Named as the tables name people (the developer's usual name), so after the identities.
  const developerOfIdentity = new Map<number, ResolvedDeveloper>();
  for (const developer of named) for (const member of developer.members) developerOfIdentity.set(member, developer);
  // A merge is a commit for who is active, though it credits no file.
  for (const [developer, time] of lastMerges((await context.merges) ?? [], identities.list, (identity) => developerOfIdentity.get(identity), { find: (author) => identities.find(author), isBot, shared: sharedAddresses })) {
    developer.lastTime = Math.max(developer.lastTime, time);
  }
  const identityName = (identity: number) => (identities.list[identity] as IdentityStats).name || '(no name)';
  for (const warning of bulkCommitWarnings({ imports, sweeps, crowded }, (identity) => developerOfIdentity.get(identity), identityName)) context.warn(warning);
  for (const { pattern, people: caught } of botPatternsCatchingPeople(
    resolved.filter((developer) => developer.isBot),
    identities.list,
    config.bots,
    wildcardMatcher,
  )) {
    const shown = caught.slice(0, 3).map((person) => `${person.name} (${person.commits} commit${person.commits === 1 ? '' : 's'})`);
    context.warn(
      `config bots: ${JSON.stringify(pattern)} also leaves out ${caught.length === 1 ? 'an author who looks like a person' : `${caught.length} authors who look like people`}: ${shown.join(', ')}${caught.length > 3 ? ` +${caught.length - 3} more` : ''}; if they are people, make the pattern stricter or name each bot exactly`,
    );
  }
  if (extensions) {
    const warning = unmatchedAliasWarning(unmatchedAliases(identities.list, config.people));
    if (warning) context.warn(warning);
    for (const warning of sharedAddressWarnings(identities.list, sharedAddresses)) context.warn(warning);
    const selfCoAuthored = selfCoAuthorshipWarning(identities.list, resolved.flatMap((developer) => developer.selfCoAuthorships ?? []));
    if (selfCoAuthored) context.warn(selfCoAuthored);
  }
  const bridged = nameBridgeWarning(nameBridges(identities.list, resolved, joinings));
  if (bridged) context.warn(bridged);
  const bots: string[] = [];
  let botCommits = 0;
  const people = named.filter((developer) => {
    if (developer.isBot) {
      bots.push(developer.name);
      botCommits += developer.commits;
    }
    return !developer.isBot;
  });
  const developerIds = people.map((developer) => developer.id);
  const developerOf = new Int32Array(identities.list.length).fill(-1);
  people.forEach((developer, index) => {
    for (const member of developer.members) developerOf[member] = index;
  });

  const files: FileOwnership[] = [];
  // Contributions are kept packed (built again when read): as objects they were most of the memory.
  const stored = numberDevelopers();
  const store = new ContributionStore(stored);
  let noHistory = 0;
  for (let file = 0; file < fold.paths.length; file++) {
    const inputs = fold.contributions(file, developerOf, developerIds);
    if (inputs.length === 0) {
      noHistory += 1;
      continue;
    }
    files.push(rankedFile(store, fold.paths[file] as string, fold.fileStats(file), inputs, extensions));
  }
  // The store numbered every developer with a contribution: the contributors, without a Set.add for each of rails' 78k contributions.
  const contributors = new Set(stored.ids);
  return { files, noHistory, people, bots, botCommits, commitCount, contributors, renameSkips, squashes: squashed.size > 0, coAuthorCommits: coAuthorCommitsOf(coAuthored, developerOf, developerIds) };
}

/**
 * Per developer id, the commits that credit them as a co-author while someone else (or a bot) is
 * the commit's author: laravel's maintainer is credited by 1,820 commits of others (GitHub adds the
 * trailer when he pushes a tweak to a pull request before squash-merging it). `coAuthored` counts
 * commits by their credited identities ("author|co-author,…", -1 for a bot author).
 */
function coAuthorCommitsOf(coAuthored: ReadonlyMap<string, number>, developerOf: Int32Array, developerIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key, commits] of coAuthored) {
    const [author = '-1', coAuthors = ''] = key.split('|');
    const authorNumber = Number(author);
    const authorDeveloper = authorNumber >= 0 ? (developerOf[authorNumber] ?? -1) : -1;
    const credited = new Set<number>();
    for (const identity of coAuthors.split(',')) {
      const developer = developerOf[Number(identity)] ?? -1;
      if (developer !== -1 && developer !== authorDeveloper) credited.add(developer);
    }
    for (const developer of credited) {
      const id = developerIds[developer] as string;
      counts.set(id, (counts.get(id) ?? 0) + commits);
    }
  }
  return counts;
}

/**
 * Co-authors come from commit messages, which git's %aN/%aE mapping does not touch: each new
 * trailer identity goes through `git check-mailmap` once (one call per chunk that brings new ones).
 */
class TrailerMailmap {
  private readonly mapped = new Map<string, Signature>();
  private failed = false;
  private readonly repo: Repository;
  private readonly warn: (message: string) => void;
  constructor(repo: Repository, warn: (message: string) => void) {
    this.repo = repo;
    this.warn = warn;
  }

  /**
   * Maps the trailers of `records` not seen before; a promise when that needs git (fold the records
   * only once it settles: until then their trailers map to themselves), else undefined.
   */
  learn(records: readonly CommitRecord[]): Promise<void> | undefined {
    const pending = new Map<string, Signature>();
    for (const record of records) {
      for (const trailer of record.coAuthors) {
        const key = `${trailer.name} <${trailer.email}>`;
        if (!this.mapped.has(key)) pending.set(key, trailer);
      }
    }
    if (pending.size === 0) return undefined;
    const keys = [...pending.keys()];
    for (const key of keys) this.mapped.set(key, pending.get(key) as Signature);
    if (this.failed) return undefined;
    // One call after another, as chunks come: after a failed one the rest are taken as written,
    // whatever the timing (a chunk's call starts while the chunk before it may still be waiting).
    const asked = this.calls.then(() => (this.failed ? undefined : this.ask(keys)));
    this.calls = asked;
    return asked;
  }

  private calls: Promise<void> = Promise.resolve();

  private async ask(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 500) {
      const batch = keys.slice(start, start + 500);
      let lines: string[];
      try {
        lines = await checkMailmap(this.repo, batch);
      } catch (error) {
        this.failed = true;
        this.warn(`.mailmap was not applied to Co-authored-by trailers (${(error as Error).message}); co-authors are counted as written`);
        return;
      }
      lines.forEach((line, index) => {
        const match = /^(.*?)\s*<([^>]*)>$/.exec(line);
        const key = batch[index];
        if (match && key !== undefined) this.mapped.set(key, { name: match[1] ?? '', email: match[2] ?? '' });
      });
    }
  }

  map(trailer: Signature): Signature {
    return this.mapped.get(`${trailer.name} <${trailer.email}>`) ?? trailer;
  }
}

/**
 * Config `modules.roots` as folders of the revision: written as the other path keys allow (`./src`,
 * `/src`, `src/`), and a root that is no tracked folder warned about (they were dropped in silence).
 */
function moduleRoots(roots: readonly string[], tracked: readonly string[], warn: (message: string) => void): string[] {
  const folders = new Set<string>();
  for (const file of tracked) for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1)) folders.add(file.slice(0, at));
  return roots.flatMap((root) => {
    const folder = rootFolder(root);
    if (folders.has(folder)) return [folder];
    warn(`config modules.roots entry ${JSON.stringify(root)} is no folder of the repository (a root is a folder path from the repository root, without wildcards)`);
    return [];
  });
}


/**
 * The commits of config ignoreRevsFile's file, as committed at the revision; a named file that is not
 * there, or lines that are no commit ids, are said once (the default file is simply absent in most
 * repositories).
 */
function ignoreFileOf(name: string | undefined, text: string | undefined, config: Config, warn: (message: string) => void): OwnershipContext['ignoreFile'] {
  if (name === undefined) return undefined;
  if (text === undefined) {
    if (config.ignoreRevsFile !== IGNORE_REVS_FILE) warn(`config ignoreRevsFile: ${JSON.stringify(config.ignoreRevsFile)} is not a file of the analysed revision (it is read as committed); no commits are left out by it`);
    return undefined;
  }
  const { ids, invalid } = parseIgnoreRevsFile(text);
  if (invalid.length > 0) {
    const first = invalid[0] as { line: number; text: string };
    warn(
      `${name}: ${invalid.length === 1 ? 'a line is' : `${invalid.length} lines are`} not a commit id and ${invalid.length === 1 ? 'is' : 'are'} skipped (line ${first.line}: ${JSON.stringify(first.text.length > 60 ? `${first.text.slice(0, 57)}...` : first.text)}); each line takes one commit id, \`#\` starts a comment`,
    );
  }
  return { name, ids };
}

/** The first commits of a list as short ids, for a message: `9f2dc14e71b0, 1a26d9f0c3e2 and 4 more`. */
function shortIds(ids: readonly string[], shown = 3): string {
  const listed = ids.slice(0, shown).map((id) => id.slice(0, 12));
  return ids.length > shown ? `${listed.join(', ')} and ${ids.length - shown} more` : listed.join(', ');
}

/** The .gitattributes files among the tracked ones that can exclude files (none without the default rules). */
function attributeFilesOf(tracked: readonly string[], config: Config, extensions: boolean): string[] {
  return extensions && config.defaultExclusions ? tracked.filter((f) => f === '.gitattributes' || f.endsWith('/.gitattributes')) : [];
}

/** The file selection's options: the config's globs and, with the default rules, the .gitattributes texts by folder. */
function fileFilterOf(config: Config, extensions: boolean, attributeFiles: readonly string[], texts: ReadonlyMap<string, string>, generated?: ReadonlyMap<string, GeneratedBy>): FileFilterOptions {
  const gitattributes = new Map<string, string>();
  for (const file of attributeFiles) {
    const text = texts.get(file);
    if (text !== undefined) gitattributes.set(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', text);
  }
  return { include: config.include, exclude: config.exclude, defaults: extensions && config.defaultExclusions, gitattributes, ...(generated ? { generated } : {}) };
}

/**
 * The files tracked at the revision that the file selection keeps (analysed, or left out only for
 * having no counted event): in a shallow clone, the files a critical system may match without any
 * fetched change. A vendored or excluded file is not one of them (a review: a system over `vendor/**`
 * read "not judged: none of its 3 files changed in the fetched history", exit 0, where a full clone
 * stops on it as a configuration error).
 */
export async function selectableFiles(repo: Repository, sha: string, config: Config, model: ModelName): Promise<string[]> {
  const { tracked, filter } = await selectionAt(repo, sha, config, model);
  return selectFiles(tracked, await filter()).analysed;
}

/** The files whose content says a tool wrote them, read only when the default exclusions leave them out (an extension). */
function generatedFilesIfExcluded(repo: Repository, sha: string, config: Config, extensions: boolean, store?: GeneratedFilesStore): Promise<Map<string, GeneratedBy>> | undefined {
  return extensions && config.defaultExclusions ? cachedGeneratedFilesAt(repo, sha, store) : undefined;
}

/** A revision's generated files in the cache: found by this build's code, in this git environment (replace refs, grafts). */
function generatedFilesKey(environment: string, sha: string): string {
  return sha256(`talentrisk generated\0${buildId()}\0${environment}\0${sha}`);
}

/**
 * The files tracked at the revision, and the file selection's options there as the analysis made
 * them: `filter` reads the .gitattributes files when asked (a second git call, which an untracked
 * path does not need).
 */
async function selectionAt(repo: Repository, sha: string, config: Config, model: ModelName): Promise<{ tracked: string[]; submodules: string[]; filter: () => Promise<FileFilterOptions> }> {
  const extensions = model !== 'classic';
  const { files: tracked, submodules } = await listTrackedFiles(repo, sha);
  const attributeFiles = attributeFilesOf(tracked, config, extensions);
  const filter = async () => {
    const generated = generatedFilesIfExcluded(repo, sha, config, extensions);
    return fileFilterOf(config, extensions, attributeFiles, await readFilesAt(repo, sha, attributeFiles), await generated);
  };
  return { tracked, submodules, filter };
}

/**
 * The tracked files under `folder` ('' for the whole repository) that an analysis does not hold, by
 * why (as whyNotAnalysed): hugo's `explain docs` said "62 files analysed" of a folder that tracks
 * 1,239, most of them brought by subtree squashes (a tester). One git call, for explain's folders.
 */
export async function notAnalysedUnder(
  repo: Repository,
  sha: string,
  config: Config,
  model: ModelName,
  folder: string,
  analysed: ReadonlySet<string>,
  onlyCode = false,
): Promise<{ reason: NotAnalysedReason; files: number }[]> {
  const { tracked, submodules, filter } = await selectionAt(repo, sha, config, model);
  const prefix = folder === '' || folder === '.' ? '' : `${folder}/`;
  const under = (path: string) => path.startsWith(prefix) && !analysed.has(path);
  const counts = new Map<NotAnalysedReason, number>();
  const count = (reason: NotAnalysedReason) => counts.set(reason, (counts.get(reason) ?? 0) + 1);
  for (const path of submodules) if (under(path)) count('submodule');
  const rest = tracked.filter(under);
  if (rest.length > 0) {
    // Selected with every tracked file, as the scan did (names that read alike collide across folders).
    const { excluded } = selectFiles(tracked, await filter());
    // Under --only-code, a selected file that is no code was left out by it, not for its history (a review).
    const isCode = onlyCode ? await loadCodeMatcher() : () => true;
    for (const path of rest) count(excluded.get(path) ?? (isCode(path) ? 'history' : 'onlyCode'));
  }
  return [...counts].map(([reason, files]) => ({ reason, files })).sort((a, b) => b.files - a.files);
}

/**
 * Why the first of `paths` the revision tracks is not among an analysis's files, as its file
 * selection decided: a submodule, the rule that excluded it, or 'history' (selected, but no event of
 * a counted developer, or --only-code); undefined when the revision tracks none of them. For
 * `explain`'s error (the path as typed, and from the current folder), so it reads git again, once.
 */
export async function whyNotAnalysed(repo: Repository, sha: string, config: Config, model: ModelName, paths: readonly string[]): Promise<ExclusionRule | 'submodule' | 'history' | undefined> {
  const { tracked, submodules, filter } = await selectionAt(repo, sha, config, model);
  const path = paths.find((candidate) => submodules.includes(candidate) || tracked.includes(candidate));
  if (path === undefined) return undefined;
  if (submodules.includes(path)) return 'submodule';
  // Both copies of a name that reads alike: the selection sees the collision as the scan did.
  const copies = tracked.filter((candidate) => candidate === path);
  return selectFiles(copies, await filter()).excluded.get(path) ?? 'history';
}
