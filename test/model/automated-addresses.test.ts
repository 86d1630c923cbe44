import { describe, expect, it } from 'vitest';
import { automatedAddresses, subjectPattern, subjectsTogether } from '../../src/model/automated-addresses.ts';

// laravel (first-time users): GitHub Actions commit as Taylor Otwell under his no-reply addresses
// ("Update facade docblocks", "Update CHANGELOG", "Update version to v…"), and his handoff treated
// those 920 commits as his knowledge with no word.
const commits = (email: string, counts: Record<string, number>) => Object.entries(counts).flatMap(([subject, n]) => Array.from({ length: n }, (_, i) => ({ email, subject: subject.replace('#', String(i)) })));

describe('automatedAddresses', () => {
  it('finds an address whose commits mostly repeat a few subjects many times, numbers read as X', () => {
    const ci = commits('463230+taylorotwell@users.noreply.github.com', { 'Update facade docblocks': 202, 'Update version to v13.#.1': 170, 'Update CHANGELOG': 170, 'Update Assets': 1 });
    const person = commits('taylor@laravel.com', { formatting: 550, 'Apply fixes from StyleCI (##)': 367, version: 338, wip: 97, patch: 40, ...Object.fromEntries(Array.from({ length: 1672 }, (_, i) => [`Change ${'x'.repeat(i + 1)}`, 1])) });
    expect(automatedAddresses([...ci, ...person])).toEqual([
      {
        email: '463230+taylorotwell@users.noreply.github.com',
        commits: 543,
        repeatedCommits: 542,
        subjects: [
          { subject: 'Update facade docblocks', commits: 202 },
          { subject: 'Update CHANGELOG', commits: 170 },
          { subject: 'Update version to vX', commits: 170 },
        ],
      },
    ]);
  });

  it('leaves people alone: a changelog written by hand in several wordings, and a maintainer’s terse subjects', () => {
    // laravel's Tetiana Blindaruk: 341 + 28 "[X.x] update changelog" (case aside), 93, 49, 40, 25 of 737: 0.69 in 3 subjects.
    const changelog = commits('t@example.com', { '[10.x] update changelog': 341, '[10.x] Update changelog': 28, '[5] update changelog': 93, '[10.x] Added changelog': 49, '[10.x] Update CHANGELOG.md': 40, '[10.x] Fixed changelog': 25, ...Object.fromEntries(Array.from({ length: 161 }, (_, i) => [`Fix ${'y'.repeat(i + 1)}`, 1])) });
    expect(automatedAddresses(changelog)).toEqual([]);
    // Every commit the same, but fewer than 50: no judgement on so little.
    expect(automatedAddresses(commits('small@example.com', { 'Update docs': 49 }))).toEqual([]);
    expect(automatedAddresses(commits('small@example.com', { 'Update docs': 50 }))).toHaveLength(1);
    // 80% is the bound: 50 of 63 (0.79) is not enough, 50 of 62 (0.81) is.
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Other ${'z'.repeat(i + 1)}`, 1]));
    expect(automatedAddresses(commits('a@example.com', { Sync: 50, ...many(13) }))).toEqual([]);
    expect(automatedAddresses(commits('a@example.com', { Sync: 50, ...many(12) }))).toHaveLength(1);
    // A subject made fewer than 10 times is no repeat (59 of 63 would be), nor a fourth one (90 of 100 would be).
    expect(automatedAddresses(commits('b@example.com', { Sync: 50, Tag: 9, ...many(4) }))).toEqual([]);
    expect(automatedAddresses(commits('b@example.com', { Sync: 50, A: 10, B: 10, C: 10, D: 10, ...many(10) }))).toEqual([]);
    expect(automatedAddresses(commits('b@example.com', { Sync: 50, A: 10, B: 10, C: 10, ...many(5) }))[0]).toMatchObject({ commits: 85, repeatedCommits: 70 });
  });

  it('reads numbers as X and joins the subjects of several addresses', () => {
    expect(subjectPattern('  Update version to v13.26.1  (#61272)')).toBe('Update version to vX (#X)');
    const first = automatedAddresses(commits('a@example.com', { 'Update facade docblocks': 60 }));
    const second = automatedAddresses(commits('b@example.com', { 'update facade docblocks': 50, 'Update CHANGELOG': 20 }));
    expect(subjectsTogether([...first, ...second])).toEqual([
      { subject: 'Update facade docblocks', commits: 110 },
      { subject: 'Update CHANGELOG', commits: 20 },
    ]);
  });
});
