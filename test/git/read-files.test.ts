import { describe, expect, it, vi } from 'vitest';
import { openRepository, readFileAt, readFilesAt } from '../../src/git/repo.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('readFilesAt', () => {
  it('reads several files of a revision at once, exactly as one by one (UTF-8, empty files, odd names)', async () => {
    const files: Record<string, string> = {
      '.gitattributes': '*.min.js linguist-generated\n',
      'a/.gitattributes': 'vendor/** linguist-vendored\r\n# ünïcödé 文件\n',
      'b/empty': '',
      'c/we*rd [name]': 'glob characters are literal\n',
      'd/no newline': 'last',
    };
    const repo = buildRepo([{ author: 'ada', write: files }, { author: 'bob', write: { 'a/.gitattributes': 'changed later\n' } }]);
    const opened = await openRepository(repo.dir);
    const first = repo.git('rev-parse', 'HEAD~1').trim();
    const raw = vi.spyOn(opened.side, 'raw');
    const texts = await readFilesAt(opened, first, [...Object.keys(files), 'missing/file', '*']);
    // Two git calls in all (ls-tree, then one show), not one per file.
    expect(raw.mock.calls.map((call) => (call[0] as unknown as string[]).find((arg) => !arg.startsWith('-')))).toEqual(['ls-tree']);
    raw.mockRestore();
    expect(Object.fromEntries(texts)).toEqual(files);
    for (const file of Object.keys(files)) expect(texts.get(file)).toBe(await readFileAt(opened, first, file));
    expect((await readFilesAt(opened, 'HEAD', ['a/.gitattributes'])).get('a/.gitattributes')).toBe('changed later\n');
    expect((await readFilesAt(opened, 'HEAD', [])).size).toBe(0);
    expect((await readFilesAt(opened, 'HEAD', ['nothing/here'])).size).toBe(0);
  });
});
