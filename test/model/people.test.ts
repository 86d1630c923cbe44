import { describe, expect, it } from 'vitest';
import { createBotMatcher } from '../../src/model/identity.ts';
import { closestPeople, personLabel, resolvePerson, UnknownPersonError } from '../../src/model/people.ts';
import { usageErrorOf } from '../helpers/errors.ts';

const dev = (name: string, emails: string[], names: string[] = [name]) => ({ id: emails[0] as string, name, emails, names });

const PEOPLE = [
  dev('Alex Smith', ['alex@a.example']),
  dev('Alex Jones', ['alex@b.example', 'ajones@b.example'], ['Alex Jones', 'A. Jones']),
  dev('Bob', ['bob@example.com']),
  dev('Octo Cat', ['123+octocat@users.noreply.github.com']),
  dev('Ada', ['ada@example.com']),
];

const failure = usageErrorOf;

describe('resolvePerson', () => {
  // Regression (flask, a tester): "Armin Ronacher <armin.ronacher@active-4.com>", copied from
  // `git shortlog -sne`, was an unknown person with "no developer has a name or email close to it".
  it('takes `Name <email>` as git shortlog -sne prints it: by the email, else by the name', () => {
    expect(resolvePerson(PEOPLE, 'Alex Smith <alex@a.example>').id).toBe('alex@a.example');
    // The email decides where the name is one of two people's, or another's.
    expect(resolvePerson(PEOPLE, 'Alex <ajones@b.example>').id).toBe('alex@b.example');
    expect(resolvePerson(PEOPLE, 'Bob <ada@example.com>').id).toBe('ada@example.com');
    // An email nobody has: the name (a person who committed with another address).
    expect(resolvePerson(PEOPLE, 'Alex Jones <alex@new.example>').id).toBe('alex@b.example');
    expect(resolvePerson(PEOPLE, '<bob@example.com>').id).toBe('bob@example.com');
    // Unknown by both: named as typed, with the name's closest people.
    const unknown = failure(() => resolvePerson(PEOPLE, 'Alex Smyth <nobody@x.example>', { source: '--leaving' }));
    expect(unknown).toBeInstanceOf(UnknownPersonError);
    expect(unknown.message).toBe('unknown person "Alex Smyth <nobody@x.example>" (--leaving): no developer of this repository has that name or email');
    expect(unknown.hint).toBe('closest known: Alex Smith <alex@a.example>');
    // An ambiguous name with an unknown email stays ambiguous.
    expect(failure(() => resolvePerson(PEOPLE, 'Alex <nobody@x.example>')).message).toMatch(/matches 2 developers/);
  });

  // Regression (flask at depth 50, a tester): Armin was "unknown" with no word that the history is cut.
  it('says in a shallow clone that someone may be in the history it left out', () => {
    const error = failure(() => resolvePerson(PEOPLE, 'Armin Ronacher', { shallowSince: '2024-11-13' }));
    expect(error.hint).toBe('no developer has a name or email close to it: `talentrisk scan --format json` lists them all; this clone is shallow (its history begins on 2024-11-13): someone whose commits are all older is not in it (`git fetch --unshallow` reads the whole history)');
  });

  it('matches a name, an email, another name of theirs or the id, ignoring case and spaces', () => {
    expect(resolvePerson(PEOPLE, 'bob').id).toBe('bob@example.com');
    expect(resolvePerson(PEOPLE, '  BOB@Example.COM ').id).toBe('bob@example.com');
    expect(resolvePerson(PEOPLE, 'a.  jones').id).toBe('alex@b.example');
    expect(resolvePerson(PEOPLE, 'AJONES@b.example').id).toBe('alex@b.example');
    expect(resolvePerson(PEOPLE, 'alex smith').id).toBe('alex@a.example');
  });

  it('matches the GitHub login of a no-reply email', () => {
    expect(resolvePerson(PEOPLE, 'OctoCat').id).toBe('123+octocat@users.noreply.github.com');
    // Written as a GitHub handle (an EM test: "@ahnpnl" was unknown, "ahnpnl" worked).
    expect(resolvePerson(PEOPLE, '@octocat').id).toBe('123+octocat@users.noreply.github.com');
  });

  it('takes a straight apostrophe for a typographic one (an EM test: "Paul O\'Shannessy" was unknown for O’Shannessy)', () => {
    const people = [...PEOPLE, dev('Paul O’Shannessy', ['paul@example.com'])];
    expect(resolvePerson(people, "paul o'shannessy").id).toBe('paul@example.com');
    expect(resolvePerson([...PEOPLE, dev("Paul O'Shannessy", ['paul@example.com'])], 'Paul O’Shannessy').id).toBe('paul@example.com');
  });

  it('ignores accents when the name as written matches nobody ("Jose" was an unknown person for José)', () => {
    const people = [...PEOPLE, dev('José Valim', ['jose@example.com']), dev('Søren Łukasz', ['soren@example.com'])];
    expect(resolvePerson(people, 'Jose Valim').id).toBe('jose@example.com');
    expect(resolvePerson(people, 'jose').id).toBe('jose@example.com');
    expect(resolvePerson([...PEOPLE, dev('José Valim', ['jv@example.com'])], 'jose').id).toBe('jv@example.com');
    expect(resolvePerson(people, 'soren lukasz').id).toBe('soren@example.com');
    // Written with its accent, a name still prefers the developer who has it so.
    const both = [...people, dev('Jose Valim', ['other@example.com'])];
    expect(resolvePerson(both, 'José Valim').id).toBe('jose@example.com');
    expect(resolvePerson(both, 'Jose Valim').id).toBe('other@example.com');
    // Folded, one word of two people's names is still a choice between them.
    const two = [...PEOPLE, dev('José Valim', ['jv@example.com']), dev('José Silva', ['js@example.com'])];
    expect(failure(() => resolvePerson(two, 'jose')).message).toMatch(/matches 2 developers/);
    expect(closestPeople('Josee Valim', people, 1)[0]?.id).toBe('jose@example.com');
    // One word that is one person's whole name and a word of another's: a choice, accents or not.
    const named = [...PEOPLE, dev('José', ['j1@example.com']), dev('José Valim', ['j2@example.com'])];
    expect(failure(() => resolvePerson(named, 'José')).message).toMatch(/matches 2 developers/);
    expect(failure(() => resolvePerson(named, 'Jose')).message).toMatch(/matches 2 developers/);
    // Marks other than Latin accents are part of the name: राम is not रीमा.
    const indic = [...PEOPLE, dev('रीमा', ['reema@example.com'])];
    expect(failure(() => resolvePerson(indic, 'राम')).message).toMatch(/^unknown person/);
    // Typed with a combining accent, the name is the precomposed one.
    expect(resolvePerson(both, 'Jose\u0301 Valim').id).toBe('jose@example.com');
  });

  // Regression (elixir, a tester's report): `jose` named Jose Añasco (1 commit) by a word as written,
  // and José Valim, the maintainer, was never tried.
  it('takes a word typed without accents to name who has it with accents as much as who has it without', () => {
    const counted = (name: string, email: string, filesAuthored: number, commits: number) => ({ ...dev(name, [email]), filesAuthored, commits });
    const elixir = [...PEOPLE, counted('José Valim', 'jv@example.com', 900, 4000), counted('Jose Añasco', 'ja@example.com', 0, 1)];
    const error = failure(() => resolvePerson(elixir, 'jose'));
    expect(error.message).toBe('"jose" matches 2 developers, most files authored first: José Valim <jv@example.com> (900 files, 4000 commits), Jose Añasco <ja@example.com> (0 files, 1 commit)');
    expect(error.hint).toBe('name one of them by email, e.g. jv@example.com');
    expect(failure(() => resolvePerson(elixir, 'JOSE')).message).toMatch(/matches 2 developers/);
    // A whole name, with or without its accents, an email, or a word only one of them has decides.
    expect(resolvePerson(elixir, 'Jose Valim').id).toBe('jv@example.com');
    expect(resolvePerson(elixir, 'José Valim').id).toBe('jv@example.com');
    expect(resolvePerson(elixir, 'jose anasco').id).toBe('ja@example.com');
    expect(resolvePerson(elixir, 'Jose Añasco').id).toBe('ja@example.com');
    expect(resolvePerson(elixir, 'anasco').id).toBe('ja@example.com');
    expect(resolvePerson(elixir, 'valim').id).toBe('jv@example.com');
    expect(resolvePerson(elixir, 'ja@example.com').id).toBe('ja@example.com');
    // Typed with its accent, a word names who has it so, as a whole name does ("José Valim" over "Jose Valim").
    expect(resolvePerson(elixir, 'José').id).toBe('jv@example.com');
    // A pair's identity is no choice beside one of its people (a re-test: "José + Yehuda", José's
    // pair programming on his plus-address, made `José` ambiguous); named whole, it is found.
    const paired = [...elixir, counted('José + Yehuda', 'jose.valim+wycats@example.com', 0, 3)];
    expect(resolvePerson(paired, 'José').id).toBe('jv@example.com');
    expect(resolvePerson(paired, 'yehuda').id).toBe('jose.valim+wycats@example.com');
    expect(resolvePerson(paired, 'José + Yehuda').id).toBe('jose.valim+wycats@example.com');
    expect(failure(() => resolvePerson(paired, 'jose')).message).toMatch(/^"jose" matches 2 developers/);
    // A one-word whole name as written is no choice either when others have the word with accents.
    const named = [...PEOPLE, dev('Jose', ['j1@example.com']), dev('José Valim', ['j2@example.com'])];
    expect(failure(() => resolvePerson(named, 'jose')).message).toMatch(/matches 2 developers/);
    expect(resolvePerson(named, 'José').id).toBe('j2@example.com');
    // Nor a word beside a config alias that has it with accents.
    const aliased = [...PEOPLE, dev('Joao Silva', ['js@example.com']), dev('Zeca Pinto', ['zp@example.com'])];
    const people = [{ name: 'Zé', emails: ['js@example.com'] }];
    expect(resolvePerson(aliased, 'zeca', { people }).id).toBe('zp@example.com');
    expect(failure(() => resolvePerson([...aliased, dev('Ze Pinto', ['ze@example.com'])], 'ze', { people })).message).toMatch(/matches 2 developers/);
  });

  it('says when the analysed history ends before today, where someone who joined later is not (an EM test: --until before their first commit)', () => {
    const error = failure(() => resolvePerson(PEOPLE, 'Tom Mrazauskas', { historyEnds: '2021-06-01' }));
    expect(error.message).toBe('unknown person "Tom Mrazauskas": no developer of this repository has that name, email or alias');
    expect(error.hint).toMatch(/; the history analysed ends on 2021-06-01, so someone whose first commit came later is not in it$/);
    expect(failure(() => resolvePerson(PEOPLE, 'Tom Mrazauskas')).hint).not.toContain('history analysed ends');
  });

  it('matches a config alias whose emails are the developer’s', () => {
    const people = [{ name: 'Ada Lovelace', emails: ['ADA@example.com'], github: 'adal' }];
    expect(resolvePerson(PEOPLE, 'ada lovelace', { people }).id).toBe('ada@example.com');
    expect(resolvePerson(PEOPLE, 'adal', { people }).id).toBe('ada@example.com');
  });

  // gson: `handoff marcono` suggested two other people, not Marcono1234, its top maintainer (an EM).
  it('suggests a login made of the typed name and digits', () => {
    const people = [...PEOPLE, dev('Marcono1234', ['11685886+Marcono1234@users.noreply.github.com']), dev('Marcelo Camargo', ['mc@example.com'])];
    expect(failure(() => resolvePerson(people, 'marcono')).hint).toMatch(/^closest known: Marcono1234 </);
    // Not a shorter start of it.
    expect(failure(() => resolvePerson(people, 'marc')).hint ?? '').not.toContain('Marcono1234');
  });

  // express: `--leaving dougwilson` (his GitHub login) found "no developer with a name or email close to it" (a first-time user).
  it('suggests the person a login made of a first name\'s start (or an email\'s local part) and the last name names', () => {
    const people = [...PEOPLE, dev('Douglas Christopher Wilson', ['doug@somethingdoug.com']), dev('Doug Patti', ['dp@example.com']), dev('Dan Wilson', ['dan@example.com'])];
    // First: Dan Wilson is a slip too, a farther one.
    expect(failure(() => resolvePerson(people, 'dougwilson')).hint).toMatch(/^closest known: Douglas Christopher Wilson <doug@somethingdoug\.com>/);
    // By an email's local part that is no start of the first name: Robert Smith <bob@…>.
    const bob = [...PEOPLE, dev('Robert Smith', ['bob@example.org'])];
    expect(failure(() => resolvePerson(bob, 'bobsmith')).hint).toBe('closest known: Robert Smith <bob@example.org>');
  });

  it('falls back to one word of a name or the local part of an email when it is unique', () => {
    expect(resolvePerson(PEOPLE, 'smith').id).toBe('alex@a.example');
    expect(resolvePerson(PEOPLE, 'ajones').id).toBe('alex@b.example');
  });

  // Regression (hugo, a first-time user): `handoff "Bjørn Erik"` was an unknown person "with no name
  // close to it" beside Bjørn Erik Pedersen, while his first name alone found him.
  it('takes the leading words of a name as it takes its first word, with accents or without, and lists several matches', () => {
    const people = [...PEOPLE, dev('Bjørn Erik Pedersen', ['bep@example.com']), dev('Mior Muhammad Zaki', ['mior@example.com'])];
    expect(resolvePerson(people, 'Bjørn Erik').id).toBe('bep@example.com');
    expect(resolvePerson(people, 'bjorn erik').id).toBe('bep@example.com');
    expect(resolvePerson(people, 'Mior Muhammad').id).toBe('mior@example.com');
    // Only leading words: the last ones, or words skipped, are no such start.
    expect(failure(() => resolvePerson(people, 'Erik Pedersen')).message).toMatch(/^unknown person/);
    expect(failure(() => resolvePerson(people, 'Mior Zaki')).hint).toBe('closest known: Mior Muhammad Zaki <mior@example.com>');
    const two = [...people, dev('Bjørn Erik Berg', ['berg@example.com'])];
    expect(failure(() => resolvePerson(two, 'Bjørn Erik')).message).toBe('"Bjørn Erik" matches 2 developers: Bjørn Erik Berg <berg@example.com>, Bjørn Erik Pedersen <bep@example.com>');
    // A slip in them is suggested.
    expect(failure(() => resolvePerson(people, 'Bjorn Erk')).hint).toBe('closest known: Bjørn Erik Pedersen <bep@example.com>');
  });

  // Regression (hugo, a first-time user): its .mailmap gives "Steve Francia" to spf13 and
  // "Bjørn Erik Pedersen" to bep; `handoff "Steve Francia"` was unknown, and the other name found
  // only a 5-file identity of that name (bep authors 2243 files).
  it('takes a name .mailmap replaces as a name of the developer it maps to', () => {
    const people = [...PEOPLE, dev('spf13', ['steve@example.com']), dev('bep', ['bep@example.com']), dev('Bjørn Erik Pedersen', ['bep+release@example.com'])];
    const mailmapNames = [
      { name: 'Steve Francia', email: 'steve@example.com' },
      { name: 'Bjørn Erik Pedersen', email: 'bep@example.com' },
    ];
    expect(resolvePerson(people, 'Steve Francia', { mailmapNames }).id).toBe('steve@example.com');
    expect(resolvePerson(people, 'francia', { mailmapNames }).id).toBe('steve@example.com');
    expect(failure(() => resolvePerson(people, 'Steve Francia')).message).toMatch(/^unknown person/);
    expect(failure(() => resolvePerson(people, 'Bjorn Erik', { mailmapNames })).message).toBe('"Bjorn Erik" matches 2 developers: bep <bep@example.com>, Bjørn Erik Pedersen <bep+release@example.com>');
    expect(failure(() => resolvePerson(people, 'Steve Franca', { mailmapNames })).hint).toBe('closest known: spf13 <steve@example.com>');
    // The developer found is the one of the analysis, with its own names.
    expect(resolvePerson(people, 'Steve Francia', { mailmapNames }).names).toEqual(['spf13']);
  });

  it('prefers an exact match over a partial one, except a one-word name that is also a word of others’ names', () => {
    const people = [dev('Sam', ['sam@x.example']), dev('Sam Miller', ['miller@y.example']), dev('Tenderlove', ['aaron@z.example'])];
    expect(resolvePerson(people, 'sam@x.example').id).toBe('sam@x.example');
    expect(resolvePerson(people, 'sam miller').id).toBe('miller@y.example');
    expect(resolvePerson(people, 'tenderlove').id).toBe('aaron@z.example');
    // "David" picked a 4-commit David over David Heinemeier Hansson on rails (an EM test).
    const error = failure(() => resolvePerson(people, 'Sam', { source: '--leaving' }));
    expect(error.message).toBe('"Sam" (--leaving) matches 2 developers: Sam <sam@x.example>, Sam Miller <miller@y.example>');
    // A GitHub login that is exactly theirs still decides (a key that is not a name).
    const withLogin = [dev('sam', ['123+sam@users.noreply.github.com']), dev('Sam Miller', ['miller@y.example'])];
    expect(resolvePerson(withLogin, 'sam').id).toBe('123+sam@users.noreply.github.com');
  });

  it('refuses an ambiguous name and lists the candidates', () => {
    const error = failure(() => resolvePerson(PEOPLE, 'Alex', { source: '--leaving' }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('"Alex" (--leaving) matches 2 developers: Alex Jones <alex@b.example>, Alex Smith <alex@a.example>');
    expect(error.hint).toBe('name one of them by email, e.g. alex@b.example');
  });

  it('lists the candidates most files authored first, then most commits, and says so (svelte: "simon" suggested a 1-commit Lyndsy Simon first)', () => {
    const counted = (name: string, email: string, filesAuthored: number, commits: number) => ({ ...dev(name, [email]), filesAuthored, commits });
    const people = [counted('Lyndsy Simon', 'lyndsy@x.example', 0, 1), counted('Simon H', 'simon@y.example', 1845, 743), counted('Simon Dao', 'dao@z.example', 0, 3)];
    const error = failure(() => resolvePerson(people, 'simon'));
    expect(error.message).toBe('"simon" matches 3 developers, most files authored first: Simon H <simon@y.example> (1845 files, 743 commits), Simon Dao <dao@z.example> (0 files, 3 commits), Lyndsy Simon <lyndsy@x.example> (0 files, 1 commit)');
    expect(error.hint).toBe('name one of them by email, e.g. simon@y.example');
  });

  it('says how to join two identities an svn import split (a placeholder address and a real one, same name before the @)', () => {
    const imported = [
      { id: 'jfclere@apache.org', name: 'Jean-Frederic Clere', emails: ['jfclere@apache.org'], names: ['Jean-Frederic Clere'] },
      { id: 'jfclere@unknown', name: 'jfclere', emails: ['jfclere@unknown'], names: ['jfclere'] },
    ];
    const error = failure(() => resolvePerson(imported, 'jfclere', { source: '--leaving' }));
    expect(error.message).toBe('"jfclere" (--leaving) matches 2 developers: Jean-Frederic Clere <jfclere@apache.org>, jfclere <jfclere@unknown>');
    expect(error.hint).toBe('name one of them by email, e.g. jfclere@apache.org; if they are one person, join them with .mailmap lines such as "Jean-Frederic Clere <jfclere@apache.org> <jfclere@unknown>"');
    // The real address is kept whichever name sorts first (review: "alex <alex@unknown> <alex@corp.example>").
    const reversed = [
      { id: 'alex@unknown', name: 'alex', emails: ['alex@unknown'], names: ['alex'] },
      { id: 'alex@corp.example', name: 'Zed Alex', emails: ['alex@corp.example'], names: ['Zed Alex'] },
    ];
    expect(failure(() => resolvePerson(reversed, 'alex')).hint).toMatch(/such as "Zed Alex <alex@corp\.example> <alex@unknown>"$/);
  });

  it('refuses an unknown person and lists the closest known identities', () => {
    const error = failure(() => resolvePerson(PEOPLE, 'alx'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('unknown person "alx": no developer of this repository has that name, email or alias');
    // Ada is two edits from "alx": no slip.
    expect(error.hint).toBe('closest known: Alex Jones <alex@b.example>, Alex Smith <alex@a.example>');
  });

  it('says where an unknown name came from, without control characters', () => {
    const error = failure(() => resolvePerson(PEOPLE, 'zed\u001b[31m', { source: 'config departures[0].who' }));
    expect(error.message).toBe('unknown person "zed [31m" (config departures[0].who): no developer of this repository has that name, email or alias');
  });

  it('says that a name is a bot account (left out of the figures), not an unknown person', () => {
    const bots = { names: ['dependabot[bot]', 'renovate[bot]'] };
    const error = failure(() => resolvePerson(PEOPLE, 'Renovate[bot]', { source: '--leaving', bots }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('"Renovate[bot]" (--leaving) is a bot account: bots are left out of every figure, so it holds no knowledge and cannot leave');
    // By email too, through the patterns that make a bot (review finding: only names were checked),
    // when git found it as an author (`seen`).
    const isBot = createBotMatcher(['release-bot@*']);
    for (const who of ['29139614+renovate[bot]@users.noreply.github.com', 'codex@openai.com', 'release-bot@corp.example']) {
      expect(failure(() => resolvePerson(PEOPLE, who, { bots: { names: [], isBot, seen: [who.toUpperCase()] } })).message).toMatch(/ is a bot account: /);
    }
    // Regression (hugo, a first-time user): `hugoreleaser[bot]`, which no commit has, was "a bot
    // account" for its pattern alone. The people its name without `[bot]` names are the closest.
    const releaser = [...PEOPLE, dev('Bjørn Erik Pedersen', ['bep+releaser@example.com'], ['Bjørn Erik Pedersen', 'hugoreleaser'])];
    const unknown = failure(() => resolvePerson(releaser, 'hugoreleaser[bot]', { bots: { names: ['dependabot[bot]'], isBot, seen: [] } }));
    expect(unknown).toBeInstanceOf(UnknownPersonError);
    expect(unknown.message).toBe('unknown person "hugoreleaser[bot]": no developer or bot account of this repository has that name, email or alias');
    expect(unknown.hint).toBe('closest known: Bjørn Erik Pedersen <bep+releaser@example.com>');
    expect(failure(() => resolvePerson(PEOPLE, 'codex@openai.com', { bots: { names: [], isBot } })).message).toMatch(/^unknown person "codex@openai.com": no developer or bot account /);
    // A person is still found first, and a near name is still unknown.
    expect(resolvePerson(PEOPLE, 'bob', { bots: { names: ['bob'], isBot } }).id).toBe('bob@example.com');
    expect(failure(() => resolvePerson(PEOPLE, 'renovat', { bots: { names: ['renovate[bot]'], isBot } })).message).toMatch(/^unknown person "renovat"/);
    // A bot's name without its `[bot]` or `-bot` is that bot (a user test: `dependabot` was an
    // unknown person, with unrelated closest names).
    for (const [who, name] of [['renovate', 'renovate[bot]'], ['Dependabot', 'dependabot[bot]'], ['release', 'release-bot'], ['styleci', 'StyleCI Bot']]) {
      expect(failure(() => resolvePerson(PEOPLE, who as string, { bots: { names: [name as string], isBot } })).message).toContain(`"${who}" is a bot account (${name}): `);
    }
    // …but never before a person of that name.
    expect(resolvePerson([...PEOPLE, dev('Renovate', ['ren@example.com'])], 'renovate', { bots: { names: ['renovate[bot]'], isBot } }).id).toBe('ren@example.com');
  });

  it('refuses an empty name', () => {
    expect(failure(() => resolvePerson(PEOPLE, '  ')).message).toBe('empty person name');
  });
});

describe('closestPeople and personLabel', () => {
  it('ranks by edit distance to any name, email, word or local part', () => {
    expect(closestPeople('bobb', PEOPLE, 1).map((p) => p.name)).toEqual(['Bob']);
    expect(closestPeople('ajnoes', PEOPLE).map((p) => p.name)).toEqual(['Alex Jones']);
    // Three edits make a slip of a long email: the nearest first.
    expect(closestPeople('alex@a.exampel', PEOPLE).map((p) => p.name)).toEqual(['Alex Smith', 'Alex Jones']);
  });

  it('keeps only slips: one edit in a short word, a name of several words word by word', () => {
    const people = [dev('Mior Muhammad Zaki', ['crynobone@example.com']), dev('Jo Do', ['jodo@example.com']), dev('Joe Dixon', ['joe@example.com'])];
    // Middle names may be left out, not the first or last name; each typed word is matched once.
    expect(closestPeople('mior zakki', people).map((p) => p.name)).toEqual(['Mior Muhammad Zaki']);
    expect(closestPeople('muhammad zakki', people)).toEqual([]);
    expect(closestPeople('jon doe', people).map((p) => p.name)).toEqual(['Jo Do']);
    // Two letters leave no room for a slip.
    expect(closestPeople('jx', people)).toEqual([]);
    // Several words run together against a one-word git name or a login (a review: `Taylor Otwell`
    // no longer found laravel's `taylorotwell`).
    const taylor = [dev('taylorotwell', ['taylor@example.com']), dev('Jo Do', ['jodo@example.com'])];
    expect(closestPeople('Taylor Otwell', taylor).map((p) => p.name)).toEqual(['taylorotwell']);
    expect(closestPeople('Taylor Otwel', taylor).map((p) => p.name)).toEqual(['taylorotwell']);
    expect(closestPeople('Jon Doe', taylor).map((p) => p.name)).toEqual(['Jo Do']);
    // Run together, one edit at most: "Jon Doe" is no slip for JonoB, nor "Joe Doe" for Sjoekoe (a re-test on laravel).
    expect(closestPeople('Jon Doe', [dev('JonoB', ['jon@example.com']), dev('Sjoekoe', ['hans@example.com'])])).toEqual([]);
    expect(closestPeople('Joe Doe', [dev('Sjoekoe', ['hans@example.com'])])).toEqual([]);
  });

  it('labels a developer as name <email>', () => {
    expect(personLabel(dev('Bob', ['bob@example.com']))).toBe('Bob <bob@example.com>');
    expect(personLabel({ id: 'name:x', name: 'X', emails: [] })).toBe('X');
    // Empty names were bare commas in "closest known: Weird <no-angle>, ,  <onlymail@x.com>".
    expect(personLabel(dev('', ['onlymail@x.com']))).toBe('(no name) <onlymail@x.com>');
    expect(personLabel({ id: 'name:', name: '', emails: [] })).toBe('(no name)');
  });
});
