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
