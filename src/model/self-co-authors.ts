// A commit whose Co-authored-by trailer names its own author under another spelling (extension of
// METRICS.md §2, which joins identities by an equal name or email only). ohmyzsh has ~20 such
// commits: "Rolf Schröder <rolf.schr@gmail.com>" co-authoring as "Rolf Schroeder
// <rolf.schroeder@centogene.com>", "Civan Yavuzşen" as "C. Yavuzsen", "Steve Lessard Jr" as "Steve
// Lessard"; each counted as two developers. Two different people with names that alike on one
// commit are very unlikely; the same names merely in one history (prometheus' "George Krajcsovits"
// and "György Krajcsovits") are not joined by this.

import { nameKey } from './identity.ts';
import { namesSpelledAlike } from './look-alike-names.ts';
import { isPlaceholderName } from './placeholder-names.ts';

/** A commit's author and a co-author of it whose names look like one person's (namesSpelledAlike). */
export interface SelfCoAuthorship {
  /** Identity indices (IdentityTable's). */
  author: number;
  coAuthor: number;
  /** Commits by `author` that name `coAuthor` in a trailer. */
  commits: number;
}

/** Collects the self co-authorships of a history as the fold reads it: each author and co-author pair judged once. */
export class SelfCoAuthorships {
  private readonly judged = new Map<string, SelfCoAuthorship | false>();
  private readonly identities: readonly { name: string; email: string; isBot: boolean }[];
  constructor(identities: readonly { name: string; email: string; isBot: boolean }[]) {
    this.identities = identities;
  }

  /** A commit by identity `author` names identity `coAuthor` in a Co-authored-by trailer. */
  see(author: number, coAuthor: number): void {
    if (author === coAuthor) return;
    const key = `${author} ${coAuthor}`;
    let pair = this.judged.get(key);
    if (pair === undefined) {
      pair = this.alike(author, coAuthor) ? { author, coAuthor, commits: 0 } : false;
      this.judged.set(key, pair);
    }
    if (pair) pair.commits += 1;
  }

  /** The pairs seen, most commits first (then by identity): the order resolveIdentities joins them in. */
  list(): SelfCoAuthorship[] {
    return [...this.judged.values()]
      .filter((pair): pair is SelfCoAuthorship => pair !== false)
      .sort((a, b) => b.commits - a.commits || a.author - b.author || a.coAuthor - b.coAuthor);
  }

  /** Names alike but not equal, addresses not equal (the published rule joins those already), and no bot: a bot joins bots only. */
  private alike(author: number, coAuthor: number): boolean {
    const [a, b] = [this.identities[author], this.identities[coAuthor]];
    if (!a || !b || a.isBot || b.isBot) return false;
    const email = a.email.trim().toLowerCase();
    if (email !== '' && email === b.email.trim().toLowerCase()) return false;
    // A placeholder ("Your Name" beside "Name") says nothing of who either is.
    if (isPlaceholderName(a.name) || isPlaceholderName(b.name)) return false;
    return nameKey(a.name) !== nameKey(b.name) && namesSpelledAlike(a.name, b.name);
  }
}
