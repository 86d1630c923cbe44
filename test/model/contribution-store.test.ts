import { describe, expect, it } from 'vitest';
import { decodeAnalysis, encodeAnalysisTo } from '../../src/model/analysis-codec.ts';
import { authorFigures, contributionCount, ContributionStore, forEachContribution, someContribution, storedNumbers } from '../../src/model/contribution-store.ts';
import { indexOwnership, numberDevelopers } from '../../src/model/ownership-index.ts';
import { rankContributions } from '../../src/model/ownership.ts';
import type { Analysis, FileContribution, FileOwnership } from '../../src/model/types.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildDecayRepo } from './departures-fixture.ts';

/** The same files as plain data: contributions as ordinary arrays of objects. */
const plain = (files: readonly FileOwnership[]): FileOwnership[] => JSON.parse(JSON.stringify(files)) as FileOwnership[];

/** What forEachContribution passes, copied out of the (reused) object during each call. */
function visited(file: FileOwnership): FileContribution[] {
  const seen: FileContribution[] = [];
  forEachContribution(file, (c, k) => {
    expect(k).toBe(seen.length);
    seen.push(JSON.parse(JSON.stringify(c)) as FileContribution);
  });
  return seen;
}

function decoded(analysis: Analysis): Analysis {
  const pieces: Uint8Array[] = [];
  encodeAnalysisTo(analysis, (piece) => pieces.push(piece));
  return decodeAnalysis(Buffer.concat(pieces));
}

describe('packed contributions', () => {
  it('are read the same packed (by analyze and by the result codec) as built, without being built', async () => {
    for (const model of ['talentrisk', 'classic'] as const) {
      // Two analyses: one stays packed, the other is printed (which builds every file's contributions).
      const packed = await analyzeRepo(buildDecayRepo().dir, { depth: 1, model });
      const expected = plain((await analyzeRepo(buildDecayRepo().dir, { depth: 1, model })).files);
      const fromCache = decoded(packed);
      for (const files of [packed.files, fromCache.files]) {
        expect(files.length).toBe(expected.length);
        files.forEach((file, i) => {
          const want = expected[i] as FileOwnership;
          expect(visited(file)).toEqual(want.contributions);
          expect(contributionCount(file)).toBe(want.contributions.length);
          expect(authorFigures(file)).toEqual(want.contributions.filter((c) => c.isAuthor).map(({ developer, doa, normDoa }) => ({ developer, doa, normDoa })));
          expect(someContribution(file, (c) => c.decayed !== undefined)).toBe(model === 'talentrisk');
        });
        // Reading them so did not build them: the first read of `contributions` does, in key order.
        expect(Object.getOwnPropertyDescriptor(files[0], 'contributions')?.get).toBeTypeOf('function');
        expect(JSON.stringify(files)).toBe(JSON.stringify(expected));
        expect(Object.getOwnPropertyDescriptor(files[0], 'contributions')?.get).toBeUndefined();
        expect(Object.keys(files[0] as FileOwnership)).toEqual(['path', 'authors', 'contributions', 'events', 'lastChange']);
      }
    }
  });

  it('encode to the same bytes, and index the same, read from the store as built into objects (or read back from the cache)', async () => {
    const bytes = (analysis: Analysis) => {
      const pieces: Uint8Array[] = [];
      encodeAnalysisTo(analysis, (piece) => pieces.push(piece));
      return Buffer.concat(pieces);
    };
    for (const model of ['talentrisk', 'classic'] as const) {
      const repo = buildDecayRepo();
      const packed = await analyzeRepo(repo.dir, { depth: 1, model });
      const built = await analyzeRepo(repo.dir, { depth: 1, model });
      for (const file of built.files) expect(file.contributions.length).toBeGreaterThan(0);
      expect(packed.files.every((file) => storedNumbers(file) !== undefined)).toBe(true);
      expect(built.files.some((file) => storedNumbers(file) !== undefined)).toBe(false);
      const encoded = bytes(packed);
      expect(encoded.equals(bytes(built))).toBe(true);
      expect(bytes(decoded(packed)).equals(encoded)).toBe(true);
      // A store that numbers the developers otherwise than the codec does (here: in reverse).
      const numbering = numberDevelopers();
      for (const developer of [...built.developers].reverse()) numbering.numberOf(developer.id);
      const store = new ContributionStore(numbering);
      const repacked = { ...built, files: built.files.map((file) => store.file(file.path, file.authors, file.events, file.lastChange, file.contributions)) };
      expect(storedNumbers(repacked.files[0] as FileOwnership)?.ids).toEqual(built.developers.map((d) => d.id).reverse());
      expect(bytes(repacked).equals(encoded)).toBe(true);
      // The ownership index reads stored numbers as they are, too: the same flat arrays.
      const flat = (files: readonly FileOwnership[]) => {
        const index = indexOwnership(files);
        return { ids: index.developers.ids, contributions: index.contributions, classicAuthors: index.classicAuthors, decayedAuthors: index.decayedAuthors, allFiles: index.allFiles };
      };
      expect(flat(packed.files)).toEqual(flat(built.files));
      expect(flat(repacked.files)).toEqual(flat(built.files));
    }
  });

  it('read a built or replaced list from then on, and the file walks stop where asked', async () => {
    const analysis = await analyzeRepo(buildDecayRepo().dir, { depth: 1 });
    const file = analysis.files.find((f) => contributionCount(f) > 1) as FileOwnership;
    let calls = 0;
    const stop = () => {
      calls++;
      return true;
    };
    expect(someContribution(file, stop)).toBe(true);
    expect(calls).toBe(1);

    const built = file.contributions;
    expect(file.contributions).toBe(built); // built once, then kept
    expect(someContribution(file, stop)).toBe(true);
    expect(calls).toBe(2);
    const replaced = [{ ...(built[0] as FileContribution), developer: 'someone else' }];
    file.contributions = replaced;
    expect(visited(file)).toEqual(replaced);
    expect(authorFigures(file).map((c) => c.developer)).toEqual(replaced[0]?.isAuthor ? ['someone else'] : []);
  });

  it('print exactly as rankContributions made them (through the result codec too), and reads through a copied accessor fail clearly', async () => {
    const inputs = [
      { developer: 'ada', fa: 1 as const, dl: 4, wfa: 0.61, wdl: 2.25, last: 1_700_000_000 },
      // Bob's changes include 3 of bulk commits (a sweep): kept through the store and the result codec.
      { developer: 'bob', fa: 0 as const, dl: 7, wfa: 0, wdl: 0.125, last: 1_700_100_000, bulk: 3 },
      { developer: 'carol', fa: 0 as const, dl: 0, wfa: 0, wdl: 0, last: 1_600_000_000 },
      // Dan created the file and made 2 of his 3 changes only as a co-author (laravel's squash-merge trailers).
      { developer: 'dan', fa: 1 as const, dl: 3, wfa: 0.5, wdl: 1, last: 1_650_000_000, coDl: 2, coFa: 1 as const },
    ];
    const store = new ContributionStore(numberDevelopers());
    for (const withDecay of [true, false]) {
      const ranked = rankContributions(inputs, 10, 3.5, withDecay);
      expect(ranked.map((c) => [c.developer, c.bulk, c.coAuthorDl, c.coAuthorFa]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
        ['ada', undefined, undefined, undefined],
        ['bob', 3, undefined, undefined],
        ['carol', undefined, undefined, undefined],
        ['dan', undefined, 2, 1],
      ]);
      const file = store.file('f.ts', ['ada'], 11, 1_700_100_000, ranked);
      expect(JSON.stringify(visited(file))).toBe(JSON.stringify(ranked));
      expect(JSON.stringify(file.contributions)).toBe(JSON.stringify(ranked));
      const analysis = { ...(await analyzeRepo(buildDecayRepo().dir, { depth: 1 })), files: [store.file('f.ts', ['ada'], 11, 1_700_100_000, ranked)] };
      expect(JSON.stringify(decoded(analysis).files[0]?.contributions)).toBe(JSON.stringify(ranked));
    }
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(store.file('g.ts', [], 1, 0, rankContributions(inputs, 9, 3.5, true)))) as FileOwnership;
    expect(() => copy.contributions).toThrow(/g\.ts are packed in another object/);
  });

  it('are packed a file at a time, large files included, and never mix decayed and plain figures', () => {
    const store = new ContributionStore(numberDevelopers());
    const contribution = (developer: string, decayed: boolean): FileContribution => ({
      developer,
      fa: 1,
      dl: 3,
      ac: 0.5,
      doa: 4.2,
      normDoa: 1,
      isAuthor: true,
      lastChange: 1_700_000_000,
      ...(decayed ? { decayed: { fa: 0.25, dl: 1.125, ac: 0, doa: 3.3, normDoa: 1, isAuthor: false } } : {}),
    });
    // More numbers than one block holds, between two small files.
    const lists = [[contribution('a', true)], Array.from({ length: 6000 }, (_, i) => contribution(`d${i}`, true)), [contribution('b', false), contribution('a', false)]];
    const files = lists.map((list, i) => store.file(`f${i}`, ['a'], 7, 1_700_000_000, list));
    files.forEach((file, i) => expect(JSON.parse(JSON.stringify(file.contributions))).toEqual(lists[i]));
    expect(() => store.file('mixed', [], 1, 0, [contribution('a', true), contribution('b', false)])).toThrow(/mix decayed and plain/);
  });

  it('encode a file of more numbers than a piece (64 KiB), between small ones, packed or built, to the same bytes, which decode to the same files', async () => {
    const store = new ContributionStore(numberDevelopers());
    const contribution = (developer: string, decayed: boolean, dl: number): FileContribution => ({
      developer,
      fa: 0,
      dl,
      ac: 0.5,
      doa: 4.2,
      normDoa: 1,
      isAuthor: dl === 0,
      lastChange: 1_700_000_000 + dl,
      ...(decayed ? { decayed: { fa: 0, dl: dl / 3, ac: 0, doa: 3.3, normDoa: 1, isAuthor: false } } : {}),
    });
    const lists = [[contribution('a', true, 0)], Array.from({ length: 6000 }, (_, i) => contribution(`d${i}`, true, i)), [contribution('b', false, 1), contribution('a', false, 2)]];
    const analysis = { ...(await analyzeRepo(buildDecayRepo().dir, { depth: 1 })), files: lists.map((list, i) => store.file(`f${i}`, ['a'], 7, 1_700_000_000, list)) };
    const pieces: Uint8Array[] = [];
    encodeAnalysisTo(analysis, (piece) => pieces.push(piece));
    expect(pieces.some((piece) => piece.length > 65_536)).toBe(true);
    const built: Analysis = { ...analysis, files: plain(analysis.files) };
    const builtPieces: Uint8Array[] = [];
    encodeAnalysisTo(built, (piece) => builtPieces.push(piece));
    expect(Buffer.concat(builtPieces).equals(Buffer.concat(pieces))).toBe(true);
    expect(JSON.stringify(decodeAnalysis(Buffer.concat(pieces)).files)).toBe(JSON.stringify(built.files));
  });
});
