// Developers whose names look like one person's (svelte: "Simon H" and "Simon Holthausen", third
// and fourth of the truck-factor list; redis: "filipe oliveira" and "Filipe Oliveira (Redis)"):
// identities join by an equal name or email only (METRICS.md §2), so such a person counts twice.
// Joining them by such a likeness would join different people who share names: only a warning,
// the figures keep the rule.

import { nameKey } from './identity.ts';
import { foldAccents } from './people.ts';

export interface NamedDeveloper {
  id: string;
  name: string;
  emails: readonly string[];
  /** Analysed files they author. */
  files: number;
}

export interface LookAlike {
  /** The two developers, the one authoring more files first. */
  developers: [NamedDeveloper, NamedDeveloper];
  /** A name to join them under: the fuller of the two, without a trailing "(…)". */
  name: string;
}

const TRAILING_PART = /\s*\([^()]*\)\s*$/;

/**
 * Letters that German and Nordic names also write as two: "Schröder" is "Schroeder" as often as
 * "Schroder" (ohmyzsh: Rolf Schröder co-authoring as Rolf Schroeder), "Søren" "Soeren", "Åberg"
 * "Aaberg". foldAccents gives the one-letter spelling; this, the other (one name, one way: each
 * such letter of it written as two, or none).
 */
const TWO_LETTER_SPELLINGS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };

/**
 * A name's words as this comparison reads them: case, accents and punctuation ignored, and a
 * trailing parenthesised part ("(Redis)", an employer) dropped. Marks stay part of a word: a vowel
 * sign of Devanagari is no separator. Two spellings when the name has a letter written two ways
 * (TWO_LETTER_SPELLINGS): `schroder` and `schroeder` for "Schröder".
 */
function nameSpellings(name: string): string[][] {
  const lower = name.replace(TRAILING_PART, '').normalize('NFC').toLowerCase();
  const words = (text: string) => foldAccents(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  if (!/[äöüøå]/.test(lower)) return [words(lower)];
  return [words(lower), words(lower.replace(/[äöüøå]/g, (letter) => TWO_LETTER_SPELLINGS[letter] ?? letter))];
}

/**
 * Whether two names read as one person's: the same words once spaces go too ("Rich-Harris", "rich
 * harris"), the same two words or more in another order ("MOREL Matthieu", "Matthieu Morel"), the
 * same first word and every further word of the shorter name the start of the longer name's word
 * at that place ("Simon H", "Simon Holthausen"; "Steve Lessard" and "Steve Lessard Jr"), or an
 * initial for the first word and the same further words ("C. Yavuzsen", "Civan Yavuzşen"), in
 * either spelling of a letter written two ways ("Rolf Schroeder", "Rolf Schröder"). A one-word name
 * is no such start: a first name alone is too common ("Simon", "Simon Holthausen").
 */
export function namesLookAlike(a: string, b: string): boolean {
  return !pairedOnlyOne(a, b) && spellingsLookAlike(nameSpellings(a), nameSpellings(b));
}

/**
 * Whether two names are one person's name spelt two ways, strictly enough to join them (a commit's
 * co-author under another spelling of its author's name, self-co-authors.ts): the same words once
 * letters are folded and spaces go (`Rolf Schroeder`, `Rolf Schröder`), the same words in another
 * order, an initial for the first word (`C. Yavuzsen`, `Civan Yavuzşen`), or a generational suffix
 * on one side only (`Steve Lessard Jr`, `Steve Lessard`). Not namesLookAlike's shortened words,
 * which only warn: `Wei Li` and `Wei Lin` are two people (a review).
 */
export function namesSpelledAlike(a: string, b: string): boolean {
  if (pairedOnlyOne(a, b)) return false;
  const other = nameSpellings(b);
  return nameSpellings(a).some((x) => other.some((y) => wordsSpelledAlike(x, y)));
}

const GENERATIONAL = /^(jr|sr|ii|iii|iv)$/;

function wordsSpelledAlike(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.join('') === b.join('')) return true;
  if (a.length !== b.length) {
    const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
    return longer.length === shorter.length + 1 && shorter.length >= 2 && GENERATIONAL.test(longer.at(-1) as string) && longer.slice(0, -1).join(' ') === shorter.join(' ');
  }
  if (a.length < 2) return false;
  if ([...a].sort().join(' ') === [...b].sort().join(' ')) return true;
  return a.slice(1).join(' ') === b.slice(1).join(' ') && isInitialOf(a[0] as string, b[0] as string);
}

function spellingsLookAlike(a: readonly string[][], b: readonly string[][]): boolean {
  return a.some((x) => b.some((y) => wordsLookAlike(x, y)));
}

/** A pair's identity ("Yehuda Katz + Carl Lerche", rails' pair programming) is not one of its people. */
const PAIR = /\s(?:\+|&|and|und|et|y)\s/i;

function pairedOnlyOne(a: string, b: string): boolean {
  return isPairName(a) !== isPairName(b);
}

/** A pair's identity: "Yehuda Katz + Carl Lerche". */
export function isPairName(name: string): boolean {
  return PAIR.test(name);
}

function wordsLookAlike(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.join('') === b.join('')) return true;
  // The same words in another order: a family name first ("MOREL Matthieu", "Matthieu MOREL": redis, a tester).
  if (a.length >= 2 && a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ')) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < 2) return false;
  // An initial for the first name, the same name after it ("C. Yavuzsen", "Civan Yavuzşen": ohmyzsh).
  if (shorter.length === longer.length && shorter.slice(1).join(' ') === longer.slice(1).join(' ') && isInitialOf(shorter[0] as string, longer[0] as string)) return true;
  if (shorter[0] !== longer[0]) return false;
  const startsEach = (short: readonly string[], long: readonly string[]) => short.every((word, i) => (long[i] as string).startsWith(word));
  // Of as many words each, either may be the shortened one ("Simon Ho", "Simon Holthausen").
  return startsEach(shorter, longer) || (shorter.length === longer.length && startsEach(longer, shorter));
}

/**
 * One word is the other's first letter alone ("c" of "civan"): in an alphabet, where a letter alone
 * is an initial, not in a script whose one character is a whole name (王, 김).
 */
function isInitialOf(a: string, b: string): boolean {
  const initial = (letter: string, word: string) => INITIAL.test(letter) && word.length > 1 && word.startsWith(letter);
  return initial(a, b) || initial(b, a);
}

const INITIAL = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;

/**
 * The pairs of `developers` whose shown names look alike (namesLookAlike), most files first. Only
 * developers with an email: the way to join them names one. Compares within groups of one first
 * word, one joined spelling, or one initial and further words, so a large history is not compared
 * pair by pair.
 */
export function lookAlikeDevelopers(developers: readonly NamedDeveloper[]): LookAlike[] {
  const spellings = new Map<NamedDeveloper, string[][]>();
  const groups = new Map<string, NamedDeveloper[]>();
  const add = (key: string, developer: NamedDeveloper) => {
    const group = groups.get(key);
    if (group) group.push(developer);
    else groups.set(key, [developer]);
  };
  for (const developer of developers) {
    const ways = nameSpellings(developer.name);
    if ((ways[0] as string[]).length === 0 || developer.emails.length === 0) continue;
    spellings.set(developer, ways);
    // A key once per group, whichever spelling gives it.
    for (const key of new Set(ways.flatMap(groupKeys))) add(key, developer);
  }
  const seen = new Set<string>();
  const pairs: LookAlike[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i] as NamedDeveloper, group[j] as NamedDeveloper];
        const key = a.id < b.id ? `${a.id}\0${b.id}` : `${b.id}\0${a.id}`;
        // One name exactly (case aside) is kept apart on purpose: a machine's name over a person's address.
        if (seen.has(key) || nameKey(a.name) === nameKey(b.name) || pairedOnlyOne(a.name, b.name) || !spellingsLookAlike(spellings.get(a) as string[][], spellings.get(b) as string[][])) continue;
        seen.add(key);
        const ordered = byFiles(a, b) <= 0 ? ([a, b] as const) : ([b, a] as const);
        pairs.push({ developers: [ordered[0], ordered[1]], name: fullerName(a, b) });
      }
    }
  }
  return pairs.sort((x, y) => pairFiles(y) - pairFiles(x) || byFiles(x.developers[0], y.developers[0]) || byFiles(x.developers[1], y.developers[1]));
}

/** The groups a name's words put it in: names alike share one (wordsLookAlike). */
function groupKeys(own: readonly string[]): string[] {
  const keys = [`first:${own[0] as string}`, `all:${own.join('')}`];
  if (own.length >= 2) keys.push(`sorted:${[...own].sort().join(' ')}`, `initial:${(own[0] as string).charAt(0)} ${own.slice(1).join(' ')}`);
  return keys;
}

function byFiles(a: NamedDeveloper, b: NamedDeveloper): number {
  return b.files - a.files || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function pairFiles(pair: LookAlike): number {
  return pair.developers[0].files + pair.developers[1].files;
}

/** The longer name without its trailing "(…)"; between equals, one with a capital ("Filipe Oliveira", not "filipe oliveira"). */
function fullerName(a: NamedDeveloper, b: NamedDeveloper): string {
  const [first, second] = [a, b].map((developer) => developer.name.replace(TRAILING_PART, '').trim()) as [string, string];
  if (first.length !== second.length) return first.length > second.length ? first : second;
  const capital = (name: string) => /\p{Lu}/u.test(name);
  if (capital(first) !== capital(second)) return capital(first) ? first : second;
  return byFiles(a, b) <= 0 ? first : second;
}

/**
 * The ways to join a pair, ready to paste: a `people:` entry (one email of each is enough: their
 * other emails stay joined to it) and the `.mailmap` lines that give every email of a developer
 * shown under another name the joined name (names join case-insensitively; one email alone would
 * leave the developer's other emails apart, when only the old name joined them).
 */
export function joinSnippets(pair: LookAlike): { people: string; mailmap: string[] } {
  const [a, b] = pair.developers;
  const people = `{ name: ${JSON.stringify(pair.name)}, emails: [${[primaryEmail(a), primaryEmail(b)].map((email) => JSON.stringify(email)).join(', ')}] }`;
  const mailmap = pair.developers
    .filter((developer) => nameKey(developer.name) !== nameKey(pair.name))
    .flatMap((developer) => developer.emails.map((email) => `${pair.name} <${email}>`));
  return { people, mailmap };
}

/** The developer's id when it is an email (their most used), else their first email. */
export function primaryEmail(developer: NamedDeveloper): string {
  return developer.emails.includes(developer.id) ? developer.id : (developer.emails[0] as string);
}
