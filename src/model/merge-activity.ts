// A merge counts as a commit for who is active (METRICS.md §7: "no commit in the last N days"),
// though it carries no file events (§1): a maintainer who only merges pull requests is not gone.
import { nameKey, type RawIdentity } from './identity.ts';
import { isPlaceholderAddress } from './placeholder-addresses.ts';

/** A merge commit's author (git/merge-authors.ts reads them). */
export interface MergeAuthor {
  /** As the walk names authors: after .mailmap (%aN, %aE). */
  name: string;
  email: string;
  /** Author time, Unix seconds. */
  time: number;
}

/**
 * The latest merge of each developer, as the identity rules would join its author (identity.ts): the
 * identity the walk saw under the same name and address, else the one developer whose identities use
 * that address (any case). Not over a placeholder address (`root@localhost`: whoever committed over
 * it), and over an address several people's names share (`shared`, sharedAddressIdentities) only
 * under one of those names; never a bot's merge (`isBot`: the walk's matcher), and a merge by someone
 * with no commit of their own names nobody: merges make no developer and join no identities. A
 * review found `Bob Merger <root@localhost>` making Alice active, and `dependabot[bot]` over Ada's address making her so.
 */
export function lastMerges<D extends { isBot: boolean }>(
  merges: readonly MergeAuthor[],
  identities: readonly RawIdentity[],
  developerOf: (identity: number) => D | undefined,
  options: {
    /** The identity of exactly this name and address (IdentityTable.find). */
    find: (author: { name: string; email: string }) => number | undefined;
    isBot: (author: { name: string; email: string }) => boolean;
    shared: ReadonlySet<number>;
  },
): Map<D, number> {
  const byEmail = new Map<string, number[]>();
  identities.forEach((identity, index) => {
    const email = identity.email.trim().toLowerCase();
    if (email === '') return;
    const list = byEmail.get(email);
    if (list) list.push(index);
    else byEmail.set(email, [index]);
  });
  const authorOf = (merge: MergeAuthor): D | undefined => {
    const exact = options.find(merge);
    if (exact !== undefined) return developerOf(exact);
    const email = merge.email.trim().toLowerCase();
    if (email === '' || isPlaceholderAddress(email)) return undefined;
    let over = byEmail.get(email) ?? [];
    if (over.some((index) => options.shared.has(index))) {
      const name = nameKey(merge.name);
      over = over.filter((index) => nameKey((identities[index] as RawIdentity).name) === name);
    }
    const developers = new Set(over.map(developerOf));
    return developers.size === 1 ? [...developers][0] : undefined;
  };
  const latest = new Map<D, number>();
  for (const merge of merges) {
    if (options.isBot(merge)) continue;
    const developer = authorOf(merge);
    if (developer === undefined || developer.isBot) continue;
    latest.set(developer, Math.max(latest.get(developer) ?? 0, merge.time));
  }
  return latest;
}
