import { fixedApart } from '../model/apart.ts';
import type { HandoffReport } from '../model/handoff.ts';
import type { HandoffFile } from '../model/handoff-files.ts';
import { oneOffWords, type OneOff } from '../model/one-off.ts';
import type { Successor } from '../model/successors.ts';
import { BARELY_NORM_DOA, MANY_OWN_CHANGES, type TakeOverCandidate } from '../model/take-over.ts';
import { day, plural } from './format.ts';

// The handoff document's wording that several of its sections share: how well someone knows the
// files, who else is named, the recent window, the figures with the other departures.

/** The span of the recent commits, and whether not all of them were read. */
export interface Lately {
  span: string;
  truncated: boolean;
}

/** "16 commits in the last 90 days"; "16+" when the commits were read in part (the count is a floor). */
export function commitsLately(commits: number, lately: Lately): string {
  return `${lately.truncated ? `${commits}+ commits` : plural(commits, 'commit')} in the ${lately.span}`;
}

/** "last 90 days", or for an old clone "90 days before its last commit (2026-08-22)". */
export function recentSpan(report: HandoffReport): string {
  return report.recentBefore ? `${report.recentDays} days up to the revision’s last commit (${report.recentBefore})` : `last ${report.recentDays} days`;
}

/**
 * How well they know those files, in parts that add up to them: "2 ok, 30 weak, 8 barely known",
 * "all weak"; a single file: "ok", "weak", "barely known". "Barely known" (normDOA below 0.1) is
 * said apart from "weak": the checklist plans a transfer for those, not a walk-through.
 */
export function strengths(c: TakeOverCandidate): string {
  // Files where their only changes were sweeps or reorganisations are no knowledge, ok or weak:
  // counted apart (spring-boot: "13 ok, 230 weak" for someone whose only change to 168 of them was
  // a directory move or a copyright sweep; an EM test).
  const bulkWeak = c.bulkOnly - c.bulkOnlyOk;
  const parts = [
    { count: c.ok - c.bulkOnlyOk, word: 'ok' },
    { count: c.weak - c.barely - (bulkWeak - c.bulkOnlyBarely), word: 'weak' },
    { count: c.barely - c.bulkOnlyBarely, word: 'barely known' },
    { count: c.bulkOnly, word: c.bulkOnly === 1 && c.files === 1 ? 'only through a sweep or a reorganisation' : 'only through sweeps or reorganisations' },
  ].filter((part) => part.count > 0);
  const oneOff = c.oneOff ? '; a one-off contributor' : '';
  if (parts.length === 1) return `${c.files === 1 ? '' : 'all '}${parts[0]?.word}${oneOff}`;
  return `${parts.map((part) => `${part.count} ${part.word}`).join(', ')}${oneOff}`;
}

/**
 * The first `shown` people, described, then the rest in one part, "2 more people on 14" (their
 * files): the take-over lines of the summary and of an area, and the co-author credit line.
 */
export function peopleWithMore<T extends { files: number }>(people: readonly T[], shown: number, describe: (person: T, index: number) => string): string[] {
  const named = people.slice(0, shown).map((person, index) => describe(person, index));
  const rest = people.slice(shown);
  if (rest.length > 0) named.push(`${plural(rest.length, 'more person', 'more people')} on ${rest.reduce((sum, person) => sum + person.files, 0)}`);
  return named;
}

/** "a one-off contributor: 1 commit in the whole history, on 2019-12-18". */
export function oneOffText(oneOff: OneOff): string {
  return `a one-off contributor: ${oneOffWords(oneOff)}`;
}

/** Whether a successor made MANY_OWN_CHANGES or more changes of their own (not in bulk commits). */
export function manyOwnChanges(s: Successor): boolean {
  return s.commits - (s.bulk ?? 0) >= MANY_OWN_CHANGES;
}

/** "388 of its 9694 changes". */
export function relativeWork(file: HandoffFile): string {
  return `${file.successor?.commits ?? 0} of its ${file.events} changes`;
}

/**
 * Who made the changes a weak successor did not: "Zoltan Kochan made 170, others 16". "Others made
 * far more" hid that the others were mostly the person leaving (pnpm, a first-time user).
 */
export function theirWork(file: HandoffFile, who: string): string {
  const others = file.events - (file.successor?.commits ?? 0) - file.commits;
  return others > 0 ? `${who} made ${file.commits}, others ${others}` : `${who} made ${file.commits}`;
}

/**
 * A successor's normDOA as the table and the checklist both print it: two decimals, or more where
 * two would round it onto the "barely knows it" floor (0.0999 read "0.1", the floor it is below: a
 * review); the checklist had rounded down and the table not (0.08 and 0.09 for one successor, a
 * tester on commons-lang).
 */
export function normDoaText(value: number): string {
  return fixedApart(value, BARELY_NORM_DOA, 2)[0];
}

/**
 * " (→ 0 with the other departures)" after a figure without them alone, when the others change it:
 * "(→ 1 with the other departures)" beside an unchanged 1 read as if they mattered (a re-test).
 */
export function withOthers(alone: number, all: number | undefined): string {
  return all !== undefined && all !== alone ? ` (→ ${all} with the other departures)` : '';
}

/**
 * "shared only with inactive developers", or with others leaving "… or others leaving": the files
 * that need a new owner though others author them (HandoffFile.noActiveAuthorLeft).
 */
export function sharedOnlyWords(othersLeaving: boolean): string {
  return othersLeaving ? 'shared only with inactive developers or others leaving' : 'shared only with inactive developers';
}

/** "Ada", or "Ada and the others leaving" when others leave: nobody active would author … after them. */
export function afterWhom(report: HandoffReport, who: string): string {
  return report.alsoLeaving.length > 0 ? `${who} and the others leaving` : who;
}

/** The first `max` items, and how many more: "a, b and 3 more". */
export function firstOf(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** Whether the person's last day has passed by the figures' date ("left on", "without them"). */
export function hasLeft(report: HandoffReport): boolean {
  return report.person.date !== undefined && report.person.date < day(report.repository.referenceDate);
}
