import * as linguist from 'linguist-languages';
import { describe, expect, it } from 'vitest';
import { createCodeMatcher, type LanguageEntry } from '../../src/model/languages.ts';

// --only-code (METRICS.md §3): programming and markup files by Linguist's table, by name and extension.
describe('createCodeMatcher', () => {
  const isCode = createCodeMatcher(Object.values(linguist as unknown as Record<string, LanguageEntry>));

  it('keeps programming and markup files, by extension or file name', () => {
    for (const path of ['src/a.ts', 'src/view.tsx', 'lib/main.rs', 'Makefile', 'db/schema.sql', 'index.html', 'types/x.d.ts']) expect(isCode(path), path).toBe(true);
  });

  it('drops prose and data, and .md and .asc, which programming languages share with prose (doc audit: every README was kept)', () => {
    for (const path of ['README.md', 'docs/guide.md', 'History.md', 'doc/manual.asc', 'notes.txt', 'data/table.csv', 'package.json']) expect(isCode(path), path).toBe(false);
  });
});
