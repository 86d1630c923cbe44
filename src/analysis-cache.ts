// The result cache (issue #5, warm re-scans): an analysis is a pure function of the revision, the
// analysis day (the reference date of the decayed figures), the settings, the tool's own code and
// the git environment (.mailmap, replace refs…). When all of them match an earlier scan, its result
// is read back instead of folding the history again. Entries live beside the history cache and
// share its safety (atomic writes, checksums, corrupt entries reported and rebuilt).
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { AnalyzeHooks, AnalyzeOptions } from './analyze.ts';
import { buildId, packageVersions } from './build-id.ts';
import { CACHE_FORMAT, gitEnvironment, openHistoryCache, sha256, userCacheDir, type EntryWriter, type HistoryCache, type ResultKind } from './git/cache.ts';
import { historyConcurrency } from './git/client.ts';
import { openRepository, renameModeOf, resolveRevision, type Repository } from './git/repo.ts';
import { DEFAULT_CONFIG } from './config/defaults.ts';
import type { ConfigStore, ParsedConfig } from './config/load.ts';
import { decodeAnalysis, encodeAnalysisTo } from './model/analysis-codec.ts';
import { referenceDate } from './model/analysis-date.ts';
import type { Analysis } from './model/types.ts';

/**
 * A result computed while .mailmap could not be applied to co-author trailers is not the
 * repository's result: it is not stored.
 */
const DEGRADED = /was not applied to Co-authored-by/;

/** analyze(), answered from the result cache when an identical analysis was stored before. */
export async function analyzeCached(options: AnalyzeOptions, hooks: AnalyzeHooks = {}): Promise<Analysis> {
  return ((await analyzeOrReport(options, hooks)) as { analysis: Analysis }).analysis;
}

/**
 * A command's whole report, stored beside the result it was printed from, so that asking again
 * (the same revision, day, settings and options) prints it without decoding the result, deriving
 * figures or formatting anything: on rails that was two thirds of a warm scan. `check` stores what
 * it reports from this way (its evaluation of the critical systems, as JSON; see storeReport).
 */
export interface ReportRequest {
  /** The command and format that print it. */
  name: string;
  /** Everything else its bytes depend on: options, the config file's name, the terminal's width and colours. */
  inputs: unknown;
  /** Whether it names the time of analysis (`analyzedAt` in JSON), which is set to now when it is read back. */
  dated: boolean;
  /** Reads the stored bytes back (into StoredReport.value); throwing makes the entry count as unusable, so the report is made again. */
  read?: (bytes: Buffer) => unknown;
}

/** A report read back: its bytes (the time of analysis set to now), the warnings of its result, and what `read` made of it. */
export interface StoredReport {
  bytes: Buffer;
  warnings: string[];
  value?: unknown;
}

/**
 * analyzeCached, or, with a `report` request, that report when it was stored from the same result
 * (then nothing is decoded). A report whose entry is unusable is printed again from the result,
 * without a warning, as for derived figures.
 */
export async function analyzeOrReport(options: AnalyzeOptions, hooks: AnalyzeHooks = {}, report?: ReportRequest): Promise<{ analysis: Analysis } | { report: StoredReport }> {
  if (options.cache === false) return { analysis: await analyze(options, hooks) };
  const env = options.env ?? {};
  const repo = options.repository ?? (await openRepository(options.path, { env, concurrency: historyConcurrency() }));
  const [revision, environment] = await Promise.all([options.revision ?? resolveRevision(repo, options.rev, options.until), options.gitEnvironment ?? gitEnvironment(repo)]);
  const now = options.now ?? new Date();
  // Opened once, here: the history walk reuses it. What it reports (an unwritable folder, an entry
  // rebuilt, a failed write) is about this run and its cache, not about the repository: it goes to
  // the warning hook (the CLI prints it on stderr, see cacheProblems), never into the analysis, so a
  // report is the same whatever state the cache was in.
  const problems: string[] = [];
  const cache = openHistoryCache({ gitDir: repo.info.gitDir, fallbackDir: userCacheDir(env) }, (message) => problems.push(message));
  const key = resultKey(options, { revision, environment, reference: referenceDate(options.until, now), repository: repo.info });
  // Commits the stored result read without renames (git could not read some blobs then): once git
  // can, that result, its report and its derived figures are stale (a blob fetched or restored).
  // The result, its reports and derived figures are filed under the list they were made with
  // (generationKey), so a list is never paired with a result another scan made (two scans at once,
  // a blob restored between them, each writing its own pair).
  const lacking = readLacking(cache, key);
  const generation = generationKey(key, lacking.commits);
  const stale = lacking.commits.length > 0 && (await renamesReadableNow(repo, lacking));
  if (!stale) {
    const problemsBefore = problems.length;
    const printed = report ? cache.readResult(reportKey(generation, report), (payload) => decodeReport(payload, report, now), 'report') : undefined;
    // An unusable report is printed again from the result: that costs time only, so it is not reported.
    problems.length = problemsBefore;
    if (printed) {
      for (const warning of printed.warnings) hooks.onWarning?.(warning);
      return { report: printed };
    }
    const stored = cache.readResult(generation, (payload) => decodeAnalysis(payload));
    // Filed under its list, a result always has as many such commits as the list; a defence only.
    if (stored && stored.stats.commitsWithoutRenames === lacking.commits.length) {
      stored.repository.analyzedAt = now.toISOString();
      for (const warning of stored.warnings) hooks.onWarning?.(warning);
      homes.set(stored, { cache, key: generation, problems });
      return { analysis: withProblems(stored, problems, hooks) };
    }
  }
  const withoutRenames = new Set<string>();
  const missingObjects = new Set<string>();
  const analysis = await analyze(
    { ...options, repository: repo, revision, gitEnvironment: environment, now, historyCache: cache },
    {
      ...hooks,
      onCommitsWithoutRenames(ids, objects) {
        for (const id of ids) withoutRenames.add(id);
        for (const object of objects) missingObjects.add(object);
        hooks.onCommitsWithoutRenames?.(ids, objects);
      },
    },
  );
  if (cache.isWritable && !analysis.warnings.some((warning) => DEGRADED.test(warning))) {
    const made: Lacking = { commits: [...withoutRenames].sort(), objects: [...missingObjects].sort() };
    const madeGeneration = generationKey(key, made.commits);
    // The result before its list: a scan that reads the list finds the result filed under it.
    cache.writeResult(madeGeneration, (emit) => encodeAnalysisTo(analysis, emit));
    if (made.commits.length > 0 || lacking.commits.length > 0) writeJson(cache, lackingKey(key), made, 'derived');
    homes.set(analysis, { cache, key: madeGeneration, problems });
  }
  return { analysis: withProblems(analysis, problems, hooks) };
}

/** Beside a result whose analysis read some commits without renames (a `derived` entry): those commits, and the objects git named unreadable. */
interface Lacking {
  commits: string[];
  objects: string[];
}

const lackingKey = (resultKey: string) => sha256(`talentrisk without renames\0${resultKey}`);

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function readLacking(cache: HistoryCache, resultKey: string): Lacking {
  const found = cache.readResult(
    lackingKey(resultKey),
    (payload): Lacking => {
      const { commits, objects } = JSON.parse(payload.toString('utf8')) as Partial<Lacking>;
      const ids = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string' && OBJECT_ID.test(id));
      if (!ids(commits) || !ids(objects)) throw new Error('not lists of object ids');
      return { commits: commits as string[], objects: objects as string[] };
    },
    'derived',
  );
  return found ?? { commits: [], objects: [] };
}

/** Whether git may now read with renames some of the commits it could not (one git call; its module is loaded only then). */
async function renamesReadableNow(repo: Repository, lacking: Lacking): Promise<boolean> {
  const { renamesMayWorkNow } = await import('./git/log-reads.ts');
  return renamesMayWorkNow(repo, lacking.commits, lacking.objects, renameModeOf(repo));
}

/**
 * The key a result, its derived figures and its reports are stored under: the analysis's, and the
 * commits it read without renames, so that a result made again once their blobs are back never
 * meets the figures of the one before, and a list never meets a result made with another.
 */
function generationKey(resultKey: string, lackingRenames: readonly string[]): string {
  return lackingRenames.length === 0 ? resultKey : sha256(`${resultKey}\0${lackingRenames.join(',')}`);
}

/** Where each analysis that analyzeCached read or stored lives: figures derived from it are stored beside it. */
const homes = new WeakMap<Analysis, { cache: HistoryCache; key: string; problems: string[] }>();

/** What the cache reported while an analysis was read or made (see analyzeOrReport). */
const problemsOf = new WeakMap<Analysis, readonly string[]>();

function withProblems(analysis: Analysis, problems: readonly string[], hooks: AnalyzeHooks): Analysis {
  for (const problem of problems) hooks.onWarning?.(problem);
  if (problems.length > 0) problemsOf.set(analysis, [...problems]);
  return analysis;
}

/**
 * The cache's own warnings of the run that read or made `analysis` (an entry rebuilt, an unwritable
 * folder): for stderr, apart from the analysis's warnings, which reports print.
 */
export function cacheProblems(analysis: object): readonly string[] {
  return problemsOf.get(analysis as Analysis) ?? [];
}

/**
 * `compute()`, a pure function of `analysis` and `inputs`, stored beside the analysis's cached
 * result and read back by the next command with the same result and inputs (a scan's current
 * figures and projection cost more than reading the result itself). Without a stored result
 * (--no-cache, a degraded analysis) it is computed every time. Only values that JSON carries
 * exactly are stored; trouble with these small entries only costs the time to compute again, so it
 * is not reported (the result's own entry reports the cache's problems).
 */
export function derived<T>(analysis: Analysis, name: string, inputs: unknown, compute: () => T): T {
  const home = homes.get(analysis);
  if (!home) return compute();
  const key = sha256(`talentrisk derived\0${home.key}\0${name}\0${JSON.stringify(inputs) ?? 'undefined'}`);
  const found = home.cache.readResult(key, (payload) => JSON.parse(payload.toString('utf8')) as T, 'derived');
  if (found !== undefined) return found;
  const value = compute();
  writeJson(home.cache, key, value, 'derived');
  return value;
}

/** Stores `value` as JSON, only when JSON gives back exactly that value (no undefined, NaN, -0, Date, hole…). */
function writeJson(cache: HistoryCache, key: string, value: unknown, kind: ResultKind): void {
  if (!cache.isWritable) return;
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined && isDeepStrictEqual(JSON.parse(text), value)) cache.writeResult(key, (emit) => emit(Buffer.from(text, 'utf8')), kind);
}

/**
 * Beyond the result (and this build): the report, its options (the caller's inputs name the Node
 * version too, whose string functions it uses), and the packages that format it outside this one.
 */
function reportKey(resultKey: string, report: ReportRequest): string {
  return sha256(`talentrisk report\0${resultKey}\0${packageVersions(REPORT_DEPENDENCIES)}\0${report.name}\0${report.dated}\0${JSON.stringify(report.inputs) ?? 'undefined'}`);
}

/** Packages whose code shapes a report's bytes (by version; the key of its result covers the rest). */
const REPORT_DEPENDENCIES = ['chalk', 'cli-table3', 'string-width', 'wrap-ansi'];

// A stored report's payload: the report's bytes, then a JSON trailer (where the time of analysis
// sits in them, the result's warnings), then the trailer's length (u32 LE).
const TIME_LENGTH = 24; // Date#toISOString for years 0000-9999: 2026-12-06T08:00:00.000Z
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeReport(payload: Buffer, report: ReportRequest, now: Date): StoredReport {
  if (payload.length < 4) throw new Error('corrupt (no trailer)');
  const trailerLength = payload.readUInt32LE(payload.length - 4);
  const end = payload.length - 4 - trailerLength;
  if (end < 0) throw new Error('corrupt (trailer)');
  const trailer = JSON.parse(payload.toString('utf8', end, payload.length - 4)) as { time?: unknown; warnings?: unknown };
  const { time, warnings } = trailer;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string')) throw new Error('corrupt (warnings)');
  const bytes = payload.subarray(0, end);
  if (report.dated) {
    if (typeof time !== 'number' || !Number.isInteger(time) || time < 0 || time + TIME_LENGTH > end || !ISO_TIME.test(bytes.toString('latin1', time, time + TIME_LENGTH))) throw new Error('corrupt (time of analysis)');
    bytes.write(now.toISOString(), time, TIME_LENGTH, 'latin1');
  }
  return { bytes, warnings: warnings as string[], ...(report.read ? { value: report.read(bytes) } : {}) };
}

/**
 * Stores a report as it is printed (its pieces pass through `pieces()`), beside the result the
 * analysis was read from or stored as; `finish()` once all of it was handed to the output, `abort()`
 * otherwise. Undefined when there is no stored result (--no-cache, a degraded analysis) or nothing
 * can be written.
 */
export function recordReport(analysis: Analysis, report: ReportRequest): ReportRecorder | undefined {
  const home = homes.get(analysis);
  if (!home) return undefined;
  const analyzedAt = report.dated ? analysis.repository.analyzedAt : undefined;
  if (analyzedAt !== undefined && !ISO_TIME.test(analyzedAt)) return undefined;
  const problemsBefore = home.problems.length;
  const entry = home.cache.openResult(reportKey(home.key, report), 'report');
  return entry ? new ReportRecorder(entry, analyzedAt, analysis.warnings, home.problems, problemsBefore) : undefined;
}

/** Stores a report that is not printed as it is (check's evaluation); returns what went wrong storing it (a full disk). */
export function storeReport(analysis: Analysis, report: ReportRequest, bytes: Buffer): string[] {
  const recorder = recordReport(analysis, report);
  if (!recorder) return [];
  recorder.add(bytes);
  return recorder.finish();
}

export class ReportRecorder {
  private readonly entry: EntryWriter;
  /** What JSON prints for the time of analysis, until it is found (a dated report). */
  private marker: Buffer | undefined;
  private static readonly PREFIX = '"analyzedAt": "';
  /** Where the time of analysis starts in the report's bytes; null when it names none. */
  private time: number | null = null;
  private length = 0;
  private readonly warnings: readonly string[];
  /** Where the cache reports trouble (a full disk while storing), and how much it had reported before. */
  private readonly problems: string[];
  private readonly problemsBefore: number;

  constructor(entry: EntryWriter, analyzedAt: string | undefined, warnings: readonly string[], problems: string[], problemsBefore: number) {
    this.entry = entry;
    this.warnings = warnings;
    this.problems = problems;
    this.problemsBefore = problemsBefore;
    this.marker = analyzedAt === undefined ? undefined : Buffer.from(`${ReportRecorder.PREFIX}${analyzedAt}"`, 'utf8');
  }

  /** The report's pieces as bytes (made once, for the cache and for the output). */
  *pieces(report: Iterable<string>): Generator<Buffer> {
    for (const piece of report) {
      const bytes = Buffer.from(piece, 'utf8');
      this.add(bytes);
      yield bytes;
    }
  }

  /** The next piece of the report. */
  add(bytes: Buffer): void {
    // The first occurrence is the key itself (inside a JSON string its quotes would be escaped).
    // jsonPieces prints the `repository` entry, which holds it, as one piece, before any file.
    if (this.marker) {
      const at = bytes.indexOf(this.marker);
      if (at !== -1) {
        this.time = this.length + at + ReportRecorder.PREFIX.length;
        this.marker = undefined;
      }
    }
    this.length += bytes.length;
    this.entry.write(bytes);
  }

  /** Stores the report; returns what went wrong meanwhile (a full disk), for the command to print. */
  finish(): string[] {
    // A dated report whose time was not found cannot be read back right: not stored.
    if (this.marker) {
      this.abort();
      return [];
    }
    const trailer = Buffer.from(JSON.stringify({ time: this.time, warnings: this.warnings }), 'utf8');
    const size = Buffer.alloc(4);
    size.writeUInt32LE(trailer.length);
    this.entry.write(trailer);
    this.entry.write(size);
    this.entry.commit();
    return this.problems.slice(this.problemsBefore);
  }

  abort(): void {
    this.marker = undefined;
    this.entry.abort();
  }
}

/**
 * Parsed configs in the repository's cache (kind `config`), by their text, this build and the
 * versions of yaml and zod: a command on a repository with a .talentrisk.yml it has seen before
 * imports neither. The cache is opened only when a config is looked up. Trouble with an entry only
 * costs parsing again, so it is not reported.
 */
export function configStore(repo: Repository, env: Record<string, string | undefined>): ConfigStore {
  let opened: HistoryCache | undefined;
  const cache = () => (opened ??= openHistoryCache({ gitDir: repo.info.gitDir, fallbackDir: userCacheDir(env) }, () => undefined));
  const keyOf = (text: string) => sha256(`talentrisk config\0${CACHE_FORMAT}\0${buildId()}\0${packageVersions(CONFIG_DEPENDENCIES)}\0${text}`);
  return {
    read: (text) => cache().readResult(keyOf(text), decodeParsedConfig, 'config'),
    write: (text, parsed) => writeJson(cache(), keyOf(text), parsed, 'config'),
  };
}

/** Packages that parse and check a config. */
const CONFIG_DEPENDENCIES = ['yaml', 'zod'];

/** A stored config, checked as far as its shape goes (every key of the defaults, of the same kind). */
function decodeParsedConfig(payload: Buffer): ParsedConfig {
  const parsed = JSON.parse(payload.toString('utf8')) as Partial<ParsedConfig> | null;
  const positions = parsed?.positions;
  const config = parsed?.config as Record<string, unknown> | null | undefined;
  if (typeof config !== 'object' || config == null || !Array.isArray(positions)) throw new Error('corrupt (config)');
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    const stored = config[key];
    // ignoreRevsFile: a path, or false for none.
    if (key === 'ignoreRevsFile' && stored === false) continue;
    if (typeof stored !== typeof value || Array.isArray(stored) !== Array.isArray(value) || stored == null) throw new Error(`corrupt (config.${key})`);
  }
  if (!positions.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]) && Number.isInteger(entry[2]))) throw new Error('corrupt (config positions)');
  return parsed as ParsedConfig;
}

/** analyze(), loaded only when the answer is not stored (the history walk and the model are most of the code). */
async function analyze(options: AnalyzeOptions, hooks: AnalyzeHooks): Promise<Analysis> {
  const { analyze: run } = await import('./analyze.ts');
  return run(options, hooks);
}

interface KeyInputs {
  revision: { sha: string; requested: string; date: string };
  environment: string;
  reference: Date;
  repository: unknown;
}

/** Everything an analysis depends on, hashed. The config is the parsed one, defaults included. */
export function resultKey(options: AnalyzeOptions, inputs: KeyInputs): string {
  const settings = { model: options.model, depth: options.depth ?? null, onlyCode: Boolean(options.onlyCode), config: options.config };
  return createHash('sha256')
    .update(`talentrisk result\0${CACHE_FORMAT}\0${buildId()}\0${inputs.environment}\0`)
    .update(JSON.stringify([inputs.revision.sha, inputs.revision.requested, inputs.revision.date, inputs.reference.toISOString(), inputs.repository, settings]))
    .digest('hex');
}
