import { describe, expect, it } from 'vitest';
import { explainOutputSchema } from '../../src/report/explain-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// fastapi (a re-test): its release notes read "874 events" where `git log --follow` lists 3,933
// commits, 3,059 of them by its release workflows, and nothing said the bots' commits were left out.

const BOT = { name: 'github-actions', email: 'github-actions@github.com' };
const DEPENDABOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

describe('explain <file> says how many of its commits are by bots', { tags: ['slow'] }, () => {
  it('names them and their commits, in text and JSON; not under --model classic, nor for a file bots never changed', () => {
    const history: FixtureCommit[] = [
      { author: 'ada', write: { 'NOTES.md': 5, 'src/a.ts': 5 } },
      ...Array.from({ length: 3 }, (): FixtureCommit => ({ author: BOT, write: { 'NOTES.md': 5 } })),
      { author: DEPENDABOT, write: { 'NOTES.md': 5 }, coAuthors: ['bob'] },
    ];
    const repo = buildRepo(history);
    const text = runCli(['explain', 'NOTES.md', '--no-color'], { cwd: repo.dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('\n4 commits by bots (github-actions 3, dependabot[bot] 1) count for nobody here, as in every figure, but for a person they credit as a co-author.\n');
    const json = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'NOTES.md', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json.kind === 'file' && json.botCommits).toEqual({ commits: 4, bots: [{ name: 'github-actions', commits: 3 }, { name: 'dependabot[bot]', commits: 1 }] });
    expect(runCli(['explain', 'src/a.ts', '--no-color'], { cwd: repo.dir }).stdout).not.toContain('by bots');
    const classic = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'NOTES.md', '--format', 'json', '--model', 'classic'], { cwd: repo.dir }).stdout));
    expect(classic.kind === 'file' && classic.botCommits).toBeNull();
  });

  // SQLAlchemy's session.py: 607 events where `git log --follow` lists 612, the 5 of its
  // .git-blame-ignore-revs, which only a repository-wide warning explained (a first-time user).
  it('says how many of its commits ignoreRevs lists, by the file or the config that lists them', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 5, 'src/b.ts': 5 } },
      { author: 'bob', write: { 'src/a.ts': 5, 'src/b.ts': 5 } },
      { author: 'carl', write: { 'src/a.ts': 5 } },
    ]);
    const [bob, carl] = [repo.git('rev-parse', 'HEAD~1').trim(), repo.git('rev-parse', 'HEAD').trim()];
    repo.commit({ author: 'ada', write: { '.git-blame-ignore-revs': `# formatting\n${bob}\n`, '.talentrisk.yml': `ignoreRevs: ["${carl.slice(0, 10)}"]\n` } });
    const text = runCli(['explain', 'src/a.ts', '--no-color'], { cwd: repo.dir }).stdout;
    expect(text).toContain('\n2 commits of its history are listed in .git-blame-ignore-revs and config `ignoreRevs` and count for nobody here, as in every figure (`git log --follow` lists them).\n');
    expect(runCli(['explain', 'src/b.ts', '--no-color'], { cwd: repo.dir }).stdout).toContain('\n1 commit of its history is listed in .git-blame-ignore-revs and counts for nobody here');
    expect(runCli(['explain', 'src/a.ts', '--no-color', '--model', 'classic'], { cwd: repo.dir }).stdout).not.toContain('of its history');
    const json = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'src/a.ts', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json.kind === 'file' && json.ignoredCommits).toEqual({ commits: 2, sources: ['.git-blame-ignore-revs', 'config `ignoreRevs`'] });
    const plain = explainOutputSchema.parse(JSON.parse(runCli(['explain', '.talentrisk.yml', '--format', 'json'], { cwd: repo.dir }).stdout));
    expect(plain.kind === 'file' && plain.ignoredCommits).toBeNull();
  });
});
