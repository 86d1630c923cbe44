// config `ignoreRevs`: commits whose changes credit nobody (a sweep, an import), named by their ids
// or prefixes of them. The fold leaves them out of the figures, and `handoff` out of co-change and
// recent work, by the same match.

/** config `ignoreRevs` (ids or prefixes, lower-cased): whether a commit id is one of them, and which were never seen. */
export function ignoredRevisions(prefixes: readonly string[]): { has(sha: string): boolean; unseen(): string[] } {
  const wanted = [...new Set(prefixes.map((prefix) => prefix.toLowerCase()))];
  const seen = new Set<string>();
  return {
    has(sha) {
      if (wanted.length === 0) return false;
      let found = false;
      // Every form of the id that names it counts as seen (`6d2632adae` and `6d2632adae12` both:
      // the longer was said to name no commit, a review).
      for (const prefix of wanted) {
        if (!sha.startsWith(prefix)) continue;
        seen.add(prefix);
        found = true;
      }
      return found;
    },
    unseen: () => wanted.filter((prefix) => !seen.has(prefix)),
  };
}
