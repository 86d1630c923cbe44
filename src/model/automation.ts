// Which developers look like accounts that commit for a machine (beyond the built-in *[bot] and
// *-bot patterns of config `bots`): init proposes them as `bots:` candidates, and scan says when
// some author files. Pure: names and emails in, a judgement out.

import { usualName, withoutAddress } from './distinct-names.ts';

// Names and emails of accounts that commit for a machine, beyond the built-in *[bot] and *-bot.
// Careful: Travis, Jenkins or Zane are also people. A candidate is a known automation tool, a
// separate bot/robot/automation token, or an account named only for a CI role.
// A tool's name begins a word (no letter or digit before it): "Bogdan Kolesnyk" ends in `snyk`
// (vuejs/core proposed him), while `greenkeeperio-bot` and `renovate[bot]` are tools.
const AUTOMATION_TOOL = /(?<![\p{L}\p{N}])(renovate|dependabot|greenkeeper|snyk|github-actions|gitlab-ci|buildkite|circleci|semantic-release|release-please|travis[-\s]?ci\b|pre-commit-ci|mergify|imgbot|allcontributors)/iu;
const AUTOMATION_TOKEN = /(^|[-_.+\s])(bot|robot|automation|automated)($|[-_.+\s])/i;
// Not "travis": a common first name, alone as a name (vuejs/core's Travis, seven fixes); Travis CI
// commits as "Travis CI" or travis-ci, which AUTOMATION_TOOL knows.
const AUTOMATION_ROLE = /^(ci|build|builder|deploy|deployer|jenkins|release|releaser|autobuild)$/i;
// As an address, only the roles that are no one's name: travis@ and jenkins@ are most often a
// person's (laravel's Travis Elkins <travis@groupcaliber.com> was proposed as a bot).
const ADDRESS_ROLE = /^(ci|build|builder|deploy|deployer|release|releaser|autobuild)$/i;
// One word of letters and digits ending in "bot" after at least four of them (denobot, crowlbot,
// fibibot); the surnames that end so are shorter (Abbot, Talbot, Chabot), and an address made of one
// (jtalbot@, sam.talbot@) is set aside by looksAutomated when the person's name holds that surname.
const AUTOMATION_SUFFIX = /^[\p{L}\p{N}]{4,}bot$/iu;
// One word ending in "releaser" after two letters or digits or more: a release tool's account (hugo's
// hugoreleaser, 976 commits from its maintainer's plus-address, counted as his; goreleaser). No name
// or word of a person ends so; "releaser" alone is AUTOMATION_ROLE's.
const RELEASER_HANDLE = /^[\p{L}\p{N}]{2,}[-_.]?releaser$/iu;
// An organisation's build account: one word, then a word no person's name ends in (spring-boot's
// "Spring Buildmaster", "Spring Builds" and "Spring Operator", 248 commits counted as people's: an
// engineering manager's test). Not "Build" alone: Cibele Build is a person.
const ORGANISATION_ROLE = /^[\p{L}\p{N}.-]+\s+(builds|buildmaster|operator)$/iu;
const looksLikeBotHandle = (text: string) => AUTOMATION_TOOL.test(text) || AUTOMATION_TOKEN.test(text) || AUTOMATION_SUFFIX.test(text.trim()) || RELEASER_HANDLE.test(text.trim());
export const isAutomated = (text: string) => looksLikeBotHandle(text) || AUTOMATION_ROLE.test(text.trim()) || ORGANISATION_ROLE.test(text.trim());

/**
 * Whether a developer looks automated, by name or email: an email's local part and its `+tag`
 * (`nathan+bot@…`, `biwanczuk+fibibot@…`); of a GitHub noreply address only the login, and not
 * by role (a person's login may well be `jenkins` or `ci`). A name with a word ending in "bot"
 * (Jane Talbot) is a person's: their addresses do not count by that ending.
 */
export function looksAutomated(developer: { name: string; sharedName?: string | undefined; names: readonly string[]; emails: readonly string[] }): boolean {
  // By the name alone: the address distinctNames may add is judged as an address.
  const names = [usualName(developer), ...developer.names];
  if (names.some(isAutomated)) return true;
  const surname = names.some((name) => /\s/.test(name.trim()) && /bot(\s|$)/i.test(name.trim()));
  // A handle made of the person's own name (Boy Steven's stevenprobot@, vite) is theirs, not a bot's.
  const nameWords = names.flatMap((name) => (/\s/.test(name.trim()) ? name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4) : []));
  const ownHandle = (text: string) => nameWords.some((word) => text.toLowerCase().includes(word));
  const byAddress = (text: string, role: boolean) =>
    AUTOMATION_TOOL.test(text) || AUTOMATION_TOKEN.test(text) || (!surname && !ownHandle(text) && AUTOMATION_SUFFIX.test(text)) || (!ownHandle(text) && RELEASER_HANDLE.test(text)) || (role && ADDRESS_ROLE.test(text));
  return developer.emails.some((email) => {
    const local = email.slice(0, email.lastIndexOf('@'));
    if (email.toLowerCase().endsWith('@users.noreply.github.com')) return byAddress(local.slice(local.indexOf('+') + 1), false);
    return [local, ...local.split('+')].some((part) => byAddress(part, true));
  });
}

/**
 * What to list for a developer who looks automated. A person joined to a bot-named identity (by a
 * shared email: deno's Divy Srivastava through a `Co-authored-by: divybot <his address>` trailer)
 * gets that name, not theirs: bot patterns match each identity, so listing the person's own name
 * would leave out most of their commits and keep the rest as someone else.
 */
export function botCandidatesOf(developer: { name: string; sharedName?: string | undefined; names: readonly string[]; commits: number }): { name: string; commits: number; of?: string }[] {
  // A candidate is a name for config `bots:`: the name alone, never with the address distinctNames adds.
  const name = usualName(developer);
  if (isAutomated(name)) return [{ name, commits: developer.commits }];
  const aliases = [...new Set(developer.names.filter((other) => other !== name && isAutomated(other)))];
  if (aliases.length === 0) return [{ name, commits: developer.commits }];
  return aliases.map((name) => ({ name, commits: developer.commits, of: developer.name }));
}

// A person's name as written in a commit: two or more words of letters, the first and the last
// capitalised (Jane Talbot, Anne-Marie O'Neil, Ludwig van Talbot), where a service account has
// digits, dashes between lower-case words or one word; and no word that names a machine's job
// (Travis CI, Nightly Build).
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(\s+[\p{L}'’.-]+)*\s+\p{Lu}[\p{L}'’.-]*$/u;
const MACHINE_WORD = /(^|\s)(ci|cd|build|builds|builder|bot|robot|automation|deploy|deployer|release|releases|service|system|daemon|scheduler|nightly|server)(\s|$)/i;

/**
 * The config's wildcard bot patterns that leave out someone who looks like a person: a name of
 * capitalised words that nothing else about the account calls automated (`*bot*` catching Jane
 * Talbot). An exact pattern is taken as meant. Pure; the caller turns the result into a warning.
 */
export function botPatternsCatchingPeople(
  bots: readonly { name: string; names: readonly string[]; emails: readonly string[]; commits: number; members: readonly number[] }[],
  identities: readonly { name: string; email: string }[],
  patterns: readonly string[],
  matcherOf: (pattern: string) => (text: string) => boolean,
): { pattern: string; people: { name: string; commits: number }[] }[] {
  const suspects = bots.filter((bot) => PERSON_NAME.test(bot.name.trim()) && !MACHINE_WORD.test(bot.name) && !looksAutomated(bot));
  if (suspects.length === 0) return [];
  return patterns
    .filter((pattern) => /[*?]/.test(pattern))
    .map((pattern) => {
      const matches = matcherOf(pattern);
      const caught = suspects.filter((bot) =>
        bot.members.some((index) => {
          const identity = identities[index];
          return identity !== undefined && (matches(identity.name.toLowerCase()) || matches(identity.email.toLowerCase()));
        }),
      );
      return { pattern, people: caught.sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name, 'en')).map(({ name, commits }) => ({ name, commits })) };
    })
    .filter((entry) => entry.people.length > 0);
}

/**
 * When the config names no bot: the critical systems whose owners include an account whose name
 * looks automated, as one note, else ''. They count as owners, and can keep a system passing:
 * fastapi's release-notes workflow was one of the two owners of its release notes, and check said
 * nothing of it while scan did (a CI maintainer).
 */
export function automatedOwnersNote(systems: readonly { name: string; owners: readonly { name: string }[] }[], configFile: string): string {
  const byOwner = new Map<string, string[]>();
  for (const system of systems) {
    // By the name alone, as scan judges it: "release <a@x>" is shown so when two developers share it (a review).
    for (const owner of system.owners) if (isAutomated(withoutAddress(owner.name))) byOwner.set(owner.name, [...(byOwner.get(owner.name) ?? []), system.name]);
  }
  if (byOwner.size === 0) return '';
  const owners = [...byOwner].map(([owner, names]) => `${owner} (${names.join(', ')})`);
  const one = byOwner.size === 1;
  return `${one ? 'An owner of critical systems looks' : `${byOwner.size} owners of critical systems look`} automated: ${owners.join(', ')}; if ${one ? 'it is a bot, list it' : 'they are bots, list them'} under \`bots:\` in ${configFile}, or ${one ? 'it counts as an owner' : 'they count as owners'}`;
}
