import { describe, expect, it } from 'vitest';
import { coChanges, HUB_SHARE } from '../../src/model/handoff-co-change.ts';
import type { FileOwnership } from '../../src/model/types.ts';

// Co-change of the handoff (src/model/handoff-co-change.ts coChanges), on hand-made windows of commits.

const file = (path: string, authors: string[] = ['ada@example.com']) => ({ path, authors }) as unknown as FileOwnership;
const commit = (n: number, files: string[]) => ({ sha: String(n).padStart(40, '0'), time: n, subject: `c${n}`, files });

describe('co-change', () => {
  it('leaves out a file that changes in a tenth of the window or more (jest: CHANGELOG.md was the first partner of 14 of 15 files)', () => {
    const analysis = { files: ['src/config.ts', 'src/valid.ts', 'CHANGELOG.md', 'src/other.ts'].map((path) => file(path)) };
    // 200 commits: config.ts and valid.ts together 6 times, each with CHANGELOG.md, which is in 20.
    const window = [
      ...Array.from({ length: 6 }, (_, i) => commit(i, ['src/config.ts', 'src/valid.ts', 'CHANGELOG.md'])),
      ...Array.from({ length: 14 }, (_, i) => commit(10 + i, ['CHANGELOG.md', 'src/other.ts'])),
      ...Array.from({ length: 180 }, (_, i) => commit(100 + i, ['src/other.ts'])),
    ];
    expect(20 / window.length).toBeGreaterThanOrEqual(HUB_SHARE);
    const result = coChanges(window, new Set(['src/config.ts', 'CHANGELOG.md']), analysis);
    expect(result.map((entry) => [entry.path, entry.partners.map((p) => p.path)])).toEqual([['src/config.ts', ['src/valid.ts']]]);
    // Below the share (20 of 201 commits), the changelog is a partner like any other file.
    const longer = [...window, commit(1000, ['src/other.ts'])];
    expect(coChanges(longer, new Set(['src/config.ts']), analysis)[0]?.partners.map((p) => p.path)).toEqual(['CHANGELOG.md', 'src/valid.ts']);
  });
});
