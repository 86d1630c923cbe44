import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainOutputSchema } from '../../src/report/explain-schema.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { coAuthoredHistory } from '../model/co-author-fixture.ts';

// laravel: 820 of Taylor Otwell's 2,098 files were his only through Co-authored-by trailers GitHub
// adds to others' squash-merged pull requests, and neither scan nor explain said so (an engineering
// manager's test).
describe('co-author credit in scan and explain (black box)', { tags: ['slow'] }, () => {
  let dir = '';
  beforeAll(() => {
    dir = buildRepo(coAuthoredHistory()).dir;
  });

  const note =
    "24 of Ann's 34 files are theirs only through Co-authored-by trailers on others' commits (8 commits credit them as a co-author; GitHub adds the trailer for whoever pushes to a pull request before it is squash-merged); the figures count them, as the model does. With co-authors left out (`model.coAuthors: false`), they author 10 and the truck factor is 3, not 1.";

  it('scan says when a member of the truck factor authors many files only through co-author trailers, with the figures without them (table, markdown, JSON)', () => {
    const table = runCli(['--no-color', '-q', '--depth', '1'], { cwd: dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/\nTruck factor: 1 /);
    expect(table.stdout.replace(/\n(?!\n)/g, ' ')).toContain(note);
    const json = scanOutputSchema.parse(JSON.parse(runCli(['--format', 'json', '--depth', '1'], { cwd: dir }).stdout));
    expect(json.warnings).toContain(note);
    expect(runCli(['--format', 'markdown', '--depth', '1'], { cwd: dir }).stdout).toContain("> ⚠️ 24 of Ann's 34 files are theirs only through Co-authored-by trailers on others' commits (8 commits credit them as a co-author;");
    // The figures of the note are those of a scan with co-authors left out, which has no such note.
    writeFileSync(path.join(dir, 'without-co-authors.yml'), 'model:\n  coAuthors: false\n');
    const without = runCli(['--no-color', '-q', '--depth', '1', '--config', 'without-co-authors.yml'], { cwd: dir }).stdout;
    expect(without).toMatch(/\nTruck factor: 3 /);
    expect(without).toMatch(/\n {2}lib +10 +1 +Ann \(inactive\) 100%/);
    expect(without).not.toContain('Co-authored-by trailers');
  });

  it('explain says per developer how much came through co-author trailers, and who the authors would be without them (text, JSON)', () => {
    const text = runCli(['explain', 'src/f00.ts', '--no-color'], { cwd: dir }).stdout;
    expect(text).toContain("Ann: author: normDOA 1.000 > 0.75 and DOA 5.375 ≥ 3.293; FA 1 as a co-author, DL 6, of which 6 as a co-author (Co-authored-by trailers on others' commits)\n");
    expect(text).toContain('\nWithout co-author credit (`model.coAuthors: false`) Bob, Carol and Dave would be authors instead of Ann.\n');
    const json = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'src/f00.ts', '--format', 'json'], { cwd: dir }).stdout));
    if (json.kind !== 'file') throw new Error('a file was explained');
    expect(json.developers.map((d) => [d.id, d.fa, d.dl, d.coAuthorFa, d.coAuthorDl])).toEqual([
      ['ann@example.com', 1, 6, 1, 6],
      ['bob@example.com', 1, 0, 0, 0],
      ['carol@example.com', 0, 3, 0, 0],
      ['dave@example.com', 0, 3, 0, 0],
    ]);
    expect(json.authorsWithoutCoAuthors).toEqual(['bob@example.com', 'carol@example.com', 'dave@example.com']);
    // A file nobody co-authored: no such line, the same authors.
    expect(runCli(['explain', 'docs/e1.md', '--no-color'], { cwd: dir }).stdout).not.toContain('Without co-author credit');
  });

  // laravel's src/Illuminate/Support: 21 of Taylor Otwell's 100 files, and all 7 of Sebastian
  // Hädrich's, are theirs only through trailers; the repository's truck factor is 8 without them, not 7 (a review).
  it('explain <folder> counts per developer the files only co-author credit makes theirs, and gives the truck factor without it when it differs (text, JSON)', () => {
    const text = runCli(['explain', 'src', '--no-color'], { cwd: dir }).stdout;
    expect(text).toMatch(/\ndeveloper +files authored +co-author only +share +in truck factor\nAnn \(inactive\) +24 +24 +100% +yes\n/);
    expect(text.replace(/\n(?!\n)/g, ' ')).toContain(
      "Co-author only: of the files a developer authors here, those they author only through Co-authored-by trailers on others' commits (with co-authors left out, `model.coAuthors: false`, they would not); without that credit the truck factor would be 3, not 1 (Carol, Dave, Bob).",
    );
    // lib: Erin's one file is a bot's commit crediting her; the truck factor stays Ann's 1.
    const lib = runCli(['explain', 'lib', '--no-color'], { cwd: dir }).stdout;
    expect(lib).toMatch(/\nErin \(inactive\) +1 +1 +9%/);
    expect(lib).toContain('Co-author only: of the files a developer authors here');
    expect(lib).not.toContain('truck factor would be');
    // No co-author credit in docs, and none counted under --model classic: nothing said.
    for (const args of [['explain', 'docs'], ['explain', 'src', '--model', 'classic']]) {
      const plain = runCli([...args, '--no-color'], { cwd: dir }).stdout;
      expect(plain).not.toMatch(/co-author/i);
    }

    const json = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'src', '--format', 'json'], { cwd: dir }).stdout));
    if (json.kind !== 'folder') throw new Error('a folder was explained');
    expect(json.developers.map((d) => [d.id, d.files, d.coAuthorOnlyFiles])).toEqual([['ann@example.com', 24, 24]]);
    expect(json.truckFactor.value).toBe(1);
    // The figures of an explain with co-authors left out.
    writeFileSync(path.join(dir, 'without-co-authors.yml'), 'model:\n  coAuthors: false\n');
    const real = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'src', '--format', 'json', '--config', 'without-co-authors.yml'], { cwd: dir }).stdout));
    if (real.kind !== 'folder') throw new Error('a folder was explained');
    expect(json.truckFactorWithoutCoAuthors).toEqual(real.truckFactor);
    expect(json.truckFactorWithoutCoAuthors?.value).toBe(3);
    expect(real.truckFactorWithoutCoAuthors).toBeUndefined();
    expect(real.developers.every((d) => d.coAuthorOnlyFiles === undefined)).toBe(true);
    const docs = explainOutputSchema.parse(JSON.parse(runCli(['explain', 'docs', '--format', 'json'], { cwd: dir }).stdout));
    if (docs.kind !== 'folder') throw new Error('a folder was explained');
    expect(docs.truckFactorWithoutCoAuthors).toBeNull();
    expect(docs.developers.map((d) => d.coAuthorOnlyFiles)).toEqual([0]);
  });

  it('handoff says how many of their files are theirs only through co-author trailers and marks them (markdown, JSON)', () => {
    const markdown = runCli(['handoff', 'ann', '--until', '2025-01-01', '--depth', '1'], { cwd: dir });
    expect(markdown.exitCode).toBe(0);
    expect(markdown.stdout).toContain(
      '\n- **Co-author credit:** 24 of the 34 files Ann authors are theirs only through Co-authored-by trailers on others’ commits (8 commits of others credit them as a co-author; GitHub adds one for whoever pushes to a pull request before squash-merging it), among them 24 of the 34 files only they know. The figures count them, as the model does; with co-authors left out (`model.coAuthors: false`) each of the 24 only they know would have another author (Bob on 24, Carol on 24 and Dave on 24). The file lists below mark them *an author only by co-author credit*.\n',
    );
    expect(markdown.stdout).toMatch(/\| `src\/f\d\d\.ts` · \*an author only by co-author credit\* \(without it: Bob \(inactive\), Carol \(inactive\), Dave \(inactive\)\) \|/);
    const json = handoffOutputSchema.parse(JSON.parse(runCli(['handoff', 'ann', '--until', '2025-01-01', '--depth', '1', '--format', 'json'], { cwd: dir }).stdout));
    expect(json.summary.coAuthorCredit).toMatchObject({ files: 24, soleFiles: 24, soleWithOtherAuthor: 24, soleWithNoAuthor: 0, commits: 8, many: true });
    const files = json.areas.flatMap((area) => area.files);
    expect(files.filter((file) => file.coAuthorOnly).map((file) => file.path)).toEqual(Array.from({ length: 24 }, (_, i) => `src/f${String(i).padStart(2, '0')}.ts`));
    expect(files.find((file) => file.path === 'src/f00.ts')?.authorsWithoutCoAuthors?.map((p) => p.name)).toEqual(['Bob', 'Carol', 'Dave']);
    // No co-author credit under --model classic: nothing said (Erin's one such file is not even analysed).
    const classic = runCli(['handoff', 'erin', '--until', '2025-01-01', '--depth', '1', '--model', 'classic'], { cwd: dir }).stdout;
    expect(classic).not.toMatch(/co-author only|Co-author credit/i);
  });
});
