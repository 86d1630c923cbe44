import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD } from './doa.ts';
import type { FileContribution } from './types.ts';

/** Why a developer is, or is not, an author of a file — the rule of METRICS.md §4 in plain words. */
export function explainAuthorship(c: FileContribution): string {
  const norm = c.normDoa.toFixed(3);
  if (c.isAuthor) {
    if (c.doa >= AUTHOR_ABS_THRESHOLD) return `author: normDOA ${norm} > ${AUTHOR_NORM_THRESHOLD} and DOA ${c.doa.toFixed(3)} ≥ ${AUTHOR_ABS_THRESHOLD}`;
    return `author: normDOA ${norm} > ${AUTHOR_NORM_THRESHOLD}; DOA is below ${AUTHOR_ABS_THRESHOLD} but they created the file (FA = 1)`;
  }
  if (c.normDoa <= AUTHOR_NORM_THRESHOLD) {
    return `not an author: normDOA ${norm} is not above ${AUTHOR_NORM_THRESHOLD} (their DOA is ${Math.round(c.normDoa * 100)}% of the top one)`;
  }
  return `not an author: DOA ${c.doa.toFixed(3)} is below ${AUTHOR_ABS_THRESHOLD} (${c.ac} changes by others outweigh ${c.dl} of theirs) and they did not create the file`;
}
