import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LOG_FORMAT, parseCoAuthors, parseCommitBlock, parseLogOutput, recordLogOptions, RENAME_LIMIT, renameDetectionSkipped, UNREADABLE_AUTHOR } from '../../src/git/log-format.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

// The record layout of `git log -z --name-status --format=LOG_FORMAT`: \x1e starts a record, \x1f
// separates the header fields, the header ends in NUL, then "\n" and NUL-terminated name-status
// tokens (`status NUL path NUL`, or `Rnnn NUL old NUL new NUL`); \x1d separates co-author trailers.

const SHA = 'a'.repeat(40);
const SHA2 = 'b'.repeat(40);
const header = (sha = SHA, name = 'Ada', email = 'ada@example.com', time = '1704196800', trailers = '') => `${sha}\x1f${name}\x1f${email}\x1f${time}\x1f${trailers}`;
const record = (head: string, ...tokens: string[]) => `\x1e${head}\0${tokens.length ? `\n${tokens.join('\0')}\0` : ''}`;

describe('parseCommitBlock', () => {
  it('reads the header and adds, modifications and deletions', () => {
    const block = record(header(), 'A', 'src/a.ts', 'M', 'b.ts', 'D', 'old.ts').slice(1);
    expect(parseCommitBlock(block)).toEqual({
      sha: SHA,
      author: { name: 'Ada', email: 'ada@example.com' },
      time: 1704196800,
      coAuthors: [],
      changes: [
        { status: 'A', path: 'src/a.ts' },
        { status: 'M', path: 'b.ts' },
        { status: 'D', path: 'old.ts' },
      ],
    });
  });

  it('reads renames and copies with their similarity score as old → new', () => {
    const block = record(header(), 'R100', 'a.ts', 'lib/a.ts', 'R087', 'b.ts', 'c.ts', 'C075', 'x.ts', 'y.ts', 'T', 'link').slice(1);
    expect(parseCommitBlock(block)?.changes).toEqual([
      { status: 'R', path: 'lib/a.ts', oldPath: 'a.ts' },
      { status: 'R', path: 'c.ts', oldPath: 'b.ts' },
      { status: 'C', path: 'y.ts', oldPath: 'x.ts' },
      { status: 'T', path: 'link' },
    ]);
  });

  it('reads an empty commit, with or without the NUL after its header', () => {
    expect(parseCommitBlock(`${header()}\0`)?.changes).toEqual([]);
    expect(parseCommitBlock(header())?.changes).toEqual([]);
  });

  it('keeps paths with spaces, tabs, newlines, quotes and non-ASCII characters as they are (-z: no quoting)', () => {
    const paths = ['a b.ts', 'tab\there.ts', 'new\nline.ts', 'quote"d.ts', 'ünïcødé/文件.ts', '\nleading-newline.ts'];
    const block = record(header(), ...paths.flatMap((p) => ['M', p])).slice(1);
    expect(parseCommitBlock(block)?.changes.map((c) => c.path)).toEqual(paths);
  });

  it('reads Co-authored-by trailers', () => {
    const block = record(header(SHA, 'Ada', 'ada@example.com', '1', 'Co-authored-by: Bob <bob@example.com>\x1dco-authored-by:  Carl Jr. <carl@example.com> \x1dCo-authored-by: not an address\x1dCo-authored-by:<anon@example.com>\x1dSigned-off-by: Eve <eve@example.com>'), 'M', 'a.ts').slice(1);
    expect(parseCommitBlock(block)?.coAuthors).toEqual([
      { name: 'Bob', email: 'bob@example.com' },
      { name: 'Carl Jr.', email: 'carl@example.com' },
      { name: '', email: 'anon@example.com' },
    ]);
    expect(parseCommitBlock(block)?.subtree).toBeUndefined();
  });

  it('reads the folder of a git-subtree-dir trailer, the first one that names a folder', () => {
    const block = record(header(SHA, 'Ada', 'ada@example.com', '1', 'git-subtree-dir: ../out\x1dGit-Subtree-Dir: deps/jemalloc/\x1dgit-subtree-dir: deps/other\x1dCo-authored-by: Bob <bob@example.com>'), 'A', 'Makefile').slice(1);
    expect(parseCommitBlock(block)).toMatchObject({ subtree: 'deps/jemalloc', coAuthors: [{ name: 'Bob', email: 'bob@example.com' }] });
  });

  it('keeps author names and emails with unusual characters', () => {
    const block = record(header(SHA, 'José Ñúñez (ops)', 'jose+ops@EXAMPLE.com')).slice(1);
    expect(parseCommitBlock(block)?.author).toEqual({ name: 'José Ñúñez (ops)', email: 'jose+ops@EXAMPLE.com' });
  });

  it('rejects a block without a usable header', () => {
    expect(parseCommitBlock('')).toBeUndefined();
    expect(parseCommitBlock('abc\x1fAda')).toBeUndefined();
    expect(parseCommitBlock(`${SHA}\x1fAda`)).toBeUndefined();
  });
});

describe('parseCoAuthors', () => {
  it('skips empty and malformed values', () => {
    expect(parseCoAuthors('')).toEqual([]);
    expect(parseCoAuthors('Bob bob@example.com\x1dEve <>')).toEqual([]);
  });
});

describe('parseLogOutput', () => {
  it('splits records, including empty commits between others', () => {
    const output = record(header(SHA), 'A', 'a.ts') + record(header(SHA2, 'Bob', 'bob@example.com', '2', 'Co-authored-by: Carl <carl@example.com>')) + record(header('c'.repeat(40)), 'M', 'a.ts');
    const records = parseLogOutput(output);
    expect(records.map((r) => [r.sha.slice(0, 1), r.author.name, r.changes.length, r.coAuthors.length])).toEqual([
      ['a', 'Ada', 1, 0],
      ['b', 'Bob', 0, 1],
      ['c', 'Ada', 1, 0],
    ]);
  });

  it('returns nothing for empty output', () => {
    expect(parseLogOutput('')).toEqual([]);
  });

  it('keeps a path that contains the record separator byte', () => {
    const output = record(header(SHA), 'A', 'odd\x1ename.ts', 'M', `\x1e${'d'.repeat(40)}.ts`) + record(header(SHA2), 'M', 'b.ts');
    const records = parseLogOutput(output);
    expect(records.map((r) => r.sha)).toEqual([SHA, SHA2]);
    expect(records[0]?.changes.map((c) => c.path)).toEqual(['odd\x1ename.ts', `\x1e${'d'.repeat(40)}.ts`]);
  });
});

describe('the format against real git', { tags: ['slow'] }, () => {
  it('parses what git prints for renames, empty commits, trailers and awkward paths', () => {
    const awkward = ['a b.ts', 'tab\tname.ts', 'new\nline.ts', 'ünï/文件.ts', 'odd\x1ename.ts'];
    const repo = buildRepo([
      { author: 'ada', write: Object.fromEntries(awkward.map((p) => [p, 3])) },
      { author: 'bob', allowEmpty: true, write: {}, coAuthors: ['carl', { name: 'Dee Dee', email: 'dee@example.com' }] },
      { author: 'carl', rename: { 'a b.ts': 'moved dir/a b.ts' } },
    ]);
    repo.commit({ author: 'dan', write: { 'ünï/文件.ts': 'changed again\n' } });
    const output = repo.git('log', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`);
    const records = parseLogOutput(output);
    expect(records.map((r) => [r.author.name, r.coAuthors.map((c) => c.email), r.changes.map((c) => [c.status, c.oldPath ?? null, c.path])])).toEqual([
      ['Dan', [], [['M', null, 'ünï/文件.ts']]],
      ['Carl', [], [['R', 'a b.ts', 'moved dir/a b.ts']]],
      ['Bob', ['carl@example.com', 'dee@example.com'], []],
      ['Ada', [], [...awkward].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((p) => ['A', null, p])],
    ]);
    expect(records[0]?.time).toBe(Number(repo.git('log', '-1', '--format=%at').trim()));
  });
});

describe('renameDetectionSkipped', () => {
  const changes = (added: number, deleted: number, modified = 0) => [
    ...Array.from({ length: added }, () => ({ status: 'A' })),
    ...Array.from({ length: deleted }, () => ({ status: 'D' })),
    ...Array.from({ length: modified }, () => ({ status: 'M' })),
  ];

  it('finds a commit whose unpaired adds × deletes exceed the limit squared, which git did not compare', () => {
    expect(renameDetectionSkipped(changes(RENAME_LIMIT + 1, RENAME_LIMIT))).toEqual({ added: RENAME_LIMIT + 1, deleted: RENAME_LIMIT });
    expect(renameDetectionSkipped(changes(4 * RENAME_LIMIT, RENAME_LIMIT / 2 + 1))).toEqual({ added: 4 * RENAME_LIMIT, deleted: RENAME_LIMIT / 2 + 1 });
  });

  it('leaves alone what git compares: within the limit, or one side empty, however many files', () => {
    expect(renameDetectionSkipped(changes(RENAME_LIMIT, RENAME_LIMIT))).toBeUndefined();
    expect(renameDetectionSkipped(changes(3 * RENAME_LIMIT, 0, 3 * RENAME_LIMIT))).toBeUndefined();
    expect(renameDetectionSkipped(changes(4 * RENAME_LIMIT, RENAME_LIMIT / 4))).toBeUndefined();
  });

  it('is passed to git with -M, so that diff.renameLimit does not decide', () => {
    expect(recordLogOptions(true)).toEqual(expect.arrayContaining(['-M', `-l${RENAME_LIMIT}`]));
    expect(recordLogOptions(false)).not.toContain(`-l${RENAME_LIMIT}`);
  });
});

describe('a commit whose author line git cannot parse', () => {
  it('is read as the unreadable author, not as a developer called "%aN" (git prints its placeholders as they are)', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'f.ts': 2 } }]);
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const parent = repo.git('rev-parse', 'HEAD').trim();
    const body = `tree ${tree}\nparent ${parent}\nauthor noangle 1704067200 +0000\ncommitter C <c@example.com> 1704067200 +0000\n\nm\n`;
    const id = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: body, encoding: 'utf8' }).trim();
    const out = repo.git('log', '-1', '-z', '--name-status', `--format=${LOG_FORMAT}`, id);
    const [record] = parseLogOutput(out);
    expect(record?.author).toEqual({ name: UNREADABLE_AUTHOR, email: '' });
  });
});
