import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { evaluateCriticalSystems, type CriticalSystemSpec } from '../../src/model/critical.ts';
import { currentFigures, decayedAuthors, inactiveDevelopers, projectExperts } from '../../src/model/decay.ts';
import { authorsAfter, computeDepartures, type Departure, type DeparturesResult } from '../../src/model/departures.ts';
import { selectFiles } from '../../src/model/files.ts';
import { compileGlob, createPathMatcher } from '../../src/model/globs.ts';
import { assignModules, folderAtDepth, moduleOfFile } from '../../src/model/modules.ts';
import { rankContributions, rankedFile, summarizeModule, truckFactorOf } from '../../src/model/ownership.ts';
import { ContributionStore, storedNumbers } from '../../src/model/contribution-store.ts';
import { numberDevelopers } from '../../src/model/ownership-index.ts';
import type { ContributionInput } from '../../src/model/authorship.ts';
import type { Analysis, DeveloperSummary, FileOwnership } from '../../src/model/types.ts';
import * as reference from './reference-model.ts';

// The fast paths of issue #5 (numbered developers, flat author lists, rankings reused across
// departures, compiled globs) against the straightforward implementations they replaced
// (reference-model.ts), on random inputs: the same output, compared as JSON (key order included).

const same = (actual: unknown, expected: unknown) => expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));

const DEVS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];
/** Two developers share a display name (the id tie-break); two names lie beyond U+FFFF or just below it. */
const NAMES: Record<string, string> = { d0: 'Ann', d1: 'Bo', d2: 'Ann', d3: '\u{FF3A}ed', d4: 'bo', d5: '\u{1F600}' };
const REFERENCE_DATE = '2025-06-01T23:59:59.000Z';
const DAY = 86_400_000;

const inputArb = (developer: string): fc.Arbitrary<ContributionInput> =>
  fc
    .record({ fa: fc.constantFrom(0 as const, 1 as const), dl: fc.integer({ min: 0, max: 6 }), creation: fc.double({ min: 0, max: 1, noNaN: true }), kept: fc.double({ min: 0, max: 1, noNaN: true }), last: fc.integer({ min: 1.6e9, max: 1.75e9 }) })
    .map(({ fa, dl, creation, kept, last }) => ({ developer, fa, dl, wfa: fa ? creation : 0, wdl: dl * kept, last }));

interface RawFile {
  path: string;
  inputs: ContributionInput[];
  mr: number;
  wmr: number;
}

const rawFileArb: fc.Arbitrary<RawFile> = fc
  .record({
    folder: fc.constantFrom('', 'a/', 'a/b/', 'a/b/c/', 'b/', 'ab/', 'vendor/'),
    name: fc.constantFrom('x.ts', 'y.c', 'z.md', '.dot'),
    developers: fc.uniqueArray(fc.constantFrom(...DEVS), { minLength: 1, maxLength: 5 }),
    extra: fc.integer({ min: 0, max: 3 }),
    weightedExtra: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .chain(({ folder, name, developers, extra, weightedExtra }) =>
    fc.tuple(...developers.map(inputArb)).map((inputs) => ({
      path: `${folder}${name}`,
      inputs,
      mr: inputs.reduce((sum, input) => sum + input.dl, extra),
      wmr: inputs.reduce((sum, input) => sum + input.wdl, weightedExtra),
    })),
  );

const analysisArb: fc.Arbitrary<Analysis> = fc
  .record({
    files: fc.uniqueArray(rawFileArb, { selector: (file) => file.path, maxLength: 16 }),
    withDecay: fc.boolean(),
    halfLifeDays: fc.integer({ min: 20, max: 400 }),
    inactiveAfterDays: fc.integer({ min: 20, max: 400 }),
    silentDays: fc.array(fc.integer({ min: 0, max: 700 }), { minLength: DEVS.length, maxLength: DEVS.length }),
    depth: fc.integer({ min: 1, max: 2 }),
    workspaces: fc.subarray(['a/b', 'ab']),
  })
  .map(({ files: raw, withDecay, halfLifeDays, inactiveAfterDays, silentDays, depth, workspaces }) => {
    const files: FileOwnership[] = raw
      .map((file) => {
        const contributions = rankContributions(file.inputs, file.mr, file.wmr, withDecay);
        return { path: file.path, authors: contributions.filter((c) => c.isAuthor).map((c) => c.developer), contributions, events: file.mr + 1, lastChange: 1.7e9 };
      })
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const developers: DeveloperSummary[] = DEVS.map((id, i) => ({
      id,
      name: NAMES[id] as string,
      emails: [id],
      names: [NAMES[id] as string],
      commits: 1,
      firstCommit: '2020-01-01T00:00:00.000Z',
      lastCommit: new Date(Date.parse(REFERENCE_DATE) - (silentDays[i] ?? 0) * DAY - 3_600_000).toISOString(),
      filesAuthored: files.filter((file) => file.authors.includes(id)).length,
    }));
    const nameOf = (id: string) => NAMES[id] ?? id;
    const byPath = new Map(files.map((file) => [file.path, file]));
    const modules = [...assignModules(files.map((file) => file.path), depth, workspaces)]
      .map(([path, module]) => reference.summarizeModule(path, module.kind, module.files.map((file) => byPath.get(file) as FileOwnership), nameOf))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return {
      repository: { path: '/repo', revision: 'abc', requested: 'HEAD', revisionDate: REFERENCE_DATE, analyzedAt: REFERENCE_DATE, isShallow: false, isPartial: false, shallowSince: null },
      model: withDecay ? 'talentrisk' : 'classic',
      settings: { moduleDepth: depth, moduleChains: [], halfLifeDays, inactiveAfterDays, referenceDate: REFERENCE_DATE, coAuthors: true },
      stats: { commits: 1, developers: DEVS.length, files: files.length, excludedFiles: 0, trackedFiles: files.length, bots: 0, botCommits: 0, commitsWithoutRenames: 0 },
      developers,
      files,
      truckFactor: reference.truckFactorOf(files, nameOf),
      modules,
      exclusions: [],
      bots: [],
      warnings: [],
    } satisfies Analysis;
  });

const departuresArb: fc.Arbitrary<Departure[]> = fc.uniqueArray(
  fc.record({ id: fc.constantFrom(...DEVS), date: fc.option(fc.constantFrom('2025-05-01', '2025-06-01', '2025-06-20', '2025-08-30', '2025-11-30'), { nil: undefined }) }).map(({ id, date }) => ({
    id,
    name: NAMES[id] as string,
    ...(date ? { date } : {}),
  })),
  { selector: (d) => d.id, maxLength: 3 },
);

/** Author sets a caller may pass (classic, decayed, after departures). */
const authorsOfArb = fc.record({ decayed: fc.boolean(), gone: fc.subarray(DEVS, { maxLength: 3 }) }).map(({ decayed, gone }) => authorsAfter(gone, decayed ? decayedAuthors : (file) => file.authors));

const nameOf = (id: string) => NAMES[id] ?? id;

describe('fast model paths equal the straightforward ones', () => {
  it('rankContributions', () => {
    fc.assert(
      fc.property(rawFileArb, fc.boolean(), (file, withDecay) => {
        same(rankContributions(file.inputs, file.mr, file.wmr, withDecay), reference.rankContributions(file.inputs, file.mr, file.wmr, withDecay));
      }),
    );
  });

  it('rankedFile packs what the store packs of rankContributions (analyze packs each file so, without the objects)', () => {
    // Bulk and co-author credit beside, as the fold counts them (of dl; fa through a trailer).
    const creditArb = fc.record({ bulk: fc.integer({ min: 0, max: 3 }), coDl: fc.integer({ min: 0, max: 3 }), coFa: fc.constantFrom(0 as const, 1 as const) });
    const packedNumbers = (file: FileOwnership) => {
      const stored = storedNumbers(file);
      return stored ? Array.from(stored.numbers.subarray(stored.first, stored.first + stored.count * stored.stride)) : undefined;
    };
    fc.assert(
      fc.property(rawFileArb, fc.array(creditArb, { minLength: DEVS.length, maxLength: DEVS.length }), fc.boolean(), (file, credits, withDecay) => {
        const inputs: ContributionInput[] = file.inputs.map((input, i) => {
          const { bulk, coDl, coFa } = credits[i] as { bulk: number; coDl: number; coFa: 0 | 1 };
          return { ...input, ...(bulk > 0 ? { bulk: Math.min(bulk, input.dl) } : {}), ...(coDl > 0 ? { coDl: Math.min(coDl, input.dl) } : {}), ...(coFa === 1 && input.fa === 1 ? { coFa } : {}) };
        });
        const tally = { mr: file.mr, wmr: file.wmr, events: file.mr + 1, lastChange: 1.7e9, coOnlyMr: file.mr % 2 };
        const contributions = rankContributions(inputs, tally.mr, tally.wmr, withDecay);
        const authors = contributions.filter((c) => c.isAuthor).map((c) => c.developer);
        const expected = new ContributionStore(numberDevelopers()).file(file.path, authors, tally.events, tally.lastChange, contributions, tally.coOnlyMr);
        const packed = rankedFile(new ContributionStore(numberDevelopers()), file.path, tally, inputs, withDecay);
        expect(packedNumbers(packed)).toEqual(packedNumbers(expected));
        same(packed, expected);
        same(packed.contributions, contributions);
      }),
    );
  });

  it('truckFactorOf and summarizeModule, under any author sets', () => {
    fc.assert(
      fc.property(analysisArb, authorsOfArb, (analysis, authorsOf) => {
        same(truckFactorOf(analysis.files, nameOf, authorsOf), reference.truckFactorOf(analysis.files, nameOf, authorsOf));
        // A list seen once (numbered on its own), and the analysis' files (on their index).
        const files = analysis.files.filter((_, i) => i % 2 === 0);
        same(summarizeModule('m', 'folder', files, nameOf, authorsOf), reference.summarizeModule('m', 'folder', files, nameOf, authorsOf));
        same(summarizeModule('m', 'folder', analysis.files, nameOf, authorsOf), reference.summarizeModule('m', 'folder', analysis.files, nameOf, authorsOf));
        // With the classic authors, a part of indexed files is a set of their index.
        same(summarizeModule('m', 'folder', files, nameOf), reference.summarizeModule('m', 'folder', files, nameOf));
        const unindexed = files.map((file) => ({ ...file }));
        same(summarizeModule('m', 'folder', unindexed, nameOf), reference.summarizeModule('m', 'folder', unindexed, nameOf));
      }),
    );
  });

  it('inactiveDevelopers (ties on whole days, unreadable dates)', () => {
    const lastCommitArb = fc.oneof(
      fc.constant(''),
      fc.tuple(fc.constantFrom(0, 10, 200, 400), fc.integer({ min: 0, max: 23 })).map(([days, hours]) => new Date(Date.parse(REFERENCE_DATE) - days * DAY - hours * 3_600_000).toISOString()),
    );
    fc.assert(
      fc.property(fc.array(lastCommitArb, { minLength: DEVS.length, maxLength: DEVS.length }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 }), (lastCommits, inactiveAfter, horizon) => {
        const analysis = {
          settings: { referenceDate: REFERENCE_DATE, inactiveAfterDays: 180 },
          developers: DEVS.map((id, i) => ({ id, name: NAMES[id] as string, lastCommit: lastCommits[i] as string, filesAuthored: i })),
        } as unknown as Pick<Analysis, 'settings' | 'developers'>;
        same(inactiveDevelopers(analysis, { inactiveAfter, horizon }), reference.inactiveDevelopers(analysis, { inactiveAfter, horizon }));
      }),
    );
  });

  it('currentFigures', () => {
    fc.assert(
      fc.property(analysisArb, fc.boolean(), (analysis, treatInactiveAsDeparted) => {
        same(currentFigures(analysis, { treatInactiveAsDeparted }), reference.currentFigures(analysis, { treatInactiveAsDeparted }));
      }),
    );
  });

  it('projectExperts', () => {
    const horizonsArb = fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 }), { nil: undefined });
    fc.assert(
      fc.property(analysisArb, departuresArb, horizonsArb, fc.option(fc.boolean(), { nil: undefined }), (analysis, departures, horizons, inactiveAsGone) => {
        const options = { ...(horizons ? { horizons } : {}), ...(inactiveAsGone === undefined ? {} : { inactiveAsGone }) };
        same(projectExperts(analysis, departures, options), reference.projectExperts(analysis, departures, options));
      }),
    );
  });

  it('computeDepartures', () => {
    fc.assert(
      fc.property(analysisArb, departuresArb, fc.subarray(DEVS), fc.boolean(), (analysis, departures, unavailable, decayed) => {
        const options = { unavailable, ...(decayed ? { authorsOf: decayedAuthors } : {}) };
        // The take-over per module is a Map, which JSON writes as {}: compared by its entries.
        const entries = (result: DeparturesResult) => ({ ...result, takeOver: [...result.takeOver] });
        same(entries(computeDepartures(analysis, departures, options)), entries(reference.computeDepartures(analysis, departures, options)));
      }),
    );
  });

  it('evaluateCriticalSystems', () => {
    const globs = ['a', 'a/', 'a/**', '**/*.ts', '!a/b/**', '!**/*.md', 'b/', 'nothing/**', '*.md', 'a/b/c/x.ts', 'vendor', './ab/*', '**/.dot'];
    const systemsArb = fc.array(
      fc.record({ name: fc.constantFrom('pay', 'auth'), paths: fc.uniqueArray(fc.constantFrom(...globs), { minLength: 1, maxLength: 3 }), minOwners: fc.integer({ min: 1, max: 3 }) }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(analysisArb, systemsArb, fc.option(authorsOfArb, { nil: undefined }), (analysis, systems: CriticalSystemSpec[], authorsOf) => {
        const options = authorsOf ? { authorsOf } : {};
        same(evaluateCriticalSystems(analysis, systems, options), reference.evaluateCriticalSystems(analysis, systems, options));
      }),
    );
  });

  it('folderAtDepth', () => {
    const pathArb = fc.array(fc.constantFrom('a', 'bc', '', '.', 'd.e'), { maxLength: 6 }).map((parts) => parts.join('/'));
    const depthArb = fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constantFrom(0.5, 1.5, 2.9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
    fc.assert(
      fc.property(pathArb, depthArb, (path, depth) => {
        expect(folderAtDepth(path, depth)).toBe(reference.folderAtDepth(path, depth));
      }),
      { numRuns: 1000 },
    );
  });

  it('moduleOfFile', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '.', 'a.b');
    const pathArb = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.array(pathArb, { maxLength: 6 }), fc.array(pathArb, { maxLength: 10 }), (modules, paths) => {
        const analysis = { modules: modules.map((path) => ({ path })) } as unknown as Pick<Analysis, 'modules'>;
        const fast = moduleOfFile(analysis);
        const slow = reference.moduleOfFile(analysis);
        for (const path of paths) expect(fast(path)).toBe(slow(path));
      }),
    );
  });

  it('selectFiles', () => {
    const pathArb = fc
      .tuple(fc.constantFrom('', 'a/', 'a/b/', 'vendor/', 'x/dist/', 'node_modules/z/'), fc.constantFrom('m.ts', 'y.lock', 'Cargo.lock', 'p.min.js', 'i.png', 'g.rb', 'README.md', '.gitattributes'))
      .map(([folder, name]) => `${folder}${name}`);
    const lines = [
      '*.ts linguist-generated',
      '*.rb diff=ruby',
      '*.png -diff',
      '*.md binary',
      'vendor/** linguist-vendored=false',
      '/a/b linguist-vendored',
      'b/ !linguist-generated',
      'y.lock -linguist-generated',
      '*.js linguist-vendored=true text',
      '# comment',
      '!*.ts linguist-generated',
      '/x/** !diff',
      '*.lock whitespace',
      'node_modules/** linguist-vendored=false',
      '*.png linguist-generated=false',
    ];
    const attributesArb = fc.dictionary(fc.constantFrom('', '', '', 'a', 'a/b', 'vendor'), fc.array(fc.constantFrom(...lines), { maxLength: 4 }).map((chosen) => chosen.join('\n')), { maxKeys: 3 });
    const globArb = fc.array(fc.constantFrom('a', '**/*.md', '!a/b/**', 'vendor/', '*.lock'), { maxLength: 2 });
    fc.assert(
      fc.property(fc.uniqueArray(pathArb, { maxLength: 20 }), attributesArb, globArb, globArb, fc.boolean(), (tracked, attributes, include, exclude, defaults) => {
        const options = { include, exclude, defaults, gitattributes: new Map(Object.entries(attributes)) };
        const fast = selectFiles(tracked, options);
        const slow = reference.selectFiles(tracked, options);
        same({ ...fast, excluded: [...fast.excluded] }, { ...slow, excluded: [...slow.excluded] });
      }),
      { numRuns: 1000 },
    );
  });

  it('a folder, `dir/**` and `**` take names with a newline or carriage return, as `dir/*` does (a pull request could hide code from a critical system)', () => {
    const paths = ['src/e\nf.ts', 'src/g\rh.ts', 'src/ok.ts'];
    for (const glob of ['src', 'src/', 'src/**', '**', 'src/*', '**/*.ts']) expect(paths.filter(createPathMatcher([glob])), glob).toEqual(paths);
  });

  it('compileGlob matches what picomatch matches', () => {
    const part = fc.constantFrom('a', 'b', '*', '**', '?', '[ab]', '{a,b}', '.x', 'a.b', '@(a|b)', '!(a)', '\\*', '');
    const globArb = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')).filter((glob) => glob !== '');
    // Paths also made of glob parts: a path that spells the glob itself matches it.
    const pathArb = fc.oneof(globArb, fc.array(fc.constantFrom('a', 'b', '.x', 'a.b', '*', '[ab]', 'ab', '', 'e\nf', 'g\rh'), { maxLength: 4 }).map((parts) => parts.join('/')));
    fc.assert(
      fc.property(globArb, fc.array(pathArb, { maxLength: 8 }), fc.boolean(), (glob, paths, basename) => {
        const options = { dot: true as const, basename };
        const fast = compileGlob(glob, options);
        // With `s`, as compileGlob passes it: a wildcard matches a newline in a name too.
        const slow = picomatch(glob, { ...options, flags: 's' });
        for (const path of [glob, ...paths]) expect(fast(path)).toBe(slow(path));
      }),
      { numRuns: 500 },
    );
  });
});
