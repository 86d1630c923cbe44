import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { extendCommitList, listCommitsTimed, openRepository } from '../../src/git/repo.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

const DAY = 86_400_000;

const base: FixtureCommit[] = [
  { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'a.ts': 2 } },
  { author: 'bob', at: '2024-01-02T12:00:00Z', write: { 'b.ts': 2 }, branch: 'side' },
  { author: 'ada', at: '2024-01-03T12:00:00Z', write: { 'a.ts': 3 }, checkout: 'main' },
  { author: 'carol', at: '2024-01-04T12:00:00Z', merge: 'side' },
  { author: 'ada', at: '2024-01-05T12:00:00Z', write: { 'c.ts': 2 } },
];

async function lists(extra: FixtureCommit[], options: { rewrite?: boolean } = {}) {
  const repo = buildRepo(base);
  const opened = await openRepository(repo.dir);
  const tip = repo.git('rev-parse', 'HEAD').trim();
  const earlier = await listCommitsTimed(opened, tip);
  if (options.rewrite) repo.git('reset', '-q', '--hard', 'HEAD~1');
  for (const commit of extra) repo.commit(commit);
  const sha = repo.git('rev-parse', 'HEAD').trim();
  return { full: await listCommitsTimed(opened, sha), plain: repo.git('rev-list', '--no-merges', '--date-order', sha).split('\n').filter(Boolean), extended: await extendCommitList(opened, sha, { tip, list: earlier }) };
}

// The list is parsed as git prints it: cut anywhere, the pieces give the same list.
describe('listing commits', () => {
  it('reads git output cut anywhere, mid-line and mid-id, as the whole of it', async () => {
    const repo = buildRepo([...base, ...Array.from({ length: 28 }, (_, i): FixtureCommit => ({ author: 'bob', at: `2024-02-${String(i + 1).padStart(2, '0')}T12:00:00Z`, write: { 'd.ts': i } }))]);
    const sha = repo.git('rev-parse', 'HEAD').trim();
    const plain = repo.git('rev-list', '--no-merges', '--date-order', sha).split('\n').filter(Boolean);
    for (const size of [1, 7, 41, 1000]) {
      const opened = await openRepository(repo.dir);
      const stream = opened.stream.bind(opened);
      vi.spyOn(opened, 'stream').mockImplementation((args, onOutput, stop, options) =>
        stream(args, (chunk) => {
          for (let at = 0; at < chunk.length; at += size) onOutput(chunk.subarray(at, at + size));
        }, stop, options),
      );
      const listed = await listCommitsTimed(opened, sha);
      expect(listed.commits, `pieces of ${size}`).toEqual(plain);
      expect(listed.newest).toBe(Date.parse('2024-02-28T12:00:00Z') / 1000);
    }
  });
});

describe('extending a cached commit list', () => {
  it('lists the same commits as rev-list --no-merges --date-order, with the newest time of the walk', async () => {
    const { full, plain } = await lists([]);
    expect(full.commits).toEqual(plain);
    expect(full.newest).toBe(Date.parse('2024-01-05T12:00:00Z') / 1000);
  });

  it('gives exactly the full list when the new commits are newer than all old ones (merges included)', async () => {
    const { full, extended } = await lists([
      { author: 'bob', at: '2024-02-01T12:00:00Z', write: { 'd.ts': 2 }, branch: 'feature' },
      { author: 'ada', at: '2024-02-02T12:00:00Z', write: { 'a.ts': 4 }, checkout: 'main' },
      { author: 'bob', at: '2024-02-03T12:00:00Z', write: { 'd.ts': 3 }, checkout: 'feature' },
      { author: 'carol', at: '2024-02-04T12:00:00Z', checkout: 'main', merge: 'feature' },
    ]);
    // The three new non-merge commits come first, and say so.
    expect(extended).toEqual({ ...full, added: 3 });
  });

  it('declines (so that everything is listed) when a new commit is dated before an old one', async () => {
    const { extended } = await lists([{ author: 'bob', at: '2023-12-01T12:00:00Z', write: { 'd.ts': 2 } }]);
    expect(extended).toBeUndefined();
  });

  it('declines when the earlier revision is no longer an ancestor (a rewritten history)', async () => {
    const { extended } = await lists([{ author: 'bob', at: '2024-02-01T12:00:00Z', write: { 'd.ts': 2 } }], { rewrite: true });
    expect(extended).toBeUndefined();
  });
});

/** A random history of commits on main and on a side branch merged back, with clocks that may go backwards. */
function randomHistory(ops: { kind: 'main' | 'side' | 'merge'; days: number }[], start: number): FixtureCommit[] {
  let clock = start;
  let sideHasWork = false;
  return ops.flatMap(({ kind, days }, i): FixtureCommit[] => {
    clock += days * DAY;
    const at = new Date(clock).toISOString();
    if (kind === 'side') {
      sideHasWork = true;
      return [{ author: 'bob', at, branch: 'side', write: { [`side${i}.ts`]: 2 } }];
    }
    if (kind === 'merge' && sideHasWork) {
      sideHasWork = false;
      return [{ author: 'carol', at, checkout: 'main', merge: 'side' }];
    }
    return [{ author: 'ada', at, checkout: 'main', write: { [`main${i}.ts`]: 2 } }];
  });
}

describe('extending a cached commit list (property)', { tags: ['slow'] }, () => {
  it('equals a full --date-order listing whenever it answers, for random branchy histories with skewed clocks', async () => {
    let answered = 0;
    const op = fc.record({ kind: fc.constantFrom('main' as const, 'side' as const, 'merge' as const), days: fc.integer({ min: -2, max: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 6 }), async (before, after) => {
        const repo = buildRepo([{ author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'a.ts': 2 } }, ...randomHistory(before, Date.parse('2024-01-01T12:00:00Z'))]);
        repo.git('checkout', '-q', 'main');
        const opened = await openRepository(repo.dir);
        const tip = repo.git('rev-parse', 'HEAD').trim();
        const earlier = await listCommitsTimed(opened, tip);
        for (const commit of randomHistory(after, Date.parse('2024-03-01T12:00:00Z'))) repo.commit(commit);
        repo.git('checkout', '-q', 'main');
        const sha = repo.git('rev-parse', 'HEAD').trim();
        if (sha === tip) return;
        const extended = await extendCommitList(opened, sha, { tip, list: earlier });
        if (extended === undefined) return;
        answered += 1;
        const { added, ...list } = extended;
        expect(list).toEqual(await listCommitsTimed(opened, sha));
        // The new commits are the ones in front.
        expect(added).toBe(extended.commits.length - earlier.commits.length);
        expect(extended.commits.slice(0, added).some((id) => earlier.commits.includes(id))).toBe(false);
      }),
      { numRuns: 15, seed: 20261122 },
    );
    // The property is only worth something if the fast path answered in some of the runs.
    expect(answered).toBeGreaterThan(3);
  }, 120_000);
});
