import type { FixtureCommit } from '../helpers/git-fixture.ts';

/**
 * laravel's shape, small: Bob created 24 files and Carol and Dave changed each three times, every
 * commit with a `Co-authored-by: Ann` trailer (as GitHub adds one for a maintainer who pushes to a
 * pull request before squash-merging it). Ann is the only author of the 24 through those trailers,
 * and of 10 files of her own. Also: a bot's commit crediting Ann as a co-author (no event without
 * co-authors), a commit where Ann co-authors her own commit under another email (one change, not a
 * co-author's), and a file only a bot's commit with Erin as co-author created (not analysed without
 * co-authors).
 */
export function coAuthoredHistory(): FixtureCommit[] {
  const shared = Array.from({ length: 24 }, (_, i) => `src/f${String(i).padStart(2, '0')}.ts`);
  const all = (content: number) => Object.fromEntries(shared.map((file) => [file, content]));
  const own = Array.from({ length: 10 }, (_, i) => `lib/own${i}.ts`);
  const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
  return [
    { author: 'ann', write: Object.fromEntries(own.map((file) => [file, 5])) },
    { author: 'erin', write: { 'docs/e1.md': 3, 'docs/e2.md': 3, 'docs/e3.md': 3, 'docs/e4.md': 3, 'docs/e5.md': 3 } },
    { author: 'bob', write: all(5), coAuthors: ['ann'] },
    { author: 'carol', write: all(5), coAuthors: ['ann'] },
    { author: 'dave', write: all(5), coAuthors: ['ann'] },
    { author: 'carol', write: all(5), coAuthors: ['ann'] },
    { author: 'dave', write: all(5), coAuthors: ['ann'] },
    { author: 'carol', write: all(5), coAuthors: ['ann'] },
    { author: 'dave', write: all(5), coAuthors: ['ann'] },
    { author: renovate, write: { 'lib/own0.ts': 5 }, coAuthors: ['ann'] },
    { author: 'ann', write: { 'lib/own1.ts': 5 }, coAuthors: [{ name: 'Ann', email: 'ann@work.example' }] },
    { author: renovate, write: { 'lib/generated-by-bot.ts': 5 }, coAuthors: ['erin'] },
  ];
}
