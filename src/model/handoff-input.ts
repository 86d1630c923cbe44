import type { AuthoredSubject } from './automated-addresses.ts';
import type { CriticalSystemSpec } from './critical.ts';
import { authorsAfter, type Departure } from './departures.ts';
import type { AuthorsOf } from './ownership-index.ts';
import type { Analysis, DeveloperSummary } from './types.ts';

// What buildHandoff is given: the analysis, and the commits the command reads for the handoff from a
// bounded git log (src/git/person-log.ts) as plain data; and who it counts as gone (Leaving).

/** A commit as the git layer reads it (only what the handoff needs). */
export interface HandoffCommitInput {
  sha: string;
  time: number;
  /** The author's email after .mailmap, lower case. */
  email?: string;
  subject: string;
  files: readonly string[];
}

export interface HandoffInput {
  analysis: Analysis;
  person: DeveloperSummary;
  /** The person's own departure entry, when the config or --leaving lists them. */
  departure?: Pick<Departure, 'date' | 'note'> | undefined;
  /** Others leaving: they are not successors. */
  alsoLeaving?: readonly Departure[];
  /**
   * Developers with no commit in the last `inactiveAfterDays` days: they are not proposed as
   * successors (someone who stopped committing cannot take over).
   */
  inactive?: readonly string[];
  inactiveAfterDays?: number;
  critical?: readonly CriticalSystemSpec[];
  /** Developers the critical systems count as gone already (`model.treatInactiveAsDeparted`), as `check` does. */
  criticalGone?: readonly string[];
  /** Newest commits of the repository, everyone's: the co-change window. */
  window?: readonly HandoffCommitInput[];
  /** Commits of the window left out as config `ignoreRevs` (said beside its size: "the last 1999 commits" read as a bug). */
  windowIgnored?: number;
  /** The person's commits of the last RECENT_DAYS days, newest first. */
  recent?: readonly HandoffCommitInput[];
  /**
   * Set (the day, YYYY-MM-DD) when those days end at the revision's last commit rather than at the
   * figures' date: an old clone measured today would show nobody's recent work.
   */
  recentBefore?: string | undefined;
  recentTruncated?: boolean;
  /**
   * Everyone's commits of those RECENT_DAYS days (read as far as the person's recent commits are:
   * recentTruncated says when not all): who is most active in each area (HandoffArea.mostActiveLately).
   */
  lately?: readonly HandoffCommitInput[];
  /** Files of 0 bytes at the revision: listed last, and no walk-through. */
  emptyFiles?: ReadonlySet<string>;
  /** The subject of every commit they authored, with its address: which of their addresses look automated. */
  authoredSubjects?: readonly AuthoredSubject[];
}

/**
 * Who goes and who cannot take over, as every part of the handoff counts them: the person, the
 * others leaving (they are not successors) and the developers who stopped committing.
 */
export interface Leaving {
  /** The person's id. */
  id: string;
  /** The others leaving (not the person). */
  others: readonly Departure[];
  /** The person and the others leaving. */
  goneAll: ReadonlySet<string>;
  inactive: ReadonlySet<string>;
  /** goneAll and the inactive: nobody among them can take over. */
  unavailable: ReadonlySet<string>;
  /** A file's authors once everyone leaving has gone… */
  after: AuthorsOf;
  /** …and once the person alone has. */
  afterThem: AuthorsOf;
}

export function leavingOf(input: Pick<HandoffInput, 'person' | 'alsoLeaving' | 'inactive'>): Leaving {
  const id = input.person.id;
  const others = (input.alsoLeaving ?? []).filter((d) => d.id !== id);
  const goneAll = new Set([id, ...others.map((d) => d.id)]);
  const inactive = new Set(input.inactive ?? []);
  return { id, others, goneAll, inactive, unavailable: new Set([...goneAll, ...inactive]), after: authorsAfter(goneAll), afterThem: authorsAfter([id]) };
}
