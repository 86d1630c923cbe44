// config `ignoreRevs` and the file `ignoreRevsFile` names (.git-blame-ignore-revs): commits whose
// changes credit nobody (a sweep, an import), named by their ids or prefixes of them. The fold
// leaves them out of the figures, and `handoff` out of co-change and recent work, by the same match.

/** Full commit ids (SHA-1 or SHA-256), looked up in a set; shorter prefixes are compared one by one. */
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** config `ignoreRevs` (ids or prefixes, lower-cased): whether a commit id is one of them, and which were never seen. */
export function ignoredRevisions(prefixes: readonly string[]): { has(sha: string): boolean; unseen(): string[] } {
  const wanted = [...new Set(prefixes.map((prefix) => prefix.toLowerCase()))];
  // A .git-blame-ignore-revs can list hundreds of full ids: each commit of the walk asks.
  const full = new Set(wanted.filter((id) => FULL_ID.test(id)));
  const short = wanted.filter((id) => !full.has(id));
  const seen = new Set<string>();
  return {
    has(sha) {
      if (wanted.length === 0) return false;
      let found = false;
      if (full.has(sha)) {
        seen.add(sha);
        found = true;
      }
      // Every form of the id that names it counts as seen (`6d2632adae` and `6d2632adae12` both:
      // the longer was said to name no commit, a review).
      for (const prefix of short) {
        if (!sha.startsWith(prefix)) continue;
        seen.add(prefix);
        found = true;
      }
      return found;
    },
    unseen: () => wanted.filter((prefix) => !seen.has(prefix)),
  };
}

/** What a .git-blame-ignore-revs holds: its commit ids, and the lines that are none (1-based). */
export interface IgnoreRevsFile {
  ids: string[];
  invalid: { line: number; text: string }[];
}

/**
 * Parses git blame's ignore-revs format (git's oidset_parse_file, which GitHub reads too): one
 * commit id per line, `#` starts a comment anywhere on a line, blank lines are skipped. git wants
 * full ids; an abbreviated one (7 hex digits or more) is taken as config `ignoreRevs` takes it.
 */
export function parseIgnoreRevsFile(text: string): IgnoreRevsFile {
  const ids: string[] = [];
  const invalid: IgnoreRevsFile['invalid'] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const hash = raw.indexOf('#');
    const line = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (line === '') continue;
    if (/^[0-9a-fA-F]{7,64}$/.test(line)) ids.push(line.toLowerCase());
    else invalid.push({ line: index + 1, text: line });
  }
  return { ids, invalid };
}

/** The file config `ignoreRevsFile` names, as a path from the repository's root (`./x` and `/x` are `x`). */
export function ignoreRevsFilePath(setting: string | false): string | undefined {
  if (setting === false) return undefined;
  const parts = setting.replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  return parts.length === 0 ? undefined : parts.join('/');
}
