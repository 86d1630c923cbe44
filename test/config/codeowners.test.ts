import { describe, expect, it } from 'vitest';
import { isCatchAll, parseCodeowners, patternToGlobs } from '../../src/config/codeowners.ts';
import { createSystemMatcher } from '../../src/model/critical.ts';

describe('parseCodeowners', () => {
  it('reads rules with their line, skipping comments, blank lines and GitLab sections', () => {
    const text = [
      '# default owners',
      '*       @org/everyone',
      '',
      '/src/payments/   @org/payments @ada   # payments team',
      '[Docs]',
      '^[Optional] @org/docs',
      'docs/  @org/docs',
      'my\\ file.txt @bob',
      'src/\\#hash.ts @carol',
      '/unowned/',
    ].join('\n');
    expect(parseCodeowners(text).map(({ line, pattern, owners }) => ({ line, pattern, owners }))).toEqual([
      { line: 2, pattern: '*', owners: ['@org/everyone'] },
      { line: 4, pattern: '/src/payments/', owners: ['@org/payments', '@ada'] },
      { line: 7, pattern: 'docs/', owners: ['@org/docs'] },
      { line: 8, pattern: 'my file.txt', owners: ['@bob'] },
      { line: 9, pattern: 'src/#hash.ts', owners: ['@carol'] },
      { line: 10, pattern: '/unowned/', owners: [] },
    ]);
  });

  it('reads Windows line endings', () => {
    expect(parseCodeowners('a.ts @x\r\nb.ts @y\r\n').map((r) => r.owners)).toEqual([['@x'], ['@y']]);
  });
});

describe('patternToGlobs (gitignore rules, as GitHub documents them)', () => {
  const cases: [string, string[], string[], string[]][] = [
    // pattern, globs, paths it matches, paths it does not
    ['*', ['**'], ['a.ts', 'x/y/z.md'], []],
    ['*.js', ['**/*.js'], ['a.js', 'src/deep/b.js'], ['a.ts', 'a.js.map']],
    ['/docs/', ['docs/**'], ['docs/a.md', 'docs/x/y.md'], ['src/docs/a.md']],
    ['docs/', ['**/docs/**'], ['docs/a.md', 'src/docs/a.md'], ['docsite/a.md']],
    ['/scripts/*', ['scripts/*'], ['scripts/a.sh'], ['scripts/sub/b.sh']],
    ['apps/web', ['apps/web', 'apps/web/**'], ['apps/web/index.ts'], ['x/apps/web/index.ts']],
    ['/build/logs', ['build/logs', 'build/logs/**'], ['build/logs/a.log'], ['build/logsx/a']],
    ['**/logs', ['**/logs', '**/logs/**'], ['logs/a', 'deep/logs/b'], ['logsx/a']],
    ['Makefile', ['**/Makefile', '**/Makefile/**'], ['Makefile', 'sub/Makefile'], ['Makefile.old']],
  ];
  for (const [pattern, globs, yes, no] of cases) {
    it(`${pattern} → ${globs.join(', ')}`, () => {
      expect(patternToGlobs(pattern)).toEqual(globs);
      const matches = createSystemMatcher(globs);
      for (const file of yes) expect(matches(file), file).toBe(true);
      for (const file of no) expect(matches(file), file).toBe(false);
    });
  }

  it('knows the catch-all line', () => {
    expect(isCatchAll({ globs: patternToGlobs('*') })).toBe(true);
    expect(isCatchAll({ globs: patternToGlobs('/src/') })).toBe(false);
  });
});
