import picomatch from 'picomatch';

// Path globs of .talentrisk.yml (critical paths, include, exclude): one meaning everywhere.

export interface GlobOptions {
  dot: true;
  /** Match the pattern against the path's last segment (.gitattributes patterns without a slash). */
  basename?: boolean;
}

/**
 * The matcher picomatch(glob, options) returns, without its per-test bookkeeping (a result object
 * and a match array for every path; a scan tests every file against every glob): a path matches
 * when it is the glob itself, or when the glob's regular expression matches it (its base name with
 * `basename`). Only for these options (no `windows`, `format`, `capture`, `ignore` or callbacks).
 */
export function compileGlob(glob: string, options: GlobOptions): (path: string) => boolean {
  // `s`: a wildcard matches a newline or carriage return in a name too; without it `**` and a folder
  // name skipped `src/e\nf.ts` while `src/*` took it, so a pull request could hide code from a
  // critical system (a CI engineer's test). No `i`: globs are case-sensitive, as paths are.
  const regex = picomatch.makeRe(glob, { ...options, flags: 's' });
  if (options.basename) return (path) => path !== '' && (path === glob || regex.test(baseName(path)));
  return (path) => path !== '' && (path === glob || regex.test(path));
}

/** The last segment of a path, as picomatch reads it (the one before a trailing slash). */
function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < path.length - 1) return path.slice(slash + 1);
  const segments = path.split('/');
  return String(segments[segments.length - 2]);
}

interface CompiledGlob {
  glob: string;
  matches: (path: string) => boolean;
}

interface CompiledGlobs {
  /** The globs not starting with "!", in order. */
  positive: CompiledGlob[];
  negative: CompiledGlob[];
}

function compileGlobs(paths: readonly string[]): CompiledGlobs {
  const compile = (glob: string, pattern: string): CompiledGlob => {
    const matchers = withFolder(normalizeGlob(pattern)).map((form) => compileGlob(form, { dot: true }));
    return { glob, matches: (path) => matchers.some((matches) => matches(path)) };
  };
  return {
    positive: paths.filter((glob) => !glob.startsWith('!')).map((glob) => compile(glob, glob)),
    negative: paths.filter((glob) => glob.startsWith('!')).map((glob) => compile(glob, glob.slice(1))),
  };
}

/** The first positive glob that matches the path, unless a negative one removes it. */
function firstMatch(globs: CompiledGlobs, path: string): CompiledGlob | undefined {
  const match = globs.positive.find((glob) => glob.matches(path));
  return match && !globs.negative.some((glob) => glob.matches(path)) ? match : undefined;
}

/**
 * A path matcher for config globs (picomatch, dot files included). A glob starting with "!"
 * removes files; a glob whose last segment is a plain name (`src/pay` or `src/pay/`) also matches
 * everything under that folder. Globs are relative to the repository root; `**` spans folders.
 */
export function createPathMatcher(paths: readonly string[]): (path: string) => boolean {
  const globs = compileGlobs(paths);
  return (path) => firstMatch(globs, path) !== undefined;
}

function normalizeGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/** A glob whose last segment is a plain name (`src/auth`) may name a folder: it also matches what is under it. */
function withFolder(glob: string): string[] {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return /[*?[\]{}()!+@]/.test(last.replace(/\\./g, '')) ? [glob] : [glob, `${glob}/**`];
}

function unmatchedOf(globs: CompiledGlobs, paths: readonly string[], known: ReadonlySet<CompiledGlob> = new Set()): string[] {
  return globs.positive.filter((glob) => !known.has(glob) && !paths.some((path) => glob.matches(path))).map((glob) => glob.glob);
}

/** The globs of a list that match none of the paths (negations never count as unmatched). */
export function unmatchedGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  return unmatchedOf(compileGlobs(globs), paths);
}

export interface GlobSelection {
  /** Positions of the paths the list matches (createPathMatcher), in order. */
  matching: number[];
  /** Its globs that match none of the paths (unmatchedGlobs). */
  unmatched: string[];
}

/** createPathMatcher and unmatchedGlobs of one list over the same paths, compiling the globs once. */
export function selectByGlobs(globs: readonly string[], paths: readonly string[]): GlobSelection {
  const compiled = compileGlobs(globs);
  const matching: number[] = [];
  // A glob that is the first to match some path matches something; only the others need a search.
  const matched = new Set<CompiledGlob>();
  paths.forEach((path, index) => {
    const match = compiled.positive.find((glob) => glob.matches(path));
    if (!match) return;
    matched.add(match);
    if (!compiled.negative.some((glob) => glob.matches(path))) matching.push(index);
  });
  return { matching, unmatched: unmatchedOf(compiled, paths, matched) };
}
