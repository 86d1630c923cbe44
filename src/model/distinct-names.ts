// The name each developer of an analysis is shown by. Identities that share a name are one
// developer (METRICS.md §2), but the extensions keep some apart: a placeholder name joins nobody
// (tokio's two people committing as "Name", redis's four "root"s), nor do two people whom `.mailmap`
// or config `people:` name apart. Shown by that name alone, they read as one person in every table,
// note and report (a review): each of them is shown with their address too.

import type { Developer } from './types.ts';

/** What a developer without an address of their own (id `name:<name>`) is shown with. */
export const NO_EMAIL = '(no email)';

/**
 * Per developer id, the name to show: their usual name when no other developer of the list has it
 * (case and spacing aside), else that name with the address their id is, "Name <a@x.org>", or
 * "Name (no email)" for the one with no address (identities with one name and none are one
 * developer, so there is one at most). The list is an analysis's people, never its bots.
 */
export function distinctNames(developers: readonly Pick<Developer, 'id' | 'name' | 'emails'>[]): Map<string, string> {
  // As identities compare names (identity.ts nameKey), runs of blanks as one; each name's key made
  // once (three times, they were 20 ms of a rails scan).
  const keys = developers.map((developer) => developer.name.trim().normalize('NFC').toLowerCase().replace(/\s+/g, ' '));
  const sharing = new Map<string, number>();
  for (const key of keys) sharing.set(key, (sharing.get(key) ?? 0) + 1);
  return new Map(developers.map((developer, i) => [developer.id, (sharing.get(keys[i] as string) ?? 0) > 1 ? withAddress(developer) : developer.name]));
}

/** "Name <address>" with the address of the developer's id (their most used), or "Name (no email)". */
function withAddress(developer: Pick<Developer, 'id' | 'name' | 'emails'>): string {
  const email = developer.emails.includes(developer.id) || developer.id.includes('@') ? developer.id : developer.emails[0];
  return email ? `${developer.name} <${email}>` : `${developer.name} ${NO_EMAIL}`;
}

/**
 * A shown name without the address distinctNames may have added ("release <a@x>" → "release"), for a
 * report that carries names only (check's stored evaluation).
 */
export function withoutAddress(shown: string): string {
  return shown.replace(/ (?:<[^<>]*>|\(no email\))$/, '');
}

/** The developer's name without the address distinctNames may add: the name git has them under. */
export function usualName(developer: Pick<Developer, 'name' | 'sharedName'>): string {
  return developer.sharedName ?? developer.name;
}
