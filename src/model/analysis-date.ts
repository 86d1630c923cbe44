/** 23:59:59 UTC of the day of `date`: the analysis date as a day, the moment --until YYYY-MM-DD stands for. */
function endOfUtcDay(date: Date): Date {
  return new Date(`${date.toISOString().slice(0, 10)}T23:59:59Z`);
}

/** The moment decayed figures are measured from: --until when given, else the end of the scan's day. */
export function referenceDate(until: Date | undefined, now: Date): Date {
  return until ?? endOfUtcDay(now);
}
