import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD } from './doa.ts';
import type { FileContribution } from './types.ts';

/**
 * A figure compared with a threshold, to 3 decimals, or to as many as it takes to tell it from the
 * threshold: 0.74996 rounds to "0.750", which read as "0.750 is not above 0.75".
 */
function against(value: number, threshold: number): string {
  for (let digits = 3; digits < 12; digits++) {
    const text = value.toFixed(digits);
    if (Number(text) !== threshold || value === threshold) return text;
  }
  return String(value);
}

/** A share in percent, to one decimal where a whole number would round up to the threshold's. */
function percentOf(share: number, threshold: number): string {
  const whole = Math.round(share * 100);
  return whole / 100 === threshold && share !== threshold ? `${against(share * 100, threshold * 100).replace(/0+$/, '').replace(/\.$/, '')}%` : `${whole}%`;
}

/** Why a developer is, or is not, an author of a file — the rule of METRICS.md §4 in plain words. */
export function explainAuthorship(c: FileContribution): string {
  const norm = against(c.normDoa, AUTHOR_NORM_THRESHOLD);
  if (c.isAuthor) {
    if (c.doa >= AUTHOR_ABS_THRESHOLD) return `author: normDOA ${norm} > ${AUTHOR_NORM_THRESHOLD} and DOA ${against(c.doa, AUTHOR_ABS_THRESHOLD)} ≥ ${AUTHOR_ABS_THRESHOLD}`;
    return `author: normDOA ${norm} > ${AUTHOR_NORM_THRESHOLD}; DOA is below ${AUTHOR_ABS_THRESHOLD} but they created the file (FA = 1)`;
  }
  if (c.normDoa <= AUTHOR_NORM_THRESHOLD) {
    return `not an author: normDOA ${norm} is not above ${AUTHOR_NORM_THRESHOLD} (their DOA is ${percentOf(c.normDoa, AUTHOR_NORM_THRESHOLD)} of the top one)`;
  }
  return `not an author: DOA ${against(c.doa, AUTHOR_ABS_THRESHOLD)} is below ${AUTHOR_ABS_THRESHOLD} (${c.ac === 1 ? '1 change by others outweighs' : `${c.ac} changes by others outweigh`} ${c.dl} of theirs) and they did not create the file`;
}
