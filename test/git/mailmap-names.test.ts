import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailmapNames, parseMailmapNames } from '../../src/git/mailmap-names.ts';
import { openRepository } from '../../src/git/repo.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

// hugo's .mailmap gives "Steve Francia" to spf13: a name no analysed commit shows, that people call him by.
describe('names a .mailmap replaces', () => {
  const text = [
    '# Comment Name <c@example.com> Other Name <o@example.com>',
    'spf13 <steve@example.com> Steve Francia <steve@example.com>',
    'Proper <proper@example.com> Commit Name <OLD@example.com>  # after the second email',
    'Same Name <a@example.com> same name <a@example.com>',
    '<only@example.com> Kept Name <kept@example.com>',
    'Ada <ada@example.com>',
    'Ada <ada@example.com> <ada@old.example>',
    '',
  ].join('\n');

  it('are read as git reads them: the commit name of a line that gives it another, and the email after it', () => {
    expect(parseMailmapNames(text)).toEqual([
      { name: 'Steve Francia', email: 'steve@example.com' },
      { name: 'Commit Name', email: 'proper@example.com' },
    ]);
    const repo = buildRepo([{ author: 'ada', write: { 'a.ts': 1, '.mailmap': text } }]);
    const contacts = ['Steve Francia <steve@example.com>', 'Commit Name <old@example.com>', 'Kept Name <kept@example.com>', 'Comment Name <c@example.com>'];
    expect(execFileSync('git', ['check-mailmap', '--', ...contacts], { cwd: repo.dir, encoding: 'utf8' }).split('\n').slice(0, -1)).toEqual([
      'spf13 <steve@example.com>',
      'Proper <proper@example.com>',
      // Its name kept, its email replaced: the name stays in the analysed commits.
      'Kept Name <only@example.com>',
      'Comment Name <c@example.com>',
    ]);
  });

  it('come from the .mailmap git reads for the repository: its work tree’s, or HEAD’s in a bare one', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'a.ts': 1, '.mailmap': text } }]);
    const names = parseMailmapNames(text);
    expect(await mailmapNames(await openRepository(repo.dir))).toEqual(names);
    const bare = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'bare-')), 'mirror.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    expect(await mailmapNames(await openRepository(bare))).toEqual(names);
    const none = buildRepo([{ author: 'ada', write: { 'a.ts': 1 } }]);
    expect(await mailmapNames(await openRepository(none.dir))).toEqual([]);
  });
});
