import { folderOf, supportingFolder } from './module-category.ts';
import { testLibraries } from './modules.ts';
import { truckFactorOverFiles } from './ownership-index.ts';
import type { Analysis, TruckFactor } from './types.ts';

// Tests, fixtures and examples that make up most of the analysed files: vite's truck factor (7) was
// mostly about who wrote its test projects (1,743 of 2,695 files in playground/, 360 more under
// __tests__), and nothing said so; over the other files it is 6 (a team lead's test). The figure of
// the rest is the same greedy truck factor (METRICS.md §5) over fewer files, not another model.

/** Tests, fixtures and examples are "most of the files" above this share of the analysed files. */
export const TESTS_SHARE = 0.5;

export interface TestsShare {
  /** Analysed files in tests, fixtures, test data, benchmarks, playgrounds or examples (module-category.ts). */
  files: number;
  /** Analysed files in all. */
  total: number;
  /** The outermost such folders, most files first (at most `count`). */
  folders: { path: string; files: number }[];
  /** How many such folders there are in all. */
  folderCount: number;
  /** The other analysed files (code, docs, configuration). */
  restFiles: number;
  /** The truck factor over the other files (METRICS.md §5, on the classic authors as the headline's). */
  rest: TruckFactor;
}

/** The tests' share when they are more than TESTS_SHARE of the analysed files and some files are not tests, else undefined. */
export function testsShare(analysis: Pick<Analysis, 'files' | 'developers' | 'modules'>, count = 3): TestsShare | undefined {
  const rest: number[] = [];
  const folders = new Map<string, number>();
  const libraries = testLibraries(analysis.modules);
  // Judged once per folder, not per file (rails: 4,819 files in 911 folders).
  const byFolder = new Map<string, ReturnType<typeof supportingFolder>>();
  const supportingOf = (folder: string) => {
    if (!byFolder.has(folder)) byFolder.set(folder, supportingFolder(folder, libraries));
    return byFolder.get(folder);
  };
  analysis.files.forEach((file, number) => {
    const supporting = supportingOf(folderOf(file.path));
    if (supporting && supporting.category !== 'docs' && supporting.category !== 'settings') folders.set(supporting.path, (folders.get(supporting.path) ?? 0) + 1);
    else rest.push(number);
  });
  const total = analysis.files.length;
  const files = total - rest.length;
  if (rest.length === 0 || files <= total * TESTS_SHARE) return undefined;
  const truckFactor = truckFactorOverFiles(analysis, rest);
  const largest = [...folders].map(([path, n]) => ({ path, files: n })).sort((a, b) => b.files - a.files || (a.path < b.path ? -1 : 1));
  return { files, total, folders: largest.slice(0, count), folderCount: largest.length, restFiles: rest.length, rest: truckFactor };
}
