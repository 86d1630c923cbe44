/** 23:59:59 UTC of the day of `date`: the analysis date as a day, the moment --until YYYY-MM-DD stands for. */
function endOfUtcDay(date: Date): Date {
  return new Date(`${date.toISOString().slice(0, 10)}T23:59:59Z`);
}

/** The moment decayed figures are measured from: --until when given, else the end of the scan's day. */
export function referenceDate(until: Date | undefined, now: Date): Date {
  return until ?? endOfUtcDay(now);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD that names a day of the calendar (2025-02-31 and 2025-13-01 do not). */
export function isRealDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Days from the revision's last commit to the moment the figures are measured from beyond which
 * reports say so: a month without commits already takes most of a 90-day projection, and an old
 * clone measured from today has nobody active (no successor anywhere).
 */
export const STALE_REVISION_DAYS = 30;

/**
 * How long before the analysis date the revision's last commit is, when that is more than
 * STALE_REVISION_DAYS: whole days to print, and `exact` (fractional) days to compare with a window
 * as inactivity does (180.4 days is past a 180-day window).
 */
export function staleRevision(revisionDate: string, referenceDate: string): { days: number; exact: number; day: string } | undefined {
  const exact = (Date.parse(referenceDate) - Date.parse(revisionDate)) / 86_400_000;
  return exact > STALE_REVISION_DAYS ? { days: Math.floor(exact), exact, day: revisionDate.slice(0, 10) } : undefined;
}

/** The day of the analysed history's oldest commit (of its developers), or '' with none. */
export function oldestCommitDay(developers: readonly { firstCommit: string }[]): string {
  return developers.reduce((oldest, developer) => (oldest === '' || developer.firstCommit < oldest ? developer.firstCommit : oldest), '').slice(0, 10);
}
