import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthorshipFold, type FoldChange } from '../../src/model/authorship.ts';
import { buildRepo, type FixtureCommit, type FixtureRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';

// METRICS.md §1 and §3: one event per commit and file (A, M, R), merges carry none, and a file's
// history follows renames backwards; an add ends it (see the header of src/model/authorship.ts).

/** FA/DL/AC of every developer of a file, as [id, FA, DL, AC] rows (highest DOA first). */
const rows = (analysis: Awaited<ReturnType<typeof analyzeRepo>>, file: string) => fileOf(analysis, file).contributions.map((c) => [c.developer, c.fa, c.dl, c.ac]);

/** Commits a merge that also adds a file (an "evil merge"): a tracked file whose only change is in a merge. */
function mergeAddingFile(repo: FixtureRepo, branch: string, file: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Fred',
    GIT_AUTHOR_EMAIL: 'fred@example.com',
    GIT_AUTHOR_DATE: '2024-02-01T12:00:00Z',
    GIT_COMMITTER_NAME: 'Fred',
    GIT_COMMITTER_EMAIL: 'fred@example.com',
    GIT_COMMITTER_DATE: '2024-02-01T12:00:00Z',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git('merge', '-q', '--no-ff', '--no-commit', branch);
  writeFileSync(path.join(repo.dir, file), 'born in a merge\n');
  git('add', '--', file);
  git('commit', '-q', '--no-verify', '-m', `merge ${branch}`);
}

describe('AuthorshipFold (commits newest first)', () => {
  type Tally = { fa: number; dl: number };
  const run = (tracked: string[], commits: [credited: number[], events: FoldChange[]][]) => {
    const fold = new AuthorshipFold(tracked);
    commits.forEach(([credited, events], index) => fold.addCommit(1000 - index, credited, events));
    const view = (file: string) => {
      const tally = fold.tallyOf(file);
      const byIdentity: Record<number, Tally> = {};
      for (const [id, entry] of tally?.byIdentity ?? []) byIdentity[id] = { fa: entry.fa, dl: entry.dl };
      return { mr: tally?.mr, byIdentity };
    };
    return view;
  };

  it('follows a rename chain back to the add', () => {
    // 0 adds a, 1 renames a → b, 2 renames b → c, 3 modifies c
    const view = run(
      ['c'],
      [
        [[3], [{ status: 'M', path: 'c' }]],
        [[2], [{ status: 'R', path: 'c', oldPath: 'b' }]],
        [[1], [{ status: 'R', path: 'b', oldPath: 'a' }]],
        [[0], [{ status: 'A', path: 'a' }]],
      ],
    );
    expect(view('c')).toEqual({ mr: 3, byIdentity: { 0: { fa: 1, dl: 0 }, 1: { fa: 0, dl: 1 }, 2: { fa: 0, dl: 1 }, 3: { fa: 0, dl: 1 } } });
  });

  it('gives the old path’s past to the renamed file when the same commit adds a new file at the old path', () => {
    for (const order of [0, 1]) {
      const events: FoldChange[] = [
        { status: 'R', path: 'y', oldPath: 'x' },
        { status: 'A', path: 'x' },
      ];
      if (order) events.reverse();
      const view = run(
        ['x', 'y'],
        [
          [[2], events],
          [[1], [{ status: 'M', path: 'x' }]],
          [[0], [{ status: 'A', path: 'x' }]],
        ],
      );
      expect(view('y')).toEqual({ mr: 2, byIdentity: { 0: { fa: 1, dl: 0 }, 1: { fa: 0, dl: 1 }, 2: { fa: 0, dl: 1 } } });
      expect(view('x')).toEqual({ mr: 0, byIdentity: { 2: { fa: 1, dl: 0 } } });
    }
  });

  it('swaps two files renamed onto each other in one commit', () => {
    const view = run(
      ['a', 'b'],
      [
        [
          [2],
          [
            { status: 'R', path: 'b', oldPath: 'a' },
            { status: 'R', path: 'a', oldPath: 'b' },
          ],
        ],
        [[1], [{ status: 'A', path: 'b' }]],
        [[0], [{ status: 'A', path: 'a' }]],
      ],
    );
    expect(view('a').byIdentity).toEqual({ 1: { fa: 1, dl: 0 }, 2: { fa: 0, dl: 1 } });
    expect(view('b').byIdentity).toEqual({ 0: { fa: 1, dl: 0 }, 2: { fa: 0, dl: 1 } });
  });

  it('ends a path’s past at an add: an earlier file at the same path is another file', () => {
    const view = run(
      ['p'],
      [
        [[3], [{ status: 'M', path: 'p' }]],
        [[2], [{ status: 'A', path: 'p' }]],
        [[1], [{ status: 'D', path: 'p' }]],
        [[0], [{ status: 'A', path: 'p' }]],
      ],
    );
    expect(view('p')).toEqual({ mr: 1, byIdentity: { 2: { fa: 1, dl: 0 }, 3: { fa: 0, dl: 1 } } });
  });

  it('does not end a path’s past at a delete (no event, METRICS.md §1): a branch’s delete that a merge undid keeps the creator', () => {
    // Newest first: bob modifies p on the main line, carol deleted p on a side branch (the merge
    // kept p), ada created it.
    const view = run(
      ['p'],
      [
        [[1], [{ status: 'M', path: 'p' }]],
        [[2], [{ status: 'D', path: 'p' }]],
        [[0], [{ status: 'A', path: 'p' }]],
      ],
    );
    expect(view('p')).toEqual({ mr: 1, byIdentity: { 1: { fa: 0, dl: 1 }, 0: { fa: 1, dl: 0 } } });
  });

  it('gives a path renamed away on one branch and kept on another to both files (laravel: the kept file had lost its whole past)', () => {
    // Newest first: 3 renames p → q on one branch; a merge kept p too, so both are tracked. 2 and 1
    // changed p before, 0 created it. The kept p had no history (its past went to q alone).
    const commits: [number[], FoldChange[]][] = [
      [[3], [{ status: 'R', path: 'q', oldPath: 'p' }]],
      [[2], [{ status: 'M', path: 'p' }]],
      [[1], [{ status: 'M', path: 'p' }]],
      [[0], [{ status: 'A', path: 'p' }]],
    ];
    const view = run(['p', 'q'], commits);
    expect(view('p')).toEqual({ mr: 2, byIdentity: { 2: { fa: 0, dl: 1 }, 1: { fa: 0, dl: 1 }, 0: { fa: 1, dl: 0 } } });
    expect(view('q')).toEqual({ mr: 3, byIdentity: { 3: { fa: 0, dl: 1 }, 2: { fa: 0, dl: 1 }, 1: { fa: 0, dl: 1 }, 0: { fa: 1, dl: 0 } } });
    // Only q tracked: as before, p's past is q's.
    expect(run(['q'], commits)('q')).toEqual(view('q'));
    // Straight history: p was added again after the rename (newest first, its add comes first), so
    // the earlier p is q's past alone.
    const again = run(['p', 'q'], [[[4], [{ status: 'A', path: 'p' }]], ...commits]);
    expect(again('p')).toEqual({ mr: 0, byIdentity: { 4: { fa: 1, dl: 0 } } });
    expect(again('q')).toEqual(view('q'));
    // The shared past follows renames further back, and a swap in one commit moves no past twice.
    const chain = run(
      ['p', 'q', 'r'],
      [
        [[5], [{ status: 'R', path: 'r', oldPath: 'q' }]],
        [[4], [{ status: 'R', path: 'q', oldPath: 'p' }]],
        [[3], [{ status: 'R', path: 'p', oldPath: 'o' }]],
        [[2], [{ status: 'M', path: 'o' }]],
        [[1], [{ status: 'R', path: 'o', oldPath: 'x' }, { status: 'R', path: 'x', oldPath: 'o' }]],
        [[0], [{ status: 'A', path: 'x' }]],
      ],
    );
    // 5 and 4 moved q's and p's paths while the earlier files were still tracked, so p, q and r all
    // take o's past, which the swap in 1 moved onto x, created by 0.
    expect(chain('r')).toEqual({ mr: 5, byIdentity: { 5: { fa: 0, dl: 1 }, 4: { fa: 0, dl: 1 }, 3: { fa: 0, dl: 1 }, 2: { fa: 0, dl: 1 }, 1: { fa: 0, dl: 1 }, 0: { fa: 1, dl: 0 } } });
    expect(chain('p')).toEqual({ mr: 3, byIdentity: { 3: { fa: 0, dl: 1 }, 2: { fa: 0, dl: 1 }, 1: { fa: 0, dl: 1 }, 0: { fa: 1, dl: 0 } } });
  });

  it('moves paths on commits that credit nobody (bots), without counting their events', () => {
    const view = run(
      ['b'],
      [
        [[], [{ status: 'R', path: 'b', oldPath: 'a' }]],
        [[0], [{ status: 'A', path: 'a' }]],
      ],
    );
    expect(view('b')).toEqual({ mr: 0, byIdentity: { 0: { fa: 1, dl: 0 } } });
  });
});

describe('history events on fixture repositories', { tags: ['slow'] }, () => {
  it('counts adds, modifications and renames along a rename chain (a → b → c keeps a’s history)', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 5 } },
      { author: 'bob', write: { 'src/a.ts': 5 } },
      { author: 'carl', rename: { 'src/a.ts': 'src/b.ts' } },
      { author: 'bob', rename: { 'src/b.ts': 'lib/c.ts' } },
      { author: 'dan', write: { 'lib/c.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['lib/c.ts']);
    // lib/c.ts: A ada; M bob; R carl; R bob; M dan → 4 M/R events.
    expect(rows(analysis, 'lib/c.ts')).toEqual([
      ['ada@example.com', 1, 0, 4], // 4.391 − 0.321·ln 5 = 3.874370 (max)
      ['bob@example.com', 0, 2, 2], // 3.621 − 0.321·ln 3 = 3.268345, normDOA 0.843581 but < 3.293
      ['carl@example.com', 0, 1, 3], // 3.457 − 0.321·ln 4 = 3.012000, normDOA 0.777417 but < 3.293
      ['dan@example.com', 0, 1, 3],
    ]);
    expect(contributionOf(analysis, 'lib/c.ts', 'ada@example.com').doa).toBeCloseTo(3.87437, 5);
    expect(contributionOf(analysis, 'lib/c.ts', 'bob@example.com').doa).toBeCloseTo(3.268345, 5);
    expect(contributionOf(analysis, 'lib/c.ts', 'bob@example.com').normDoa).toBeCloseTo(0.843581, 5);
    expect(fileOf(analysis, 'lib/c.ts')).toMatchObject({ authors: ['ada@example.com'], events: 5 });
  });

  it('gives merge commits no events: whoever only merged is no developer', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'm.ts': 5 } },
      { author: 'bob', branch: 'side', write: { 'm.ts': 5 } },
      { author: 'carl', checkout: 'main', write: { 'other.ts': 5 } },
      { author: 'fred', merge: 'side' },
    ]);
    expect(repo.git('rev-list', '--merges', 'HEAD').trim().split('\n')).toHaveLength(1);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.stats.commits).toBe(3);
    expect(analysis.developers.map((d) => d.id)).not.toContain('fred@example.com');
    // m.ts: ada A, bob M (on the branch). Counting the merge would give fred a DL and ada AC 2.
    expect(rows(analysis, 'm.ts')).toEqual([
      ['ada@example.com', 1, 0, 1], // 4.168500
      ['bob@example.com', 0, 1, 0], // 3.457, normDOA 0.829315 → author
    ]);
    expect(fileOf(analysis, 'm.ts').authors).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('keeps a file’s creator when a branch deleted it and the merge kept it (a delete is no event)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'x.ts': 5, 'keep.ts': 5 } },
      { author: 'carol', at: '2024-01-02T12:00:00Z', branch: 'side', remove: ['x.ts'] },
      { author: 'bob', at: '2024-01-03T12:00:00Z', checkout: 'main', write: { 'x.ts': 5, 'y.ts': 5 } },
    ]);
    const at = '2024-01-04T12:00:00Z';
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@example.com', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
    // A modify/delete conflict, resolved by keeping the modified x.ts.
    expect(spawnSync('git', ['merge', '--no-commit', 'side'], { cwd: repo.dir, env }).status).not.toBe(0);
    repo.git('add', 'x.ts');
    execFileSync('git', ['commit', '-q', '-m', 'merge side, keeping x.ts'], { cwd: repo.dir, env });
    expect(repo.git('ls-files').split('\n')).toContain('x.ts');
    const analysis = await analyzeRepo(repo.dir);
    // Ending x.ts's past at carol's delete (newest first: bob M, carol D, ada A) lost ada's creation.
    expect(rows(analysis, 'x.ts')).toEqual([
      ['ada@example.com', 1, 0, 1], // 4.168500
      ['bob@example.com', 0, 1, 0], // 3.457, normDOA 0.829315 → author
    ]);
    expect(fileOf(analysis, 'x.ts').authors).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('gives a file renamed on a branch, and brought back by a merge, its past as well as the renamed copy (laravel)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'p.ts': 5, 'keep.ts': 5 } },
      { author: 'bob', at: '2024-01-02T12:00:00Z', write: { 'p.ts': 5 } },
      { author: 'carol', at: '2024-01-03T12:00:00Z', branch: 'next', rename: { 'p.ts': 'q.ts' } },
      { author: 'dave', at: '2024-01-04T12:00:00Z', checkout: 'main', write: { 'p.ts': 5 } },
    ]);
    // Merge main into next, keeping both q.ts and main's p.ts (as laravel's merge of 12.x into 13.x did).
    const at = '2024-01-05T12:00:00Z';
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Fred', GIT_AUTHOR_EMAIL: 'fred@example.com', GIT_COMMITTER_NAME: 'Fred', GIT_COMMITTER_EMAIL: 'fred@example.com', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
    repo.git('checkout', '-q', 'next');
    execFileSync('git', ['merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'main'], { cwd: repo.dir, env });
    repo.git('checkout', 'main', '--', 'p.ts');
    execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'merge main'], { cwd: repo.dir, env });
    expect(repo.git('ls-files').split('\n')).toEqual(expect.arrayContaining(['p.ts', 'q.ts']));
    const analysis = await analyzeRepo(repo.dir);
    // Newest first: dave M p, carol R p → q, bob M p, ada A p. p.ts had dave alone (its past went to q.ts).
    expect(rows(analysis, 'p.ts')).toEqual([
      ['ada@example.com', 1, 0, 2], // 4.391 − 0.321·ln 3 = 4.038; bob and dave 3.457 − 0.321·ln 2 = 3.235
      ['bob@example.com', 0, 1, 1],
      ['dave@example.com', 0, 1, 1],
    ]);
    expect(rows(analysis, 'q.ts')).toEqual([
      ['ada@example.com', 1, 0, 2],
      ['bob@example.com', 0, 1, 1],
      ['carol@example.com', 0, 1, 1],
    ]);
  });

  it('does not count the events of an earlier, deleted file at a reused path', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'p.ts': 5 } },
      { author: 'bob', write: { 'p.ts': 5 } },
      { author: 'bob', remove: ['p.ts'] },
      { author: 'carl', write: { 'p.ts': 5 } },
      { author: 'dan', write: { 'p.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // p.ts now: carl A, dan M. ada and bob worked on the deleted file, which is not analysed.
    expect(rows(analysis, 'p.ts')).toEqual([
      ['carl@example.com', 1, 0, 1], // 4.168500
      ['dan@example.com', 0, 1, 0], // 3.457, normDOA 0.829315
    ]);
    expect(fileOf(analysis, 'p.ts').authors).toEqual(['carl@example.com', 'dan@example.com']);
    // ada and bob still count as developers (commits), with no authored file
    expect(analysis.developers.find((d) => d.id === 'ada@example.com')?.filesAuthored).toBe(0);
  });

  it('follows a rename onto a path freed by a delete, and not the deleted file', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'p.ts': 5 } },
      { author: 'bob', write: { 'q.ts': 5 } },
      { author: 'carl', remove: ['p.ts'] },
      { author: 'dan', rename: { 'q.ts': 'p.ts' } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // p.ts is the old q.ts: bob A, dan R. ada's p.ts was deleted.
    expect(rows(analysis, 'p.ts')).toEqual([
      ['bob@example.com', 1, 0, 1],
      ['dan@example.com', 0, 1, 0],
    ]);
  });

  it('treats "rename x → y and write a new x" in one commit as git -M reports it: x modified, y added', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'x.ts': 5 } },
      { author: 'bob', write: { 'x.ts': 5 } },
      { author: 'carl', rename: { 'x.ts': 'y.ts' }, write: { 'x.ts': 5 } },
    ]);
    // git's rename detection (-M) only pairs a deleted path with an added one; x.ts still exists.
    expect(repo.git('log', '-1', '-M', '--name-status', '--format=').trim().split('\n').sort()).toEqual(['A\ty.ts', 'M\tx.ts']);
    const analysis = await analyzeRepo(repo.dir);
    expect(rows(analysis, 'x.ts')).toEqual([
      ['ada@example.com', 1, 0, 2],
      ['bob@example.com', 0, 1, 1],
      ['carl@example.com', 0, 1, 1],
    ]);
    expect(rows(analysis, 'y.ts')).toEqual([['carl@example.com', 1, 0, 0]]);
  });

  it('does not analyse a tracked file with no event (added in a merge commit)', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', branch: 'side', write: { 'b.ts': 5 } },
      { author: 'ada', checkout: 'main', write: { 'a.ts': 5 } },
    ]);
    mergeAddingFile(repo, 'side', 'ghost.ts');
    expect(repo.git('ls-files').trim().split('\n')).toEqual(['a.ts', 'b.ts', 'ghost.ts']);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['a.ts', 'b.ts']);
    expect(analysis.exclusions).toEqual([{ rule: 'no history (or only bot commits)', files: 1 }]);
    expect(analysis.stats).toMatchObject({ trackedFiles: 3, files: 2, excludedFiles: 1 });
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(classic.exclusions).toEqual([{ rule: 'no history', files: 1 }]);
  });
});

describe('the analysed revision', { tags: ['slow'] }, () => {
  // Commits are one day apart from 2024-01-02T12:00Z.
  const history: FixtureCommit[] = [
    { author: 'ada', write: { 'a.ts': 5 } }, // 2024-01-02
    { author: 'bob', write: { 'a.ts': 5 } }, // 2024-01-03
    { author: 'carl', write: { 'a.ts': 5, 'c.ts': 5 } }, // 2024-01-04
  ];

  it('--until analyses the last commit at or before the date', async () => {
    const repo = buildRepo(history);
    const second = repo.git('rev-parse', 'HEAD~1').trim();
    const analysis = await analyzeRepo(repo.dir, { until: new Date('2024-01-03T12:00:00Z') });
    expect(analysis.repository.revision).toBe(second);
    expect(analysis.repository.requested).toBe('HEAD until 2024-01-03T12:00:00Z');
    expect(analysis.stats.commits).toBe(2);
    expect(analysis.files.map((f) => f.path)).toEqual(['a.ts']);
    // a.ts at that commit: ada A, bob M → ada FA=1 AC=1, bob DL=1
    expect(rows(analysis, 'a.ts')).toEqual([
      ['ada@example.com', 1, 0, 1],
      ['bob@example.com', 0, 1, 0],
    ]);
    // the decayed figures are measured from the --until date
    expect(analysis.settings.referenceDate).toBe('2024-01-03T12:00:00.000Z');
    expect(contributionOf(analysis, 'a.ts', 'bob@example.com').decayed?.dl).toBe(1);
  });

  it('--until one second before a commit leaves that commit out', async () => {
    const repo = buildRepo(history);
    const analysis = await analyzeRepo(repo.dir, { until: new Date('2024-01-03T11:59:59Z') });
    expect(analysis.repository.revision).toBe(repo.git('rev-parse', 'HEAD~2').trim());
  });

  it('--rev analyses another revision', async () => {
    const repo = buildRepo(history);
    repo.git('tag', 'v1', 'HEAD~2');
    const analysis = await analyzeRepo(repo.dir, { rev: 'v1' });
    expect(analysis.repository.revision).toBe(repo.git('rev-parse', 'HEAD~2').trim());
    expect(rows(analysis, 'a.ts')).toEqual([['ada@example.com', 1, 0, 0]]);
  });

  it('rejects an unknown revision and a date before the first commit', async () => {
    const repo = buildRepo(history);
    await expect(analyzeRepo(repo.dir, { rev: 'nope' })).rejects.toThrow('unknown revision: nope');
    await expect(analyzeRepo(repo.dir, { until: new Date('2023-06-01T00:00:00Z') })).rejects.toThrow(/no commit of HEAD is at or before 2023-06-01/);
  });
});

// okhttp's "Convert Http2Connection to Kotlin": the .java file deleted and the .kt added in one
// commit, too rewritten for git's rename detection; 216 of its 547 Kotlin files began there.
describe('a file converted to another language in one commit (extension)', () => {
  const build = () =>
    buildRepo([
      { author: 'ada', write: { 'src/Conn.java': 20, 'src/Other.java': 5 } },
      { author: 'ada', write: { 'src/Conn.java': 20 } },
      { author: 'bob', write: { 'src/Conn.java': 20 } },
      // New content throughout: git cannot see a rename.
      { author: 'carl', remove: ['src/Conn.java'], write: { 'src/Conn.kt': 20 } },
      { author: 'dan', write: { 'src/Conn.kt': 3 } },
      // Two files of one name added beside one deleted: no single conversion.
      { author: 'carl', remove: ['src/Other.java'], write: { 'src/Other.kt': 5, 'src/Other.kts': 5 } },
      // Configuration replaced, not converted (a review: setup.py → setup.cfg made Ada its author).
      { author: 'ada', write: { 'setup.py': 5 } },
      { author: 'bob', remove: ['setup.py'], write: { 'setup.cfg': 5 } },
    ]);

  it('is one file: its history goes on through the conversion, credited as a rename', async () => {
    const repo = build();
    expect(repo.git('log', '-1', '--skip=4', '--name-status', '--format=', '-M').trim().split('\n').sort()).toEqual(['A\tsrc/Conn.kt', 'D\tsrc/Conn.java']);
    const analysis = await analyzeRepo(repo.dir);
    // Conn.kt: A ada; M ada; M bob; R carl; M dan → ada FA 1, DL 1, AC 3.
    expect(rows(analysis, 'src/Conn.kt')).toEqual([
      ['ada@example.com', 1, 1, 3],
      ['bob@example.com', 0, 1, 3],
      ['carl@example.com', 0, 1, 3],
      ['dan@example.com', 0, 1, 3],
    ]);
    expect(fileOf(analysis, 'src/Other.kt').contributions.map((c) => [c.developer, c.fa])).toEqual([['carl@example.com', 1]]);
    expect(fileOf(analysis, 'setup.cfg').contributions.map((c) => [c.developer, c.fa])).toEqual([['bob@example.com', 1]]);
  });

  it('is two files under --model classic (METRICS §1 follows git\'s renames only)', async () => {
    const analysis = await analyzeRepo(build().dir, { model: 'classic' });
    expect(rows(analysis, 'src/Conn.kt')).toEqual([
      ['carl@example.com', 1, 0, 1],
      ['dan@example.com', 0, 1, 0],
    ]);
  });
});
