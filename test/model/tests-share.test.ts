import { describe, expect, it } from 'vitest';
import { testsShare } from '../../src/model/tests-share.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

const files = (folder: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}.ts`, `${folder} ${i}\n`]));

describe('testsShare', () => {
  it('gives the truck factor outside tests, fixtures and examples when they are most files: the same figure as a scan that leaves them out (vite: 6, not 7)', async () => {
    // Ada 4 files of code, Bob 1 and the docs; Dan and Erin 3 test files each, and a playground by Dan.
    const repo = buildRepo([
      { author: 'ada', write: files('src', 4) },
      { author: 'bob', write: { ...files('lib', 1), 'docs/guide.md': 'guide\n' } },
      { author: 'dan', write: { ...files('packages/app/__tests__', 3), ...files('playground/demo', 2) } },
      { author: 'erin', write: files('test', 3) },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    const share = testsShare(analysis);
    expect(share).toMatchObject({
      files: 8,
      total: 14,
      restFiles: 6,
      folderCount: 3,
      folders: [
        { path: 'packages/app/__tests__', files: 3 },
        { path: 'test', files: 3 },
        { path: 'playground', files: 2 },
      ],
    });
    expect(analysis.truckFactor.value).toBe(2);
    expect(share?.rest.value).toBe(1);
    // Docs stay in the rest: knowledge a team keeps.
    const without = await analyzeRepo(repo.dir, { config: { exclude: ['packages/app/__tests__/**', 'test/**', 'playground/**'] } });
    expect(without.files).toHaveLength(6);
    expect(share?.rest).toEqual(without.truckFactor);
    expect(testsShare(analysis, 1)?.folders).toEqual([{ path: 'packages/app/__tests__', files: 3 }]);
  });

  it('says nothing at half the files or less, or when every file is a test', async () => {
    const half = buildRepo([{ author: 'ada', write: { ...files('src', 2), ...files('tests', 2) } }]);
    expect(testsShare(await analyzeRepo(half.dir))).toBeUndefined();
    const all = buildRepo([{ author: 'ada', write: files('tests', 3) }]);
    expect(testsShare(await analyzeRepo(all.dir))).toBeUndefined();
    const most = buildRepo([{ author: 'ada', write: { ...files('src', 2), ...files('tests', 3) } }]);
    expect(testsShare(await analyzeRepo(most.dir))).toMatchObject({ files: 3, total: 5, rest: { value: 1 } });
  });
});
