import { describe, expect, it } from 'vitest';
import { inactiveDevelopers } from '../../src/model/decay.ts';
import { lastMerges } from '../../src/model/merge-activity.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('lastMerges', () => {
  const identities = [
    { name: 'Ian', email: 'ian@example.com', commits: 3, firstTime: 1, lastTime: 10 },
    { name: 'Ian Cordasco', email: 'IAN@example.com', commits: 1, firstTime: 1, lastTime: 5 },
    { name: 'Root', email: 'root@example.org', commits: 1, firstTime: 1, lastTime: 5 },
    { name: 'Other Root', email: 'root@example.org', commits: 1, firstTime: 1, lastTime: 5 },
    { name: 'ci', email: 'ci@example.com', commits: 1, firstTime: 1, lastTime: 5 },
    { name: 'Alice', email: 'root@localhost', commits: 4, firstTime: 1, lastTime: 5 },
    { name: 'Ada', email: 'ada@corp.com', commits: 9, firstTime: 1, lastTime: 5 },
  ];
  const ian = { id: 'ian', isBot: false };
  const root1 = { id: 'r1', isBot: false };
  const root2 = { id: 'r2', isBot: false };
  const bot = { id: 'bot', isBot: true };
  const alice = { id: 'alice', isBot: false };
  const ada = { id: 'ada', isBot: false };
  const developers = [ian, ian, root1, root2, bot, alice, ada];
  const of = (identity: number) => developers[identity];
  const find = (who: { name: string; email: string }) => {
    const index = identities.findIndex((identity) => identity.name === who.name && identity.email === who.email);
    return index === -1 ? undefined : index;
  };
  const options = { find, isBot: (who: { name: string }) => who.name.endsWith('[bot]'), shared: new Set<number>() };

  it('credits the identity of the same name and address, else the one developer using the address', () => {
    const latest = lastMerges(
      [
        { name: 'Ian', email: 'ian@example.com', time: 100 },
        { name: 'Ian S. Cordasco', email: 'Ian@Example.com', time: 200 },
        { name: 'Ian', email: 'ian@example.com', time: 150 },
      ],
      identities,
      of,
      options,
    );
    expect([...latest]).toEqual([[ian, 200]]);
  });

  it('credits nobody for an address two developers use, a bot, or someone with no commit of their own', () => {
    const merges = [
      { name: 'Someone', email: 'root@example.org', time: 100 },
      { name: 'ci', email: 'ci@example.com', time: 100 },
      { name: 'Stranger', email: 'stranger@example.com', time: 100 },
    ];
    expect(lastMerges(merges, identities, of, options).size).toBe(0);
    // The same name and address as one of them names that one.
    expect([...lastMerges([{ name: 'Other Root', email: 'root@example.org', time: 9 }], identities, of, options)]).toEqual([[root2, 9]]);
  });

  // A review: `Bob Merger <root@localhost>` made Alice, who commits over it, active; so did a bot
  // merging over Ada's address.
  it('credits nobody over a placeholder address or for a bot over a person\'s address', () => {
    const merges = [
      { name: 'Bob Merger', email: 'root@localhost', time: 100 },
      { name: 'dependabot[bot]', email: 'ada@corp.com', time: 100 },
    ];
    expect(lastMerges(merges, identities, of, options).size).toBe(0);
    // Alice herself, as the walk saw her, still counts.
    expect([...lastMerges([{ name: 'Alice', email: 'root@localhost', time: 7 }], identities, of, options)]).toEqual([[alice, 7]]);
  });

  it('over an address several people share, credits only under one of their names', () => {
    const shared = { ...options, shared: new Set([0, 1]) };
    expect(lastMerges([{ name: 'Somebody Else', email: 'ian@example.com', time: 100 }], identities, of, shared).size).toBe(0);
    expect([...lastMerges([{ name: ' ian cordasco', email: 'ian@example.com', time: 100 }], identities, of, shared)]).toEqual([[ian, 100]]);
  });
});

describe('a maintainer who only merges lately', () => {
  // psf/requests: Ian Cordasco merged 20 pull requests in 2018 and read as inactive for 465 days.
  const build = () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'f.py': 30 } },
      ...Array.from({ length: 8 }, (_, i) => ({ author: 'bob', at: `2024-01-${String(i + 2).padStart(2, '0')}T10:00:00Z`, write: { 'f.py': `v${i}\n`.repeat(i + 3) } })),
    ]);
    // Months later, Carol's one-line branches, each merged by Bob (no commit of his own since January).
    for (const [i, day] of ['2024-11-01', '2024-11-20', '2024-12-10'].entries()) {
      repo.commit({ author: 'carol', at: `${day}T09:00:00Z`, branch: `fix-${i}`, write: { [`doc${i}.md`]: 'x\n' } });
      repo.commit({ author: 'bob', at: `${day}T12:00:00Z`, checkout: 'main', merge: `fix-${i}` });
    }
    return repo;
  };

  it('is active: a merge is a commit, though it credits no file', async () => {
    const analysis = await analyzeRepo(build().dir, { config: { model: { inactiveAfter: 180 } }, until: new Date('2025-01-01T23:59:59Z') });
    const bob = analysis.developers.find((developer) => developer.name === 'Bob');
    expect(bob?.lastCommit).toBe('2024-12-10T12:00:00.000Z');
    expect(bob?.commits).toBe(8);
    expect(inactiveDevelopers(analysis).map((developer) => developer.name)).toEqual(['Ada']);
  });

  // A review: a window reaching before 1970 made the scan fail ("Invalid time value"), and one
  // starting before the first commit would have read no merge.
  it('reads every merge when the window reaches before 1970', async () => {
    const analysis = await analyzeRepo(build().dir, { config: { model: { inactiveAfter: 1e12 } }, until: new Date('2025-07-01T23:59:59Z') });
    expect(analysis.developers.find((developer) => developer.name === 'Bob')?.lastCommit).toBe('2024-12-10T12:00:00.000Z');
    expect(analysis.warnings.join('\n')).not.toMatch(/merges could not be read/);
  });

  it('is inactive once the merges are older than the window too', async () => {
    const analysis = await analyzeRepo(build().dir, { config: { model: { inactiveAfter: 180 } }, until: new Date('2025-07-01T23:59:59Z') });
    expect(inactiveDevelopers(analysis).map((developer) => developer.name).sort()).toEqual(['Ada', 'Bob', 'Carol']);
    // As the walk last saw him: merges older than the window are not read.
    expect(analysis.developers.find((developer) => developer.name === 'Bob')?.lastCommit).toBe('2024-01-09T10:00:00.000Z');
  });
});
