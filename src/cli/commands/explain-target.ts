import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { whyNotAnalysed } from '../../analyze.ts';
import { UsageError } from '../../errors.ts';
import { pathDeparture, type Repository } from '../../git/repo.ts';
import type { ExclusionRule } from '../../model/files.ts';
import { closest, endingIn, withFolders } from '../../model/suggest.ts';
import type { Analysis, FileOwnership } from '../../model/types.ts';
import { list, sanitize } from '../../report/format.ts';
import type { LoadedAnalysis } from './shared.ts';

/** Moves followed from a path that is gone to where it is now. */
const MAX_MOVES = 5;

export interface ExplainTarget {
  file?: FileOwnership;
  folder?: string;
  files: FileOwnership[];
  /**
   * The folder the path was meant from when it named nothing there and was read from the
   * repository root instead (scan lists paths from the root); the report says so.
   */
  readFromRootIn?: string;
}

/**
 * Finds the file or folder the user named. A path is read as git reads it: from the folder
 * talentrisk runs in, or the one -C gives (as `git -C`). In a monorepo's package, `package.json`,
 * `README.md` and `.` are the package's: they were the root's whenever the root had one, even for
 * `./package.json` (vuejs/core). A plain path that names nothing there, tracked or not, is read from
 * the repository root (a path pasted from scan's output).
 */
export async function resolveTarget(loaded: LoadedAnalysis, target: string, cwd: string, repoDir: string): Promise<ExplainTarget> {
  const { analysis, repository } = loaded;
  const root = repository.info.root;
  const base = startFolder(repository, path.resolve(cwd, repoDir));
  const here = repositoryPath(root, path.resolve(root, base, target));
  const found = analysedAt(analysis.files, here);
  if (found) return found;
  const inRepository = (candidate: string) => !outsideRoot(candidate);
  // `./x`, `../x` and absolute paths say where they start; a plain path may be one from the root.
  const fromRoot = base !== '' && !path.isAbsolute(target) && !/^\.\.?([\\/]|$)/.test(target) ? repositoryPath(root, path.resolve(root, target)) : undefined;
  const rootFound = fromRoot !== undefined && inRepository(fromRoot) ? analysedAt(analysis.files, fromRoot) : undefined;
  const hereExists = inRepository(here) && !repository.info.isBare && existsHere(path.join(root, here));
  // Why a tracked path is not analysed, in one git call: a file the user can see where they are is
  // the one they meant, analysed or not, so it comes first; the root's only when nothing is here.
  const candidates = [...(inRepository(here) && here !== '' ? [here] : []), ...(fromRoot !== undefined && !hereExists && !rootFound && inRepository(fromRoot) ? [fromRoot] : [])];
  const reason = candidates.length > 0 ? await whyNotAnalysed(repository, analysis.repository.revision, loaded.config.config, analysis.model, candidates) : undefined;
  if (reason) throw notAnalysed(target, reason, analysis);
  if (rootFound && !hereExists) return { ...rootFound, readFromRootIn: base };
  const where = base === '' ? 'the repository root' : `${path.resolve(cwd, repoDir) === cwd ? 'the current folder' : 'the -C folder'}, ${sanitize(base)}/`;
  // Something here, and analysed at the root: how to name the root's (`../../package.json`).
  if (rootFound && hereExists) {
    throw new UsageError(`no analysed file or folder matches ${target}`, {
      hint: `the repository root's is ${sanitize(relativeTo(base, fromRoot ?? ''))} (paths are relative to ${where}, and read from the repository root only when they name nothing there)`,
    });
  }
  // Near the path as typed (the typo's length sets how close is close), shown as it would be typed.
  const paths = withFolders(analysis.files.map((f) => f.path));
  const typed = base === '' ? paths : paths.map((file) => relativeTo(base, file));
  // A path that analysed paths under the folder end in is the one meant, before a near name: in
  // vuejs/core's packages/reactivity, `explain index.ts` suggested index.js, not src/index.ts (a tester).
  const endings = endingIn(relativeTo(base, here), typed);
  const endingsHere = endings.filter((candidate) => !candidate.startsWith('../'));
  const close = endingsHere.length > 0 ? undefined : (closest(relativeTo(base, here), typed) ?? (fromRoot === undefined ? undefined : closest(fromRoot, paths)));
  const ending = endingsHere.length > 0 ? endingsHere : close === undefined ? endings : [];
  const suggestion = close ?? (ending.length === 1 ? ending[0] : undefined);
  const near = suggestion === undefined ? undefined : base === '' || typed.includes(suggestion) ? suggestion : relativeTo(base, suggestion);
  const startsFrom = base === '' ? where : `${where}, or else to the repository root`;
  // Nothing near: a path that was there once says where it went (cargo's resolver, moved a month before).
  let gone = near === undefined && ending.length === 0 && inRepository(here) && here !== '' ? await pathDeparture(repository, analysis.repository.revision, here) : undefined;
  // Moved again since (cargo's resolver: src/cargo/core → src/core → src): to where it is now.
  for (let hop = 0; hop < MAX_MOVES && gone?.movedTo !== undefined && !analysedAt(analysis.files, gone.movedTo); hop++) {
    const next = await pathDeparture(repository, analysis.repository.revision, gone.movedTo);
    if (next === undefined) break;
    // Deleted after its moves: said as deleted, by that commit.
    gone = next.movedTo === undefined ? next : { ...next, commit: gone.commit, day: gone.day };
  }
  if (gone) {
    const when = `in ${gone.commit.slice(0, 10)} (${gone.day})`;
    const movedTo = gone.movedTo === undefined ? undefined : base === '' ? gone.movedTo : relativeTo(base, gone.movedTo);
    const since = gone.movedTo !== undefined && analysedAt(analysis.files, gone.movedTo) === undefined ? ' (not analysed there)' : '';
    throw new UsageError(`no analysed file or folder matches ${target}: ${movedTo === undefined ? `it was deleted ${when}` : `it was moved ${when}, and is now ${sanitize(movedTo)}${since}`}`, {
      hint: movedTo === undefined ? 'explain names a file or folder of the analysed revision' : `\`talentrisk explain ${sanitize(movedTo)}\` (its history before the move counts)`,
    });
  }
  throw new UsageError(`no analysed file or folder matches ${target}`, {
    hint: near
      ? `did you mean ${sanitize(near)}? (paths are relative to ${startsFrom}; excluded files and submodules are not analysed)`
      : ending.length > 1
        ? `${ending.length} analysed paths end in it: ${list(ending.map(sanitize), 3)}; pass one of them (paths are relative to ${startsFrom})`
        : `pass a path relative to ${startsFrom}; excluded files and submodules are not analysed (see the scan header)`,
  });
}

/** Which file was meant, when it is not the one the path names from where it was typed. */
export function readFromRootNote(target: string, found: ExplainTarget): string | undefined {
  if (found.readFromRootIn === undefined) return undefined;
  return `read from the repository root: ${sanitize(found.readFromRootIn)}/ has no ${sanitize(target)}`;
}

/** The analysed file at `candidate`, or the analysed files under it ('' is the whole repository). */
function analysedAt(files: FileOwnership[], candidate: string): ExplainTarget | undefined {
  const file = files.find((f) => f.path === candidate);
  if (file) return { file, files: [file] };
  const prefix = candidate === '' ? '' : `${candidate}/`;
  const within = files.filter((f) => f.path.startsWith(prefix));
  return within.length > 0 ? { folder: candidate || '.', files: within } : undefined;
}

/**
 * Where paths start, from the root ('' is the root): the folder given, by its real path (git names
 * the root by its own). A bare repository, or its .git folder, has no work tree: the root.
 */
function startFolder(repository: Repository, dir: string): string {
  if (repository.info.isBare) return '';
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // a folder that went away: as given
  }
  const folder = repositoryPath(repository.info.root, real);
  return outsideRoot(folder) || folder === '.git' || folder.startsWith('.git/') ? '' : folder;
}

/** Whether a path from the root (repositoryPath) leads out of the repository. */
function outsideRoot(folder: string): boolean {
  return folder === '..' || folder.startsWith('../') || path.isAbsolute(folder);
}

/** `absolute` as a path from the root, with forward slashes ('' for the root itself). */
function repositoryPath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** A path from the root as the user would type it from `base`. */
function relativeTo(base: string, file: string): string {
  return path.posix.relative(base, file) || '.';
}

function notAnalysed(target: string, reason: ExclusionRule | 'submodule' | 'history', analysis: Analysis): UsageError {
  return new UsageError(`${target} is not analysed: ${reason === 'history' ? noHistoryBecause(analysis) : NOT_ANALYSED_BECAUSE[reason]}`, { hint: 'see "What is analysed" in the README' });
}

/**
 * Why a tracked file has no history, naming only what this analysis had: redis's jemalloc files
 * (only subtree squashes changed them) read six reasons, `--only-code` among them, which was not
 * given (a tester).
 */
function noHistoryBecause(analysis: Pick<Analysis, 'exclusions'>): string {
  const rules = analysis.exclusions.map((exclusion) => exclusion.rule);
  const onlyCode = rules.some((rule) => rule.includes('--only-code')) ? ', or --only-code left it out' : '';
  const none = rules.find((rule) => /^no (history|change in the fetched history)/.test(rule)) ?? '';
  const causes = ['only bots changed it'];
  if (none.includes('ignoreRevs')) causes.push('or commits listed in config ignoreRevs or .git-blame-ignore-revs');
  if (none.includes('subtree squashes')) causes.push('or `git subtree --squash` commits, which bring another repository\'s work');
  causes.push('or it only changed in merge commits, which carry no events');
  if (none.startsWith('no change in the fetched history')) causes.push('or its changes lie beyond this shallow clone\'s history');
  return `no counted developer changed it in the history read (${causes.join(', ')})${onlyCode}`;
}

const NOT_ANALYSED_BECAUSE: Record<ExclusionRule | 'submodule', string> = {
  include: 'it is not matched by the config\'s `include`',
  exclude: 'it is matched by the config\'s `exclude`',
  vendored: 'its .gitattributes mark it linguist-vendored',
  generated: 'its .gitattributes mark it linguist-generated',
  generatedHeader: 'its content says a tool wrote it (a `// Code generated … DO NOT EDIT.` line), left out by default (`linguist-generated=false` in .gitattributes or `defaultExclusions: false` counts it)',
  generatedNotice: 'its first lines say a tool wrote it (a comment saying it was generated, and not to edit it), left out by default (`linguist-generated=false` in .gitattributes or `defaultExclusions: false` counts it)',
  nodiff: 'its .gitattributes mark it -diff or binary',
  vendorFolder: 'it is in a vendor folder (vendor/, node_modules/, third_party/, dist/, a top-level deps/, …), left out by default (`defaultExclusions: false` counts it)',
  lockFile: 'it is a lock file, left out by default (`defaultExclusions: false` counts it)',
  minified: 'it is minified, or a source map, left out by default (`defaultExclusions: false` counts it)',
  binary: 'it is a binary file (by its extension), left out by default (`defaultExclusions: false` counts it)',
  snapshot: 'it is a test snapshot (`__snapshots__/*.snap`), which the test runner writes, left out by default (`defaultExclusions: false` counts it)',
  unreadableName: 'its name reads like another file\'s once decoded (a name that is not valid UTF-8 shows each bad byte as U+FFFD), so their histories cannot be told apart (rename one of them)',
  submodule: 'it is a submodule (its history is another repository\'s)',
};

/**
 * Whether something is at `file`: a path through a file (`README.md/x`: ENOTDIR) or a folder that
 * cannot be read (EACCES) is nothing there, not an internal error (a review: exit 3).
 */
function existsHere(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}
