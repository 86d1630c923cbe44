import { describe, expect, it } from 'vitest';
import { chainedFolders } from '../../src/model/module-chains.ts';
import { assignModules, chooseModuleDepth, dominantModule, folderAtDepth, isSupportingModule, testLibraries } from '../../src/model/modules.ts';
import { detectWorkspaces } from '../../src/workspaces.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

// METRICS.md §6 (extension): a module is a folder at a depth, or a workspace package.

const modulesOf = (files: string[], depth: number, workspaces: string[] = []) =>
  Object.fromEntries([...assignModules(files, depth, workspaces)].map(([path, m]) => [path, [m.kind, m.files]]));

describe('a folder that holds packages', () => {
  // ripgrep: crates/* are Cargo packages but crates/core, the binary's source; "crates: 30 files"
  // read as all of crates/ (a tester).
  it('is named by the one subfolder that holds the rest of its files', () => {
    const files = ['crates/core/main.rs', 'crates/core/flags/mod.rs', 'crates/cli/src/lib.rs', 'crates/cli/Cargo.toml', 'README.md'];
    expect(modulesOf(files, 1, ['crates/cli'])).toEqual({
      'crates/core': ['folder', ['crates/core/main.rs', 'crates/core/flags/mod.rs']],
      'crates/cli': ['workspace', ['crates/cli/src/lib.rs', 'crates/cli/Cargo.toml']],
      '.': ['folder', ['README.md']],
    });
    // Files of its own, or in two subfolders: the folder's name stays.
    expect(Object.keys(modulesOf([...files, 'crates/README.md'], 1, ['crates/cli'])).sort()).toEqual(['.', 'crates', 'crates/cli']);
    expect(Object.keys(modulesOf([...files, 'crates/xtask/main.rs'], 1, ['crates/cli'])).sort()).toEqual(['.', 'crates', 'crates/cli']);
    // No package inside: as cut (a folder that holds one subfolder is followed, or not, by the depth).
    expect(Object.keys(modulesOf(['docs/en/a.md', 'docs/en/b.md', 'src/x.ts'], 1))).toEqual(['docs', 'src']);
  });
});

describe('folders at a depth', () => {
  it('cuts a file’s folder to the depth; top-level files are the "." module', () => {
    expect(folderAtDepth('README.md', 1)).toBe('.');
    expect(folderAtDepth('src/a/b/c.ts', 1)).toBe('src');
    expect(folderAtDepth('src/a/b/c.ts', 2)).toBe('src/a');
    expect(folderAtDepth('src/c.ts', 3)).toBe('src');
  });

  it('chooses the shallowest depth that shows 5 to 30 modules', () => {
    // depth 1: a, b, c → 3 modules; depth 2: a/1, a/2, b/1, b/2, c → 5 modules.
    expect(chooseModuleDepth(['a/1/x.ts', 'a/2/x.ts', 'b/1/x.ts', 'b/2/x.ts', 'c/x.ts'])).toBe(2);
    // 6 top-level folders: depth 1 already shows 5–30.
    expect(chooseModuleDepth(['a/x', 'b/x', 'c/x', 'd/x', 'e/x', 'f/x'].map((p) => `${p}/y.ts`))).toBe(1);
  });

  it('does not go past 30 modules, and falls back to the depth with the most modules', () => {
    // depth 1: 2 modules; depth 2: 31 modules (too many) → the best depth up to 30 is depth 1.
    const wide = Array.from({ length: 30 }, (_, i) => `a/m${i}/x.ts`).concat(['b/n/x.ts']);
    expect(chooseModuleDepth(wide)).toBe(1);
    // fewer than 5 at every depth: 1 → a, . (2); 2 → a/b, . (2); 3 → a/b/c, a/b, . (3); 4 → 3 again
    // → the shallowest depth with the most modules, 3
    expect(chooseModuleDepth(['a/b/c/d/e/x.ts', 'a/b/y.ts', 'z.ts'])).toBe(3);
    // 31 top-level folders → depth 1 even so
    expect(chooseModuleDepth(Array.from({ length: 31 }, (_, i) => `m${i}/x.ts`))).toBe(1);
  });

  it('assigns each file to the deepest workspace package holding it, else to its folder', () => {
    expect(modulesOf(['packages/ui/a.ts', 'packages/ui/plugins/chart/b.ts', 'packages/uikit/c.ts', 'tools/t/x.ts', 'README.md'], 1, ['packages/ui', 'packages/ui/plugins/chart/'])).toEqual({
      'packages/ui': ['workspace', ['packages/ui/a.ts']],
      'packages/ui/plugins/chart': ['workspace', ['packages/ui/plugins/chart/b.ts']],
      // The rest of packages/ is one folder: named by it (namedByWhatIsLeft).
      'packages/uikit': ['folder', ['packages/uikit/c.ts']],
      tools: ['folder', ['tools/t/x.ts']],
      '.': ['folder', ['README.md']],
    });
  });
});

describe('the automatic depth follows folders that hold nothing but one subfolder', () => {
  const files = (folder: string, count: number) => Array.from({ length: count }, (_, i) => `${folder}/f${i}.php`);
  // laravel: src/ holds nothing but src/Illuminate, which holds the components.
  const laravel = [...files('src/Illuminate/Auth', 6), ...files('src/Illuminate/View', 5), ...files('src/Illuminate/Mail', 5), 'src/Illuminate/helpers.php', ...files('tests/Auth', 9), 'composer.json'];

  it('counts the folders where such a chain branches in the place of its first folder (laravel: one module `src` held 58% of the files)', () => {
    const chained = chainedFolders(laravel);
    expect(chained.folderOf('src/Illuminate/Auth/Access/Gate.php', 1)).toBe('src/Illuminate/Auth');
    // Files where the chain branches are a module of their own; other folders count as before.
    expect(chained.folderOf('src/Illuminate/helpers.php', 1)).toBe('src/Illuminate');
    expect(chained.folderOf('tests/Auth/f0.php', 1)).toBe('tests');
    expect(chained.folderOf('composer.json', 1)).toBe('.');
    expect(chained.folderOf('src/Illuminate/Auth/Access/Gate.php', 2)).toBe('src/Illuminate/Auth/Access');
    expect(chained.chains(1)).toEqual([{ from: 'src', to: 'src/Illuminate' }]);
    expect(chooseModuleDepth(laravel, chained.folderOf)).toBe(1);
    expect(Object.keys(Object.fromEntries(assignModules(laravel, 1, [], chained.folderOf))).sort()).toEqual(['.', 'src/Illuminate', 'src/Illuminate/Auth', 'src/Illuminate/Mail', 'src/Illuminate/View', 'tests']);
    // Without the chain: one module src, and depth 1 shows 3 modules.
    expect(folderAtDepth('src/Illuminate/Auth/Access/Gate.php', 1)).toBe('src');
  });

  it('follows a chain at any level, and from the root (Java: src/main/java/com/acme)', () => {
    const java = [...files('src/main/java/com/acme/billing', 5), ...files('src/main/java/com/acme/users', 5), ...files('src/test/java/com/acme/users', 5), 'pom.xml'];
    const chained = chainedFolders(java);
    expect(chained.folderOf('src/main/java/com/acme/users/f0.php', 1)).toBe('src');
    expect(chained.folderOf('src/main/java/com/acme/users/f0.php', 2)).toBe('src/main/java/com/acme/users');
    // The tests' chain is not followed (below).
    expect(chained.folderOf('src/test/java/com/acme/users/f0.php', 2)).toBe('src/test');
    expect(chained.chains(1)).toEqual([]);
    expect(chained.chains(2)).toEqual([{ from: 'src/main', to: 'src/main/java/com/acme' }]);
    // depth 1: src, . (2); depth 2: billing, users, src/test, . (4, the most up to depth 4)
    expect(chooseModuleDepth(java, chained.folderOf)).toBe(2);
    const root = chainedFolders([...files('project/a', 5), ...files('project/b', 5)]);
    expect(root.folderOf('project/a/f0.php', 1)).toBe('project/a');
    expect(root.chains(1)).toEqual([{ from: '.', to: 'project' }]);
  });

  it('does not follow a chain into tests or docs, into small folders, or that never branches (curl: include/curl)', () => {
    const paths = [...files('documentation/docs/intro', 6), ...files('documentation/docs/runes', 6), ...files('.claude/skills/fmt', 1), ...files('.claude/skills/lint', 1), ...files('include/curl', 6), ...files('lib', 6)];
    const chained = chainedFolders(paths);
    expect([...new Set(paths.map((path) => chained.folderOf(path, 1)))]).toEqual(['documentation', '.claude', 'include', 'lib']);
    expect(chained.chains(1)).toEqual([]);
  });

  it('cuts the files of a workspace package at the depth as before (their module is the package)', () => {
    const chained = chainedFolders([...files('packages/svelte/src', 5), ...files('packages/svelte/tests', 5), ...files('src/Illuminate/Auth', 5), ...files('src/Illuminate/View', 5)], ['packages/svelte']);
    expect(chained.folderOf('packages/svelte/src/f0.php', 1)).toBe('packages');
    expect(chained.folderOf('src/Illuminate/View/f0.php', 1)).toBe('src/Illuminate/View');
    expect(chained.chains(1)).toEqual([{ from: 'src', to: 'src/Illuminate' }]);
  });
});

describe('workspace detection', () => {
  const tracked = ['package.json', 'packages/a/package.json', 'packages/b/package.json', 'packages/b/plugins/p/package.json', 'apps/web/package.json', 'apps/legacy/package.json', 'crates/x/Cargo.toml', 'svc/go.mod', 'loose/package.json'];

  it('reads package.json workspaces (array or {packages}) with negations', () => {
    expect(detectWorkspaces({ packageJson: JSON.stringify({ workspaces: ['packages/*', 'packages/*/plugins/*'] }) }, tracked)).toEqual(['packages/a', 'packages/b', 'packages/b/plugins/p']);
    expect(detectWorkspaces({ packageJson: JSON.stringify({ workspaces: { packages: ['apps/*', '!apps/legacy'] } }) }, tracked)).toEqual(['apps/web']);
  });

  it('reads pnpm-workspace.yaml, Cargo workspaces and go.work', () => {
    expect(detectWorkspaces({ pnpmWorkspace: "packages:\n  - 'apps/**'\n  - '!apps/legacy'\n" }, tracked)).toEqual(['apps/web']);
    expect(detectWorkspaces({ cargoToml: '[workspace]\nmembers = ["crates/*"]\n' }, tracked)).toEqual(['crates/x']);
    expect(detectWorkspaces({ goWork: 'go 1.22\n\nuse (\n\t./svc\n)\n' }, tracked)).toEqual(['svc']);
    // A quoted path and a comment inside the block (power-user test: "./lib" was not detected).
    expect(detectWorkspaces({ goWork: 'go 1.22\n\nuse (\n\t./svc // the service\n\t"./lib"\n)\n' }, [...tracked, 'lib/go.mod', 'lib/x.go'])).toEqual(['lib', 'svc']);
    // pnpm reads only pnpm-workspace.yaml: package.json's workspaces beside it change nothing.
    const node = ['packages/a/package.json', 'packages/skip/package.json'];
    expect(detectWorkspaces({ pnpmWorkspace: 'packages:\n  - "packages/**"\n', packageJson: '{"workspaces": ["packages/*", "!packages/skip"]}' }, node)).toEqual(['packages/a', 'packages/skip']);
  });

  it('reads a Cargo [workspace] table whatever the order of its keys, multi-line, with exclude', () => {
    const cargo = [
      '[package]',
      'name = "root"',
      '',
      '[workspace] # the crates',
      'exclude = ["crates/old"]',
      'resolver = "2"',
      'members = [',
      '  "crates/*",',
      "  'tools/cli',",
      ']',
      '',
      '[workspace.dependencies]',
      'members = ["ignored/*"]',
    ].join('\n');
    const cargoTracked = ['crates/a/Cargo.toml', 'crates/old/Cargo.toml', 'tools/cli/Cargo.toml', 'ignored/x/Cargo.toml'];
    expect(detectWorkspaces({ cargoToml: cargo }, cargoTracked)).toEqual(['crates/a', 'tools/cli']);
    expect(detectWorkspaces({ cargoToml: '[package]\nname = "solo"\n' }, cargoTracked)).toEqual([]);
  });

  it('ignores broken manifests and folders without a package manifest', () => {
    expect(detectWorkspaces({ packageJson: '{ not json', pnpmWorkspace: ': : :' }, tracked)).toEqual([]);
    expect(detectWorkspaces({ packageJson: JSON.stringify({ workspaces: ['nothing/*'] }) }, tracked)).toEqual([]);
  });
});

describe('modules on fixture repositories', { tags: ['slow'] }, () => {
  const history: FixtureCommit[] = [
    {
      author: 'ada',
      write: {
        'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*', 'packages/ui/plugins/*'] }),
        'packages/core/package.json': '{"name":"core"}\n',
        'packages/core/a.ts': 5,
        'packages/core/b.ts': 5,
      },
    },
    { author: 'bob', write: { 'packages/core/a.ts': 5, 'packages/ui/package.json': '{"name":"ui"}\n', 'packages/ui/c.ts': 5 } },
    { author: 'carl', write: { 'packages/ui/plugins/chart/package.json': '{"name":"chart"}\n', 'packages/ui/plugins/chart/x.ts': 5 } },
    { author: { name: 'dependabot[bot]', email: 'dependabot[bot]@users.noreply.github.com' }, write: { 'tools/gen.ts': 5 } },
    { author: 'bob', write: { 'tools/gen.ts': 5 } },
    { author: 'carl', write: { 'tools/gen.ts': 5 } },
  ];

  it('takes modules.roots as folders however written, and warns about one that is no folder (power-user test: dropped silently)', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir, { depth: 1, config: { modules: { roots: ['./tools/', '/tools', 'nope', 'tools/*'] } } });
    expect(analysis.modules.find((m) => m.path === 'tools')?.kind).toBe('root');
    expect(analysis.warnings.filter((w) => w.startsWith('config modules.roots'))).toEqual([
      'config modules.roots entry "nope" is no folder of the repository (a root is a folder path from the repository root, without wildcards)',
      'config modules.roots entry "tools/*" is no folder of the repository (a root is a folder path from the repository root, without wildcards)',
    ]);
  });

  it('uses workspace packages (the nested one wins) and folders, with truck factor, owners and single-owner files', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir, { depth: 1 });
    expect(analysis.settings.moduleDepth).toBe(1);
    expect(analysis.modules.map((m) => [m.path, m.kind, m.files])).toEqual([
      ['.', 'folder', 1],
      ['packages/core', 'workspace', 3],
      ['packages/ui', 'workspace', 2],
      ['packages/ui/plugins/chart', 'workspace', 2],
      ['tools', 'folder', 1],
    ]);
    const core = analysis.modules.find((m) => m.path === 'packages/core');
    // a.ts: ada A, bob M → ada FA=1 AC=1 (4.1685), bob DL=1 (3.457, normDOA 0.829315): both authors.
    // b.ts and package.json: ada alone. Owners: ada 3/3, bob 1/3.
    // TF: 3/3 → remove ada → only a.ts keeps an author (bob): 1/3 < 0.5 → TF 1.
    expect(core?.owners).toEqual([
      { id: 'ada@example.com', files: 3, share: 1 },
      { id: 'bob@example.com', files: 1, share: 1 / 3 },
    ]);
    expect(core?.singleOwnerFiles).toEqual(['packages/core/b.ts', 'packages/core/package.json']);
    expect(core?.truckFactor).toEqual({ value: 1, coverage: 1 / 3, developers: [{ id: 'ada@example.com', files: 3, share: 1 }] });
    // tools/gen.ts: the bot's add is no event; bob and carl DL=1 AC=1 → 3.2345 each (normDOA 1) but
    // below 3.293 and neither created it → no author: an orphaned module, truck factor 0.
    const tools = analysis.modules.find((m) => m.path === 'tools');
    expect(tools?.truckFactor).toEqual({ value: 0, coverage: 0, developers: [] });
    expect(tools?.orphanFiles).toEqual(['tools/gen.ts']);
  });

  it('chooses the module depth itself, and --depth overrides it', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a/1/x.ts': 3, 'a/2/x.ts': 3, 'b/1/x.ts': 3, 'b/2/x.ts': 3, 'c/x.ts': 3 } },
    ]);
    // depth 1: a, b, c (3 modules); depth 2: a/1, a/2, b/1, b/2, c (5) → 2
    const auto = await analyzeRepo(repo.dir);
    expect(auto.settings.moduleDepth).toBe(2);
    expect(auto.modules.map((m) => m.path)).toEqual(['a/1', 'a/2', 'b/1', 'b/2', 'c']);
    const one = await analyzeRepo(repo.dir, { depth: 1 });
    expect(one.modules.map((m) => [m.path, m.files])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
    const configured = await analyzeRepo(repo.dir, { config: { modules: { depth: 1 } } });
    expect(configured.settings.moduleDepth).toBe(1);
  });

  // Regression (laravel, a tester's report): its code is src/Illuminate/<component>, and src holds
  // nothing else, so the automatic depth 1 made one module `src` of 58% of the files (truck factor 4)
  // where a dozen components have truck factor 1.
  it('splits a folder that holds nothing but one subfolder at the automatic depth, not at a depth given', async () => {
    const component = (name: string, author: string): FixtureCommit => ({ author, write: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`src/Illuminate/${name}/F${i}.php`, 3])) });
    const repo = buildRepo([component('Auth', 'ada'), component('View', 'bob'), component('Mail', 'ada'), { author: 'bob', write: { 'tests/AuthTest.php': 3, 'composer.json': 3 } }]);
    const auto = await analyzeRepo(repo.dir);
    expect(auto.settings.moduleDepth).toBe(1);
    expect(auto.settings.moduleChains).toEqual([{ from: 'src', to: 'src/Illuminate' }]);
    expect(auto.modules.map((m) => [m.path, m.kind, m.files, m.truckFactor.value])).toEqual([
      ['.', 'folder', 1, 1],
      ['src/Illuminate/Auth', 'folder', 5, 1],
      ['src/Illuminate/Mail', 'folder', 5, 1],
      ['src/Illuminate/View', 'folder', 5, 1],
      ['tests', 'folder', 1, 1],
    ]);
    for (const given of [await analyzeRepo(repo.dir, { depth: 1 }), await analyzeRepo(repo.dir, { config: { modules: { depth: 1 } } })]) {
      expect(given.settings.moduleChains).toEqual([]);
      expect(given.modules.map((m) => [m.path, m.files])).toEqual([
        ['.', 1],
        ['src', 15],
        ['tests', 1],
      ]);
    }
  });

  it('detects pnpm-workspace.yaml packages, unless workspaces are turned off', async () => {
    const repo = buildRepo([
      {
        author: 'ada',
        write: { 'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n", 'apps/web/package.json': '{}\n', 'apps/web/main.ts': 3, 'apps/docs/readme.md': 3 },
      },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    // apps/docs is no package: the rest of apps/, named by its folder.
    expect(analysis.modules.map((m) => [m.path, m.kind])).toEqual([
      ['.', 'folder'],
      ['apps/docs', 'folder'],
      ['apps/web', 'workspace'],
    ]);
    const off = await analyzeRepo(repo.dir, { depth: 1, config: { modules: { workspaces: false } } });
    expect(off.modules.map((m) => [m.path, m.kind])).toEqual([
      ['.', 'folder'],
      ['apps', 'folder'],
    ]);
  });
});

describe('dominantModule', () => {
  const files = (folder: string, count: number) => Array.from({ length: count }, (_, i) => `${folder}/f${i}.ts`);
  it('names a module that holds most files, with its largest folders, to split (svelte: packages/svelte held 8,873 of 9,073)', () => {
    const paths = [...files('packages/svelte/tests/samples', 600), ...files('packages/svelte/src/compiler', 150), ...files('packages/svelte/src/internal', 40), ...files('packages/svelte/messages', 30), ...files('packages/kit', 20)];
    const modules = [
      { path: 'packages/svelte', files: 820 },
      { path: 'packages/kit', files: 20 },
    ];
    // Its own tests/ counts with the tests (svelte: 8411 of the "8873 files outside tests" were), and
    // comes last among the roots, not as its largest folder (a review).
    expect(dominantModule(modules, paths)).toEqual({
      path: 'packages/svelte',
      files: 220,
      codeFiles: 240,
      subfolders: [
        { path: 'packages/svelte/src', files: 190 },
        { path: 'packages/svelte/messages', files: 30 },
      ],
      branches: ['packages/svelte/src', 'packages/svelte/messages', 'packages/svelte/tests'],
      ownFiles: 0,
      branchesAt: 'packages/svelte',
      folders: 3,
    });
    // One folder of code beside its tests: nothing to split.
    expect(dominantModule([{ path: 'pkg', files: 790 }], [...files('pkg/tests/samples', 600), ...files('pkg/src', 190)])).toBeUndefined();
    // Under half the files, or small, or the tests themselves (git/git's `t`, curl's `tests`): nothing.
    expect(dominantModule([...modules, { path: 'other', files: 800 }], [...paths, ...files('other', 800)])).toBeUndefined();
    expect(dominantModule([{ path: 'lib', files: 60 }], [...files('lib/a', 30), ...files('lib/b', 30)])).toBeUndefined();
    // Half of the code is enough, the tests aside (undici: lib held 113 of the 208 files outside its
    // 484 test files, and its single-owner parts never showed: a tester).
    const undici = [...files('lib/web', 60), ...files('lib/api', 53), ...files('types', 95), ...files('test', 484)];
    expect(dominantModule([{ path: 'lib', files: 113, kind: 'folder' }, { path: 'types', files: 95 }, { path: 'test', files: 484 }], undici)).toMatchObject({ path: 'lib', files: 113, codeFiles: 208, branches: ['lib/web', 'lib/api'] });
    // One folder worth a module and a tiny one: nothing to split (okhttp: okhttp/src 340, okhttp/api 2).
    const okhttp = [...files('okhttp/src', 340), ...files('okhttp/api', 2), ...files('okhttp', 3), ...files('mockwebserver', 100)];
    expect(dominantModule([{ path: 'okhttp', files: 345, kind: 'folder' }, { path: 'mockwebserver', files: 100 }], okhttp)).toBeUndefined();
    expect(dominantModule([{ path: 't', files: 790 }], paths.map((p) => p.replace('packages/svelte', 't')))).toBeUndefined();
    expect(isSupportingModule('t')).toBe(true);
    expect(isSupportingModule('src/tools')).toBe(false);
    // svelte's benchmarking topped its riskiest modules, and documentation ranked as code (a tester).
    expect(isSupportingModule('benchmarking')).toBe(true);
    expect(isSupportingModule('documentation')).toBe(true);
    expect(isSupportingModule('documentations-server')).toBe(false);
    // Editors' settings: spring-boot's handoff put `.idea` first of its areas (an engineering manager).
    for (const folder of ['.idea', '.vscode', '.idea/runConfigurations']) expect(isSupportingModule(folder), folder).toBe(true);
    expect(isSupportingModule('src/.idea-plugin')).toBe(false);
    // Maven's documentation (commons-lang ranked src/site among its code, a tester); a site's code is code.
    expect(isSupportingModule('src/site')).toBe(true);
    expect(isSupportingModule('module/src/site/xdoc')).toBe(true);
    expect(isSupportingModule('site')).toBe(false);
    expect(isSupportingModule('src/website')).toBe(false);
    // pytest's tests are `testing` (ranked above its `src`, a tester), and towncrier's fragments
    // `changelog/`: notes for the next release, not code.
    expect(isSupportingModule('testing')).toBe(true);
    expect(isSupportingModule('testing/example_scripts')).toBe(true);
    expect(isSupportingModule('changelog')).toBe(true);
    expect(isSupportingModule('newsfragments')).toBe(true);
    expect(isSupportingModule('.changeset')).toBe(true);
    expect(isSupportingModule('src/changelogs')).toBe(false);
    expect(isSupportingModule('testingtools')).toBe(false);
    // Go's standard library has a `testing` package: code (a review).
    expect(isSupportingModule('src/testing')).toBe(false);
    // A build's test modules (okhttp's Gradle modules ranked among its code, a tester).
    for (const folder of ['android-test', 'maven-tests', 'okhttp-testing-support', 'native-image-tests', 'test-utils', 'jmh-benchmarks', 'okhttp-docs', 'go_test', 'samples/compare']) {
      expect(isSupportingModule(folder), folder).toBe(true);
    }
    // Words made of a test folder's name (a re-test: okhttp-hpacktests, hugo's testscripts, ripgrep's benchsuite).
    for (const folder of ['okhttp-hpacktests', 'testscripts', 'benchsuite', 'benches', 'integrationtests', 'testutils']) {
      expect(isSupportingModule(folder), folder).toBe(true);
    }
    // A name that begins with `tests-` (tokio's cargo packages tests-build and tests-integration topped its riskiest modules: a tester).
    for (const folder of ['tests-build', 'tests-integration', 'crates/tests_util']) {
      expect(isSupportingModule(folder), folder).toBe(true);
    }
    // Not a test word inside a product's name, nor a changelog package below the top (a review).
    for (const folder of ['latest', 'contest-app', 'okhttp', 'mockwebserver', 'docsite', 'attestation', 'protest', 'testament', 'benchmarkable-core', 'packages/jest-test-result', 'packages/react-testing-library', 'crates/test-case', 'app/models/test_result', 'src/changelog', 'lib/contests', 'src/protests']) {
      expect(isSupportingModule(folder), folder).toBe(false);
    }
  });

  // laravel at --depth 1: `src` held 1,930 of 3,329 files, and holds nothing but src/Illuminate: nothing was said.
  it('names the folders where the module branches, below folders that hold nothing but one, and for a folder module the depth that makes them modules', () => {
    const paths = [...files('src/Illuminate/Foundation', 330), ...files('src/Illuminate/Database', 260), ...files('src/Illuminate/Auth', 54), ...files('tests', 100)];
    expect(dominantModule([{ path: 'src', files: 644, kind: 'folder' }, { path: 'tests', files: 100, kind: 'folder' }], paths, 2)).toEqual({
      path: 'src',
      files: 644,
      codeFiles: 644,
      subfolders: [
        { path: 'src/Illuminate/Foundation', files: 330 },
        { path: 'src/Illuminate/Database', files: 260 },
      ],
      // Every folder where it branches, beyond the largest `count` (elixir's lib: 6 apps, 3 named).
      branches: ['src/Illuminate/Foundation', 'src/Illuminate/Database', 'src/Illuminate/Auth'],
      ownFiles: 0,
      branchesAt: 'src/Illuminate',
      folders: 3,
      depth: 3,
    });
    // A workspace package is not split by a depth; files of modules nested in it are not its own.
    const app = [...files('app/core', 400), ...files('app/ui', 200), ...files('app/ui/charts', 100)];
    expect(dominantModule([{ path: 'app', files: 600, kind: 'workspace' }, { path: 'app/ui/charts', files: 100, kind: 'workspace' }], app)).toEqual({
      path: 'app',
      files: 600,
      codeFiles: 700,
      subfolders: [
        { path: 'app/core', files: 400 },
        { path: 'app/ui', files: 200 },
      ],
      branches: ['app/core', 'app/ui'],
      ownFiles: 0,
      branchesAt: 'app',
      folders: 2,
    });
    // Files directly where it branches are counted: they stay in the module whatever the roots.
    expect(dominantModule([{ path: 'lib', files: 603, kind: 'folder' }], [...files('lib/a', 400), ...files('lib/b', 200), ...files('lib', 3)])?.ownFiles).toBe(3);
    // Files directly in a folder where nothing branches: no folder to name.
    expect(dominantModule([{ path: 'lib', files: 600, kind: 'folder' }], [...files('lib', 599), ...files('lib/x', 1)])).toBeUndefined();
  });

  // Regression (tokio, a tester): the crate tokio/ holds src/ (its code), tests/, docs/ and fuzz/ (3
  // files); only src/ was code worth a module, so nothing was said, and tokio/src/runtime (truck
  // factor 1) hid behind "tokio TF 4". Every Rust crate (src/ and tests/) is laid out so.
  it('looks through a folder whose code lies in one subfolder beside tests, docs and a few files', () => {
    const tokio = [...files('tokio/src/runtime', 60), ...files('tokio/src/sync', 40), ...files('tokio/src/io', 10), ...files('tokio/src', 2), ...files('tokio/tests', 170), ...files('tokio/fuzz', 3), ...files('tokio/docs', 1), ...files('tokio', 2), ...files('tokio-util/src', 20)];
    const modules = [
      { path: 'tokio', files: 288, kind: 'workspace' as const },
      { path: 'tokio-util', files: 20, kind: 'workspace' as const },
    ];
    expect(dominantModule(modules, tokio)).toEqual({
      path: 'tokio',
      files: 117,
      codeFiles: 137,
      subfolders: [
        { path: 'tokio/src/runtime', files: 60 },
        { path: 'tokio/src/sync', files: 40 },
        { path: 'tokio/src/io', files: 10 },
      ],
      // The folders of tokio/src, then tokio's others, its tests and docs last: every one a root.
      branches: ['tokio/src/runtime', 'tokio/src/sync', 'tokio/src/io', 'tokio/fuzz', 'tokio/tests', 'tokio/docs'],
      // tokio/src/lib.rs and the like, and tokio/Cargo.toml: what no root takes.
      ownFiles: 4,
      branchesAt: 'tokio/src',
      through: ['tokio'],
      folders: 3,
    });
    // Maven's layout: pkg/src holds main (the code) and test; main holds a chain down to com/acme.
    const maven = [...files('pkg/src/main/java/com/acme/core', 70), ...files('pkg/src/main/java/com/acme/web', 40), ...files('pkg/src/test/java/com/acme', 90), ...files('pkg', 1), ...files('other', 10)];
    expect(dominantModule([{ path: 'pkg', files: 201, kind: 'folder' }, { path: 'other', files: 10, kind: 'folder' }], maven)).toMatchObject({
      branches: ['pkg/src/main/java/com/acme/core', 'pkg/src/main/java/com/acme/web', 'pkg/src/test'],
      branchesAt: 'pkg/src/main/java/com/acme',
      through: ['pkg', 'pkg/src'],
      ownFiles: 1,
      folders: 2,
      depth: 7,
    });
    // Not through a folder that holds less than half of the code there, nor into one that splits no further.
    expect(dominantModule([{ path: 'lib', files: 140, kind: 'folder' }], [...files('lib/a/x', 30), ...files('lib/a/y', 30), ...Array.from({ length: 20 }, (_, i) => files(`lib/s${i}`, 4)).flat()])).toBeUndefined();
    expect(dominantModule([{ path: 'crate', files: 300, kind: 'workspace' }], [...files('crate/src', 150), ...files('crate/tests', 150)])).toBeUndefined();
  });
});

describe('testLibraries', () => {
  // Regression (tokio, a tester): the published crate tokio-test (test utilities) ranked after all
  // code, was JSON category "tests", and was left out of the dominant module's count.
  it('reads a workspace package named like a test suite but singular as code, and keeps plain folders, plurals and e2e as tests', () => {
    const modules = [
      { path: 'tokio-test', kind: 'workspace' as const },
      { path: 'crates/foo_test', kind: 'workspace' as const },
      { path: 'tests-integration', kind: 'workspace' as const },
      { path: 'maven-tests', kind: 'workspace' as const },
      { path: 'app-e2e', kind: 'workspace' as const },
      { path: 'android-test', kind: 'folder' as const },
      { path: 'tokio', kind: 'workspace' as const },
    ];
    const libraries = testLibraries(modules);
    // Deepest first, as isSupportingModule reads them.
    expect(libraries).toEqual(['crates/foo_test', 'tokio-test']);
    for (const path of ['tokio-test', 'tokio-test/src', 'crates/foo_test/src/io']) expect(isSupportingModule(path, libraries), path).toBe(false);
    // Its own tests are tests still; so are the packages and folders the rule named before.
    for (const path of ['tokio-test/tests', 'crates/foo_test/benches', 'tests-integration', 'maven-tests', 'app-e2e', 'android-test', 'e2e-test']) expect(isSupportingModule(path, libraries), path).toBe(true);
    // A package that names a suite by the rest of its name stays one (`e2e-test`, `examples-test`).
    expect(isSupportingModule('e2e-test', testLibraries([{ path: 'e2e-test', kind: 'workspace' }]))).toBe(true);
    expect(isSupportingModule('tests/foo-test/src', testLibraries([{ path: 'tests/foo-test', kind: 'workspace' }]))).toBe(true);
    // Without the list, as a plain folder.
    expect(isSupportingModule('tokio-test/src')).toBe(true);
  });

  it('reads a test library inside another as code, whatever order the modules come in', () => {
    const outer = { path: 'kit-test', kind: 'workspace' as const };
    const inner = { path: 'kit-test/util-test', kind: 'workspace' as const };
    for (const modules of [[outer, inner], [inner, outer]]) {
      const libraries = testLibraries(modules);
      expect(libraries).toEqual(['kit-test/util-test', 'kit-test']);
      // The inner one named without its `-test` first, then the outer one: `kit/util/src`. The
      // outer one first would leave `kit/util-test/src`, a test folder.
      expect(isSupportingModule('kit-test/util-test/src', libraries)).toBe(false);
      expect(isSupportingModule('kit-test/util-test/tests', libraries)).toBe(true);
    }
  });
});
