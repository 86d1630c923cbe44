import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainOutputSchema } from '../../src/report/explain-schema.ts';
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
});
