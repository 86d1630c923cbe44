import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { openRepository, resolveRevision } from '../../src/git/repo.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('resolveRevision', () => {
  const repo = buildRepo([
    { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'a.ts': 2 } },
    { author: 'bob', at: '2024-02-01T12:00:00Z', write: { 'main.ts': 2, v1: 'a file named like the tag' } },
    { author: 'ada', at: '2024-03-01T12:00:00Z', write: { 'a.ts': 3 } },
  ]);
  const head = repo.git('rev-parse', 'HEAD').trim();
  const second = repo.git('rev-parse', 'HEAD~1').trim();
  repo.git('tag', '-a', '-m', 'release', 'v1', 'HEAD~1');

  it('resolves HEAD, relative revisions and annotated tags to the commit and its committer date', async () => {
    const opened = await openRepository(repo.dir);
    expect(await resolveRevision(opened, 'HEAD')).toEqual({ requested: 'HEAD', sha: head, date: '2024-03-01T12:00:00.000Z' });
    expect(await resolveRevision(opened, 'HEAD~1')).toEqual({ requested: 'HEAD~1', sha: second, date: '2024-02-01T12:00:00.000Z' });
    // v1 is both a tag and a tracked file: it is read as the revision, peeled to its commit.
    expect((await resolveRevision(opened, 'v1')).sha).toBe(second);
  });

  it('explains an unknown revision, and --until picks the last first-parent commit before the date', async () => {
    const opened = await openRepository(repo.dir);
    await expect(resolveRevision(opened, 'nope')).rejects.toThrow(UsageError);
    await expect(resolveRevision(opened, 'nope')).rejects.toThrow('unknown revision: nope');
    await expect(resolveRevision(opened, '--all')).rejects.toThrow('unknown revision: --all');
    // The hint names a ref a slip away, else the current branch (commons-lang: LANG_3_00 for
    // LANG_3_0, and `--rev main` was offered in a repository whose branch is master).
    const hint = async (rev: string) => ((await resolveRevision(opened, rev).catch((error: unknown) => error)) as UsageError).hint;
    repo.git('tag', 'LANG_3_0', 'HEAD~1');
    expect(await hint('LANG_3_00')).toBe('did you mean `--rev LANG_3_0`? (see `git branch -a` and `git tag`)');
    const branch = repo.git('symbolic-ref', '--short', 'HEAD').trim();
    expect(await hint('nope')).toBe(`pass a branch, tag or commit that exists, e.g. \`--rev ${branch}\` (see \`git branch -a\` and \`git tag\`)`);
    // A range is no revision (HEAD~1..HEAD was analysed as HEAD, under the range's name).
    for (const range of ['HEAD~1..HEAD', 'v1...HEAD', 'HEAD^@', 'HEAD^!', '^HEAD']) {
      await expect(resolveRevision(opened, range), range).rejects.toThrow(`--rev takes one revision, not a range: ${range}`);
    }
    // --until YYYY-MM-DD stands for the end of that day and reads back as the day; a timestamp
    // reads back as itself (two --until values that pick different commits never look the same).
    expect(await resolveRevision(opened, 'HEAD', new Date('2024-02-15T23:59:59Z'))).toEqual({ requested: 'HEAD until 2024-02-15', sha: second, date: '2024-02-01T12:00:00.000Z' });
    expect((await resolveRevision(opened, 'HEAD', new Date('2024-02-15T00:00:00Z'))).requested).toBe('HEAD until 2024-02-15T00:00:00Z');
    expect((await resolveRevision(opened, 'HEAD', new Date('2024-03-01T09:30:15.250Z'))).requested).toBe('HEAD until 2024-03-01T09:30:15.250Z');
    await expect(resolveRevision(opened, 'HEAD', new Date('2023-12-31T08:00:00Z'))).rejects.toThrow('no commit of HEAD is at or before 2023-12-31T08:00:00Z');
  });

  // Regression (hostile-repository test): --until before 1973-03-03 reached git as a number of 8
  // digits or fewer, which git does not read as a timestamp: it analysed HEAD instead.
  it('--until an early date picks the commit of that date, and before any commit is an error', async () => {
    const early = buildRepo([
      { author: 'old', at: '1970-01-01T00:00:00Z', write: { 'a.ts': 2 } },
      { author: 'new', at: '2024-01-01T12:00:00Z', write: { 'b.ts': 2 } },
    ]);
    const opened = await openRepository(early.dir);
    expect(await resolveRevision(opened, 'HEAD', new Date('1970-01-01T23:59:59Z'))).toEqual({ requested: 'HEAD until 1970-01-01', sha: early.git('rev-parse', 'HEAD~1').trim(), date: '1970-01-01T00:00:00.000Z' });
    expect((await resolveRevision(opened, 'HEAD', new Date('1973-01-01T23:59:59Z'))).date).toBe('1970-01-01T00:00:00.000Z');
    await expect(resolveRevision(opened, 'HEAD', new Date('1969-12-31T23:59:59Z'))).rejects.toThrow('no commit of HEAD is at or before 1969-12-31');
  });

  it('says so when the repository has no commits', async () => {
    const empty = buildRepo([]);
    await expect(resolveRevision(await openRepository(empty.dir), 'HEAD')).rejects.toThrow('the repository has no commits yet');
  });
});
