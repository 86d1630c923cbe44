import { LOG_FORMAT, parseLogOutput } from './log-format.ts';
import type { Repository } from './repo.ts';
import type { CommitRecord } from './types.ts';

export interface HistoryOptions {
  /** Commits per `git log` call. Small enough that each call's buffered output stays small. */
  chunkSize?: number;
  /** How many chunks may be read ahead of the one being consumed. */
  readAhead?: number;
  /** Rename detection (`-M`), as METRICS.md §1 asks. */
  renames?: boolean;
  onChunk?: (commitsRead: number, total: number) => void;
  /** Called when rename detection had to be turned off for some commits (missing blobs). */
  onRenameFallback?: (commits: number, reason: string) => void;
  /** Where parsed history may be cached (issue #5); undefined means no cache. */
  cache?: HistoryCacheLocation | undefined;
  /** Called for problems the walk recovered from (a corrupt cache, an unwritable folder). */
  onWarning?: (message: string) => void;
}

export interface HistoryCacheLocation {
  /** The repository's git directory: the cache goes inside it when writable. */
  gitDir: string;
  /** Used when the git directory is not writable (XDG cache home). */
  fallbackDir?: string | undefined;
}

export const DEFAULT_CHUNK_SIZE = 1500;

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

function logArgs(ids: readonly string[], renames: boolean): string[] {
  // --no-walk=unsorted prints exactly these commits, in this order; each diff is against the
  // commit's first parent, as in a plain walk, so chunking changes no event.
  return ['log', '--no-walk=unsorted', '-z', '--name-status', renames ? '-M' : '--no-renames', `--format=${LOG_FORMAT}`, ...ids];
}

const MISSING_OBJECT = /unable to read|missing blob|could not read|bad object|promisor/i;

/** Reads one chunk; when rename detection fails on missing blobs, narrows it down and falls back. */
export async function readChunk(repo: Repository, ids: readonly string[], options: HistoryOptions): Promise<CommitRecord[]> {
  const renames = options.renames ?? true;
  try {
    return parseLogOutput(await repo.git.raw(logArgs(ids, renames)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!renames || !MISSING_OBJECT.test(message)) throw error;
    if (ids.length > 64) {
      const half = Math.ceil(ids.length / 2);
      const [first, second] = await Promise.all([readChunk(repo, ids.slice(0, half), options), readChunk(repo, ids.slice(half), options)]);
      return [...first, ...second];
    }
    const reason = message.split('\n').find((line) => MISSING_OBJECT.test(line))?.trim() ?? 'missing objects';
    options.onRenameFallback?.(ids.length, reason);
    return parseLogOutput(await repo.git.raw(logArgs(ids, false)));
  }
}

/**
 * Streams the history, newest commit first, as parsed records. Chunks are read in parallel (up to
 * `readAhead` at once, bounded by the git client's process limit) and yielded in order, so the
 * result is identical to one sequential walk while memory holds only the chunks in flight.
 */
export async function* streamHistory(repo: Repository, commits: readonly string[], options: HistoryOptions = {}): AsyncGenerator<CommitRecord[]> {
  const chunks = chunkCommits(commits, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const readAhead = Math.max(1, options.readAhead ?? 2);
  const pending: Promise<CommitRecord[]>[] = [];
  let next = 0;
  let read = 0;
  const fill = () => {
    while (pending.length < readAhead && next < chunks.length) {
      const promise = readChunk(repo, chunks[next++] ?? [], options);
      promise.catch(() => undefined); // handled when awaited in order; avoids an unhandled rejection meanwhile
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const records = await (pending.shift() as Promise<CommitRecord[]>);
    fill();
    read += records.length;
    options.onChunk?.(read, commits.length);
    yield records;
  }
}
