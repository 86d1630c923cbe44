import { beforeAll, describe, expect, it } from 'vitest';
import type { HandoffReport } from '../../src/model/handoff.ts';
import type { HandoffFile } from '../../src/model/handoff-files.ts';
import type { Analysis } from '../../src/model/types.ts';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import type { FixtureCommit } from '../helpers/git-fixture.ts';
import { coAuthoredHistory } from '../model/co-author-fixture.ts';
import { buildNamed, handoffOf } from './handoff-fixture.ts';

// laravel (a review): the handoff of Taylor Otwell said "only author of 1034 files" and listed them
// without a word that 820 of his 2,098 files were his only through the Co-authored-by trailers
// GitHub adds for the maintainer who pushes to a pull request before squash-merging it.

function fileIn(report: HandoffReport, path: string): HandoffFile {
  const file = report.areas.flatMap((area) => area.files).find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the handoff`);
  return file;
}

const summaryLine = (markdown: string) => markdown.split('\n').find((line) => line.startsWith('- **Co-author credit:**'));

describe('handoff: files that are theirs only through co-author credit', { tags: ['slow'] }, () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await analyzeRepo(buildNamed('trailers', coAuthoredHistory()).dir, { depth: 1 });
  });

  it('counts them, with who would author the files only they know without it, and marks them in the lists (markdown, JSON)', async () => {
    const report = await handoffOf(analysis, 'ann', { critical: [] });
    expect(report.summary.soleFiles).toBe(34);
    expect(report.summary.coAuthorCredit).toEqual({
      files: 24,
      soleFiles: 24,
      noActiveAuthorLeft: 24,
      soleWithOtherAuthor: 24,
      soleWithNoAuthor: 0,
      authorsInstead: [
        { id: 'bob@example.com', files: 24 },
        { id: 'carol@example.com', files: 24 },
        { id: 'dave@example.com', files: 24 },
      ],
      commits: 8,
      many: true,
    });
    expect(fileIn(report, 'src/f00.ts').authorsWithoutCoAuthors).toEqual(['bob@example.com', 'carol@example.com', 'dave@example.com']);
    // Her own files, one of them changed by a bot's commit that credits her: hers without co-authors too.
    expect(fileIn(report, 'lib/own0.ts').authorsWithoutCoAuthors).toBeUndefined();
    expect(report.areas.map((area) => [area.module, area.coAuthorOnlyFiles])).toEqual([
      ['src', 24],
      ['lib', 0],
    ]);

    const markdown = renderHandoffMarkdown(report);
    expect(summaryLine(markdown)).toBe(
      '- **Co-author credit:** 24 of the 34 files Ann authors are theirs only through Co-authored-by trailers on others’ commits (8 commits of others credit them as a co-author; GitHub adds one for whoever pushes to a pull request before squash-merging it), among them 24 of the 34 files only they know. The figures count them, as the model does; with co-authors left out (`model.coAuthors: false`) each of the 24 only they know would have another author (Bob on 24, Carol on 24 and Dave on 24). The file lists below mark them *an author only by co-author credit*.',
    );
    expect(markdown).toContain('| `src/f00.ts` · *an author only by co-author credit* (without it: Bob (inactive), Carol (inactive), Dave (inactive)) |');
    expect(markdown).toMatch(/\| `lib\/own0\.ts` \|/);
    expect(markdown).toContain('*An author only by co-author credit* marks a file Ann authors only through Co-authored-by trailers on others’ commits');

    const json = handoffOutputSchema.parse(toHandoffJson(report));
    expect(json.summary.coAuthorCredit?.authorsInstead.map((a) => [a.name, a.files])).toEqual([
      ['Bob', 24],
      ['Carol', 24],
      ['Dave', 24],
    ]);
    const f00 = json.areas[0]?.files.find((file) => file.path === 'src/f00.ts');
    expect(f00).toMatchObject({ coAuthorOnly: true, authorsWithoutCoAuthors: [{ id: 'bob@example.com', name: 'Bob' }, { name: 'Carol' }, { name: 'Dave' }] });
    expect(json.areas[1]?.files.find((file) => file.path === 'lib/own0.ts')).toMatchObject({ coAuthorOnly: false, authorsWithoutCoAuthors: null });
    expect(json.areas.map((area) => area.coAuthorOnlyFiles)).toEqual([24, 0]);
  });

  it('marks a file that would have no author without co-author credit, and says nothing in the summary of a few such files', async () => {
    // Erin: 5 docs of her own, and the file a bot's commit created with her as its co-author (not analysed without co-authors).
    const report = await handoffOf(analysis, 'erin', { critical: [] });
    expect(report.summary.coAuthorCredit).toMatchObject({ files: 1, soleFiles: 1, soleWithOtherAuthor: 0, soleWithNoAuthor: 1, authorsInstead: [], commits: 1, many: false });
    expect(fileIn(report, 'lib/generated-by-bot.ts').authorsWithoutCoAuthors).toEqual([]);
    const markdown = renderHandoffMarkdown(report);
    expect(summaryLine(markdown)).toBeUndefined();
    expect(markdown).toContain('| `lib/generated-by-bot.ts` · *an author only by co-author credit* (without it: no author) |');
    expect(markdown).toContain('*An author only by co-author credit* marks a file Erin authors');
  });

  it('says nothing where co-authors are not counted (model.coAuthors: false, --model classic)', async () => {
    const dir = analysis.repository.path;
    for (const other of [await analyzeRepo(dir, { depth: 1, config: { model: { coAuthors: false } } }), await analyzeRepo(dir, { depth: 1, model: 'classic' })]) {
      // Without co-authors Bob, Carol and Dave author src/; Ann keeps her own files.
      const report = await handoffOf(other, 'ann', { critical: [] });
      expect(report.summary.coAuthorCredit).toBeNull();
      expect(report.areas.flatMap((area) => area.files).some((file) => file.authorsWithoutCoAuthors)).toBe(false);
      const markdown = renderHandoffMarkdown(report);
      expect(markdown).not.toMatch(/co-author only|Co-author credit/i);
      const json = handoffOutputSchema.parse(toHandoffJson(report));
      expect(json.summary.coAuthorCredit).toBeNull();
      expect(json.areas.flatMap((area) => area.files).every((file) => !file.coAuthorOnly && file.authorsWithoutCoAuthors == null)).toBe(true);
    }
  });
});

/**
 * Ann creates 10 files of her own in December 2024 (active at 2025-01-01); Bob, inactive since
 * 2023, created 24 more, each commit with a `Co-authored-by: Ann` trailer: they share those (both
 * created them), and nobody active would author them after Ann, though she knows them only through
 * the trailers. Without co-authors Bob is their only author.
 */
function sharedHistory(): FixtureCommit[] {
  const bobs = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`app/b${String(i).padStart(2, '0')}.ts`, 4]));
  const own = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`lib/own${i}.ts`, 4]));
  return [
    { author: 'bob', at: '2023-01-10T10:00:00Z', write: bobs, coAuthors: ['ann'] },
    { author: 'ann', at: '2024-12-01T10:00:00Z', write: own },
  ];
}

describe('handoff: files they share only through co-author credit', { tags: ['slow'] }, () => {
  it('counts them among the files nobody active would author after them, and names no one twice in the list', async () => {
    const analysis = await analyzeRepo(buildNamed('shared-trailers', sharedHistory()).dir, { depth: 1 });
    const report = await handoffOf(analysis, 'ann', { critical: [] });
    expect(report.summary).toMatchObject({ soleFiles: 10, sharedFiles: 24, noActiveAuthorLeft: 34 });
    expect(report.summary.coAuthorCredit).toMatchObject({ files: 24, soleFiles: 0, noActiveAuthorLeft: 24, many: true });
    const markdown = renderHandoffMarkdown(report);
    expect(summaryLine(markdown)).toBe(
      '- **Co-author credit:** 24 of the 34 files Ann authors are theirs only through Co-authored-by trailers on others’ commits (1 commit of others credits them as a co-author; GitHub adds one for whoever pushes to a pull request before squash-merging it), none of them among the 10 files only they know, 24 of the 34 files nobody active would author after Ann. The figures count them, as the model does; the file lists below mark them *an author only by co-author credit*.',
    );
    expect(markdown).toContain('| `app/b00.ts` (shared with Bob (inactive)) · *an author only by co-author credit* (without it: its other authors alone) |');
  });
});
