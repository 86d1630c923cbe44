// The published study kept only files GitHub Linguist classifies as "programming" or "markup"
// (METRICS.md §3). talentrisk offers it as --only-code; the language table is passed in, so this
// stays pure.

export interface LanguageEntry {
  type: string;
  extensions?: readonly string[];
  filenames?: readonly string[];
}

const KEPT_TYPES = new Set(['programming', 'markup']);

/**
 * Extensions a programming language shares with a prose or data one, where Linguist's heuristics
 * (by content) pick the prose or data one for ordinary files: `.md` is Markdown unless the file
 * begins as a GCC machine description does (`;;`, `(define_`); `.asc` is AsciiDoc or a public key
 * unless it reads as AGS Script. By extension alone they matched those languages, so --only-code
 * kept every README and changelog (express: History.md, Readme.md).
 */
const PROSE_BY_HEURISTICS = new Set(['.md', '.asc']);

/** A predicate: is this path a programming or markup file by its extension or name? */
export function createCodeMatcher(languages: Iterable<LanguageEntry>): (path: string) => boolean {
  const extensions = new Set<string>();
  const filenames = new Set<string>();
  for (const language of languages) {
    if (!KEPT_TYPES.has(language.type)) continue;
    for (const extension of language.extensions ?? []) if (!PROSE_BY_HEURISTICS.has(extension.toLowerCase())) extensions.add(extension.toLowerCase());
    for (const filename of language.filenames ?? []) filenames.add(filename);
  }
  return (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (filenames.has(name)) return true;
    // Longest extension first, so `.d.ts`-style double extensions also match.
    for (let dot = name.indexOf('.', 1); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      if (extensions.has(name.slice(dot).toLowerCase())) return true;
    }
    return false;
  };
}
