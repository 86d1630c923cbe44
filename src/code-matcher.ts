import { createCodeMatcher, type LanguageEntry } from './model/languages.ts';

/**
 * --only-code's test of a path, from Linguist's language table: loaded when asked for (it is large,
 * ~0.3 s), for the scan's selection, explain's count of files left out, and check's note on systems
 * that pass on files that are not code.
 */
export async function loadCodeMatcher(): Promise<(path: string) => boolean> {
  const linguist = (await import('linguist-languages')) as unknown as Record<string, LanguageEntry>;
  return createCodeMatcher(Object.values(linguist));
}
