// The history fold of METRICS.md §1 and §3: commits arrive newest first and each event is credited
// to the file that is tracked at the analysed revision. Walking backwards, a rename maps the old
// path onto the same file, and an add (or a delete) ends the file's past at that path: whatever
// happened there earlier belonged to another file that was later deleted, which is not analysed.
// Memory grows with files × developers, never with the number of commits.

/** Per file and raw identity: the inputs of DOA, plain and recency-weighted. */
export interface IdentityTally {
  fa: 0 | 1;
  dl: number;
  /** Unix seconds of the identity's newest event on the file. */
  last: number;
  /** Weighted FA and DL (METRICS.md §7); equal to fa and dl when decay is off. */
  wfa: number;
  wdl: number;
}

export interface FileTally {
  /** M and R events by anyone (AC of a developer = mr − their own DL). */
  mr: number;
  wmr: number;
  /** All events, including adds. */
  events: number;
  lastChange: number;
  byIdentity: Map<number, IdentityTally>;
  /**
   * M and R events credited to several identities at once (a commit and its co-authors), by the
   * sorted identity list. Two identities of one developer may be credited by the same commit (an
   * author co-authoring under another email); mergeTally uses this to count that commit once.
   */
  shared: Map<string, SharedCredit>;
}

export interface SharedCredit {
  identities: number[];
  mr: number;
  wmr: number;
}

export interface FoldEvent {
  kind: 'A' | 'M' | 'R' | 'D';
  path: string;
  oldPath?: string;
}

export interface AuthorshipFoldOptions {
  /** Weight of an event of the given time (unix seconds); 1 when decay is off. */
  weight?: (time: number) => number;
}

export class AuthorshipFold {
  readonly files = new Map<string, FileTally>();
  /** Path (at the point in history the walk has reached) → the tracked file it belongs to. */
  private readonly alias = new Map<string, FileTally>();
  private readonly weight: (time: number) => number;

  constructor(trackedFiles: Iterable<string>, options: AuthorshipFoldOptions = {}) {
    this.weight = options.weight ?? (() => 1);
    for (const path of trackedFiles) {
      const tally: FileTally = { mr: 0, wmr: 0, events: 0, lastChange: 0, byIdentity: new Map(), shared: new Map() };
      this.files.set(path, tally);
      this.alias.set(path, tally);
    }
  }

  /** Folds one commit. `credited` are the raw identities credited with its events (author, co-authors). */
  addCommit(time: number, credited: readonly number[], events: readonly FoldEvent[]): void {
    // The events of one commit happen at once: look every path up before moving any of them.
    const targets = events.map((event) => (event.kind === 'D' ? undefined : this.alias.get(event.path)));
    if (credited.length > 0) {
      const w = this.weight(time);
      events.forEach((event, index) => {
        const tally = targets[index];
        if (tally) this.credit(tally, event.kind, time, w, credited);
      });
    }
    // Events of excluded identities (bots) credit nobody but still move paths.
    for (const event of events) {
      if (event.kind !== 'M') this.alias.delete(event.path);
    }
    events.forEach((event, index) => {
      const tally = targets[index];
      if (event.kind === 'R' && event.oldPath !== undefined && tally) this.alias.set(event.oldPath, tally);
    });
  }

  private credit(tally: FileTally, kind: FoldEvent['kind'], time: number, w: number, credited: readonly number[]): void {
    tally.events += 1;
    if (time > tally.lastChange) tally.lastChange = time;
    if (kind !== 'A') {
      tally.mr += 1;
      tally.wmr += w;
      if (credited.length > 1) {
        const identities = [...credited].sort((a, b) => a - b);
        const key = identities.join(',');
        const shared = tally.shared.get(key);
        if (shared) {
          shared.mr += 1;
          shared.wmr += w;
        } else {
          tally.shared.set(key, { identities, mr: 1, wmr: w });
        }
      }
    }
    for (const identity of credited) {
      let entry = tally.byIdentity.get(identity);
      if (!entry) {
        entry = { fa: 0, dl: 0, last: 0, wfa: 0, wdl: 0 };
        tally.byIdentity.set(identity, entry);
      }
      if (time > entry.last) entry.last = time;
      if (kind === 'A') {
        entry.fa = 1;
        if (w > entry.wfa) entry.wfa = w;
      } else {
        entry.dl += 1;
        entry.wdl += w;
      }
    }
  }
}

export interface ContributionInput {
  developer: string;
  fa: 0 | 1;
  dl: number;
  wfa: number;
  wdl: number;
  last: number;
}

/** Sums the tallies of a file's raw identities into developers (identity index → developer id). */
export function mergeTally(tally: FileTally, developerOf: (identity: number) => string | undefined): ContributionInput[] {
  const merged = new Map<string, ContributionInput>();
  for (const [identity, entry] of tally.byIdentity) {
    const developer = developerOf(identity);
    if (developer === undefined) continue;
    const current = merged.get(developer);
    if (current) {
      current.fa = current.fa || entry.fa ? 1 : 0;
      current.dl += entry.dl;
      current.wfa = Math.max(current.wfa, entry.wfa);
      current.wdl += entry.wdl;
      current.last = Math.max(current.last, entry.last);
    } else {
      merged.set(developer, { developer, fa: entry.fa, dl: entry.dl, wfa: entry.wfa, wdl: entry.wdl, last: entry.last });
    }
  }
  // A commit that credits k identities of one developer (author and co-author under two emails)
  // is one delivery, not k: take back the k − 1 extra counts.
  for (const shared of tally.shared.values()) {
    const perDeveloper = new Map<string, number>();
    for (const identity of shared.identities) {
      const developer = developerOf(identity);
      if (developer !== undefined) perDeveloper.set(developer, (perDeveloper.get(developer) ?? 0) + 1);
    }
    for (const [developer, k] of perDeveloper) {
      const current = merged.get(developer);
      if (k < 2 || !current) continue;
      current.dl -= (k - 1) * shared.mr;
      current.wdl -= (k - 1) * shared.wmr;
    }
  }
  return [...merged.values()];
}
