// The result cache (issue #5, warm re-scans): an analysis is a pure function of the revision, the
// analysis day (the reference date of the decayed figures), the settings, the tool's own code and
// the git environment (.mailmap, replace refs…). When all of them match an earlier scan, its result
// is read back instead of folding the history again. Entries live beside the history cache and
// share its safety (atomic writes, checksums, corrupt entries reported and rebuilt).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { AnalyzeHooks, AnalyzeOptions } from './analyze.ts';
import { CACHE_FORMAT, gitEnvironment, openHistoryCache, userCacheDir, type HistoryCache } from './git/cache.ts';
import { historyConcurrency } from './git/client.ts';
import { openRepository, resolveRevision } from './git/repo.ts';
import { decodeAnalysis, encodeAnalysisTo } from './model/analysis-codec.ts';
import { referenceDate } from './model/analysis-date.ts';
import type { Analysis } from './model/types.ts';
import { VERSION } from './version.ts';

/**
 * A result computed while .mailmap could not be applied to co-author trailers is not the
 * repository's result: it is not stored.
 */
const DEGRADED = /was not applied to Co-authored-by/;

/** analyze(), answered from the result cache when an identical analysis was stored before. */
export async function analyzeCached(options: AnalyzeOptions, hooks: AnalyzeHooks = {}): Promise<Analysis> {
  if (options.cache === false) return analyze(options, hooks);
  const env = options.env ?? {};
  const repo = options.repository ?? (await openRepository(options.path, { env, concurrency: historyConcurrency() }));
  const [revision, environment] = await Promise.all([options.revision ?? resolveRevision(repo, options.rev, options.until), options.gitEnvironment ?? gitEnvironment(repo)]);
  const now = options.now ?? new Date();
  // Opened once, here: the history walk reuses it. What it reports (an unwritable folder, an entry
  // rebuilt, a failed write) is about this run, so it goes into this run's warnings only.
  const problems: string[] = [];
  const cache = openHistoryCache({ gitDir: repo.info.gitDir, fallbackDir: userCacheDir(env) }, (message) => problems.push(message));
  const key = resultKey(options, { revision, environment, reference: referenceDate(options.until, now), repository: repo.info });
  const stored = cache.readResult(key, (payload) => decodeAnalysis(payload));
  if (stored) {
    stored.repository.analyzedAt = now.toISOString();
    for (const warning of stored.warnings) hooks.onWarning?.(warning);
    homes.set(stored, { cache, key });
    return stored;
  }
  const analysis = await analyze({ ...options, repository: repo, revision, gitEnvironment: environment, now, historyCache: cache }, hooks);
  if (cache.isWritable && !analysis.warnings.some((warning) => DEGRADED.test(warning))) {
    cache.writeResult(key, (emit) => encodeAnalysisTo(analysis, emit));
    homes.set(analysis, { cache, key });
  }
  for (const problem of problems) hooks.onWarning?.(problem);
  analysis.warnings.unshift(...problems);
  return analysis;
}

/** Where each analysis that analyzeCached read or stored lives: figures derived from it are stored beside it. */
const homes = new WeakMap<Analysis, { cache: HistoryCache; key: string }>();

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
  const key = createHash('sha256').update(`talentrisk derived\0${home.key}\0${name}\0`).update(JSON.stringify(inputs) ?? 'undefined').digest('hex');
  const found = home.cache.readResult(key, (payload) => JSON.parse(payload.toString('utf8')) as T, 'derived');
  if (found !== undefined) return found;
  const value = compute();
  if (!home.cache.isWritable) return value;
  const text = JSON.stringify(value) as string | undefined;
  // Stored only when JSON gives back exactly what was computed (no undefined, NaN, -0, Date, hole…).
  if (text !== undefined && isDeepStrictEqual(JSON.parse(text), value)) home.cache.writeResult(key, (emit) => emit(Buffer.from(text, 'utf8')), 'derived');
  return value;
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

/** Packages whose contents shape the result (file selection), by version. */
const RESULT_DEPENDENCIES = ['binary-extensions', 'linguist-languages', 'picomatch'];

let cachedBuildId: string | undefined;

/**
 * Hash of the whole build (every module of this package) and of the dependencies that shape a
 * result: a development build never reads results written by different code of the same version.
 * `npm run build` writes the modules' hash to dist/build-id.txt (scripts/build-id.mjs); from the
 * sources (tests) it is computed here the same way.
 */
function buildId(): string {
  if (cachedBuildId) return cachedBuildId;
  const hash = createHash('sha256').update(VERSION).update(`${modulesHash()}\0`);
  for (const name of RESULT_DEPENDENCIES) hash.update(`${name}@${dependencyVersion(name)}\0`);
  cachedBuildId = hash.digest('hex');
  return cachedBuildId;
}

function modulesHash(): string {
  const root = path.dirname(fileURLToPath(import.meta.url));
  try {
    if (import.meta.url.endsWith('.js')) return fs.readFileSync(path.join(root, 'build-id.txt'), 'utf8').trim();
  } catch {
    // a build without the file: hash the modules below
  }
  return hashModules(root);
}

/** Hash of every module (.js or .ts, not .d.ts) below `root`: what scripts/build-id.mjs writes for a build. */
export function hashModules(root: string): string {
  const hash = createHash('sha256');
  const files = (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')).sort();
  for (const name of files) hash.update(`${name}\0`).update(fs.readFileSync(path.join(root, name))).update('\0');
  return hash.digest('hex');
}

function dependencyVersion(name: string): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest)) {
        const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (parsed.name === name) return parsed.version ?? 'unknown';
      }
      const parent = path.dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  } catch {
    return 'unknown';
  }
}
