import { staleRevision } from './analysis-date.ts';
import type { Analysis } from './types.ts';

// Successors who are fading out (talentrisk extension, beside METRICS.md §7's inactivity): still
// active, but their last commit anywhere lies more than half the inactivity window before the
// analysis date. redis at 2020-06-30: artix, successor on src/redis-cli.c and best placed for
// utils, had last committed 133 days before and never committed again; the tables named him as
// strong as anyone, and the evidence showed only his last change to that file (a first-time user).
//
// Why half the window: with no new commit, such a developer is inactive before the projection's
// +90d column (under the default model.inactiveAfter of 180 days), where "Experts per module"
// already counts them gone. Scan marks them where it names successors and best-placed people; the
// handoff can say the same of its successors with fadingDevelopers and fadingLabel.

/** A successor is fading once their last commit is more than this share of model.inactiveAfter ago. */
export const FADING_SHARE = 0.5;

const DAY_MS = 86_400_000;

/** Days without a commit after which an active developer is fading: half the inactivity window. */
export function fadingAfterDays(inactiveAfterDays: number): number {
  return inactiveAfterDays * FADING_SHARE;
}

/**
 * The developers who are still active (last commit within `settings.inactiveAfterDays` of the
 * analysis date) but whose last commit anywhere is more than fadingAfterDays before it (none when
 * the revision's last commit is more than 30 days older than that date: staleRevision): id → whole
 * days since that commit. A commit dated after the analysis date (a clock ahead) counts as made on it.
 */
export function fadingDevelopers(analysis: Pick<Analysis, 'settings' | 'developers'> & { repository?: Pick<Analysis['repository'], 'revisionDate'> }): Map<string, number> {
  // None in a clone whose last commit is long before the analysis date: measured from today,
  // everyone who committed in its last weeks read "last commit 115 days ago" (laravel's mirror, 108
  // days old). Reports already say such figures are measured from today, and offer `--until`.
  const revisionDate = analysis.repository?.revisionDate;
  if (revisionDate !== undefined && staleRevision(revisionDate, analysis.settings.referenceDate)) return new Map();
  const reference = Date.parse(analysis.settings.referenceDate);
  const window = analysis.settings.inactiveAfterDays;
  const bound = fadingAfterDays(window);
  const fading = new Map<string, number>();
  for (const developer of analysis.developers) {
    const days = Math.max(0, (reference - Date.parse(developer.lastCommit)) / DAY_MS);
    if (Number.isNaN(days) || days <= bound || days > window) continue;
    fading.set(developer.id, Math.floor(days));
  }
  return fading;
}

/** How reports mark a fading successor: "last commit 133 days ago". */
export function fadingLabel(days: number): string {
  return `last commit ${days} days ago`;
}
