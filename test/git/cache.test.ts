import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chunkKey, decodeChunk, decodeList, encodeChunk, encodeList, gitEnvironment, listKey, openHistoryCache, userCacheDir, type ChunkEntry } from '../../src/git/cache.ts';
import { walkHistory, type HistoryOptions } from '../../src/git/history.ts';
import { LOG_FORMAT, parseLogOutput } from '../../src/git/log-format.ts';
import { openRepository, type Repository } from '../../src/git/repo.ts';
import type { CommitRecord } from '../../src/git/types.ts';
import { watchCommandLines } from '../helpers/git-calls.ts';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.ts';

const id = (n: number) => n.toString(16).padStart(40, '0');

const RECORDS: CommitRecord[] = [
  {
    sha: id(3),
    author: { name: 'José Ñúñez', email: 'jose@example.com' },
    time: 1_700_000_300,
    coAuthors: [
      { name: 'Bob', email: 'bob@example.com' },
      { name: '', email: 'anon@example.com' },
    ],
    changes: [
      { status: 'R', path: 'lib/文件 b.ts', oldPath: 'src/a\tb.ts' },
      { status: 'M', path: 'new\nline.ts' },
      { status: 'C', path: 'copy.ts', oldPath: 'lib/文件 b.ts' },
    ],
  },
  { sha: id(2), author: { name: 'Bob', email: 'bob@example.com' }, time: -86_400, coAuthors: [], changes: [{ status: 'A', path: 'Makefile' }], subtree: 'deps/lib' },
  {
    sha: id(1),
    author: { name: 'José Ñúñez', email: 'jose@example.com' },
    time: 1_700_000_000,
    coAuthors: [],
    changes: [
      { status: 'A', path: 'src/a\tb.ts' },
      { status: 'D', path: 'gone.ts' },
      { status: 'T', path: 'link' },
    ],
  },
];
const IDS = RECORDS.map((r) => r.sha);

describe('the cache encoding', () => {
  it('round-trips records: renames, copies, co-authors, odd paths and names, times before 1970, a subtree folder', () => {
    const entry: ChunkEntry = { records: RECORDS, noRenames: [1], reason: 'fatal: unable to read abc' };
    expect(decodeChunk(encodeChunk(IDS, entry), IDS)).toEqual(entry);
    expect(decodeChunk(encodeChunk(IDS, { records: RECORDS, noRenames: [], reason: '' }), IDS)).toEqual({ records: RECORDS, noRenames: [], reason: '' });
  });

  it('round-trips SHA-256 commit ids and commit lists', () => {
    const long = RECORDS.map((r, i) => ({ ...r, sha: `${i}`.repeat(64) }));
    const ids = long.map((r) => r.sha);
    expect(decodeChunk(encodeChunk(ids, { records: long, noRenames: [], reason: '' }), ids).records).toEqual(long);
    expect(decodeList(encodeList(IDS))).toEqual({ commits: IDS, newest: undefined });
    expect(decodeList(encodeList([]))).toEqual({ commits: [], newest: undefined });
    expect(decodeList(encodeList(IDS, 1_700_000_000))).toEqual({ commits: IDS, newest: 1_700_000_000 });
    expect(decodeList(encodeList(IDS, -86_400))).toEqual({ commits: IDS, newest: -86_400 });
    expect(decodeList(encodeList([], Number.NEGATIVE_INFINITY))).toEqual({ commits: [], newest: undefined });
    // Packed (as the walk holds them): the same bytes.
    const packed = (ids: string[]) => ({ hex: Buffer.from(ids.join(''), 'latin1'), count: ids.length });
    expect(encodeList(packed(IDS), 1_700_000_000)).toEqual(encodeList(IDS, 1_700_000_000));
    expect(encodeList(packed([]))).toEqual(encodeList([]));
    expect(() => encodeList({ hex: Buffer.from(`${IDS.join('')}zz`, 'latin1'), count: IDS.length })).toThrow(/packed list/);
  });

  it('is compact: each name, email and path once per chunk', () => {
    const many: CommitRecord[] = Array.from({ length: 1000 }, (_, i) => ({
      sha: id(i + 1),
      author: { name: `Dev ${i % 7}`, email: `dev${i % 7}@example.com` },
      time: 1_700_000_000 + i * 600,
      coAuthors: [],
      changes: [{ status: 'M', path: `src/module-${i % 20}/file-${i % 50}.ts` }],
    }));
    const bytes = encodeChunk(
      many.map((r) => r.sha),
      { records: many, noRenames: [], reason: '' },
    ).length;
    expect(bytes).toBeLessThan(1000 * (20 + 8) + 50 * 40);
  });

  it('refuses an entry for other commits, and damaged payloads', () => {
    const payload = encodeChunk(IDS, { records: RECORDS, noRenames: [], reason: '' });
    expect(() => decodeChunk(payload, [...IDS].reverse())).toThrow(/foreign/);
    expect(() => decodeChunk(payload, IDS.slice(1))).toThrow(/foreign/);
    expect(() => decodeChunk(payload.subarray(0, payload.length - 3), IDS)).toThrow(/corrupt/);
    expect(() => decodeChunk(Buffer.concat([payload, Buffer.from([0])]), IDS)).toThrow(/corrupt/);
  });

  it('keys depend on the commits, their order, the options and the environment', () => {
    const base = { format: LOG_FORMAT, renames: true, environment: 'e' };
    const key = chunkKey(IDS, base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chunkKey(IDS, base)).toBe(key);
    // The same ids packed in one buffer (as the walk holds them) have the same key.
    expect(chunkKey(Buffer.from(IDS.join(''), 'latin1'), base)).toBe(key);
    expect(chunkKey(Buffer.from(IDS.slice(1).join(''), 'latin1'), base)).not.toBe(key);
    expect(chunkKey([...IDS].reverse(), base)).not.toBe(key);
    expect(chunkKey(IDS, { ...base, renames: false })).not.toBe(key);
    expect(chunkKey(IDS, { ...base, format: `${LOG_FORMAT}%n` })).not.toBe(key);
    expect(chunkKey(IDS, { ...base, environment: 'f' })).not.toBe(key);
    // Two ids of other widths could spell the same text as these: refused rather than mixed up.
    expect(() => chunkKey([IDS[0]!.slice(0, 20), IDS[0]!.slice(20), ...IDS.slice(1)], base)).toThrow(/one width/);
    expect(listKey(id(1), 'e')).not.toBe(listKey(id(2), 'e'));
    expect(listKey(id(1), 'e')).not.toBe(listKey(id(1), 'f'));
  });
});

describe('the per-user cache folder', () => {
  it('is under XDG_CACHE_HOME or HOME when they are absolute, and nowhere when relative (XDG_CACHE_HOME=cache filled the checkout)', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache', HOME: '/home/ada' })).toBe(path.join('/var/cache', 'talentrisk'));
    expect(userCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/ada' })).toBe(path.join('/home/ada', '.cache', 'talentrisk'));
    expect(userCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '.' })).toBeUndefined();
    expect(userCacheDir({})).toBeUndefined();
  });
});

describe('the cache store', () => {
  const tempGitDir = () => mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'store-'));

  it('writes atomically (no temp file left) and reads back what it wrote', () => {
    const gitDir = tempGitDir();
    const cache = openHistoryCache({ gitDir }, () => undefined);
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    expect(cache.readChunk(key, IDS)).toBeUndefined();
    cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    expect(cache.readChunk(key, IDS)?.records).toEqual(RECORDS);
    expect(readdirSync(path.join(gitDir, 'talentrisk', 'cache', 'v1'))).toEqual([`${key}.chunk`]);
  });

  it('detects truncated, corrupt and foreign entries, warns, and never returns them', () => {
    const gitDir = tempGitDir();
    const warnings: string[] = [];
    const cache = openHistoryCache({ gitDir }, (m) => warnings.push(m));
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    const other = chunkKey(IDS.slice(1), { format: LOG_FORMAT, renames: true, environment: '' });
    cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    const good = readFileSync(path.join(dir, `${key}.chunk`));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', good.subarray(0, good.length - 10), /truncated/],
      ['header only', good.subarray(0, 30), /truncated/],
      ['flipped byte', Buffer.from(good.map((b, i) => (i === good.length - 5 ? b ^ 0xff : b))), /checksum/],
      ['not ours', Buffer.from('{"some": "json"}'.padEnd(200)), /not a talentrisk cache file/],
    ];
    for (const [label, bytes, problem] of cases) {
      writeFileSync(path.join(dir, `${key}.chunk`), bytes);
      warnings.length = 0;
      expect(cache.readChunk(key, IDS), label).toBeUndefined();
      expect(warnings, label).toHaveLength(1);
      expect(warnings[0], label).toMatch(problem);
      expect(existsSync(path.join(dir, `${key}.chunk`)), `${label}: removed`).toBe(false);
    }
    // A sound entry under another entry's name (copied, renamed by hand).
    writeFileSync(path.join(dir, `${other}.chunk`), good);
    warnings.length = 0;
    expect(cache.readChunk(other, IDS.slice(1))).toBeUndefined();
    expect(warnings[0]).toMatch(/foreign/);
  });

  it('when a write fails (disk full), warns once, writes nothing more, leaves no temp file', () => {
    const gitDir = tempGitDir();
    const warnings: string[] = [];
    const cache = openHistoryCache({ gitDir }, (m) => warnings.push(m));
    const original = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number) => {
      original(fd, 'partial'); // the disk fills up half-way through the write
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof fs.writeSync);
    try {
      const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
      cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
      cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
      cache.writeList(listKey(id(1), ''), IDS);
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ENOSPC/);
    expect(readdirSync(path.join(gitDir, 'talentrisk', 'cache', 'v1'))).toEqual([]);
    expect(cache.isWritable).toBe(false);
  });

  it('a write that takes only part of a piece (a disk filling up, no error) is finished, or leaves no entry (a CI test: a cut entry was renamed into place)', () => {
    const gitDir = tempGitDir();
    const warnings: string[] = [];
    const cache = openHistoryCache({ gitDir }, (m) => warnings.push(m));
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const original = fs.writeSync as (fd: number, data: Uint8Array, offset: number, length: number, position: number | null) => number;
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    // Room for 7 bytes per call: every entry is still written whole, in several calls.
    let spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, offset: number, length: number, position: number | null) =>
      original(fd, data, offset, Math.min(length, 7), position)) as unknown as typeof fs.writeSync);
    try {
      cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toEqual([]);
    expect(cache.readChunk(key, IDS)?.records).toEqual(RECORDS);
    // Then the disk is full: writes take 0 bytes (after 100 in all), with no error.
    let room = 100;
    spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, offset: number, length: number, position: number | null) => {
      const take = Math.min(length, room);
      room -= take;
      return take === 0 ? 0 : original(fd, data, offset, take, position);
    }) as unknown as typeof fs.writeSync);
    try {
      cache.writeList(listKey(id(1), ''), IDS);
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([`${key}.chunk`]);
  });

  it('an entry written as its pieces come is read back whole once committed, is nothing when dropped, and a failed write never reaches the writer', () => {
    const gitDir = tempGitDir();
    const warnings: string[] = [];
    const cache = openHistoryCache({ gitDir }, (m) => warnings.push(m));
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const [kept, dropped, failed] = ['1', '2', '3'].map((c) => c.repeat(64)) as [string, string, string];
    const write = (key: string) => {
      const entry = cache.openResult(key, 'report');
      for (const piece of ['one ', 'two ', 'three']) entry?.write(Buffer.from(piece));
      return entry;
    };
    write(kept)?.commit();
    write(dropped)?.abort();
    expect(readdirSync(dir)).toEqual([`${kept}.report`]);
    expect(cache.readResult(kept, (payload) => payload.toString(), 'report')).toBe('one two three');
    const original = fs.writeSync;
    let calls = 0;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      // The header's placeholder and the first piece go through; the disk is full at the second.
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (original as (fd: number, ...rest: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    try {
      expect(() => write(failed)?.commit()).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([`${kept}.report`]);
    expect(cache.openResult(dropped, 'report')).toBeUndefined();
  });

  it('cleanup keeps the four most recently used reports', () => {
    const gitDir = tempGitDir();
    const cache = openHistoryCache({ gitDir }, () => undefined);
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const now = Date.now();
    const keys = ['1', '2', '3', '4', '5', '6'].map((c) => c.repeat(64));
    keys.forEach((key, i) => {
      cache.writeResult(key, (emit) => emit(Buffer.from(`report ${i}`)), 'report');
      const mtime = new Date(now - (i + 1) * 3_600_000); // key 1 is the newest
      utimesSync(path.join(dir, `${key}.report`), mtime, mtime);
    });
    openHistoryCache({ gitDir }, () => undefined).cleanup(now);
    expect(readdirSync(dir).sort()).toEqual(keys.slice(0, 4).map((key) => `${key}.report`).sort());
  });

  it('cleanup removes temp files of killed runs and old or surplus unused entries, keeps the rest', () => {
    const gitDir = tempGitDir();
    const cache = openHistoryCache({ gitDir }, () => undefined);
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    const now = Date.now();
    const old = new Date(now - 30 * 86_400_000);
    const file = (name: string, mtime?: Date) => {
      writeFileSync(path.join(dir, name), 'x');
      if (mtime) utimesSync(path.join(dir, name), mtime, mtime);
    };
    file(`${'a'.repeat(64)}.chunk.tmp-dead`, old); // a run killed half-way through a write
    file(`${'b'.repeat(64)}.chunk.tmp-live`); // a concurrent scan writing right now
    file(`${'c'.repeat(64)}.chunk`, old); // unused for a month
    file(`${'d'.repeat(64)}.list`); // unused but recent (another revision)
    utimesSync(path.join(dir, `${key}.chunk`), old, old); // used now, though written long ago
    cache.cleanup(now);
    expect(readdirSync(dir).sort()).toEqual([`${'b'.repeat(64)}.chunk.tmp-live`, `${'d'.repeat(64)}.list`, `${key}.chunk`].sort());
    expect(statSync(path.join(dir, `${key}.chunk`)).mtimeMs).toBeGreaterThan(now - 1000);
  });

  it('cleanup keeps the three most recently used results, and a read touches a result', () => {
    const gitDir = tempGitDir();
    const cache = openHistoryCache({ gitDir }, () => undefined);
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    const now = Date.now();
    const keys = ['1', '2', '3', '4', '5'].map((c) => c.repeat(64));
    keys.forEach((key, i) => {
      cache.writeResult(key, (emit) => emit(Buffer.from(`result ${i}`)));
      const mtime = new Date(now - (i + 1) * 3_600_000); // key 1 is the newest
      utimesSync(path.join(dir, `${key}.result`), mtime, mtime);
    });
    // Reading the oldest makes it the most recent.
    expect(openHistoryCache({ gitDir }, () => undefined).readResult(keys[4] as string, (payload) => payload.toString())).toBe('result 4');
    openHistoryCache({ gitDir }, () => undefined).cleanup(now);
    expect(readdirSync(dir).sort()).toEqual([keys[4], keys[0], keys[1]].map((key) => `${key}.result`).sort());
  });

  it('falls back to the second folder, and works read-only when nothing is writable', () => {
    const gitDir = tempGitDir();
    const fallbackDir = tempGitDir();
    writeFileSync(path.join(gitDir, 'talentrisk'), 'blocks the folder');
    const warnings: string[] = [];
    const cache = openHistoryCache({ gitDir, fallbackDir }, (m) => warnings.push(m));
    expect(cache.isWritable).toBe(true);
    expect(cache.readDirs[0]?.startsWith(fallbackDir)).toBe(true);
    expect(warnings).toEqual([]);
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    const none = openHistoryCache({ gitDir, fallbackDir: path.join(gitDir, 'talentrisk', 'below-a-file') }, (m) => warnings.push(m));
    expect(none.isWritable).toBe(false);
    expect(warnings).toHaveLength(1);
    none.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    none.cleanup();
  });

  it.skipIf(process.getuid?.() === 0)('works with a read-only cache folder (permission bits)', () => {
    const gitDir = tempGitDir();
    const cache = openHistoryCache({ gitDir }, () => undefined);
    const key = chunkKey(IDS, { format: LOG_FORMAT, renames: true, environment: '' });
    cache.writeChunk(key, IDS, { records: RECORDS, noRenames: [], reason: '' });
    const dir = path.join(gitDir, 'talentrisk', 'cache', 'v1');
    fs.chmodSync(dir, 0o555);
    try {
      const warnings: string[] = [];
      const readOnly = openHistoryCache({ gitDir }, (m) => warnings.push(m));
      expect(readOnly.isWritable).toBe(false);
      expect(readOnly.readChunk(key, IDS)?.records).toEqual(RECORDS);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});

async function fixture(): Promise<{ repo: FixtureRepo; git: Repository; sha: string }> {
  const repo = buildRepo([
    { author: 'ada', write: { 'a.ts': 10, 'b.ts': 10 } },
    { author: 'bob', write: { 'b.ts': 10 } },
    { author: 'carl', rename: { 'a.ts': 'lib/a.ts' } },
    { author: 'dan', write: { 'c.ts': 4 }, coAuthors: ['eve'] },
    { author: 'eve', write: { 'lib/a.ts': 10 } },
    { author: 'ada', remove: ['b.ts'] },
    { author: 'bob', write: { 'c.ts': 4 } },
  ]);
  return { repo, git: await openRepository(repo.dir), sha: repo.git('rev-parse', 'HEAD').trim() };
}

async function collect(git: Repository, sha: string, options: HistoryOptions): Promise<CommitRecord[]> {
  const all: CommitRecord[] = [];
  for await (const records of walkHistory(git, sha, options)) all.push(...records);
  return all;
}

describe('the cache under a real walk', { tags: ['slow'] }, () => {
  it('rebuilds corrupt, truncated and foreign entries with a warning, and answers as a cold walk does', async () => {
    const { repo, git, sha } = await fixture();
    const expected = parseLogOutput(repo.git('log', '--no-merges', '--date-order', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`, 'HEAD'));
    const options = { chunkSize: 2, cache: { gitDir: git.info.gitDir } };
    expect(await collect(git, sha, options)).toEqual(expected);
    const dir = path.join(git.info.gitDir, 'talentrisk', 'cache', 'v1');
    const chunks = readdirSync(dir).filter((f) => f.endsWith('.chunk'));
    const list = readdirSync(dir).find((f) => f.endsWith('.list')) as string;
    expect(chunks.length).toBe(4);
    const [a, b, c] = chunks as [string, string, string];
    const bytes = readFileSync(path.join(dir, a));
    writeFileSync(path.join(dir, a), bytes.subarray(0, bytes.length - 7)); // truncated
    const other = readFileSync(path.join(dir, b));
    writeFileSync(path.join(dir, b), Buffer.from(other.map((x, i) => (i === 70 ? x ^ 1 : x)))); // bit flip
    writeFileSync(path.join(dir, c), other); // foreign: another chunk's entry
    writeFileSync(path.join(dir, list), 'garbage '.repeat(20));
    const warnings: string[] = [];
    const commandLines = watchCommandLines(git);
    expect(await collect(git, sha, { ...options, onWarning: (m) => warnings.push(m) })).toEqual(expected);
    // The chunks whose entries were unusable are read again with their ids on stdin.
    expect(commandLines.mostIds()).toBe(1);
    expect(warnings.map((w) => w.replace(/^.* is /, ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^truncated/), expect.stringMatching(/^corrupt \(checksum/), expect.stringMatching(/^foreign/), expect.stringMatching(/^not a talentrisk/)]),
    );
    expect(warnings).toHaveLength(4);
    // Rebuilt: the next walk is clean.
    const again: string[] = [];
    expect(await collect(git, sha, { ...options, onWarning: (m) => again.push(m) })).toEqual(expected);
    expect(again).toEqual([]);
  });

  it('two walks of the same repository at once both answer right and leave a sound cache', async () => {
    const { repo, git, sha } = await fixture();
    const expected = parseLogOutput(repo.git('log', '--no-merges', '--date-order', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`, 'HEAD'));
    const other = await openRepository(repo.dir);
    const options = { chunkSize: 1, cache: { gitDir: git.info.gitDir } };
    const warnings: string[] = [];
    const [first, second] = await Promise.all([collect(git, sha, { ...options, onWarning: (m) => warnings.push(m) }), collect(other, sha, { ...options, onWarning: (m) => warnings.push(m) })]);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(await collect(git, sha, { ...options, onWarning: (m) => warnings.push(m) })).toEqual(expected);
    expect(warnings).toEqual([]);
    expect(readdirSync(path.join(git.info.gitDir, 'talentrisk', 'cache', 'v1')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('an interrupted run (temp files left behind) is invisible to the next one, which tidies up', async () => {
    const { repo, git, sha } = await fixture();
    const expected = parseLogOutput(repo.git('log', '--no-merges', '--date-order', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`, 'HEAD'));
    const options = { chunkSize: 3, cache: { gitDir: git.info.gitDir } };
    const dir = path.join(git.info.gitDir, 'talentrisk', 'cache', 'v1');
    fs.mkdirSync(dir, { recursive: true });
    // What Ctrl-C during a write leaves: half a temp file, never an entry under its final name.
    const key = chunkKey((await collect(git, sha, {})).slice(0, 1).map((r) => r.sha), { format: LOG_FORMAT, renames: true, environment: '' });
    const stale = path.join(dir, `${key}.chunk.tmp-0123456789ab`);
    writeFileSync(stale, Buffer.from('TRHC half'));
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(stale, old, old);
    const warnings: string[] = [];
    expect(await collect(git, sha, { ...options, onWarning: (m) => warnings.push(m) })).toEqual(expected);
    expect(warnings).toEqual([]);
    expect(existsSync(stale)).toBe(false);
  });

  it('--no-cache (no location) writes nothing', async () => {
    const { git, sha } = await fixture();
    await collect(git, sha, { chunkSize: 2 });
    expect(existsSync(path.join(git.info.gitDir, 'talentrisk'))).toBe(false);
  });
});

describe('the git environment fingerprint', () => {
  it('changes with what shapes git log output: .mailmap, log/mailmap/trailer config, replace refs, grafts', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 2 } },
      { author: 'bob', write: { 'b.ts': 2 } },
    ]);
    const fingerprint = async () => gitEnvironment(await openRepository(repo.dir));
    const seen = new Set([await fingerprint()]);
    expect(await fingerprint()).toBe([...seen][0]);
    const changes: (() => void)[] = [
      () => writeFileSync(path.join(repo.dir, '.mailmap'), 'Ada Lovelace <ada@example.com>\n'),
      () => repo.git('config', 'log.showSignature', 'false'),
      () => repo.git('config', 'mailmap.blob', 'HEAD:.mailmap'),
      () => repo.git('replace', repo.git('rev-parse', 'HEAD~1').trim(), repo.git('rev-parse', 'HEAD').trim()),
      () => writeFileSync(path.join(repo.dir, '.git', 'info', 'grafts'), `${repo.git('rev-parse', 'HEAD').trim()}\n`),
      // How %(trailers) finds co-authors, and whether the replace refs apply at all.
      () => repo.git('config', 'trailer.separators', ':='),
      () => repo.git('config', 'trailer.co.key', 'Co-authored-by'),
      () => repo.git('config', 'core.commentChar', ';'),
      () => repo.git('config', 'core.useReplaceRefs', 'false'),
    ];
    for (const change of changes) {
      change();
      const next = await fingerprint();
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    }
    // Settings that do not shape the output leave it alone.
    repo.git('config', 'core.editor', 'vi');
    expect(seen.has(await fingerprint())).toBe(true);
  });
});
