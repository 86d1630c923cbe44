import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBotMatcher, nameBridges, noreplyAccount, noreplyLogin, resolveIdentities, sharedAddressIdentities, subAddressBase, unmatchedAliases, wildcardMatcher, wildcardToRegExp, type RawIdentity } from '../../src/model/identity.ts';
import { nameBridgeWarning, unmatchedAliasWarning } from '../../src/history-warnings.ts';
import { isPlaceholderAddress, placeholderAddressIdentities } from '../../src/model/placeholder-addresses.ts';
import { isPlaceholderName } from '../../src/model/placeholder-names.ts';
import { SelfCoAuthorships } from '../../src/model/self-co-authors.ts';
import { buildRepo, gitOnPath, type FixtureCommit } from '../helpers/git-fixture.ts';
import { analyzeRepo, contributionOf, fileOf } from '../helpers/analyze.ts';

// METRICS.md §2: identities after .mailmap, merged when they share an email or a name
// (case-insensitive); aliases, bots, GitHub no-reply emails and co-authors are extensions.

const raw = (name: string, email: string, commits = 1): RawIdentity => ({ name, email, commits, firstTime: 1, lastTime: 1 });
const ids = (analysis: { developers: { id: string }[] }) => analysis.developers.map((d) => d.id).sort();

describe('resolveIdentities', () => {
  it('merges transitively: A shares an email with B, B a name with C (case-insensitive)', () => {
    const developers = resolveIdentities(
      [raw('Sam', 'sam@a.example', 1), raw('Samuel', 'SAM@A.example', 2), raw('SAMUEL', 'sam@b.example', 1), raw('Tom', 'tom@a.example')],
      { extensions: false },
    );
    expect(developers).toHaveLength(2);
    const sam = developers.find((d) => d.members.includes(0));
    // most frequent name by commits (Samuel 2, Sam 1, SAMUEL 1); id = most used email, lower-cased
    expect(sam).toMatchObject({ id: 'sam@a.example', name: 'Samuel', emails: ['sam@a.example', 'sam@b.example'], members: [0, 1, 2], commits: 4 });
  });

  it('names a one-word name that alone joins identities which also commit under names of their own (vite: "andrew" joined four people)', () => {
    const list = [
      raw('Andrei Luca', 'luca@a.example', 30),
      raw('andrew', 'luca@a.example', 2),
      raw('andrew', 'green@b.example', 2),
      raw('Sapphi Green', 'green@b.example', 900),
      // A co-author only (no commit of their own): joined, and not named.
      raw('Andrew', 'maccuaa@c.example', 0),
      // One person under two emails and one first name, with no other name: joined, and no warning.
      raw('tom', 'tom@home.example'),
      raw('tom', 'tom@work.example'),
    ];
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.find((d) => d.members.includes(0))?.emails).toEqual(['green@b.example', 'luca@a.example', 'maccuaa@c.example']);
    expect(nameBridges(list, developers, { extensions: true })).toEqual([{ name: 'andrew', sides: ['Andrei Luca <luca@a.example>', 'Sapphi Green <green@b.example>'], nameOnly: [] }]);
    // Joined by an email as well, the name is no bridge.
    const alsoByEmail = [...list, raw('Andrei Luca', 'green@b.example')];
    expect(nameBridges(alsoByEmail, resolveIdentities(alsoByEmail, { extensions: true }), { extensions: true })).toEqual([]);
    // Nor when the config's people join them on purpose (review: it told users to split them).
    const people = [{ name: 'Andrew Smith', emails: ['luca@a.example', 'green@b.example'] }];
    expect(nameBridges(list, resolveIdentities(list, { extensions: true, people }), { extensions: true, people })).toEqual([]);
  });

  it('names the sides a one-word name joins that commit under it only, from an address of their own (vite: "andrew" also joined andrew <andywangsy@…>, 13 commits, unnamed)', () => {
    const list = [
      raw('Andrei Luca', 'luca@a.example', 30),
      raw('andrew', 'luca@a.example', 2),
      raw('andrew', 'green@b.example', 2),
      raw('Sapphi Green', 'green@b.example', 900),
      raw('andrew', 'andywangsy@d.example', 13),
      raw('Andrew', 'maccuaa@c.example', 0),
      raw('andrew', 'andrew@e.example', 1),
      raw('andrew', 'andrew@f.example', 1),
    ];
    const bridges = nameBridges(list, resolveIdentities(list, { extensions: true }), { extensions: true });
    expect(bridges).toEqual([
      {
        name: 'andrew',
        sides: ['Andrei Luca <luca@a.example>', 'Sapphi Green <green@b.example>'],
        nameOnly: [
          { side: 'andrew <andywangsy@d.example>', commits: 13 },
          { side: 'andrew <andrew@e.example>', commits: 1 },
          { side: 'andrew <andrew@f.example>', commits: 1 },
        ],
      },
    ]);
    // A few named, the rest counted.
    expect(nameBridgeWarning(bridges)).toBe(
      'a one-word name alone joins identities that also commit under names of their own ("andrew" joins Andrei Luca <luca@a.example>, Sapphi Green <green@b.example>, and 3 under that name only: andrew <andywangsy@d.example> (13 commits), andrew <andrew@e.example> (1 commit) +1 more): identities with one name are one developer; if these are different people, give each such identity its owner\'s usual name in .mailmap (README, "What is analysed")',
    );
    // Sides with one-word names only do not make a warning of their own: one person's first name at
    // two addresses beside their full name at one of them is the common case.
    const one = [raw('Tom Smith', 'tom@work.example', 40), raw('tom', 'tom@work.example', 2), raw('tom', 'tom@home.example', 5)];
    expect(nameBridges(one, resolveIdentities(one, { extensions: true }), { extensions: true })).toEqual([]);
  });

  it('takes a name written with combining accents for the same name precomposed (two "Zoë Müller" rows, truck factor 2 for 1)', () => {
    const decomposed = 'Zoe\u0308 Mu\u0308ller';
    expect(decomposed).not.toBe('Zoë Müller');
    for (const extensions of [false, true]) {
      const developers = resolveIdentities([raw(decomposed, 'zm@x.example'), raw('Zoë Müller', 'zoe@y.example')], { extensions });
      expect(developers.map((d) => d.emails)).toEqual([['zm@x.example', 'zoe@y.example']]);
      // Listed once, composed (elixir's JSON listed "Eric Meadows-Jönsson" twice, a tester).
      expect(developers.map((d) => [d.name, d.names])).toEqual([['Zoë Müller', ['Zoë Müller']]]);
    }
  });

  // Regression (commons-lang, a tester): "pascalschumacher" and "aherbert" for Pascal Schumacher and Alex Herbert.
  it('shows a developer by a full name of theirs rather than a handle used more, not by a name without spaces, a pair or a machine', () => {
    const shown = (list: RawIdentity[]) => resolveIdentities(list, { extensions: true }).map((d) => d.name);
    expect(shown([raw('pascalschumacher', 'ps@x.example', 90), raw('Pascal Schumacher', 'ps@x.example', 10)])).toEqual(['Pascal Schumacher']);
    expect(shown([raw('董雨航', 'd@x.example', 9), raw('Elliot Dong', 'd@x.example', 2)])).toEqual(['董雨航']);
    expect(shown([raw('Erika', 'e@x.example', 9), raw('Erika Smith', 'e@x.example', 2)])).toEqual(['Erika']);
    expect(shown([raw('wycats', 'y@x.example', 9), raw('Yehuda Katz + Carl Lerche', 'y@x.example', 2)])).toEqual(['wycats']);
    expect(shown([raw('liuxingbaoyu', 'l@x.example', 9), raw('Babel Robot', 'l@x.example', 2)])).toEqual(['liuxingbaoyu']);
    // The published model shows them so too: a name to show is not part of its method.
    expect(resolveIdentities([raw('pascalschumacher', 'ps@x.example', 90), raw('Pascal Schumacher', 'ps@x.example', 10)], { extensions: false }).map((d) => d.name)).toEqual(['Pascal Schumacher']);
  });

  // Regression (redis, a first-time user): Meir Shpilraien was shown as "meir@redislabs.com", his most used name.
  it('shows a developer by a name that is not an email address while they have one, and by the address only when every name is one', () => {
    const shown = (list: RawIdentity[], extensions = true) => resolveIdentities(list, { extensions }).map((d) => d.name);
    expect(shown([raw('meir@redislabs.com', 'meir@redislabs.com', 7), raw('MeirShpilraien', 'meir@redislabs.com', 1)])).toEqual(['MeirShpilraien']);
    // Then a handle gives way to a full name, as ever.
    expect(shown([raw('meir@redislabs.com', 'meir@redislabs.com', 7), raw('meir', 'meir@redislabs.com', 4), raw('Meir Shpilraien', 'meir@redislabs.com', 2)])).toEqual(['Meir Shpilraien']);
    expect(shown([raw('<jane@example.com>', 'jane@example.com', 5), raw('Jane', 'jane@example.com', 1)])).toEqual(['Jane']);
    expect(shown([raw('jane@example.com', 'jane@example.com', 5), raw('jane@work.example', 'jane@example.com', 1)])).toEqual(['jane@example.com']);
    // A name that merely holds an @ is a name.
    expect(shown([raw('@jane', 'jane@example.com', 5), raw('Jane Roe', 'jane@example.com', 1)])).toEqual(['@jane']);
    expect(shown([raw('meir@redislabs.com', 'meir@redislabs.com', 7), raw('MeirShpilraien', 'meir@redislabs.com', 1)], false)).toEqual(['MeirShpilraien']);
  });

  // Regression (tokio, a first-time user): the git name "Name" joined 44015907+FenFenGao@users.noreply… and diazarnau0@gmail.com.
  it('joins nobody by a placeholder name ("Name", "Your Name", root…) (extension), and keeps those with no address one developer', () => {
    const list = [
      raw('Name', '44015907+FenFenGao@users.noreply.github.com'),
      raw('Name', 'diazarnau0@gmail.com'),
      raw('Your Name', 'a@x.example', 2),
      raw('your name', 'b@y.example'),
      raw('root', 'root@mongo.config1.com'),
      raw('root', 'shfbai@gmail.com'),
      raw('Unknown', 'nonso4yoo@gmail.com'),
      raw('unknown', 'michal@tycom.example'),
      raw('=', 'pjalva1@hotmail.com'),
      raw('=', 'chris@moderncognition.example'),
      // No address to join by: they stay one developer, as before (one id).
      raw('Name', '', 3),
      raw('Name', '', 1),
    ];
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.map((d) => [d.id, d.name])).toEqual([
      ['44015907+fenfengao@users.noreply.github.com', 'Name'],
      ['a@x.example', 'Your Name'],
      ['b@y.example', 'your name'],
      ['chris@moderncognition.example', '='],
      ['diazarnau0@gmail.com', 'Name'],
      ['michal@tycom.example', 'unknown'],
      ['name:name', 'Name'],
      ['nonso4yoo@gmail.com', 'Unknown'],
      ['pjalva1@hotmail.com', '='],
      ['root@mongo.config1.com', 'root'],
      ['shfbai@gmail.com', 'root'],
    ]);
    expect(developers.find((d) => d.id === 'name:name')?.commits).toBe(4);
    // A person under a placeholder name and their own is still joined by their address.
    expect(resolveIdentities([raw('Name', 'ada@x.example'), raw('Ada Lovelace', 'ada@x.example'), raw('Name', 'bob@y.example')], { extensions: true }).map((d) => [d.id, d.name])).toEqual([
      ['ada@x.example', 'Ada Lovelace'],
      ['bob@y.example', 'Name'],
    ]);
    // The published rule joins by any equal name.
    expect(resolveIdentities(list, { extensions: false }).map((d) => d.id)).toEqual(['44015907+fenfengao@users.noreply.github.com', 'a@x.example', 'chris@moderncognition.example', 'michal@tycom.example', 'root@mongo.config1.com']);
  });

  it('does not take a placeholder name co-authoring under another spelling for its commit’s author', () => {
    const seen = new SelfCoAuthorships([
      { name: 'Your Name', email: 'a@x.example', isBot: false },
      { name: 'your-name', email: 'b@y.example', isBot: false },
      { name: 'Rolf Schröder', email: 'rolf@x.example', isBot: false },
      { name: 'Rolf Schroeder', email: 'rolf@y.example', isBot: false },
    ]);
    seen.see(0, 1);
    seen.see(2, 3);
    expect(seen.list()).toEqual([{ author: 2, coAuthor: 3, commits: 1 }]);
  });

  it('takes names no one is called for placeholders, whatever their case, spacing and quotes, not names that hold one', () => {
    for (const name of ['Name', 'Your Name', 'Your Full Name', 'root', 'user', 'unknown', 'Author', '=', ' YOUR NAME ', 'YourName', 'your_name', '"Your Name"', 'ROOT', 'Full Name', 'username', 'Anonymous', 'nobody', '(none)', 'admin', 'Administrator']) {
      expect(isPlaceholderName(name), name).toBe(true);
    }
    for (const name of ['', 'Ada', 'Named', 'Your Name Here Smith', 'Rooter', 'Ruth', 'Author Smith', 'user1', 'unknownbits', '==', 'Nameless One']) {
      expect(isPlaceholderName(name), name).toBe(false);
    }
  });

  it('shows a developer with no name by a name they also used, else their email, else "(no name)" (blank cells and "# Handoff: ")', () => {
    const developers = resolveIdentities([raw('', 'sam@a.example', 5), raw('Sam', 'sam@a.example', 1), raw('', 'onlymail@x.example'), raw('', '')], { extensions: false });
    expect(developers.map((d) => [d.id, d.name])).toEqual([
      ['name:', '(no name)'],
      ['onlymail@x.example', 'onlymail@x.example'],
      ['sam@a.example', 'Sam'],
    ]);
  });

  it('gives the same developers whatever the order of the identities', () => {
    const list = [raw('Sam', 'sam@a.example'), raw('Samuel', 'sam@a.example'), raw('samuel', 'x@b.example'), raw('Tom', 'tom@a.example')];
    const summary = (input: RawIdentity[]) =>
      resolveIdentities(input, { extensions: true }).map((d) => ({ id: d.id, emails: d.emails, names: d.names }));
    expect(summary([...list].reverse())).toEqual(summary(list));
  });

  it('joins a GitHub no-reply email to the login (extension), not under the classic model', () => {
    const list = [raw('Ada Lovelace', '12345+ada@users.noreply.github.com'), raw('ada', 'ada@example.com'), raw('Bob', 'bob@users.noreply.github.com')];
    expect(resolveIdentities(list, { extensions: true })).toHaveLength(2);
    expect(resolveIdentities(list, { extensions: false })).toHaveLength(3);
    expect(noreplyLogin('12345+Ada@users.noreply.github.com')).toBe('ada');
    expect(noreplyLogin('bob@users.noreply.github.com')).toBe('bob');
    expect(noreplyLogin('bob@example.com')).toBeUndefined();
  });

  it('joins GitHub no-reply emails of one account id under a renamed login (extension; svelte: "gtmnayan" and "Nayan Gautam")', () => {
    const list = [raw('gtmnayan', '50981692+gtm-nayan@users.noreply.github.com', 59), raw('Nayan Gautam', '50981692+698969@users.noreply.github.com'), raw('Other', '5+gtm-nayan-2@users.noreply.github.com')];
    expect(resolveIdentities(list, { extensions: true }).map((d) => d.members)).toEqual([[2], [0, 1]]);
    expect(resolveIdentities(list, { extensions: false })).toHaveLength(3);
    expect(noreplyAccount('50981692+gtm-nayan@users.noreply.github.com')).toBe('50981692');
    expect(noreplyAccount('gtm-nayan@users.noreply.github.com')).toBeUndefined();
    // The account joins the sides of a one-word name too: no warning that "nayan" alone joins them.
    const bridged = [raw('Nayan Gautam', '50981692+gtm-nayan@users.noreply.github.com', 9), raw('nayan', '50981692+gtm-nayan@users.noreply.github.com'), raw('nayan', '50981692+698969@users.noreply.github.com'), raw('Gautam N', '50981692+698969@users.noreply.github.com', 3)];
    expect(nameBridges(bridged, resolveIdentities(bridged, { extensions: true }), { extensions: true })).toEqual([]);
    expect(nameBridges(bridged, resolveIdentities(bridged, { extensions: false }), { extensions: false })).toHaveLength(1);
  });

  it('applies config aliases (extension): emails and a GitHub login, under the alias name', () => {
    const list = [raw('A. L.', 'ada@home.example', 3), raw('Lovelace', 'lovelace@work.example'), raw('al', '9+adal@users.noreply.github.com')];
    const people = [{ name: 'Ada Lovelace', emails: ['ada@home.example', 'Lovelace@Work.example'], github: 'adal' }];
    const [ada, ...rest] = resolveIdentities(list, { extensions: true, people });
    expect(rest).toEqual([]);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', id: 'ada@home.example', members: [0, 1, 2] });
    expect(resolveIdentities(list, { extensions: false, people })).toHaveLength(3);
  });

  it('shows the alias name of a developer joined to it only through the GitHub login', () => {
    const people = [{ name: 'Ada Lovelace', emails: [], github: 'adal' }];
    const developers = resolveIdentities([raw('al', '9+adal@users.noreply.github.com'), raw('Bob', 'bob@example.com')], { extensions: true, people });
    expect(developers.map((d) => d.name)).toEqual(['Ada Lovelace', 'Bob']);
  });

  it('joins a machine’s name over a person’s address to the person by the email, not to the machine’s account by the name (extension; babel showed its maintainer as "Babel Bot")', () => {
    // "Babel Robot": a name that looks automated but that no built-in pattern makes a bot ("Babel Bot"
    // itself now is one, below).
    const identities = [
      raw('Babel Robot', 'babel-robot@babeljs.io', 770),
      raw('Babel Robot', '30521560+liuxingbaoyu@users.noreply.github.com', 35),
      raw('liuxingbaoyu', '30521560+liuxingbaoyu@users.noreply.github.com', 451),
      // A bot's name over a bot's address still joins the account by the name.
      raw('Babel Robot', 'robot@babel.dev', 3),
    ];
    const developers = resolveIdentities(identities, { extensions: true });
    expect(developers.map((d) => [d.name, d.commits, d.members])).toEqual([
      ['liuxingbaoyu', 486, [1, 2]],
      ['Babel Robot', 773, [0, 3]],
    ]);
    // The published rule joins all of them (a shared name is one developer).
    expect(resolveIdentities(identities, { extensions: false })).toHaveLength(1);
    // Named "Babel Bot" (a name no built-in pattern catches: Bot is also a surname), the same.
    const named = identities.map((identity) => ({ ...identity, name: identity.name.replace('Robot', 'Bot') }));
    expect(resolveIdentities(named, { extensions: true }).map((d) => [d.name, d.commits, d.members])).toEqual([
      ['liuxingbaoyu', 486, [1, 2]],
      ['Babel Bot', 773, [0, 3]],
    ]);
    // A machine's name over an address no person's name uses joins the account by the name (babel's
    // `Babel Bot <babel@…>` was a third "Babel Bot", and greenkeeper[bot] was listed twice: a re-test).
    const others = resolveIdentities([raw('Babel Robot', 'babel-robot@babeljs.io', 770), raw('Babel Robot', 'babel@hopeinsource.example', 4), raw('greenkeeper[bot]', 'greenkeeper[bot]@users.noreply.github.com', 54), raw('greenkeeper[bot]', 'support@greenkeeper.example', 4), raw('Greenkeeper', 'support@greenkeeper.example', 21)], { extensions: true });
    expect(others.map((d) => [d.name, d.commits, d.isBot])).toEqual([
      ['Babel Robot', 774, false],
      ['greenkeeper[bot]', 58, true],
      ['Greenkeeper', 21, false],
    ]);
  });

  it('takes the bot judgments the caller made already (analyze: the IdentityTable judged each identity as the walk met it)', () => {
    const identities = [raw('Ada', 'ada@x.example', 5), raw('release', 'ada@x.example', 2), raw('dependabot[bot]', 'bot@x.example', 9), raw('Ci Runner', 'ci@x.example', 4)];
    const isBot = createBotMatcher(['ci@*']);
    const judged = resolveIdentities(identities, { extensions: true, botPatterns: ['ci@*'], bots: identities.map(isBot) });
    expect(judged).toEqual(resolveIdentities(identities, { extensions: true, botPatterns: ['ci@*'] }));
    expect(judged.filter((d) => d.isBot).map((d) => d.name)).toEqual(['dependabot[bot]', 'Ci Runner']);
    // The flags are taken as given: no pattern is matched again.
    expect(resolveIdentities(identities, { extensions: true, bots: [false, false, false, true] }).filter((d) => d.isBot).map((d) => d.name)).toEqual(['Ci Runner']);
  });

  it('takes the login of a GitHub no-reply address for a bot pattern too (babel: babel-bot@users.noreply… is the *-bot account babel-bot)', () => {
    const isBot = createBotMatcher([]);
    expect(isBot({ name: 'Babel', email: 'babel-bot@users.noreply.github.com' })).toBe(true);
    expect(isBot({ name: 'Babel', email: '30521560+liuxingbaoyu@users.noreply.github.com' })).toBe(false);
    expect(isBot({ name: 'Robert', email: '123+robert@users.noreply.github.com' })).toBe(false);
  });

  it('joins a sub-address to its mailbox when the history has the mailbox (extension; hugo: hugoreleaser <bjorn.erik.pedersen+hugoreleaser@…> was a developer of its own)', () => {
    expect(subAddressBase('bjorn.erik.pedersen+hugoreleaser@gmail.com')).toBe('bjorn.erik.pedersen@gmail.com');
    expect(subAddressBase('x+a+b@a.example')).toBe('x@a.example');
    // A GitHub no-reply address's `+` separates the account's number from its login.
    expect(subAddressBase('12345+login@users.noreply.github.com')).toBeUndefined();
    expect(subAddressBase('+tag@a.example')).toBeUndefined();
    expect(subAddressBase('x@a+b.example')).toBeUndefined();
    expect(subAddressBase('x@a.example')).toBeUndefined();
    const hugo = [
      raw('bep', 'bjorn.erik.pedersen@gmail.com', 3000),
      raw('hugoreleaser', 'bjorn.erik.pedersen+hugoreleaser@gmail.com', 976),
      raw('Bjørn Erik Pedersen', 'bjorn.erik.pedersen+hugoreleaser@gmail.com', 7),
      raw('Ann', 'ann@a.example', 4),
    ];
    expect(resolveIdentities(hugo, { extensions: true }).map((d) => [d.id, d.name, d.members])).toEqual([
      ['ann@a.example', 'Ann', [3]],
      ['bjorn.erik.pedersen@gmail.com', 'Bjørn Erik Pedersen', [0, 1, 2]],
    ]);
    // The published rule keeps the two addresses apart.
    expect(resolveIdentities(hugo, { extensions: false })).toHaveLength(3);
    // A pair's identity over a sub-address is neither of the pair (rails: `Prem Sichanugrist and Chris
    // Toomey <prem+chris@thoughtbot.com>` was joined to Prem and shown under the pair's name, a review).
    const rails = [raw('Prem Sichanugrist', 'prem@thoughtbot.example', 2), raw('Prem Sichanugrist and Chris Toomey', 'prem+chris@thoughtbot.example', 3), raw('Chris Toomey', 'chris@thoughtbot.example')];
    expect(resolveIdentities(rails, { extensions: true }).map((d) => d.members)).toEqual([[2], [1], [0]]);
    // Two sub-addresses of a mailbox no identity commits with stay apart; so do no-reply addresses.
    expect(resolveIdentities([raw('Ann', 'ann+a@a.example'), raw('Bo', 'ann+b@a.example')], { extensions: true })).toHaveLength(2);
    expect(resolveIdentities([raw('Ann', '12345+ann@users.noreply.github.com'), raw('Bo', '12345@users.noreply.github.com')], { extensions: true })).toHaveLength(2);
  });

  it('joins a bot’s sub-address to a bot’s mailbox only, and a name over a shared address by the name only', () => {
    const bots = resolveIdentities([raw('Ada', 'ada@a.example'), raw('release-bot', 'ada+release@a.example'), raw('docs-bot', 'docs@a.example'), raw('docs-bot', 'docs+nightly@a.example')], { extensions: true });
    expect(bots.map((d) => [d.name, d.isBot, d.members])).toEqual([
      ['Ada', false, [0]],
      ['release-bot', true, [1]],
      ['docs-bot', true, [2, 3]],
    ]);
    // An identity that joins by its name only (over a shared address: sharedAddressIdentities) does
    // not join the mailbox, and a mailbox only such identities use joins no sub-address.
    const list = [raw('Eve Ma', 'ci@a.example', 5), raw('Ada Lee', 'ci+format@a.example', 2), raw('Bo Chan', 'ci@a.example', 5), raw('Cy Dee', 'ci+lint@a.example', 2)];
    const developers = resolveIdentities(list, { extensions: true, sharedAddresses: new Set([0, 2]) });
    expect(developers.map((d) => d.members).sort()).toEqual([[0], [1], [2], [3]]);
  });

  it('joins a commit’s author and a co-author of it under names alike (extension), names the pairs that joined, and keeps two people: entries apart', () => {
    const list = [
      raw('Rolf Schröder', 'rolf.schr@gmail.example', 3),
      raw('Rolf Schroeder', 'rolf.schroeder@centogene.example', 0),
      raw('Civan Yavuzşen', 'civan@example.com', 2),
      raw('C. Yavuzsen', 'cyavuzsen@comscore.example', 1),
      raw('Ann Lee', 'ann@a.example', 1),
      raw('ann lee', 'ann@b.example', 1),
    ];
    const selfCoAuthorships = [
      { author: 0, coAuthor: 1, commits: 2 },
      { author: 2, coAuthor: 3, commits: 1 },
      // Joined by their equal name already: no pair of a join.
      { author: 4, coAuthor: 5, commits: 1 },
    ];
    const developers = resolveIdentities(list, { extensions: true, selfCoAuthorships });
    expect(developers.map((d) => [d.name, d.members, d.selfCoAuthorships])).toEqual([
      ['Ann Lee', [4, 5], undefined],
      ['Civan Yavuzşen', [2, 3], [{ author: 2, coAuthor: 3, commits: 1 }]],
      ['Rolf Schröder', [0, 1], [{ author: 0, coAuthor: 1, commits: 2 }]],
    ]);
    expect(resolveIdentities(list, { extensions: false, selfCoAuthorships })).toHaveLength(5);
    // Two people: entries say they are two people; one entry joins them anyway.
    const apart = [
      { name: 'Rolf Schröder', emails: ['rolf.schr@gmail.example'] },
      { name: 'Rolf Schroeder', emails: ['rolf.schroeder@centogene.example'] },
    ];
    expect(resolveIdentities(list, { extensions: true, selfCoAuthorships, people: apart }).map((d) => d.members)).toEqual([[4, 5], [2, 3], [0], [1]]);
  });

  it('does not name a one-word name a bridge where a sub-address or a self co-authorship joins its sides as well', () => {
    const tagged = [raw('Ann Lee', 'ann@a.example', 5), raw('ann', 'ann@a.example'), raw('ann', 'ann+work@a.example'), raw('Ann B. Lee', 'ann+work@a.example', 3)];
    expect(nameBridges(tagged, resolveIdentities(tagged, { extensions: true }), { extensions: true })).toEqual([]);
    expect(nameBridges(tagged, resolveIdentities(tagged, { extensions: false }), { extensions: false })).toHaveLength(1);
    const spelled = [raw('Rolf Schröder', 'rolf@a.example', 5), raw('rolf', 'rolf@a.example'), raw('rolf', 'rolf@c.example'), raw('Rolf Schroeder', 'rolf@c.example', 3)];
    const selfCoAuthorships = [{ author: 0, coAuthor: 3, commits: 1 }];
    expect(nameBridges(spelled, resolveIdentities(spelled, { extensions: true, selfCoAuthorships }), { extensions: true, selfCoAuthorships })).toEqual([]);
    expect(nameBridges(spelled, resolveIdentities(spelled, { extensions: true }), { extensions: true })).toHaveLength(1);
  });

  it('keeps a bot that commits with a person’s email apart from that person', () => {
    const developers = resolveIdentities([raw('Ada', 'ada@example.com'), raw('release-bot', 'ada@example.com')], { extensions: true });
    expect(developers.map((d) => [d.id, d.name, d.isBot, d.members])).toEqual([
      ['ada@example.com', 'Ada', false, [0]],
      ['bot:ada@example.com', 'release-bot', true, [1]],
    ]);
  });
});

describe('bot patterns', () => {
  const isBot = createBotMatcher(['*@build.example', 'ci?']);

  it('recognises *[bot], *-bot and configured patterns, on name or email, case-insensitively', () => {
    expect(isBot({ name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' })).toBe(true);
    expect(isBot({ name: 'Renovate[BOT]', email: 'x@example.com' })).toBe(true);
    expect(isBot({ name: 'x-bot', email: 'x@example.com' })).toBe(true);
    expect(isBot({ name: 'Someone', email: 'someone[bot]@users.noreply.github.com' })).toBe(true);
    expect(isBot({ name: 'Runner', email: 'runner@BUILD.example' })).toBe(true);
    expect(isBot({ name: 'ci7', email: 'c@example.com' })).toBe(true);
  });

  it('does not take names with the letters b, o or t for bots ([bot] is literal, not a character class)', () => {
    for (const name of ['Bob', 'Otto', 'Scott', 'Tibo', 'robot', 'Abbott']) {
      expect(isBot({ name, email: `${name.toLowerCase()}@example.com` }), name).toBe(false);
    }
    // A name "bot" alone is no pattern; the address bot@… is (below).
    expect(isBot({ name: 'bot', email: 'b@example.com' })).toBe(false);
    expect(isBot({ name: 'ci12', email: 'c@example.com' })).toBe(false);
  });

  // fastapi (a CI maintainer): its release-notes workflow, `github-actions <github-actions@github.com>`
  // with 2,237 commits, was its second author and kept a critical system passing.
  it('recognises the addresses GitHub Actions workflows commit under, and the name github-actions', () => {
    const defaults = createBotMatcher([]);
    for (const [name, email] of [
      ['github-actions', 'github-actions@github.com'],
      ['pre-commit', 'github-actions@github.com'],
      ['GitHub Action', 'action@github.com'],
      ['GitHub Actions', 'actions@github.com'],
      ['github-actions', 'ci@corp.example'],
    ]) {
      expect(defaults({ name: name as string, email: email as string }), `${name} <${email}>`).toBe(true);
    }
    // People at GitHub, and a person's own address there, are people.
    expect(defaults({ name: 'Ada', email: 'ada@github.com' })).toBe(false);
    expect(defaults({ name: 'Ada Actions', email: 'ada.actions@corp.example' })).toBe(false);
  });

  // Regression (laravel, a tester): StyleCI Bot <bot@styleci.io> was second in the truck factor, a
  // handoff successor, and kept check's critical systems passing.
  it('recognises an address bot@…, not people named Talbot, Abbot, Bot Smith or Ben Bot', () => {
    const defaults = createBotMatcher([]);
    expect(defaults({ name: 'StyleCI Bot', email: 'bot@styleci.io' })).toBe(true);
    expect(defaults({ name: 'Someone', email: 'BOT@renovateapp.com' })).toBe(true);
    // Bot is a Dutch surname, and a built-in pattern cannot be switched off (a review): a name that
    // ends in "Bot" is no pattern; scan names such an author as looking automated instead.
    for (const [name, email] of [
      ['Ben Bot', 'ben@minbuza.example'],
      ['Anna de Bot', 'anna.debot@corp.example'],
      ['StyleCI Bot', 'ci@styleci.example'],
      ['Jane Talbot', 'jtalbot@corp.example'],
      ['Sam Abbot', 'sam.abbot@corp.example'],
      ['Bot Smith', 'bot.smith@corp.example'],
      ['Robot', 'robot@corp.example'],
      ['Andreu Botella', 'botella@corp.example'],
      ['Ada', 'ada@bot.example'],
      ['Ada', 'robot@corp.example'],
    ]) {
      expect(defaults({ name: name as string, email: email as string }), `${name} <${email}>`).toBe(false);
    }
  });

  // Regression (astro, a tester): "Houston (Bot)" made 1,600 "[ci] format" commits and was eighth in
  // the truck factor; no surname is written "(Bot)".
  it('recognises a name ending in "(Bot)", not one merely containing it', () => {
    const defaults = createBotMatcher([]);
    expect(defaults({ name: 'Houston (Bot)', email: '108291165+astrobot-houston@users.noreply.github.com' })).toBe(true);
    expect(defaults({ name: 'Release (bot)', email: 'release@corp.example' })).toBe(true);
    expect(defaults({ name: 'Ben Bot', email: 'ben@corp.example' })).toBe(false);
    expect(defaults({ name: 'Ann (Bot) Smith', email: 'ann@corp.example' })).toBe(false);
    expect(defaults({ name: 'Ann Bot (Acme)', email: 'ann@corp.example' })).toBe(false);
  });

  it('treats regular-expression characters in a pattern literally', () => {
    expect(wildcardToRegExp('a.b+(c)').test('a.b+(c)')).toBe(true);
    expect(wildcardToRegExp('a.b').test('axb')).toBe(false);
  });

  it('matches lower-cased text by plain comparison exactly as the wildcard expression does', () => {
    const pattern = fc.array(fc.constantFrom('*', '?', 'a', 'B', '-', '[', ']', '@', '.', 'é', '\u212a', 'k', 'ſ'), { maxLength: 6 }).map((chars) => chars.join(''));
    const text = fc.array(fc.constantFrom('a', 'b', 'B', '-', '[', ']', '@', '.', '\n', '\u212a', 'k', 'ſ', 's', 'é', 'É'), { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const lower = t.toLowerCase();
        expect(wildcardMatcher(p)(lower)).toBe(wildcardToRegExp(p).test(lower));
      }),
      { numRuns: 5000 },
    );
    for (const [p, t, want] of [
      ['*-bot', 'renovate-bot', true],
      ['*[bot]', 'dependabot[bot]', true],
      ['copilot', 'copilot', true],
      ['*-bot', 'x\ny-bot', false],
      ['abc*', 'abcdef', true],
      ['*ab*', 'xxabyy', true],
    ] as const) {
      expect(wildcardMatcher(p)(t), `${p} ${JSON.stringify(t)}`).toBe(want);
    }
    expect(wildcardToRegExp('[ci]').test('c')).toBe(false);
  });
});

describe('identities on fixture repositories', { tags: ['slow'] }, () => {
  it('applies a committed .mailmap, to authors and to co-author trailers', async () => {
    const old = { name: 'A. Lovelace', email: 'lovelace@old.example' };
    const repo = buildRepo([
      { author: 'ada', write: { '.mailmap': 'Ada <ada@example.com> A. Lovelace <lovelace@old.example>\n' } },
      { author: old, write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5 } },
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'b.ts': 5 } },
      { author: 'bob', write: { 'b.ts': 5 }, coAuthors: [old] },
    ]);
    const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['.mailmap'] } });
    // Without the mailmap "A. Lovelace <lovelace@old.example>" shares no name or email with Ada.
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
    // a.ts, 2 M events: Ada FA=1 DL=1 AC=1 → 4.391 + 0.164 − 0.321·ln 2 = 4.332500;
    // bob DL=1 AC=1 → 3.2345, normDOA 0.746561 ≤ 0.75 → Ada alone.
    const ada = contributionOf(analysis, 'a.ts', 'ada@example.com');
    expect([ada.fa, ada.dl, ada.ac]).toEqual([1, 1, 1]);
    expect(ada.doa).toBeCloseTo(4.3325, 4);
    expect(fileOf(analysis, 'a.ts').authors).toEqual(['ada@example.com']);
    // b.ts: the co-author trailer names the old identity; the mailmap sends it to Ada (DL=1).
    expect(contributionOf(analysis, 'b.ts', 'ada@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(analysis.developers.find((d) => d.id === 'ada@example.com')).toMatchObject({ name: 'Ada', commits: 3 });
  });

  it('maps co-authors the same whatever the chunks, while check-mailmap answers slowly (a chunk waits for its call as the next one is read)', async () => {
    const olds = [0, 1, 2, 3].map((i) => ({ name: `Old ${i}`, email: `old${i}@old.example` }));
    const mailmap = ['Ada <ada@example.com>', 'Bob <bob@example.com>', 'Carol <carol@example.com>', 'Ada <ada@example.com>'].map((to, i) => `${to} Old ${i} <old${i}@old.example>`).join('\n');
    const commits: FixtureCommit[] = [{ author: 'ada', write: { '.mailmap': `${mailmap}\n` } }];
    for (let i = 0; i < 14; i++) commits.push({ author: i % 3 === 0 ? 'bob' : 'dan', write: { [`src/f${i % 5}.ts`]: 3 }, coAuthors: [olds[(i * 3) % 4] as { name: string; email: string }] });
    const repo = buildRepo(commits);
    const { PATH } = gitOnPath((realGit) => `if [ "$1" = check-mailmap ]; then sleep 0.2; fi\nexec "${realGit}" "$@"`);
    const options = { config: { exclude: ['.mailmap'] }, env: { ...process.env, PATH } };
    const whole = await analyzeRepo(repo.dir, options);
    expect(ids(whole)).not.toContain('old0@old.example');
    for (const historyChunkSize of [1, 2, 3]) {
      const chunked = await analyzeRepo(repo.dir, { ...options, historyChunkSize });
      expect(chunked.files, `chunks of ${historyChunkSize}`).toEqual(whole.files);
      expect(chunked.developers, `chunks of ${historyChunkSize}`).toEqual(whole.developers);
    }
  });

  it('folds a chunk that waited for check-mailmap before the next one (a rename right behind it)', async () => {
    const old = { name: 'Old', email: 'old@old.example' };
    const repo = buildRepo([
      { author: 'ada', write: { '.mailmap': 'Dan <dan@example.com> Old <old@old.example>\n' } },
      { author: 'ada', write: { 'a.ts': 10 } },
      { author: 'bob', rename: { 'a.ts': 'b.ts' } },
      { author: 'carl', write: { 'b.ts': 10 }, coAuthors: [old] },
    ]);
    const options = { config: { exclude: ['.mailmap'] } };
    const whole = await analyzeRepo(repo.dir, options);
    expect(contributionOf(whole, 'b.ts', 'dan@example.com').dl).toBe(1);
    const chunked = await analyzeRepo(repo.dir, { ...options, historyChunkSize: 1 });
    expect(chunked.files).toEqual(whole.files);
    expect(chunked.developers).toEqual(whole.developers);
  });

  it('once a check-mailmap call fails, later co-authors are taken as written, whatever the timing, with one warning', async () => {
    const olds = [0, 1].map((i) => ({ name: `Old ${i}`, email: `old${i}@old.example` }));
    const repo = buildRepo([
      { author: 'ada', write: { '.mailmap': 'Ada <ada@example.com> Old 0 <old0@old.example>\nBob <bob@example.com> Old 1 <old1@old.example>\n' } },
      { author: 'carl', write: { 'a.ts': 5 } },
      { author: 'carl', write: { 'b.ts': 5 }, coAuthors: [olds[1] as { name: string; email: string }] },
      { author: 'carl', write: { 'c.ts': 5 }, coAuthors: [olds[0] as { name: string; email: string }] },
    ]);
    // The first call (the newest chunk's) fails slowly; the next chunk is read meanwhile.
    const { bin, PATH } = gitOnPath((realGit, dir) =>
      [`if [ "$1" = check-mailmap ] && [ ! -e "${dir}/failed" ]; then touch "${dir}/failed"; sleep 0.3; echo boom >&2; exit 1; fi`, `exec "${realGit}" "$@"`].join('\n'),
    );
    const results = new Set<string>();
    for (let run = 0; run < 4; run++) {
      rmSync(path.join(bin, 'failed'), { force: true });
      const warnings: string[] = [];
      const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['.mailmap'] }, env: { ...process.env, PATH }, historyChunkSize: 1, cache: run % 2 === 1 }, { onWarning: (m) => warnings.push(m) });
      expect(warnings.filter((m) => m.includes('.mailmap was not applied'))).toHaveLength(1);
      results.add(ids(analysis).join(','));
    }
    // Neither trailer mapped, every time: the call for Old 0 (newest) failed, and Old 1's came after it.
    expect(results.size).toBe(1);
    expect([...results][0]?.split(',')).toEqual(expect.arrayContaining(['old0@old.example', 'old1@old.example']));
  });

  it('maps a co-author whose name starts with a dash (not read as an option of git check-mailmap)', async () => {
    const dashed = { name: '-dash', email: 'dash@old.example' };
    const repo = buildRepo([
      { author: 'ada', write: { '.mailmap': 'Ada <ada@example.com> -dash <dash@old.example>\n' } },
      { author: 'bob', write: { 'b.ts': 5 }, coAuthors: [dashed] },
    ]);
    const warnings: string[] = [];
    const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['.mailmap'] } }, { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(contributionOf(analysis, 'b.ts', 'ada@example.com').fa).toBe(1);
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('takes co-authors as written without any .mailmap, with no git check-mailmap call', async () => {
    // A git that logs its subcommands, to see which ones the scan ran.
    const { bin, PATH } = gitOnPath((realGit, dir) => `echo "$*" >> "${dir}/calls"\nexec "${realGit}" "$@"`);
    const env = { ...process.env, PATH };
    const calls = () => readFileSync(path.join(bin, 'calls'), 'utf8');
    const history: FixtureCommit[] = [
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5 }, coAuthors: [{ name: 'Carol  ', email: 'carol@example.com' }, 'dan'] },
    ];

    const analysis = await analyzeRepo(buildRepo(history).dir, { env });
    expect(calls()).toMatch(/\blog\b/);
    expect(calls()).not.toMatch(/check-mailmap/);
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com', 'carol@example.com', 'dan@example.com']);
    expect(analysis.developers.find((d) => d.id === 'carol@example.com')?.name).toBe('Carol');

    // With a .mailmap (in the work tree, or HEAD's in a bare repository), git maps them; and with a
    // mailmap.file this cannot read, git is asked too (git expands ~user/ and %(prefix)/ in it).
    const mapped = buildRepo([{ author: 'ada', write: { '.mailmap': 'Dan <dan@example.com> <dan@old.example>\n' } }, ...history]);
    const bare = `${mapped.dir}-bare.git`;
    onTestFinished(() => rmSync(bare, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--bare', mapped.dir, bare]);
    const configured = buildRepo(history);
    configured.git('config', 'mailmap.file', '%(prefix)/no-such-mailmap');
    for (const dir of [mapped.dir, bare, configured.dir]) {
      writeFileSync(path.join(bin, 'calls'), '');
      await analyzeRepo(dir, { env });
      expect(calls()).toMatch(/check-mailmap/);
    }
  });

  it('merges identities by shared email or name, transitively, and sums their events', async () => {
    const repo = buildRepo([
      { author: { name: 'Sam', email: 'sam@a.example' }, write: { 'f.ts': 5 } },
      { author: { name: 'Samuel', email: 'SAM@A.example' }, write: { 'f.ts': 5 } },
      { author: { name: 'Samuel', email: 'SAM@A.example' }, write: { 'f.ts': 5 } },
      { author: { name: 'SAMUEL', email: 'sam@b.example' }, write: { 'f.ts': 5 } },
      { author: 'bob', write: { 'f.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.developers.map((d) => [d.id, d.name, d.emails, d.commits])).toEqual([
      ['sam@a.example', 'Samuel', ['sam@a.example', 'sam@b.example'], 4],
      ['bob@example.com', 'Bob', ['bob@example.com'], 1],
    ]);
    // 4 M events. Sam: FA=1 DL=3 AC=1 → 4.391 + 0.492 − 0.321·ln 2 = 4.660500;
    // bob: DL=1 AC=3 → 3.457 − 0.321·ln 4 = 3.012000 → not an author.
    expect(contributionOf(analysis, 'f.ts', 'sam@a.example')).toMatchObject({ fa: 1, dl: 3, ac: 1 });
    expect(contributionOf(analysis, 'f.ts', 'sam@a.example').doa).toBeCloseTo(4.6605, 4);
    expect(fileOf(analysis, 'f.ts').authors).toEqual(['sam@a.example']);
  });

  const botHistory: FixtureCommit[] = [
    { author: 'ada', write: { 'a.ts': 5 } },
    { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, write: { 'a.ts': 5 } },
    { author: { name: 'x-bot', email: 'x@example.com' }, write: { 'a.ts': 5 } },
    { author: { name: 'ci-runner', email: 'runner@build.example' }, write: { 'a.ts': 5 } },
    { author: 'bob', write: { 'a.ts': 5 } },
    { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, write: { 'deps.ts': 5 } },
  ];

  it('removes bots (*[bot], *-bot, config patterns) from every figure', async () => {
    const analysis = await analyzeRepo(buildRepo(botHistory).dir, { config: { bots: ['*@build.example'] } });
    expect(analysis.bots).toEqual(['ci-runner', 'dependabot[bot]', 'x-bot']);
    expect(analysis.stats.bots).toBe(3);
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
    // a.ts: the bots' 3 changes are gone, so 1 M event. ada FA=1 AC=1 → 4.168500; bob DL=1 AC=0 → 3.457,
    // normDOA 0.829315 → both authors.
    expect(contributionOf(analysis, 'a.ts', 'ada@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 1 });
    expect(contributionOf(analysis, 'a.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(fileOf(analysis, 'a.ts').authors).toEqual(['ada@example.com', 'bob@example.com']);
    // deps.ts was only ever touched by a bot: not analysed.
    expect(analysis.files.map((f) => f.path)).toEqual(['a.ts']);
    expect(analysis.exclusions).toEqual([{ rule: 'no history (or only bot commits)', files: 1 }]);
  });

  it('leaves out StyleCI Bot, as author and as co-author, and keeps Jane Talbot (laravel: it was #2 of the truck factor)', async () => {
    const styleci = { name: 'StyleCI Bot', email: 'bot@styleci.io' };
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5, 'b.ts': 5 } },
      { author: styleci, write: { 'a.ts': 5, 'c.ts': 5 } },
      { author: { name: 'Jane Talbot', email: 'jane@talbot.example' }, write: { 'd.ts': 5 }, coAuthors: [styleci] },
      { author: 'ada', write: { 'e.ts': 5 }, coAuthors: [styleci] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.bots).toEqual(['StyleCI Bot']);
    expect(ids(analysis)).toEqual(['ada@example.com', 'jane@talbot.example']);
    expect(fileOf(analysis, 'e.ts').authors).toEqual(['ada@example.com']);
    // c.ts had only the bot's commit: no history.
    expect(analysis.files.map((f) => f.path)).toEqual(['a.ts', 'b.ts', 'd.ts', 'e.ts']);
  });

  it('keeps bots under the classic model', async () => {
    const analysis = await analyzeRepo(buildRepo(botHistory).dir, { model: 'classic', config: { bots: ['*@build.example'] } });
    expect(analysis.bots).toEqual([]);
    expect(analysis.developers).toHaveLength(5);
    // a.ts: 4 M events. ada FA=1 AC=4 → 4.391 − 0.321·ln 5 = 3.874370; bob and each bot DL=1 AC=3 →
    // 3.012000 (normDOA 0.777417 but under 3.293) → ada alone.
    expect(contributionOf(analysis, 'a.ts', 'ada@example.com').ac).toBe(4);
    expect(contributionOf(analysis, 'a.ts', 'bob@example.com').ac).toBe(3);
    expect(fileOf(analysis, 'a.ts').authors).toEqual(['ada@example.com']);
    expect(fileOf(analysis, 'deps.ts').authors).toEqual(['49699333+dependabot[bot]@users.noreply.github.com']);
  });

  it('does not take Bob, Otto or Scott for bots', async () => {
    const repo = buildRepo([
      { author: 'bob', write: { 'a.ts': 3 } },
      { author: 'otto', write: { 'b.ts': 3 } },
      { author: 'scott', write: { 'c.ts': 3 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.bots).toEqual([]);
    expect(ids(analysis)).toEqual(['bob@example.com', 'otto@example.com', 'scott@example.com']);
  });

  it('a bot committing with a person’s email does not remove the person', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: { name: 'release-bot', email: 'ada@example.com' }, write: { 'a.ts': 5 } },
      { author: 'bob', write: { 'a.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.bots).toEqual(['release-bot']);
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
    // the bot's change is not an event: 1 M event. ada FA=1 AC=1 → 4.1685; bob DL=1 → 3.457 (0.829315)
    expect(contributionOf(analysis, 'a.ts', 'ada@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 1 });
    expect(analysis.developers.find((d) => d.id === 'ada@example.com')?.commits).toBe(1);
  });

  it('joins GitHub no-reply emails to the login (extension only)', async () => {
    const repo = buildRepo([
      { author: { name: 'ada', email: 'ada@example.com' }, write: { 'a.ts': 5 } },
      { author: { name: 'Ada Lovelace', email: '12345+ada@users.noreply.github.com' }, write: { 'a.ts': 5 } },
      { author: { name: 'Ada Lovelace', email: '12345+ada@users.noreply.github.com' }, write: { 'b.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // one developer: named by the most frequent name, id by the most used email
    expect(analysis.developers.map((d) => [d.id, d.name, d.emails]).sort()).toEqual([
      ['12345+ada@users.noreply.github.com', 'Ada Lovelace', ['12345+ada@users.noreply.github.com', 'ada@example.com']],
    ]);
    expect(contributionOf(analysis, 'a.ts', '12345+ada@users.noreply.github.com')).toMatchObject({ fa: 1, dl: 1, ac: 0 });
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(ids(classic)).toEqual(['12345+ada@users.noreply.github.com', 'ada@example.com']);
  });

  it('applies config people: aliases (extension only)', async () => {
    const repo = buildRepo([
      { author: { name: 'A. L.', email: 'ada@home.example' }, write: { 'a.ts': 5 } },
      { author: { name: 'Lovelace', email: 'lovelace@work.example' }, write: { 'a.ts': 5 } },
    ]);
    const people = [{ name: 'Ada Lovelace', emails: ['ada@home.example', 'lovelace@work.example'] }];
    const analysis = await analyzeRepo(repo.dir, { config: { people } });
    expect(analysis.developers.map((d) => [d.id, d.name])).toEqual([['ada@home.example', 'Ada Lovelace']]);
    expect(contributionOf(analysis, 'a.ts', 'ada@home.example')).toMatchObject({ fa: 1, dl: 1, ac: 0 });
    expect((await analyzeRepo(repo.dir, { model: 'classic', config: { people } })).developers).toHaveLength(2);
    expect((await analyzeRepo(repo.dir, { config: { people } })).warnings.filter((w) => w.startsWith('config people'))).toEqual([]);
  });

  it('warns when a config people: email matches no author: the entry then joins nothing, silently', async () => {
    const repo = buildRepo([
      { author: { name: 'A. L.', email: 'ada@home.example' }, write: { 'a.ts': 5 } },
      { author: { name: 'Lovelace', email: 'lovelace@work.example' }, write: { 'a.ts': 5 } },
    ]);
    const people = [{ name: 'Ada Lovelace', emails: ['ada@home.example', 'lovelace@wrok.example'] }];
    const analysis = await analyzeRepo(repo.dir, { config: { people } });
    expect(analysis.developers).toHaveLength(2);
    expect(analysis.warnings).toContain(
      'config people: no author of the analysed history commits as lovelace@wrok.example ("Ada Lovelace") (emails as .mailmap leaves them): check the spelling, or leave out who is not in this history',
    );
    // The published method reads no aliases, so there is nothing to warn about.
    expect((await analyzeRepo(repo.dir, { model: 'classic', config: { people } })).warnings.filter((w) => w.startsWith('config people'))).toEqual([]);
  });
});

// Regression (astro, a tester): its `[ci] format` commits put each pull request author's name over
// one maintainer's no-reply address, and joining by that address made 257 people one developer.
describe('sharedAddressIdentities', () => {
  const noreply = (login: string) => `${login}@users.noreply.github.com`;
  const crossingOf = (list: RawIdentity[]) => [...sharedAddressIdentities(list, list.map(() => false))].map((i) => `${(list[i] as RawIdentity).name} <${(list[i] as RawIdentity).email}>`).sort();

  it('names the identities that put other accounts’ own names over an address two or more of them use', () => {
    const list = [
      raw('Emanuele Stoppa', noreply('ematipico'), 128),
      raw('ematipico', noreply('ematipico'), 72),
      raw('Matthew Phillips', noreply('ematipico'), 12),
      raw('Florian Lefebvre', noreply('ematipico'), 11),
      raw('Lieke', noreply('ematipico'), 1),
      raw('Matthew Phillips', noreply('matthewp'), 107),
      raw('matthewp', noreply('matthewp'), 595),
      raw('Florian Lefebvre', `69633530+${noreply('florian-lefebvre')}`, 70),
    ];
    // Once the address is shared, every name but its own and its login is someone else's there.
    expect(crossingOf(list)).toEqual(['Florian Lefebvre <ematipico@users.noreply.github.com>', 'Lieke <ematipico@users.noreply.github.com>', 'Matthew Phillips <ematipico@users.noreply.github.com>']);
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.map((d) => d.name).sort()).toEqual(['Emanuele Stoppa', 'Florian Lefebvre', 'Lieke', 'Matthew Phillips']);
    // The address is not theirs: it is neither in their emails nor their id.
    expect(developers.find((d) => d.name === 'Lieke')).toMatchObject({ id: 'name:lieke', emails: [] });
    // Shown by his full name, though "matthewp" has more commits (a handle gives way to a full name).
    expect(developers.find((d) => d.name === 'Matthew Phillips')).toMatchObject({ names: ['Matthew Phillips', 'matthewp'], emails: [noreply('matthewp')] });
    // The published rule joins by any equal email: one developer.
    expect(resolveIdentities(list, { extensions: false })).toHaveLength(1);
  });

  it('leaves an address with one other account’s name over it joined, as the published rule has it (a second account of one person looks the same)', () => {
    // astro: a commit or two each way between two people; a person's two accounts under two names
    // (a review) is the same shape, and splitting a person is the worse mistake.
    expect(
      crossingOf([
        raw('Sarah Rainsberger', noreply('sarah11918'), 161),
        raw('Reuben Tier', noreply('TheOtterlord'), 31),
        raw('Sarah Rainsberger', noreply('TheOtterlord'), 2),
      ]),
    ).toEqual([]);
    const alice = [raw('Alice Smith', `1+${noreply('alice')}`, 50), raw('Alice M. Smith', `2+${noreply('alice-acme')}`, 20), raw('Alice Smith', `2+${noreply('alice-acme')}`, 3)];
    expect(crossingOf(alice)).toEqual([]);
    expect(resolveIdentities(alice, { extensions: true })).toHaveLength(1);
  });

  // Review findings: each made one person two developers, or two people one.
  it('takes an address’s own name from the names used most over it, not another account’s, and no bot’s name shares it', () => {
    // Its owner commits mostly under the login; other maintainers' names tie over it (astro's bluwy).
    const tie = [
      raw('maint', noreply('maint'), 200),
      raw('Maint Person', noreply('maint'), 5),
      raw('Alice Abel', noreply('maint'), 6),
      raw('Bob Baker', noreply('maint'), 6),
      raw('Carol Cole', noreply('maint'), 6),
      raw('Alice Abel', noreply('alice'), 300),
      raw('Bob Baker', noreply('bob'), 80),
      raw('Carol Cole', noreply('carol'), 90),
    ];
    expect(crossingOf(tie)).toEqual(['Alice Abel <maint@users.noreply.github.com>', 'Bob Baker <maint@users.noreply.github.com>', 'Carol Cole <maint@users.noreply.github.com>']);
    expect(resolveIdentities(tie, { extensions: true }).map((d) => d.names).sort()).toEqual([['Alice Abel'], ['Bob Baker'], ['Carol Cole'], ['Maint Person', 'maint']]);
    // A bot's name and one other person's over a maintainer's address: not shared, so their own second name stays.
    const withBot = [raw('Maint Person', noreply('maint'), 50), raw('Mike Person', noreply('maint'), 5), raw('Alice Abel', noreply('maint'), 2), raw('Houston (Bot)', noreply('maint'), 3), raw('Alice Abel', noreply('alice'), 40), raw('Houston (Bot)', noreply('astrobot-houston'), 900)];
    expect([...sharedAddressIdentities(withBot, withBot.map((identity) => identity.name.endsWith('(Bot)')))]).toEqual([]);
  });

  it('keeps joining a machine’s name over a person’s address by the address (babel’s Babel Bot trailers)', () => {
    const list = [
      raw('Liu Xing', `30521560+${noreply('liuxingbaoyu')}`, 300),
      raw('Babel Bot', `30521560+${noreply('liuxingbaoyu')}`, 5),
      raw('Ann Abel', `30521560+${noreply('liuxingbaoyu')}`, 1),
      raw('Bob Baker', `30521560+${noreply('liuxingbaoyu')}`, 1),
      raw('Ann Abel', noreply('ann'), 30),
      raw('Bob Baker', noreply('bob'), 30),
      raw('Babel Bot', 'babel@babeljs.example', 770),
      raw('Babel Bot', `999+${noreply('babel-bot')}`, 20),
    ];
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.find((d) => d.names.includes('Liu Xing'))?.members).toContain(1);
    expect(developers.find((d) => d.emails.includes('babel@babeljs.example'))?.members).not.toContain(1);
  });

  it('leaves one person’s names alone: a changed name, a second address, a login, a first name (vite: sapphi, prometheus: Bartek Plotka)', () => {
    expect(
      crossingOf([
        // A name changed over one address, the new one used most at work.
        raw('Jane Smith', 'jane@home.example', 300),
        raw('Jane Doe', 'jane@home.example', 50),
        raw('Jane Doe', 'jane@work.example', 200),
        // vite: one person's names over their own address, one of them a first name two people use.
        raw('翠 / green', 'green@sapphi.red', 832),
        raw('翠', 'green@sapphi.red', 571),
        raw('sapphi-red', 'green@sapphi.red', 17),
        raw('andrew', 'green@sapphi.red', 2),
        raw('sapphi-red', `49056869+${noreply('sapphi-red')}`, 389),
        raw('Andrew', `1881266+${noreply('iamandrewluca')}`, 2),
        // prometheus: variants of a name over one plain address, each also another address's own name.
        raw('Bartlomiej Plotka', 'bwplotka@gmail.example', 300),
        raw('Bartek Plotka', 'bwplotka@gmail.example', 19),
        raw('Bartek Płotka', 'bwplotka@gmail.example', 8),
        raw('Bartek Plotka', 'bartek@work.example', 40),
        raw('Bartek Płotka', 'bartek@other.example', 30),
        // Two GitHub accounts of one person, under one name.
        raw('Ann Lee', noreply('annlee'), 100),
        raw('Ann Lee', noreply('ann-at-work'), 10),
      ]),
    ).toEqual([]);
  });

  it('takes a bot’s name for its address’s own: people’s names over it are not joined through it (astro’s Houston (Bot))', () => {
    const list = [
      raw('Houston (Bot)', `108291165+${noreply('astrobot-houston')}`, 1600),
      raw('Matt Kane', `108291165+${noreply('astrobot-houston')}`, 1),
      raw('Florian Lefebvre', `108291165+${noreply('astrobot-houston')}`, 1),
      raw('Matt Kane', noreply('ascorbic'), 64),
      raw('Florian Lefebvre', noreply('florian-lefebvre'), 70),
    ];
    const bots = list.map((identity) => identity.name === 'Houston (Bot)');
    expect([...sharedAddressIdentities(list, bots)].sort()).toEqual([1, 2]);
    expect(resolveIdentities(list, { extensions: true }).filter((d) => !d.isBot).map((d) => d.name).sort()).toEqual(['Florian Lefebvre', 'Matt Kane']);
  });
});

describe('identities joined beyond the published rule, on fixture repositories', { tags: ['slow'] }, () => {
  // hugo (a tester's repro): the maintainer's release identity commits from a sub-address of his
  // mailbox, under another name; it was a developer of its own, and handoff proposed it as his successor.
  it('joins a sub-address to its mailbox (extension), not under --model classic', async () => {
    const repo = buildRepo([
      { author: { name: 'X', email: 'x@a.com' }, write: { '.mailmap': 'x <x@a.com> Full Name <x@a.com>\n', 'a.txt': 5 } },
      { author: { name: 'Full Name', email: 'x+rel@a.com' }, write: { 'a.txt': 5 } },
      { author: 'bob', write: { 'b.txt': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['.mailmap'] } });
    expect(analysis.developers.map((d) => [d.name, d.emails])).toEqual([
      ['Full Name', ['x+rel@a.com', 'x@a.com']],
      ['Bob', ['bob@example.com']],
    ]);
    expect(fileOf(analysis, 'a.txt').contributions.map((c) => c.developer)).toEqual(['x+rel@a.com']);
    const classic = await analyzeRepo(repo.dir, { model: 'classic', config: { exclude: ['.mailmap'] } });
    expect(ids(classic)).toEqual(['bob@example.com', 'x+rel@a.com', 'x@a.com']);
  });

  // ohmyzsh: ~20 commits whose author names themselves again as co-author under another spelling.
  it('joins a co-author under another spelling of the commit’s author’s name (extension), says so, and keeps two people: entries apart', async () => {
    const who = (name: string, email: string) => ({ name, email });
    const repo = buildRepo([
      { author: who('Rolf Schröder', 'rolf.schr@gmail.com'), write: { 'a.zsh': 5 }, coAuthors: [who('Rolf Schroeder', 'rolf.schroeder@centogene.com')] },
      { author: who('Rolf Schröder', 'rolf.schr@gmail.com'), write: { 'a.zsh': 5 }, coAuthors: [who('Rolf Schroeder', 'rolf.schroeder@centogene.com')] },
      { author: who('Civan Yavuzşen', 'civan@example.com'), write: { 'b.zsh': 5 }, coAuthors: [who('C. Yavuzsen', 'cyavuzsen@comscore.com')] },
      { author: who('Žiga Šebenik', 'ziga@example.com'), write: { 'c.zsh': 5 }, coAuthors: [who('Ziga Sebenik', 'ziga@work.example')] },
      { author: who('Jóhann Friðriksson', 'johann@example.com'), write: { 'd.zsh': 5 }, coAuthors: [who('Johann Fridriksson', 'johann@work.example')] },
      { author: who('Steve Lessard Jr', 'steve@example.com'), write: { 'e.zsh': 5 }, coAuthors: [who('Steve Lessard', 'slessard@work.example')] },
      // Names alike in one history, never on one commit (prometheus): two developers.
      { author: who('George Krajcsovits', 'george@example.com'), write: { 'f.zsh': 5 } },
      { author: who('György Krajcsovits', 'gyorgy@example.com'), write: { 'g.zsh': 5 } },
      // A co-author with another name: two people.
      { author: 'ann', write: { 'h.zsh': 5 }, coAuthors: ['bob'] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.developers.map((d) => d.names).sort()).toEqual([
      ['Ann'],
      ['Bob'],
      ['C. Yavuzsen', 'Civan Yavuzşen'],
      ['George Krajcsovits'],
      ['György Krajcsovits'],
      ['Johann Fridriksson', 'Jóhann Friðriksson'],
      ['Rolf Schroeder', 'Rolf Schröder'],
      ['Steve Lessard', 'Steve Lessard Jr'],
      ['Ziga Sebenik', 'Žiga Šebenik'],
    ]);
    // a.zsh: one developer, two deliveries (each commit credits them once).
    expect(fileOf(analysis, 'a.zsh').contributions.map((c) => [c.developer, c.fa, c.dl])).toEqual([['rolf.schr@gmail.com', 1, 1]]);
    expect(analysis.warnings).toContain(
      '5 commit authors are also their commits\' co-authors under another spelling of their names (Rolf Schröder <rolf.schr@gmail.com> as Rolf Schroeder <rolf.schroeder@centogene.com> (2 commits), Steve Lessard Jr <steve@example.com> as Steve Lessard <slessard@work.example> (1 commit), Jóhann Friðriksson <johann@example.com> as Johann Fridriksson <johann@work.example> (1 commit) +2 more): each two identities are one developer; if two of them are different people, give each a `people:` entry of its own with its email in .talentrisk.yml, which keeps them apart (README, "What is analysed")',
    );
    // Two people: entries keep them apart, and the warning names the others only.
    const people = [
      { name: 'Rolf Schröder', emails: ['rolf.schr@gmail.com'] },
      { name: 'Rolf Schroeder', emails: ['rolf.schroeder@centogene.com'] },
    ];
    const apart = await analyzeRepo(repo.dir, { config: { people } });
    expect(apart.developers.filter((d) => d.name.startsWith('Rolf')).map((d) => d.emails)).toEqual([['rolf.schr@gmail.com'], ['rolf.schroeder@centogene.com']]);
    expect(apart.warnings.find((w) => w.includes('another spelling'))).toMatch(/^4 commit authors .*\(Steve Lessard Jr/);
    // Without co-authors (config, or the classic model) there is nothing to join.
    for (const other of [await analyzeRepo(repo.dir, { config: { model: { coAuthors: false } } }), await analyzeRepo(repo.dir, { model: 'classic' })]) {
      expect(other.developers.some((d) => d.names.length > 1)).toBe(false);
      expect(other.warnings.some((w) => w.includes('another spelling'))).toBe(false);
    }
  });

  // vite: "andrew" joined Andrei Luca, 翠 / green, andrew <andywangsy@…> (13 commits, under that
  // name only) and a co-author; the warning named the first two only.
  it('names the sides a one-word name joins under that name only, beside those with names of their own', async () => {
    const who = (name: string, email: string) => ({ name, email });
    const repo = buildRepo([
      { author: who('Andrei Luca', 'luca@example.com'), write: { 'a.ts': 5 } },
      { author: who('andrew', 'luca@example.com'), write: { 'a.ts': 5 } },
      { author: who('翠 / green', 'green@sapphi.red'), write: { 'b.ts': 5 } },
      { author: who('andrew', 'green@sapphi.red'), write: { 'b.ts': 5 } },
      { author: who('andrew', 'andywangsy@gmail.com'), write: { 'c.ts': 5 } },
      { author: who('andrew', 'andywangsy@gmail.com'), write: { 'c.ts': 5 } },
      { author: 'bob', write: { 'd.ts': 5 }, coAuthors: [who('Andrew', 'maccuaa@example.com')] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.warnings).toContain(
      'a one-word name alone joins identities that also commit under names of their own ("andrew" joins Andrei Luca <luca@example.com>, 翠 / green <green@sapphi.red>, and one under that name only: andrew <andywangsy@gmail.com> (2 commits)): identities with one name are one developer; if these are different people, give each such identity its owner\'s usual name in .mailmap (README, "What is analysed")',
    );
  });
});

describe('identities named by placeholders and addresses, on fixture repositories', { tags: ['slow'] }, () => {
  // tokio (a first-time user): "Name" joined 44015907+FenFenGao@users.noreply… with diazarnau0@gmail.com.
  it('keeps two people committing under a placeholder name apart (extension), and joins them under --model classic', async () => {
    const who = (name: string, email: string) => ({ name, email });
    const repo = buildRepo([
      { author: who('Name', '44015907+FenFenGao@users.noreply.github.com'), write: { 'a.rs': 5 } },
      { author: who('Name', 'diazarnau0@gmail.com'), write: { 'b.rs': 5 } },
      { author: who('Your Name', 'jo@x.example'), write: { 'c.rs': 5 } },
      { author: who('your name', 'sam@y.example'), write: { 'd.rs': 5 } },
      { author: who('root', 'root@mongo.config1.com'), write: { 'e.rs': 5 } },
      { author: who('root', 'shfbai@gmail.com'), write: { 'f.rs': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // Each shown with their address, as they share a name (distinct-names.ts).
    expect(analysis.developers.map((d) => [d.id, d.sharedName, d.emails]).sort()).toEqual([
      ['44015907+fenfengao@users.noreply.github.com', 'Name', ['44015907+fenfengao@users.noreply.github.com']],
      ['diazarnau0@gmail.com', 'Name', ['diazarnau0@gmail.com']],
      ['jo@x.example', 'Your Name', ['jo@x.example']],
      ['root@mongo.config1.com', 'root', ['root@mongo.config1.com']],
      ['sam@y.example', 'your name', ['sam@y.example']],
      ['shfbai@gmail.com', 'root', ['shfbai@gmail.com']],
    ]);
    expect(analysis.developers.find((d) => d.id === 'diazarnau0@gmail.com')?.name).toBe('Name <diazarnau0@gmail.com>');
    expect(fileOf(analysis, 'b.rs').authors).toEqual(['diazarnau0@gmail.com']);
    // Six people with a file each: four must leave before fewer than half have an author.
    expect(analysis.truckFactor.value).toBe(4);
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(classic.developers.map((d) => d.emails.length)).toEqual([2, 2, 2]);
    expect(classic.truckFactor.value).toBe(2);
  });

  // redis (a first-time user): Meir Shpilraien showed as "meir@redislabs.com", his most used name.
  it('shows a developer by a name that is not an email address, and by the address when it is their only name', async () => {
    const meir = (name: string) => ({ name, email: 'meir@redislabs.com' });
    const repo = buildRepo([
      ...Array.from({ length: 3 }, (_, i) => ({ author: meir('meir@redislabs.com'), write: { 'server.c': 5 + i } })),
      { author: meir('MeirShpilraien'), write: { 'module.c': 5 } },
      { author: { name: 'jane@example.com', email: 'jane@example.com' }, write: { 'rdb.c': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.developers.map((d) => [d.id, d.name, d.names]).sort()).toEqual([
      ['jane@example.com', 'jane@example.com', ['jane@example.com']],
      ['meir@redislabs.com', 'MeirShpilraien', ['MeirShpilraien', 'meir@redislabs.com']],
    ]);
  });
});

describe('shared addresses on a fixture repository', { tags: ['slow'] }, () => {
  it('counts a name over an address others commit with for its name, says so, and keeps the published join under --model classic', async () => {
    const address = (login: string) => `${login}@users.noreply.github.com`;
    const emanuele = { name: 'Emanuele Stoppa', email: address('ematipico') };
    const repo = buildRepo([
      { author: emanuele, write: { 'core.ts': 5 } },
      { author: { name: 'Matthew Phillips', email: address('matthewp') }, write: { 'router.ts': 5 } },
      { author: { name: 'Florian Lefebvre', email: address('florian-lefebvre') }, write: { 'fonts.ts': 5 } },
      // A CI job's format commits: the pull request author's name over the maintainer's address.
      { author: { name: 'Matthew Phillips', email: address('ematipico') }, write: { 'router.ts': 1 } },
      { author: { name: 'Florian Lefebvre', email: address('ematipico') }, write: { 'fonts.ts': 1 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(ids(analysis)).toEqual([address('florian-lefebvre'), address('ematipico'), address('matthewp')].sort());
    expect(fileOf(analysis, 'router.ts').authors).toEqual([address('matthewp')]);
    expect(analysis.warnings).toContain(
      '2 identities put another person\'s name over an address others commit with too (ematipico@users.noreply.github.com under 2 names; e.g. Florian Lefebvre <ematipico@users.noreply.github.com>): each counts for its name, not for the address\'s owner (a CI job or a shared account commits so, and joining by the address made one developer of many); `--model classic` joins them (README, "What is analysed")',
    );
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(classic.developers).toHaveLength(1);
    expect(classic.warnings.some((w) => w.includes('another person'))).toBe(false);
  });
});

// Regression (pytest, a tester): 23 svn-era names commit over `none@none` (hpk 625 commits, fijal 173,
// guido 139, …); joined by that address they were one developer "hpk", and `handoff fijal` wrote a
// handoff for hpk.
describe('placeholder addresses', () => {
  const crossingOf = (list: RawIdentity[]) => [...placeholderAddressIdentities(list, list.map(() => false))].map((i) => `${(list[i] as RawIdentity).name} <${(list[i] as RawIdentity).email}>`).sort();

  it('takes an address no one can receive mail at for a placeholder: no @, a domain without a dot, (none), localhost.localdomain', () => {
    for (const address of ['none@none', 'nobody@nowhere', 'unknown', 'jane@localhost', 'jane@laptop', 'hpk@13f79535-47bb-0310-9956-ffa450edef68', 'jane@jane-laptop.(none)', 'root@(none)', 'root@localhost.localdomain', ' Root@LocalHost ']) {
      expect(isPlaceholderAddress(address), address).toBe(true);
    }
    for (const address of ['', 'jane@example.com', 'jane@mail.localhost.example', '123+jane@users.noreply.github.com', 'jane@none.org']) {
      expect(isPlaceholderAddress(address), address).toBe(false);
    }
  });

  it('joins the names over a placeholder address that different people use by their names only', () => {
    const list = [raw('hpk', 'none@none', 625), raw('fijal', 'none@none', 173), raw('guido', 'none@none', 139), raw('hpk', 'holger@merlinux.example', 40), raw('Holger Krekel', 'holger@merlinux.example', 900)];
    expect(crossingOf(list)).toEqual(['fijal <none@none>', 'guido <none@none>', 'hpk <none@none>']);
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.map((d) => [d.id, d.name, d.emails, d.commits])).toEqual([
      // hpk's name still joins his own address; the placeholder is no one's email.
      ['holger@merlinux.example', 'Holger Krekel', ['holger@merlinux.example'], 1565],
      ['name:fijal', 'fijal', [], 173],
      ['name:guido', 'guido', [], 139],
    ]);
    // The published rule joins by any equal email: one developer.
    expect(resolveIdentities(list, { extensions: false })).toHaveLength(1);
  });

  it('leaves one name, or one person’s names, over a placeholder joined by it (vite’s shaoyu and Shaoyu Meng)', () => {
    expect(
      crossingOf([
        raw('Jane', 'jane@laptop', 3),
        raw('shaoyu', 'shaoyu', 1),
        raw('Shaoyu Meng', 'shaoyu', 2),
        // A first name beside the full name, a changed surname, a handle of initial and surname.
        raw('Ann', 'ann@ann-pc.(none)', 1),
        raw('Ann Lee', 'ann@ann-pc.(none)', 5),
        raw('Ann Park', 'ann@ann-pc.(none)', 5),
        raw('jdoe', 'jdoe@thinkpad.(none)', 1),
        raw('John Doe', 'jdoe@thinkpad.(none)', 9),
        raw('Zoë Müller', 'zoe@localhost', 4),
        raw('Zoe Mueller', 'zoe@localhost', 1),
        raw('zoe', 'zoe@localhost', 1),
        // The address's own user beside one name: git took the address from the login.
        raw('root', 'root@localhost.localdomain', 2),
        raw('Alice Smith', 'root@localhost.localdomain', 7),
      ]),
    ).toEqual([]);
    // Two people's names over it besides its user: each counts for itself.
    expect(crossingOf([raw('root', 'root@build', 2), raw('Alice Smith', 'root@build', 7), raw('Bob Jones', 'root@build', 3)])).toEqual(['Alice Smith <root@build>', 'Bob Jones <root@build>', 'root <root@build>']);
  });

  // A review: "John Doe" and "jdoe" beside "Alice Smith" over none@none were three developers.
  it('keeps one person’s names over a placeholder joined when another person uses it too', () => {
    const list = [raw('John Doe', 'none@none', 9), raw('jdoe', 'none@none', 3), raw('Alice Smith', 'none@none', 4), raw('bob', 'none@none', 1)];
    expect(crossingOf(list)).toEqual(['Alice Smith <none@none>', 'bob <none@none>']);
    const developers = resolveIdentities(list, { extensions: true });
    expect(developers.map((d) => [d.id, d.name, d.commits]).sort()).toEqual([
      ['name:alice smith', 'Alice Smith', 4],
      ['name:bob', 'bob', 1],
      ['none@none', 'John Doe', 12],
    ]);
  });

  it('leaves bots and identities without a name over a placeholder as they are', () => {
    const list = [raw('hpk', 'none@none', 5), raw('fijal', 'none@none', 3), raw('', 'none@none', 1), raw('svn-bot', 'none@none', 9)];
    expect([...placeholderAddressIdentities(list, list.map((identity) => identity.name === 'svn-bot'))].sort()).toEqual([0, 1]);
  });
});

describe('placeholder addresses on a fixture repository', { tags: ['slow'] }, () => {
  it('counts each name over none@none for itself, says so, keeps one name over a placeholder, and joins them under --model classic', async () => {
    const none = (name: string) => ({ name, email: 'none@none' });
    const repo = buildRepo([
      { author: none('hpk'), write: { 'py/test.py': 5 } },
      { author: none('fijal'), write: { 'py/code.py': 5 } },
      { author: none('guido'), write: { 'py/io.py': 5 } },
      { author: none('hpk'), write: { 'py/code.py': 1 } },
      { author: { name: 'Jane', email: 'jane@laptop' }, write: { 'docs/a.md': 5 } },
      { author: { name: 'Jane', email: 'jane@laptop' }, write: { 'docs/b.md': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.developers.map((d) => [d.id, d.name, d.emails]).sort()).toEqual([
      ['jane@laptop', 'Jane', ['jane@laptop']],
      ['name:fijal', 'fijal', []],
      ['name:guido', 'guido', []],
      ['name:hpk', 'hpk', []],
    ]);
    expect(fileOf(analysis, 'py/io.py').authors).toEqual(['name:guido']);
    expect(analysis.warnings).toContain(
      'an address that is no one\'s mailbox has different people\'s names over it (none@none under 3 names: hpk, fijal, guido): each name counts for itself, not joined by the address (imports write none@none, and git writes user@host.(none) when no email is configured); `--model classic` joins them (README, "What is analysed")',
    );
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(classic.developers.map((d) => d.id).sort()).toEqual(['jane@laptop', 'none@none']);
    expect(classic.warnings.some((w) => w.includes('mailbox'))).toBe(false);
  });
});

describe('unmatchedAliases', () => {
  const identities = [raw('Ada', 'ada@a.example'), raw('bob', '123+bobby@users.noreply.github.com'), raw('Carl Smith', 'carl@c.example')];

  it('names emails and logins no identity has, and entries that match nobody at all', () => {
    const unmatched = unmatchedAliases(identities, [
      { name: 'Ada Lovelace', emails: ['ADA@a.example '] },
      { name: 'Bob', emails: [], github: 'bobby' },
      { name: 'Carl', emails: ['carl@old.example'], github: 'carlos' },
      { name: 'carl smith', emails: ['carl@old.example'] },
      { name: 'Dora', emails: [] },
    ]);
    expect(unmatched).toEqual([
      { name: 'Carl', emails: ['carl@old.example'], github: 'carlos', joinsNobody: true },
      // Its name joins Carl Smith, so the entry does something; only the email is idle.
      { name: 'carl smith', emails: ['carl@old.example'], github: undefined, joinsNobody: false },
      { name: 'Dora', emails: [], github: undefined, joinsNobody: true },
    ]);
    expect(unmatchedAliasWarning(unmatched)).toBe(
      'config people: no author of the analysed history commits as carl@old.example ("Carl"), GitHub login carlos ("Carl"), carl@old.example ("carl smith") (emails as .mailmap leaves them); "Carl", "Dora" match nobody by name, email or GitHub login, so they join no one: check the spelling, or leave out who is not in this history',
    );
    expect(unmatchedAliasWarning([])).toBeUndefined();
  });
});

describe('co-authors on fixture repositories', { tags: ['slow'] }, () => {
  const history: FixtureCommit[] = [
    { author: 'ada', write: { 'f.ts': 5 } },
    { author: 'bob', write: { 'f.ts': 5 }, coAuthors: ['carl'] },
  ];

  it('credits Co-authored-by trailers with the commit’s events, as one acceptance for the others (extension)', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir);
    // 1 M event, credited to bob and carl. ada FA=1 AC=1 (not 2) → 4.1685;
    // bob and carl DL=1 AC=0 → 3.457, normDOA 0.829315 → all three are authors.
    expect(contributionOf(analysis, 'f.ts', 'ada@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 1 });
    expect(contributionOf(analysis, 'f.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(contributionOf(analysis, 'f.ts', 'carl@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(contributionOf(analysis, 'f.ts', 'ada@example.com').doa).toBeCloseTo(4.1685, 4);
    expect(fileOf(analysis, 'f.ts').authors).toEqual(['ada@example.com', 'bob@example.com', 'carl@example.com']);
    expect(analysis.developers.find((d) => d.id === 'carl@example.com')?.commits).toBe(0);
  });

  it('does not credit co-authors under the classic model', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir, { model: 'classic' });
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(fileOf(analysis, 'f.ts').contributions.map((c) => [c.developer, c.fa, c.dl, c.ac])).toEqual([
      ['ada@example.com', 1, 0, 1],
      ['bob@example.com', 0, 1, 0],
    ]);
  });

  it('does not credit a co-author when the config turns co-authors off', async () => {
    const analysis = await analyzeRepo(buildRepo(history).dir, { config: { model: { coAuthors: false } } });
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('counts one delivery when a commit credits the same person twice (author, and co-author under another email)', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'f.ts': 5 } },
      { author: 'bob', write: { 'f.ts': 5 }, coAuthors: [{ name: 'Bob', email: 'bob@home.example' }, 'bob'] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // bob@example.com and bob@home.example share the name Bob: one developer, one commit, DL=1 (not 2 or 3).
    expect(contributionOf(analysis, 'f.ts', 'bob@example.com')).toMatchObject({ fa: 0, dl: 1, ac: 0 });
    expect(contributionOf(analysis, 'f.ts', 'bob@example.com').doa).toBeCloseTo(3.457, 10);
    expect(contributionOf(analysis, 'f.ts', 'ada@example.com')).toMatchObject({ fa: 1, dl: 0, ac: 1 });
    expect(contributionOf(analysis, 'f.ts', 'bob@example.com').decayed?.dl).toBeCloseTo(contributionOf(analysis, 'f.ts', 'ada@example.com').decayed?.ac ?? 0, 10);
  });

  it('does not credit a bot named as co-author', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'f.ts': 5 } },
      { author: 'bob', write: { 'f.ts': 5 }, coAuthors: [{ name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(ids(analysis)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(contributionOf(analysis, 'f.ts', 'ada@example.com').ac).toBe(1);
  });
});
