// A merge counts as a commit for who is active (METRICS.md §7: "no commit in the last N days"),
// though it carries no file events (§1): a maintainer who only merges pull requests is not gone.
import type { RawIdentity } from './identity.ts';

/** A merge commit's author (git/merge-authors.ts reads them). */
export interface MergeAuthor {
  /** As the walk names authors: after .mailmap (%aN, %aE). */
  name: string;
  email: string;
  /** Author time, Unix seconds. */
  time: number;
}

/**
 * The latest merge of each developer: a merge's author is the identity the walk saw under the same
 * name and address, else the one developer whose identities use that address (any case). An address
 * two developers share (a shared mailbox) says nothing of who merged, and a merge by someone with no
 * commit of their own names nobody: merges make no developer and join no identities.
 */
export function lastMerges<D extends { isBot: boolean }>(merges: readonly MergeAuthor[], identities: readonly RawIdentity[], developerOf: (identity: number) => D | undefined): Map<D, number> {
  const byKey = new Map<string, number>();
  const byEmail = new Map<string, Set<D>>();
  identities.forEach((identity, index) => {
    byKey.set(`${identity.name}\x1f${identity.email}`, index);
    const developer = developerOf(index);
    const email = identity.email.trim().toLowerCase();
    if (developer === undefined || email === '') return;
    let developers = byEmail.get(email);
    if (!developers) byEmail.set(email, (developers = new Set()));
    developers.add(developer);
  });
  const latest = new Map<D, number>();
  for (const merge of merges) {
    const exact = byKey.get(`${merge.name}\x1f${merge.email}`);
    const candidates = exact !== undefined ? [developerOf(exact)] : [...(byEmail.get(merge.email.trim().toLowerCase()) ?? [])];
    const developer = candidates.length === 1 ? candidates[0] : undefined;
    if (developer === undefined || developer.isBot) continue;
    latest.set(developer, Math.max(latest.get(developer) ?? 0, merge.time));
  }
  return latest;
}
