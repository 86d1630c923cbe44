import { fixedApart } from './apart.ts';
import { BULK_CHANGES } from './authorship.ts';
import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD } from './doa.ts';
import type { FileContribution } from './types.ts';

/** A DOA or normDOA to 3 decimals, or more where 3 would round it onto the threshold it is compared with. */
export function doaText(value: number, kind: 'doa' | 'normDoa'): string {
  return fixedApart(value, kind === 'doa' ? AUTHOR_ABS_THRESHOLD : AUTHOR_NORM_THRESHOLD, 3)[0];
}

const against = (value: number, threshold: number) => fixedApart(value, threshold, 3)[0];
const percentOf = (share: number, threshold: number) => `${fixedApart(share * 100, threshold * 100, 0)[0]}%`;

/** Why a developer is, or is not, an author of a file — the rule of METRICS.md §4 in plain words. */
export function explainAuthorship(c: FileContribution): string {
  return `${authorshipReason(c)}${bulkNote(c)}${coAuthorNote(c)}`;
}

/**
 * How much of their FA and DL came through `Co-authored-by:` trailers on others' commits
 * (FileContribution.coAuthorDl, coAuthorFa): laravel's Number.php counts "Taylor Otwell FA 1 DL 19"
 * above its creator, who wrote it, while 15 of those changes and the creation are trailers GitHub
 * added to others' squash-merged pull requests (an engineering manager's test).
 */
function coAuthorNote(c: Pick<FileContribution, 'dl' | 'coAuthorDl' | 'coAuthorFa'>): string {
  const coDl = c.coAuthorDl ?? 0;
  const created = c.coAuthorFa === 1;
  if (coDl <= 0 && !created) return '';
  const parts = [...(created ? ['FA 1 as a co-author'] : []), ...(coDl > 0 ? [`DL ${c.dl}, of which ${coDl} as a co-author`] : [])];
  const trailers = (created ? 1 : 0) + coDl;
  return `; ${parts.join(', ')} (${trailers > 1 ? "Co-authored-by trailers on others' commits" : "a Co-authored-by trailer on someone else's commit"})`;
}

/**
 * How many of their changes were in bulk commits (FileContribution.bulk): spring-boot's successor for
 * hundreds of files had no change to them but a directory move and a copyright sweep, which the
 * figures count as changes (an engineering manager's test).
 */
function bulkNote(c: Pick<FileContribution, 'dl' | 'bulk'>): string {
  const bulk = c.bulk ?? 0;
  if (bulk <= 0) return '';
  const which = bulk >= c.dl ? (c.dl === 1 ? 'their one change' : `all ${c.dl} of their changes`) : `${bulk} of their ${c.dl} changes`;
  return `; ${which} ${bulk === 1 ? 'is in a commit' : 'are in commits'} that ${bulk === 1 ? 'changes or moves' : 'change or move'} ${BULK_CHANGES} files or more (a sweep or a reorganisation)`;
}

function authorshipReason(c: FileContribution): string {
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

/**
 * The contributions `explain` shows in the terminal: every author, then the highest DOAs up to
 * `rows` in all, in their order (highest DOA first). A file with 104 developers printed 104 rows
 * and 104 reasons (vite); and a creator is an author whatever their DOA (FA = 1), so an author can
 * rank below many who are not.
 */
export function rowsToShow<T extends Pick<FileContribution, 'isAuthor'>>(contributions: readonly T[], rows: number): T[] {
  let others = Math.max(0, rows - contributions.filter((c) => c.isAuthor).length);
  return contributions.filter((c) => c.isAuthor || others-- > 0);
}
