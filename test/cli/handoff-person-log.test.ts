import { describe, expect, it } from 'vitest';
import { openRepository } from '../../src/git/repo.ts';
import { parseNameOnlyLog, readPersonLog } from '../../src/git/person-log.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const header = (sha: string, time: number, email: string, trailers: string, subject: string) => `\x1e${sha}\x1f${time}\x1f${email}\x1f${trailers}\x1f${subject}`;

describe('parseNameOnlyLog', () => {
  it('reads commits with and without files, whatever the paths and subjects hold', () => {
    const output = [
      header(A, 100, 'Ada@Example.com', '', 'fix \x1f odd \x1e subject'),
      '\nsrc/a.ts',
      'new\nline.ts',
      header(B, 90, 'bob@example.com', 'Co-authored-by: Carol <Carol@Example.com>\x1dco-authored-by: bad trailer\x1dgit-subtree-dir: deps/lib/', 'empty commit'),
      header(C, 80, 'bob@example.com', '', 'last'),
      '\n\nstarts with a newline.ts',
      '',
    ].join('\0');
    expect(parseNameOnlyLog(output)).toEqual([
      { sha: A, time: 100, email: 'ada@example.com', coAuthors: [], coAuthorContacts: [], subject: 'fix \x1f odd \x1e subject', files: ['src/a.ts', 'new\nline.ts'] },
      { sha: B, time: 90, email: 'bob@example.com', coAuthors: ['carol@example.com'], coAuthorContacts: ['Carol <Carol@Example.com>'], subject: 'empty commit', files: [], subtree: 'deps/lib' },
      { sha: C, time: 80, email: 'bob@example.com', coAuthors: [], coAuthorContacts: [], subject: 'last', files: ['\nstarts with a newline.ts'] },
    ]);
  });

  it('reads nothing from empty output', () => {
    expect(parseNameOnlyLog('')).toEqual([]);
  });
});

describe('readPersonLog on a real repository', () => {
  it('filters the person’s commits by email after .mailmap, co-authored ones included, since a date', async () => {
    const repo = buildRepo(
      [
        { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'a.ts': 'a\n', '.mailmap': 'Ada <ada@example.com> <ada@old.example>\n' } },
        { author: { name: 'Ada L', email: 'ada@old.example' }, at: '2024-11-01T10:00:00Z', message: 'old email', write: { 'a.ts': 'b\n' } },
        { author: 'bob', at: '2024-11-02T10:00:00Z', message: 'pairing', coAuthors: ['ada'], write: { 'b.ts': 'b\n' } },
        { author: 'bob', at: '2024-11-03T10:00:00Z', message: 'solo', write: { 'b.ts': 'c\n' } },
        // Co-authored under the old address, which .mailmap maps (numpy: a third of Sebastian Berg's
        // co-authored commits were missing from the handoff's recent list).
        { author: 'bob', at: '2024-11-03T12:00:00Z', message: 'pairing again', coAuthors: [{ name: 'Ada L', email: 'ada@old.example' }], write: { 'b.ts': 'd\n' } },
        { author: 'ada', at: '2024-11-04T10:00:00Z', message: 'empty', allowEmpty: true },
      ],
    );
    const git = await openRepository(repo.dir);
    const revision = repo.git('rev-parse', 'HEAD').trim();
    const since = Date.parse('2024-10-01T00:00:00Z') / 1000;
    const log = await readPersonLog(git, { revision, emails: ['ADA@example.com'], since });
    expect(log.window).toHaveLength(6);
    expect(log.recent.map((c) => [c.subject, c.files])).toEqual([
      ['empty', []],
      ['pairing again', ['b.ts']],
      ['pairing', ['b.ts']],
      ['old email', ['a.ts']],
    ]);
    expect(log.recentTruncated).toBe(false);

    // A window smaller than the recent period: the recent commits are read again, bounded.
    const small = await readPersonLog(git, { revision, emails: ['ada@example.com'], since, windowCommits: 2, maxRecentScan: 3 });
    expect(small.window.map((c) => c.subject)).toEqual(['empty', 'pairing again']);
    expect(small.recent.map((c) => c.subject)).toEqual(['empty', 'pairing again']);
    expect(small.recentTruncated).toBe(true);
  });
});
