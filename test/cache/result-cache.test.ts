import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCached, cacheProblems } from '../../src/analysis-cache.ts';
import type { AnalyzeHooks, AnalyzeOptions } from '../../src/analyze.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { decodeAnalysis, encodeAnalysisTo } from '../../src/model/analysis-codec.ts';
import { authorFigures, DECAYED, HAS_DECAYED, PLAIN } from '../../src/model/contribution-store.ts';
import type { Analysis } from '../../src/model/types.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, commitEditedRename, removeObject, type FixtureRepo } from '../helpers/git-fixture.ts';
import { buildDecayRepo } from '../model/departures-fixture.ts';

const NOW = new Date('2025-01-01T10:00:00Z');

/** encodeAnalysisTo's pieces joined, as the cache file holds them. */
function encodeAnalysis(analysis: Analysis): Uint8Array {
  const pieces: Uint8Array[] = [];
  encodeAnalysisTo(analysis, (piece) => pieces.push(piece));
  return Buffer.concat(pieces);
}

function history(): FixtureRepo {
  return buildRepo([
    { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'src/a.ts': 5, 'src/b.ts': 3 } },
    { author: 'bob', write: { 'src/a.ts': 2 }, coAuthors: ['carol'] },
    { author: 'carol', rename: { 'src/b.ts': 'lib/b.ts' } },
    { author: 'dependabot[bot]', write: { 'package.json': '{}' } },
  ]);
}

/** A scan through the result cache, recording whether the history was walked. */
async function scan(dir: string, options: Partial<Omit<AnalyzeOptions, 'config'>> & { config?: ConfigInput } = {}) {
  const phases: string[] = [];
  const warnings: string[] = [];
  const hooks: AnalyzeHooks = { onPhase: (phase) => phases.push(phase), onWarning: (message) => warnings.push(message) };
  const analysis = await analyzeCached({ path: dir, rev: 'HEAD', model: 'talentrisk', now: NOW, ...options, config: configSchema.parse(options.config ?? {}) }, hooks);
  return { analysis, walked: phases.includes('history'), warnings };
}

const resultFiles = (repo: FixtureRepo) => readdirSync(path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1')).filter((name) => name.endsWith('.result'));
const withoutClock = (analysis: Analysis) => JSON.stringify({ ...analysis, repository: { ...analysis.repository, analyzedAt: '' } });

describe('the analysis codec', () => {
  it('gives back the same analysis, byte for byte once printed (decayed figures, co-authors, renames)', async () => {
    for (const analysis of [await analyzeRepo(buildDecayRepo().dir, { depth: 1 }), await analyzeRepo(history().dir), await analyzeRepo(history().dir, { model: 'classic' })]) {
      expect(JSON.stringify(decodeAnalysis(encodeAnalysis(analysis)))).toBe(JSON.stringify(analysis));
    }
  });

  it('hands a large result out in pieces that decode to the same analysis', async () => {
    const small = await analyzeRepo(buildDecayRepo().dir, { depth: 1 });
    // 2,000 files: far more numbers than one piece holds.
    const files = Array.from({ length: 2000 }, (_, i) => ({ ...(small.files[i % small.files.length] as Analysis['files'][number]), path: `gen/${i}.ts` }));
    const large: Analysis = { ...small, files };
    const pieces: Uint8Array[] = [];
    encodeAnalysisTo(large, (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.stringify(decodeAnalysis(encodeAnalysis(large)))).toBe(JSON.stringify(large));
  });

  it("builds a file's contributions when first read, the same as computed, and prints its authors without them", async () => {
    let nonAuthors = 0;
    for (const analysis of [await analyzeRepo(buildDecayRepo().dir, { depth: 1 }), await analyzeRepo(history().dir, { model: 'classic' })]) {
      const decoded = decodeAnalysis(encodeAnalysis(analysis));
      decoded.files.forEach((file, index) => {
        const original = analysis.files[index] as Analysis['files'][number];
        expect(Object.keys(file)).toEqual(Object.keys(original));
        // Before anything reads them, the authors' figures come without building the contributions.
        expect(Object.getOwnPropertyDescriptor(file, 'contributions')?.get).toBeTypeOf('function');
        const figures = authorFigures(file);
        expect(Object.getOwnPropertyDescriptor(file, 'contributions')?.get).toBeTypeOf('function');
        expect(figures).toEqual(original.contributions.filter((c) => c.isAuthor).map(({ developer, doa, normDoa }) => ({ developer, doa, normDoa })));
        expect(file.contributions).toStrictEqual(original.contributions);
        expect(Object.getOwnPropertyDescriptor(file, 'contributions')).toMatchObject({ writable: true, enumerable: true });
        expect(authorFigures(file)).toEqual(original.contributions.filter((c) => c.isAuthor));
      });
      nonAuthors += decoded.files.reduce((n, file) => n + file.contributions.filter((c) => !c.isAuthor).length, 0);
    }
    // The authors' figures were told apart from contributions of people who are not authors.
    expect(nonAuthors).toBeGreaterThan(0);
  });

  it('lets a decoded file take new contributions, as a computed one does', async () => {
    const decoded = decodeAnalysis(encodeAnalysis(await analyzeRepo(history().dir)));
    const file = decoded.files[0] as Analysis['files'][number];
    file.contributions = [];
    expect(file.contributions).toEqual([]);
    expect(authorFigures(file)).toEqual([]);
  });

  it('refuses what it did not write instead of returning garbage', async () => {
    const bytes = encodeAnalysis(await analyzeRepo(history().dir));
    expect(() => decodeAnalysis(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated|corrupt/);
    expect(() => decodeAnalysis(bytes.subarray(0, 2))).toThrow(/truncated/);
    // A developer number out of range in the last contribution: found when decoding, not when read.
    const broken = Buffer.from(bytes);
    const numbers = broken.length;
    const last = (() => {
      // The last contribution starts PLAIN or DECAYED numbers before the end (without or with decayed figures).
      for (const size of [PLAIN, DECAYED]) if (broken.readDoubleLE(numbers - size * 8 + HAS_DECAYED * 8) === (size === DECAYED ? 1 : 0)) return numbers - size * 8;
      throw new Error('unexpected layout');
    })();
    broken.writeDoubleLE(1e6, last);
    expect(() => decodeAnalysis(broken)).toThrow(/developer index/);
  });
});

describe('the result cache', () => {
  it('answers a second scan of the same revision on the same day without walking the history', async () => {
    const repo = history();
    const first = await scan(repo.dir);
    expect(first.walked).toBe(true);
    expect(resultFiles(repo)).toHaveLength(1);
    const second = await scan(repo.dir, { now: new Date('2025-01-01T23:00:00Z') });
    expect(second.walked).toBe(false);
    expect(second.analysis.repository.analyzedAt).toBe('2025-01-01T23:00:00.000Z');
    expect(withoutClock(second.analysis)).toBe(withoutClock(first.analysis));
    // …and equal to a scan without any cache.
    expect(withoutClock(second.analysis)).toBe(withoutClock((await scan(repo.dir, { cache: false })).analysis));
  });

  it('computes again for a new commit, another day, other settings or a changed .mailmap', async () => {
    const repo = history();
    await scan(repo.dir);
    expect((await scan(repo.dir, { now: new Date('2025-01-02T00:00:00Z') })).walked).toBe(true);
    expect((await scan(repo.dir, { model: 'classic' })).walked).toBe(true);
    expect((await scan(repo.dir, { depth: 2 })).walked).toBe(true);
    expect((await scan(repo.dir, { config: { exclude: ['lib/**'] } })).walked).toBe(true);
    expect((await scan(repo.dir, { config: { exclude: ['lib/**'] } })).walked).toBe(false);
    writeFileSync(path.join(repo.dir, '.mailmap'), 'Bob <bob@example.com> <carol@example.com>\n');
    const mapped = await scan(repo.dir);
    expect(mapped.walked).toBe(true);
    expect(mapped.analysis.developers.map((d) => d.id)).not.toContain('carol@example.com');
    repo.commit({ author: 'dan', write: { 'src/c.ts': 2 } });
    const moved = await scan(repo.dir);
    expect(moved.walked).toBe(true);
    expect(moved.analysis.files.map((f) => f.path)).toContain('src/c.ts');
  });

  it("computes again when git's config changes what it prints of the history (trailer separators)", async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'src/a.ts': 5 } },
      { author: 'ada', write: { 'src/a.ts': 2 }, message: 'change\n\nCo-authored-by= Bob <bob@example.com>' },
    ]);
    const before = await scan(repo.dir);
    expect(before.analysis.developers.map((d) => d.id)).toEqual(['ada@example.com']);
    // git now reads "Co-authored-by= Bob" as a trailer: Bob co-wrote the change.
    repo.git('config', 'trailer.separators', ':=');
    const after = await scan(repo.dir);
    expect(after.walked).toBe(true);
    expect(after.analysis.developers.map((d) => d.id)).toContain('bob@example.com');
    expect(withoutClock(after.analysis)).toBe(withoutClock((await scan(repo.dir, { cache: false })).analysis));
  });

  it('makes a result again once a blob git could not read is back (and when the list of what it lacked is gone)', async () => {
    // A rename with edits: git needs the old blob to see it, and the blob is missing.
    const repo = buildRepo([{ author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'src/a.ts': 12 } }]);
    const restore = removeObject(repo, commitEditedRename(repo, 'bob', 'src/a.ts', 'src/b.ts'));
    const first = await scan(repo.dir);
    expect(first.analysis.stats.commitsWithoutRenames).toBe(1);
    expect((await scan(repo.dir)).walked).toBe(false);
    // The list of the commits it read without renames lost: the result cannot be checked, so it is made again.
    const dir = path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.derived'))) rmSync(path.join(dir, name));
    expect((await scan(repo.dir)).walked).toBe(true);
    expect((await scan(repo.dir)).walked).toBe(false);
    // The blob back: made again, as a scan without the cache makes it, then stored so.
    restore();
    const back = await scan(repo.dir);
    expect(back.walked).toBe(true);
    expect(back.analysis.stats.commitsWithoutRenames).toBe(0);
    expect(withoutClock(back.analysis)).toBe(withoutClock((await scan(repo.dir, { cache: false })).analysis));
    expect((await scan(repo.dir)).walked).toBe(false);
  });

  it('never pairs a stored result with the list of commits another scan read without renames', async () => {
    // Two scans at once, a blob restored between them: the one that lacked it may write its list
    // last, after the other stored a result made with the blob. With that list on disk and the blob
    // lost again, the cache must answer with the result made along with the list (without the
    // rename, as --no-cache does now), not with the other scan's.
    const repo = buildRepo([{ author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'src/a.ts': 12 } }]);
    const blob = commitEditedRename(repo, 'bob', 'src/a.ts', 'src/b.ts');
    const restore = removeObject(repo, blob);
    expect((await scan(repo.dir)).analysis.stats.commitsWithoutRenames).toBe(1);
    const dir = path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1');
    const listsOfTheScanLackingIt = new Map(readdirSync(dir).filter((n) => n.endsWith('.derived')).map((n) => [n, readFileSync(path.join(dir, n))]));
    expect(listsOfTheScanLackingIt.size).toBeGreaterThan(0);
    restore();
    expect((await scan(repo.dir)).analysis.stats.commitsWithoutRenames).toBe(0);
    for (const [name, bytes] of listsOfTheScanLackingIt) writeFileSync(path.join(dir, name), bytes);
    removeObject(repo, blob);
    const cached = await scan(repo.dir);
    expect(cached.analysis.stats.commitsWithoutRenames).toBe(1);
    expect(withoutClock(cached.analysis)).toBe(withoutClock((await scan(repo.dir, { cache: false })).analysis));
  });

  it('reports a corrupt result, ignores it and stores a sound one', async () => {
    const repo = history();
    const first = await scan(repo.dir);
    const [name] = resultFiles(repo);
    const file = path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1', name as string);
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const second = await scan(repo.dir);
    expect(second.walked).toBe(true);
    // The warning is about that run and its cache, not about the repository: it goes to the
    // warning hook (stderr), and the analysis is the one a scan without any cache makes.
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toMatch(/^cached result .* is corrupt \(checksum mismatch\); ignored and rebuilt$/);
    expect(cacheProblems(second.analysis)).toEqual(second.warnings);
    expect(second.analysis.warnings).toEqual([]);
    expect(withoutClock(second.analysis)).toBe(withoutClock(first.analysis));
    const third = await scan(repo.dir);
    expect(third.walked).toBe(false);
    expect(third.warnings).toEqual([]);
    expect(cacheProblems(third.analysis)).toEqual([]);
  });

  it('reports a rebuilt history entry in that run only, and stores the (sound) result', async () => {
    const repo = history();
    const first = await scan(repo.dir);
    const dir = path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.chunk') || n.endsWith('.result'))) {
      const file = path.join(dir, name);
      if (name.endsWith('.result')) rmSync(file);
      else writeFileSync(file, readFileSync(file).subarray(0, 70));
    }
    const second = await scan(repo.dir);
    expect(second.walked).toBe(true);
    expect(second.warnings.join('\n')).toMatch(/history cache entry .* is truncated; ignored and rebuilt/);
    expect(second.analysis.warnings).toEqual([]);
    expect(withoutClock(second.analysis)).toBe(withoutClock(first.analysis));
    const third = await scan(repo.dir);
    expect(third.walked).toBe(false);
    expect(third.warnings).toEqual([]);
  });

  it("replays the repository's own warnings on a cached answer", async () => {
    const repo = history();
    const first = await scan(repo.dir, { config: { include: ['nothing/**', 'src/**'] } });
    expect(first.warnings).toEqual(['config include glob "nothing/**" matches no tracked file']);
    const second = await scan(repo.dir, { config: { include: ['nothing/**', 'src/**'] } });
    expect(second.walked).toBe(false);
    expect(second.warnings).toEqual(first.warnings);
    expect(second.analysis.warnings).toEqual(first.analysis.warnings);
  });

  it('writes nothing with --no-cache', async () => {
    const repo = history();
    await scan(repo.dir, { cache: false });
    expect(() => resultFiles(repo)).toThrow();
  });
});

describe('the generated files kept in the cache', () => {
  const GENERATED = '/* Automatically generated by gen.py, do not edit. */\nint x;\n';
  const excluded = (analysis: Analysis) => analysis.exclusions.filter((exclusion) => /^generated file/.test(exclusion.rule)).map((exclusion) => exclusion.files);
  const paths = (analysis: Analysis) => analysis.files.map((file) => file.path);

  it('leave out the files a scan without the cache does, revision after revision', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'gen.c': GENERATED, 'main.c': 'int main;\n' } }]);
    const both = async () => [await scan(repo.dir), await scan(repo.dir, { cache: false })].map(({ analysis }) => [paths(analysis), excluded(analysis)]);
    expect(await both()).toEqual([
      [['main.c'], [1]],
      [['main.c'], [1]],
    ]);
    // Written by hand from now on; a new generated file.
    repo.commit({ author: 'bob', write: { 'gen.c': 'int x; /* by hand */\n', 'tab.c': GENERATED } });
    const [cached, fresh] = await both();
    expect(cached).toEqual(fresh);
    expect(cached?.[0]).toEqual(['gen.c', 'main.c']);
  });

  // A review: the entry's key left out the git environment, and a replace ref changes the tree `git grep <sha>` reads.
  it('follow a replace ref made or removed between two scans', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'gen.c': 'int x;\n', 'main.c': 'int main;\n' } }]);
    const plain = repo.git('rev-parse', 'HEAD').trim();
    repo.commit({ author: 'ada', write: { 'gen.c': GENERATED } });
    const generated = repo.git('rev-parse', 'HEAD').trim();
    repo.git('reset', '-q', '--hard', plain);
    expect(excluded((await scan(repo.dir)).analysis)).toEqual([]);
    repo.git('replace', plain, generated);
    expect(excluded((await scan(repo.dir)).analysis)).toEqual([1]);
    repo.git('replace', '-d', plain);
    expect(excluded((await scan(repo.dir)).analysis)).toEqual([]);
  });

  // A review: a name that is not UTF-8 reads with U+FFFD in diff-tree's output and names no file as a
  // pathspec: the file, made generated by the new commit, kept no verdict.
  it('judge a changed file whose name is not UTF-8 as a scan without the cache does', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'main.c': 'int main;\n' } }]);
    const latin1 = Buffer.concat([Buffer.from(`${repo.dir}/caf`), Buffer.from([0xe9]), Buffer.from('.c')]);
    writeFileSync(latin1, 'int x;\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'a Latin-1 name');
    await scan(repo.dir);
    writeFileSync(latin1, GENERATED);
    repo.git('commit', '-q', '-a', '-m', 'now generated');
    const cached = (await scan(repo.dir)).analysis;
    const fresh = (await scan(repo.dir, { cache: false })).analysis;
    expect(excluded(fresh)).toEqual([1]);
    expect(excluded(cached)).toEqual([1]);
    expect(paths(cached)).toEqual(paths(fresh));
  });
});
