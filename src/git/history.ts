import os from 'node:os';
import { chunkKey, gitEnvironment, HistoryCache, listKey, openHistoryCache, type CacheLocation, type ChunkEntry, type CommitIds, type Interner } from './cache.ts';
import { LOG_FORMAT, LogReader, parseLogOutput, RECORD_START, renameFlag, type RenameMode } from './log-format.ts';
import { extendCommitList, listCommitsTimed, type CommitList, type Repository } from './repo.ts';
import type { CommitRecord, Signature } from './types.ts';

export interface HistoryOptions {
  /** Commits per `git log` call. Small enough that each call's buffered output stays small. */
  chunkSize?: number;
  /** How many chunks may be read ahead of the one being consumed (git processes in flight). */
  readAhead?: number;
  /**
   * Most commits one git process reads (consecutive uncached chunks are read together). Default:
   * about a quarter of the history per lane, at least one chunk, within the command-line limit.
   */
  batchSize?: number;
  /** Rename detection (`-M`), as METRICS.md §1 asks. */
  renames?: RenameMode;
  /** Called once the commit list is known (walkHistory only). */
  onListed?: (total: number) => void;
  onChunk?: (commitsRead: number, total: number) => void;
  /** Called when rename detection had to be turned off for some commits (missing blobs). */
  onRenameFallback?: (commits: number, reason: string) => void;
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

/** Chosen with bench/run.js: large enough that process start-up (a fork of a big Node heap) stays small. */
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

  slice(start: number, end: number): string[] {
    if (this.list) return this.list.slice(start, end);
    const bytes = this.bytes as Buffer;
    const ids: string[] = new Array(end - start);
    for (let i = start; i < end; i++) ids[i - start] = bytes.toString('latin1', i * this.width, (i + 1) * this.width);
    return ids;
  }
}

// git checks every full commit id on its command line against the ref names too (about a dozen
// stat calls each, to warn if a branch is named like an id): 0.1 s of system time per 7,500 ids
// on git/git, most of a chunked walk's overhead over one `git log`. Ids are never ref names here.
const NO_REF_LOOKUP = ['-c', 'core.warnAmbiguousRefs=false'];

function logArgs(ids: readonly string[], renames: RenameMode): string[] {
  // --no-walk=unsorted prints exactly these commits, in this order; each diff is against the
  // commit's first parent, as in a plain walk, so chunking changes no event.
  return [...NO_REF_LOOKUP, 'log', '--no-walk=unsorted', '-z', '--name-status', renameFlag(renames), `--format=${LOG_FORMAT}`, ...ids];
}

const MISSING_OBJECT = /unable to read|missing blob|could not read|bad object|promisor/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed git log's message, cut in two: simple-git puts the output (whose records end with a NUL)
 * in front of what git said on stderr. Only stderr tells what went wrong: a printed path (git's own
 * promisor-remote.c) must not pass for a missing object.
 */
function splitFailure(error: unknown): { printed: string; stderr: string } {
  const message = messageOf(error);
  const end = message.lastIndexOf('\0') + 1;
  return { printed: message.slice(0, end), stderr: message.slice(end) };
}

/** The records a failed git log printed before it died (its last one may be cut short). */
function printedRecords(error: unknown): CommitRecord[] {
  const { printed } = splitFailure(error);
  return printed ? parseLogOutput(printed) : [];
}

/** Parses the output for `ids` and checks that it holds exactly those commits, in order. */
function parseExactly(output: string, ids: readonly string[]): CommitRecord[] {
  const records = parseLogOutput(output);
  if (records.length !== ids.length || records.some((record, index) => record.sha !== ids[index])) throw printedError(records.length, ids);
  return records;
}

function printedError(count: number, ids: readonly string[]): Error {
  return new Error(`git log printed ${count} record(s) for ${ids.length} commit(s) (${ids[0]?.slice(0, 12) ?? 'none'}…)`);
}

/**
 * The output of one `git log` for `ids`, parsed only as its records are taken. git's text is a few
 * times smaller than the records parsed from it, and records parsed long before they are folded
 * outlive young-generation collections and pile up in the old generation; a chunk parsed when its
 * turn comes dies young. The check of parseExactly happens as the records are taken.
 */
class LazyRecords {
  private reader: LogReader | undefined;
  private readonly text: string;
  private readonly ids: readonly string[];
  private taken = 0;

  constructor(text: string, ids: readonly string[]) {
    this.text = text;
    this.ids = ids;
    this.reader = new LogReader(text);
  }

  get remaining(): number {
    return this.ids.length - this.taken;
  }

  take(count: number, into: CommitRecord[]): void {
    const reader = this.reader;
    if (!reader) throw printedError(parseLogOutput(this.text).length, this.ids);
    for (let n = 0; n < count; n++) {
      const record = reader.next();
      if (!record || record.sha !== this.ids[this.taken]) throw printedError(parseLogOutput(this.text).length, this.ids);
      into.push(record);
      this.taken++;
    }
    if (this.taken === this.ids.length) {
      if (reader.next()) throw printedError(parseLogOutput(this.text).length, this.ids);
      this.reader = undefined;
    }
  }
}

/**
 * The records a failed `git log` printed before it died, checked against the commits asked for.
 * git computes a commit's diff (and its renames) before printing the commit, so what it printed
 * is whole; simple-git puts that stdout in front of stderr in the error message.
 */
function printedBefore(error: unknown, ids: readonly string[]): CommitRecord[] {
  const records = printedRecords(error);
  let n = 0;
  while (n < records.length && records[n]?.sha === ids[n]) n++;
  return records.slice(0, n);
}

/** What readRange gathered: records in order (parsed, or git's text to parse), and the fallbacks. */
interface RangeOutput {
  pieces: (CommitRecord[] | LazyRecords)[];
  /** Records gathered so far. */
  count: number;
  /** Indexes (into the records) of commits read without rename detection. */
  noRenames: number[];
  reason: string;
}

function addRecords(out: RangeOutput, records: CommitRecord[]): void {
  out.pieces.push(records);
  out.count += records.length;
}

/**
 * Reads `ids` into `out`. When rename detection fails on missing blobs (a partial clone, a history
 * without its large files), it keeps what git printed before the failure, and narrows down to the
 * commit that failed, which alone is read with `--no-renames`. So the fallback is per commit, and
 * its result does not depend on where the chunk boundaries fall.
 */
async function readRange(repo: Repository, ids: readonly string[], renames: RenameMode, out: RangeOutput): Promise<void> {
  if (ids.length === 0) return;
  let text: string;
  try {
    text = await repo.git.raw(logArgs(ids, renames));
  } catch (error) {
    const { stderr } = splitFailure(error);
    if (!renames || !MISSING_OBJECT.test(stderr)) throw error;
    if (ids.length === 1) {
      out.noRenames.push(out.count);
      out.reason ||= stderr.split('\n').find((line) => MISSING_OBJECT.test(line))?.trim() ?? 'missing objects';
      addRecords(out, parseExactly(await repo.git.raw(logArgs(ids, false)), ids));
      return;
    }
    const printed = printedBefore(error, ids);
    // Keep what git printed but its last record (it might have been cut short). The commit that
    // failed is most likely the next one; each commit's record is the same whatever range it is
    // read in, so the rest is read in parts at once, each narrowing further if it fails too: the
    // last record again, the likely culprit alone, and what follows it. When git printed nothing,
    // the first commit alone and the two halves of the rest: a failure the output does not place
    // is found in a logarithmic number of calls.
    const whole = printed.slice(0, -1);
    addRecords(out, whole);
    const next = printed.length;
    const parts =
      next > 0
        ? [ids.slice(whole.length, next), ids.slice(next, next + 1), ids.slice(next + 1)]
        : [ids.slice(0, 1), ids.slice(1, 1 + Math.ceil((ids.length - 1) / 2)), ids.slice(1 + Math.ceil((ids.length - 1) / 2))];
    const read = await Promise.all(
      parts
        .filter((part) => part.length > 0)
        .map(async (part) => {
          const sub: RangeOutput = { pieces: [], count: 0, noRenames: [], reason: '' };
          // A single commit on the queue of short calls (as loadFromSpeculation reads): behind the
          // lanes' whole batches, the failing commit's second read waited 190 ms on rails, and the
          // last chunk behind it.
          await readRange(part.length === 1 ? { ...repo, git: repo.side } : repo, part, renames, sub);
          return sub;
        }),
    );
    for (const sub of read) appendRange(out, sub);
    return;
  }
  out.pieces.push(new LazyRecords(text, ids));
  out.count += ids.length;
}

/** Appends what another read gathered (the records that follow `out`'s). */
function appendRange(out: RangeOutput, more: RangeOutput): void {
  for (const index of more.noRenames) out.noRenames.push(out.count + index);
  out.pieces.push(...more.pieces);
  out.count += more.count;
  out.reason ||= more.reason;
}

/** Hands out the records of a RangeOutput in order, parsing git's text as it goes. */
function takeRecords(out: RangeOutput, count: number): CommitRecord[] {
  const records: CommitRecord[] = [];
  while (records.length < count) {
    const piece = out.pieces[0];
    if (piece === undefined) throw new Error(`history chunk ends early (${records.length} of ${count} commits)`);
    if (Array.isArray(piece)) {
      const n = Math.min(piece.length, count - records.length);
      for (let i = 0; i < n; i++) records.push(piece[i] as CommitRecord);
      if (n === piece.length) out.pieces.shift();
      else out.pieces[0] = piece.slice(n);
    } else {
      const n = Math.min(piece.remaining, count - records.length);
      piece.take(n, records);
      if (piece.remaining === 0) out.pieces.shift();
    }
  }
  return records;
}

/** Reads one chunk with git (rename fallback included). */
export async function readChunk(repo: Repository, ids: readonly string[], options: HistoryOptions): Promise<CommitRecord[]> {
  const entry = await readEntry(repo, ids, options.renames ?? true);
  if (entry.noRenames.length > 0) options.onRenameFallback?.(entry.noRenames.length, entry.reason);
  return entry.records;
}

async function readEntry(repo: Repository, ids: readonly string[], renames: RenameMode): Promise<ChunkEntry> {
  const out = await readLazily(repo, ids, renames);
  return { records: takeRecords(out, ids.length), noRenames: out.noRenames, reason: out.reason };
}

async function readLazily(repo: Repository, ids: readonly string[], renames: RenameMode): Promise<RangeOutput> {
  const out: RangeOutput = { pieces: [], count: 0, noRenames: [], reason: '' };
  await readRange(repo, ids, renames, out);
  return out;
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
    const args = ['log', '--no-merges', '-z', '--name-status', renameFlag(renames), `--format=${LOG_FORMAT}`, ...(Number.isFinite(limit) ? [`--max-count=${limit}`] : []), sha, ...(exclude ? [`^${exclude}`] : [])];
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
}

/** A chunk read but not parsed yet: its entry, made when its turn comes (chunks in order). */
type PendingEntry = () => ChunkEntry;

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

/**
 * A chunk the speculation mostly read: what it found, plus git for the commits it missed, on the
 * queue of short calls (the lanes hold the walk's own, and this chunk is among the first folded).
 */
async function loadFromSpeculation(context: WalkContext, speculation: Speculation, ids: readonly string[]): Promise<ChunkEntry> {
  await speculation.done;
  const known = ids.map((id) => speculation.found.get(id));
  const missing = ids.filter((_, index) => known[index] === undefined);
  const rest = await readEntry({ ...context.repo, git: context.repo.side }, missing, context.renames);
  let next = 0;
  const records = known.map((record) => record ?? (rest.records[next++] as CommitRecord));
  const position = new Map(ids.map((id, index) => [id, index]));
  for (const id of ids) speculation.found.delete(id);
  return { records, noRenames: rest.noRenames.map((index) => position.get(missing[index] as string) as number), reason: rest.reason };
}

/** Bytes of commit ids one git command line may carry (Windows caps a command line at 32K chars). */
const MAX_ARGUMENT_BYTES = os.platform() === 'win32' ? 24_000 : 600_000;

/**
 * Yields the records of each chunk in order. Cache entries are per chunk (so one new commit costs
 * one chunk), but consecutive chunks missing from the cache are read by one git process: each
 * process pays a start-up (its own delta-base cache, page faults over the pack) that on large
 * repositories costs more than the chunk's diffs, so a cold walk uses about 4 processes per lane.
 */
async function* walkChunks(context: WalkContext, commits: PackedIds): AsyncGenerator<CommitRecord[]> {
  const { options, cache, speculation } = context;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const bounds = chunkBounds(commits.count, chunkSize);
  const idsOf = (first: number, last = first + 1): string[] => commits.slice(bounds[first]![0], bounds[last - 1]![1]);
  const sizeOf = (index: number): number => bounds[index]![1] - bounds[index]![0];
  const readAhead = Math.max(1, options.readAhead ?? 2);
  const idBytes = (commits.slice(0, 1)[0]?.length ?? 40) + 1;
  const batchLimit = Math.max(chunkSize, options.batchSize ?? Math.min(Math.ceil(commits.count / (4 * readAhead)), Math.floor(MAX_ARGUMENT_BYTES / idBytes)));
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

  const pending: (Promise<PendingEntry> | undefined)[] = new Array(bounds.length);
  /** Commits each planned chunk added to `buffered` (0 for a speculated chunk: not a lane's read). */
  const held = new Array<number>(bounds.length).fill(0);
  let planned = 0; // chunks before this index have a task (or are cached)
  let running = 0; // git tasks in flight
  let buffered = 0; // commits read by git and not yet consumed
  const start = (from: number, to: number, load: () => Promise<PendingEntry[]>, reads = bounds[to - 1]![1] - bounds[from]![0]) => {
    const runsGit = reads > 0;
    if (runsGit) running++;
    buffered += reads;
    for (let i = from; i < to; i++) held[i] = to - from === 1 ? reads : sizeOf(i);
    const task = load().finally(() => {
      if (runsGit) running--;
      fill(); // keep git busy even while an earlier chunk is still awaited
    });
    task.catch(() => undefined); // handled when awaited in order; avoids an unhandled rejection meanwhile
    for (let i = from; i < to; i++) pending[i] = task.then((entries) => entries[i - from] as PendingEntry);
  };
  const fill = () => {
    while (planned < bounds.length && running < readAhead && buffered < (readAhead + 1) * batchLimit) {
      const first = planned;
      if (cached[first]) {
        planned++; // read when its turn comes: decoding ahead would only hold memory
        continue;
      }
      if (first < speculated && speculation) {
        const ids = idsOf(first);
        // Not a lane: what the speculation missed of it is read beside the lanes.
        start(
          first,
          first + 1,
          async () => {
            const entry = await loadFromSpeculation(context, speculation, ids);
            return [() => entry];
          },
          0,
        );
        planned++;
        continue;
      }
      let last = first + 1;
      let size = sizeOf(first);
      while (last < bounds.length && !cached[last] && size + sizeOf(last) <= batchLimit) size += sizeOf(last++);
      const ids = idsOf(first, last);
      const sizes = bounds.slice(first, last).map(([from, to]) => to - from);
      start(first, last, async () => splitEntry(await readLazily(context.repo, ids, context.renames), sizes));
      planned = last;
    }
  };

  let read = 0;
  for (let i = 0; i < bounds.length; i++) {
    fill();
    const ids = idsOf(i);
    let entry = cached[i] ? cache?.readChunk(keys[i] as string, ids, context.pool.decoding) : undefined;
    if (entry) {
      context.pool.adoptRenames(entry.records);
    } else {
      // Not cached, or the entry turned out unusable (already reported): read it now.
      const task = pending[i];
      pending[i] = undefined;
      entry = task ? (await task)() : await readEntry(context.repo, ids, context.renames);
      buffered -= held[i] as number;
      // What it found beyond the chunks taken from it (skewed clocks) was read again by the lanes.
      if (i === speculated - 1) speculation?.found.clear();
      context.pool.adopt(entry.records);
      cache?.writeChunk(keys[i] as string, ids, entry);
    }
    if (entry.noRenames.length > 0) options.onRenameFallback?.(entry.noRenames.length, entry.reason);
    read += entry.records.length;
    options.onChunk?.(read, commits.count);
    const records = entry.records;
    // Dropped, so that this chunk is garbage (and dies young) while the next one is read; a chunk
    // kept one step longer survived young-generation collections: +45 MB of old generation on 300k commits.
    // eslint-disable-next-line no-useless-assignment -- the assignment is for the garbage collector
    entry = undefined;
    yield records;
  }
}

/**
 * Streams the history of the given commits (newest first) as parsed records. Chunks are read in
 * parallel (up to `readAhead` at once, bounded by the git client's process limit) and yielded in
 * order, so the result is identical to one sequential walk while memory holds only the chunks in
 * flight.
 */
export async function* streamHistory(repo: Repository, commits: readonly string[], options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  const cache = cacheOf(options);
  const environment = cache ? await gitEnvironment(repo) : '';
  yield* walkChunks({ repo, options, renames: options.renames ?? true, cache, environment, speculation: undefined, pool: new StringPool() }, new PackedIds(commits));
  cache?.cleanup();
}

/**
 * Lists the non-merge commits of `sha` (repo.ts's order) and streams their records. With a cache,
 * a revision scanned before needs no git process at all; otherwise the newest commits are diffed
 * while the list is computed. The work starts at the call, not at the first `next()`, so a caller
 * can start the walk and meanwhile do its own preparation.
 */
export function walkHistory(repo: Repository, sha: string, options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  let prepared: Promise<PreparedWalk> | undefined = prepareWalk(repo, sha, options);
  prepared.catch(() => undefined); // reported when iterated; avoids an unhandled rejection meanwhile
  return (async function* () {
    // The caller may keep the finished generator: let go of what it started from as soon as it is walked.
    const { context, ids, storeList } = await (prepared as Promise<PreparedWalk>);
    prepared = undefined;
    // Not yield*: it would hold each chunk while the next one is read (see walkChunks).
    const chunks = walkChunks(context, ids);
    for (let records = await nextChunk(chunks); records; records = await nextChunk(chunks)) {
      yield records;
      // eslint-disable-next-line no-useless-assignment -- for the garbage collector, as in walkChunks
      records = undefined;
    }
    storeList?.();
    context.cache?.setLastTip(sha);
    context.cache?.cleanup();
  })();
}

/** The next chunk's records, or undefined at the end (so that no caller's frame keeps the step). */
async function nextChunk(chunks: AsyncGenerator<CommitRecord[]>): Promise<CommitRecord[] | undefined> {
  const step = await chunks.next();
  return step.done ? undefined : step.value;
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
  if (!commits) {
    const previous = cache?.lastTip();
    // A descendant of the last scanned revision: list only the new commits when that provably gives
    // git's own --date-order list (repo.ts extendCommitList), instead of walking the whole history.
    const base = previous && previous !== sha ? cache?.readCommitList(listKey(previous, environment)) : undefined;
    listed = previous && base?.newest !== undefined ? await extendCommitList(repo, sha, { tip: previous, list: { commits: base.commits, newest: base.newest } }) : undefined;
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
  return { context: { repo, options, renames, cache, environment, speculation, pool: new StringPool() }, ids, storeList };
}
