import picomatch from 'picomatch';

// Path globs of .talentrisk.yml (critical paths, include, exclude): one meaning everywhere.

/**
 * A path matcher for config globs (picomatch, dot files included). A glob starting with "!"
 * removes files; a glob whose last segment is a plain name (`src/pay` or `src/pay/`) also matches
 * everything under that folder. Globs are relative to the repository root; `**` spans folders.
 */
export function createPathMatcher(paths: readonly string[]): (path: string) => boolean {
  const positive = paths.filter((glob) => !glob.startsWith('!')).map(normalizeGlob);
  const negative = paths.filter((glob) => glob.startsWith('!')).map((glob) => normalizeGlob(glob.slice(1)));
  const isIn = positive.length ? picomatch(positive.flatMap(withFolder), { dot: true }) : () => false;
  const isOut = negative.length ? picomatch(negative.flatMap(withFolder), { dot: true }) : () => false;
  return (path) => isIn(path) && !isOut(path);
}

function normalizeGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/** A glob whose last segment is a plain name (`src/auth`) may name a folder: it also matches what is under it. */
function withFolder(glob: string): string[] {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return /[*?[\]{}()!+@]/.test(last.replace(/\\./g, '')) ? [glob] : [glob, `${glob}/**`];
}

/** The globs of a list that match none of the paths (negations never count as unmatched). */
export function unmatchedGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  return globs.filter((glob) => {
    if (glob.startsWith('!')) return false;
    const matches = createPathMatcher([glob]);
    return !paths.some((path) => matches(path));
  });
}
