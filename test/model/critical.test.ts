import { describe, expect, it } from 'vitest';
import {
  deeperGlobs,
  globMistakes,
  nearGlobs,
  addViolations,
  createSystemMatcher,
  evaluateCriticalSystems,
  filesAtRisk,
  rankCritical,
  summarizeCritical,
  withTrackedFiles,
  type CriticalSystemSpec,
} from '../../src/model/critical.ts';
import type { Analysis, DeveloperSummary, FileOwnership } from '../../src/model/types.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

// Ownership given by hand: each file's author set, and each developer's FA + DL (the "changes"
// tie-break of METRICS.md §5) set to 1 per authored file.
function file(path: string, authors: string[]): FileOwnership {
  return {
    path,
    authors,
    contributions: authors.map((developer) => ({ developer, fa: 1 as const, dl: 0, ac: 0, doa: 4, normDoa: 1, isAuthor: true, lastChange: 0 })),
    events: authors.length,
    lastChange: 0,
  };
}

function developer(id: string, name: string): DeveloperSummary {
  return { id, name, emails: [id], names: [name], commits: 1, firstCommit: '', lastCommit: '', filesAuthored: 0 };
}

const analysis: Pick<Analysis, 'files' | 'developers'> = {
  developers: [developer('ada@x', 'Ada'), developer('bob@x', 'Bob'), developer('cy@x', 'Cy')],
  files: [
    file('src/pay/a.ts', ['ada@x']),
    file('src/pay/b.ts', ['ada@x']),
    file('src/pay/c.test.ts', ['bob@x']),
    file('src/auth/x.ts', ['ada@x', 'bob@x']),
    file('src/auth/y.ts', ['bob@x', 'ada@x']),
    file('src/legacy/old.ts', []),
    file('src/legacy/older.ts', []),
    file('src/legacy/kept.ts', ['cy@x']),
    file('.github/workflows/ci.yml', ['cy@x']),
  ],
};

const system = (name: string, paths: string[], minOwners = 2): CriticalSystemSpec => ({ name, paths, minOwners });

describe('evaluateCriticalSystems (METRICS.md §9)', () => {
  it('lists the files at risk most changed first, then by path (curl: `src/.checksrc` led the list)', () => {
    const withEvents = (f: FileOwnership, events: number): FileOwnership => ({ ...f, events });
    const busy = { files: [withEvents(file('lib/.checksrc', ['ada@x']), 1), withEvents(file('lib/url.c', ['ada@x']), 40), withEvents(file('lib/a.c', []), 2), withEvents(file('lib/z.c', []), 9), withEvents(file('lib/b.c', ['ada@x']), 1)], developers: analysis.developers };
    const [lib] = evaluateCriticalSystems(busy, [system('lib', ['lib/**'])]);
    expect(lib?.singleOwnerFiles.map((f) => f.path)).toEqual(['lib/url.c', 'lib/.checksrc', 'lib/b.c']);
    expect(lib?.orphanFiles).toEqual(['lib/z.c', 'lib/a.c']);
    expect(filesAtRisk(lib as NonNullable<typeof lib>)).toEqual(['lib/z.c', 'lib/a.c', 'lib/url.c', 'lib/.checksrc', 'lib/b.c']);
  });

  it('lists release manifests and changelogs after the code at risk (vuejs/core: a package.json of 274 version bumps led the reactivity system)', () => {
    const withEvents = (f: FileOwnership, events: number): FileOwnership => ({ ...f, events });
    const files = [withEvents(file('pkg/package.json', ['ada@x']), 283), withEvents(file('pkg/CHANGELOG.md', ['ada@x']), 90), withEvents(file('pkg/src/ref.ts', ['ada@x']), 40), withEvents(file('pkg/src/effect.ts', ['ada@x']), 60)];
    const [pkg] = evaluateCriticalSystems({ files, developers: analysis.developers }, [system('pkg', ['pkg/**'])]);
    expect(pkg?.singleOwnerFiles.map((f) => f.path)).toEqual(['pkg/src/effect.ts', 'pkg/src/ref.ts', 'pkg/package.json', 'pkg/CHANGELOG.md']);
  });

  it('a system known by one person: bus factor 1 < minOwners 2 is a violation, its owner and single-owner files named', () => {
    const [payments] = evaluateCriticalSystems(analysis, [system('payments', ['src/pay/**', '!**/*.test.ts'])]);
    expect(payments).toMatchObject({
      index: 0,
      status: 'violation',
      files: ['src/pay/a.ts', 'src/pay/b.ts'],
      busFactor: 1,
      coverage: 0,
      owners: [{ id: 'ada@x', name: 'Ada', files: 2, share: 1 }],
      singleOwnerFiles: [
        { path: 'src/pay/a.ts', owner: { id: 'ada@x', name: 'Ada' } },
        { path: 'src/pay/b.ts', owner: { id: 'ada@x', name: 'Ada' } },
      ],
      orphanFiles: [],
      error: undefined,
    });
    // `held`: what the owners author, for the reports that name them with their marks ("sole owner: Ada, who authors 2 of its 2 files").
    expect(payments?.violations).toEqual([{ rule: 'minOwners', required: 2, actual: 1, message: 'bus factor 1 (needs 2): Ada authors 2 of its 2 files', held: 2 }]);
  });

  it('a system that two people both author: bus factor 2 holds minOwners 2', () => {
    // Both files authored by Ada and Bob: removing Ada leaves coverage 1 (≥ 0.5), removing Bob
    // leaves 0 → truck factor 2. Ada first: same files (2) and changes (2), name "Ada" < "Bob".
    const [auth] = evaluateCriticalSystems(analysis, [system('auth', ['src/auth'])]);
    expect(auth).toMatchObject({ status: 'ok', busFactor: 2, violations: [], singleOwnerFiles: [] });
    expect(auth?.owners.map((o) => o.name)).toEqual(['Ada', 'Bob']);
  });

  it('bus factor 0 when fewer than half the files have an author; orphans are listed', () => {
    // legacy: 3 files, 1 authored (1/3 < 0.5) → truck factor 0 before any removal.
    const [legacy] = evaluateCriticalSystems(analysis, [system('legacy', ['src/legacy/**'], 1)]);
    expect(legacy).toMatchObject({ status: 'violation', busFactor: 0, owners: [], orphanFiles: ['src/legacy/old.ts', 'src/legacy/older.ts'] });
    expect(legacy?.authors.map((a) => a.name)).toEqual(['Cy']);
    expect(legacy?.violations[0]?.message).toBe('bus factor 0 (needs 1): fewer than half of its 3 files have an author');
    expect(filesAtRisk(legacy!)).toEqual(['src/legacy/old.ts', 'src/legacy/older.ts', 'src/legacy/kept.ts']);
  });

  it('says "its only file has no author" for a system of one file with bus factor 0', () => {
    // psf/requests: "fewer than half of its 1 file have an author" (a tester).
    const [one] = evaluateCriticalSystems(analysis, [system('one', ['src/legacy/old.ts'], 1)]);
    expect(one?.violations[0]?.message).toBe('bus factor 0 (needs 1): its only file has no author');
  });

  it('globs that match no analysed file are a configuration error, never a pass', () => {
    const [deploy, partly] = evaluateCriticalSystems(analysis, [system('deploy', ['deploy/**', 'ops/*.sh']), system('ci', ['.github/workflows/**', 'ci/**'], 1)]);
    expect(deploy).toMatchObject({ status: 'error', files: [], error: 'no analysed file matches "deploy/**", "ops/*.sh"', unmatchedPatterns: ['deploy/**', 'ops/*.sh'] });
    // One dead glob among live ones is reported, and the system is still checked (dot folders included).
    expect(partly).toMatchObject({ status: 'ok', files: ['.github/workflows/ci.yml'], unmatchedPatterns: ['ci/**'], unmatchedHints: [''] });
  });

  // A dead glob beside live ones had no "did you mean" (only a system matching nothing got one).
  it('says what a dead glob beside live ones most likely meant', () => {
    const [auth] = evaluateCriticalSystems(analysis, [system('auth', ['src/auth/**', 'src/pay/*.go', 'src/legasy/**', 'src/*', 'src/{pay,auth}'])]);
    // Never a glob the system already has: "src/auht/**" beside "src/auth/**" gets no "did you mean".
    const [twice] = evaluateCriticalSystems(analysis, [system('auth', ['src/auth/**', 'src/auht/**'])]);
    expect(twice?.unmatchedHints).toEqual(['']);
    expect(auth?.unmatchedPatterns).toEqual(['src/pay/*.go', 'src/legasy/**', 'src/*', 'src/{pay,auth}']);
    expect(auth?.unmatchedHints).toEqual([
      '',
      '; did you mean "src/legacy/**"?',
      '; "src/*" matches files directly in its folder only: * stops at /, so its subfolders need "src/**"',
      '; did you mean "src/{pay,auth}/**"?',
    ]);
  });

  it('authorsOf swaps the author sets: Bob leaving turns auth into a one-owner system (departures reuse this)', () => {
    const withoutBob = (f: FileOwnership) => f.authors.filter((id) => id !== 'bob@x');
    const [auth] = evaluateCriticalSystems(analysis, [system('auth', ['src/auth/**'])], { authorsOf: withoutBob });
    expect(auth).toMatchObject({ status: 'violation', busFactor: 1, owners: [{ name: 'Ada' }] });
    expect(auth?.singleOwnerFiles.map((f) => f.path)).toEqual(['src/auth/x.ts', 'src/auth/y.ts']);
  });

  it('addViolations layers extra rules and updates the status', () => {
    const [auth] = evaluateCriticalSystems(analysis, [system('auth', ['src/auth/**'])]);
    const after = addViolations(auth!, [{ rule: 'maxKnowledgeLoss', required: 0.2, actual: 0.5, message: 'departures orphan 50% of its files' }]);
    expect(after.status).toBe('violation');
    expect(auth!.status).toBe('ok');
  });

  it('summarizes, and ranks violations first, then errors, lowest bus factor first', () => {
    const results = evaluateCriticalSystems(analysis, [system('auth', ['src/auth/**']), system('deploy', ['deploy/**']), system('payments', ['src/pay/**']), system('legacy', ['src/legacy/**'])]);
    expect(summarizeCritical(results)).toEqual({ systems: 4, ok: 1, violations: 2, errors: 1 });
    expect(rankCritical(results).map((r) => r.name)).toEqual(['legacy', 'payments', 'deploy', 'auth']);
  });
});

describe('createSystemMatcher', () => {
  it.each([
    [['src/pay/**'], 'src/pay/a/b.ts', true],
    [['src/pay'], 'src/pay/a/b.ts', true],
    [['src/pay/'], 'src/pay/a.ts', true],
    [['./src/pay'], 'src/pay/a.ts', true],
    [['src/pay'], 'src/payments/a.ts', false],
    [['src/*'], 'src/a.ts', true],
    [['src/*'], 'src/pay/a.ts', false],
    [['**/*.sql'], 'db/migrations/1.sql', true],
    [['*.sql'], 'db/1.sql', false],
    [['src/**', '!src/**/*.test.ts'], 'src/a.test.ts', false],
    [['src/**', '!src/vendor'], 'src/vendor/x.ts', false],
    [['.github/**'], '.github/workflows/ci.yml', true],
  ])('%j matches %s: %s', (globs, path, expected) => {
    expect(createSystemMatcher(globs)(path)).toBe(expected);
  });
});

describe('on a real history', () => {
  it('a single-owner critical path fails and a two-owner one passes', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/pay/a.ts': 5, 'src/pay/b.ts': 5, 'src/auth/x.ts': 5 } },
      { author: 'bob', write: { 'src/auth/x.ts': 5 } },
      { author: 'bob', write: { 'src/auth/x.ts': 5 } },
    ]);
    const result = await analyzeRepo(repo.dir);
    const [payments, auth] = evaluateCriticalSystems(result, [system('payments', ['src/pay/**']), system('auth', ['src/auth/**'])]);
    expect(payments).toMatchObject({ status: 'violation', busFactor: 1, owners: [{ id: 'ada@example.com', name: 'Ada' }] });
    // x.ts: Ada FA=1, AC=2 → DOA 3.293+1.098−0.321·ln 3 = 4.0383; Bob DL=2 → 3.621, norm 0.897 > 0.75: both authors.
    expect(auth).toMatchObject({ status: 'ok', busFactor: 2 });
  });
});

describe('globMistakes', () => {
  it('says what a glob that matches nothing most likely meant (a CI test: `crates/*` for every crate, Windows separators)', () => {
    expect(globMistakes(['crates/*'])).toBe('; "crates/*" matches files directly in its folder only: * stops at /, so its subfolders need "crates/**"');
    expect(globMistakes(['src\\resolver\\**'])).toBe('; "src\\resolver\\**" uses \\ where a path has / ("src/resolver/**")');
    // An escape is meant (`\*` is a literal star); a negation and a good glob say nothing.
    expect(globMistakes(['docs/\\*.md', '!crates/*', 'src/**'])).toBe('');
  });
});

describe('deeperGlobs', () => {
  // ohmyzsh, a CI maintainer: `plugins/*.zsh` got only the generic `**/` hint, while its plugins'
  // files are one folder down (plugins/git/git.plugin.zsh).
  const paths = ['plugins/git/git.plugin.zsh', 'plugins/git/README.md', 'plugins/docker/docker.plugin.zsh', 'packages/a/b/src/index.ts', 'lib/x.zsh'];
  it('offers the glob with `**` where a `*` stopped at a folder, when that matches, with how many files', () => {
    expect(deeperGlobs(['plugins/*.zsh'], paths)).toBe('; * stops at /: did you mean "plugins/**/*.zsh" (2 analysed files)?');
    expect(deeperGlobs(['packages/*/src/index.ts'], paths)).toBe('; * stops at /: did you mean "packages/**/src/index.ts" (1 analysed file)?');
    expect(deeperGlobs(['./*.md'], paths, 'tracked')).toBe('; * stops at /: did you mean "**/*.md" (1 tracked file)?');
    expect(deeperGlobs(['plugins/*/*.md'], paths)).toBe('');
  });

  it('says nothing when no deeper form matches, for an escaped star, a negation, or what globMistakes already says', () => {
    expect(deeperGlobs(['plugins/*.py', 'plugins/\\*.zsh', '!plugins/*.zsh', 'plugins/*'], paths)).toBe('');
  });

  it('is part of the error of a system none of whose globs match, and of the hint of a dead glob beside live ones', () => {
    const zsh = { developers: analysis.developers, files: paths.map((path) => file(path, ['ada@x'])) };
    const [dead, partly] = evaluateCriticalSystems(zsh, [system('plugins', ['plugins/*.zsh']), system('lib', ['lib/*.zsh', 'plugins/*.zsh'])]);
    expect(dead?.error).toBe('no analysed file matches "plugins/*.zsh"; * stops at /: did you mean "plugins/**/*.zsh" (2 analysed files)?');
    expect(partly?.unmatchedHints).toEqual(['; * stops at /: did you mean "plugins/**/*.zsh" (2 analysed files)?']);
  });
});

describe('nearGlobs', () => {
  // pytest: `src/_pytest/assertion/rewrit.py` matched nothing and got no "did you mean" (a tester).
  it('names the analysed path or folder closest to the part before the first wildcard', () => {
    const paths = ['src/_pytest/assertion/rewrite.py', 'src/_pytest/fixtures.py', 'src/payments/pay.ts', 'README.md'];
    expect(nearGlobs(['src/_pytest/assertion/rewrit.py'], paths)).toBe('; did you mean "src/_pytest/assertion/rewrite.py"?');
    expect(nearGlobs(['/src/payment/**', '!src/payment/legacy/**'], paths)).toBe('; did you mean "src/payments/**"?');
    // A folder that is there (the glob below it is what failed), a glob from the root, nothing close: nothing.
    expect(nearGlobs(['src/payments/*.go', '**/*.rs', 'lib/zzz/**'], paths)).toBe('');
    // Globs that name folders: their files are under `/**` (vuejs/core's `packages/compiler-*`, a tester).
    const packages = ['packages/compiler-core/src/parse.ts', 'packages/compiler-dom/index.ts', 'packages/shared/src/a.ts'];
    expect(nearGlobs(['packages/compiler-*'], packages)).toBe('; did you mean "packages/compiler-*/**"?');
    expect(nearGlobs(['packages/compiler-{core,dom}/'], packages)).toBe('; did you mean "packages/compiler-{core,dom}/**"?');
    expect(nearGlobs(['packages/*'], packages)).toBe('');
  });

  // tokio, a tester: `did you mean "tokio/src/**", "tokio/src/**"?` for `tokio/src/io/**`, `tokio/src/net/**`.
  it('names a suggestion once when two globs point at it', () => {
    expect(nearGlobs(['tokio/src/io/**', 'tokio/src/net/**'], ['tokio/src/lib.rs', 'tokio/src/time/sleep.rs'])).toBe('; did you mean "tokio/src/**"?');
  });
});

describe('withTrackedFiles', () => {
  // tokio, a tester: in a shallow clone, `tokio/src/time/**` (7 tracked files, none fetched) was a
  // configuration error, told `did you mean "tokio/src/io/**"?`.
  it('does not judge a system whose globs match tracked files only, gives them no "did you mean", and keeps one matching nothing tracked an error', () => {
    const shallow = { developers: [developer('ada@x', 'Ada')], files: [file('src/io/a.rs', ['ada@x'])] };
    const tracked = ['src/io/a.rs', 'src/time/sleep.rs', 'src/time/mod.rs'];
    const [time, io, typo, mixed] = withTrackedFiles(
      evaluateCriticalSystems(shallow, [system('time', ['src/time/**']), system('io', ['src/io/**', 'src/time/mod.rs'], 1), system('typo', ['src/tiem/**']), system('mixed', ['src/time/**', 'src/tiem/**'])]),
      tracked,
    );
    expect(time).toMatchObject({ status: 'error', unfetchedFiles: 2, error: 'not judged: none of its 2 files changed in the fetched history' });
    expect(io).toMatchObject({ status: 'ok', unmatchedHints: ['; it matches 1 file tracked at the revision, none changed in the fetched history'] });
    expect(typo).toMatchObject({ status: 'error', error: 'no analysable file tracked at the revision matches "src/tiem/**"; did you mean "src/time/**"?' });
    expect(typo?.unfetchedFiles).toBeUndefined();
    expect(mixed?.error).toBe('not judged: none of its 2 files changed in the fetched history; "src/tiem/**" matches no analysable tracked file; did you mean "src/time/**"?');
  });
});
