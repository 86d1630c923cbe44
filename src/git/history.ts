import { TalentriskError } from '../errors.ts';
import { toGitError } from './client.ts';
import { chunkKey, gitEnvironment, HistoryCache, listKey, openHistoryCache, type CacheLocation, type ChunkEntry, type CommitIds, type Interner } from './cache.ts';
import { LOG_FORMAT, parseLogOutput, RECORD_START, recordLogOptions, type RenameMode } from './log-format.ts';
import { forward, idLines, joinReasons, Lane, LANE_PROCESS_COMMITS, missingObjectsIn, pendingOutput, readEntry, renamesMayWorkNow, takeRecords, type LaneGroup, type LaneLimits, type RangeOutput } from './log-reads.ts';
import { extendCommitList, listCommitsTimed, type CommitList, type Repository } from './repo.ts';
import type { CommitRecord, Signature } from './types.ts';

export interface HistoryOptions {
  /** Commits per chunk: the unit of the cache and of a lane's turn. */
  chunkSize?: number;
  /** How many lanes (git processes reading the history at once). */
  readAhead?: number;
  /**
   * Most commits a lane reads in one turn (consecutive uncached chunks read together). Default: one
   * chunk.
   */
  batchSize?: number;
  /**
   * Most commits a lane may hold read ahead of the chunk being consumed before its git process is
   * paused. Default: LANE_AHEAD, or two batches when they are larger.
   */
  laneAhead?: number;
  /** Most commits one git process of a lane reads (its ids are held until it starts). Default: LANE_PROCESS_COMMITS. */
  processCommits?: number;
  /** Rename detection (`-M`), as METRICS.md §1 asks. */
  renames?: RenameMode;
  /** Called once the commit list is known (walkHistory only). */
  onListed?: (total: number) => void;
  onChunk?: (commitsRead: number, total: number) => void;
  /** Called when rename detection had to be limited for some commits (missing blobs; log-reads.ts fallbackText): how many, git's reason, their ids. */
  onRenameFallback?: (commits: number, reason: string, ids: readonly string[]) => void;
  /**
   * Where parsed history may be cached (issue #5), or a cache the caller already opened (then its
   * own warning callback hears about the cache); undefined means no cache, and nothing written.
   */
  cache?: HistoryCacheLocation | HistoryCache | undefined;
  /** Called for problems the walk recovered from (a corrupt cache entry, an unwritable folder). */
  onWarning?: (message: string) => void;
  /** The git environment fingerprint (cache.ts gitEnvironment), when the caller already has it. */
  environment?: string | undefined;
  /**
   * While `git rev-list` lists the commits, a second git process already diffs the newest ones (in
   * git's default order, which needs no full walk first), until the list is known: at most this
   * many commits; 0 turns it off. Default: SPECULATION_LIMIT when readAhead >= 2, else 0.
   */
  speculate?: number;
}

export type HistoryCacheLocation = CacheLocation;

/**
 * Most commits the speculation diffs (what it finds is held until its chunks are folded): above
 * what it reaches before the list is known on the benchmark's repositories (rails 9,000-11,500,
 * the synthetic 300,000-commit one 34,000-46,000), so a backstop for larger histories.
 */
export const SPECULATION_LIMIT = 50_000;

/**
 * Commits a lane may hold read ahead of the fold (git's text, a few hundred bytes per commit), so
 * that neither lane waits on the other's slower stretches: 2.5 MB of text per lane on rails.
 */
export const LANE_AHEAD = 10_000;

/** Groups per lane at the end of a walk that go to whichever lane is free first. */
const TAIL_GROUPS_PER_LANE = 2;

/**
 * Chosen with bench/run.js: the unit of the cache (a new commit reads one chunk again) and of the
 * lanes' turns; large enough that a chunk's entry and its read stay cheap per commit.
 */
export const DEFAULT_CHUNK_SIZE = 2500;

/**
 * Splits commit ids (newest first) into chunks counted from the oldest end, so that a new commit
 * only changes the newest chunk: the boundaries of older chunks stay put (and stay cacheable).
 */
export function chunkCommits(commits: readonly string[], size: number): string[][] {
  return chunkBounds(commits.length, size).map(([start, end]) => commits.slice(start, end));
}

/** The [start, end) of each chunk of chunkCommits, for `count` commits. */
function chunkBounds(count: number, size: number): [start: number, end: number][] {
  const bounds: [number, number][] = [];
  for (let end = count; end > 0; end = Math.max(0, end - size)) bounds.push([Math.max(0, end - size), end]);
  return bounds.reverse();
}

/**
 * The commit ids of a walk packed in one buffer (they all have the same length): 300,000 ids held
 * as separate strings, cut from the text they were listed in, take twice the memory for the whole
 * walk. Each chunk's ids are made when the chunk needs them, as strings of their own: a slice of
 * one long string would keep all of it alive for as long as any id is held (by the arguments of a
 * git process whose end Node has not processed yet, 12 MB at the end of a 300,000-commit scan).
 */
class PackedIds {
  readonly count: number;
  private readonly width: number;
  private readonly bytes: Buffer | undefined;
  private readonly list: readonly string[] | undefined;

  constructor(ids: readonly string[]) {
    this.count = ids.length;
    this.width = ids[0]?.length ?? 40;
    const width = this.width;
    const uniform = ids.every((id) => id.length === width);
    this.bytes = uniform ? Buffer.from(ids.join(''), 'latin1') : undefined;
    this.list = uniform ? undefined : ids;
  }

  /** The ids of [start, end) for chunkKey: a view of the packed bytes (no string per id), or the ids. */
  hashable(start: number, end: number): Uint8Array | string[] {
    return this.bytes ? this.bytes.subarray(start * this.width, end * this.width) : (this.list as readonly string[]).slice(start, end);
  }

  /** All the ids, for the cache's list: packed when they are. */
  all(): CommitIds {
    return this.bytes ? { hex: this.bytes, count: this.count } : (this.list as readonly string[]);
  }

  /** The ids of the given [start, end) ranges, one per line (git's --stdin), made from the packed bytes. */
  lines(ranges: readonly (readonly [number, number])[]): Buffer {
    if (this.list) return idLines(ranges.flatMap(([start, end]) => (this.list as readonly string[]).slice(start, end)));
    const bytes = this.bytes as Buffer;
    const width = this.width;
    const out = Buffer.allocUnsafe(ranges.reduce((sum, [start, end]) => sum + (end - start) * (width + 1), 0));
    let at = 0;
    // Byte by byte: a native copy per id cost more in calls than it saved (33 ms for 150,000 ids).
    for (const [start, end] of ranges) {
      for (let from = start * width, stop = end * width; from < stop; ) {
        for (let k = 0; k < width; k++) out[at++] = bytes[from++] as number;
        out[at++] = 0x0a;
      }
    }
    return out;
  }

  slice(start: number, end: number): string[] {
    if (this.list) return this.list.slice(start, end);
    const bytes = this.bytes as Buffer;
    const ids: string[] = new Array(end - start);
    for (let i = start; i < end; i++) ids[i - start] = bytes.toString('latin1', i * this.width, (i + 1) * this.width);
    return ids;
  }
}

const RECORD_START_BYTE = RECORD_START.charCodeAt(0);

/**
 * The records of `git log` output that may end anywhere (a process stopped or failed mid-way): all
 * but the last, which may be cut short (a path, a header), unless git finished.
 */
export function wholeRecords(output: string, finished: boolean): CommitRecord[] {
  const records = parseLogOutput(output);
  if (!finished) records.pop();
  return records;
}

/**
 * Diffs the newest commits in git's default order while `git rev-list` computes the full list
 * (--date-order must see every commit before printing one, so the list comes late, and one core
 * would idle). One git process, read as it prints and stopped (killed) once the list is known:
 * batches of `--skip=N --max-count=M` walked the skipped commits again each time, 0.25 CPU-seconds
 * more for the first 10,000 commits of rails. Each commit's record does not depend on the order it
 * is read in, so whatever this finds is used by the chunks that contain it; the rest is left to them.
 */
class Speculation {
  readonly found = new Map<string, CommitRecord>();
  readonly done: Promise<void>;
  /** Records begun in the output so far (counted, not parsed): about how far it got when stopped. */
  received = 0;
  private readonly stopper = new AbortController();
  private output: Buffer[] | undefined = [];
  /**
   * The last byte received: a record starts after a NUL, so the start byte inside a path is not
   * counted (a path that begins with it is: `received` only guides where the lanes start).
   */
  private previousByte = 0;

  constructor(repo: Repository, sha: string, limit: number, renames: RenameMode, exclude?: string) {
    const args = ['log', '--no-merges', ...recordLogOptions(renames), ...(Number.isFinite(limit) ? [`--max-count=${limit}`] : []), sha, ...(exclude ? [`^${exclude}`] : [])];
    this.done = repo.stream(args, (chunk) => this.receive(chunk), this.stopper.signal).then(
      () => this.take(true),
      // Stopped, missing blobs or anything else: keep what is surely whole, leave the rest to the chunks.
      () => this.take(false),
    );
  }

  stop(): void {
    this.stopper.abort();
  }

  private receive(chunk: Buffer): void {
    if (!this.output) return; // taken already: nothing more is read (nor held)
    this.output.push(chunk);
    for (let at = chunk.indexOf(RECORD_START_BYTE); at !== -1; at = chunk.indexOf(RECORD_START_BYTE, at + 1)) {
      if ((at === 0 ? this.previousByte : chunk[at - 1]) === 0) this.received++;
    }
    this.previousByte = chunk.at(-1) ?? this.previousByte;
  }

  private take(finished: boolean): void {
    const records = wholeRecords(Buffer.concat(this.output ?? []).toString('utf8'), finished);
    this.output = undefined;
    for (const record of records) this.found.set(record.sha, record);
  }
}

/**
 * One copy of each name, email and path for the whole walk. Parsed strings are slices of a chunk's
 * whole git output (V8 keeps substrings as views), so a consumer that keeps one name or path
 * (a developer table, a rename map) would keep that chunk's whole text alive: memory would grow
 * with the history instead of with files × developers. A pooled string is a copy of its own.
 */
class StringPool implements Interner {
  private readonly paths = new Map<string, string>();
  private readonly people = new Map<string, Map<string, Signature>>();
  /**
   * For decoding cache entries: people pooled, paths as decoded (adoptRenames then pools the
   * rename paths only, as adopt does for git's output; pooling every path of every chunk made the
   * pool hold every path the history ever had).
   */
  readonly decoding: Interner = { person: (name, email) => this.person(name, email), path: (file) => file };

  path(file: string): string {
    let pooled = this.paths.get(file);
    if (pooled === undefined) {
      pooled = ownCopy(file);
      this.paths.set(pooled, pooled);
    }
    return pooled;
  }

  person(name: string, email: string): Signature {
    // Two levels rather than a joined key: no string is built per commit.
    let byEmail = this.people.get(name);
    if (byEmail === undefined) {
      byEmail = new Map();
      this.people.set(ownCopy(name), byEmail);
    }
    let pooled = byEmail.get(email);
    if (pooled === undefined) {
      pooled = { name: ownCopy(name), email: ownCopy(email) };
      byEmail.set(pooled.email, pooled);
    }
    return pooled;
  }

  /**
   * Rewrites freshly parsed records (ours to change) to use pooled people and rename sources: the
   * strings a consumer keeps. Other paths only pass through (pooling every path costs 0.4 s of
   * CPU per 300,000 commits for no memory gain).
   */
  adopt(records: CommitRecord[]): void {
    for (const record of records) {
      record.author = this.person(record.author.name, record.author.email);
      if (record.coAuthors.length > 0) record.coAuthors = record.coAuthors.map((co) => this.person(co.name, co.email));
    }
    this.adoptRenames(records);
  }

  /** Pools the paths of renames (and copies): the only paths a consumer keeps. */
  adoptRenames(records: readonly CommitRecord[]): void {
    for (const record of records) {
      for (const change of record.changes) {
        if (change.oldPath !== undefined) {
          change.oldPath = this.path(change.oldPath);
          change.path = this.path(change.path);
        }
      }
    }
  }
}

/** A string that owns its characters (not a view into a larger one). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

interface WalkContext {
  repo: Repository;
  options: HistoryOptions;
  renames: RenameMode;
  cache: HistoryCache | undefined;
  environment: string;
  speculation: Speculation | undefined;
  pool: StringPool;
  /** How many commits at the front of the list are new since the list it extends (0: not extended). */
  fresh: number;
}

/** A chunk read but not parsed yet: its entry, made when its turn comes (chunks in order). */
type PendingEntry = () => ChunkEntry;

/** An entry being read ahead, handed out when its chunk's turn comes and let go then (so it dies young once folded). */
function heldEntry(reading: Promise<ChunkEntry>): () => Promise<PendingEntry> {
  let entry: Promise<ChunkEntry> | undefined = reading;
  entry.catch(() => undefined); // handled when awaited in order
  return async () => {
    const loaded = await (entry as Promise<ChunkEntry>);
    entry = undefined;
    return () => loaded;
  };
}

/** Splits what one git call read for consecutive chunks into one entry per chunk, each parsed when taken. */
function splitEntry(out: RangeOutput, sizes: readonly number[]): PendingEntry[] {
  let start = 0;
  return sizes.map((size) => {
    const from = start;
    const end = (start += size);
    return () => ({
      records: takeRecords(out, size),
      noRenames: out.noRenames.filter((i) => i >= from && i < end).map((i) => i - from),
      reason: out.reason,
    });
  });
}

/** A chunk the speculation mostly read: what it found, plus git for the commits it missed. */
async function loadFromSpeculation(context: WalkContext, speculation: Speculation, ids: readonly string[]): Promise<ChunkEntry> {
  await speculation.done;
  const known = ids.map((id) => speculation.found.get(id));
  const missing = ids.filter((_, index) => known[index] === undefined);
  const rest = await readEntry(context.repo, missing, context.renames);
  let next = 0;
  const records = known.map((record) => record ?? (rest.records[next++] as CommitRecord));
  const position = new Map(ids.map((id, index) => [id, index]));
  for (const id of ids) speculation.found.delete(id);
  return { records, noRenames: rest.noRenames.map((index) => position.get(missing[index] as string) as number), reason: rest.reason };
}

/**
 * The entry of a chunk made of new commits (`newIds`, read with git) in front of the commits of a
 * cached entry (`oldIds`, under `oldKey`): each commit's record is the same whatever it is read with.
 * Should that entry be unusable (reported by the cache), the whole chunk is read with git.
 */
async function extendEntry(context: WalkContext, oldKey: string, newIds: readonly string[], oldIds: readonly string[]): Promise<ChunkEntry> {
  const cached = context.cache?.readChunk(oldKey, oldIds, context.pool.decoding);
  if (!cached) return readEntry(context.repo, [...newIds, ...oldIds], context.renames);
  const older = (await renamesRestored(context, oldIds, cached)) ?? cached;
  const newer = await readEntry(context.repo, newIds, context.renames);
  return {
    records: [...newer.records, ...older.records],
    noRenames: [...newer.noRenames, ...older.noRenames.map((index) => index + newIds.length)],
    reason: joinReasons(newer.reason, older.reason),
  };
}

/**
 * A cached entry holding commits read without rename detection (git could not read some of their
 * blobs when it was made), with those commits read again with it: undefined when it holds none, or
 * while the objects git named are still missing (one `git cat-file`), else the entry as git reads
 * it now. Without this, a blob fetched or restored later would never count: the entry is keyed by
 * its commits, not by which objects the repository holds.
 */
async function renamesRestored(context: WalkContext, ids: readonly string[], entry: ChunkEntry): Promise<ChunkEntry | undefined> {
  if (entry.noRenames.length === 0 || !context.renames) return undefined;
  const lacking = entry.noRenames.map((index) => ids[index] as string);
  if (!(await renamesMayWorkNow(context.repo, lacking, missingObjectsIn(entry.reason), context.renames))) return undefined;
  const again = await readEntry(context.repo, lacking, context.renames);
  context.pool.adopt(again.records);
  const records = [...entry.records];
  entry.noRenames.forEach((index, k) => {
    records[index] = again.records[k] as CommitRecord;
  });
  return { records, noRenames: again.noRenames.map((k) => entry.noRenames[k] as number), reason: again.reason };
}

/**
 * Yields the records of each chunk in order. Cache entries are per chunk, counted from the oldest
 * end (so new commits change only the newest chunks); the chunks missing from the cache are read
 * by the lanes (log-reads.ts Lane), one git process for up to LANE_PROCESS_COMMITS commits each: a
 * process pays a start-up (a fork of this process, its own delta-base cache, page faults over the
 * pack) that costs more than a chunk's diffs.
 */
async function* walkChunks(context: WalkContext, commits: PackedIds): AsyncGenerator<CommitRecord[]> {
  const { options, cache, speculation } = context;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const bounds = chunkBounds(commits.count, chunkSize);
  const idsOf = (first: number, last = first + 1): string[] => commits.slice(bounds[first]![0], bounds[last - 1]![1]);
  const sizeOf = (index: number): number => bounds[index]![1] - bounds[index]![0];
  const lanes = Math.max(1, options.readAhead ?? 2);
  const groupLimit = Math.max(chunkSize, options.batchSize ?? chunkSize);
  const limits: LaneLimits = { ahead: Math.max(1, options.laneAhead ?? Math.max(2 * groupLimit, LANE_AHEAD)), perProcess: Math.max(1, options.processCommits ?? LANE_PROCESS_COMMITS) };
  const keys = bounds.map(([from, to]) => (cache ? chunkKey(commits.hashable(from, to), { format: LOG_FORMAT, renames: context.renames, environment: context.environment }) : ''));
  const cached = keys.map((key) => cache !== undefined && cache.hasChunk(key));
  // The newest chunks, up to where the speculation (stopped by now: what it printed after is not
  // read) got, are taken from it: its default order is --date-order except where clocks were skewed, so
  // those chunks are mostly in what it found. The lanes start at once with the older ones.
  let speculated = 0;
  const reach = speculation?.received ?? 0;
  while (speculated < bounds.length && !cached[speculated] && (bounds[speculated]![0] + bounds[speculated]![1]) / 2 < reach) speculated++;
  // Nothing taken from it: let go of what it found as soon as it has it.
  if (speculated === 0) void speculation?.done.then(() => speculation.found.clear());

  /** Per chunk not cached, how its entry comes (made when its turn comes, so parsed then). */
  const pending: ((() => Promise<PendingEntry>) | undefined)[] = new Array(bounds.length);
  // After new commits on top of a scanned revision, the chunk that holds both new and old commits
  // is the last scan's newest chunk with the new ones in front (chunks are counted from the oldest
  // end): its old part is that chunk's entry, and only the new commits are read from git.
  // (The speculation does not run then: the list was extended, not computed.)
  const mixed = context.fresh > 0 ? bounds.findIndex(([from, to]) => from < context.fresh && context.fresh < to) : -1;
  const reused = new Set<number>();
  if (cache && mixed !== -1 && !cached[mixed]) {
    const [from, to] = bounds[mixed]!;
    const split = context.fresh;
    const oldKey = chunkKey(commits.hashable(split, to), { format: LOG_FORMAT, renames: context.renames, environment: context.environment });
    if (cache.hasChunk(oldKey)) {
      reused.add(mixed);
      pending[mixed] = heldEntry(extendEntry(context, oldKey, commits.slice(from, split), commits.slice(split, to)));
    }
  }
  // The chunks taken from the speculation: what it missed of them is read beside the lanes, all at
  // once (their records are held by the speculation until then anyway), each let go once folded.
  for (let i = 0; i < speculated && speculation; i++) pending[i] = heldEntry(loadFromSpeculation(context, speculation, idsOf(i)));
  // The other chunks missing from the cache, in groups of consecutive ones, dealt to the lanes in
  // turn so that they advance through the history side by side, as the fold takes it.
  const groups: [first: number, last: number][] = [];
  for (let first = speculated; first < bounds.length; ) {
    if (cached[first] || reused.has(first)) {
      first++;
      continue;
    }
    let last = first + 1;
    let size = sizeOf(first);
    while (last < bounds.length && !cached[last] && !reused.has(last) && size + sizeOf(last) <= groupLimit) size += sizeOf(last++);
    groups.push([first, last]);
    first = last;
  }
  const running: Lane[] = [];
  try {
    const laneCount = Math.min(lanes, groups.length);
    const laneGroupOf = ([first, last]: [number, number]): LaneGroup => {
      const range = [bounds[first]![0], bounds[last - 1]![1]] as const;
      return { count: range[1] - range[0], first: commits.slice(range[0], range[0] + 1)[0] as string, ids: () => idsOf(first, last), range };
    };
    const input = (some: readonly LaneGroup[]) => commits.lines(some.map((group) => group.range));
    const entriesFor = (first: number, last: number, output: () => Promise<RangeOutput>) => {
      let entries: Promise<PendingEntry[]> | undefined;
      const sizes = bounds.slice(first, last).map(([from, to]) => to - from);
      for (let i = first; i < last; i++) {
        pending[i] = async () => (await (entries ??= output().then((out) => splitEntry(out, sizes))))[i - first] as PendingEntry;
      }
    };
    // The last groups go to whichever lane is done first, one process each, so that the lanes end
    // together: dealt in turn, chunks of unequal cost left one lane diffing alone for 0.2-0.3 s.
    // (At most what leaves each lane one group dealt, so every lane has a share.)
    const tailCount = laneCount > 1 ? Math.min(groups.length - laneCount, TAIL_GROUPS_PER_LANE * laneCount) : 0;
    const dealt = groups.length - tailCount;
    const tail = groups.slice(dealt).map((group) => {
      const output = pendingOutput();
      entriesFor(group[0], group[1], () => output.promise);
      return { group, output };
    });
    let nextTail = 0;
    const takeTail = (): void => {
      const next = tail[nextTail++];
      if (!next) return;
      const reader = new Lane(context.repo, [laneGroupOf(next.group)], input, context.renames, { ...limits, onDone: takeTail });
      running.push(reader);
      forward(reader.take(0), next.output);
    };
    for (let lane = 0; lane < laneCount; lane++) {
      const share = groups.slice(0, dealt).filter((_, index) => index % laneCount === lane);
      const reader = new Lane(context.repo, share.map(laneGroupOf), input, context.renames, { ...limits, onDone: takeTail });
      running.push(reader);
      share.forEach(([first, last], k) => entriesFor(first, last, () => reader.take(k)));
    }

    let read = 0;
    for (let i = 0; i < bounds.length; i++) {
      const ids = idsOf(i);
      let entry = cached[i] ? cache?.readChunk(keys[i] as string, ids, context.pool.decoding) : undefined;
      if (entry) {
        context.pool.adoptRenames(entry.records);
        const again = await renamesRestored(context, ids, entry);
        if (again) {
          entry = again;
          cache?.writeChunk(keys[i] as string, ids, entry);
        }
      } else {
        // Not cached, or the entry turned out unusable (already reported): read it now.
        const task = pending[i];
        pending[i] = undefined;
        entry = task ? (await task())() : await readEntry(context.repo, ids, context.renames);
        // What it found beyond the chunks taken from it (skewed clocks) was read again by the lanes.
        if (i === speculated - 1) speculation?.found.clear();
        context.pool.adopt(entry.records);
        cache?.writeChunk(keys[i] as string, ids, entry);
      }
      if (entry.noRenames.length > 0) options.onRenameFallback?.(entry.noRenames.length, entry.reason, entry.noRenames.map((index) => ids[index] as string));
      read += entry.records.length;
      options.onChunk?.(read, commits.count);
      const records = entry.records;
      // Dropped, so that this chunk is garbage (and dies young) while the next one is read; a chunk
      // kept one step longer survived young-generation collections: +45 MB of old generation on 300k commits.
      entry = undefined;
      yield records;
    }
  } finally {
    // A walk left early (an error in the fold, a consumer that stopped) leaves no git running.
    for (const reader of running) reader.stop();
  }
}

/**
 * Streams the history of the given commits (newest first) as parsed records. Chunks are read in
 * parallel (`readAhead` lanes) and yielded in order, so the result is identical to one sequential
 * walk while memory holds only the chunks in flight. Stopping early: as for walkHistory.
 */
export async function* streamHistory(repo: Repository, commits: readonly string[], options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  const cache = cacheOf(options);
  const environment = cache ? await gitEnvironment(repo) : '';
  yield* walkChunks({ repo, options, renames: options.renames ?? true, cache, environment, speculation: undefined, pool: new StringPool(), fresh: 0 }, new PackedIds(commits));
  cache?.cleanup();
}

/**
 * Lists the non-merge commits of `sha` (repo.ts's order) and streams their records. With a cache,
 * a revision scanned before needs no git process at all; otherwise the newest commits are diffed
 * while the list is computed. The work starts at the call, not at the first `next()`, so a caller
 * can start the walk and meanwhile do its own preparation. A caller that stops before the end must
 * call `return()` (a `for await` loop does when left): that stops the git processes, which are
 * paused while the caller does not take their output.
 */
export function walkHistory(repo: Repository, sha: string, options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  let prepared: Promise<PreparedWalk> | undefined = prepareWalk(repo, sha, options);
  prepared.catch(() => undefined); // reported when iterated; avoids an unhandled rejection meanwhile
  return (async function* () {
    // The caller may keep the finished generator: let go of what it started from as soon as it is walked.
    const { context, ids, storeList } = await (prepared as Promise<PreparedWalk>).catch((error: unknown) => {
      throw asGitFailure(error, sha);
    });
    prepared = undefined;
    // Not yield*: it would hold each chunk while the next one is read (see walkChunks).
    const chunks = walkChunks(context, ids);
    try {
      for (let records = await nextChunk(chunks, sha); records; records = await nextChunk(chunks, sha)) {
        yield records;
        records = undefined; // for the garbage collector, as in walkChunks
      }
    } finally {
      // Left early (the caller stopped or failed): walkChunks stops its git processes.
      await chunks.return(undefined);
    }
    storeList?.();
    context.cache?.setLastTip(sha);
    context.cache?.cleanup();
  })();
}

/** The next chunk's records, or undefined at the end (so that no caller's frame keeps the step). */
async function nextChunk(chunks: AsyncGenerator<CommitRecord[]>, sha: string): Promise<CommitRecord[] | undefined> {
  try {
    const step = await chunks.next();
    return step.done ? undefined : step.value;
  } catch (error) {
    throw asGitFailure(error, sha);
  }
}

/**
 * git's own failure, which the walk does not handle (a `fatal:` line: a broken git config such as a
 * missing diff.orderFile, a corrupt repository), as an error the user can act on, with git's reason
 * (exit 2); before, it was reported as an internal error of talentrisk. Anything else as it is.
 */
function asGitFailure(error: unknown, sha: string): unknown {
  if (error instanceof TalentriskError || !(error instanceof Error) || !/^(fatal|error): /m.test(error.message)) return error;
  return toGitError(error, `reading the history of ${sha.slice(0, 12)}`);
}

function cacheOf(options: HistoryOptions): HistoryCache | undefined {
  if (options.cache instanceof HistoryCache || options.cache === undefined) return options.cache;
  return openHistoryCache(options.cache, (message) => options.onWarning?.(message));
}

/** What a walk starts from: the commit list, packed (the strings of 300,000 ids are 30 MB). */
interface PreparedWalk {
  context: WalkContext;
  ids: PackedIds;
  /** Writes the commit list to the cache, if it was computed and is not written yet. */
  storeList?: (() => void) | undefined;
}

async function prepareWalk(repo: Repository, sha: string, options: HistoryOptions): Promise<PreparedWalk> {
  const renames = options.renames ?? true;
  const cache = cacheOf(options);
  const environment = cache ? (options.environment ?? (await gitEnvironment(repo))) : '';
  const key = cache ? listKey(sha, environment) : '';
  let commits = cache?.readCommitList(key)?.commits;
  let speculation: Speculation | undefined;
  let listed: CommitList | undefined;
  let fresh = 0;
  if (!commits) {
    const previous = cache?.lastTip();
    // A descendant of the last scanned revision: list only the new commits when that provably gives
    // git's own --date-order list (repo.ts extendCommitList), instead of walking the whole history.
    const base = previous && previous !== sha ? cache?.readCommitList(listKey(previous, environment)) : undefined;
    listed = previous && base?.newest !== undefined ? await extendCommitList(repo, sha, { tip: previous, list: { commits: base.commits, newest: base.newest } }) : undefined;
    fresh = listed?.added ?? 0;
    if (!listed) {
      const limit = options.speculate ?? ((options.readAhead ?? 2) >= 2 ? SPECULATION_LIMIT : 0);
      // After an earlier scan, only the commits it did not see are worth diffing ahead: the rest is
      // most likely cached (and if that revision is gone, git fails and the chunks do the work).
      // Its count is then of new commits, not a list position: the newest uncached chunks are taken
      // from it, and what it missed of them (old-dated new commits sort deeper) is read beside the lanes.
      if (limit > 0 && previous !== sha) speculation = new Speculation(repo, sha, limit, renames, previous);
      try {
        listed = await listCommitsTimed(repo, sha);
      } finally {
        speculation?.stop();
      }
    }
    commits = listed.commits;
  }
  const ids = new PackedIds(commits);
  // Stored from the packed ids (encoding the strings one by one took 20-25 ms on rails' 73,000
  // commits, 3 ms this way), once the lanes have started: their git processes are spawned in the
  // promise jobs that run before it, and the write kept them waiting 8 ms. At the latest when the
  // walk ends (a walk answered without I/O never reaches the event loop in between).
  let storeList: (() => void) | undefined;
  if (listed && cache) {
    const { newest } = listed;
    let stored = false;
    storeList = () => {
      if (!stored) cache.writeList(key, ids.all(), newest);
      stored = true;
    };
    setImmediate(storeList);
  }
  options.onListed?.(ids.count);
  return { context: { repo, options, renames, cache, environment, speculation, pool: new StringPool(), fresh }, ids, storeList };
}
