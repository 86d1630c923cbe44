import { describe, expect, it } from 'vitest';
import { analyzeRepo, contributionOf } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('what the scan reads from a repository', { tags: ['slow'] }, () => {
  it('does not analyse submodules (gitlinks) as files, and counts them apart', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'a.ts': 5 } }]);
    const head = repo.git('rev-parse', 'HEAD').trim();
    // A gitlink, as `git submodule add` records it (the submodule's own history is not ours).
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},vendor-lib`);
    repo.git('commit', '-q', '-m', 'add submodule');
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['a.ts']);
    expect(analysis.exclusions).toContainEqual({ rule: 'submodule', files: 1 });
    expect(analysis.stats).toMatchObject({ trackedFiles: 2, files: 1, excludedFiles: 1 });
  });

  it('decides whether a Co-authored-by trailer is a bot after .mailmap maps it to a person', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'a.ts': 5 } }]);
    repo.commit({ author: 'ada', write: { '.mailmap': 'Sam <sam@example.com> build-bot <build@ci.example>\n' } });
    repo.commit({ author: 'ada', write: { 'a.ts': 5 }, coAuthors: [{ name: 'build-bot', email: 'build@ci.example' }] });
    const analysis = await analyzeRepo(repo.dir);
    // The trailer names a bot, but .mailmap says it is Sam: Sam delivered the change with Ada.
    expect(contributionOf(analysis, 'a.ts', 'sam@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(analysis.bots).toEqual([]);
  });

  it('a bot commit with a bot co-author is nobody’s acceptance (bots are out of every metric)', async () => {
    const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
    const actions = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
    const repo = buildRepo([
      { author: 'alice', write: { 'a.txt': 5, 'b.txt': 5 } },
      { author: renovate, write: { 'a.txt': 5 }, coAuthors: [actions] },
      { author: renovate, write: { 'b.txt': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(contributionOf(analysis, 'a.txt', 'alice@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 0 });
    expect(contributionOf(analysis, 'b.txt', 'alice@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 0 });
    expect(analysis.bots).toEqual(['github-actions[bot]', 'renovate[bot]']);
  });

  it('exclude and include take a plain folder name as the folder, like critical paths, and warn about globs matching nothing', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'lib/a.ts': 5, 'lib/deep/b.ts': 5, 'src/c.ts': 5, 'README.md': 2 } }]);
    const excluded = await analyzeRepo(repo.dir, { config: { exclude: ['lib/', 'nothing-here'] } });
    expect(excluded.files.map((f) => f.path)).toEqual(['README.md', 'src/c.ts']);
    expect(excluded.exclusions).toContainEqual({ rule: 'exclude glob', files: 2 });
    expect(excluded.warnings).toEqual(['config exclude glob "nothing-here" matches no tracked file']);
    const included = await analyzeRepo(repo.dir, { config: { include: ['src'] } });
    expect(included.files.map((f) => f.path)).toEqual(['src/c.ts']);
  });
});
