import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo, fileOf } from '../helpers/analyze.ts';

// config `ignoreRevs` (extension, like .git-blame-ignore-revs): a listed commit's changes credit
// nobody, and its adds, renames and deletions still move files. Commits that add or change 300 files
// or more are named in a warning that points at it.

const files = (count: number, text: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/f${String(i).padStart(3, '0')}.ts`, `${text} ${i}\n`]));

describe('ignoreRevs', { tags: ['slow'] }, () => {
  it('names imports and sweeps in warnings, and leaves a listed commit out of every credit (jest: a copyright sweep of 1,730 files made its author #3 of the truck factor)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: files(300, 'import') },
      { author: 'bob', at: '2024-02-01T10:00:00Z', write: files(300, '// (c) 2024\nimport') },
      { author: 'carol', at: '2024-03-01T10:00:00Z', rename: { 'src/f000.ts': 'lib/f000.ts' } },
    ]);
    const [sweep, load] = [repo.git('rev-parse', 'HEAD~1').trim(), repo.git('rev-parse', 'HEAD~2').trim()];
    const plain = await analyzeRepo(repo.dir, { depth: 1 });
    expect(plain.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^a commit adds 300 files or more \\(${load.slice(0, 10)} by Ada: 300 analysed files\\): its author counts as the creator of every file it adds; .*config \`ignoreRevs\` can leave it out; listed in config \`acknowledgedRevs\`, a commit is not named again and the figures stay as they are$`)),
        expect.stringMatching(new RegExp(`^a commit changes 300 files or more \\(${sweep.slice(0, 10)} by Bob: 300 analysed files\\): each counts as a change of every one of them; a sweep .* config \`ignoreRevs: \\["${sweep.slice(0, 10)}"\\]\` \\(the ones that are sweeps\\); listed in config \`acknowledgedRevs\`, .*$`)),
      ]),
    );
    expect(fileOf(plain, 'src/f001.ts').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([
      ['ada@example.com', 1, 0],
      ['bob@example.com', 0, 1],
    ]);
    // The sweep left out: Bob has no change of the files.
    const noSweep = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: [sweep.slice(0, 7)] } });
    expect(fileOf(noSweep, 'src/f001.ts').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['ada@example.com', 1, 0]]);
    expect(noSweep.warnings.filter((w) => /changes 300 files or more/.test(w))).toEqual([]);
    // Both left out: nobody is credited, so the files have no history; the rename still carries one.
    const ignored = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: [sweep.slice(0, 7), load.toUpperCase()] } });
    expect(ignored.files.map((f) => f.path)).toEqual(['lib/f000.ts']);
    expect(fileOf(ignored, 'lib/f000.ts').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['carol@example.com', 0, 1]]);
    expect(ignored.exclusions).toContainEqual({ rule: 'no history (or only bot commits or ignoreRevs)', files: 299 });
    expect(ignored.warnings.filter((w) => /300 files or more/.test(w))).toEqual([]);
    // An id of no analysed commit is said; the published model has no such list.
    expect((await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: ['deadbeef'] } })).warnings).toContain('config ignoreRevs: "deadbeef" names no commit of the analysed history (merges are not analysed)');
    // The same commit by a short and a long id: both are seen (a review: the longer was warned about).
    expect((await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: [sweep.slice(0, 7), sweep.slice(0, 12)] } })).warnings.filter((w) => w.startsWith('config ignoreRevs'))).toEqual([]);
    // Acknowledged: not named again, and the figures are those of the plain analysis (warnings
    // repeated on every CI run, and ignoreRevs alone could silence them: a team lead's test).
    const seen = await analyzeRepo(repo.dir, { depth: 1, config: { acknowledgedRevs: [sweep.slice(0, 7), load.slice(0, 12)] } });
    expect(seen.warnings.filter((w) => /300 files or more|acknowledgedRevs:/.test(w))).toEqual([]);
    // The same figures; only the count of changes made in bulk commits, which an acknowledged one is not.
    const figures = (files: typeof plain.files) => files.map((f) => ({ ...f, contributions: f.contributions.map(({ bulk: _bulk, ...c }) => c) }));
    expect(figures(seen.files)).toEqual(figures(plain.files));
    expect(plain.files.some((f) => f.contributions.some((c) => c.bulk === 1))).toBe(true);
    expect(seen.files.some((f) => f.contributions.some((c) => c.bulk !== undefined))).toBe(false);
    expect((await analyzeRepo(repo.dir, { depth: 1, config: { acknowledgedRevs: ['deadbeef'] } })).warnings).toContain('config acknowledgedRevs: "deadbeef" names no commit of the analysed history (merges are not analysed)');
    const classic = await analyzeRepo(repo.dir, { depth: 1, model: 'classic', config: { ignoreRevs: [sweep] } });
    expect(fileOf(classic, 'src/f001.ts').contributions.map((c) => c.developer)).toEqual(['ada@example.com', 'bob@example.com']);
  });

  // cargo: four commits moving 1,500 test files made their author #2 of the truck factor (each move
  // is a change, METRICS §4), and no warning named them: only modifications counted (a team lead).
  it('names commits that move 300 files or more, and ignoreRevs leaves them out while the files keep their history', async () => {
    const moves = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`src/f${String(i).padStart(3, '0')}.ts`, `lib/f${String(i).padStart(3, '0')}.ts`]));
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: files(300, 'code') },
      { author: 'bob', at: '2024-02-01T10:00:00Z', rename: moves },
    ]);
    const move = repo.git('rev-parse', 'HEAD').trim().slice(0, 10);
    const plain = await analyzeRepo(repo.dir, { depth: 1 });
    expect(plain.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^a commit changes or moves 300 files or more \\(${move} by Bob: 300 analysed files, 300 of them moved\\): each counts as a change of every one of them, a move too; a sweep \\(license headers, formatting\\) or a reorganisation that moves files \\(they keep their history\\) can be left out with config \`ignoreRevs: \\["${move}"\\]\``)),
    );
    // Bob's one change is the move, a bulk commit's (the handoff and explain say so).
    expect(fileOf(plain, 'lib/f001.ts').contributions.map((c) => [c.developer, c.fa, c.dl, c.bulk])).toEqual([
      ['ada@example.com', 1, 0, undefined],
      ['bob@example.com', 0, 1, 1],
    ]);
    const left = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: [move] } });
    expect(fileOf(left, 'lib/f001.ts').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['ada@example.com', 1, 0]]);
  });

  // Regression (astro, a tester): on every CI run in a shallow clone, ignoreRevs older than the clone
  // read as misspelt commits.
  it('says a commit the config names may lie beyond a shallow clone\'s history', async () => {
    const source = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'a.ts': 3 } },
      { author: 'bob', at: '2024-02-01T10:00:00Z', write: { 'a.ts': 2 } },
    ]);
    const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: source.dir, encoding: 'utf8' }).trim();
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), 'tr-shallow-')), 'clone');
    onTestFinished(() => rmSync(path.dirname(clone), { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    const warnings = (await analyzeRepo(clone, { config: { ignoreRevs: [first.slice(0, 10)] } })).warnings;
    expect(warnings).toContain(`config ignoreRevs: "${first.slice(0, 10)}" names no commit of the analysed history (merges are not analysed; this shallow clone's history may not reach back to it)`);
  });

  it('names a commit that credits many people with many files (vite: a squash with 11 co-authors made each an author of 34 files)', async () => {
    const team = ['bob', 'carol', 'dave', 'erin', 'frank'];
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: files(20, 'a') },
      { author: 'ada', at: '2024-02-01T10:00:00Z', write: files(20, 'b'), coAuthors: team },
      // Four co-authors, or 19 files: not named.
      { author: 'ada', at: '2024-03-01T10:00:00Z', write: files(20, 'c'), coAuthors: team.slice(0, 4) },
      { author: 'ada', at: '2024-04-01T10:00:00Z', write: files(19, 'd'), coAuthors: team },
    ]);
    const squash = repo.git('rev-parse', 'HEAD~2').trim();
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const named = analysis.warnings.filter((warning) => warning.includes('co-authors'));
    expect(named).toEqual([
      `a commit credits 6 people or more (author and co-authors) with 20 files or more (${squash.slice(0, 10)} by Ada: 6 people, 20 files): every co-author counts as changing every file; if they did not, config \`ignoreRevs\` leaves such a commit out, and \`model.coAuthors: false\` all co-authors; listed in config \`acknowledgedRevs\`, a commit is not named again and the figures stay as they are`,
    ]);
    // An import with co-authors names them beside its author: they count as creators too (svelte).
    const shared = buildRepo([{ author: 'ada', write: files(300, 'x'), coAuthors: ['bob', 'carol'] }]);
    expect((await analyzeRepo(shared.dir, { depth: 1 })).warnings.find((w) => w.startsWith('a commit adds'))).toMatch(/ by Ada and 2 co-authors: 300 analysed files\)/);
    // Named as the tables name the person (redis: "by Yoav Steinberg" in the warning, "yoav-steinberg"
    // in every table); a handle used most gives way to their full name in both (commons-lang).
    const yoav = (name: string) => ({ name, email: 'yoav@example.com' });
    const renamed = buildRepo([
      { author: yoav('yoav-steinberg'), write: { 'a.ts': 1 } },
      { author: yoav('yoav-steinberg'), write: { 'b.ts': 1 } },
      { author: yoav('Yoav Steinberg'), write: files(300, 'y') },
    ]);
    expect((await analyzeRepo(renamed.dir, { depth: 1 })).warnings.find((w) => w.startsWith('a commit adds'))).toMatch(/ by Yoav Steinberg: 300 analysed files\)/);
    expect((await analyzeRepo(renamed.dir, { depth: 1 })).developers.map((d) => d.name)).toEqual(['Yoav Steinberg']);
    // Counted in analysed files: 300 files added under vendor/ (left out by default) are no import of anything analysed (prometheus).
    const vendored = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 3 } },
      { author: 'bob', write: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`vendor/lib/f${i}.go`, `package lib ${i}\n`])) },
    ]);
    expect((await analyzeRepo(vendored.dir, { depth: 1 })).warnings.filter((warning) => warning.includes('300 files or more'))).toEqual([]);
    // People, not identities: a co-author who is the author under another case of the email is one of them.
    const same = buildRepo([{ author: 'ada', write: files(25, 's'), coAuthors: ['bob', 'carol', 'dave', 'erin', { name: 'ada', email: 'ADA@example.com' }] }]);
    expect((await analyzeRepo(same.dir, { depth: 1 })).warnings.filter((warning) => warning.includes('co-authors'))).toEqual([]);
    // Acknowledged: not named, and the figures stay.
    const seen = await analyzeRepo(repo.dir, { depth: 1, config: { acknowledgedRevs: [squash.slice(0, 10)] } });
    expect(seen.warnings.filter((warning) => warning.includes('co-authors'))).toEqual([]);
    expect(seen.files).toEqual(analysis.files);
    // Listed in ignoreRevs, it is acknowledged: no warning.
    const ignored = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevs: [squash.slice(0, 10)] } });
    expect(ignored.warnings.filter((warning) => warning.includes('co-authors'))).toEqual([]);
  });

  // .git-blame-ignore-revs is where teams already list their formatting sweeps for git blame and
  // GitHub: a reformat made its runner a changer of every file, though the list said otherwise.
  it('reads the commits .git-blame-ignore-revs lists, as committed at the revision, and config ignoreRevsFile names another file or none', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T10:00:00Z', write: { 'src/a.ts': 4, 'src/b.ts': 4 } },
      { author: 'bob', at: '2024-02-01T10:00:00Z', message: 'Run prettier', write: { 'src/a.ts': 5, 'src/b.ts': 5 } },
    ]);
    const sweep = repo.git('rev-parse', 'HEAD').trim();
    const listing = `# formatting\n${sweep}  # prettier\n\nnot-an-id\n`;
    repo.commit({ author: 'ada', at: '2024-03-01T10:00:00Z', write: { '.git-blame-ignore-revs': listing, 'tools/ignored.txt': listing } });
    const changers = (analysis: Awaited<ReturnType<typeof analyzeRepo>>) => fileOf(analysis, 'src/a.ts').contributions.map((c) => c.developer);
    const read = await analyzeRepo(repo.dir, { depth: 1 });
    expect(changers(read)).toEqual(['ada@example.com']);
    expect(read.warnings).toContain('a commit listed in .git-blame-ignore-revs credits nobody, as config `ignoreRevs` (their adds, renames and deletions still move files; `ignoreRevsFile: false` counts them)');
    expect(read.warnings).toContain('.git-blame-ignore-revs: a line is not a commit id and is skipped (line 4: "not-an-id"); each line takes one commit id, `#` starts a comment');
    // Turned off, and under the published model: Bob changed the file.
    const off = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevsFile: false } });
    expect(changers(off)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(off.warnings.filter((w) => w.includes('git-blame-ignore-revs'))).toEqual([]);
    expect(changers(await analyzeRepo(repo.dir, { depth: 1, model: 'classic' }))).toEqual(['ada@example.com', 'bob@example.com']);
    // Another file, named as a user would write it.
    const other = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevsFile: './tools/ignored.txt' } });
    expect(changers(other)).toEqual(['ada@example.com']);
    expect(other.warnings).toContain('a commit listed in tools/ignored.txt credits nobody, as config `ignoreRevs` (their adds, renames and deletions still move files; `ignoreRevsFile: false` counts them)');
    const missing = await analyzeRepo(repo.dir, { depth: 1, config: { ignoreRevsFile: 'tools/nope.txt' } });
    expect(changers(missing)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(missing.warnings).toContain('config ignoreRevsFile: "tools/nope.txt" is not a file of the analysed revision (it is read as committed); no commits are left out by it');
    // As committed at the analysed revision: before the list was committed, Bob's sweep counts.
    expect(changers(await analyzeRepo(repo.dir, { depth: 1, rev: 'HEAD~1' }))).toEqual(['ada@example.com', 'bob@example.com']);
  });
});

