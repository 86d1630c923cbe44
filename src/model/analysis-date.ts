/** 23:59:59 UTC of the day of `date`: the analysis date as a day, the moment --until YYYY-MM-DD stands for. */
export function endOfUtcDay(date: Date): Date {
  return new Date(`${date.toISOString().slice(0, 10)}T23:59:59Z`);
}
