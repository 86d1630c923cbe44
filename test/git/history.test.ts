import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkCommits, streamHistory } from '../../src/git/history.ts';
import { listCommits, openRepository } from '../../src/git/repo.ts';
import type { CommitRecord } from '../../src/git/types.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('chunkCommits', () => {
  it('counts chunks from the oldest end: the newest chunk is the short one', () => {
    // newest first: c4 c3 c2 c1 c0
    expect(chunkCommits(['c4', 'c3', 'c2', 'c1', 'c0'], 2)).toEqual([['c4'], ['c3', 'c2'], ['c1', 'c0']]);
    expect(chunkCommits(['c1', 'c0'], 5)).toEqual([['c1', 'c0']]);
    expect(chunkCommits([], 3)).toEqual([]);
  });

  const commitsArb = fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 });
  const sizeArb = fc.integer({ min: 1, max: 9 });

  it('keeps every commit once, in order, in chunks of at most the size (all full but the newest)', () => {
    fc.assert(
      fc.property(commitsArb, sizeArb, (commits, size) => {
        const chunks = chunkCommits(commits, size);
        expect(chunks.flat()).toEqual(commits);
        chunks.forEach((chunk, index) => {
          expect(chunk.length).toBeGreaterThan(0);
          if (index === 0) expect(chunk.length).toBeLessThanOrEqual(size);
          else expect(chunk.length).toBe(size);
        });
      }),
    );
  });

  it('a new commit changes only the newest chunk (older chunk boundaries stay put, for the cache)', () => {
    fc.assert(
      fc.property(commitsArb, sizeArb, fc.string({ minLength: 1 }), (commits, size, added) => {
        const before = chunkCommits(commits, size);
        const after = chunkCommits([added, ...commits], size);
        // every chunk but the newest is still there, unchanged, at the same place from the oldest end
        const older = before.slice(1);
        expect(after.slice(after.length - older.length)).toEqual(older);
      }),
    );
  });
});

describe('streamHistory', { tags: ['slow'] }, () => {
  it('yields the same records, in the same order, whatever the chunk size and read-ahead', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 3 } },
      { author: 'bob', write: { 'b.ts': 3 } },
      { author: 'carl', rename: { 'a.ts': 'c.ts' } },
      { author: 'dan', allowEmpty: true, write: {} },
      { author: 'eve', remove: ['b.ts'] },
    ]);
    const git = await openRepository(repo.dir);
    const commits = await listCommits(git, 'HEAD');
    const read = async (chunkSize: number, readAhead: number) => {
      const all: CommitRecord[] = [];
      for await (const records of streamHistory(git, commits, { chunkSize, readAhead })) all.push(...records);
      return all;
    };
    const whole = await read(100, 1);
    expect(whole.map((r) => [r.author.name, r.changes.map((c) => `${c.status} ${c.oldPath ? `${c.oldPath} → ` : ''}${c.path}`)])).toEqual([
      ['Eve', ['D b.ts']],
      ['Dan', []],
      ['Carl', ['R a.ts → c.ts']],
      ['Bob', ['A b.ts']],
      ['Ada', ['A a.ts']],
    ]);
    expect(await read(2, 3)).toEqual(whole);
    expect(await read(1, 1)).toEqual(whole);
  });
});
