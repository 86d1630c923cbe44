import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepo, contributionOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { renamesFollowed } from '../../src/cli/commands/explain.ts';

const missingObjects = (dir: string) =>
  execFileSync('git', ['rev-list', '--objects', '--all', '--missing=print'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('?')).length;

describe('a blob-less partial clone', { tags: ['slow'] }, () => {
  it('is analysed without downloading blobs, following renames whose content did not change', async () => {
    // One commit moves a.ts unchanged and replaces b.ts by a different c.ts: scoring b → c as a
    // rename would need both blobs, which a blob-less clone lacks.
    const source = buildRepo([
      { author: 'ada', write: { 'a.ts': 10, 'b.ts': 10 } },
      { author: 'bob', rename: { 'a.ts': 'moved/a.ts' }, remove: ['b.ts'], write: { 'c.ts': 10 } },
    ]);
    source.git('config', 'uploadpack.allowFilter', 'true');
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'partial-')), 'clone');
    execFileSync('git', ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${source.dir}`, clone]);
    const before = missingObjects(clone);
    expect(before).toBeGreaterThan(0);

    const analysis = await analyzeRepo(clone, { cache: false });
    expect(missingObjects(clone)).toBe(before);
    expect(analysis.repository.isPartial).toBe(true);
    expect(analysis.warnings.some((w) => w.startsWith('this is a partial clone') && w.includes('files are not read for a generated-code header'))).toBe(true);
    // The pure move keeps ada's history (FA 1) even in the commit whose other rename cannot be scored.
    expect(contributionOf(analysis, 'moved/a.ts', 'ada@example.com')).toMatchObject({ fa: 1, ac: 1 });
    expect(analysis.stats.commitsWithoutRenames).toBe(0);
    expect(contributionOf(analysis, 'moved/a.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1 });
    // explain's legend says how far renames were followed (SQLAlchemy: "(renames followed)" in a partial
    // clone, on a file whose history began at a move with edits; a first-time user).
    expect(renamesFollowed(analysis)).toBe('renames followed only where the content did not change: a partial clone, see the warning');
    expect(renamesFollowed({ repository: { ...analysis.repository, isPartial: false }, stats: { ...analysis.stats, commitsWithoutRenames: 2 } })).toBe(
      'renames followed; in the 2 commits whose blobs git could not read, only where the content did not change',
    );
    expect(renamesFollowed({ repository: { ...analysis.repository, isPartial: false }, stats: analysis.stats })).toBe('renames followed');
  });

  it('a treeless clone is refused at once, with the clone that works (it ran for minutes, each commit narrowed down alone)', async () => {
    const source = buildRepo(Array.from({ length: 30 }, (_, i) => ({ author: i % 2 ? 'ada' : 'bob', write: { [`f${i % 5}.ts`]: 3 } })));
    source.git('config', 'uploadpack.allowFilter', 'true');
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'treeless-')), 'clone');
    execFileSync('git', ['clone', '-q', '--filter=tree:0', `file://${source.dir}`, clone], { stdio: 'ignore' });
    const before = missingObjects(clone);
    await expect(analyzeRepo(clone, { cache: false })).rejects.toThrow(/^this clone has no trees of past commits \(filter tree:0\)/);
    expect(missingObjects(clone)).toBe(before);
    // A blob-less clone of the same history is read.
    const blobless = path.join(path.dirname(clone), 'blobless');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source.dir}`, blobless], { stdio: 'ignore' });
    expect((await analyzeRepo(blobless, { cache: false })).stats.commits).toBe(30);
  });

  it('knows every filter that leaves trees out', async () => {
    const { treelessFilter } = await import('../../src/git/repo.ts');
    const filter = (value: string) => treelessFilter({ config: [['remote.origin.partialclonefilter', value]] });
    for (const value of ['tree:0', 'tree:1', 'combine:blob%3Anone+tree%3A0', 'object:type=blob', 'object:type=commit']) expect(filter(value), value).toBe(value);
    for (const value of ['blob:none', 'blob:limit=1m', 'sparse:oid=abc']) expect(filter(value), value).toBeUndefined();
  });
});
