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
    // --until YYYY-MM-DD stands for the end of that day and reads back as the day; a timestamp
    // reads back as itself (two --until values that pick different commits never look the same).
    expect(await resolveRevision(opened, 'HEAD', new Date('2024-02-15T23:59:59Z'))).toEqual({ requested: 'HEAD until 2024-02-15', sha: second, date: '2024-02-01T12:00:00.000Z' });
    expect((await resolveRevision(opened, 'HEAD', new Date('2024-02-15T00:00:00Z'))).requested).toBe('HEAD until 2024-02-15T00:00:00Z');
    expect((await resolveRevision(opened, 'HEAD', new Date('2024-03-01T09:30:15.250Z'))).requested).toBe('HEAD until 2024-03-01T09:30:15.250Z');
    await expect(resolveRevision(opened, 'HEAD', new Date('2023-12-31T08:00:00Z'))).rejects.toThrow('no commit of HEAD is at or before 2023-12-31T08:00:00Z');
  });

  it('says so when the repository has no commits', async () => {
    const empty = buildRepo([]);
    await expect(resolveRevision(await openRepository(empty.dir), 'HEAD')).rejects.toThrow('the repository has no commits yet');
  });
});
