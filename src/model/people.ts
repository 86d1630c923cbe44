import { UsageError } from '../errors.ts';
import { noreplyLogin } from './identity.ts';
import type { Developer, DeveloperSummary } from './types.ts';
import { typoDistance } from './suggest.ts';
import { isPairName } from './look-alike-names.ts';
import { usualName } from './distinct-names.ts';

// Naming a person on the command line or in the config (`--leaving`, `departures[].who`,
// `handoff <who>`): a name, an email, a GitHub login or a config alias, case-insensitive.
//
// Matching runs in tiers, and the first tier that matches anyone decides:
//   1. exact: the developer id, any of their emails, any of their names, the GitHub login of a
//      no-reply email, or a config alias (`people[].name` / `.github` / `.emails`);
//   2. partial: the local part of an email (`alice` for alice@corp.example), one word of a name
//      (`alice` for "Alice Martin") or its leading words (`Bjørn Erik` for "Bjørn Erik Pedersen");
//   3. and 4. the same two with accents ignored (`José` for "Jose Añasco").
// Typed without accents, tier 2 also ignores them, and takes in tier 3 (`jose` for "José Valim"
// and "Jose Añasco" alike): no tier 3 or 4 is left to try.
// Their names include those `.mailmap` replaces with one of theirs (`Steve Francia` for spf13).
// One developer → resolved. Several → ambiguous (UsageError listing them). None → unknown
// (UsageError listing the closest known identities). Both exit 2.

export interface PersonAliasInput {
  name: string;
  emails?: readonly string[];
  github?: string | undefined;
}

export interface ResolveOptions {
  /** Config `people`: lets a config alias name a developer even if no commit uses that name. */
  people?: readonly PersonAliasInput[];
  /** Where the name came from, for the error message (e.g. `--leaving`, `departures[2].who`). */
  source?: string | undefined;
  /**
   * The bot accounts left out of the figures: their names, the patterns that tell one (names or
   * emails; `createBotMatcher`), and the names and emails the patterns catch that git found as a
   * commit's author (`seen`: a bot's email, or another name of it). Naming one says so, not
   * "unknown person"; a name only the patterns catch is unknown.
   */
  bots?: { names: readonly string[]; isBot?: ((identity: { name: string; email: string }) => boolean) | undefined; seen?: readonly string[] | undefined } | undefined;
  /**
   * Emails as written (lower case) that `.mailmap` maps to another: the address someone copies from
   * `git log --no-mailmap` or an old commit names the person the analysis knows by the mapped one.
   * And names (by personKey) that `.mailmap` replaced, with the email their commits have after it.
   */
  mailmapped?: ReadonlyMap<string, string> | undefined;
  /**
   * Names `.mailmap` replaces, with the email (lower case) their commits have after it: a name of
   * the developer with that email, as their own are. hugo's .mailmap gives "Steve Francia" to spf13
   * and "Bjørn Erik Pedersen" to bep, so neither name is in any analysed commit, and `handoff "Steve
   * Francia"` was an unknown person (a first-time user).
   */
  mailmapNames?: readonly { name: string; email: string }[] | undefined;
  /**
   * The day the analysed history ends when it is not HEAD's (`--until`, `--rev`): someone who
   * joined later is in no commit of it, which "unknown person" alone did not say (an EM test).
   */
  historyEnds?: string | undefined;
  /**
   * In a shallow clone, the day its oldest fetched commit was made: someone whose commits are all
   * older is unknown, which the hint says (flask at depth 50: Armin Ronacher was "unknown", with no
   * word that the history was cut; a tester).
   */
  shallowSince?: string | undefined;
}

type Person = Pick<Developer, 'id' | 'name' | 'emails' | 'names' | 'sharedName'> & Partial<Pick<DeveloperSummary, 'commits' | 'filesAuthored'>>;

/** Nobody of the analysed history has that name, email or alias (as opposed to several people). */
export class UnknownPersonError extends UsageError {}

const SUGGESTIONS = 3;
// The candidates an ambiguous name lists: laravel's "Mohamed" listed 16 on one 1,100-character line.
const LISTED_MATCHES = 5;

/**
 * Names compare case-insensitively, with runs of blanks as one, typographic apostrophes as `'`
 * (`Paul O'Shannessy` typed for the commit's `O’Shannessy`) and a GitHub `@login` as the login (an
 * EM test: both were "unknown person").
 */
/** How a typed name or email is compared (normalize): the key of ResolveOptions' `mailmapped`. */
export function personKey(text: string): string {
  return normalize(text);
}

function normalize(text: string): string {
  return text
    .trim()
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/^@(?=[^@\s]+$)/, '');
}

/** Latin letters that NFD does not split into a base letter and a mark. */
const UNSPLIT_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/**
 * A normalized key without accents (`josé` → `jose`): what someone types on a keyboard without
 * them, or a name git recorded both ways. Only tried when the name as written matches nobody.
 */
export function foldAccents(key: string): string {
  return key
    .normalize('NFD')
    // Only the accents of Latin, Greek and Cyrillic letters: every mark would also strip Indic
    // vowel signs and kana voicing, and join different names (राम and रीमा; a review).
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øłđðþæœßı]/g, (letter) => UNSPLIT_LETTERS[letter] ?? letter);
}

// Error messages reach a terminal: no control characters from names or input.
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

/** "Name <email>", the way errors and reports name a developer unambiguously. */
export function personLabel(person: Pick<Developer, 'id' | 'name' | 'emails' | 'sharedName'>): string {
  const email = person.emails.includes(person.id) || person.id.includes('@') ? person.id : person.emails[0];
  // An identity with an empty name (or email) is still listed as someone: it read as bare commas.
  const name = person.name.trim() === '' ? '(no name)' : person.name;
  // A name another developer has too is shown with the address already (distinct-names.ts).
  if (person.sharedName !== undefined) return clean(name);
  return clean(email ? `${name} <${email}>` : name);
}

function exactKeys(person: Person, aliases: readonly PersonAliasInput[]): Set<string> {
  const keys = new Set<string>([normalize(person.id), normalize(person.name)]);
  for (const email of person.emails) {
    keys.add(normalize(email));
    const login = noreplyLogin(email);
    if (login) keys.add(login);
  }
  for (const name of person.names) keys.add(normalize(name));
  const own = new Set([...person.emails.map(normalize), ...person.names.map(normalize), normalize(person.name)]);
  for (const alias of aliases) {
    const aliasKeys = [alias.name, ...(alias.emails ?? []), ...(alias.github ? [alias.github] : [])].map(normalize);
    if (aliasKeys.some((key) => own.has(key))) for (const key of aliasKeys) keys.add(key);
  }
  keys.delete('');
  return keys;
}

/** Whether `target` names the person by a name of theirs only (not an email, id, login or alias). */
function namedOnlyBy(person: Person, target: string, aliases: readonly PersonAliasInput[], key: (text: string) => string = (text) => text): boolean {
  const names = new Set([person.name, ...person.names].map((name) => key(normalize(name))));
  const others = new Set([...exactKeys({ ...person, name: '', names: [] }, aliases)].map(key));
  return names.has(target) && !others.has(target);
}

function partialKeys(person: Person): Set<string> {
  const keys = new Set<string>();
  for (const email of person.emails) {
    const at = email.indexOf('@');
    if (at > 0) keys.add(normalize(email.slice(0, at)));
  }
  for (const name of [person.name, ...person.names]) {
    const words = normalize(name).split(' ').filter(Boolean);
    for (const word of words) keys.add(word);
    // Its leading words, as a first name is one: `Bjørn Erik` for "Bjørn Erik Pedersen" was an
    // unknown person with no name close to it (hugo, a first-time user).
    for (let count = 2; count < words.length; count++) keys.add(words.slice(0, count).join(' '));
  }
  return keys;
}

function byName(a: Person, b: Person): number {
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Most files authored first, then most commits, then by name. */
function byActivity(a: Person, b: Person): number {
  return (b.filesAuthored ?? 0) - (a.filesAuthored ?? 0) || (b.commits ?? 0) - (a.commits ?? 0) || byName(a, b);
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/**
 * How many edits a slip of the keyboard makes in a word of this length: one in a short name
 * (`taylr`, `adda`), two in a longer one, three in a whole name or an email; none in two letters.
 */
function slips(length: number): number {
  return length <= 2 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * How far `target` is from naming the person, when it is a slip: a single word from their whole
 * name, email, login, local part or one word of a name; several words from their email, login or
 * local part, or word by word from the words of one of their names (`Otwel Taylor`), each typed
 * word its own. Comparing several words with one ("Jon Doe" and `jonge`), or two typed words with
 * one word of a name ("Jon Doe" and Joe), made unrelated suggestions. Undefined when none is a slip.
 */
function slipDistance(target: string, person: Person): number | undefined {
  const words = target.split(' ');
  const near = (typed: string, key: string) => {
    const distance = typoDistance(typed, key);
    return distance <= slips(typed.length) ? distance : Number.POSITIVE_INFINITY;
  };
  const locals = person.emails.flatMap((email) => (email.indexOf('@') > 0 ? [normalize(email.slice(0, email.indexOf('@')))] : []));
  const names = new Set([person.name, ...person.names].map(normalize));
  const whole = words.length === 1 ? [...exactKeys(person, []), ...partialKeys(person)] : [...exactKeys(person, []), ...locals].filter((key) => !names.has(key));
  let best = Math.min(...whole.map((key) => near(target, foldAccents(key))));
  // A login with digits after a name (`Marcono1234`): the name alone is a slip of one (gson's
  // `handoff marcono` suggested two other people, not its top maintainer: an EM's test).
  if (words.length === 1) {
    for (const key of whole) {
      const bare = foldAccents(key).replace(/\d+$/, '');
      if (bare.length >= 4 && bare.length < key.length && target === bare) best = Math.min(best, 1);
    }
    // A login made of the start of a first name (or an email's local part) and the last name:
    // `dougwilson` for Douglas Christopher Wilson <doug@…> found nobody close (express's new lead
    // typed his GitHub login: a first-time user).
    for (const name of names) {
      const own = foldAccents(name).split(' ');
      const [first, last] = [own[0] ?? '', own.at(-1) ?? ''];
      if (own.length < 2 || last.length < 3 || !target.endsWith(last)) continue;
      const start = target.slice(0, -last.length);
      if (start.length >= 2 && (first.startsWith(start) || locals.some((local) => foldAccents(local) === start))) best = Math.min(best, 1);
    }
  }
  if (words.length > 1) {
    for (const name of names) {
      const own = foldAccents(name).split(' ');
      best = Math.min(best, wordByWord(words, own, near));
      // Its leading words name them too (partialKeys): a slip in them is one (`Bjorn Erk`).
      for (let count = words.length; count < own.length; count++) best = Math.min(best, wordByWord(words, own.slice(0, count), near));
    }
    // The words run together, against a name of one word: `Taylor Otwell` for git's `taylorotwell`
    // (a review). Not against a local part: "Jon Doe" run together is two edits from `jodie@`.
    // One edit at most: two let "Jon Doe" (jondoe) through to laravel's JonoB (a re-test).
    const joined = words.join('');
    for (const name of names) {
      const distance = name.includes(' ') ? Number.POSITIVE_INFINITY : typoDistance(joined, foldAccents(name));
      if (distance <= 1) best = Math.min(best, distance);
    }
  }
  return best <= slips(target.length) ? best : undefined;
}

/**
 * The edits of typed words matched to distinct words of a name, nearest pairs first. Every typed
 * word, and the name's first and last words, must be matched (`Mior Zaki` for Mior Muhammad Zaki;
 * "Jon Doe" is no slip for Wouter de Jong); else infinite.
 */
function wordByWord(typed: readonly string[], own: readonly string[], near: (typed: string, key: string) => number): number {
  const pairs = typed.flatMap((word, i) => own.map((other, j) => ({ i, j, distance: near(word, other) }))).filter((pair) => Number.isFinite(pair.distance));
  pairs.sort((a, b) => a.distance - b.distance);
  const usedTyped = new Set<number>();
  const usedOwn = new Set<number>();
  let sum = 0;
  for (const pair of pairs) {
    if (usedTyped.has(pair.i) || usedOwn.has(pair.j)) continue;
    usedTyped.add(pair.i);
    usedOwn.add(pair.j);
    sum += pair.distance;
  }
  return usedTyped.size === typed.length && usedOwn.has(0) && usedOwn.has(own.length - 1) ? sum : Number.POSITIVE_INFINITY;
}

/**
 * The developers `who` is a slip for (at most 3): the nearest first, and among equally near ones
 * the most active, as an ambiguous name lists them (`taylr` named three minor Taylors before
 * laravel's Taylor Otwell, who authors 2,097 files).
 */
export function closestPeople<T extends Person>(who: string, people: readonly T[], limit = SUGGESTIONS, view: (person: T) => Person = (person) => person): T[] {
  const target = foldAccents(normalize(who));
  return people
    .flatMap((person) => {
      const distance = slipDistance(target, view(person));
      return distance === undefined ? [] : [{ person, distance }];
    })
    .sort((a, b) => a.distance - b.distance || byActivity(a.person, b.person))
    .slice(0, limit)
    .map((entry) => entry.person);
}

/**
 * Each person with the names `.mailmap` replaces with one of their emails added to their own (the
 * same object when there are none): what resolvePerson matches, while it returns the person itself.
 */
function withMailmapNames<T extends Person>(mapped: ResolveOptions['mailmapNames']): (person: T) => Person {
  const byEmail = new Map<string, string[]>();
  for (const { name, email } of mapped ?? []) byEmail.set(email, [...(byEmail.get(email) ?? []), name]);
  if (byEmail.size === 0) return (person) => person;
  const views = new Map<T, Person>();
  return (person) => {
    let view = views.get(person);
    if (!view) {
      const names = person.emails.flatMap((email) => byEmail.get(email.toLowerCase()) ?? []);
      view = names.length > 0 ? { ...person, names: [...person.names, ...names] } : person;
      views.set(person, view);
    }
    return view;
  };
}

/**
 * Identities an import split (httpd's `jfclere <jfclere@unknown>` and `Jean-Frederic Clere
 * <jfclere@apache.org>`): when every candidate's email starts with the same name and one of them is
 * no real address (a domain without a dot: cvs2svn's `@unknown`, git-svn's repository UUID), say
 * how to join them. Two real addresses (alex@a.example, alex@b.example) are two people.
 */
function samePersonHint(people: readonly Person[]): string {
  if (!people.every((person) => person.id.includes('@'))) return '';
  const real = (person: Person) => person.id.slice(person.id.indexOf('@') + 1).includes('.');
  if (people.every(real)) return '';
  const locals = new Set(people.map((person) => person.id.slice(0, person.id.indexOf('@')).toLowerCase()));
  const [local] = locals;
  if (locals.size !== 1 || !local) return '';
  // The real address is the one to keep: a line mapping it onto the placeholder would be backwards.
  const keep = people.find(real) ?? (people[0] as Person);
  const other = people.find((person) => person !== keep && !real(person)) ?? people.find((person) => person !== keep);
  return `; if they are one person, join them with .mailmap lines such as "${clean(usualName(keep))} <${clean(keep.id)}> <${clean(other?.id ?? '')}>"`;
}

/**
 * A bot's name as written and as people call it, without its `[bot]`, `-bot` or ` Bot`: `dependabot`
 * was an "unknown person" with unrelated closest names, while `dependabot[bot]` was a bot (a user
 * test). Only once nobody matches as a person.
 */
function botNameForms(name: string): string[] {
  const full = normalize(name);
  const bare = full.replace(/(\[bot\]|-bot| bot)$/, '');
  return bare !== '' && bare !== full ? [full, bare] : [full];
}

/**
 * One tier of resolvePerson: who it matches and, for a tier of exact keys, how one typed word
 * compares with the names of the one person found (`named`) and with the words of others' names
 * (`others`), which makes it no choice between them.
 */
interface Tier<T> {
  matches: (person: T) => boolean;
  oneWord?: { named: (key: string) => string; others: (key: string) => string };
}

/**
 * The developer `who` names. Throws a UsageError (exit 2) when nobody matches (listing the closest
 * known identities) or when several developers do (listing them).
 */
export function resolvePerson<T extends Person>(people: readonly T[], who: string, options: ResolveOptions = {}): T {
  const identity = nameAndEmail(who);
  if (identity) return resolveIdentity(people, who, identity, options);
  const target = normalize(who);
  const where = options.source ? ` (${options.source})` : '';
  if (target === '') throw new UsageError(`empty person name${where}`, { hint: 'name a developer by name, email or alias' });
  const aliases = options.people ?? [];
  const view = withMailmapNames<T>(options.mailmapNames);
  const folded = foldAccents(target);
  const hasFolded = (keys: Set<string>) => [...keys].some((key) => foldAccents(key) === folded);
  const asWritten = (text: string) => text;
  // Typed without accents, a name with them matches as well as one without: elixir's `jose` named
  // Jose Añasco (1 commit) by a word as written, and José Valim, its maintainer, was never tried (a
  // tester's report). Typed with them, a name still prefers who has it so (`José`, "Jose Valim").
  const tiers: Tier<T>[] =
    folded !== target
      ? [
          { matches: (p) => exactKeys(view(p), aliases).has(target), oneWord: { named: asWritten, others: asWritten } },
          { matches: (p) => partialKeys(view(p)).has(target) },
          { matches: (p) => hasFolded(exactKeys(view(p), aliases)), oneWord: { named: foldAccents, others: foldAccents } },
          { matches: (p) => hasFolded(partialKeys(view(p))) },
        ]
      : [
          { matches: (p) => exactKeys(view(p), aliases).has(target), oneWord: { named: asWritten, others: foldAccents } },
          { matches: (p) => hasFolded(partialKeys(view(p))) || hasFolded(exactKeys(view(p), aliases)) },
        ];
  for (const { matches, oneWord } of tiers) {
    let found = people.filter(matches);
    // One word that is one person's whole name but also a word of others' names ("David", "alice")
    // is no choice between them: it picked a 4-commit "David" over David Heinemeier Hansson. The
    // same with accents ignored ("Jose" picked "José" over "José Valim": a review).
    const word = oneWord?.named(target);
    if (oneWord && word !== undefined && found.length === 1 && !word.includes(' ') && namedOnlyBy(view(found[0] as T), word, aliases, oneWord.named)) {
      const partial = people.filter((p) => p !== found[0] && [...partialKeys(view(p))].some((k) => oneWord.others(k) === word));
      if (partial.length > 0) found = [found[0] as T, ...partial];
    }
    // A pair's identity ("José + Yehuda", pair programming on José's plus-address) is no choice
    // beside one of its people: `handoff José` was ambiguous with it (a re-test on elixir).
    if (found.length > 1 && !isPairName(who)) {
      const single = found.filter((p) => !isPairName(p.name));
      if (single.length > 0) found = single;
    }
    if (found.length === 1) return found[0] as T;
    if (found.length > 1) {
      // The likely one first, with what ranks them: by name, svelte's "simon" suggested a 1-commit
      // Lyndsy Simon before its maintainer (a user test).
      const sorted = [...found].sort(byActivity);
      const first = sorted[0] as T;
      const counted = sorted.every((p) => p.filesAuthored !== undefined && p.commits !== undefined);
      const label = (p: T) => (counted ? `${personLabel(p)} (${count(p.filesAuthored ?? 0, 'file')}, ${count(p.commits ?? 0, 'commit')})` : personLabel(p));
      const listed = sorted.slice(0, LISTED_MATCHES).map(label).join(', ');
      const more = sorted.length - LISTED_MATCHES;
      throw new UsageError(`"${clean(who)}"${where} matches ${found.length} developers${counted ? ', most files authored first' : ''}: ${listed}${more > 0 ? ` +${more} more` : ''}`, {
        // An email for the example: with a developer who has none first ("root (no email)"), it read `e.g. name:root`.
        hint: `name one of them by email, e.g. ${clean((sorted.find((p) => p.id.includes('@')) ?? first).id)}${more > 0 ? ', or by their whole name (`talentrisk scan --format json` lists every developer’s names and emails)' : ''}${samePersonHint(sorted)}`,
      });
    }
  }
  const mapped = options.mailmapped?.get(target);
  if (mapped !== undefined && mapped !== target) {
    try {
      return resolvePerson(people, mapped, { ...options, mailmapped: undefined });
    } catch (error) {
      if (!(error instanceof UnknownPersonError)) throw error;
    }
  }
  const bots = options.bots;
  const bot = bots?.names.find((name) => botNameForms(name).includes(target));
  const botLike = bots?.isBot?.({ name: who.trim(), email: who.trim() }) ?? false;
  if (bot !== undefined || (botLike && bots?.seen?.some((seen) => normalize(seen) === target))) {
    const named = bot !== undefined && normalize(bot) !== target ? ` (${clean(bot)})` : '';
    throw new UsageError(`"${clean(who)}"${where} is a bot account${named}: bots are left out of every figure, so it holds no knowledge and cannot leave`, {
      hint: 'name a person; the built-in patterns (*[bot], *-bot, * (bot), bot@*, AI assistants) and the config’s `bots:` decide what is a bot',
    });
  }
  // A name only the bot patterns catch is no account of this history: hugo's `hugoreleaser[bot]` was
  // "a bot account", while its releases are committed by a person-like identity named hugoreleaser
  // (a first-time user). The people its name without `[bot]` names, or one word of it, are the closest.
  const bare = botLike ? botNameForms(who)[1] : undefined;
  const namedBare = bare === undefined ? [] : people.filter((p) => exactKeys(view(p), aliases).has(bare) || partialKeys(view(p)).has(bare)).sort(byActivity);
  const near = [...namedBare, ...closestPeople(who, people, SUGGESTIONS, view)].filter((person, index, all) => all.indexOf(person) === index).slice(0, SUGGESTIONS);
  const later = options.historyEnds ? `; the history analysed ends on ${options.historyEnds}, so someone whose first commit came later is not in it` : '';
  const cut = options.shallowSince ? `; this clone is shallow (its history begins on ${options.shallowSince}): someone whose commits are all older is not in it (\`git fetch --unshallow\` reads the whole history)` : '';
  throw new UnknownPersonError(`unknown person "${clean(who)}"${where}: no developer ${botLike ? 'or bot account ' : ''}of this repository has that name, email or alias`, {
    hint: `${near.length > 0 ? `closest known: ${near.map(personLabel).join(', ')}` : people.length > 0 ? 'no developer has a name or email close to it: `talentrisk scan --format json` lists them all' : 'the analysed history has no developer at all'}${later}${cut}`,
  });
}

/**
 * `Name <email>`, as `git shortlog -sne` and `git log` print an identity: its name and email, or
 * undefined for anything else (an email alone, a name, `<>`).
 */
export function nameAndEmail(who: string): { name: string; email: string } | undefined {
  const match = /^([^<>]*?)\s*<([^<>]*)>$/.exec(who.trim());
  if (!match) return undefined;
  const name = (match[1] ?? '').trim();
  const email = (match[2] ?? '').trim();
  return name === '' && email === '' ? undefined : { name, email };
}

/**
 * A person typed as `Name <email>`: by the email, else by the name. Copied from `git shortlog -sne`,
 * "Armin Ronacher <armin.ronacher@active-4.com>" was an unknown person, "no developer has a name or
 * email close to it", when both parts named him exactly (flask, a tester). An ambiguous name or a bot
 * is said as such; unknown by both, the error names what was typed, with the name's closest people.
 */
function resolveIdentity<T extends Person>(people: readonly T[], who: string, identity: { name: string; email: string }, options: ResolveOptions): T {
  let unknown: UnknownPersonError | undefined;
  for (const part of [identity.email, identity.name]) {
    if (part === '') continue;
    try {
      return resolvePerson(people, part, options);
    } catch (error) {
      if (!(error instanceof UnknownPersonError)) throw error;
      // The name's closest people are the better hint (an email is rarely a slip of another).
      unknown = error;
    }
  }
  const where = options.source ? ` (${options.source})` : '';
  throw new UnknownPersonError(`unknown person "${clean(who)}"${where}: no developer of this repository has that name or email`, { hint: unknown?.hint ?? 'name a developer by name, email or alias' });
}
