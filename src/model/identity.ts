// Identities, METRICS.md §2: git's identity (after .mailmap) is a (name, email) pair; pairs that
// share an email or a name (case-insensitive) are one developer. Config aliases, bot removal,
// GitHub no-reply joining, sub-addresses and self co-authorships are talentrisk extensions, all off
// under the classic model.

import { isAutomated } from './automation.ts';
import { isPairName, namesLookAlike } from './look-alike-names.ts';
import { placeholderAddressIdentities } from './placeholder-addresses.ts';
import { isPlaceholderName } from './placeholder-names.ts';
import type { SelfCoAuthorship } from './self-co-authors.ts';

export interface RawIdentity {
  name: string;
  email: string;
  commits: number;
  /** Unix seconds. */
  firstTime: number;
  lastTime: number;
}

export interface PersonAlias {
  name: string;
  emails: string[];
  github?: string | undefined;
}

export interface IdentityOptions {
  /** Extensions on (aliases, bots, no-reply); false reproduces the published method. */
  extensions: boolean;
  people?: readonly PersonAlias[];
  /** Extra bot patterns (globs over name or email, case-insensitive). */
  botPatterns?: readonly string[];
  /** Whether each identity is a bot under `botPatterns`, when the caller has judged them already (IdentityTable): judged otherwise. */
  bots?: readonly boolean[];
  /** sharedAddressIdentities of the same identities, when the caller has it already (computed otherwise). */
  sharedAddresses?: ReadonlySet<number>;
  /** Commits' authors and co-authors under names alike (SelfCoAuthorships): joined, as extension. */
  selfCoAuthorships?: readonly SelfCoAuthorship[];
}

export interface ResolvedDeveloper {
  id: string;
  name: string;
  emails: string[];
  names: string[];
  /** Indices into the raw identity list. */
  members: number[];
  isBot: boolean;
  commits: number;
  firstTime: number;
  lastTime: number;
  /** The self co-authorships that joined this developer's identities, where nothing else did (absent when none). */
  selfCoAuthorships?: SelfCoAuthorship[];
}

/** A raw identity as the walk sees it: its counts so far, and whether it is a bot. */
export interface IdentityStats extends RawIdentity {
  isBot: boolean;
}

/**
 * Interns (name, email) pairs, so the fold keeps small integers instead of strings. The walk hands
 * out one object per (name, email) (history.ts pools them), so most look-ups find that object and
 * build no key; a pair seen through another object (a mailmapped trailer) is found by its text.
 */
export class IdentityTable {
  readonly list: IdentityStats[] = [];
  private readonly byObject = new Map<{ name: string; email: string }, number>();
  private readonly byText = new Map<string, number>();
  private readonly isBot: (identity: { name: string; email: string }) => boolean;
  constructor(isBot: (identity: { name: string; email: string }) => boolean) {
    this.isBot = isBot;
  }

  /** The identity of exactly this name and address, if the walk saw it (nothing is added). */
  find(signature: { name: string; email: string }): number | undefined {
    return this.byText.get(`${signature.name}\x1f${signature.email}`);
  }

  intern(signature: { name: string; email: string }): number {
    let id = this.byObject.get(signature);
    if (id !== undefined) return id;
    const key = `${signature.name}\x1f${signature.email}`;
    id = this.byText.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.byText.set(key, id);
      this.list.push({ name: signature.name, email: signature.email, commits: 0, firstTime: Number.POSITIVE_INFINITY, lastTime: 0, isBot: this.isBot(signature) });
    }
    // Objects that are not shared (a caller that does not pool) would pile up: start over then.
    if (this.byObject.size > 4 * this.list.length + 1024) this.byObject.clear();
    this.byObject.set(signature, id);
    return id;
  }
}

const DEFAULT_BOT_PATTERNS = [
  '*[bot]',
  '*-bot',
  '*[bot]@*',
  // Extension beyond METRICS §2: an address whose whole local part is `bot` (laravel's StyleCI Bot
  // <bot@styleci.io>, 384 commits and 163 co-author credits, was second in its truck factor and a
  // handoff successor). Not a name whose last word is "Bot": that is a Dutch surname (Ben Bot), and
  // a built-in pattern cannot be switched off; scan names such authors as looking automated.
  'bot@*',
  // A name ending in "(Bot)" in parentheses, as GitHub apps' commit names read: no surname is written
  // so. astro's "Houston (Bot)" (1,600 "[ci] format" commits, some under a maintainer's address) was
  // eighth in its truck factor, and init proposed it only as a name of another bot.
  '* (bot)',
  // The addresses GitHub Actions workflows commit under when they set their own (GitHub's examples set
  // `github-actions <github-actions@github.com>`; push actions default to `action@github.com` and
  // `actions@github.com`): GitHub's, no person's. fastapi's "📝 Update release notes" workflow, 2,237
  // commits, was its second author and kept a critical system passing (a CI maintainer). By the
  // name too, as no person is called that: its co-author credits read `pre-commit <github-actions@…>`.
  'github-actions',
  'github-actions@github.com',
  'action@github.com',
  'actions@github.com',
  // AI coding assistants credited in Co-authored-by trailers: tools, not people who can leave. Each
  // by an address (or a GitHub login) no person has, never by a domain or a first name: Anthropic's
  // employees commit from @anthropic.com, and Claude is a person's name too.
  'noreply@anthropic.com',
  // pytest's "Anthropic Claude Opus 4 <claude@anthropic.com>" (14 credits) and "Claude Opus 4
  // <claude-opus-4@anthropic.com>": the model's own addresses, by its families' names.
  'claude@anthropic.com',
  'claude-opus*@anthropic.com',
  'claude-sonnet*@anthropic.com',
  'claude-haiku*@anthropic.com',
  // GitHub's Claude account (vite: "Claude <242468646+Claude@users.noreply…>"): a login is one
  // account's, but the pattern `claude` would also match the name, so by the address.
  '*+claude@users.noreply.github.com',
  'copilot',
  'copilot@github.com',
  '*+copilot@users.noreply.github.com',
  'cursoragent@cursor.com',
  // Cursor's GitHub account, by its login (a pattern matches a no-reply address's login): pytest's
  // "Cursor Agent <199161495+cursoragent@users.noreply.github.com>".
  'cursoragent',
  // pytest's "Cursor AI <ai@cursor.sh>" (42 credits, named successor in a handoff) and "Cursor Grok
  // 4.5 <grok@x.ai>".
  'ai@cursor.sh',
  'grok@x.ai',
  'noreply@aider.chat',
  // OpenAI Codex ("Codex", "GPT-5 Codex"): in vite's trailers, a developer authoring files before.
  'codex@openai.com',
  'noreply@openai.com',
  // Other agents' addresses in trailers: deno's "GLM-5.2 <noreply@z.ai>", rails' "AI (Pi/GPT-5.5)
  // <noreply@pi.dev>", vite's "Oz <oz-agent@warp.dev>".
  'noreply@z.ai',
  'noreply@pi.dev',
  'oz-agent@warp.dev',
  // git-svn and cvs2svn's name for a revision with no author (httpd: "New repository initialized by
  // cvs2svn"): an import's placeholder, which listed as an inactive developer and a "closest known".
  '(no author)',
];
const NOREPLY = /^(?:(\d+)\+)?([^@]+)@users\.noreply\.github\.com$/i;

/** Disjoint sets of small integers (identities, names): joined by union, each named by its smallest member. */
export class UnionFind {
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[x] !== root) {
      const next = this.parent[x] as number;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // Keep the smaller index as root so the result does not depend on call order.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** The GitHub login behind a no-reply email, if it is one. */
export function noreplyLogin(email: string): string | undefined {
  return NOREPLY.exec(email)?.[2]?.toLowerCase();
}

/**
 * The numeric account id of a no-reply email (`50981692` of `50981692+gtm-nayan@…`), if it has one:
 * it outlives a renamed login (svelte: `50981692+698969@…` is the same account, and was a second
 * developer, "Nayan Gautam" beside "gtmnayan").
 */
export function noreplyAccount(email: string): string | undefined {
  return NOREPLY.exec(email)?.[1];
}

/**
 * The mailbox of a sub-address (`local+tag@domain` delivers to `local@domain`), if the address is
 * one. Not a GitHub no-reply address, whose `+` separates the account's number from its login.
 */
export function subAddressBase(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  const plus = address.indexOf('+');
  if (plus <= 0 || plus > at || noreplyLogin(address) !== undefined) return undefined;
  return address.slice(0, plus) + address.slice(at);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A wildcard's test of lower-cased text: a plain comparison for an ASCII pattern whose only
 * wildcard is one leading or trailing `*` (most bot patterns: `*[bot]`, `*-bot`, `copilot`), the
 * regular expression otherwise. On rails (6,000 identities, each tested three times) the
 * expression `^.*-bot$` alone took 10 ms.
 */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const lower = pattern.toLowerCase();
  const inner = lower.replace(/^\*/, '').replace(/\*$/, '');
  // ASCII patterns only (the pattern itself, not its lower case: the Kelvin sign lower-cases to
  // `k`, which the case-insensitive expression does not match): toLowerCase() is its fold there.
  if (/^[\x20-\x7e]*$/.test(pattern) && !/[*?]/.test(inner)) {
    const leading = lower.startsWith('*');
    const trailing = lower.length > 1 && lower.endsWith('*');
    // `.` (what `*` becomes) matches no line break.
    if (leading && trailing) return (text) => text.includes(inner) && !LINE_BREAK.test(text);
    if (leading) return (text) => text.endsWith(inner) && !LINE_BREAK.test(text);
    if (trailing) return (text) => text.startsWith(inner) && !LINE_BREAK.test(text);
    return (text) => text === inner;
  }
  const regexp = wildcardToRegExp(pattern);
  return (text) => regexp.test(text);
}

/**
 * Bot patterns are plain wildcards (`*` any text, `?` one character), not globs: `[bot]` is meant
 * literally, as in `dependabot[bot]`, never as a character class.
 */
export function wildcardToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

export function createBotMatcher(patterns: readonly string[]): (identity: { name: string; email: string }) => boolean {
  const matchers = [...DEFAULT_BOT_PATTERNS, ...patterns].map(wildcardMatcher);
  return ({ name, email }) => {
    const n = name.toLowerCase();
    const e = email.toLowerCase();
    // A GitHub no-reply address's login is the account's name too: `babel-bot@users.noreply…` is
    // the `*-bot` account babel-bot, which the whole address never matched (an independent check).
    const login = noreplyLogin(e);
    return matchers.some((match) => match(n) || match(e) || (login !== undefined && match(login)));
  };
}

/** The value counted most (ties by value), leaving out those `skip` names; '' when none is left. */
function mostFrequent(counts: Map<string, number>, skip?: (value: string) => boolean): string {
  let best = '';
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (skip?.(value)) continue;
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Per identity, whether it puts a machine's name over a person's email: a name that looks automated,
 * of an identity that is no bot, over an email that a person's name (one that does not look
 * automated, of an identity that is no bot) also uses. Such an identity
 * (`Co-authored-by: Babel Bot <30521560+liuxingbaoyu@…>`, a trailer a tool wrote with the
 * maintainer's no-reply address) joins that person by the email, but not the bot account by the
 * name: joined both ways, babel's maintainer was one developer with the bot's 770 commits, shown as
 * "Babel Bot" (a team lead's test). A machine's name over any other address (`Babel Bot <babel@…>`,
 * `greenkeeper[bot] <support@greenkeeper.io>`) still joins by name.
 */
function machinesOverPeople(identities: readonly RawIdentity[], bot: readonly boolean[]): boolean[] {
  const emails = identities.map((identity) => identity.email.trim().toLowerCase());
  // Only where two identities (no bots) use one email can one be a machine's and the other a
  // person's: names are judged there alone (rails: 728 of 7,205 identities; all took 10 ms).
  const users = new Map<string, number>();
  emails.forEach((email, index) => {
    if (email && !bot[index]) users.set(email, (users.get(email) ?? 0) + 1);
  });
  const automated = identities.map((identity, index) => (users.get(emails[index] as string) ?? 0) > 1 && !bot[index] && isAutomated(identity.name));
  const personal = new Set(emails.filter((email, index) => email && !bot[index] && !automated[index]));
  return automated.map((machine, index) => machine && personal.has(emails[index] as string));
}

/**
 * A name as identities compare it: case-insensitive, and in Unicode's composed form, so that a "Zoë"
 * typed as o + combining diaeresis (macOS file systems and some tools write that) is the same name
 * as the precomposed "ë" it reads as; they were two developers.
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * The account an address stands for: a GitHub no-reply address's login (`gh:login`, both forms of
 * the address alike, the login being a name of it), else the address itself (`e:address`).
 */
export function accountKey(email: string): string | undefined {
  const address = email.trim().toLowerCase();
  if (!address) return undefined;
  const login = noreplyLogin(address);
  return login !== undefined ? `gh:${login}` : `e:${address}`;
}

/**
 * Identities that put a name over an address other people's names also use (extension; METRICS §2
 * joins by an equal name or email). astro's `[ci] format` commits put each pull request author's
 * name over one maintainer's no-reply address (`Matthew Phillips <…ematipico@users.noreply…>`, with
 * 90 names more over it): joined by that address, 257 people were one developer, truck factor 1
 * (a tester's report). Such an identity joins by its name only: the name is its author's, the
 * address is shared. An address is shared when the own names of two other GitHub accounts or more
 * (names of several words) are used over it; then every name over it that is neither its own, nor
 * its login, nor like its own, is someone else's there. One person's names over their address (a
 * changed name, a nickname, a login) and one other person's name alone leave it as the published
 * rule has it. The identities over a placeholder address that different people's names use
 * (placeholderAddressIdentities: pytest's `none@none`) join by their names only too.
 */
export function sharedAddressIdentities(identities: readonly RawIdentity[], bot: readonly boolean[]): Set<number> {
  const accountOf = (email: string): { key: string; login: string | undefined } | undefined => {
    const key = accountKey(email);
    return key === undefined ? undefined : { key, login: key.startsWith('gh:') ? key.slice(3) : undefined };
  };
  // Commits per name over each account, a bot's too: people's names over a bot's address (`Matt
  // Kane <…astrobot-houston@…>`, `Florian Lefebvre <…astrobot-houston@…>`) are not its own.
  const namesOf = new Map<string, Map<string, number>>();
  const botNames = new Set<string>();
  const nameKeys = identities.map((identity) => nameKey(identity.name));
  const accounts = identities.map((identity, index) => {
    const account = accountOf(identity.email);
    const name = nameKeys[index] as string;
    if (account === undefined || !name) return account;
    if (bot[index]) botNames.add(name);
    let names = namesOf.get(account.key);
    if (!names) namesOf.set(account.key, (names = new Map()));
    names.set(name, (names.get(name) ?? 0) + identity.commits);
    return account;
  });
  const loginOf = (key: string) => (key.startsWith('gh:') ? key.slice(3) : undefined);
  // The name used most over an account besides its login (`Matthew Phillips` over matthewp@…,
  // whose login-named commits are more), leaving out the names in `skip`.
  const mostUsed = (key: string, names: Map<string, number>, skip: (name: string) => boolean): string | undefined => {
    const login = loginOf(key);
    return mostFrequent(names, (name) => name === login || skip(name)) || undefined;
  };
  // An account's own name, in two passes: a name used most over another GitHub account is that
  // account's, not this one's (bluwy's address has 16 commits as "Bjorn Lu" and more under his login;
  // a tie among 2-commit format names made another maintainer its owner, a review).
  const firstOwn = new Map<string, string>();
  for (const [key, names] of namesOf) firstOwn.set(key, mostUsed(key, names, () => false) ?? loginOf(key) ?? '');
  const ownedElsewhere = new Map<string, { key: string; commits: number }>();
  for (const [key, own] of firstOwn) {
    const commits = namesOf.get(key)?.get(own) ?? 0;
    const known = ownedElsewhere.get(own);
    if (key.startsWith('gh:') && (!known || commits > known.commits)) ownedElsewhere.set(own, { key, commits });
  }
  const ownName = new Map<string, string>();
  for (const [key, names] of namesOf) {
    const own = mostUsed(key, names, (name) => {
      const owner = ownedElsewhere.get(name);
      return owner !== undefined && owner.key !== key && owner.commits > (names.get(name) ?? 0);
    });
    ownName.set(key, own ?? firstOwn.get(key) ?? '');
  }
  const someoneElses = (name: string, account: { key: string; login: string | undefined }): boolean => {
    const own = ownName.get(account.key) ?? '';
    return name !== own && name !== account.login && !namesLookAlike(name, own);
  };
  // The GitHub accounts whose own name a name is: an account is one person. (Plain addresses' own
  // names counted too split real people: prometheus' "Bartek Plotka" over the address whose own
  // name is "Bartlomiej Plotka".)
  const ownerAccounts = new Map<string, Set<string>>();
  for (const [key, own] of ownName) {
    if (!key.startsWith('gh:') || !/\s/.test(own)) continue;
    const keys = ownerAccounts.get(own);
    if (keys) keys.add(key);
    else ownerAccounts.set(own, new Set([key]));
  }
  // Shared: the own names of two other GitHub accounts or more are used over it; names of several
  // words only (a first name or a login alone is too common: vite's "andrew" over sapphi's address,
  // beside "翠" and "sapphi-red", all sapphi's own), and no bot's (a bot's name over a maintainer's
  // address made their own second name someone else's, a review).
  const shared = new Set<string>();
  for (const [key, names] of namesOf) {
    const account = { key, login: loginOf(key) };
    const others = new Set<string>();
    for (const name of names.keys()) {
      const owners = botNames.has(name) ? undefined : ownerAccounts.get(name);
      if (!owners || ![...owners].some((other) => other !== key) || !someoneElses(name, account)) continue;
      for (const other of owners) if (other !== key) others.add(other);
    }
    if (others.size >= 2) shared.add(key);
  }
  // And the identities over a placeholder address that different people use (none@none).
  const crossing = placeholderAddressIdentities(identities, bot);
  if (shared.size === 0) return crossing;
  identities.forEach((_, index) => {
    const account = accounts[index];
    const name = nameKeys[index] as string;
    if (!bot[index] && account !== undefined && name && shared.has(account.key) && someoneElses(name, account)) crossing.add(index);
  });
  return crossing;
}

/** Merges raw identities into developers. Deterministic: the same input always gives the same ids. */
export function resolveIdentities(identities: readonly RawIdentity[], options: IdentityOptions): ResolvedDeveloper[] {
  const uf = new UnionFind();
  const node = keyedNodes(uf);
  // Judged once per identity: the groups below ask again.
  const botAt = options.extensions ? (options.bots ?? identities.map(createBotMatcher(options.botPatterns ?? []))) : identities.map(() => false);
  const crossing = options.extensions ? (options.sharedAddresses ?? sharedAddressIdentities(identities, botAt)) : new Set<number>();
  const byNameOnly = new Set<number>();
  // A bot identity joins other bot identities only: a bot that commits with a person's email
  // (`release-bot <ada@…>`) must not take that person out of the metrics with it.
  const spaceOf = (index: number) => (botAt[index] ? 'bot:' : '');
  const machineOverPerson = options.extensions ? machinesOverPeople(identities, botAt) : identities.map(() => false);
  // The address each identity joins by: over a shared address, the name alone says whose it is
  // (sharedAddressIdentities); a machine's name over a person's address still joins by the address
  // (babel's "Babel Bot" trailers).
  const joiningEmails = identities.map((identity, index) => {
    if (crossing.has(index) && !machineOverPerson[index]) byNameOnly.add(index);
    return byNameOnly.has(index) ? '' : identity.email.trim().toLowerCase();
  });
  const mailboxes = options.extensions ? new Set(joiningEmails.flatMap((email, index) => (email ? [`${spaceOf(index)}e:${email}`] : []))) : new Set<string>();
  const identityNodes = identities.map((identity, index) => {
    const self = uf.add();
    const space = spaceOf(index);
    const email = joiningEmails[index] as string;
    const name = nameKey(identity.name);
    if (email) uf.union(self, node(`${space}e:${email}`));
    const byName = name && !machineOverPerson[index] ? nameNode(space, name, email, options.extensions) : undefined;
    if (byName) uf.union(self, node(byName));
    if (options.extensions && email) {
      const login = noreplyLogin(email);
      if (login) uf.union(self, node(`${space}n:${login}`));
      const account = noreplyAccount(email);
      if (account) uf.union(self, node(`${space}gh:${account}`));
      // Extension: a sub-address is its mailbox's, when the history has that mailbox as an address
      // of its own (hugo: its maintainer's release identity `hugoreleaser
      // <bjorn.erik.pedersen+hugoreleaser@gmail.com>`, 976 commits, was a developer apart, and
      // handoff proposed it as his successor). A bot's sub-address joins a bot's mailbox only, and a
      // pair's identity none: rails' `Prem Sichanugrist and Chris Toomey <prem+chris@…>` is not Prem (a review).
      const base = isPairName(identity.name) ? undefined : subAddressBase(email);
      if (base !== undefined && mailboxes.has(`${space}e:${base}`)) uf.union(self, node(`${space}e:${base}`));
    }
    return self;
  });
  const anchors: [anchor: number, name: string][] = [];
  if (options.extensions) for (const person of options.people ?? []) anchors.push([joinAlias(uf, node, person), person.name]);
  const joinedBySelfCoAuthorship = options.extensions ? joinSelfCoAuthorships(uf, identityNodes, anchors, botAt, options.selfCoAuthorships ?? []) : [];
  const groups = groupsByRoot(uf, identityNodes);
  // Each developer's self co-authorships, in the order they joined (one pass: per developer, it was a pass over all of them).
  const selfCoAuthorshipsAt = new Map<number, SelfCoAuthorship[]>();
  for (const pair of joinedBySelfCoAuthorship) {
    const root = uf.find(identityNodes[pair.author] as number);
    const pairs = selfCoAuthorshipsAt.get(root);
    if (pairs) pairs.push(pair);
    else selfCoAuthorshipsAt.set(root, [pair]);
  }

  // A developer joined to a config alias by any route (email, name, GitHub login) shows its name;
  // the first alias wins if two of them ended up in one developer.
  const aliasOf = new Map<number, string>();
  for (const [anchor, name] of anchors) {
    const root = uf.find(anchor);
    if (!aliasOf.has(root)) aliasOf.set(root, name);
  }

  const developers: ResolvedDeveloper[] = [];
  for (const [root, members] of groups) {
    const nameCounts = new Map<string, number>();
    const emailCounts = new Map<string, number>();
    let commits = 0;
    let firstTime = Number.POSITIVE_INFINITY;
    let lastTime = 0;
    let bot = false;
    const alias = aliasOf.get(root);
    for (const index of members) {
      const identity = identities[index] as RawIdentity;
      const email = identity.email.trim().toLowerCase();
      // Composed (NFC): the JSON listed "Eric Meadows-Jönsson" twice, decomposed and composed (elixir, a tester).
      const written = identity.name.normalize('NFC');
      nameCounts.set(written, (nameCounts.get(written) ?? 0) + identity.commits);
      // A shared address is not theirs: it neither names them nor makes their id.
      if (email && !byNameOnly.has(index)) emailCounts.set(email, (emailCounts.get(email) ?? 0) + identity.commits);
      commits += identity.commits;
      firstTime = Math.min(firstTime, identity.firstTime);
      lastTime = Math.max(lastTime, identity.lastTime);
      if (botAt[index]) bot = true;
    }
    const primaryEmail = mostFrequent(emailCounts);
    const selfCoAuthorships = selfCoAuthorshipsAt.get(root) ?? [];
    // A name to show: an empty one (git allows it) left blank cells and "# Handoff: " with nothing
    // after it; a non-empty name of the same person wins, else the email, else "(no name)".
    const named = new Map([...nameCounts].filter(([value]) => value.trim() !== ''));
    const rawName = alias ?? shownName(named.size > 0 ? named : nameCounts);
    const name = rawName.trim() !== '' ? rawName : primaryEmail || '(no name)';
    developers.push({
      // Bots live apart from people and may share an email with one: keep their ids apart too.
      id: `${bot ? 'bot:' : ''}${primaryEmail || `name:${rawName.toLowerCase()}`}`,
      name,
      emails: [...emailCounts.keys()].sort(),
      names: [...nameCounts.keys()].sort(),
      members: [...members].sort((a, b) => a - b),
      isBot: bot,
      commits,
      firstTime: Number.isFinite(firstTime) ? firstTime : 0,
      lastTime,
      ...(selfCoAuthorships.length > 0 ? { selfCoAuthorships } : {}),
    });
  }
  return developers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Joins each commit's author and co-author under names alike (extension; self-co-authors.ts), after
 * every other join: the pairs returned are those that joined identities nothing else had. Two
 * identities that two different `people:` entries name stay apart: that is how a user says that
 * two people with names alike are two.
 */
function joinSelfCoAuthorships(uf: UnionFind, identityNodes: readonly number[], anchors: readonly [anchor: number, name: string][], botAt: readonly boolean[], pairs: readonly SelfCoAuthorship[]): SelfCoAuthorship[] {
  if (pairs.length === 0) return [];
  // The `people:` entry of each group that has one, kept as the groups join.
  const entryAt = new Map<number, number>();
  anchors.forEach(([anchor], entry) => {
    const root = uf.find(anchor);
    if (!entryAt.has(root)) entryAt.set(root, entry);
  });
  const joined: SelfCoAuthorship[] = [];
  for (const pair of pairs) {
    const [a, b] = [identityNodes[pair.author], identityNodes[pair.coAuthor]];
    if (a === undefined || b === undefined || botAt[pair.author] || botAt[pair.coAuthor]) continue;
    const [ra, rb] = [uf.find(a), uf.find(b)];
    const [x, y] = [entryAt.get(ra), entryAt.get(rb)];
    if (ra === rb || (x !== undefined && y !== undefined && x !== y)) continue;
    uf.union(ra, rb);
    const entry = x ?? y;
    if (entry !== undefined) entryAt.set(uf.find(ra), entry);
    joined.push(pair);
  }
  return joined;
}

/**
 * The name a developer is shown by: the one used most, unless that is a handle (one lower-case ASCII
 * word: `pascalschumacher`, `matthewp`) and a name of several words is theirs too: commons-lang
 * showed "pascalschumacher" and "aherbert" for Pascal Schumacher and Alex Herbert (a tester). A
 * name written without spaces (董雨航, Erika) is no handle, and a pair's name ("A + B") or a machine's
 * is no full name. An email address written as the name is no name while they have another: redis
 * showed "meir@redislabs.com" (7 commits) for Meir Shpilraien, who also commits as "MeirShpilraien"
 * (a first-time user); only a developer whose every name is an address is shown by one.
 */
function shownName(counts: Map<string, number>): string {
  const usual = mostFrequent(counts, isAddressName) || mostFrequent(counts);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(usual.trim())) return usual;
  // Nor a machine's name over their address ("Babel Robot" in a trailer with the maintainer's).
  const full = mostFrequent(counts, (name) => !/\S\s+\S/.test(name.trim()) || isPairName(name) || isAutomated(name));
  return full || usual;
}

/** A name that is an email address (`meir@redislabs.com`, `<jane@example.com>`), as some tools write the author's name. */
function isAddressName(name: string): boolean {
  return /^<?[^\s@<>]+@[^\s@<>]+>?$/.test(name.trim());
}

/** A one-word name that alone joins identities which otherwise look like different people. */
export interface NameBridge {
  /** The name as most often written. */
  name: string;
  /** One "Name <email>" per side it joins (the side's most active identity with a name of several words). */
  sides: string[];
  /**
   * The sides it joins too that commit under one-word names only, from an address of their own:
   * one "Name <email>" each (the most active identity), with the side's commits, most first.
   */
  nameOnly: { side: string; commits: number }[];
}

/**
 * The one-word names ("andrew") that are the only link between identities that also commit under
 * names of several words of their own ("Andrei Luca", "翠 / green"): joining by a shared name is the
 * published rule, and a first name alone joins different people (vite: four people in one developer
 * through "andrew" and "hana", a team lead's test). Only a warning: the figures keep the rule. A
 * bridge also names the sides that commit under that one-word name only, from an address of their
 * own: vite's "andrew" also joined `andrew <andywangsy@gmail.com>` (13 commits), a different,
 * active person the warning did not name. Sides with no commit (a co-author only) are not named.
 */
export function nameBridges(identities: readonly RawIdentity[], developers: readonly ResolvedDeveloper[], options: Pick<IdentityOptions, 'extensions' | 'people' | 'sharedAddresses' | 'selfCoAuthorships'>): NameBridge[] {
  const bridges: NameBridge[] = [];
  const botAt = identities.map(() => false);
  for (const developer of developers) if (developer.isBot) for (const index of developer.members) botAt[index] = true;
  const crossing = options.extensions ? (options.sharedAddresses ?? sharedAddressIdentities(identities, botAt)) : new Set<number>();
  const label = (identity: RawIdentity) => `${identity.name.trim()} <${identity.email.trim()}>`;
  const byCommits = (members: readonly RawIdentity[]) => (a: number, b: number) => (members[b] as RawIdentity).commits - (members[a] as RawIdentity).commits;
  for (const developer of developers) {
    if (developer.isBot || developer.members.length < 2) continue;
    const members = developer.members.map((index) => identities[index] as RawIdentity);
    const shared = new Set(developer.members.flatMap((index, i) => (crossing.has(index) ? [i] : [])));
    const keys = members.map((identity) => nameKey(identity.name));
    for (const key of new Set(keys)) {
      if (key === '' || /\s/.test(key)) continue;
      const emails = new Set(members.filter((_, i) => keys[i] === key).map((identity) => identity.email.trim().toLowerCase()));
      if (emails.size < 2) continue;
      const sides: string[] = [];
      const nameOnly: NameBridge['nameOnly'] = [];
      for (const component of componentsWithout(developer.members, members, keys, key, options, shared)) {
        const full = component.filter((i) => /\s/.test(keys[i] as string)).sort(byCommits(members))[0];
        if (full !== undefined) {
          sides.push(label(members[full] as RawIdentity));
          continue;
        }
        const own = component.filter((i) => !shared.has(i) && (members[i] as RawIdentity).email.trim() !== '').sort(byCommits(members))[0];
        const commits = component.reduce((sum, i) => sum + (members[i] as RawIdentity).commits, 0);
        if (own !== undefined && commits > 0) nameOnly.push({ side: label(members[own] as RawIdentity), commits });
      }
      if (sides.length < 2) continue;
      const written = new Map<string, number>();
      members.forEach((identity, i) => keys[i] === key && written.set(identity.name.trim(), (written.get(identity.name.trim()) ?? 0) + identity.commits));
      bridges.push({ name: mostFrequent(written), sides: sides.sort(), nameOnly: nameOnly.sort((a, b) => b.commits - a.commits || (a.side < b.side ? -1 : 1)) });
    }
  }
  return bridges.sort((a, b) => b.sides.length - a.sides.length || (a.name < b.name ? -1 : 1));
}

/**
 * The groups of `members` (indices into it; `indices` are theirs in the identity list) that stay
 * joined without the name `without`: by email, by another name, and as resolveIdentities joins them
 * under the extensions (GitHub login, sub-address, self co-authorship, the config's `people`:
 * identities a user joined on purpose are not to be split).
 */
function componentsWithout(indices: readonly number[], members: readonly RawIdentity[], keys: readonly string[], without: string, options: Pick<IdentityOptions, 'extensions' | 'people' | 'selfCoAuthorships'>, shared: ReadonlySet<number>): number[][] {
  const uf = new UnionFind();
  const node = keyedNodes(uf);
  const emails = members.map((identity, i) => (shared.has(i) ? '' : identity.email.trim().toLowerCase()));
  const mailboxes = new Set(emails);
  const selves = members.map((_, i) => {
    const self = uf.add();
    const email = emails[i] as string;
    if (email) uf.union(self, node(`e:${email}`));
    if (options.extensions && email) {
      const login = noreplyLogin(email);
      if (login) uf.union(self, node(`n:${login}`));
      const account = noreplyAccount(email);
      if (account) uf.union(self, node(`gh:${account}`));
      const base = isPairName((members[i] as RawIdentity).name) ? undefined : subAddressBase(email);
      if (base !== undefined && mailboxes.has(base)) uf.union(self, node(`e:${base}`));
    }
    const byName = keys[i] && keys[i] !== without ? nameNode('', keys[i] as string, email, options.extensions) : undefined;
    if (byName) uf.union(self, node(byName));
    return self;
  });
  if (!options.extensions) return [...groupsByRoot(uf, selves).values()];
  const anchors = (options.people ?? []).map((person): [number, string] => [joinAlias(uf, node, person), person.name]);
  const local = new Map(indices.map((index, i) => [index, i]));
  const pairs = (options.selfCoAuthorships ?? []).flatMap((pair) => {
    const [author, coAuthor] = [local.get(pair.author), local.get(pair.coAuthor)];
    return author !== undefined && coAuthor !== undefined ? [{ ...pair, author, coAuthor }] : [];
  });
  joinSelfCoAuthorships(uf, selves, anchors, [], pairs);
  return [...groupsByRoot(uf, selves).values()];
}

/**
 * The key an identity's name joins by (`n:<name>`). Extension: a placeholder name ("Name", "Your
 * Name", root: placeholder-names.ts) joins nobody by it, as tokio's "Name" joined two people; only
 * the identities with no address to join by keep it (`p:<name>`), among themselves, so that they
 * stay one developer, with one id, as before.
 */
function nameNode(space: string, name: string, email: string, extensions: boolean): string | undefined {
  if (!extensions || !isPlaceholderName(name)) return `${space}n:${name}`;
  return email ? undefined : `${space}p:${name}`;
}

/** The node of a key (`e:<email>`, `n:<name>`, `gh:<account id>`) in `uf`, made the first time the key is asked for. */
function keyedNodes(uf: UnionFind): (key: string) => number {
  const nodes = new Map<string, number>();
  return (key) => {
    let id = nodes.get(key);
    if (id === undefined) {
      id = uf.add();
      nodes.set(key, id);
    }
    return id;
  };
}

/** What of a config alias no author of the history answers to: emails, the GitHub login, or the whole entry. */
export interface UnmatchedAlias {
  name: string;
  /** The entry's emails no identity commits with. */
  emails: string[];
  /** The entry's GitHub login, when no identity has it as a name or in a no-reply email. */
  github: string | undefined;
  /** Nothing of the entry (name, emails, login) matches: it joins nobody and names nobody. */
  joinsNobody: boolean;
}

/**
 * The parts of config `people:` entries that match no identity (after .mailmap), compared as
 * resolveIdentities joins them: a misspelt email joins nothing, and nothing said so (a person
 * then stays split in two, or keeps a bot's commits apart from theirs, silently).
 */
export function unmatchedAliases(identities: readonly RawIdentity[], people: readonly PersonAlias[]): UnmatchedAlias[] {
  // Most configs name nobody: then the identities need not be read (10 ms of every rails scan).
  if (people.length === 0) return [];
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const identity of identities) {
    const email = identity.email.trim().toLowerCase();
    if (email) emails.add(email);
    names.add(nameKey(identity.name));
    const login = email ? noreplyLogin(email) : undefined;
    if (login) names.add(login);
  }
  const unmatched: UnmatchedAlias[] = [];
  for (const person of people) {
    const missing = person.emails.filter((email) => !emails.has(email.trim().toLowerCase()));
    const login = person.github?.trim().toLowerCase();
    const github = login && !names.has(login) ? (person.github as string) : undefined;
    const joinsNobody = missing.length === person.emails.length && (login === undefined || github !== undefined) && !names.has(nameKey(person.name));
    if (missing.length === 0 && github === undefined && !joinsNobody) continue;
    unmatched.push({ name: person.name, emails: missing, github, joinsNobody });
  }
  return unmatched;
}

/** Joins a config alias's name, emails and GitHub login (one node each): the node of its name. */
function joinAlias(uf: UnionFind, node: (key: string) => number, person: PersonAlias): number {
  const anchor = node(`n:${nameKey(person.name)}`);
  for (const email of person.emails) uf.union(anchor, node(`e:${email.trim().toLowerCase()}`));
  if (person.github) uf.union(anchor, node(`n:${person.github.trim().toLowerCase()}`));
  return anchor;
}

/** The indices of `selves` grouped by their union-find root, in order. */
function groupsByRoot(uf: UnionFind, selves: readonly number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  selves.forEach((self, index) => {
    const root = uf.find(self);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return groups;
}
