// Placeholder addresses (extension of METRICS.md §2, which joins identities by an equal email): an
// address that is no one's mailbox joins whoever commits over it. pytest's svn-era history has 23
// names over `none@none` (hpk 625 commits, fijal 173, guido 139, …): joined by it they were one
// developer "hpk", and `handoff fijal` wrote a handoff for hpk (a tester's report).

import { nameKey } from './identity.ts';
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
export function placeholderAddressIdentities(identities: readonly { name: string; email: string }[], bot: readonly boolean[]): Set<number> {
  const over = new Map<string, number[]>();
  identities.forEach((identity, index) => {
    if (bot[index] || !nameKey(identity.name) || !isPlaceholderAddress(identity.email)) return;
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
    if (different) for (const index of members) crossing.add(index);
  }
  return crossing;
}
