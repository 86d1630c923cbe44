// Who merged, and when: the authors of the merge commits made lately. The walk reads no merge (they
// carry no file events, METRICS.md §1), but a merge is a commit, and "inactive" means no commit in
// the last N days (§7): psf/requests' Ian Cordasco merged 20 pull requests in 2018, the last 64 days
// before 2019-01-01, and read as inactive for 465 days, so the successor proposed for adapters.py
// was someone who knew it half as well (a first-time user's test).
import { toGitError } from './client.ts';
import { PINNED_LOG_OPTIONS } from './log-format.ts';
import type { Repository } from './repo.ts';
import type { MergeAuthor } from '../model/merge-activity.ts';

const FIELD = '\x1f';

/**
 * The author of each merge commit at `revision` or before it, committed since `since` (Unix
 * seconds): git stops its walk at commits older than that, so only the recent history is read
 * (rails' last 180 days: ~50 ms). A failure is the caller's to weigh (analyze warns and goes on).
 */
export async function readMergeAuthors(repo: Repository, revision: string, since: number): Promise<MergeAuthor[]> {
  // A window reaching before 1970 (a huge model.inactiveAfter) is the whole history: no --since,
  // which git would read as no merge at all, and Date would refuse past its range (a review).
  const window = Number.isFinite(since) && since > 0 ? [`--since=${new Date(since * 1000).toISOString()}`] : [];
  try {
    const output = await repo.side.raw(['log', ...PINNED_LOG_OPTIONS, '--merges', ...window, `--format=${FIELD}%aN${FIELD}%aE${FIELD}%at`, revision, '--']);
    const merges: MergeAuthor[] = [];
    for (const line of output.split('\n')) {
      if (!line.startsWith(FIELD)) continue;
      const [name = '', email = '', time = ''] = line.slice(1).split(FIELD);
      if (/^\d+$/.test(time)) merges.push({ name, email, time: Number(time) });
    }
    return merges;
  } catch (error) {
    throw toGitError(error, `reading the merges of ${revision.slice(0, 12)}`);
  }
}
