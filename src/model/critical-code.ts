import { listingTier } from './bookkeeping.ts';
import { extensionOf } from './module-category.ts';
import { evaluateAfterDepartures } from './critical-departures.ts';
import type { CriticalSystemResult, CriticalSystemSpec } from './critical.ts';
import type { Analysis } from './types.ts';

// A system that holds its minOwners rule only thanks to files that are not code: ohmyzsh's
// plugin-git passed at bus factor 3 on its README.md (3 authors) while its one code file,
// git.plugin.zsh, had one author; `check --only-code` failed it at 1 (a CI maintainer). The verdict
// stays the published one (every analysed file counts); a note names the code's own figure.

/** The code files' own figure of a system that non-code files lift over its minOwners. */
export interface CodeOnlyFigure {
  /** Files of the system that are programming or markup (what --only-code keeps). */
  codeFiles: number;
  /** The bus factor of those alone (after departures, as the system's). */
  busFactor: number;
  /** How many of its files are not code. */
  otherFiles: number;
  /** The first few of them, in path order. */
  examples: string[];
  /** Their one extension (`.md`), when they all share it. */
  extension?: string;
}

const EXAMPLES = 3;

/**
 * Whether a system may be lifted by files that are not code, before the language table is read (it
 * is large: read only then): one with no minOwners violation and some docs, licences, settings or
 * release files (bookkeeping.ts).
 */
export function mayRestOnOtherFiles(result: Pick<CriticalSystemResult, 'status' | 'violations' | 'files'>): boolean {
  return result.status !== 'error' && !result.violations.some((violation) => violation.rule === 'minOwners') && result.files.some((path) => listingTier(path) > 0);
}

/**
 * Per system (in `results`' order): its code files' figure when they alone would break its minOwners
 * and its other files lift it over; undefined otherwise. `isCode` is --only-code's test (languages.ts),
 * and the departures are those the results were judged after.
 */
export function codeOnlyFigures(
  analysis: Pick<Analysis, 'files' | 'developers'> & { settings?: Pick<Analysis['settings'], 'referenceDate'> },
  specs: readonly CriticalSystemSpec[],
  results: readonly CriticalSystemResult[],
  isCode: (path: string) => boolean,
  departing: Parameters<typeof evaluateAfterDepartures>[2],
  gone: readonly string[],
): (CodeOnlyFigure | undefined)[] {
  const code = evaluateAfterDepartures({ ...analysis, files: analysis.files.filter((file) => isCode(file.path)) }, specs, departing, gone);
  return results.map((result, index) => {
    const alone = code[index];
    if (!alone || !mayRestOnOtherFiles(result) || alone.files.length === 0 || alone.busFactor >= result.minOwners) return undefined;
    const codeFiles = new Set(alone.files);
    const others = result.files.filter((path) => !codeFiles.has(path));
    if (others.length === 0) return undefined;
    const extensions = new Set(others.map(extensionOf));
    const [extension] = extensions;
    return { codeFiles: alone.files.length, busFactor: alone.busFactor, otherFiles: others.length, examples: others.slice(0, EXAMPLES), ...(extensions.size === 1 && extension ? { extension } : {}) };
  });
}

