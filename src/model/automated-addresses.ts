// The addresses of a person under which a machine seems to commit (talentrisk extension, said in
// the handoff; the figures count those commits, as the published model does). A GitHub Actions
// workflow commits as whoever set it up: laravel's "Update facade docblocks" (468 commits on 45
// facade files), "Update CHANGELOG" (213) and "Update version to v…" (211) are Taylor Otwell's
// under his GitHub no-reply addresses, and his handoff listed 29 facade stubs for a walk-through
// before Str.php (first-time users). Pure: the commits' subjects in, a judgement out.

/**
 * Only the commits of this many days before the analysis date are read: the whole history cost a
 * rails handoff 2.7 s (one walk of every commit); a workflow that commits as someone commits
 * often, and laravel's three subjects still make 656 commits of the last two years.
 */
export const AUTOMATED_WINDOW_DAYS = 730;

/** The subject an address repeats most has at least this many commits… */
export const AUTOMATED_MIN_REPEATS = 50;
/** …and its REPEATED_SUBJECTS most repeated subjects make at least this share of its commits. */
export const AUTOMATED_MIN_SHARE = 0.8;
/**
 * How many subjects count as "a few". On laravel the addresses its release workflow commits under
 * reach 0.93 and 1.00 with three (Taylor Otwell's two no-reply addresses) and 0.97 (Dries Vints'
 * "Update CHANGELOG" and "Update version to v…"); the most repetitive people stay at 0.69 or below:
 * Tetiana Blindaruk, who writes the changelog by hand (369 "[X.x] update changelog" of 737 commits,
 * and five other wordings), Till Krüss (0.44) and Taylor Otwell's own addresses (0.41: "formatting",
 * "Apply fixes from StyleCI", "version"); antirez on redis and Carl Lerche on tokio reach 0.01 and
 * 0.04 (their most repeated subject: 24 and 16 commits).
 */
export const REPEATED_SUBJECTS = 3;
/** A subject counts among those only when repeated at least this many times. */
export const MIN_SUBJECT_REPEATS = 10;

/** One commit the person authored: the address it was made under (after .mailmap) and its subject. */
export interface AuthoredSubject {
  email: string;
  subject: string;
}

export interface RepeatedSubject {
  /** The subject with its numbers read as X ("Update version to vX"). */
  subject: string;
  commits: number;
}

export interface AutomatedAddress {
  email: string;
  commits: number;
  /** Of those, the commits with one of `subjects`. */
  repeatedCommits: number;
  /** The subjects it repeats most, most commits first. */
  subjects: RepeatedSubject[];
}

/** A subject as the repeats are counted: numbers (versions, pull requests) read as X, spaces collapsed. */
export function subjectPattern(subject: string): string {
  return subject.trim().replace(/\d+(?:\.\d+)*/g, 'X').replace(/\s+/g, ' ');
}

/**
 * The addresses whose commits mostly repeat a few subjects many times: the most repeated at least
 * AUTOMATED_MIN_REPEATS times, and the REPEATED_SUBJECTS most repeated (each MIN_SUBJECT_REPEATS
 * times or more) AUTOMATED_MIN_SHARE of its commits or more. Addresses in the order of `commits`'
 * first appearance; the case of a subject is the first one met.
 */
export function automatedAddresses(commits: readonly AuthoredSubject[]): AutomatedAddress[] {
  const byAddress = new Map<string, { commits: number; subjects: Map<string, RepeatedSubject> }>();
  for (const commit of commits) {
    const email = commit.email.trim().toLowerCase();
    const address = byAddress.get(email) ?? { commits: 0, subjects: new Map<string, RepeatedSubject>() };
    byAddress.set(email, address);
    address.commits += 1;
    const subject = subjectPattern(commit.subject);
    const key = subject.toLowerCase();
    const counted = address.subjects.get(key) ?? { subject, commits: 0 };
    address.subjects.set(key, counted);
    counted.commits += 1;
  }
  const result: AutomatedAddress[] = [];
  for (const [email, address] of byAddress) {
    const subjects = [...address.subjects.values()]
      .filter((s) => s.commits >= MIN_SUBJECT_REPEATS)
      .sort((a, b) => b.commits - a.commits || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0))
      .slice(0, REPEATED_SUBJECTS);
    const repeatedCommits = subjects.reduce((sum, s) => sum + s.commits, 0);
    if ((subjects[0]?.commits ?? 0) >= AUTOMATED_MIN_REPEATS && repeatedCommits >= AUTOMATED_MIN_SHARE * address.commits) {
      result.push({ email, commits: address.commits, repeatedCommits, subjects });
    }
  }
  return result;
}

/** The subjects of several addresses together, the commits of each summed: what the handoff names. */
export function subjectsTogether(addresses: readonly AutomatedAddress[]): RepeatedSubject[] {
  const together = new Map<string, RepeatedSubject>();
  for (const address of addresses) {
    for (const s of address.subjects) {
      const key = s.subject.toLowerCase();
      const counted = together.get(key) ?? { subject: s.subject, commits: 0 };
      together.set(key, counted);
      counted.commits += s.commits;
    }
  }
  return [...together.values()].sort((a, b) => b.commits - a.commits || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}
