import { mailmapSources, type Repository } from './repo.ts';

// The names .mailmap replaces (gitmailmap(5)): `Proper Name <proper@x> Commit Name <commit@x>`
// maps the commits of "Commit Name" at commit@x to Proper Name, so "Commit Name" appears in no
// analysed commit. People still call them by it: hugo's `handoff "Steve Francia"` (mapped to
// spf13) was an unknown person, and "Bjørn Erik Pedersen" named a 5-file identity of that name
// rather than bep, whom .mailmap gives it (first-time users).

/** A name .mailmap replaces, and the email (lower case) its commits have after it. */
export interface MailmapName {
  name: string;
  email: string;
}

/**
 * The lines of a .mailmap that replace a commit name with another, as git reads them
 * (mailmap.c read_mailmap_line): a line starting with `#` is a comment; otherwise the name before
 * the first `<…>`, its email, then the commit name before the second `<…>` and its email; text
 * after that is ignored. A commit name equal to the proper name (case aside) replaces nothing.
 */
export function parseMailmapNames(text: string): MailmapName[] {
  const names: MailmapName[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    const match = /^([^<]*)<([^>]*)>([^<]*)<([^>]*)>/.exec(line);
    if (!match) continue;
    const proper = (match[1] ?? '').trim();
    const properEmail = (match[2] ?? '').trim();
    const commitName = (match[3] ?? '').trim();
    const commitEmail = (match[4] ?? '').trim();
    if (commitName === '' || proper === '' || proper.toLowerCase() === commitName.toLowerCase()) continue;
    names.push({ name: commitName, email: (properEmail || commitEmail).toLowerCase() });
  }
  return names;
}

/**
 * The names every .mailmap source git reads for the repository replaces (its work tree's
 * .mailmap, mailmap.blob, or HEAD:.mailmap in a bare repository, and mailmap.file). An unreadable
 * source gives none: this only lets more typed names find someone.
 */
export function mailmapNames(repo: Repository): Promise<MailmapName[]> {
  // Read once per repository: handoff asks for its person, and again for the departures.
  let names = known.get(repo);
  if (!names) known.set(repo, (names = readMailmapNames(repo)));
  return names;
}

const known = new WeakMap<Repository, Promise<MailmapName[]>>();

async function readMailmapNames(repo: Repository): Promise<MailmapName[]> {
  const sources = await mailmapSources(repo);
  const texts = sources.files.filter((file): file is Buffer => file instanceof Buffer).map((file) => file.toString('utf8'));
  if (sources.hasBlob) {
    texts.push(await repo.side.raw(['cat-file', 'blob', sources.blob.trim()]).catch(() => ''));
  }
  return texts.flatMap(parseMailmapNames);
}
