import { setMaxListeners } from 'node:events';
import type { ChunkEntry } from './cache.ts';
import { LogReader, parseLogOutput, recordLogOptions, recordStart, type RenameMode } from './log-format.ts';
import type { Repository } from './repo.ts';
import type { CommitRecord } from './types.ts';

// Reading commits' records with `git log`: one call for a list of ids (narrowing down to the
// commits whose blobs are missing, which are read with exact renames only), and the walk's lanes,
// git processes handed their ids on stdin and read as they print (history.ts deals the chunks).

// git checks every full commit id it is given against the ref names too (about a dozen stat calls
// each, to warn if a branch is named like an id): 0.1 s of system time per 7,500 ids
// on git/git, most of a chunked walk's overhead over one `git log`. Ids are never ref names here.
const NO_REF_LOOKUP = ['-c', 'core.warnAmbiguousRefs=false'];

function logArgs(renames: RenameMode): string[] {
  // --no-walk=unsorted prints exactly these commits, in this order; each diff is against the
  // commit's first parent, as in a plain walk, so chunking changes no event. --stdin: the ids come
  // on the standard input, so no command-line limit applies (Windows' is 32K characters: ~780 ids).
  return [...NO_REF_LOOKUP, 'log', '--no-walk=unsorted', '--stdin', ...recordLogOptions(renames)];
}

const MISSING_OBJECT = /unable to read|missing blob|could not read|bad object|promisor/i;

/** What git said on stderr when a read failed (its output is read as a stream, so it is not in the message). */
function stderrOf(error: unknown): string {
  return error instanceof LogFailure ? error.stderr : error instanceof Error ? error.message : String(error);
}

/** A short git call that failed, with what it printed before (a `git log`'s records whole but maybe the last). */
class LogFailure extends Error {
  readonly stderr: string;
  readonly printed: string;

  constructor(cause: unknown, printed: string) {
    const stderr = cause instanceof Error ? cause.message : String(cause);
    super(stderr, { cause });
    this.stderr = stderr;
    this.printed = printed;
  }
}

// The reads below are never stopped from outside: a walk left early lets them finish (they are short).
// Each read listens to it, and a walk may run more than ten at once: no listener limit to warn about.
const NEVER_STOPPED = new AbortController().signal;
setMaxListeners(0, NEVER_STOPPED);

/** The whole output of one short git call handed `ids` on stdin; a failure is a LogFailure (with what git printed before). */
async function outputOf(repo: Repository, args: string[], ids: readonly string[]): Promise<string> {
  const pieces: Buffer[] = [];
  try {
    await repo.stream(args, (chunk) => pieces.push(chunk), NEVER_STOPPED, { input: idLines(ids) });
  } catch (error) {
    throw new LogFailure(error, Buffer.concat(pieces).toString('utf8'));
  }
  return Buffer.concat(pieces).toString('utf8');
}

/** The text of one `git log` for `ids`, handed to it on stdin; a failure is a LogFailure. */
function logText(repo: Repository, ids: readonly string[], renames: RenameMode): Promise<string> {
  return outputOf(repo, logArgs(renames), ids);
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
 * The records a git log printed before it died, as long as they are the commits `ids` begins with.
 * git computes a commit's diff (and its renames) before printing the commit, so what it printed
 * is whole (but for its last record, if the output was cut).
 */
function leadingRecords(printed: string, ids: readonly string[]): CommitRecord[] {
  const records = printed ? parseLogOutput(printed) : [];
  let n = 0;
  while (n < records.length && records[n]?.sha === ids[n]) n++;
  return records.slice(0, n);
}

/** What readRange gathered: records in order (parsed, or git's text to parse), and the fallbacks. */
export interface RangeOutput {
  pieces: (CommitRecord[] | LazyRecords)[];
  /** Records gathered so far. */
  count: number;
  /** Indexes (into the records) of commits read without full rename detection (exact renames only, or none: fallbackText). */
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
 * commit that failed, which alone is read with exact renames only (fallbackText). So the fallback is per commit, and
 * its result does not depend on where the chunk boundaries fall.
 */
async function readRange(repo: Repository, ids: readonly string[], renames: RenameMode, out: RangeOutput): Promise<void> {
  if (ids.length === 0) return;
  let text: string;
  try {
    text = await logText(repo, ids, renames);
  } catch (error) {
    const stderr = stderrOf(error);
    if (!renames || !MISSING_OBJECT.test(stderr) || !(error instanceof LogFailure)) throw error;
    await readAfterFailure(repo, ids, leadingRecords(error.printed, ids), stderr, renames, out, 'these');
    return;
  }
  out.pieces.push(new LazyRecords(text, ids));
  out.count += ids.length;
}

/**
 * Reads `ids` into `out` after a git log failed on missing objects (`stderr`), having printed the
 * records `printed` (checked against `ids`) first. `asked`: whether that git read only these
 * commits (readRange) or more after them (a lane), so that it may have failed on a later one.
 */
async function readAfterFailure(repo: Repository, ids: readonly string[], printed: readonly CommitRecord[], stderr: string, renames: RenameMode, out: RangeOutput, asked: 'these' | 'more'): Promise<void> {
  // One commit, and git read only it (or did not print it): the one that failed. A lane's git,
  // which reads more than a group, may also fail after printing all of it, on a later group.
  if (ids.length === 1 && (asked === 'these' || printed.length === 0)) {
    out.noRenames.push(out.count);
    out.reason = joinReasons(out.reason, missingLines(stderr) || 'missing objects');
    addRecords(out, parseExactly(await fallbackText(repo, ids, renames), ids));
    return;
  }
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
        const sub = emptyRange();
        await readRange(repo, part, renames, sub);
        return sub;
      }),
  );
  for (const sub of read) appendRange(out, sub);
}

/**
 * The text of a commit whose rename detection failed on missing blobs: read with exact renames only
 * (`-M100%` pairs files by object id and reads no blob), so that the files it moved unchanged keep
 * their history; with none if even that fails. With no renames at all, pnpm's reorganisation of
 * 1,410 files (one blob missing) made its author the creator of 965 of them (a first-time user).
 */
async function fallbackText(repo: Repository, ids: readonly string[], renames: RenameMode): Promise<string> {
  if (renames === true) {
    try {
      return await logText(repo, ids, 'exact');
    } catch (error) {
      if (!(error instanceof LogFailure) || !MISSING_OBJECT.test(stderrOf(error))) throw error;
    }
  }
  return logText(repo, ids, false);
}

/** Appends what another read gathered (the records that follow `out`'s). */
function appendRange(out: RangeOutput, more: RangeOutput): void {
  for (const index of more.noRenames) out.noRenames.push(out.count + index);
  out.pieces.push(...more.pieces);
  out.count += more.count;
  out.reason = joinReasons(out.reason, more.reason);
}

/** Consecutive chunks a lane reads in one turn. */
export interface LaneGroup {
  /** How many commits. */
  count: number;
  /** The first commit's id (where its output begins). */
  first: string;
  /** All its ids, made when needed (the walk's ids are kept packed). */
  ids: () => string[];
  /** Its [start, end) in the walk's list. */
  range: readonly [number, number];
}

/** How a lane's git processes get their ids: the ids of these groups, one per line. */
export type LaneInput = (groups: readonly LaneGroup[]) => Buffer;

export interface LaneLimits {
  /** Commits read ahead of the walk at which git is paused. */
  ahead: number;
  /** Most commits one git process reads. */
  perProcess: number;
  /** Called once the lane has started reading all its groups (it may take more then). */
  onDone?: (() => void) | undefined;
}

/**
 * What a lane holds read ahead of the walk, counted once for the lane and its successors (the
 * groups a finished process read and the walk has not taken yet still count): the one running
 * process is paused at the limit.
 */
class ReadAhead {
  held = 0;
  running: Lane | undefined;
  readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  add(commits: number): void {
    this.held += commits;
    this.running?.flowing(this.held < this.limit);
  }
}

function emptyRange(): RangeOutput {
  return { pieces: [], count: 0, noRenames: [], reason: '' };
}

/** A lane's output for one group, settled from outside (Promise.withResolvers needs Node 22). */
export interface PendingOutput {
  promise: Promise<RangeOutput>;
  resolve: (out: RangeOutput) => void;
  reject: (error: unknown) => void;
}

export function pendingOutput(): PendingOutput {
  let resolve: (out: RangeOutput) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<RangeOutput>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // Awaited in order by the walk; avoids an unhandled rejection for the ones it never reaches.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Settles `into` as `from` settles. */
export function forward(from: Promise<RangeOutput>, into: PendingOutput): void {
  from.then(into.resolve, into.reject);
}

/**
 * A lane's share of the walk (groups of chunks, taken in turn by the lanes), read by one git
 * process at a time, each handed the ids of up to LANE_PROCESS_COMMITS commits on its standard
 * input (`git log --stdin`). So a lane starts one git process for 40,000 commits, not one per batch
 * of ~7,500 as before: each start forks this process (7-13 ms of its main thread at ~150 MB of
 * memory, against 1-2 at the start) and makes git fault the pack in again (rails' history in 10
 * batches: 0.31 s of system time, in one process 0.12). The output is cut per group as it
 * arrives, at the next group's first record, so a group is ready as soon as it is whole; git is
 * paused while the lane holds `limits.ahead` commits that the walk has not taken yet. The groups
 * after a process's share go to the next lane object (`successor`), started when it ends.
 */
export class Lane {
  /** One per group, in order: what git printed for it. */
  private readonly outputs: PendingOutput[];
  private readonly taken: boolean[];
  private readonly stopper = new AbortController();
  /** The group being received, its bytes so far, and how far they were searched for its end. */
  private current = 0;
  private pieces: Buffer[] = [];
  private length = 0;
  private searched = 0;
  /** The bytes that begin the next group's output (made once per group). */
  private marker: Buffer | undefined;
  private readonly readAhead: ReadAhead;
  private paused: boolean;
  private started = false;
  private flow: { pause(): void; resume(): void } | undefined;
  /** Groups before this index are this process's to read. */
  private readonly end: number;
  /** The lane that reads the groups after `handedOverAt` (the next process, or the rest after a failure). */
  private successor: Lane | undefined;
  private handedOverAt = Infinity;

  private readonly repo: Repository;
  private readonly groups: readonly LaneGroup[];
  private readonly input: LaneInput;
  private readonly renames: RenameMode;
  private readonly limits: LaneLimits;

  constructor(repo: Repository, groups: readonly LaneGroup[], input: LaneInput, renames: RenameMode, limits: LaneLimits, readAhead = new ReadAhead(limits.ahead)) {
    this.repo = repo;
    this.groups = groups;
    this.input = input;
    this.renames = renames;
    this.limits = limits;
    this.readAhead = readAhead;
    this.paused = readAhead.held >= readAhead.limit;
    let end = 0;
    for (let commits = 0; end < groups.length && (end === 0 || commits + (groups[end] as LaneGroup).count <= limits.perProcess); end++) commits += (groups[end] as LaneGroup).count;
    this.end = end;
    this.taken = groups.map(() => false);
    this.outputs = groups.map(pendingOutput);
    if (groups.length === 0) return;
    readAhead.running = this;
    // A process that would start paused starts once the walk has caught up: a paused git can only
    // be held while it runs (node reads the rest of a child's output once it exits), and one that
    // waits holds nothing.
    if (!this.paused) this.start();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const onFlow = (flow: { pause(): void; resume(): void }): void => {
      this.flow = flow;
      if (this.paused) flow.pause();
    };
    this.repo.stream(logArgs(this.renames), (chunk) => this.receive(chunk), this.stopper.signal, { input: this.input(this.groups.slice(0, this.end)), onFlow }).then(
      () => this.finish(),
      (error: unknown) => this.fail(error),
    );
  }

  /** What git printed for group `index`; from now on it no longer counts as read ahead. */
  take(index: number): Promise<RangeOutput> {
    this.markTaken(index);
    return (this.outputs[index] as PendingOutput).promise;
  }

  private markTaken(index: number): void {
    if (index > this.handedOverAt && this.successor) {
      this.successor.markTaken(index - this.handedOverAt - 1);
      return;
    }
    if (!this.taken[index]) {
      this.taken[index] = true;
      if (index < this.current) this.readAhead.add(-(this.groups[index]?.count ?? 0));
    }
  }

  /** Lets git print (true) or pauses it (false). */
  flowing(flowing: boolean): void {
    if (flowing === !this.paused) return;
    this.paused = !flowing;
    if (flowing && !this.started && !this.stopper.signal.aborted) this.start();
    else if (flowing) this.flow?.resume();
    else this.flow?.pause();
  }

  stop(): void {
    this.stopper.abort();
    if (!this.started) for (let i = this.current; i < this.groups.length; i++) this.outputs[i]?.reject(new Error('history walk stopped'));
    this.successor?.stop();
  }

  private receive(chunk: Buffer): void {
    this.pieces.push(chunk);
    this.length += chunk.length;
    while (this.current < this.end - 1) {
      const marker = (this.marker ??= Buffer.from(`\0${recordStart((this.groups[this.current + 1] as LaneGroup).first)}`, 'latin1'));
      // Only what arrived since the last search, and the bytes before it a marker may straddle.
      const from = Math.max(0, this.searched - marker.length + 1);
      const at = this.bytesFrom(from).indexOf(marker);
      this.searched = this.length;
      if (at === -1) return;
      const end = from + at + 1; // the group's output ends with the NUL before the next record
      const bytes = Buffer.concat(this.pieces, this.length);
      const rest = Buffer.from(bytes.subarray(end)); // a copy: a view would keep the whole group's bytes
      this.complete(bytes.subarray(0, end));
      this.pieces = [rest];
      this.length = rest.length;
      this.searched = 0;
    }
  }

  /** The bytes received for the current group from offset `from` on. */
  private bytesFrom(from: number): Buffer {
    const parts: Buffer[] = [];
    let start = this.length;
    for (let i = this.pieces.length - 1; i >= 0 && start > from; i--) {
      const piece = this.pieces[i] as Buffer;
      start -= piece.length;
      parts.unshift(start < from ? piece.subarray(from - start) : piece);
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  private complete(bytes: Buffer): void {
    const index = this.current++;
    this.marker = undefined;
    const group = this.groups[index] as LaneGroup;
    const ids = group.ids();
    this.outputs[index]?.resolve({ pieces: [new LazyRecords(bytes.toString('utf8'), ids)], count: ids.length, noRenames: [], reason: '' });
    if (!this.taken[index]) this.readAhead.add(group.count);
  }

  /** git succeeded: the rest is the last group's (a group without output fails its check when taken). */
  private finish(): void {
    const last = Buffer.concat(this.pieces, this.length);
    this.pieces = [];
    this.complete(last);
    while (this.current < this.end) this.complete(Buffer.alloc(0));
    this.handOver(this.end - 1);
  }

  /**
   * git failed. On missing blobs (a history without its large files) the group it was reading is
   * read as readRange does (what git printed, then per commit with a fallback), and the groups
   * after it by a new process; anything else fails the groups not received yet.
   */
  private fail(error: unknown): void {
    const index = this.current;
    const rejectFrom = (first: number, reason: unknown) => {
      for (let i = first; i < this.groups.length; i++) this.outputs[i]?.reject(reason);
    };
    const stderr = stderrOf(error);
    if (this.stopper.signal.aborted || !this.renames || !MISSING_OBJECT.test(stderr)) {
      rejectFrom(index, error);
      return;
    }
    const group = this.groups[index] as LaneGroup;
    const ids = group.ids();
    const printed = leadingRecords(Buffer.concat(this.pieces, this.length).toString('utf8'), ids);
    this.pieces = [];
    const out = emptyRange();
    forward(
      readAfterFailure(this.repo, ids, printed, stderr, this.renames, out, 'more').then(() => out),
      this.outputs[index] as PendingOutput,
    );
    // Received as far as the walk is concerned (it will be resolved), and counted as read ahead.
    this.current = index + 1;
    if (!this.taken[index]) this.readAhead.add(group.count);
    this.handOver(index);
  }

  /** Starts the next lane object for the groups after `index` (if any), and passes their outputs on. */
  private handOver(index: number): void {
    const rest = this.groups.slice(index + 1);
    if (this.stopper.signal.aborted) return;
    if (rest.length === 0) {
      this.limits.onDone?.();
      return;
    }
    this.handedOverAt = index;
    const successor = new Lane(this.repo, rest, this.input, this.renames, this.limits, this.readAhead);
    this.successor = successor;
    rest.forEach((_, k) => {
      if (this.taken[index + 1 + k]) successor.markTaken(k);
      forward((successor.outputs[k] as PendingOutput).promise, this.outputs[index + 1 + k] as PendingOutput);
    });
  }
}

/** Commits one git process of a lane reads at most (its ids are held until it has them: 1.6 MB). */
export const LANE_PROCESS_COMMITS = 40_000;

export function idLines(ids: readonly string[]): Buffer {
  return Buffer.from(ids.length > 0 ? `${ids.join('\n')}\n` : '', 'latin1');
}

/** Hands out the records of a RangeOutput in order, parsing git's text as it goes. */
export function takeRecords(out: RangeOutput, count: number): CommitRecord[] {
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

/** Reads the commits `ids` with one git log (rename fallback included), parsed as they are taken. */
export async function readEntry(repo: Repository, ids: readonly string[], renames: RenameMode): Promise<ChunkEntry> {
  const out = emptyRange();
  await readRange(repo, ids, renames, out);
  return { records: takeRecords(out, ids.length), noRenames: out.noRenames, reason: out.reason };
}

/** git's lines on stderr that name what it could not read. */
function missingLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => MISSING_OBJECT.test(line))
    .map((line) => line.trim())
    .join('\n');
}

/** Reasons for reading without renames, joined: each distinct line once (each names an object git could not read). */
export function joinReasons(...reasons: string[]): string {
  const lines = new Set<string>();
  for (const reason of reasons) for (const line of reason.split('\n')) if (line) lines.add(line);
  return [...lines].join('\n');
}

/** The objects git named unreadable in those reasons. */
export function missingObjectsIn(reason: string): string[] {
  const objects = new Set<string>();
  for (const line of reason.split('\n')) if (MISSING_OBJECT.test(line)) for (const id of line.match(/\b[0-9a-f]{40}(?:[0-9a-f]{24})?\b/g) ?? []) objects.add(id);
  return [...objects];
}

/**
 * Whether git may now read with renames the commits `ids` it read without them (their blobs
 * fetched or restored since), in one git call: whether any of the objects it named unreadable is
 * there now (`git cat-file --batch-check`), or, where it named none, whether a log of them succeeds.
 */
export async function renamesMayWorkNow(repo: Repository, ids: readonly string[], objects: readonly string[], renames: RenameMode): Promise<boolean> {
  const answer = objects.length === 0 ? logText(repo, ids, renames) : outputOf(repo, ['cat-file', '--batch-check'], objects);
  const text = await answer.catch(() => undefined);
  if (text === undefined) return false;
  return objects.length === 0 || text.split('\n').some((line) => line !== '' && !line.endsWith(' missing'));
}
