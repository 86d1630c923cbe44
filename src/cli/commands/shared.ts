import path from 'node:path';
import { analyzeOrReport, cacheProblems, configStore, type ReportRequest, type StoredReport } from '../../analysis-cache.ts';
import type { AnalyzeHooks } from '../../analyze.ts';
import { assertConfigText, CONFIG_FILE, CONFIG_FILES, findConfigFile, loadConfig, parseConfig, type LoadedConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { gitEnvironment } from '../../git/cache.ts';
import { historyConcurrency } from '../../git/client.ts';
import { mailmapNames } from '../../git/mailmap-names.ts';
import { checkMailmap, commitOf, hasAuthor, mailmappedAuthorEmail, mailmappedAuthorEmailOfName, kindAt, notCheckedOut, openRepository, readFileAt, resolveRevision, type Repository } from '../../git/repo.ts';
import type { Departure } from '../../model/departures.ts';
import { botsOf, notYetThereIn, parseLeaving, resolveDepartures, warnOnceIn } from '../../model/resolve-departures.ts';
import { nameAndEmail, personKey, resolvePerson, UnknownPersonError, type ResolveOptions } from '../../model/people.ts';
import type { Analysis, Developer } from '../../model/types.ts';
import { sanitize } from '../../report/format.ts';
import { ignoreRevsFilePath, parseIgnoreRevsFile } from '../../model/ignore-revs.ts';
import type { Config } from '../../config/schema.ts';
import type { Io } from '../io.ts';
import { assertOutputWritable, type CommonOptions } from '../options.ts';
import { steadyHeapForWalk } from '../heap.ts';
import { createProgress } from '../progress.ts';

export interface LoadedAnalysis {
  analysis: Analysis;
  config: LoadedConfig;
  /** The repository it was read from (for a command's own git calls). */
  repository: Repository;
}

/** A report stored from the same result (see loadAnalysis), instead of the analysis. */
export interface LoadedReport {
  report: StoredReport;
  config: LoadedConfig;
}

/** What a caller of loadAnalysis already has: the repository, and its config (check reads it first, to fail early). */
export interface AlreadyLoaded {
  repository?: Repository;
  config?: LoadedConfig;
  /**
   * Called once a history walk has its commit list: loading the modules the report needs then
   * takes the main thread while it waits on git, not after the walk, when it alone works (rails:
   * ~25 ms of the tail).
   */
  whileWalking?: () => void;
}

/**
 * Config → analysis, with progress on stderr. Shared by scan, check, explain and handoff. With
 * `report` (the report a command would print, given the config), that report when it was stored
 * from the same result.
 */
export async function loadAnalysis(target: string | undefined, options: CommonOptions, io: Io, given?: AlreadyLoaded): Promise<LoadedAnalysis>;
export async function loadAnalysis(target: string | undefined, options: CommonOptions, io: Io, given: AlreadyLoaded, report: (config: LoadedConfig) => ReportRequest): Promise<LoadedAnalysis | LoadedReport>;
export async function loadAnalysis(target: string | undefined, options: CommonOptions, io: Io, given: AlreadyLoaded = {}, report?: (config: LoadedConfig) => ReportRequest): Promise<LoadedAnalysis | LoadedReport> {
  assertOutputWritable(options, io.cwd);
  // Find the repository first, so the config is read from its root and errors name the repository.
  const repo = given.repository ?? (await openRepository(path.resolve(io.cwd, target ?? '.'), { env: io.env, concurrency: historyConcurrency() }));
  // The revision and the git environment (what the result cache is keyed on, with the config) do
  // not depend on the config: ask git for them while it is read (unless the caller read it).
  const early = Promise.all([resolveRevision(repo, options.rev, options.until), options.cache === false ? undefined : gitEnvironment(repo)]);
  early.catch(() => undefined); // a config error is reported first; this one is awaited below
  const config = given.config ?? (await loadRepoConfig(repo, options, io));
  const [revision, environment] = await early;
  // A day to come (a mistyped year) measures every age from it: everyone looks inactive. Said here,
  // not stored with the result, whose key does not hold today's date when --until is given.
  if (options.until && options.until.getTime() > Date.now() + 86_400_000 && !options.quiet) {
    io.stderr.write(`talentrisk: warning: --until ${options.until.toISOString().slice(0, 10)} is after today: ages and inactivity are measured from that day to come\n`);
  }
  const { progress, hooks } = analysisProgress(io, Boolean(options.quiet), options.color !== false, given.whileWalking);
  try {
    const answer = await analyzeOrReport(
      { path: repo.info.root, rev: options.rev, until: options.until, model: options.model, config: config.config, depth: options.depth, env: io.env, cache: options.cache !== false, onlyCode: options.onlyCode, repository: repo, revision, gitEnvironment: environment },
      hooks,
      report?.(config),
    );
    return 'report' in answer ? { report: answer.report, config } : { analysis: answer.analysis, config, repository: repo };
  } finally {
    progress.stop();
  }
}

/** Progress on stderr for an analysis, and the heap settings of a history walk when one starts. */
export function analysisProgress(io: Io, quiet: boolean, colored = true, whileWalking?: () => void): { progress: ReturnType<typeof createProgress>; hooks: AnalyzeHooks } {
  const progress = createProgress(io, quiet, colored);
  const hooks: AnalyzeHooks = {
    ...progress,
    onPhase(phase, detail) {
      if (phase === 'history') steadyHeapForWalk();
      if (phase === 'history' && detail?.commits !== undefined) whileWalking?.();
      progress.onPhase?.(phase, detail);
    },
  };
  return { progress, hooks };
}

/**
 * The config of a repository: --config, else .talentrisk.yml at the root of the work tree. A bare
 * repository (a CI mirror) has no work tree: its committed .talentrisk.yml is read from the revision.
 */
export async function loadRepoConfig(repo: Repository, options: Pick<CommonOptions, 'config' | 'rev' | 'cache'>, io: Io): Promise<LoadedConfig> {
  const store = options.cache === false ? undefined : configStore(repo, io.env);
  if (!options.config && repo.info.isBare) {
    const text = await readFileAt(repo, options.rev, CONFIG_FILE);
    // A committed link reads as its target's name ("expected a mapping, got the text conf/tr.yml"),
    // a committed folder as its listing ("got the text 100644 blob 587be6…").
    const kind = text === undefined ? undefined : await kindAt(repo, options.rev, CONFIG_FILE);
    if (kind === 'link') {
      throw new ConfigError(`${options.rev}:${CONFIG_FILE} is a symbolic link (to ${(text ?? '').trim()}); in a bare repository talentrisk reads only a regular file`, {
        hint: 'commit the config itself at the root of the repository, or pass --config <file>',
      });
    }
    if (kind === 'folder') {
      throw new ConfigError(`${options.rev}:${CONFIG_FILE} is a folder, not a config file`, { hint: 'commit the config itself at the root of the repository, or pass --config <file>' });
    }
    // Reports point at the file as it sits in the repository (`.talentrisk.yml`).
    if (text !== undefined) {
      assertConfigText(text, `${options.rev}:${CONFIG_FILE}`);
      return parseConfig(text, `${options.rev}:${CONFIG_FILE}`, path.join(repo.info.root, CONFIG_FILE), store);
    }
  }
  if (!options.config && findConfigFile(repo.info.root) === undefined) {
    // Committed, but left out of a sparse checkout: the committed file, as the index has it.
    const sparse = await notCheckedOut(repo, CONFIG_FILES);
    const text = sparse === undefined ? undefined : await readFileAt(repo, '', sparse);
    if (sparse !== undefined && text !== undefined) {
      assertConfigText(text, sparse);
      return parseConfig(text, sparse, path.join(repo.info.root, sparse), store);
    }
  }
  return loadConfig(repo.info.root, options.config ? path.resolve(io.cwd, options.config) : undefined, io.cwd, store);
}

/**
 * Where a report went when it went to a file, on stderr (not under --quiet): scan and check said
 * nothing, handoff said it (a user test). Not for the standard output, a device or a pipe, where
 * the report itself is where it was sent (`-o /dev/stderr` would have been followed by the line).
 */
export function reportWritten(toFile: boolean, what: string, options: Pick<CommonOptions, 'output' | 'quiet'>, io: Io): void {
  if (toFile && options.output && !options.quiet) io.stderr.write(`talentrisk: wrote ${sanitize(what)} to ${sanitize(options.output)}\n`);
}

/**
 * On stderr: the cache's own warnings (an entry rebuilt, an unwritable folder), which are about this
 * run and never part of a report, then the analysis's, unless the report printed them.
 */
export function printWarnings(analysis: Pick<Analysis, 'warnings'>, options: Pick<CommonOptions, 'quiet'>, io: Io, alreadyInReport: boolean): void {
  if (options.quiet) return;
  const warnings = [...cacheProblems(analysis), ...(alreadyInReport ? [] : analysis.warnings)];
  for (const warning of warnings) io.stderr.write(`talentrisk: warning: ${warning}\n`);
}

/**
 * Everyone declared leaving (config `departures` and --leaving), resolved against the analysis as
 * scan, check and handoff all resolve them: a bot named is said to be one, and in an analysis of the
 * past a config departure of someone not there yet is left out with a warning (notYetThereIn, which
 * tells the past from HEAD's commit; git is asked for it only when config departures exist and the
 * revision was named otherwise than HEAD). `absentLeftOut`: anyone nobody of the analysis is, is
 * left out without a word (check --new-only's merge base, whose names the revision already checked).
 */
export async function declaredDepartures(repo: Repository, analysis: Analysis, loaded: LoadedConfig, leaving: readonly string[] | undefined, { absentLeftOut = false } = {}): Promise<Departure[]> {
  const { config } = loaded;
  // HEAD's commit, when the analysis may be at another one (one git call, for both uses below).
  const named = config.departures.length > 0 || (leaving?.length ?? 0) > 0;
  const head = named && analysis.repository.requested !== 'HEAD' ? await commitOf(repo, 'HEAD') : undefined;
  const whos = [...config.departures.map((d) => d.who), ...(leaving ?? []).map((value) => parseLeaving(value).who)];
  const names = named ? await mailmapNames(repo) : undefined;
  const bots = await botsNamed(repo, analysis, config.bots, whos);
  // At --new-only's merge base the names were resolved at the revision: one absent there joined in
  // the change, and is left out without a search of the base's history (a review: 0.2 s a name on cargo).
  const mailmapped = await mailmappedEmails(repo, analysis.developers, whos, analysis.repository.revision, { people: config.people, mailmapNames: names, bots, searchNames: !absentLeftOut });
  return resolveDepartures(analysis.developers, {
    config: config.departures,
    leaving,
    people: config.people,
    bots,
    notYetThere: config.departures.length > 0 ? notYetThereIn(analysis, head) : undefined,
    beyondShallow: config.departures.length > 0 && repo.info.isShallow ? { since: analysis.repository.shallowSince ?? '', warn: warnOnceIn(analysis) } : undefined,
    warn: warnOnceIn(analysis),
    locate: loaded.locate,
    mailmapped,
    mailmapNames: names,
    historyEnds: historyEndsOf(analysis, head),
    shallowSince: shallowSinceOf(analysis),
    absentLeftOut,
  });
}

/**
 * The bot accounts left out of the figures (botsOf), for naming people: of the names and emails
 * `whos` that the bot patterns catch and that no bot of the analysis has as its name, those git
 * finds as a commit's author (a bot's email, another name of it). The others are no bot account of
 * this history (hugo's `hugoreleaser[bot]`). No git call unless such a name is given.
 */
export async function botsNamed(repo: Repository, analysis: Pick<Analysis, 'bots' | 'model' | 'repository'>, patterns: readonly string[], whos: readonly string[]): Promise<NonNullable<ResolveOptions['bots']>> {
  const bots = botsOf(analysis, patterns);
  const named = new Set(bots.names.map((name) => name.toLowerCase()));
  const unnamed = [...new Set(whos.map((who) => who.trim()))].filter((who) => who !== '' && !named.has(who.toLowerCase()) && bots.isBot?.({ name: who, email: who }));
  const seen: string[] = [];
  for (const who of unnamed) if (await hasAuthor(repo, who, analysis.repository.revision)) seen.push(who);
  return { ...bots, seen };
}

/** In a shallow clone, the day its analysed history begins (for the unknown-person hint); else undefined. */
export function shallowSinceOf(analysis: Pick<Analysis, 'repository'>): string | undefined {
  return analysis.repository.shallowSince ?? undefined;
}

/**
 * The day the analysed history ends, when it is not HEAD's (`--until`, `--rev` at another commit);
 * `head`: HEAD's commit, undefined when the analysis asked for HEAD.
 */
export function historyEndsOf(analysis: Pick<Analysis, 'repository'>, head: string | undefined): string | undefined {
  return head === undefined || head === analysis.repository.revision ? undefined : analysis.repository.revisionDate.slice(0, 10);
}

/**
 * The emails among `whos` that no developer has, mapped through `.mailmap` (`git check-mailmap`)
 * when it maps them to another: `junio@pobox.com`, copied from an old commit, names Junio C Hamano,
 * whom git/git's .mailmap knows as gitster@pobox.com. No git call when every email is known.
 */
export async function mailmappedEmails(
  repo: Repository,
  developers: readonly Pick<Developer, 'id' | 'emails' | 'name' | 'names'>[],
  whos: readonly string[],
  revision: string,
  options: Pick<ResolveOptions, 'people' | 'mailmapNames' | 'bots'> & { searchNames?: boolean } = {},
): Promise<Map<string, string>> {
  const mapped = await mailmappedAddresses(repo, developers, whos, revision);
  // A name that .mailmap replaced everywhere (an email-only line renames every commit of the
  // address): numpy's `seberg`, 127 commits under that name, was an unknown person (an EM test).
  // Asked of git only for a name nobody has (nor any bot): the search reads history until it finds one.
  if (options.searchNames === false) return mapped;
  for (const who of whos) {
    if (who.includes('@') || who.trim() === '') continue;
    try {
      resolvePerson(developers, who, { people: options.people, mailmapNames: options.mailmapNames, bots: options.bots });
    } catch (error) {
      if (!(error instanceof UnknownPersonError)) continue;
      const email = await mailmappedAuthorEmailOfName(repo, who, revision);
      if (email) mapped.set(personKey(who), email);
    }
  }
  return mapped;
}

async function mailmappedAddresses(repo: Repository, developers: readonly Pick<Developer, 'id' | 'emails'>[], whos: readonly string[], revision: string): Promise<Map<string, string>> {
  const known = new Set(developers.flatMap((developer) => [developer.id, ...developer.emails]));
  // `Name <email>` (as git shortlog -sne prints it) is looked up by its email too.
  const typed = whos.map((who) => nameAndEmail(who)?.email ?? who);
  const unknown = [...new Set(typed.map((who) => who.trim().toLowerCase()).filter((who) => /^[^\s<>@]+@[^\s<>@]+$/.test(who) && !known.has(who)))];
  const mapped = new Map<string, string>();
  if (unknown.length === 0) return mapped;
  // Only a better answer for a name that is otherwise unknown: if git cannot tell, the name stays unknown.
  const lines = await checkMailmap(
    repo,
    unknown.map((email) => `<${email}>`),
  ).catch(() => [] as string[]);
  for (const [index, email] of unknown.entries()) {
    let to = /<([^<>]*)>$/.exec(lines[index] ?? '')?.[1]?.trim().toLowerCase();
    // Not mapped by the email alone: a .mailmap line may map it together with the name it was used with.
    if (!to || to === email) to = await mailmappedAuthorEmail(repo, email, revision);
    if (to && to !== email) mapped.set(email, to);
  }
  return mapped;
}

/**
 * The commits config `ignoreRevsFile` lists (.git-blame-ignore-revs), read as committed at the
 * revision, as the scan read them (analyze.ts), with the file's path; no ids when it is off or not
 * there. What handoff leaves out and explain counts.
 */
export async function ignoreRevsFileAt(repo: Repository, revision: string, config: Pick<Config, 'ignoreRevsFile'>): Promise<{ file: string | undefined; ids: string[] }> {
  const file = ignoreRevsFilePath(config.ignoreRevsFile);
  const text = file === undefined ? undefined : await readFileAt(repo, revision, file);
  return { file, ids: text === undefined ? [] : parseIgnoreRevsFile(text).ids };
}
