import type { Analysis, FileOwnership, ModuleOwnership } from './types.ts';
import { chainBottom, folderTree } from './folder-tree.ts';

// Modules, METRICS.md §6 (extension): a folder at a configurable depth, or a workspace package.

export const ROOT_MODULE = '.';
const AUTO_MIN = 5;
const AUTO_MAX = 30;
const AUTO_MAX_DEPTH = 4;

/** Modules of fewer files than this rank after the others where modules are ranked for people to read. */
export const SMALL_MODULE_FILES = 5;

// Test, fixture, example, benchmark and documentation folders (`t`: Perl's and git's tests; Maven's
// documentation is `src/site`, which commons-lang ranked among its code: a tester). A build's test
// modules too (okhttp's Gradle modules `android-test`, `maven-tests`, `okhttp-testing-support`
// ranked among its code, a tester): a name ending in `-test(s)` or `-e2e`, or beginning with `tests-`
// (tokio's `tests-build` and `tests-integration` topped its riskiest modules: a tester), a testing-support or
// `test-utils` folder, a word made of one (okhttp's `okhttp-hpacktests`, hugo's `testscripts`,
// ripgrep's `benchsuite`, Rust's `benches`: a re-test); not a test word inside a product's name
// (`react-testing-library`, `jest-test-result`, `crates/test-case`: a review), nor `contests`. At
// the top level only: pytest's `testing` (ranked above its `src`; Go's `src/testing` is a package),
// and release-note fragments waiting for the next release (towncrier's `changelog/` and
// `newsfragments/`, changesets' `.changeset/`). svelte's `benchmarking` topped its riskiest modules
// and `documentation` ranked as code (a tester). Editors' settings at the top level too (`.idea`,
// `.vscode`): spring-boot's handoff put `.idea` (8 files) first of its areas (an engineering manager).
// The code of the docs' tutorials (fastapi's `docs_src`, 451 of its 572 files outside tests and
// docs, came first of its riskiest modules and of init's candidates: a CI maintainer).
// The folder names module-category.ts tells apart (docs, examples, editors' settings) are written
// once, here, as regex sources both build on.

/** Documentation folders, by name, at any depth (fastapi's `docs_src` too). */
export const DOCS_FOLDERS = String.raw`([\w.-]+[-_])?(docs?|documentation)|docs?[-_](src|sources?|snippets?|examples?)`;
/** Release notes waiting for the next release, at the top level: towncrier's `changelog/` and `newsfragments/`, changesets' `.changeset/`. */
export const RELEASE_NOTES_FOLDERS = String.raw`changelog(\.d)?|newsfragments|\.changeset`;
/** Examples and samples, by name, at any depth. */
export const EXAMPLES_FOLDERS = String.raw`([\w.-]+[-_])?(examples?|samples?)`;
/** Editors' settings, at the top level. */
export const SETTINGS_FOLDERS = String.raw`\.idea|\.vscode|\.fleet|\.settings`;
/** Tests, fixtures, benchmarks and playgrounds, by name, at any depth. */
const TESTS_FOLDERS = String.raw`t|tests?|e2e|__tests__|specs?|[\w.-]+[-_](tests?|e2e)|[\w.-]*[-_]?testing[-_]support|tests?[-_](utils?|helpers?|support|common|data|harness)|tests[-_][\w.-]+|([\w.-]+[-_])?[a-z]{4,}tests|tests?(scripts?|suites?|utils?|data|harness)|([\w.-]+[-_])?(fixtures?|bench(mark(s|ing)?|es|suite)?)|__fixtures__|playgrounds?`;
const SUPPORTING = new RegExp(
  String.raw`^(testing|${RELEASE_NOTES_FOLDERS}|${SETTINGS_FOLDERS})(\/|$)|(^|\/)(${TESTS_FOLDERS}|${EXAMPLES_FOLDERS}|${DOCS_FOLDERS}|src\/site)(\/|$)`,
  'i',
);

/**
 * Whether a module supports the code rather than being it (tests, fixtures, examples, docs) or is
 * tiny: such modules rank after the others in lists people read. On vite, the 15 riskiest of 282
 * modules were all test fixtures and playgrounds of 1–3 files, and packages/vite (truck factor 3)
 * never showed (a new-user test).
 */
export function isSecondaryModule(module: ModuleOfKind & { files: number }): boolean {
  return isSupportingModule(module.path, ownLibrary(module)) || module.files < SMALL_MODULE_FILES;
}

/** Riskiest first: lowest truck factor, then most files, then path; tests, fixtures, docs and tiny modules after the rest. */
export function rankModulesByRisk<T extends ModuleOfKind & { files: number; truckFactor: { value: number } }>(modules: readonly T[]): T[] {
  return [...modules].sort((a, b) => secondaryLast(a, b) || a.truckFactor.value - b.truckFactor.value || b.files - a.files || (a.path < b.path ? -1 : 1));
}

/**
 * Whether a module's path (or a file's folder) is a test, fixture, example, benchmark or
 * documentation folder. `testLibraries`: the workspace packages of the analysis named like a test
 * suite but singular, which are code like the other packages, as testLibraries() lists them (deepest first).
 */
export function isSupportingModule(path: string, testLibraries: readonly string[] = []): boolean {
  return SUPPORTING.test(testLibraries.length === 0 ? path : asLibrary(path, testLibraries));
}

// A workspace package named `<name>-test` or `<name>_test` is published like the others: tokio's
// `tokio-test` (test utilities: src/{lib,io,task,macros}.rs) ranked after all code and was left out
// of the dominant module's count, as `[-_]tests?` names a build's test suites (a tester). A plain
// folder keeps that rule (okhttp's Gradle module `android-test` is a suite), as do `-tests` and
// `-e2e` packages (tokio's `tests-integration`, integration-test crates).
const TEST_LIBRARY = /(^|\/)([\w.-]+)[-_]test$/i;

/** A module that may say what it is: `kind` 'workspace' for a workspace package (ModuleOwnership, ModuleDeparture, ModuleProjection). */
export type ModuleOfKind = { path: string; kind?: ModuleOwnership['kind'] | undefined };

/**
 * The workspace packages among `modules` named like a test suite but singular (`tokio-test`,
 * `foo_test`): libraries, code like the other packages. Deepest first, as asLibrary reads them:
 * sorted once here rather than on every path judged.
 */
export function testLibraries(modules: readonly ModuleOfKind[]): string[] {
  return modules
    .filter((module) => module.kind === 'workspace' && TEST_LIBRARY.test(module.path))
    .map((module) => module.path)
    .sort((a, b) => b.length - a.length);
}

/** The module itself as testLibraries would list it: a module that says its kind needs no list. */
export function ownLibrary(module: ModuleOfKind): readonly string[] {
  return testLibraries([module]);
}

/**
 * `path` with each test library that holds it named without its `-test` (`tokio-test/src` →
 * `tokio/src`): read as its package's other names are. `libraries` deepest first (testLibraries'
 * order): shortening a package's name leaves the folders above it as they were.
 */
function asLibrary(path: string, libraries: readonly string[]): string {
  let judged = path;
  for (const library of libraries) {
    if (judged !== library && !judged.startsWith(`${library}/`)) continue;
    judged = library.replace(TEST_LIBRARY, '$1$2') + judged.slice(library.length);
  }
  return judged;
}

export interface ModuleAssignment {
  path: string;
  kind: 'folder' | 'workspace';
}

/** A config `modules.roots` entry as a folder path: `./src`, `/src` and `src/` are `src`. */
export function rootFolder(root: string): string {
  return root.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** The folder of `file` cut to `depth` segments ('.' for files at the top level). */
export function folderAtDepth(file: string, depth: number): string {
  const lastSlash = file.lastIndexOf('/');
  if (lastSlash < 0 || depth <= 0) return ROOT_MODULE;
  // Up to the depth-th slash, without splitting (a scan cuts every path at up to four depths).
  // A fractional depth counts as its integer part, as it did when segments were sliced.
  const segments = Math.trunc(depth) || 0;
  let end = 0;
  for (let segment = 0; segment < segments; segment++) {
    const slash = file.indexOf('/', segment === 0 ? 0 : end + 1);
    if (slash < 0 || slash > lastSlash) break;
    end = slash;
    if (slash === lastSlash) break;
  }
  return segments === 0 ? '' : file.slice(0, end);
}

/** How a file's folder module is cut at a depth: folderAtDepth, or chainedFolders' (module-chains.ts) for the automatic depth. */
export type FolderCut = (file: string, depth: number) => string;

function countModules(files: readonly string[], depth: number, folderOf: FolderCut): number {
  const seen = new Set<string>();
  for (const file of files) seen.add(folderOf(file, depth));
  return seen.size;
}

/**
 * The module depth when none is configured: the shallowest depth that shows at least 5 modules
 * without going over 30; failing that, the depth with the most modules up to 30 (or depth 1).
 */
export function chooseModuleDepth(files: readonly string[], folderOf: FolderCut = folderAtDepth): number {
  let best = 1;
  let bestCount = 0;
  for (let depth = 1; depth <= AUTO_MAX_DEPTH; depth++) {
    const count = countModules(files, depth, folderOf);
    if (count > AUTO_MAX) break;
    if (count >= AUTO_MIN) return depth;
    if (count > bestCount) {
      best = depth;
      bestCount = count;
    }
  }
  return best;
}

/** Workspace package (and modules.roots) folders, each once, without a trailing slash, deepest first (a nested package wins over its parent). */
export function packageRoots(workspaces: readonly string[]): string[] {
  return [...new Set(workspaces.map((root) => root.replace(/\/+$/, '')).filter(Boolean))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** Modules of code before tests, fixtures, examples, docs and tiny modules (isSecondaryModule), as the module tables rank them. */
export function secondaryLast(a: ModuleOfKind & { files: number }, b: ModuleOfKind & { files: number }): number {
  return Number(isSecondaryModule(a)) - Number(isSecondaryModule(b));
}

/** Code modules before tests, fixtures, examples and docs (isSupportingModule), as every list of modules people read. */
export function supportingLast(a: ModuleOfKind, b: ModuleOfKind): number {
  return Number(isSupportingModule(a.path, ownLibrary(a))) - Number(isSupportingModule(b.path, ownLibrary(b)));
}

/**
 * Assigns each file to a module: the deepest workspace package that contains it, else its folder at
 * `depth`. Returns a map module → files, and the kind of each module.
 */
export function assignModules(files: readonly string[], depth: number, workspaces: readonly string[] = [], folderOf: FolderCut = folderAtDepth): Map<string, { kind: ModuleAssignment['kind']; files: string[] }> {
  const roots = packageRoots(workspaces);
  const modules = new Map<string, { kind: ModuleAssignment['kind']; files: string[] }>();
  const prefixes = roots.map((root) => `${root}/`);
  for (const file of files) {
    const root = roots[prefixes.findIndex((prefix) => file.startsWith(prefix))];
    const path = root ?? folderOf(file, depth);
    const kind = root ? 'workspace' : 'folder';
    const module = modules.get(path);
    if (module) module.files.push(file);
    else modules.set(path, { kind, files: [file] });
  }
  return roots.length === 0 ? modules : namedByWhatIsLeft(modules, roots);
}

/**
 * A folder whose packages are modules of their own keeps the rest: when that rest lies in one
 * subfolder, the module is named by it. ripgrep's crates/* are Cargo packages but for crates/core,
 * the binary's source: "crates: 30 files, truck factor 1" read as all of crates/ to its maintainers,
 * and init proposed `crates/**` (147 files) under that name (a tester).
 */
function namedByWhatIsLeft(modules: Map<string, { kind: ModuleAssignment['kind']; files: string[] }>, roots: readonly string[]): Map<string, { kind: ModuleAssignment['kind']; files: string[] }> {
  const renamed = new Map<string, { kind: ModuleAssignment['kind']; files: string[] }>();
  for (const [path, module] of modules) {
    const holdsPackages = module.kind === 'folder' && path !== ROOT_MODULE && roots.some((root) => root.startsWith(`${path}/`));
    const common = holdsPackages ? commonFolder(module.files) : path;
    renamed.set(common.length > path.length && !modules.has(common) ? common : path, module);
  }
  return renamed;
}

/** The deepest folder that holds every one of `files` ('' when they share none). */
function commonFolder(files: readonly string[]): string {
  let common = (files[0] ?? '').slice(0, Math.max(0, (files[0] ?? '').lastIndexOf('/')));
  for (const file of files) {
    while (common !== '' && !file.startsWith(`${common}/`)) common = common.slice(0, Math.max(0, common.lastIndexOf('/')));
  }
  return common;
}

/** The module of each analysed file (the longest module path that contains it, else the root). */
export function moduleOfFile(analysis: Pick<Analysis, 'modules'>): (path: string) => string {
  const roots = new Set(analysis.modules.map((m) => m.path).filter((p) => p !== ROOT_MODULE));
  // A module contains the path when it is the path up to one of its slashes: try the longest first.
  return (path) => {
    for (let slash = path.lastIndexOf('/'); slash >= 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      if (roots.has(folder)) return folder;
      if (slash === 0) break;
    }
    return ROOT_MODULE;
  };
}

const moduleGroups = new WeakMap<readonly FileOwnership[], { modules: Analysis['modules']; groups: ReadonlyMap<string, Int32Array> }>();

/**
 * Positions in analysis.files of each module's files, in the order of analysis.modules. Computed once
 * per analysis: the same lists serve the current figures, projections and departures (and the
 * changes summed over each, see ownership-index.ts setOf).
 */
export function fileNumbersByModule(analysis: Pick<Analysis, 'modules' | 'files'>): ReadonlyMap<string, Int32Array> {
  const known = moduleGroups.get(analysis.files);
  if (known?.modules === analysis.modules) return known.groups;
  const groups = new Map([...groupFilesByModule(analysis)].map(([path, numbers]) => [path, Int32Array.from(numbers)]));
  moduleGroups.set(analysis.files, { modules: analysis.modules, groups });
  return groups;
}

function groupFilesByModule(analysis: Pick<Analysis, 'modules' | 'files'>): Map<string, number[]> {
  const groups = new Map<string, number[]>(analysis.modules.map((m) => [m.path, []]));
  const moduleOf = moduleOfFile(analysis);
  for (let index = 0; index < analysis.files.length; index++) {
    const module = moduleOf((analysis.files[index] as FileOwnership).path);
    const list = groups.get(module);
    if (list) list.push(index);
    else groups.set(module, [index]);
  }
  return groups;
}

/** The kind of each module of the analysis by its path ('folder' for one it does not list: the top-level files when no module holds them). */
export function moduleKinds(analysis: Pick<Analysis, 'modules'>): (path: string) => ModuleOwnership['kind'] {
  const kinds = new Map(analysis.modules.map((module) => [module.path, module.kind]));
  return (path) => kinds.get(path) ?? 'folder';
}

/** Files of each module, in the order of analysis.modules. */
export function filesByModule(analysis: Pick<Analysis, 'modules' | 'files'>): Map<string, FileOwnership[]> {
  return new Map([...fileNumbersByModule(analysis)].map(([path, numbers]) => [path, Array.from(numbers, (index) => analysis.files[index] as FileOwnership)]));
}

/**
 * A module of code that holds most of the files outside tests, fixtures, examples and docs (at
 * least half, and at least DOMINANT_FILES), with
 * its largest subfolders (most files first, at most `count`), or undefined. svelte's
 * `packages/svelte` held 8,873 of 9,073 files, so its module table said little, and `--depth` does
 * not split a workspace package (a team lead's test): `modules.roots` can. The subfolders are those
 * where it branches, below folders that hold nothing but one subfolder: laravel's `src` holds only
 * src/Illuminate, and nothing was said at --depth 1 (a tester's report). Likewise below a folder
 * whose code lies in one subfolder beside tests, docs and folders of a few files (`through`): tokio's
 * crate `tokio` holds src/ (its code), tests/, docs/ and fuzz/ (3 files), and its src/runtime (127
 * files, truck factor 1) hid behind "tokio TF 4" (a tester); every Rust crate (src/ and tests/) and
 * many npm packages (src/ and test/) are laid out so. For a folder module, `depth` is the one at
 * which those subfolders are modules. `branches` are all those subfolders (most files first), then
 * the other folders of the folders looked through (`through`, when any: tokio/tests, …), and `ownFiles` the files
 * directly where it branches or in a folder looked through: what stays in the module once every
 * branch is a root (elixir's `lib`, 6 apps, kept 3 of them when only the 3 largest were offered
 * as roots).
 */
export function dominantModule(
  modules: readonly { path: string; files: number; kind?: ModuleOwnership['kind'] }[],
  paths: readonly string[],
  count = 3,
): { path: string; files: number; codeFiles: number; subfolders: { path: string; files: number }[]; branches: string[]; ownFiles: number; branchesAt: string; through?: string[]; folders: number; depth?: number } | undefined {
  const libraries = testLibraries(modules);
  const isSupporting = (folder: string) => isSupportingModule(folder, libraries);
  // Among the code: not the tests (git/git's `t`, curl's `tests`), whose split says nothing of the
  // code, and against the files outside tests and docs: undici's `lib` holds 113 of its 208 such
  // files (its tests 484 more) and its single-owner parts (lib/web/fetch, lib/api) never showed (a
  // tester).
  // Files in a test or docs folder inside a code module count as tests and docs too: svelte's
  // packages/svelte "held 8873 of the 9039 files outside tests", 8411 of them in its own tests/ (a tester).
  const codeModules = new Map(modules.filter((module) => !isSupporting(module.path)).map((module) => [module.path, { ...module, files: 0 }]));
  let codeFiles = 0;
  for (const file of paths) {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    if (isSupporting(folder)) continue;
    let at = folder;
    while (!codeModules.has(at) && at !== '.') at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.';
    const module = codeModules.get(at);
    if (!module) continue;
    module.files += 1;
    codeFiles += 1;
  }
  const largest = [...codeModules.values()].filter((module) => module.path !== '.').reduce<{ path: string; files: number; kind?: ModuleOwnership['kind'] } | undefined>((best, module) => (best === undefined || module.files > best.files ? module : best), undefined);
  if (!largest || largest.files < DOMINANT_FILES || largest.files * 2 < codeFiles) return undefined;
  // Its own files: not those of the modules inside it (workspace packages, the folders of a chain).
  const nested = modules.filter((module) => module.path.startsWith(`${largest.path}/`)).map((module) => `${module.path}/`);
  const own = paths.filter((file) => file.startsWith(`${largest.path}/`) && !nested.some((prefix) => file.startsWith(prefix)));
  const tree = folderTree(own);
  const codeTree = folderTree(own.filter((file) => !isSupporting(file.slice(0, file.lastIndexOf('/')))));
  // Its folders by their code files, its test and docs folders last: svelte's split began with
  // packages/svelte/tests (8411 files), which the figure before it had just set aside (a review).
  // They stay roots to propose, so that the tests become a module of their own.
  const foldersOf = (folder: string) =>
    [...(tree.get(folder)?.subfolders ?? [])]
      .map((path) => ({ path, files: codeTree.get(path)?.all ?? 0, all: tree.get(path)?.all ?? 0, supporting: isSupporting(path) }))
      .sort(byCodeFiles);
  // Folders of code worth a module (SMALL_MODULE_FILES files or more).
  const worthAModule = (folders: ReturnType<typeof foldersOf>) => folders.filter((folder) => !folder.supporting && folder.files >= SMALL_MODULE_FILES);
  let at = chainBottom(tree, largest.path);
  let subfolders = foldersOf(at);
  const through: string[] = [];
  const besides: ReturnType<typeof foldersOf> = [];
  // Through a folder whose code lies in one subfolder, beside tests, docs or a few files (most of
  // the code there): tokio/ → tokio/src. Not into a folder that splits no further (a plain
  // package's src/ of files: nothing to split, as before).
  for (let [inner] = worthAModule(subfolders); inner && worthAModule(subfolders).length === 1 && inner.files * 2 > (codeTree.get(at)?.all ?? 0); [inner] = worthAModule(subfolders)) {
    const next = inner.path;
    through.push(at);
    besides.push(...subfolders.filter((folder) => folder.path !== next));
    at = chainBottom(tree, next);
    subfolders = foldersOf(at);
  }
  // Two folders of code worth a module at least: okhttp's `okhttp` was told to split into okhttp/src
  // (340 files) and okhttp/api (2), which says nothing more (the review of the 100-file threshold).
  if (worthAModule(subfolders).length < 2) return undefined;
  const code = subfolders.filter((folder) => !folder.supporting);
  // A depth does not split a workspace package (or a modules.roots folder).
  const depth = largest.kind === 'folder' ? at.split('/').length + 1 : undefined;
  return {
    path: largest.path,
    files: largest.files,
    codeFiles,
    subfolders: code.slice(0, count).map(({ path, files }) => ({ path, files })),
    branches: [...subfolders, ...besides.sort(byCodeFiles)].map((folder) => folder.path),
    ownFiles: [at, ...through].reduce((sum, folder) => sum + (tree.get(folder)?.own ?? 0), 0),
    branchesAt: at,
    ...(through.length === 0 ? {} : { through }),
    folders: subfolders.length,
    ...(depth === undefined ? {} : { depth }),
  };
}

/** Folders of code before tests and docs, most code files first, then most files, then by path. */
function byCodeFiles(a: { path: string; files: number; all: number; supporting: boolean }, b: { path: string; files: number; all: number; supporting: boolean }): number {
  return Number(a.supporting) - Number(b.supporting) || b.files - a.files || b.all - a.all || (a.path < b.path ? -1 : 1);
}

/**
 * What dominantModule's module holds, as scan's note and init's comments say it: "540 of the 545
 * analysed files", or "113 of the 208 analysed files outside tests, fixtures, examples and docs"
 * when those are fewer than all the analysed files.
 */
export function dominantShare(dominant: { files: number; codeFiles?: number | undefined }, analysedFiles: number): string {
  const code = dominant.codeFiles ?? analysedFiles;
  return `${dominant.files} of the ${code} analysed files${code === analysedFiles ? '' : ' outside tests, fixtures, examples and docs'}`;
}

/** A module this large that holds half the code's files is named by dominantModule. */
const DOMINANT_FILES = 100;
