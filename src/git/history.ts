import { chunkKey, gitEnvironment, listKey, openHistoryCache, type CacheLocation, type ChunkEntry, type HistoryCache } from './cache.ts';
import { LOG_FORMAT, parseLogOutput } from './log-format.ts';
import { listCommits, type Repository } from './repo.ts';
import type { CommitRecord } from './types.ts';

export interface HistoryOptions {
  /** Commits per `git log` call. Small enough that each call's buffered output stays small. */
  chunkSize?: number;
  /** How many chunks may be read ahead of the one being consumed (git processes in flight). */
  readAhead?: number;
  /** Rename detection (`-M`), as METRICS.md §1 asks. */
  renames?: boolean;
  /** Called once the commit list is known (walkHistory only). */
  onListed?: (total: number) => void;
  onChunk?: (commitsRead: number, total: number) => void;
  /** Called when rename detection had to be turned off for some commits (missing blobs). */
  onRenameFallback?: (commits: number, reason: string) => void;
  /** Where parsed history may be cached (issue #5); undefined means no cache, and nothing written. */
  cache?: HistoryCacheLocation | undefined;
  /** Called for problems the walk recovered from (a corrupt cache entry, an unwritable folder). */
  onWarning?: (message: string) => void;
  /**
   * While `git rev-list` lists the commits, a second git process already diffs the newest ones
   * (in git's default order, which needs no full walk first), this many per call; 0 turns it off.
   * Default: the chunk size when readAhead >= 2, else 0.
   */
  speculate?: number;
}

export type HistoryCacheLocation = CacheLocation;

/** Chosen with bench/run.js: large enough that process start-up (a fork of a big Node heap) stays small. */
export const DEFAULT_CHUNK_SIZE = 2500;

/**
 * Splits commit ids (newest first) into chunks counted from the oldest end, so that a new commit
 * only changes the newest chunk: the boundaries of older chunks stay put (and stay cacheable).
 */
export function chunkCommits(commits: readonly string[], size: number): string[][] {
  const chunks: string[][] = [];
  let end = commits.length;
  while (end > 0) {
    const start = Math.max(0, end - size);
    chunks.unshift(commits.slice(start, end));
    end = start;
  }
  return chunks;
}

// Each chunk is a fresh git process: a smaller delta-base cache than git's 96 MiB default spares it
// most of the page faults of filling one (measured on git/git: the same user time, half the system
// time, 75 instead of 135 MB per process).
const GIT_TUNING = ['-c', 'core.deltaBaseCacheLimit=16m'];

function logArgs(ids: readonly string[], renames: boolean): string[] {
  // --no-walk=unsorted prints exactly these commits, in this order; each diff is against the
  // commit's first parent, as in a plain walk, so chunking changes no event.
  return [...GIT_TUNING, 'log', '--no-walk=unsorted', '-z', '--name-status', renames ? '-M' : '--no-renames', `--format=${LOG_FORMAT}`, ...ids];
}

const MISSING_OBJECT = /unable to read|missing blob|could not read|bad object|promisor/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses the output for `ids` and checks that it holds exactly those commits, in order. */
function parseExactly(output: string, ids: readonly string[]): CommitRecord[] {
  const records = parseLogOutput(output);
  if (records.length !== ids.length || records.some((record, index) => record.sha !== ids[index])) {
    throw new Error(`git log printed ${records.length} record(s) for ${ids.length} commit(s) (${ids[0]?.slice(0, 12) ?? 'none'}…)`);
  }
  return records;
}

/**
 * The records a failed `git log` printed before it died, checked against the commits asked for.
 * git computes a commit's diff (and its renames) before printing the commit, so what it printed
 * is whole; simple-git puts that stdout in front of stderr in the error message.
 */
function printedBefore(error: unknown, ids: readonly string[]): CommitRecord[] {
  const message = messageOf(error);
  const end = message.lastIndexOf('\0');
  if (end === -1) return [];
  const records = parseLogOutput(message.slice(0, end + 1));
  let n = 0;
  while (n < records.length && records[n]?.sha === ids[n]) n++;
  return records.slice(0, n);
}

interface ChunkReader {
  records: CommitRecord[];
  noRenames: number[];
  reason: string;
}

/**
 * Reads `ids` into `out`. When rename detection fails on missing blobs (a partial clone, a history
 * without its large files), it keeps what git printed before the failure, and narrows down to the
 * commit that failed, which alone is read with `--no-renames`. So the fallback is per commit, and
 * its result does not depend on where the chunk boundaries fall.
 */
async function readRange(repo: Repository, ids: readonly string[], renames: boolean, out: ChunkReader): Promise<void> {
  if (ids.length === 0) return;
  try {
    out.records.push(...parseExactly(await repo.git.raw(logArgs(ids, renames)), ids));
    return;
  } catch (error) {
    if (!renames || !MISSING_OBJECT.test(messageOf(error))) throw error;
    if (ids.length === 1) {
      out.noRenames.push(out.records.length);
      out.reason ||= messageOf(error).split('\n').find((line) => MISSING_OBJECT.test(line) && !line.includes('\0'))?.trim() ?? 'missing objects';
      out.records.push(...parseExactly(await repo.git.raw(logArgs(ids, false)), ids));
      return;
    }
    // The last record printed might have been cut short if git died hard: read it again.
    const printed = printedBefore(error, ids).slice(0, -1);
    if (printed.length > 0) {
      out.records.push(...printed);
      await readRange(repo, ids.slice(printed.length), renames, out);
      return;
    }
    const half = Math.ceil(ids.length / 2);
    await readRange(repo, ids.slice(0, half), renames, out);
    await readRange(repo, ids.slice(half), renames, out);
  }
}

/** Reads one chunk with git (rename fallback included). */
export async function readChunk(repo: Repository, ids: readonly string[], options: HistoryOptions): Promise<CommitRecord[]> {
  const entry = await readEntry(repo, ids, options.renames ?? true);
  if (entry.noRenames.length > 0) options.onRenameFallback?.(entry.noRenames.length, entry.reason);
  return entry.records;
}

async function readEntry(repo: Repository, ids: readonly string[], renames: boolean): Promise<ChunkEntry> {
  const out: ChunkReader = { records: [], noRenames: [], reason: '' };
  await readRange(repo, ids, renames, out);
  return out;
}

/**
 * Diffs the newest commits in git's default order while `git rev-list` computes the full list
 * (--date-order must see every commit before printing one, so the list comes late, and one core
 * would idle). Each commit's record does not depend on the order it is read in, so whatever this
 * finds is used by the chunks that contain it; what it did not reach is read by the chunks.
 */
class Speculation {
  readonly found = new Map<string, CommitRecord>();
  /** How far (in commits of the default order) the calls made so far can reach. */
  horizon = 0;
  private stopped = false;
  readonly done: Promise<void>;

  constructor(repo: Repository, sha: string, batch: number, renames: boolean) {
    this.done = this.run(repo, sha, batch, renames).catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(repo: Repository, sha: string, batch: number, renames: boolean): Promise<void> {
    for (let skip = 0; !this.stopped; skip += batch) {
      this.horizon = skip + batch;
      const args = [...GIT_TUNING, 'log', '--no-merges', '-z', '--name-status', renames ? '-M' : '--no-renames', `--format=${LOG_FORMAT}`, `--skip=${skip}`, `--max-count=${batch}`, sha];
      let records: CommitRecord[];
      try {
        records = parseLogOutput(await repo.git.raw(args));
      } catch (error) {
        // Missing blobs or anything else: keep what is surely whole, leave the rest to the chunks.
        const message = messageOf(error);
        const end = message.lastIndexOf('\0');
        for (const record of end === -1 ? [] : parseLogOutput(message.slice(0, end + 1)).slice(0, -1)) this.found.set(record.sha, record);
        return;
      }
      for (const record of records) this.found.set(record.sha, record);
      if (records.length < batch) return;
    }
  }
}

interface WalkContext {
  repo: Repository;
  options: HistoryOptions;
  renames: boolean;
  cache: HistoryCache | undefined;
  environment: string;
  speculation: Speculation | undefined;
}

/** One chunk: from the cache, from what the speculation found, else from git (then cached). */
async function loadChunk(context: WalkContext, ids: readonly string[], key: string | undefined, offset: number): Promise<ChunkEntry> {
  const { cache, speculation, repo, renames } = context;
  if (cache && key) {
    const cached = cache.readChunk(key, ids);
    if (cached) return cached;
  }
  let entry: ChunkEntry;
  // Chunks well past what the speculation can reach do not wait for it.
  if (speculation && offset < speculation.horizon * 1.25 + 256) {
    await speculation.done;
    const known = ids.map((id) => speculation.found.get(id));
    const missing = ids.filter((_, index) => known[index] === undefined);
    const rest = await readEntry(repo, missing, renames);
    let next = 0;
    const records = known.map((record) => record ?? (rest.records[next++] as CommitRecord));
    const position = new Map(ids.map((id, index) => [id, index]));
    entry = { records, noRenames: rest.noRenames.map((index) => position.get(missing[index] as string) as number), reason: rest.reason };
    for (const id of ids) speculation.found.delete(id);
  } else {
    entry = await readEntry(repo, ids, renames);
  }
  if (cache && key) cache.writeChunk(key, ids, entry);
  return entry;
}

async function* walkChunks(context: WalkContext, commits: readonly string[]): AsyncGenerator<CommitRecord[]> {
  const { options, cache } = context;
  const chunks = chunkCommits(commits, Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const readAhead = Math.max(1, options.readAhead ?? 2);
  const keyOf = (ids: readonly string[]) => (cache ? chunkKey(ids, { format: LOG_FORMAT, renames: context.renames, environment: context.environment }) : undefined);
  interface Job {
    promise: Promise<ChunkEntry>;
    usesGit: boolean;
  }
  const window: Job[] = [];
  let running = 0;
  let next = 0;
  let offset = 0;
  const fill = () => {
    // At most `readAhead` chunks read by git at once, and a few cached ones decoded ahead.
    while (next < chunks.length && running < readAhead && window.length < readAhead + 4) {
      const ids = chunks[next++] as string[];
      const key = keyOf(ids);
      const usesGit = !(cache && key && cache.hasChunk(key));
      if (usesGit) running++;
      const promise = loadChunk(context, ids, key, offset).finally(() => {
        if (!usesGit) return;
        running--;
        fill(); // keep git busy even while an earlier chunk is still awaited
      });
      promise.catch(() => undefined); // handled when awaited in order; avoids an unhandled rejection meanwhile
      window.push({ promise, usesGit });
      offset += ids.length;
    }
  };
  let read = 0;
  fill();
  while (window.length > 0) {
    const entry = await (window[0] as Job).promise;
    window.shift();
    fill();
    if (entry.noRenames.length > 0) options.onRenameFallback?.(entry.noRenames.length, entry.reason);
    read += entry.records.length;
    options.onChunk?.(read, commits.length);
    yield entry.records;
    fill();
  }
}

/**
 * Streams the history of the given commits (newest first) as parsed records. Chunks are read in
 * parallel (up to `readAhead` at once, bounded by the git client's process limit) and yielded in
 * order, so the result is identical to one sequential walk while memory holds only the chunks in
 * flight.
 */
export async function* streamHistory(repo: Repository, commits: readonly string[], options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  const cache = options.cache ? openHistoryCache(options.cache, (message) => options.onWarning?.(message)) : undefined;
  const environment = cache ? await gitEnvironment(repo) : '';
  yield* walkChunks({ repo, options, renames: options.renames ?? true, cache, environment, speculation: undefined }, commits);
  cache?.cleanup();
}

/**
 * Lists the non-merge commits of `sha` (repo.ts's order) and streams their records. With a cache,
 * a revision scanned before needs no git process at all; otherwise the newest commits are diffed
 * while the list is computed.
 */
export async function* walkHistory(repo: Repository, sha: string, options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  const renames = options.renames ?? true;
  const cache = options.cache ? openHistoryCache(options.cache, (message) => options.onWarning?.(message)) : undefined;
  const environment = cache ? await gitEnvironment(repo) : '';
  const key = cache ? listKey(sha, environment) : '';
  let commits = cache?.readList(key);
  let speculation: Speculation | undefined;
  if (!commits) {
    const batch = options.speculate ?? ((options.readAhead ?? 2) >= 2 ? (options.chunkSize ?? DEFAULT_CHUNK_SIZE) : 0);
    if (batch > 0) speculation = new Speculation(repo, sha, batch, renames);
    try {
      commits = await listCommits(repo, sha);
    } finally {
      speculation?.stop();
    }
    cache?.writeList(key, commits);
  }
  options.onListed?.(commits.length);
  yield* walkChunks({ repo, options, renames, cache, environment, speculation }, commits);
  cache?.cleanup();
}
