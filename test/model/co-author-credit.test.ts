import { beforeAll, describe, expect, it } from 'vitest';
import { authorsWithoutCoAuthors, coAuthorCredit, filesWithoutCoAuthors, folderCoAuthorCredit } from '../../src/model/co-author-credit.ts';
import { explainAuthorship } from '../../src/model/explain.ts';
import { rankContributions, summarizeModule, truckFactorOf } from '../../src/model/ownership.ts';
import { nameLookup } from '../../src/model/ownership-index.ts';
import { decodeAnalysis, encodeAnalysisTo } from '../../src/model/analysis-codec.ts';
import type { Analysis } from '../../src/model/types.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';
import { coAuthoredHistory } from './co-author-fixture.ts';

/** The analysis through the result cache's codec (what a scan read from the cache has). */
function throughCodec(analysis: Analysis): Analysis {
  const pieces: Uint8Array[] = [];
  encodeAnalysisTo(analysis, (piece) => pieces.push(piece));
  return decodeAnalysis(Buffer.concat(pieces));
}

const byPath = (analysis: Pick<Analysis, 'files'>) => Object.fromEntries(analysis.files.map((file) => [file.path, [...file.authors].sort()]));

// laravel: 820 of Taylor Otwell's 2,098 files were his only through Co-authored-by trailers on
// others' commits, and nothing said so (an engineering manager's test).
describe('co-author credit counted apart', { tags: ['slow'] }, () => {
  let dir = '';
  let analysis: Analysis;
  beforeAll(async () => {
    dir = buildRepo(coAuthoredHistory()).dir;
    analysis = await analyzeRepo(dir, { depth: 1 });
  });

  it('counts, per developer and file, the changes and the creation credited through a co-author trailer', () => {
    const ann = contributionOf(analysis, 'src/f00.ts', 'ann@example.com');
    expect([ann.fa, ann.dl, ann.coAuthorFa, ann.coAuthorDl, ann.isAuthor]).toEqual([1, 6, 1, 6, true]);
    const bob = contributionOf(analysis, 'src/f00.ts', 'bob@example.com');
    expect([bob.fa, bob.dl, bob.coAuthorFa, bob.coAuthorDl, bob.isAuthor]).toEqual([1, 0, undefined, undefined, false]);
    // A bot's commit that credits her as a co-author: her change, as a co-author; nobody's without co-authors.
    expect(contributionOf(analysis, 'lib/own0.ts', 'ann@example.com').coAuthorDl).toBe(1);
    expect(fileOf(analysis, 'lib/own0.ts').coAuthorOnlyChanges).toBe(1);
    // Her own commit that also names her other email as a co-author: one change of her own.
    const own = contributionOf(analysis, 'lib/own1.ts', 'ann@example.com');
    expect([own.dl, own.coAuthorDl]).toEqual([1, undefined]);
    // Kept through the result cache.
    const cached = throughCodec(analysis);
    expect(JSON.stringify(fileOf(cached, 'src/f00.ts').contributions)).toBe(JSON.stringify(fileOf(analysis, 'src/f00.ts').contributions));
    expect(fileOf(cached, 'lib/own0.ts').coAuthorOnlyChanges).toBe(1);
    expect(cached.coAuthorCommits).toEqual(analysis.coAuthorCommits);
    // Commits by others that credit her: Bob's, Carol's and Dave's seven and the bot's (not her own).
    expect(analysis.coAuthorCommits).toEqual({ 'ann@example.com': 8, 'erin@example.com': 1 });
  });

  it('gives, from those counts alone, the authors and truck factor of a scan with co-authors left out (model.coAuthors: false)', async () => {
    const real = await analyzeRepo(dir, { depth: 1, config: { model: { coAuthors: false } } });
    const computed = filesWithoutCoAuthors(analysis.files);
    // The file only a bot's commit with a co-author created is not analysed without co-authors.
    expect(computed.length).toBe(39);
    expect(byPath({ files: computed })).toEqual(byPath(real));
    expect(truckFactorOf(computed, nameLookup(real))).toEqual(real.truckFactor);
    expect(analysis.truckFactor.value).toBe(1);
    expect(real.truckFactor.value).toBe(3);
    for (const file of analysis.files) expect(authorsWithoutCoAuthors(file)).toEqual(real.files.find((f) => f.path === file.path)?.authors ?? []);
    // The same from an analysis read from the result cache.
    expect(byPath({ files: filesWithoutCoAuthors(throughCodec(analysis).files) })).toEqual(byPath(real));

    expect(coAuthorCredit(analysis)).toEqual({
      people: [{ id: 'ann@example.com', files: 34, onlyAsCoAuthor: 24, filesWithout: 10, commits: 8 }],
      truckFactor: real.truckFactor,
    });
    // Nothing to say when co-authors are not counted.
    expect(coAuthorCredit(real)).toBeUndefined();
    expect(coAuthorCredit(await analyzeRepo(dir, { depth: 1, model: 'classic' }))).toBeUndefined();
  });

  it('gives, per folder, who authors how many of its files only through co-author credit and its truck factor without it (explain <folder>)', async () => {
    const real = await analyzeRepo(dir, { depth: 1, config: { model: { coAuthors: false } } });
    const under = (files: Analysis['files'], folder: string) => files.filter((file) => file.path.startsWith(`${folder}/`));
    const src = folderCoAuthorCredit(analysis, under(analysis.files, 'src'));
    // Ann is the only author of the 24 only through trailers; without them Bob, Carol and Dave author each.
    expect(Object.fromEntries(src?.onlyAsCoAuthor ?? [])).toEqual({ 'ann@example.com': 24 });
    expect(summarizeModule('src', 'folder', under(analysis.files, 'src'), nameLookup(analysis)).truckFactor.value).toBe(1);
    expect(src?.truckFactor).toEqual(summarizeModule('src', 'folder', under(real.files, 'src'), nameLookup(real)).truckFactor);
    expect(src?.truckFactor.value).toBe(3);
    // lib: Erin's only file is a bot's with her as co-author, not analysed without co-authors; Ann's own files stay hers.
    const lib = folderCoAuthorCredit(analysis, under(analysis.files, 'lib'));
    expect(Object.fromEntries(lib?.onlyAsCoAuthor ?? [])).toEqual({ 'erin@example.com': 1 });
    expect(lib?.truckFactor).toEqual(summarizeModule('lib', 'folder', under(real.files, 'lib'), nameLookup(real)).truckFactor);
    // Nothing to say where no file has co-author credit, or co-authors are not counted.
    expect(folderCoAuthorCredit(analysis, under(analysis.files, 'docs'))).toBeUndefined();
    expect(folderCoAuthorCredit(real, under(real.files, 'src'))).toBeUndefined();
    const classic = await analyzeRepo(dir, { depth: 1, model: 'classic' });
    expect(folderCoAuthorCredit(classic, under(classic.files, 'src'))).toBeUndefined();
  });

  it('says nothing for fewer than 20 such files, or a quarter of theirs or less', () => {
    // 20 of the 24 files kept, then 19.
    const keeping = (n: number) => ({ ...analysis, files: analysis.files.filter((file) => !file.path.startsWith('src/') || Number(/\d+/.exec(file.path)?.[0]) < n) });
    expect(coAuthorCredit(keeping(20))?.people.map((p) => p.onlyAsCoAuthor)).toEqual([20]);
    expect(coAuthorCredit(keeping(19))).toBeUndefined();
    // 24 of 95 files is more than a quarter; of 96, not.
    const [ann] = analysis.truckFactor.developers;
    const authoring = (files: number) => ({ ...analysis, truckFactor: { ...analysis.truckFactor, developers: [{ ...(ann as { id: string; share: number }), files }] } });
    expect(coAuthorCredit(authoring(95))?.people.map((p) => [p.files, p.onlyAsCoAuthor])).toEqual([[95, 24]]);
    expect(coAuthorCredit(authoring(96))).toBeUndefined();
  });
});

describe('explain says how much came through co-author trailers', () => {
  it('per developer, beside the reason (laravel Number.php: "DL 19, of which 15 as a co-author")', () => {
    const [taylor, caen] = rankContributions(
      [
        { developer: 'taylor', fa: 1, dl: 19, wfa: 1, wdl: 19, last: 0, coDl: 15, coFa: 1 },
        { developer: 'caen', fa: 1, dl: 2, wfa: 1, wdl: 2, last: 0 },
      ],
      47,
      47,
      false,
    );
    expect(taylor && explainAuthorship(taylor)).toBe('author: normDOA 1.000 > 0.75 and DOA 6.426 ≥ 3.293; FA 1 as a co-author, DL 19, of which 15 as a co-author (Co-authored-by trailers on others\' commits)');
    expect(caen && explainAuthorship(caen)).toBe('not an author: normDOA 0.543 is not above 0.75 (their DOA is 54% of the top one)');
    const [one] = rankContributions([{ developer: 'ann', fa: 0, dl: 3, wfa: 0, wdl: 3, last: 0, coDl: 1 }], 3, 3, false);
    expect(one && explainAuthorship(one)).toMatch(/; DL 3, of which 1 as a co-author \(a Co-authored-by trailer on someone else's commit\)$/);
  });
});
