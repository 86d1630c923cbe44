// Placeholder addresses (extension of METRICS.md §2, which joins identities by an equal email): an
// address that is no one's mailbox joins whoever commits over it. pytest's svn-era history has 23
// names over `none@none` (hpk 625 commits, fijal 173, guido 139, …): joined by it they were one
// developer "hpk", and `handoff fijal` wrote a handoff for hpk (a tester's report).

import { nameKey, UnionFind } from './identity.ts';
import { namesLookAlike } from './look-alike-names.ts';
import { foldAccents } from './people.ts';

/**
 * Whether an address cannot be anyone's mailbox: no `@` (`unknown`), a domain without a dot
 * (`none@none`, `user@localhost`, a bare host name as in `jane@laptop`), a domain `(none)` or ending
 * in `.(none)` (git's own default without a configured email: `user@host.(none)`), or
 * `localhost.localdomain`. An empty address is none: it joins nobody already.
 */
export function isPlaceholderAddress(email: string): boolean {
  const address = email.trim().toLowerCase();
  if (!address) return false;
  const at = address.lastIndexOf('@');
  if (at < 0) return true;
  const domain = address.slice(at + 1);
  return !domain.includes('.') || domain === '(none)' || domain.endsWith('.(none)') || domain === 'localhost.localdomain';
}

/** A name's words: case, accents and punctuation ignored. */
function words(name: string): string[] {
  return foldAccents(nameKey(name))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether two names over one placeholder address can be one person's: alike as the look-alike
 * warning judges names, or with the same first word (vite's `shaoyu` and `Shaoyu Meng`, over the
 * address `shaoyu`), or one the other's initial and last word (`jdoe`, `John Doe`). Over one
 * machine's address, a first name beside the full name is most likely that one person's.
 */
function onePersonsNames(a: string, b: string): boolean {
  if (namesLookAlike(a, b)) return true;
  const [x, y] = [words(a), words(b)];
  if (x[0] === undefined || y[0] === undefined) return false;
  if (x[0] === y[0]) return true;
  const handleOf = (one: string[], full: string[]) => one.length === 1 && full.length >= 2 && one[0] === `${(full[0] as string).charAt(0)}${full.at(-1) as string}`;
  return handleOf(x, y) || handleOf(y, x);
}

/**
 * The identities over a placeholder address that different people commit over (extension): their
 * names do not look like one person's (onePersonsNames), leaving out the address's own user (its
 * part before the `@`, the login git took it from: `root` of `root@localhost`). Each then joins by its
 * name only, as over a shared address (sharedAddressIdentities). One name over a placeholder, or one
 * person's names, stay joined by it. Bots and identities without a name are left as they are.
 */
export function placeholderAddressIdentities(identities: readonly { name: string; email: string; commits?: number }[], bot: readonly boolean[]): Set<number> {
  const over = new Map<string, number[]>();
  identities.forEach((identity, index) => {
    // The address first: it is the rarer test to pass (rails: 34 identities of 7,205).
    if (bot[index] || !isPlaceholderAddress(identity.email) || !nameKey(identity.name)) return;
    const address = identity.email.trim().toLowerCase();
    const members = over.get(address);
    if (members) members.push(index);
    else over.set(address, [index]);
  });
  const crossing = new Set<number>();
  for (const [address, members] of over) {
    const at = address.lastIndexOf('@');
    const user = words(at < 0 ? address : address.slice(0, at)).join('');
    const names = [...new Set(members.map((index) => nameKey((identities[index] as { name: string }).name)))].filter((name) => words(name).join('') !== user);
    const different = names.some((a, i) => names.slice(i + 1).some((b) => !onePersonsNames(a, b)));
    if (!different) continue;
    // One person's several names stay joined by the address: the group of names with the most
    // commits among those of two names or more ("John Doe" and "jdoe" beside "Alice Smith" were
    // split three ways: a review). Every other name over it counts for itself.
    const kept = keptGroup(names, members, identities);
    for (const index of members) if (!kept.has(nameKey((identities[index] as { name: string }).name))) crossing.add(index);
  }
  return crossing;
}

/** Of names over one address, the group of one person's names (two or more) with the most commits; none when each name is alone. */
function keptGroup(names: readonly string[], members: readonly number[], identities: readonly { name: string; commits?: number }[]): Set<string> {
  const uf = new UnionFind();
  for (let i = 0; i < names.length; i++) uf.add();
  names.forEach((a, i) => names.forEach((b, j) => j > i && onePersonsNames(a, b) && uf.union(i, j)));
  const commitsOf = new Map<string, number>();
  for (const index of members) {
    const identity = identities[index] as { name: string; commits?: number };
    commitsOf.set(nameKey(identity.name), (commitsOf.get(nameKey(identity.name)) ?? 0) + (identity.commits ?? 0));
  }
  const groups = new Map<number, string[]>();
  names.forEach((name, i) => groups.set(uf.find(i), [...(groups.get(uf.find(i)) ?? []), name]));
  const commits = (list: readonly string[]) => list.reduce((sum, name) => sum + (commitsOf.get(name) ?? 0), 0);
  const best = [...groups.values()].filter((list) => list.length >= 2).sort((a, b) => commits(b) - commits(a) || (a[0] as string).localeCompare(b[0] as string))[0];
  return new Set(best ?? []);
}
