import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyzeCached } from '../../analysis-cache.ts';
import { CODEOWNERS_LOCATIONS, isCatchAll, parseCodeowners } from '../../config/codeowners.ts';
import { PACKAGED_SCHEMA_PATH } from '../../config/json-schema.ts';
import { assertConfigFileKind, CONFIG_FILE, CONFIG_FILES, configLink, findConfigFile, isWithin, parseConfig } from '../../config/load.ts';
import { DEFAULT_CONFIG } from '../../config/defaults.ts';
import { folderGlob, renderStarterConfig, type StarterCodeownersSystem, type StarterInput, type StarterModule, type StarterUnmatchedLine } from '../../config/starter.ts';
import { ExitCode, UsageError } from '../../errors.ts';
import { historyConcurrency } from '../../git/client.ts';
import { readRegularFile } from '../../git/read-file.ts';
import { ignoreRule, notCheckedOut, openRepository } from '../../git/repo.ts';
import { botCandidatesOf, looksAutomated } from '../../model/automation.ts';
import { inactiveDevelopers } from '../../model/decay.ts';
import { createSystemMatcher, evaluateCriticalSystems } from '../../model/critical.ts';
import { compileGlob } from '../../model/globs.ts';
import { testDataFolders } from '../../model/test-data.ts';
import { dominantModule, rankModulesByRisk, ROOT_MODULE, secondaryLast } from '../../model/modules.ts';
import type { Analysis } from '../../model/types.ts';
import type { Io } from '../io.ts';
import { resolveOutput, writeReport } from '../options.ts';
import { shellWord } from '../../report/format.ts';
import { analysisProgress, printWarnings } from './shared.ts';

export interface InitOptions {
  /** Where to write (default: .talentrisk.yml at the repository root). */
  output?: string;
  force?: boolean;
  depth?: number;
  quiet?: boolean;
  cache?: boolean;
  debug?: boolean;
}

const MODULE_CANDIDATES = 15;
const CODEOWNERS_CANDIDATES = 20;
/** `talentrisk init`: writes a starter .talentrisk.yml whose candidates are all commented out. */
export async function runInit(target: string | undefined, options: InitOptions, io: Io): Promise<ExitCode> {
  const repo = await openRepository(path.resolve(io.cwd, target ?? '.'), { env: io.env, concurrency: historyConcurrency() });
  const root = repo.info.root;
  if (repo.info.isBare && !options.output) {
    throw new UsageError('a bare repository has no work tree to write .talentrisk.yml into', {
      hint: 'run init in a clone (then commit the file), or pass --output <file>',
    });
  }
  // Without --output, --force replaces the config the commands read: a new .talentrisk.yml beside a
  // .talentrisk.yaml took its place without a word (the .yml is read first).
  // (A link to nothing is answered below: init names the link it will not write through.)
  const current = options.output ? undefined : readableConfigFile(root);
  const file = options.output ? path.resolve(io.cwd, options.output) : (current ?? path.join(root, CONFIG_FILE));
  // Relative to the current folder when inside it, else absolute (not ../../../dev/stdout).
  const shown = (absolute: string) => {
    const relative = path.relative(io.cwd, absolute);
    return relative && isWithin(io.cwd, absolute) ? relative : absolute;
  };
  // Writing through a link would replace the file it points to (or create one anywhere), which
  // --force does not ask for: the user's file would be lost without a word.
  // (Any link inside the repository, --output or not; outside it, /dev/stdout is a link too.)
  const link = isWithin(root, file) ? configLink(root, file) : undefined;
  if (link) {
    throw new UsageError(`${shown(file)} is a symbolic link to ${link.target}; init does not write through it`, { hint: 'remove the link first, or pass --output <file> to write the starter config elsewhere' });
  }
  // As typed: a trailing "/" says a folder was meant.
  const output = resolveOutput(options.output ?? shown(file), file);
  const existing = options.output ? (output.kind === 'file' ? file : undefined) : findConfigFile(root);
  // A pipe there would take the starter config and block until something read it.
  if (existing && !options.output) assertConfigFileKind(existing, shown(existing));
  // Committed but left out of a sparse checkout: the commands read it, and a starter written here
  // would replace the team's config (--force or not: it is not the file they see).
  const sparse = options.output || existing ? undefined : await notCheckedOut(repo, CONFIG_FILES);
  if (sparse) {
    throw new UsageError(`${sparse} is committed but not checked out (a sparse checkout), and the commands read it from the index`, {
      hint: `check it out to edit it: \`git sparse-checkout add '/${sparse}'\`, or pass --output <file> to write a starter config elsewhere`,
    });
  }
  if (existing && !options.force) {
    throw new UsageError(`${shown(existing)} already exists`, { hint: 'edit it by hand, or pass --force to replace it with a new starter config (your edits would be lost)' });
  }

  const { progress, hooks } = analysisProgress(io, Boolean(options.quiet));
  let analysis: Analysis;
  try {
    // Through the result cache: the analysis is the one `scan` makes without a config, so a scan
    // just before answers it at once (and a scan just after is answered by it).
    analysis = await analyzeCached(
      { path: root, rev: 'HEAD', model: 'talentrisk', config: DEFAULT_CONFIG, depth: options.depth, env: io.env, cache: options.cache !== false, repository: repo },
      hooks,
    );
  } finally {
    progress.stop();
  }

  const input = starterInput(analysis, root, readCodeowners(root));
  const text = renderStarterConfig(input);
  // The file must load as written; if it does not, that is a bug of ours, not the user's.
  await parseConfig(text, shown(file));
  // Written as every report is (symlinks, devices, /dev/stdout, never replacing a file that
  // appeared meanwhile). On standard output, what init says about it goes to stderr.
  writeReport(text, { output: shown(file), force: options.force }, io.cwd, io.stdout);
  const say = output.kind === 'stdout' ? io.stderr : io.stdout;

  // Bots the built-in patterns already leave out are named in a comment, not proposed: "8 bots (all
  // commented out)" counted them with the one candidate (a new-user test on vite).
  const found = [
    `${input.modules.length} module ${input.modules.length === 1 ? 'candidate' : 'candidates'}${input.moduleCount > input.modules.length ? ` (of ${input.moduleCount} modules besides the root)` : ''}`,
    // The dominant module's folders are candidates too (the count left them out: a review).
    ...(input.split && input.split.modules.length > 0 ? [`${input.split.modules.length} of the folders of ${input.split.path}`] : []),
    ...(input.codeowners ? [`${input.codeowners.systems.length} from ${input.codeowners.file}${unmatchedNote(input.codeowners.unmatched ?? [])}`] : []),
    `${input.botCandidates.length} bot ${input.botCandidates.length === 1 ? 'candidate' : 'candidates'}`,
  ];
  // Not under --quiet, wherever it goes (`init -q -o /dev/stdout` said it on stderr: a user test).
  if (!options.quiet) {
    say.write(`wrote ${shown(file)}: ${found.join(', ')}, all commented out\n`);
    say.write(`next: uncomment the critical systems that must never depend on one person, then run \`${checkCommand(target, io.cwd, options.output && output.kind !== 'stdout' && output.kind !== 'in place' ? shown(file) : undefined)}\`\n`);
  }
  // A config git ignores would never reach CI (prometheus ignores `/*.yml`: check then said "no
  // .talentrisk.yml", a first-time user test).
  const ignoredBy = output.kind === 'stdout' || !isWithin(root, file) ? undefined : await ignoreRule(repo, path.relative(root, file));
  if (ignoredBy && !options.quiet) {
    io.stderr.write(`talentrisk: warning: git ignores ${shown(file)} (${ignoredBy}): commit it with \`git add -f ${shown(file)}\`, or CI will not see it\n`);
  }
  // What the candidates rest on (a shallow or partial clone, a cache problem), as scan reports it.
  printWarnings(analysis, options, io, false);
  return ExitCode.Ok;
}

/**
 * The first CODEOWNERS file, as a regular file of at most 3 MiB (GitHub's own limit), not through a
 * link: a committed link to /dev/zero filled gigabytes of memory (a re-test).
 */
function readCodeowners(root: string): { file: string; text: string } | undefined {
  for (const candidate of CODEOWNERS_LOCATIONS) {
    const file = path.join(root, candidate);
    if (!existsSync(file)) continue;
    const data = readRegularFile(file, { maxBytes: 3 * 1024 * 1024 });
    return Buffer.isBuffer(data) ? { file: candidate, text: data.toString('utf8') } : undefined;
  }
  return undefined;
}

/**
 * Files that only keep a folder in git (`.gitkeep`, `.keep`) or say what to ignore in it: a folder
 * of nothing else holds no code anyone knows.
 */
const PLACEHOLDER = /^\.(?:gitkeep|keep|keepme|gitignore|placeholder|empty)$/i;

/** The module folders whose analysed files are all placeholders (ohmyzsh's `cache/` and `log/`, a .gitkeep each). */
function placeholderFolders(analysis: Analysis, folders: readonly string[]): Set<string> {
  const wanted = new Set(folders);
  const substance = new Set<string>();
  const any = new Set<string>();
  for (const file of analysis.files) {
    const placeholder = PLACEHOLDER.test(file.path.slice(file.path.lastIndexOf('/') + 1));
    // Each folder the file is in, by its ancestors (not every folder against every file: a split of hundreds).
    for (let slash = file.path.indexOf('/'); slash !== -1; slash = file.path.indexOf('/', slash + 1)) {
      const folder = file.path.slice(0, slash);
      if (!wanted.has(folder)) continue;
      any.add(folder);
      if (!placeholder) substance.add(folder);
    }
  }
  return new Set([...any].filter((folder) => !substance.has(folder)));
}

export function starterInput(analysis: Analysis, root: string, codeowners: { file: string; text: string } | undefined): StarterInput {
  // Tests, fixtures and tiny modules after the rest: vite's 15 riskiest modules were fixtures, and
  // packages/vite itself was not proposed. Not a folder of placeholders only: ohmyzsh's `cache/`
  // and `log/` (a .gitkeep each) were offered with "check fails on it today" (a CI maintainer).
  const modulesBesidesRoot = analysis.modules.filter((module) => module.path !== ROOT_MODULE);
  const placeholders = placeholderFolders(analysis, modulesBesidesRoot.map((module) => module.path));
  const candidates = modulesBesidesRoot.filter((module) => !placeholders.has(module.path));
  const modules = rankModulesByRisk(candidates)
    .slice(0, MODULE_CANDIDATES)
    .map((module) => moduleCandidate(analysis, module.path));
  // A module that holds most files says little as one system: its folders are proposed too, and as
  // module roots (elixir: one `lib` of 720 files of 775, holding six applications; a tester's report).
  const dominant = dominantModule(analysis.modules, analysis.files.map((file) => file.path));
  const emptyBranches = dominant ? placeholderFolders(analysis, dominant.branches) : new Set<string>();
  const split = dominant
    ? {
        path: dominant.path,
        files: dominant.files,
        codeFiles: dominant.codeFiles,
        roots: dominant.branches,
        // Riskiest first, tests, fixtures, examples, docs and folders of fewer than 5 files after the
        // code, as the main list (tokio's 3-file fuzz and 1-file docs came before its src: a tester).
        modules: dominant.branches
          .filter((folder) => !emptyBranches.has(folder))
          .map((folder) => moduleCandidate(analysis, folder))
          .sort((a, b) => secondaryLast(a, b) || a.truckFactor - b.truckFactor || b.files - a.files || (a.path < b.path ? -1 : 1))
          .slice(0, MODULE_CANDIDATES),
      }
    : undefined;
  return {
    repository: path.basename(root),
    revision: analysis.repository.revision,
    date: analysis.repository.revisionDate.slice(0, 10),
    moduleDepth: analysis.settings.moduleDepth,
    moduleChains: analysis.settings.moduleChains,
    modules,
    moduleCount: candidates.length,
    // The top-level files are a module of scan's too, but no folder glob names them (flask: 8
    // files, truck factor 1, left out without a word; a tester).
    root: rootCandidate(analysis),
    split,
    codeowners: codeowners ? { file: codeowners.file, ...codeownersCandidates(codeowners.text, analysis.files.map((f) => f.path)) } : undefined,
    bots: analysis.bots,
    botCandidates: oncePerName(analysis.developers.filter(looksAutomated).flatMap(botCandidatesOf)),
    schemaPath: existsSync(path.join(root, PACKAGED_SCHEMA_PATH)) ? `./${PACKAGED_SCHEMA_PATH}` : undefined,
    testData: testDataFolders(analysis.files.map((file) => file.path)),
    analysedFiles: analysis.files.length,
    ...(analysis.repository.isShallow ? { shallow: { commits: analysis.stats.commits } } : {}),
    ...(placeholders.size > 0 ? { placeholderFolders: [...placeholders].sort() } : {}),
  };
}

/**
 * One candidate per name: a pattern matches every identity of that name, so the same name for a bot
 * account and for a person's bot-named identity was proposed twice (babel: "Babel Bot" three times).
 * Their commits add up, and the people it joins are named.
 */
function oncePerName(candidates: StarterInput['botCandidates']): StarterInput['botCandidates'] {
  const byName = new Map<string, { name: string; accounts: number; people: string[]; peopleCommits: number }>();
  for (const candidate of candidates) {
    const seen = byName.get(candidate.name) ?? { name: candidate.name, accounts: 0, people: [], peopleCommits: 0 };
    if (candidate.of) {
      seen.people.push(candidate.of);
      seen.peopleCommits += candidate.commits;
    } else {
      seen.accounts += candidate.commits;
    }
    byName.set(candidate.name, seen);
  }
  // The commits are the bot accounts' when there are any (a person's are not the pattern's to leave out).
  return [...byName.values()].map((c) => ({ name: c.name, commits: c.accounts > 0 ? c.accounts : c.peopleCommits, ...(c.people.length ? { of: c.people.join(', ') } : {}), ...(c.accounts > 0 && c.people.length ? { alsoAccount: true } : {}) }));
}

/** The repository's top-level files as a candidate (`*` matches no file in a folder), or undefined when there are none. */
function rootCandidate(analysis: Analysis): StarterModule | undefined {
  if (!analysis.modules.some((module) => module.path === ROOT_MODULE)) return undefined;
  const [system] = evaluateCriticalSystems(analysis, [{ name: 'top-level files', paths: ['*'], minOwners: 2 }]);
  if (!system || system.files.length === 0) return undefined;
  return { path: 'top-level files', paths: ['*'], files: system.files.length, truckFactor: system.busFactor, owners: ownerNames(analysis, system.owners), packagesIncluded: 0 };
}

/**
 * A candidate's first three owners, "(inactive)" as scan and check mark them (vuejs/core's comments
 * read "· Evan You" where scan said "Evan You (inactive)": a tester); not under the published model.
 */
function ownerNames(analysis: Analysis, owners: readonly { id: string; name: string }[]): string[] {
  let inactive = inactiveIds.get(analysis);
  if (!inactive) {
    inactive = new Set(analysis.model === 'classic' ? [] : inactiveDevelopers(analysis).map((d) => d.id));
    inactiveIds.set(analysis, inactive);
  }
  const gone = inactive;
  return owners.slice(0, 3).map((owner) => (gone.has(owner.id) ? `${owner.name} (inactive)` : owner.name));
}

const inactiveIds = new WeakMap<Analysis, Set<string>>();

/** At most this many nested modules are excluded from a folder's candidate by `!` globs. */
const EXCLUDED_PACKAGES = 3;

/**
 * A module as a candidate system. A folder's glob also matches the modules nested in it (workspace
 * packages, or folders at the module depth below a folder that holds files of its own): they are
 * excluded by name when they are few, else included, and
 * the figures are always those of the files the globs match, which is what `check` will report
 * (vite's "playground" said "truck factor 1 · 10 files" for a glob of 1,743).
 */
function moduleCandidate(analysis: Analysis, folder: string): StarterModule {
  const inside = analysis.modules.map((module) => module.path).filter((path) => path !== ROOT_MODULE && path.startsWith(`${folder}/`));
  // Only the outermost: a package inside an excluded package is excluded with it.
  const nested = inside.filter((path) => !inside.some((other) => path.startsWith(`${other}/`)));
  const excluded = nested.length <= EXCLUDED_PACKAGES ? nested : [];
  const paths = [folderGlob(folder), ...excluded.map((path) => `!${folderGlob(path)}`)];
  const [system] = evaluateCriticalSystems(analysis, [{ name: folder, paths, minOwners: 2 }]);
  return {
    path: folder,
    paths,
    files: system?.files.length ?? 0,
    truckFactor: system?.busFactor ?? 0,
    owners: ownerNames(analysis, system?.owners ?? []),
    packagesIncluded: nested.length - excluded.length,
  };
}

/** " (7 of its lines name no analysed file: see the config's comment)", or ''. */
function unmatchedNote(unmatched: readonly StarterUnmatchedLine[]): string {
  if (unmatched.length === 0) return '';
  return ` (${unmatched.length === 1 ? '1 of its lines names' : `${unmatched.length} of its lines name`} no analysed file: see the comment)`;
}

/**
 * CODEOWNERS rules grouped by their owners, keeping only globs that match an analysed file; and the
 * lines with owners (not the catch-all) that match none, with whether a `dir/*` one has analysed
 * files deeper in its folder (pnpm's `/pnpm11/hooks/* @d3lm`: all 58 files one level down, which
 * GitHub's `*` does not reach either). One pass: each rule is matched against the files once.
 */
export function codeownersCandidates(text: string, files: readonly string[]): { systems: StarterCodeownersSystem[]; unmatched: StarterUnmatchedLine[] } {
  const groups = new Map<string, StarterCodeownersSystem>();
  const unmatched: StarterUnmatchedLine[] = [];
  for (const rule of parseCodeowners(text)) {
    if (rule.owners.length === 0 || isCatchAll(rule)) continue;
    if (!files.some(createSystemMatcher(rule.globs))) {
      const deeper = rule.globs.some((glob) => glob.endsWith('/*') && files.some(createSystemMatcher([`${glob}*`])));
      unmatched.push({ line: rule.line, pattern: rule.pattern, deeper });
      continue;
    }
    const name = [...rule.owners].sort().join(' ');
    const group = groups.get(name) ?? { name, paths: [], lines: [] };
    for (const glob of asInTree(rule.globs, files)) if (!group.paths.includes(glob)) group.paths.push(glob);
    group.lines.push(rule.line);
    groups.set(name, group);
  }
  return { systems: [...groups.values()].slice(0, CODEOWNERS_CANDIDATES), unmatched };
}

/**
 * A CODEOWNERS path that may name a file or a folder (`[path, path/**]`) as what it is in the tree:
 * a file needs only itself, a folder its `/**` (requests: `"src/requests/__version__.py",
 * "src/requests/__version__.py/**"`). Both when it is both (`HISTORY.md` anywhere, a file here and a
 * folder there); as given when it is neither or was never in doubt.
 */
function asInTree(globs: readonly string[], files: readonly string[]): readonly string[] {
  const [path, under] = globs;
  if (globs.length !== 2 || path === undefined || under !== `${path}/**`) return globs;
  const isFile = compileGlob(path, { dot: true });
  const isUnder = compileGlob(under, { dot: true });
  // (picomatch's `x/**` matches `x` itself: a file is under it only when it is not the path.)
  const kept = [...(files.some(isFile) ? [path] : []), ...(files.some((file) => isUnder(file) && !isFile(file)) ? [under] : [])];
  return kept.length > 0 ? kept : globs;
}

/** The config file the commands would read, or undefined when there is none or it is a broken link. */
function readableConfigFile(root: string): string | undefined {
  try {
    return findConfigFile(root);
  } catch {
    return undefined;
  }
}

/**
 * The check to run next, on the repository as it was given (`init repo` from its parent folder
 * said `talentrisk check`, which failed there: a tester), with the config where it was written.
 */
function checkCommand(target: string | undefined, cwd: string, config: string | undefined): string {
  const at = target === undefined || path.resolve(cwd, target) === cwd ? '' : ` ${shellWord(target)}`;
  return `talentrisk check${at}${config === undefined ? '' : ` --config ${shellWord(config)}`}`;
}
