import { describe, expect, it } from 'vitest';
import { joinSnippets, lookAlikeDevelopers, namesLookAlike, namesSpelledAlike, type NamedDeveloper } from '../../src/model/look-alike-names.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

// Two developers with names that look like one person's (svelte: "Simon H" and "Simon Holthausen",
// redis: "filipe oliveira" and "Filipe Oliveira (Redis)"): a warning, the figures unchanged.

const dev = (name: string, email: string, files: number, emails: string[] = [email]): NamedDeveloper => ({ id: email, name, emails, files });

describe('namesLookAlike', () => {
  it('reads names alike once case, accents, punctuation and a trailing "(…)" are ignored', () => {
    expect(namesLookAlike('filipe oliveira', 'Filipe Oliveira (Redis)')).toBe(true);
    expect(namesLookAlike('José Díaz', 'Jose Diaz')).toBe(true);
    expect(namesLookAlike('Rich-Harris', 'Rich Harris')).toBe(true);
    expect(namesLookAlike('Chen Tianjie', 'chentianjie')).toBe(true);
    expect(namesLookAlike('(no name)', '(unknown)')).toBe(false);
  });

  // redis: "MOREL Matthieu" and "Matthieu MOREL" were two developers with no warning (a tester).
  it('reads the same two words or more in another order alike, not one word or other words', () => {
    expect(namesLookAlike('MOREL Matthieu', 'Matthieu MOREL')).toBe(true);
    expect(namesLookAlike('Zhang Wei Ming', 'Wei Ming Zhang')).toBe(true);
    expect(namesLookAlike('Lee Ann', 'Ann Leeds')).toBe(false);
    expect(lookAlikeDevelopers([dev('MOREL Matthieu', 'm1', 3), dev('Matthieu MOREL', 'm2', 1)]).map((pair) => pair.developers.map((d) => d.id))).toEqual([['m1', 'm2']]);
  });

  it('does not read a pair’s identity as one of its people (rails: "Yehuda Katz + Carl Lerche")', () => {
    expect(namesLookAlike('Yehuda Katz', 'Yehuda Katz + Carl Lerche')).toBe(false);
    expect(namesLookAlike('Ann Lee', 'Ann Lee and Bo Chan')).toBe(false);
    expect(namesLookAlike('Ann Lee & Bo Chan', 'Ann Lee & Bo C')).toBe(true);
  });

  it('reads a shortened name alike when the first word is the same and each further word starts the other’s', () => {
    expect(namesLookAlike('Simon H', 'Simon Holthausen')).toBe(true);
    expect(namesLookAlike('Simon Holthausen', 'Simon H.')).toBe(true);
    expect(namesLookAlike('Rohan Santhosh', 'Rohan Santhosh Kumar')).toBe(true);
    // A first name alone is too common; another first word or surname is another person.
    expect(namesLookAlike('Simon', 'Simon Holthausen')).toBe(false);
    expect(namesLookAlike('Sam Holthausen', 'Simon Holthausen')).toBe(false);
    expect(namesLookAlike('John Smith', 'John Smythe')).toBe(false);
    expect(namesLookAlike('John Smith', 'John A Smith')).toBe(false);
    // A vowel sign is part of its word, not a separator (राम and रीमा are two names).
    expect(namesLookAlike('राम कुमार', 'रीमा कुमार')).toBe(false);
  });

  // Joining a co-author to the commit's author takes one name spelt two ways, not a shortened word:
  // Wei Li co-authoring with Wei Lin are two people (a review).
  it('joins only names spelt two ways (namesSpelledAlike), not names one of which shortens the other', () => {
    for (const [a, b] of [
      ['Rolf Schröder', 'Rolf Schroeder'],
      ['Civan Yavuzşen', 'C. Yavuzsen'],
      ['Žiga Šebenik', 'Ziga Sebenik'],
      ['Jóhann Friðriksson', 'Johann Fridriksson'],
      ['Steve Lessard Jr', 'Steve Lessard'],
      ['MOREL Matthieu', 'Matthieu Morel'],
      ['Nathan H. Leung', 'nathanhleung'],
    ]) {
      expect(namesSpelledAlike(a as string, b as string), `${a} / ${b}`).toBe(true);
    }
    for (const [a, b] of [
      ['Wei Li', 'Wei Lin'],
      ['Simon H', 'Simon Holthausen'],
      ['Steve Lessard Jr', 'Steve Lessard Sr'],
      ['Prem Sichanugrist', 'Prem Sichanugrist and Chris Toomey'],
      ['Simon', 'Simon Holthausen'],
    ]) {
      expect(namesSpelledAlike(a as string, b as string), `${a} / ${b}`).toBe(false);
    }
  });

  // ohmyzsh: authors naming themselves as co-authors under another spelling (self-co-authors.ts).
  it('reads a letter written two ways either way, an initial for the first name, and a generational suffix dropped', () => {
    expect(namesLookAlike('Rolf Schröder', 'Rolf Schroeder')).toBe(true);
    expect(namesLookAlike('Rolf Schröder', 'Rolf Schroder')).toBe(true);
    expect(namesLookAlike('Søren Kierkegaard', 'Soeren Kierkegaard')).toBe(true);
    expect(namesLookAlike('Jan Åberg', 'Jan Aaberg')).toBe(true);
    expect(namesLookAlike('Jóhann Friðriksson', 'Johann Fridriksson')).toBe(true);
    expect(namesLookAlike('Žiga Šebenik', 'Ziga Sebenik')).toBe(true);
    expect(namesLookAlike('Paul Weiß', 'Paul Weiss')).toBe(true);
    expect(namesLookAlike('Civan Yavuzşen', 'C. Yavuzsen')).toBe(true);
    expect(namesLookAlike('C Yavuzsen', 'Civan Yavuzşen')).toBe(true);
    expect(namesLookAlike('Steve Lessard Jr', 'Steve Lessard')).toBe(true);
    expect(namesLookAlike('Steve Lessard', 'Steve Lessard II')).toBe(true);
    // Not another first name, another suffix, an initial of another letter, or another script's
    // one-character word (a whole name there, not an initial).
    expect(namesLookAlike('George Krajcsovits', 'György Krajcsovits')).toBe(false);
    expect(namesLookAlike('Steve Lessard Jr', 'Steve Lessard Sr')).toBe(false);
    expect(namesLookAlike('D. Yavuzsen', 'Civan Yavuzsen')).toBe(false);
    expect(namesLookAlike('C. Yavuz', 'Civan Yavuzsen')).toBe(false);
    expect(namesLookAlike('王 小明', '王伟 小明')).toBe(false);
  });
});

describe('lookAlikeDevelopers', () => {
  it('pairs developers, most files first, under the fuller name, with the ways to join them', () => {
    const pairs = lookAlikeDevelopers([
      dev('Simon H', '5968653+dummdidumm@users.noreply.github.com', 1845),
      dev('Simon Holthausen', 'simon.holthausen@vercel.com', 1531, ['simon.holthausen@accso.de', 'simon.holthausen@vercel.com']),
      dev('filipe oliveira', 'filipecosta.90@gmail.com', 30),
      dev('Filipe Oliveira (Redis)', 'filipe@redis.com', 5, ['52153106+fcostaoliveira@users.noreply.github.com', 'filipe@redis.com']),
      dev('Rich Harris', 'rich@example.com', 5696),
    ]);
    expect(pairs.map((pair) => [pair.developers.map((d) => d.name), pair.name])).toEqual([
      [['Simon H', 'Simon Holthausen'], 'Simon Holthausen'],
      [['filipe oliveira', 'Filipe Oliveira (Redis)'], 'Filipe Oliveira'],
    ]);
    expect(joinSnippets(pairs[0]!)).toEqual({
      people: '{ name: "Simon Holthausen", emails: ["5968653+dummdidumm@users.noreply.github.com", "simon.holthausen@vercel.com"] }',
      mailmap: ['Simon Holthausen <5968653+dummdidumm@users.noreply.github.com>'],
    });
    // Every email of the renamed developer: only the old name joined them; "filipe oliveira" joins by name already.
    expect(joinSnippets(pairs[1]!).mailmap).toEqual(['Filipe Oliveira <52153106+fcostaoliveira@users.noreply.github.com>', 'Filipe Oliveira <filipe@redis.com>']);
  });

  it('pairs names alike by a letter written two ways or by an initial (grouped by them, not compared pair by pair)', () => {
    const pairs = lookAlikeDevelopers([
      dev('Rolf Schröder', 'rolf.schr@gmail.example', 9),
      dev('Rolf Schroeder', 'rolf.schroeder@centogene.example', 5),
      dev('C. Yavuzsen', 'cyavuzsen@comscore.example', 6),
      dev('Civan Yavuzşen', 'civan@example.com', 7),
      dev('George Krajcsovits', 'george@example.com', 8),
      dev('György Krajcsovits', 'gyorgy@example.com', 8),
    ]);
    expect(pairs.map((pair) => [pair.developers.map((d) => d.name), pair.name])).toEqual([
      [['Rolf Schröder', 'Rolf Schroeder'], 'Rolf Schroeder'],
      [['Civan Yavuzşen', 'C. Yavuzsen'], 'Civan Yavuzşen'],
    ]);
  });

  it('leaves out one name kept apart on purpose, and a developer without an email', () => {
    expect(lookAlikeDevelopers([dev('Babel Bot', 'babel-bot@babeljs.io', 9), dev('Babel Bot', '30521560+liuxingbaoyu@users.noreply.github.com', 9)])).toEqual([]);
    expect(lookAlikeDevelopers([dev('Ann Lee', 'ann@example.com', 9), { id: 'name:ann l', name: 'Ann L', emails: [], files: 9 }])).toEqual([]);
  });
});

describe('the look-alike names warning', () => {
  const writes = (prefix: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/f${i}.txt`, 3]));
  const by = (name: string, email: string, prefix: string, files: number): FixtureCommit => ({ author: { name, email }, write: writes(prefix, files) });

  it('names two developers who author 5 files or more each, and no one with fewer who is not on a list (svelte: "Simon H", "Simon Holthausen")', async () => {
    const repo = buildRepo([
      by('Ann Stone', 'ann@example.com', 'a', 40),
      by('Bob Stone', 'bob@example.com', 'b', 40),
      by('Simon H', '5968653+dummdidumm@users.noreply.github.com', 'a/s', 6),
      by('Simon Holthausen', 'simon@vercel.example', 'b/s', 5),
      // Third owners of their modules with 4 files and 1 file: no figure's difference, nothing said.
      by('Cy D', 'cy@x.example', 'a/c', 4),
      by('Cy Dee', 'cy@y.example', 'b/c', 1),
      by('Simon', 'simon@home.example', 'b/t', 5),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    expect(analysis.warnings.filter((warning) => warning.includes('look like'))).toEqual([
      'two developers have names that look like one person\'s (Simon H <5968653+dummdidumm@users.noreply.github.com> (6 files) and Simon Holthausen <simon@vercel.example> (5 files)): only an equal name or email joins identities, so they count as two people in every figure; if they are one person, join them with `people: [{ name: "Simon Holthausen", emails: ["5968653+dummdidumm@users.noreply.github.com", "simon@vercel.example"] }]` in .talentrisk.yml, or with the .mailmap line `Simon Holthausen <5968653+dummdidumm@users.noreply.github.com>` (README, "What is analysed")',
    ]);
    // The figures keep the rule; the alias it proposes joins them and ends the warning.
    expect(analysis.developers.map((d) => d.name)).toContain('Simon H');
    const joined = await analyzeRepo(repo.dir, { depth: 1, config: { people: [{ name: 'Simon Holthausen', emails: ['5968653+dummdidumm@users.noreply.github.com', 'simon@vercel.example'] }] } });
    expect(joined.warnings.filter((warning) => warning.includes('look like'))).toEqual([]);
    expect(joined.developers.find((d) => d.name === 'Simon Holthausen')?.filesAuthored).toBe(11);
    // Under the classic model, config people is off: .mailmap only.
    const classic = await analyzeRepo(repo.dir, { depth: 1, model: 'classic' });
    expect(classic.warnings.find((warning) => warning.includes('look like'))).toMatch(/join them with the \.mailmap line `Simon Holthausen <5968653\+dummdidumm@users\.noreply\.github\.com>` \(config `people:` is off under --model classic; README/);
  });

  it('names a pair the scan lists (the truck factor, a module’s top owners) in a small repository, though each authors fewer than 5 files', async () => {
    const repo = buildRepo([by('Ann Lee', 'ann@home.example', 'a', 2), by('Ann L', 'ann@work.example', 'b', 2)]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.truckFactor.developers.map((d) => d.id).sort()).toEqual(['ann@home.example', 'ann@work.example']);
    expect(analysis.warnings.find((warning) => warning.includes('look like'))).toContain('(Ann Lee <ann@home.example> (2 files) and Ann L <ann@work.example> (2 files))');
  });

  it('names each developer in one pair (three Simons made three people: entries that shared emails), and not two people the config names apart', async () => {
    const repo = buildRepo([
      by('Simon Holthausen', 'simon@vercel.example', 'a', 9),
      by('Simon Ho', 'ho@x.example', 'b', 7),
      by('Simon H', 'h@x.example', 'c', 6),
      by('Li Wei', 'wei@x.example', 'd', 6),
      by('Li Weiming', 'weiming@x.example', 'e', 5),
    ]);
    const look = async (config = {}) => (await analyzeRepo(repo.dir, { depth: 1, config })).warnings.find((w) => w.includes('look like')) ?? '';
    const warning = await look();
    expect(warning).toMatch(/^2 pairs of developers have names that look like one person's \(Simon Holthausen <simon@vercel\.example> \(9 files\) and Simon Ho <ho@x\.example> \(7 files\); Li Wei <wei@x\.example> \(6 files\) and Li Weiming <weiming@x\.example> \(5 files\)\)/);
    // Named apart in people: (two entries), Li Wei and Li Weiming are two people on purpose.
    const apart = await look({ people: [{ name: 'Li Wei', emails: ['wei@x.example'] }, { name: 'Li Weiming', emails: ['weiming@x.example'] }] });
    expect(apart).toMatch(/^two developers have names that look like one person's \(Simon Holthausen .* and Simon Ho /);
    expect(apart).not.toContain('Li Wei');
  });

  it('lists 5 pairs and how many more, and a renamed developer’s first 3 emails', async () => {
    const pairs = ['Ada', 'Bea', 'Cid', 'Dov', 'Eli', 'Fay'].flatMap((first, i) => [by(`${first} Quinn`, `${first.toLowerCase()}@q.example`, `m${i}/q`, 10 - i), by(`${first} Q`, `${first.toLowerCase()}@other.example`, `m${i}/o`, 5)]);
    const repo = buildRepo([
      ...pairs,
      ...['one', 'two', 'three', 'four', 'five'].map((local): FixtureCommit => ({ author: { name: 'Ada Q', email: `${local}@ada.example` }, write: { 'm0/o/f0.txt': 2 } })),
    ]);
    const warning = (await analyzeRepo(repo.dir, { depth: 1 })).warnings.find((w) => w.includes('look like')) ?? '';
    expect(warning).toMatch(/^6 pairs of developers have names that look like one person's \(Ada Quinn <ada@q\.example> \(10 files\) and Ada Q <ada@other\.example> \(5 files\); .*; Eli Quinn .*; \+1 more\): /);
    expect(warning).not.toContain('Fay');
    expect(warning).toContain('join each pair that is one person with its entry of `people: [{ name: "Ada Quinn", emails: ["ada@q.example", "ada@other.example"] }, { name: "Bea Quinn"');
    expect(warning).toContain('or with its .mailmap lines (`Ada Quinn <ada@other.example>`, `Ada Quinn <five@ada.example>`, `Ada Quinn <four@ada.example>`, and one for each of 3 more emails (`--format json` lists them); `Bea Quinn <bea@other.example>`; ');
  });
});
