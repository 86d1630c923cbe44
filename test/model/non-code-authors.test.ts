import { describe, expect, it } from 'vitest';
import { codeTestForNotes } from '../../src/cli/commands/scan-report.ts';
import { loadCodeMatcher } from '../../src/code-matcher.ts';
import { mayAuthorMostlyNonCode, nonCodeAuthors, SURELY_CODE_EXTENSIONS, surelyCode } from '../../src/model/non-code-authors.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

const files = (folder: string, count: number, extension: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}${extension}`, `${folder} ${i}\n`]));

/** Ada writes 20 code files, Bob 5; Guy 1 and `data` files of `extension` in src/commands (redis's command metadata). */
function repoWith(data: number, extension = '.json', guyCode = 1, adaCode = 20) {
  return buildRepo([
    { author: 'ada', write: files('src', adaCode, '.c') },
    { author: 'bob', write: files('src/net', 5, '.c') },
    { author: 'guy', write: { ...files('src/commands', data, extension), ...files('src/cmd', guyCode, '.c') } },
  ]);
}

describe('nonCodeAuthors', { tags: ['slow'] }, () => {
  it('names the people of the truck factor whose files are mostly not code, with the truck factor over code files: the figure of --only-code (redis: Guy Benoish, 374 of his 401 files in src/commands/*.json)', async () => {
    const repo = repoWith(25);
    const analysis = await analyzeRepo(repo.dir);
    // Guy authors 26 of the 51 files: alone, he is the truck factor.
    expect(analysis.truckFactor.developers.map((member) => member.id)).toEqual(['guy@example.com']);
    expect(mayAuthorMostlyNonCode(analysis)).toBe(true);
    const found = nonCodeAuthors(analysis, await loadCodeMatcher());
    expect(found).toMatchObject({
      people: [{ id: 'guy@example.com', name: 'Guy', files: 25, authored: 26 }],
      nonCodeFiles: 25,
      folder: { path: 'src/commands', files: 25, extension: '.json' },
      codeFiles: 26,
      code: { value: 1, developers: [{ id: 'ada@example.com', files: 20 }] },
    });
    const onlyCode = await analyzeRepo(repo.dir, { onlyCode: true });
    expect(found?.code).toEqual(onlyCode.truckFactor);
  });

  // fastapi (a CI maintainer): the note named `docs/de/docs/tutorial` (40 files) of 1,531 translations under `docs`.
  it('names the folder under which most of those files are when no one folder holds most of them', async () => {
    const repo = buildRepo([
      { author: 'ada', write: files('src', 20, '.c') },
      { author: 'bob', write: files('src/net', 5, '.c') },
      { author: 'guy', write: { ...files('docs/de/tutorial', 9, '.md'), ...files('docs/es/tutorial', 8, '.md'), ...files('docs/fr', 8, '.md'), ...files('notes', 4, '.md'), ...files('src/cmd', 1, '.c') } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    const found = nonCodeAuthors(analysis, await loadCodeMatcher());
    expect(found).toMatchObject({ nonCodeFiles: 29, folder: { path: 'docs/de/tutorial', files: 9 }, area: { path: 'docs', files: 25, folders: 3 } });
    // One folder with most of them: no area.
    expect(nonCodeAuthors(await analyzeRepo(repoWith(25).dir), await loadCodeMatcher())?.area).toBeUndefined();
  });

  it('says nothing when their files are code, fewer than 20 are not, or the figure over code files is the same', async () => {
    // The same files as C: code, and no table needed to know it.
    const code = await analyzeRepo(repoWith(25, '.c').dir);
    expect(code.truckFactor.developers.map((member) => member.id)).toEqual(['guy@example.com']);
    expect(mayAuthorMostlyNonCode(code)).toBe(false);
    expect(nonCodeAuthors(code, await loadCodeMatcher())).toBeUndefined();
    // 19 data files: a few of them say nothing.
    const few = await analyzeRepo(repoWith(19).dir);
    expect(few.truckFactor.developers.map((member) => member.id)).toContain('guy@example.com');
    expect(mayAuthorMostlyNonCode(few)).toBe(false);
    expect(nonCodeAuthors(few, await loadCodeMatcher())).toBeUndefined();
    // Guy also writes 10 of the 18 code files: over code files he alone is the truck factor too.
    const same = await analyzeRepo(repoWith(25, '.json', 10, 3).dir);
    expect(same.truckFactor.developers.map((member) => member.id)).toEqual(['guy@example.com']);
    expect(mayAuthorMostlyNonCode(same)).toBe(true);
    expect(nonCodeAuthors(same, await loadCodeMatcher())).toBeUndefined();
  });

  it('loads Linguist\'s table for the scan\'s notes only when someone may author mostly files that are not code, and not under --only-code', async () => {
    const data = await analyzeRepo(repoWith(25).dir);
    expect(await codeTestForNotes(data, false)).toBeTypeOf('function');
    expect(await codeTestForNotes(data, true)).toBeUndefined();
    expect(await codeTestForNotes(await analyzeRepo(repoWith(25, '.c').dir), false)).toBeUndefined();
  });

  it('bounds the files that are not code from above: every extension it takes for code is code for --only-code', async () => {
    const isCode = await loadCodeMatcher();
    const notCode = [...SURELY_CODE_EXTENSIONS].filter((extension) => !isCode(`src/x${extension}`));
    expect(notCode).toEqual([]);
    expect(surelyCode('src/X.C')).toBe(true);
    expect(['src/commands/get.json', 'README.md', 'Makefile', 'src/.c', 'docs/a.rst'].filter(surelyCode)).toEqual([]);
  });
});
