import { describe, expect, it } from 'vitest';
import { codeOnlyFigures, mayRestOnOtherFiles } from '../../src/model/critical-code.ts';
import { evaluateCriticalSystems, type CriticalSystemSpec } from '../../src/model/critical.ts';
import type { Analysis, FileOwnership } from '../../src/model/types.ts';
import { codeOnlyNotes } from '../../src/report/check-describe.ts';

// ohmyzsh's plugin-git, a CI maintainer: its README's three authors carried a bus factor its one
// code file (a single author) did not have.
function file(path: string, authors: string[]): FileOwnership {
  return { path, authors, contributions: authors.map((developer) => ({ developer, fa: 1 as const, dl: 0, ac: 0, doa: 4, normDoa: 1, isAuthor: true, lastChange: 0 })), events: 1, lastChange: 0 };
}
const developers = ['ada', 'bob', 'cy'].map((id) => ({ id, name: id.toUpperCase(), emails: [id], names: [id], commits: 1, firstCommit: '', lastCommit: '', filesAuthored: 0 }));
const analysis: Pick<Analysis, 'files' | 'developers'> = {
  developers,
  files: [
    file('plugins/git/git.plugin.zsh', ['ada']),
    file('plugins/git/README.md', ['ada', 'bob', 'cy']),
    file('docs/a.md', ['ada', 'bob']),
    file('docs/b.md', ['bob', 'cy']),
    file('docs/c.md', ['cy', 'ada']),
    file('docs/d.md', ['ada', 'cy']),
    file('docs/build.zsh', ['ada']),
    file('lib/x.zsh', ['ada', 'bob']),
    file('lib/README.md', ['ada']),
  ],
};
const isCode = (path: string) => path.endsWith('.zsh');
const specs: CriticalSystemSpec[] = [
  { name: 'plugin-git', paths: ['plugins/git/**'], minOwners: 2 },
  { name: 'docs', paths: ['docs/**'], minOwners: 2 },
  { name: 'lib', paths: ['lib/**'], minOwners: 2 },
];

describe('codeOnlyFigures', () => {
  it('gives the code files’ own figure of a system its other files lift over minOwners, and nothing for one whose code holds it', () => {
    const results = evaluateCriticalSystems(analysis, specs);
    expect(results.map((r) => r.busFactor)).toEqual([3, 2, 2]);
    expect(results.every(mayRestOnOtherFiles)).toBe(true);
    const figures = codeOnlyFigures(analysis, specs, results, isCode, [], []);
    expect(figures).toEqual([
      { codeFiles: 1, busFactor: 1, otherFiles: 1, examples: ['plugins/git/README.md'], extension: '.md' },
      { codeFiles: 1, busFactor: 1, otherFiles: 4, examples: ['docs/a.md', 'docs/b.md', 'docs/c.md'], extension: '.md' },
      undefined,
    ]);
    const systems = results.map((result, index) => ({ ...result, ...(figures[index] ? { codeOnly: figures[index] } : {}) }));
    // In the table's order: the lowest bus factor first.
    expect(codeOnlyNotes(systems).map((note) => `${note.system}: ${note.message}`)).toEqual([
      'docs: passes on files that are not code: its code (1 file) has bus factor 1 (needs 2), and its 4 other files (docs/a.md, docs/b.md, docs/c.md +1 more) lift it to 2; to gate on the code, run check with `--only-code` (every system), or leave them out of its paths (`"!**/*.md"`)',
      'plugin-git: passes on files that are not code: its code (1 file) has bus factor 1 (needs 2), and plugins/git/README.md lifts it to 3; to gate on the code, run check with `--only-code` (every system), or leave it out of its paths (`"!plugins/git/README.md"`)',
    ]);
  });

  it('judges the code after the same departures, and leaves out a system that fails on minOwners', () => {
    // Without Bob and Cy the README has one author: plugin-git fails, and no note is due.
    const gone = ['bob', 'cy'];
    const withoutThem = evaluateCriticalSystems(analysis, specs, { authorsOf: (f) => f.authors.filter((id) => !gone.includes(id)) });
    expect(withoutThem[0]?.status).toBe('violation');
    expect(codeOnlyFigures(analysis, specs, withoutThem, isCode, [], gone)[0]).toBeUndefined();
  });
});
