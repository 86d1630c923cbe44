import { accountKey, nameKey, type NameBridge, type PersonAlias, type RawIdentity, type ResolvedDeveloper, type UnmatchedAlias } from './model/identity.ts';
import { joinSnippets, lookAlikeDevelopers, primaryEmail, type NamedDeveloper } from './model/look-alike-names.ts';
import { isPlaceholderAddress } from './model/placeholder-addresses.ts';
import type { SelfCoAuthorship } from './model/self-co-authors.ts';
import type { DeveloperSummary, ModuleOwnership, TruckFactor } from './model/types.ts';
import { list } from './report/format.ts';

// The warnings about the history as the walk read it that name commits and people: imports, sweeps
// and crowded commits (analyze.ts collects them while folding), and developers whose names look
// like one person's. Pure: the texts only.

/** A commit adding (or changing) this many files is named in a warning: most likely an import (or a sweep). */
export const BULK_ADDS = 300;

/** A commit crediting this many people (author and co-authors) with this many files is named in a warning. */
export const CROWDED_PEOPLE = 6;
export const CROWDED_FILES = 20;

/** How a history warning about commits can be silenced for good (they are the user's to judge). */
const ACKNOWLEDGE = '; listed in config `acknowledgedRevs`, a commit is not named again and the figures stay as they are';

/** A commit named in a history warning: `files` it adds, changes or touches. */
export interface BulkCommit {
  sha: string;
  files: number;
  /** Of `files`, those it moved (renamed): a sweep of moves is a reorganisation. */
  moved?: number;
  /** Index of its author's identity. */
  author: number;
  /** Identities it credits (author and co-authors; bots left out): several may be one developer. */
  credited: number[];
}

/**
 * The warnings about commits that add 300 files or more (imports), change 300 or more (sweeps),
 * or credit 6 people or more with 20 files or more (crowded). `developerOf` gives an identity's
 * developer: people are named as the tables name them (warnings said "Yoav Steinberg" where every
 * table said "yoav-steinberg", a team lead's test) and counted as people, not identities (a
 * co-author trailer under another case of the author's email made "6 people" of 5, a re-test).
 */
export function bulkCommitWarnings(
  commits: { imports: readonly BulkCommit[]; sweeps: readonly BulkCommit[]; crowded: readonly BulkCommit[] },
  developerOf: (identity: number) => Pick<ResolvedDeveloper, 'name'> | undefined,
  identityName: (identity: number) => string,
): string[] {
  const { imports, sweeps, crowded } = commits;
  const warnings: string[] = [];
  const peopleOf = (commit: BulkCommit) => new Set(commit.credited.map((identity) => developerOf(identity) ?? identity)).size;
  const creditedNames = (commit: BulkCommit, coAuthors: boolean) => {
    const name = developerOf(commit.author)?.name ?? identityName(commit.author);
    const others = peopleOf(commit) - (commit.credited.includes(commit.author) ? 1 : 0);
    return coAuthors && others > 0 ? `${name} and ${others} co-author${others === 1 ? '' : 's'}` : name;
  };
  // The three largest named as "sha by Name: detail", and how many more.
  const named = (list: readonly BulkCommit[], size: (commit: BulkCommit) => number, detail: (commit: BulkCommit) => string, coAuthors = true) => {
    const shown = largestFirst(list, size)
      .slice(0, 3)
      .map((commit) => `${commit.sha.slice(0, 10)} by ${creditedNames(commit, coAuthors)}: ${detail(commit)}`);
    return `${shown.join(', ')}${list.length > 3 ? `, +${list.length - 3} more` : ''}`;
  };
  // With its unit: "…: 456)" read as a count of nothing (a maintainer on vuejs/core).
  const largest = (list: readonly BulkCommit[]) => named(list, fileCount, (commit) => `${commit.files} analysed files`);
  if (imports.length > 0) {
    warnings.push(
      `${imports.length === 1 ? 'a commit adds' : `${imports.length} commits each add`} ${BULK_ADDS} files or more (${largest(imports)}): ${imports.length === 1 ? 'its author counts' : 'their authors count'} as the creator of every file ${imports.length === 1 ? 'it adds' : 'they add'}; if it imported code, that history is elsewhere, and if it copied files of this repository (a new version of a folder), their history stays with the originals, as git follows no copy (docs/metrics.md, "Limits of the method"), and config \`ignoreRevs\` can leave it out${ACKNOWLEDGE}`,
    );
  }
  if (sweeps.length > 0) {
    // Ready to paste into the config (deno's yearly copyright sweeps made 82 of one person's 154 files).
    const snippet = largestFirst(sweeps, fileCount)
      .slice(0, 10)
      .map((commit) => `"${commit.sha.slice(0, 10)}"`)
      .join(', ');
    const moves = sweeps.some((commit) => (commit.moved ?? 0) > 0);
    const listed = moves ? named(sweeps, fileCount, (commit) => `${commit.files} analysed files${commit.moved ? `, ${commit.moved} of them moved` : ''}`) : largest(sweeps);
    const what = moves ? ['a commit changes or moves', 'commits each change or move'] : ['a commit changes', 'commits each change'];
    const kinds = moves ? 'a sweep (license headers, formatting) or a reorganisation that moves files (they keep their history)' : 'a sweep (license headers, formatting)';
    warnings.push(
      `${sweeps.length === 1 ? what[0] : `${sweeps.length} ${what[1]}`} ${BULK_ADDS} files or more (${listed}): each counts as a change of every one of them${moves ? ', a move too' : ''}; ${kinds} can be left out with config \`ignoreRevs: [${snippet}]\` (the ones that are sweeps${sweeps.length > 10 ? `; the ${sweeps.length - 10} smaller ones are not listed` : ''})${ACKNOWLEDGE}`,
    );
  }
  const crowdedPeople = crowded.filter((commit) => peopleOf(commit) >= CROWDED_PEOPLE);
  if (crowdedPeople.length > 0) {
    const listed = named(crowdedPeople, (commit) => peopleOf(commit) * commit.files, (commit) => `${peopleOf(commit)} people, ${commit.files} files`, false);
    warnings.push(
      `${crowdedPeople.length === 1 ? 'a commit credits' : `${crowdedPeople.length} commits each credit`} ${CROWDED_PEOPLE} people or more (author and co-authors) with ${CROWDED_FILES} files or more (${listed}): every co-author counts as changing every file; if they did not, config \`ignoreRevs\` leaves such a commit out, and \`model.coAuthors: false\` all co-authors${ACKNOWLEDGE}`,
    );
  }
  return warnings;
}

const fileCount = (commit: { files: number }) => commit.files;

/** The largest first (by `size`, then id). */
function largestFirst<C extends { sha: string }>(commits: readonly C[], size: (commit: C) => number): C[] {
  return [...commits].sort((a, b) => size(b) - size(a) || (a.sha < b.sha ? -1 : 1));
}

/** A developer authoring this many files matters to the look-alike names' warning (see lookAlikeWarning). */
const LOOK_ALIKE_FILES = 5;
/** Pairs of look-alike names a warning lists. */
const LOOK_ALIKE_SHOWN = 5;
/** .mailmap lines a warning shows for one developer (one for each email). */
const MAILMAP_LINES_SHOWN = 3;

/**
 * Developers who matter with names that look like one person's (svelte's truck-factor list had
 * "Simon H" and "Simon Holthausen" third and fourth: 4 for 3, with nothing said). Who matters: a
 * name the scan shows (the truck-factor list, a module's two top owners) or the author of 5 files
 * or more. Pairs where one side authors a stray file change no figure, and are most of them: on
 * svelte, redis, requests and express this names the two pairs users reported and leaves out 13
 * (redis' "Chen Tianjie" and "chentianjie", 3 files and 1; svelte's "Ben McCann" and "Ben M", 89 and 0).
 */
export function lookAlikeWarning(developers: readonly DeveloperSummary[], truckFactor: TruckFactor, modules: readonly ModuleOwnership[], extensions: boolean, aliases: readonly PersonAlias[]): string | undefined {
  const matters = new Set(truckFactor.developers.map((member) => member.id));
  for (const module of modules) for (const owner of module.owners.slice(0, 2)) matters.add(owner.id);
  const candidates = developers
    .filter((developer) => matters.has(developer.id) || developer.filesAuthored >= LOOK_ALIKE_FILES)
    .map((developer) => ({ id: developer.id, name: developer.name, emails: developer.emails, files: developer.filesAuthored }));
  // Two people the config's `people:` names apart are two on purpose: "Li Wei" and "Li Weiming"
  // were warned about on every CI run with no way to say so (a review).
  const entryOf = new Map<string, number>();
  aliases.forEach((person, index) => person.emails.forEach((email) => entryOf.set(email.trim().toLowerCase(), index)));
  const declared = (developer: NamedDeveloper) => developer.emails.map((email) => entryOf.get(email.toLowerCase())).find((index) => index !== undefined);
  // Each developer in one pair at most, the pair with the most files: "Simon H", "Simon Ho" and
  // "Simon Holthausen" made three pairs, whose three `people:` entries shared emails and were
  // refused together (a review). Once one pair is joined, the next scan names what is left.
  const paired = new Set<string>();
  const pairs = lookAlikeDevelopers(candidates).filter(({ developers: [a, b] }) => {
    const [x, y] = [declared(a), declared(b)];
    if ((x !== undefined && y !== undefined && x !== y) || paired.has(a.id) || paired.has(b.id)) return false;
    paired.add(a.id).add(b.id);
    return true;
  });
  if (pairs.length === 0) return undefined;
  const shown = pairs.slice(0, LOOK_ALIKE_SHOWN);
  const label = (developer: NamedDeveloper) => `${developer.name} <${primaryEmail(developer)}> (${developer.files} file${developer.files === 1 ? '' : 's'})`;
  const listed = shown.map((pair) => `${label(pair.developers[0])} and ${label(pair.developers[1])}`).join('; ');
  const more = pairs.length > shown.length ? `; +${pairs.length - shown.length} more` : '';
  const snippets = shown.map(joinSnippets);
  // A developer's lines, the first few of them: one for each email.
  const lines = snippets.map(({ mailmap }) => {
    const cut = mailmap.length > MAILMAP_LINES_SHOWN + 1 ? MAILMAP_LINES_SHOWN : mailmap.length;
    const listedLines = mailmap.slice(0, cut).map((line) => `\`${line}\``);
    if (cut < mailmap.length) listedLines.push(`and one for each of ${mailmap.length - cut} more emails (\`--format json\` lists them)`);
    return listedLines.join(', ');
  });
  const one = pairs.length === 1;
  const lineCount = snippets.reduce((sum, snippet) => sum + snippet.mailmap.length, 0);
  const mailmap = one ? `the .mailmap ${lineCount === 1 ? 'line' : 'lines'} ${lines[0]}` : `its .mailmap lines (${lines.join('; ')})`;
  const people = `\`people: [${snippets.map((snippet) => snippet.people).join(', ')}]\` in .talentrisk.yml`;
  const how = one
    ? `if they are one person, join them with ${extensions ? `${people}, or with ` : ''}${mailmap}`
    : `join each pair that is one person with ${extensions ? `its entry of ${people}, or with ` : ''}${mailmap}`;
  const head = one ? "two developers have names that look like one person's" : `${pairs.length} pairs of developers have names that look like one person's`;
  return `${head} (${listed}${more}): only an equal name or email joins identities, so they count as ${one ? 'two people' : 'two people each'} in every figure; ${how} (${extensions ? '' : 'config `people:` is off under --model classic; '}README, "What is analysed")`;
}

/** Config `people:` entries, or parts of them, that match no author (unmatchedAliases): misspelt, or not in this history. */
export function unmatchedAliasWarning(unmatched: readonly UnmatchedAlias[]): string | undefined {
  const parts = unmatched.flatMap((entry) => [
    ...entry.emails.map((email) => `${email} (${JSON.stringify(entry.name)})`),
    ...(entry.github !== undefined ? [`GitHub login ${entry.github} (${JSON.stringify(entry.name)})`] : []),
  ]);
  const nobody = unmatched.filter((entry) => entry.joinsNobody).map((entry) => JSON.stringify(entry.name));
  if (parts.length === 0 && nobody.length === 0) return undefined;
  const what = parts.length > 0 ? `no author of the analysed history commits as ${list(parts, UNMATCHED_SHOWN)} (emails as .mailmap leaves them)` : '';
  const joins = nobody.length > 0 ? `${list(nobody, UNMATCHED_SHOWN)} ${nobody.length === 1 ? 'matches' : 'match'} nobody by name, email or GitHub login, so ${nobody.length === 1 ? 'it joins' : 'they join'} no one` : '';
  return `config people: ${[what, joins].filter(Boolean).join('; ')}: check the spelling, or leave out who is not in this history`;
}

const UNMATCHED_SHOWN = 5;

/**
 * The addresses over which other people's names commit (sharedAddressIdentities), most names first:
 * what joins by name only, said once, since the published rule would have joined them by address.
 * Placeholder addresses (none@none) have no owner whose name others use: they are said apart.
 */
export function sharedAddressWarnings(identities: readonly RawIdentity[], crossing: ReadonlySet<number>): string[] {
  const placeholders = new Set<number>();
  const others = new Set<number>();
  for (const index of crossing) (isPlaceholderAddress((identities[index] as RawIdentity).email) ? placeholders : others).add(index);
  return [sharedAddressWarning(identities, others), placeholderAddressWarning(identities, placeholders)].filter((warning): warning is string => warning !== undefined);
}

/** The names over each address of `crossing`, by account (a GitHub no-reply address's two forms are one, shown as the one used most), most names first. */
function namesByAddress(identities: readonly RawIdentity[], crossing: ReadonlySet<number>): { shown: string; names: Map<string, { written: string; commits: number }> }[] {
  const namesOver = new Map<string, { names: Map<string, { written: string; commits: number }>; shown: string; commits: number }>();
  for (const index of crossing) {
    const identity = identities[index] as RawIdentity;
    const address = identity.email.trim().toLowerCase();
    const key = accountKey(address) ?? address;
    const group = namesOver.get(key) ?? { names: new Map<string, { written: string; commits: number }>(), shown: address, commits: 0 };
    const name = group.names.get(nameKey(identity.name)) ?? { written: identity.name.trim(), commits: 0 };
    name.commits += identity.commits;
    group.names.set(nameKey(identity.name), name);
    if (identity.commits > group.commits) Object.assign(group, { shown: address, commits: identity.commits });
    namesOver.set(key, group);
  }
  return [...namesOver.values()].sort((a, b) => b.names.size - a.names.size || (a.shown < b.shown ? -1 : 1));
}

function sharedAddressWarning(identities: readonly RawIdentity[], crossing: ReadonlySet<number>): string | undefined {
  if (crossing.size === 0) return undefined;
  const addresses = namesByAddress(identities, crossing);
  const shown = list(
    addresses.map(({ shown: address, names }) => `${address} under ${names.size} ${names.size === 1 ? 'name' : 'names'}`),
    3,
  );
  const busiest = [...crossing].map((index) => identities[index] as RawIdentity).sort((a, b) => b.commits - a.commits || (a.name < b.name ? -1 : 1))[0] as RawIdentity;
  const example = `${busiest.name.trim()} <${busiest.email.trim()}>`;
  return `${crossing.size} ${crossing.size === 1 ? 'identity puts' : 'identities put'} another person's name over an address others commit with too (${shown}; e.g. ${example}): each counts for its name, not for the address's owner (a CI job or a shared account commits so, and joining by the address made one developer of many); \`--model classic\` joins them (README, "What is analysed")`;
}

/**
 * The placeholder addresses different people's names commit over (placeholderAddressIdentities):
 * no one's address, so no owner; each name over it counts for itself, named with its busiest names.
 */
function placeholderAddressWarning(identities: readonly RawIdentity[], crossing: ReadonlySet<number>): string | undefined {
  if (crossing.size === 0) return undefined;
  const addresses = namesByAddress(identities, crossing);
  const shown = addresses.slice(0, 3).map(({ shown: address, names }) => {
    const busiest = [...names.values()].sort((a, b) => b.commits - a.commits || (a.written < b.written ? -1 : 1)).map((name) => name.written);
    return `${address} under ${names.size} names: ${busiest.slice(0, 3).join(', ')}${names.size > 3 ? ', …' : ''}`;
  });
  const more = addresses.length > 3 ? `; +${addresses.length - 3} more` : '';
  const one = addresses.length === 1;
  return `${one ? 'an address that is no one\'s mailbox has' : `${addresses.length} addresses that are no one's mailbox have`} different people's names over ${one ? 'it' : 'them'} (${shown.join('; ')}${more}): each name counts for itself, not joined by the address (imports write none@none, and git writes user@host.(none) when no email is configured); \`--model classic\` joins them (README, "What is analysed")`;
}

/**
 * The one-word names that alone join identities with names of their own (nameBridges), with the
 * sides under that name only: vite's "andrew" named Andrei Luca and 翠 / green, not the third
 * person it joined, `andrew <andywangsy@gmail.com>` (13 commits), who only ever used it.
 */
export function nameBridgeWarning(bridges: readonly NameBridge[]): string | undefined {
  if (bridges.length === 0) return undefined;
  const commits = (count: number) => `${count} commit${count === 1 ? '' : 's'}`;
  const named = bridges.slice(0, 3).map((bridge) => {
    const only = bridge.nameOnly.map(({ side, commits: count }) => `${side} (${commits(count)})`);
    const alone = only.length === 0 ? '' : `, and ${only.length === 1 ? 'one' : only.length} under that name only: ${list(only, 2)}`;
    return `"${bridge.name}" joins ${list(bridge.sides, 3)}${alone}`;
  });
  const more = bridges.length > 3 ? `; +${bridges.length - 3} more` : '';
  return `${bridges.length === 1 ? 'a one-word name alone joins identities' : `${bridges.length} one-word names alone join identities`} that also commit under names of their own (${named.join('; ')}${more}): identities with one name are one developer; if these are different people, give each such identity its owner's usual name in .mailmap (README, "What is analysed")`;
}

/**
 * The self co-authorships that joined identities (resolveIdentities: a commit's author named again
 * as co-author under another spelling, ohmyzsh's "Rolf Schröder" and "Rolf Schroeder"), most
 * commits first, and how to keep two people apart: `people:` joins, and two entries keep apart.
 */
export function selfCoAuthorshipWarning(identities: readonly RawIdentity[], joined: readonly SelfCoAuthorship[]): string | undefined {
  if (joined.length === 0) return undefined;
  const label = (index: number) => {
    const identity = identities[index] as RawIdentity;
    return `${identity.name.trim()} <${identity.email.trim()}>`;
  };
  const pairs = [...joined]
    .sort((a, b) => b.commits - a.commits || a.author - b.author || a.coAuthor - b.coAuthor)
    .map((pair) => `${label(pair.author)} as ${label(pair.coAuthor)} (${pair.commits} commit${pair.commits === 1 ? '' : 's'})`);
  const one = joined.length === 1;
  const head = one ? "a commit's author is also its co-author under another spelling of their name" : `${joined.length} commit authors are also their commits' co-authors under another spelling of their names`;
  return `${head} (${list(pairs, 3)}): ${one ? 'the two identities are' : 'each two identities are'} one developer; if ${one ? 'they are' : 'two of them are'} different people, give each a \`people:\` entry of its own with its email in .talentrisk.yml, which keeps them apart (README, "What is analysed")`;
}

/** How squashWarning names the commits, by which squashesWereRead finds it among the warnings. */
const SQUASHES = '`git subtree --squash` commit';

/**
 * `git subtree --squash` commits read, by folder (commits each): they credit nobody, as their
 * content was written in another repository (analyze.ts). undefined when there were none.
 */
export function squashWarning(squashed: ReadonlyMap<string, number>): string | undefined {
  if (squashed.size === 0) return undefined;
  const commits = [...squashed.values()].reduce((sum, count) => sum + count, 0);
  const folders = [...squashed].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([folder]) => `${folder}/`);
  const [subject, object] = commits === 1 ? ['it', 'it'] : ['they', 'them'];
  const what = commits === 1 ? `a ${SQUASHES} (${list(folders, 3)}) credits nobody: what it brings` : `${commits} ${SQUASHES}s (${list(folders, 3)}) credit nobody: what they bring`;
  return `${what} was written in another repository, whose history is not read here; files only ${subject} changed are not analysed (\`--model classic\` reads ${object} as git prints ${object}, at the repository root, crediting whoever pulled ${object})`;
}

/** Whether the analysis's warnings say that squashes were read (squashWarning): files only they changed are not analysed. */
export function squashesWereRead(warnings: readonly string[]): boolean {
  return warnings.some((warning) => warning.includes(SQUASHES));
}
