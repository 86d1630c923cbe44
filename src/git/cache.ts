// The parsed-history cache (issue #5). Entries are immutable files named by a key that covers
// everything their content depends on, so an entry is either exactly right or never looked up:
//   chunk  <key>.chunk  the parsed records of one chunk of commits (key: the commit ids, the tool
//                       build, the log format and options, and the git environment fingerprint)
//   list   <key>.list   the commit list of one revision (key: the revision's id, the same rest)
//   result <key>.result  a whole analysis (src/analysis-cache.ts: the revision, the analysis day,
//                        the settings, the whole build, the git environment fingerprint and the
//                        commits it read without renames)
//   derived <key>.derived figures a command derives from a stored result, as JSON (key: the
//                        result's key, what was derived and from which inputs)
//   report <key>.report  a command's whole report from a stored result (key: the result's key, the
//                        command and the options that shape its output)
//   config <key>.config  a parsed .talentrisk.yml, as JSON (key: its text, the build, the yaml and
//                        zod versions)
// Files are written to a temp name and renamed, so a reader never sees half an entry; each starts
// with a header (magic, format, kind, key, length, checksum) so that a truncated, corrupt or
// foreign file is detected, reported and rebuilt rather than trusted. No fsync: a file that a
// crash leaves empty or short fails its checksum like any other corrupt entry.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { VERSION } from '../version.ts';
import { renameOptions, type RenameMode } from './log-format.ts';
import { readRegularFile } from './read-file.ts';
import { commonGitDir, mailmapSources, readQuietly, type Repository } from './repo.ts';
import type { CommitRecord, FileChange, Signature } from './types.ts';

/** Bumped when the file layout changes; it is also the name of the folder entries live in. */
export const CACHE_FORMAT = 1;
const MAGIC = 0x43485254; // "TRHC" read as a little-endian u32
const HEADER_BYTES = 60; // magic 4, format 1, kind 1, reserved 2, key 32, payload length 4, checksum 16
const KIND = { chunk: 1, list: 2, result: 3, derived: 4, report: 5, config: 6, generated: 7 } as const;
type EntryKind = keyof typeof KIND;
/** Temp files older than this belong to a run that was killed (a write takes milliseconds). */
const STALE_TEMP_MS = 60_000;
/** Unreferenced entries are removed once unused for this long, or sooner when they pile up. */
const MAX_IDLE_MS = 14 * 86_400_000;
const TOUCH_AFTER_MS = 86_400_000;
const LAST_TIP = 'last-tip';
/** Entries made of a whole analysis, of figures derived from one, of a report printed from one, a parsed config, or a revision's generated files. */
export type ResultKind = 'result' | 'derived' | 'report' | 'config' | 'generated';
/** How many of each a cleanup (which runs before the scan stores its own) keeps, the most recently used. */
const KEPT: Record<ResultKind, number> = {
  result: 3,
  // Small; a few per result: one per command and set of inputs.
  derived: 12,
  // As large as a result: a scan's JSON is a few MB.
  report: 4,
  // Tiny: one per config text and build.
  config: 8,
  // Tiny: one per revision scanned (src/git/generated-files.ts).
  generated: 8,
};

/**
 * An entry written piece by piece as its content is produced elsewhere (a report on its way to
 * stdout). It never throws: a failed write (disk full) is reported once and the entry dropped.
 */
export interface EntryWriter {
  write(piece: Uint8Array): void;
  /** Puts the entry in place (unless a write failed). */
  commit(): void;
  /** Drops the entry (its content turned out not to be worth storing). */
  abort(): void;
}

/** The parsed records of one chunk, plus which of them had to be read without rename detection. */
export interface ChunkEntry {
  records: CommitRecord[];
  /** Indexes (into records) of commits whose edited renames could not be detected (missing blobs): read with exact renames only, or none. */
  noRenames: number[];
  reason: string;
}

/** Where the cache may live: the git directory, else a per-user folder (XDG cache home). */
export interface CacheLocation {
  gitDir: string;
  fallbackDir?: string | undefined;
}

class CorruptEntry extends Error {}

/** A cache opened for one scan. Every failure degrades to "no cache"; none of them fails the scan. */
export class HistoryCache {
  /** Folders read, in order (the writable one first). */
  readonly readDirs: string[];
  private writeDir: string | undefined;
  private readonly warn: (message: string) => void;
  private readonly used = new Set<string>();

  constructor(readDirs: string[], writeDir: string | undefined, warn: (message: string) => void) {
    this.readDirs = readDirs;
    this.writeDir = writeDir;
    this.warn = warn;
  }

  get isWritable(): boolean {
    return this.writeDir !== undefined;
  }

  /** The records of a chunk, or undefined when absent or unusable (then rebuilt by the caller). */
  readChunk(key: string, ids: readonly string[], intern?: Interner): ChunkEntry | undefined {
    const found = this.read(key, 'chunk');
    if (!found) return undefined;
    try {
      return decodeChunk(found.payload, ids, intern);
    } catch (error) {
      this.reject(key, 'chunk', found.dir, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** Whether an entry for the chunk exists (not yet whether it is sound). */
  hasChunk(key: string): boolean {
    return this.readDirs.some((dir) => fs.existsSync(path.join(dir, `${key}.chunk`)));
  }

  writeChunk(key: string, ids: readonly string[], entry: ChunkEntry): void {
    if (this.writeDir) this.write(key, 'chunk', encodeChunk(ids, entry));
  }

  /** A revision's commit list, with the newest commit time of its walk when it was recorded. */
  readCommitList(key: string): CachedList | undefined {
    const found = this.read(key, 'list');
    if (!found) return undefined;
    try {
      return decodeList(found.payload);
    } catch (error) {
      this.reject(key, 'list', found.dir, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  writeList(key: string, ids: CommitIds, newest?: number): void {
    if (this.writeDir) this.write(key, 'list', encodeList(ids, newest));
  }

  /**
   * A stored result, decoded by `decode`; a payload that does not decode is reported and rebuilt
   * like any other corrupt entry.
   */
  readResult<T>(key: string, decode: (payload: Buffer) => T, kind: ResultKind = 'result'): T | undefined {
    const found = this.read(key, kind);
    if (!found) return undefined;
    // Recently used results are the ones a cleanup keeps.
    if (found.dir === this.writeDir) touchQuietly(path.join(found.dir, `${key}.${kind}`), Date.now());
    try {
      return decode(found.payload);
    } catch (error) {
      this.reject(key, kind, found.dir, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** Stores a result that `fill` hands out in pieces (see writeStreamed). */
  writeResult(key: string, fill: (emit: (piece: Uint8Array) => void) => void, kind: ResultKind = 'result'): void {
    if (this.writeDir) this.writeStreamed(key, kind, fill);
  }

  /** An entry to write as its pieces come (undefined when nothing can be written). */
  openResult(key: string, kind: ResultKind): EntryWriter | undefined {
    return this.writeDir ? this.openEntry(key, kind) : undefined;
  }

  /** The revision the last complete walk listed (a hint only: its chunks are probably cached). */
  lastTip(): string | undefined {
    for (const dir of this.readDirs) {
      const tip = readRegularFile(path.join(dir, LAST_TIP), { maxBytes: 1024 });
      const text = Buffer.isBuffer(tip) ? tip.toString().trim() : undefined;
      if (text && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text)) return text;
    }
    return undefined;
  }

  setLastTip(sha: string): void {
    const dir = this.writeDir;
    if (!dir) return;
    const temp = path.join(dir, `${LAST_TIP}.tmp-${randomBytes(6).toString('hex')}`);
    try {
      fs.writeFileSync(temp, `${sha}\n`, { flag: 'wx' });
      fs.renameSync(temp, path.join(dir, LAST_TIP));
    } catch {
      removeQuietly(temp); // a hint: not worth a warning
    }
  }

  /**
   * Removes what no scan is likely to need again: temp files of killed runs, and entries that this
   * scan did not use once they are old, or once there are many more of them than of used ones (a
   * rewritten history, other revisions). Entries this scan used are touched so they stay.
   */
  cleanup(now = Date.now()): void {
    const dir = this.writeDir;
    if (!dir) return;
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    const unused: { name: string; mtime: number }[] = [];
    const byKind = new Map<ResultKind, { name: string; mtime: number }[]>();
    for (const name of names) {
      const file = path.join(dir, name);
      let mtime: number;
      try {
        mtime = fs.statSync(file).mtimeMs;
      } catch {
        continue; // removed meanwhile by a concurrent scan
      }
      if (name.includes('.tmp-')) {
        if (now - mtime > STALE_TEMP_MS) removeQuietly(file);
      } else if (this.used.has(name)) {
        if (now - mtime > TOUCH_AFTER_MS) touchQuietly(file, now);
      } else if (/\.(chunk|list)$/.test(name)) {
        unused.push({ name, mtime });
      } else {
        const kind = name.slice(name.lastIndexOf('.') + 1);
        if (Object.hasOwn(KEPT, kind)) {
          const entries = byKind.get(kind as ResultKind) ?? [];
          byKind.set(kind as ResultKind, entries);
          entries.push({ name, mtime });
        }
      }
    }
    const keep = Math.max(64, 2 * this.used.size);
    unused.sort((a, b) => b.mtime - a.mtime);
    unused.forEach((entry, index) => {
      if (index >= keep || now - entry.mtime > MAX_IDLE_MS) removeQuietly(path.join(dir, entry.name));
    });
    // Results are large (a few MB) and mostly useful for a day: keep the most recently used few.
    for (const [kind, entries] of byKind) {
      entries.sort((a, b) => b.mtime - a.mtime);
      entries.forEach((entry, index) => {
        if (index >= KEPT[kind] || now - entry.mtime > MAX_IDLE_MS) removeQuietly(path.join(dir, entry.name));
      });
    }
  }

  private read(key: string, kind: EntryKind): { payload: Buffer; dir: string } | undefined {
    const name = `${key}.${kind}`;
    for (const dir of this.readDirs) {
      const data = readEntryFile(path.join(dir, name));
      if (data === undefined) continue; // absent (or unreadable): a miss
      // A string says what is wrong with the file itself (a link, no regular file, too large).
      if (typeof data === 'string') {
        this.reject(key, kind, dir, data);
        continue;
      }
      const problem = checkEntry(data, key, kind);
      if (problem) {
        this.reject(key, kind, dir, problem);
        continue;
      }
      this.used.add(name);
      return { payload: data.subarray(HEADER_BYTES), dir };
    }
    return undefined;
  }

  private reject(key: string, kind: EntryKind, dir: string, problem: string): void {
    const file = path.join(dir, `${key}.${kind}`);
    this.warn(`${kind === 'chunk' || kind === 'list' ? 'history cache entry' : 'cached result'} ${file} is ${problem}; ignored and rebuilt`);
    // Remove it only where we may write; the rebuilt entry replaces it atomically anyway.
    if (dir === this.writeDir) removeQuietly(file);
  }

  private write(key: string, kind: EntryKind, payload: Buffer): void {
    this.writeStreamed(key, kind, (emit) => emit(payload));
  }

  /**
   * Writes an entry whose payload `fill` hands out in pieces, so a large one (a result) is never
   * whole in memory (see openEntry).
   */
  private writeStreamed(key: string, kind: EntryKind, fill: (emit: (piece: Uint8Array) => void) => void): void {
    const dir = this.writeDir as string;
    const entry = this.openEntry(key, kind);
    try {
      fill((piece) => entry.write(piece));
    } catch (error) {
      entry.abort();
      this.stopWriting(dir, error);
      return;
    }
    entry.commit();
  }

  /** After a failed write: warns once, and writes nothing more in this scan. */
  private stopWriting(dir: string, error: unknown): void {
    if (this.writeDir === undefined) return;
    this.writeDir = undefined;
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    this.warn(`could not write the history cache in ${dir} (${code}); this scan goes on without updating it`);
  }

  /**
   * An entry written piece by piece: the header goes first as a placeholder and is filled in once
   * the length and checksum are known. Still a temp file renamed into place, so readers see all of
   * it or nothing. A failure (disk full, quota, a folder made read-only meanwhile) removes the temp
   * file, warns once and stops all writing for this scan; it never reaches the caller.
   */
  private openEntry(key: string, kind: EntryKind): EntryWriter {
    const dir = this.writeDir as string;
    const name = `${key}.${kind}`;
    const temp = path.join(dir, `${name}.tmp-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    let length = 0;
    let fd: number | undefined;
    const drop = (): void => {
      closeQuietly(fd);
      fd = undefined;
      removeQuietly(temp);
    };
    const fail = (error: unknown): void => {
      drop();
      this.stopWriting(dir, error);
    };
    try {
      fd = fs.openSync(temp, 'wx');
      writeFully(fd, Buffer.alloc(HEADER_BYTES));
    } catch (error) {
      fail(error);
    }
    return {
      write: (piece) => {
        if (fd === undefined) return;
        // Larger than a reader takes (readEntryFile): it would be refused, removed and written
        // again on every run (a review). Not stored, quietly: the scan goes on without it.
        if (length + piece.length + HEADER_BYTES > MAX_ENTRY_BYTES) {
          drop();
          return;
        }
        try {
          hash.update(piece);
          length += piece.length;
          writeFully(fd, piece);
        } catch (error) {
          fail(error);
        }
      },
      commit: () => {
        if (fd === undefined) return;
        try {
          writeFully(fd, entryHeader(key, kind, length, hash.digest()), 0);
          fs.closeSync(fd);
          fd = undefined;
          fs.renameSync(temp, path.join(dir, name));
          this.used.add(name);
        } catch (error) {
          fail(error);
        }
      },
      abort: drop,
    };
  }
}

/**
 * Opens the cache: `<gitDir>/talentrisk/cache/v<format>` when it can be written, else a folder per
 * repository under the fallback, else read-only (or none) with one warning.
 */
export function openHistoryCache(location: CacheLocation, warn: (message: string) => void): HistoryCache {
  const primary = path.join(location.gitDir, 'talentrisk', 'cache', `v${CACHE_FORMAT}`);
  const candidates = [primary];
  if (location.fallbackDir) {
    let id = location.gitDir;
    try {
      id = fs.realpathSync(location.gitDir);
    } catch {
      // keep the path as given
    }
    candidates.push(path.join(location.fallbackDir, 'repos', sha256(id).slice(0, 24), `v${CACHE_FORMAT}`));
  }
  const writeDir = candidates.find(isWritableDir);
  const readDirs = [...(writeDir ? [writeDir] : []), ...candidates.filter((dir) => dir !== writeDir && fs.existsSync(dir))];
  if (!writeDir) warn(`the history cache is not written: no writable folder (tried ${candidates.join(', ')})`);
  return new HistoryCache(readDirs, writeDir, warn);
}

/**
 * The per-user cache folder (XDG), for repositories whose git directory is read-only. A relative
 * XDG_CACHE_HOME or HOME is ignored, as the XDG spec says: `XDG_CACHE_HOME=cache` put the cache in
 * the checkout, as untracked files a later `git add -A` would commit (a CI engineer's test).
 */
export function userCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'talentrisk');
  if (env.HOME && path.isAbsolute(env.HOME)) return path.join(env.HOME, '.cache', 'talentrisk');
  return undefined;
}

function isWritableDir(dir: string): boolean {
  // A probe write, because permission bits lie (root, read-only mounts, ACLs).
  const probe = path.join(dir, `.probe.tmp-${randomBytes(6).toString('hex')}`);
  try {
    makeDirectory(dir);
    fs.writeFileSync(probe, '', { flag: 'wx' });
    fs.unlinkSync(probe);
    return true;
  } catch {
    removeQuietly(probe);
    return false;
  }
}

/**
 * `mkdir -p`, one level at a time. Node's `{ recursive: true }` never returns for a path whose
 * parent exists but refuses new entries with ENOENT (anything under /proc): it retries the parent
 * forever, so a scan with XDG_CACHE_HOME there hung instead of running without its cache.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let level = path.resolve(dir); !fs.existsSync(level); level = path.dirname(level)) {
    missing.push(level);
    if (path.dirname(level) === level) break;
  }
  for (const level of missing.reverse()) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Made meanwhile by another scan of the same repository: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Writes all of `data` (at `position`, or where the file is), or throws. `fs.writeSync` may write
 * part of a buffer and return the count without an error: on a disk filling up (a 64 KiB tmpfs) a
 * cut entry was renamed into place under its final name, found truncated by every later scan and
 * cut again (a CI test). The entry's length in its header kept it from being trusted, but a full
 * disk must leave no such file. `write` is fs.writeSync; tests pass one that writes less.
 */
export function writeFully(fd: number, data: Uint8Array, position?: number, write: typeof fs.writeSync = fs.writeSync): void {
  let done = 0;
  while (done < data.length) {
    const written = write(fd, data, done, data.length - done, position === undefined ? null : position + done);
    if (written <= 0) throw Object.assign(new Error('no space left to write the cache entry'), { code: 'ENOSPC' });
    done += written;
  }
}

function closeQuietly(fd: number | undefined): void {
  if (fd === undefined) return;
  try {
    fs.closeSync(fd);
  } catch {
    // closed already
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone, or not ours to remove
  }
}

function touchQuietly(file: string, now: number): void {
  try {
    fs.utimesSync(file, new Date(now), new Date(now));
  } catch {
    // read-only: the entry just ages
  }
}

/** Hex SHA-256 of a text: the keys of entries. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The most an entry may hold, header included: larger ones are neither written nor read (a stored result of a 300,000-commit history is tens of MB). */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/** An entry's bytes; what is wrong with it (a string: a link, no regular file, too large); undefined when absent. */
export function readEntryFile(file: string): Buffer | string | undefined {
  return readRegularFile(file, { maxBytes: MAX_ENTRY_BYTES });
}

// --- keys ---------------------------------------------------------------------------------------

/**
 * Hash of this build's own history-shaping code (the walk, the parser, the commit listing and this
 * file), so that a development build never reads entries written by different code under the same
 * version number.
 */
const BUILD_ID: string = (() => {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256').update(VERSION);
  for (const name of ['history', 'log-reads', 'log-format', 'repo', 'cache']) {
    try {
      hash.update(fs.readFileSync(new URL(`./${name}${ext}`, import.meta.url)));
    } catch {
      hash.update(`missing ${name}`);
    }
  }
  return hash.digest('hex');
})();

/**
 * Key of the parsed records of `ids` under the given options (a hex SHA-256). The ids (all of one
 * width: the repository's object format) are hashed one after another, so a walk that holds them
 * packed in one buffer (history.ts PackedIds) hashes a slice of it, making no string per id: 73,000
 * of them were 10-20 ms between the commit list and the first git process of a cold scan.
 */
export function chunkKey(ids: readonly string[] | Uint8Array, options: { format: string; renames: RenameMode; environment: string }): string {
  // Joined without a separator, ids of two widths could spell the same text as other ids.
  if (!(ids instanceof Uint8Array) && ids.some((id) => id.length !== ids[0]!.length)) throw new Error('commit ids of one chunk must all be of one width');
  return createHash('sha256')
    .update(`talentrisk chunk\0${CACHE_FORMAT}\0${BUILD_ID}\0${options.format}\0${renameOptions(options.renames).join(' ')}\0${options.environment}\0`)
    .update(ids instanceof Uint8Array ? ids : ids.join(''))
    .digest('hex');
}

/** Key of the commit list of a revision. */
export function listKey(sha: string, environment: string): string {
  return sha256(`talentrisk list\0${CACHE_FORMAT}\0${BUILD_ID}\0${environment}\0${sha}`);
}

/**
 * Config keys (as `git config --list` prints them: section and key lower-cased) that change what
 * the walk's git calls print: .mailmap sources, rename limits, encodings, log defaults; how
 * `%(trailers)` finds co-authors (`trailer.separators`, `trailer.<token>.*`, and the comment
 * character, whose lines git leaves out of the trailer block); whether replace refs apply.
 */
const SHAPING_CONFIG = /^(mailmap|diff|i18n|log|trailer)\.|^core\.(commentchar|commentstring|usereplacerefs)$/;

/**
 * Everything outside the commits themselves that changes what `git rev-list`/`git log` print for
 * them: the git version, the config that shapes their output (SHAPING_CONFIG), the .mailmap
 * contents, replace refs, grafts and the shallow boundary.
 */
export async function gitEnvironment(repo: Repository): Promise<string> {
  const { info } = repo;
  const shaping = repo.config.filter(([key]) => SHAPING_CONFIG.test(key));
  // The version and the replace refs were read with the repository.
  const { version, replaceRefs: replaced } = repo.environment;
  const mailmap = await mailmapSources(repo);
  const config = JSON.stringify(shaping);
  const common = commonGitDir(info.gitDir);
  const hash = createHash('sha256');
  for (const part of [version, config, replaced, mailmap.blob]) hash.update(`${part}\0`);
  for (const file of [...mailmap.files, readQuietly(path.join(common, 'shallow')) ?? null, readQuietly(path.join(common, 'info', 'grafts')) ?? null]) {
    hash.update(file === undefined ? 'n/a' : (file ?? 'absent')).update('\0');
  }
  return hash.digest('hex');
}


// --- entry files --------------------------------------------------------------------------------

function entryHeader(key: string, kind: EntryKind, length: number, digest: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt8(CACHE_FORMAT, 4);
  header.writeUInt8(KIND[kind], 5);
  header.write(key, 8, 32, 'hex');
  header.writeUInt32LE(length, 40);
  digest.copy(header, 44, 0, 16);
  return header;
}

/** Why an entry file cannot be trusted, or undefined when it can. */
function checkEntry(data: Buffer, key: string, kind: EntryKind): string | undefined {
  if (data.length < HEADER_BYTES) return 'truncated (shorter than its header)';
  if (data.readUInt32LE(0) !== MAGIC) return 'not a talentrisk cache file';
  if (data.readUInt8(4) !== CACHE_FORMAT || data.readUInt8(5) !== KIND[kind]) return 'of another format or kind';
  if (data.toString('hex', 8, 40) !== key) return 'foreign (written for another key)';
  const length = data.readUInt32LE(40);
  if (data.length - HEADER_BYTES < length) return 'truncated';
  if (data.length - HEADER_BYTES > length) return 'corrupt (longer than its header says)';
  const sum = createHash('sha256').update(data.subarray(HEADER_BYTES)).digest();
  if (sum.compare(data, 44, 60, 0, 16) !== 0) return 'corrupt (checksum mismatch)';
  return undefined;
}

// --- encoding -----------------------------------------------------------------------------------
// Varints throughout; commit ids as raw bytes; names, emails and paths each stored once per chunk
// in a NUL-joined UTF-8 table (NUL cannot occur in them) and referred to by index; times as
// zig-zag deltas from the previous commit. About 25 bytes per commit plus the paths.

class Writer {
  buf = Buffer.allocUnsafe(1 << 16);
  pos = 0;
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  byte(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value;
  }
  varint(value: number): void {
    this.ensure(10);
    while (value >= 0x80) {
      this.buf[this.pos++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buf[this.pos++] = value;
  }
  signed(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  bytes(data: Buffer): void {
    this.ensure(data.length);
    data.copy(this.buf, this.pos);
    this.pos += data.length;
  }
  hex(text: string, width: number): void {
    this.ensure(width);
    if (this.buf.write(text, this.pos, width, 'hex') !== width || text.length !== width * 2) throw new Error(`not a commit id: ${text}`);
    this.pos += width;
  }
  strings(list: readonly string[]): void {
    const data = Buffer.from(list.join('\0'), 'utf8');
    this.varint(list.length);
    this.varint(data.length);
    this.bytes(data);
  }
  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

class Reader {
  pos = 0;
  readonly buf: Buffer;
  constructor(buf: Buffer) {
    this.buf = buf;
  }
  byte(): number {
    if (this.pos >= this.buf.length) throw new CorruptEntry('corrupt (ends early)');
    return this.buf[this.pos++] as number;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new CorruptEntry('corrupt (bad number)');
    }
  }
  signed(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  index(limit: number): number {
    const value = this.varint();
    if (value >= limit) throw new CorruptEntry('corrupt (index out of range)');
    return value;
  }
  slice(length: number): [number, number] {
    const start = this.pos;
    if (start + length > this.buf.length) throw new CorruptEntry('corrupt (ends early)');
    this.pos += length;
    return [start, start + length];
  }
  strings(): string[] {
    const count = this.varint();
    const [start, end] = this.slice(this.varint());
    if (count === 0) return [];
    const list = this.buf.toString('utf8', start, end).split('\0');
    if (list.length !== count) throw new CorruptEntry('corrupt (string table)');
    return list;
  }
}

function idWidth(ids: readonly string[]): number {
  return (ids[0]?.length ?? 40) / 2;
}

export function encodeChunk(ids: readonly string[], entry: ChunkEntry): Buffer {
  const { records } = entry;
  if (records.length !== ids.length) throw new Error('a chunk entry needs one record per commit id');
  const people: string[] = [];
  const personIndex = new Map<string, Map<string, number>>();
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  const person = (who: Signature) => {
    let byEmail = personIndex.get(who.name);
    if (byEmail === undefined) personIndex.set(who.name, (byEmail = new Map()));
    let index = byEmail.get(who.email);
    if (index === undefined) {
      index = people.length / 2;
      byEmail.set(who.email, index);
      people.push(who.name, who.email);
    }
    return index;
  };
  const pathOf = (file: string) => {
    let index = pathIndex.get(file);
    if (index === undefined) {
      index = paths.length;
      pathIndex.set(file, index);
      paths.push(file);
    }
    return index;
  };
  const body = new Writer();
  let previous = 0;
  for (const record of records) {
    body.varint(person(record.author));
    body.signed(record.time - previous);
    previous = record.time;
    // The count's low bit says whether a subtree folder follows (rare: no byte for the others).
    body.varint(record.coAuthors.length * 2 + (record.subtree === undefined ? 0 : 1));
    if (record.subtree !== undefined) body.varint(pathOf(record.subtree));
    for (const co of record.coAuthors) body.varint(person(co));
    body.varint(record.changes.length);
    for (const change of record.changes) {
      const code = change.status.charCodeAt(0) & 0x7f;
      if (change.oldPath === undefined) {
        body.byte(code);
        body.varint(pathOf(change.path));
      } else {
        body.byte(code | 0x80);
        body.varint(pathOf(change.oldPath));
        body.varint(pathOf(change.path));
      }
    }
  }
  const out = new Writer();
  const width = idWidth(ids);
  out.varint(ids.length);
  out.byte(width);
  ids.forEach((id, index) => {
    if (records[index]?.sha !== id) throw new Error(`record ${index} is not commit ${id}`);
    out.hex(id, width);
  });
  out.strings(people);
  out.strings(paths);
  out.bytes(body.done());
  out.varint(entry.noRenames.length);
  for (const index of entry.noRenames) out.varint(index);
  out.strings(entry.noRenames.length > 0 ? [entry.reason] : []);
  return out.done();
}

/** Maps decoded names, emails and paths to shared copies (see StringPool in history.ts). */
export interface Interner {
  person(name: string, email: string): Signature;
  path(path: string): string;
}

const AS_IS: Interner = { person: (name, email) => ({ name, email }), path: (file) => file };

/** Decodes a chunk entry, checking that it holds exactly the commits asked for. */
export function decodeChunk(payload: Buffer, ids: readonly string[], intern: Interner = AS_IS): ChunkEntry {
  const r = new Reader(payload);
  const count = r.varint();
  const width = r.byte();
  if (count !== ids.length) throw new CorruptEntry('foreign (another set of commits)');
  const [idStart, idEnd] = r.slice(count * width);
  const hex = payload.toString('hex', idStart, idEnd);
  ids.forEach((id, index) => {
    if (id.length !== width * 2 || !hex.startsWith(id, index * width * 2)) throw new CorruptEntry('foreign (another set of commits)');
  });
  const strings = r.strings();
  if (strings.length % 2 !== 0) throw new CorruptEntry('corrupt (people table)');
  const people: Signature[] = [];
  for (let i = 0; i < strings.length; i += 2) people.push(intern.person(strings[i] as string, strings[i + 1] as string));
  const paths = r.strings().map((file) => intern.path(file));
  const records: CommitRecord[] = new Array(count);
  let time = 0;
  for (let i = 0; i < count; i++) {
    const author = people[r.index(people.length)] as Signature;
    time += r.signed();
    const counted = r.varint();
    const subtree = counted % 2 === 1 ? (paths[r.index(paths.length)] as string) : undefined;
    const coCount = Math.floor(counted / 2);
    const coAuthors: Signature[] = [];
    for (let c = 0; c < coCount; c++) coAuthors.push(people[r.index(people.length)] as Signature);
    const changeCount = r.varint();
    const changes: FileChange[] = [];
    for (let c = 0; c < changeCount; c++) {
      const code = r.byte();
      const status = String.fromCharCode(code & 0x7f);
      if (code & 0x80) {
        const oldPath = paths[r.index(paths.length)] as string;
        changes.push({ status, path: paths[r.index(paths.length)] as string, oldPath });
      } else {
        changes.push({ status, path: paths[r.index(paths.length)] as string });
      }
    }
    records[i] = { sha: ids[i] as string, author, time, coAuthors, changes, subtree };
  }
  const noRenames: number[] = [];
  const fallbacks = r.varint();
  for (let i = 0; i < fallbacks; i++) noRenames.push(r.index(count));
  const reason = r.strings()[0] ?? '';
  if (r.pos !== payload.length) throw new CorruptEntry('corrupt (trailing bytes)');
  return { records, noRenames, reason };
}

/** A commit list, and the newest commit time of its walk when known (see repo.ts extendCommitList). */
export interface CachedList {
  commits: string[];
  newest?: number | undefined;
}

/**
 * Commit ids (all of one width): as strings, or packed (hex digits one after another), as the walk
 * holds them once listed (history.ts PackedIds): the strings of a 300,000-commit list are 30 MB.
 */
export type CommitIds = readonly string[] | { hex: Uint8Array; count: number };

export function encodeList(ids: CommitIds, newest?: number): Buffer {
  const out = new Writer();
  if ('hex' in ids) {
    const width = ids.count === 0 ? 20 : ids.hex.length / ids.count / 2;
    const binary = Buffer.from(Buffer.from(ids.hex.buffer, ids.hex.byteOffset, ids.hex.length).toString('latin1'), 'hex');
    if (!Number.isInteger(width) || binary.length !== ids.count * width) throw new Error('not a packed list of commit ids');
    out.varint(ids.count);
    out.byte(width);
    out.bytes(binary);
  } else {
    const width = idWidth(ids);
    out.varint(ids.length);
    out.byte(width);
    for (const id of ids) out.hex(id, width);
  }
  // Only a finite whole number is recorded (a list with no commit has no newest time).
  const recorded = newest !== undefined && Number.isSafeInteger(newest);
  out.byte(recorded ? 1 : 0);
  if (recorded) out.signed(newest);
  return out.done();
}

export function decodeList(payload: Buffer): CachedList {
  const r = new Reader(payload);
  const count = r.varint();
  const width = r.byte();
  const [start, end] = r.slice(count * width);
  const newest = r.byte() === 1 ? r.signed() : undefined;
  if (r.pos !== payload.length) throw new CorruptEntry('corrupt (trailing bytes)');
  const hex = payload.toString('hex', start, end);
  const commits: string[] = new Array(count);
  for (let i = 0; i < count; i++) commits[i] = hex.slice(i * width * 2, (i + 1) * width * 2);
  return { commits, newest };
}
