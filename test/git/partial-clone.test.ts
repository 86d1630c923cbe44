import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepo, contributionOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

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
    expect(analysis.warnings.some((w) => w.startsWith('this is a partial clone'))).toBe(true);
    // The pure move keeps ada's history (FA 1) even in the commit whose other rename cannot be scored.
    expect(contributionOf(analysis, 'moved/a.ts', 'ada@example.com')).toMatchObject({ fa: 1, ac: 1 });
    expect(analysis.stats.commitsWithoutRenames).toBe(0);
    expect(contributionOf(analysis, 'moved/a.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1 });
  });
});
