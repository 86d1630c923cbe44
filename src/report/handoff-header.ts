import { staleRevision } from '../model/analysis-date.ts';
import { AUTOMATED_WINDOW_DAYS, subjectsTogether } from '../model/automated-addresses.ts';
import { departureLabel } from '../model/critical-departures.ts';
import { olderThanWindow } from '../model/departures.ts';
import { NO_EMAIL } from '../model/distinct-names.ts';
import type { HandoffReport } from '../model/handoff.ts';
import { lastDayBeforeLastCommit } from '../model/resolve-departures.ts';
import { day, joinedByAnd, plural } from './format.ts';
import { mdCode, mdText } from './handoff-escape.ts';
import { hasLeft } from './handoff-words.ts';

// The handoff document's header, under its title: the repository and revision, what makes the
// figures partial or old, the person (and whether a machine commits as them), their last day, and
// who else is leaving.

/** The header's lines, under the document's title. */
export function headerSection(report: HandoffReport, who: string, name: (id: string) => string): string[] {
  const repo = report.repository;
  const repoName = repo.path.split(/[\\/]/).filter(Boolean).pop() ?? repo.path;
  const person = report.person;
  const lines = [
    `Repository ${mdCode(repoName)} at ${mdCode(repo.revision.slice(0, 12))} (${day(repo.revisionDate)}) · figures as of ${day(repo.referenceDate)}.`,
    ...(repo.shallowSince != null
      ? ['', `⚠️ This is a shallow clone: its history begins on ${repo.shallowSince}, so the figures count only the work since then, and people whose work is older are missing from it. \`git fetch --unshallow\` reads the whole history.`]
      : []),
    ...staleNote(report),
    '',
    // An identity with no email (git allows one) read "Person: X ()"; one whose name says so
    // already (distinct-names.ts) read "X (no email) (no email)".
    `Person: ${who}${person.emails.length > 0 ? ` (${person.emails.map((email) => mdCode(email)).join(', ')})` : person.name.endsWith(NO_EMAIL) ? '' : ` ${NO_EMAIL}`}, ${activity(person)}, author of ${plural(person.filesAuthored, 'analysed file')}.`,
    ...automatedNote(report, who),
  ];
  // Someone long gone read as if a walk-through were still possible (an EM test on httpd). In an old
  // clone everyone looks inactive (the stale note above says why): there, only someone who had
  // stopped long before its last commit (deno: 534 days).
  const stale = staleRevision(repo.revisionDate, repo.referenceDate);
  const since = stale ? repo.revisionDate : repo.referenceDate;
  const days = Math.floor((Date.parse(since) - Date.parse(person.lastCommit)) / 86_400_000);
  const limit = report.successorsActiveWithinDays;
  if (person.inactive && (!stale || (limit != null && days > limit))) {
    // The analysed revision's day, not "the clone's last commit", which under --until is another (express, a first-time user).
    const before = stale ? ` before the analysed revision (${day(repo.revisionDate)})` : '';
    // With no file of theirs there is no walk-through below to point at (pytest's fijal, a re-test).
    const advice =
      person.filesAuthored > 0
        ? 'What they knew may already be fading; where they are still reachable, the walk-through below is still worth doing, and otherwise each area needs someone to learn it from the code.'
        : 'They author no analysed file today: there is nothing of theirs to hand over from the code.';
    lines.push('', `**Inactive:** no commit for ${plural(days, 'day')}${before} (more than ${limit} days). ${advice}`);
  } else if (person.inactive && stale && limit != null && stale.exact <= limit) {
    // Inactive as of the figures' date only because the clone is old: the JSON said inactive and the
    // document nothing (an EM test on jest, a clone 107 days old). Successors are judged the same way.
    const sinceToday = Math.floor((Date.parse(repo.referenceDate) - Date.parse(person.lastCommit)) / 86_400_000);
    lines.push('', `**Inactive as of ${day(repo.referenceDate)}:** no commit for ${plural(sinceToday, 'day')} (more than ${limit} days), of which ${plural(stale.days, 'day')} are after the analysed revision's day; successors are judged as of ${day(repo.referenceDate)} too. \`--until ${stale.day}\` judges both as of the analysed revision's day.`);
  }
  // A last day before their own last commit (a mistyped year) is taken as written; said here too, as
  // the warning went to stderr only (-q and -o hid it: an EM test).
  // Judged as the stderr warning judges it.
  if (person.date && lastDayBeforeLastCommit(person.date, person.lastCommit)) {
    lines.push('', `⚠️ Their last day (${person.date}) is before their last commit (${day(person.lastCommit)}): check the date.`);
  }
  if (person.date || person.note) {
    // The config's date is a last day (README): "last day 2025-06-30", or "left on" once it has passed.
    const gone = hasLeft(report);
    const when = person.date ? (gone ? ` on ${person.date}` : `; last day ${person.date}`) : '';
    lines.push('', `${gone ? 'Left' : 'Leaving'}${when}${person.note ? ` (${mdText(person.note)})` : ''}.`);
  }
  if (report.alsoLeaving.length > 0) {
    // A last day before the figures' date has passed: "(left …)", not a date to come (a re-test on vuejs/core).
    const today = report.repository.referenceDate.slice(0, 10);
    const others = report.alsoLeaving.map((d) => departureLabel({ name: name(d.id), date: d.date }, today)).join(', ');
    lines.push('', `Also leaving: ${others}. They are not counted as successors.`);
  }
  return lines;
}

/**
 * Their addresses a machine seems to commit under (report.automatedAddresses), with the config line
 * that would leave them out; the figures are left as the model has them. laravel: Taylor Otwell's
 * no-reply addresses carried 920 workflow commits, and his biggest area listed 29 facade stubs the
 * workflow rewrites before Str.php (first-time users).
 */
function automatedNote(report: HandoffReport, who: string): string[] {
  const addresses = report.automatedAddresses;
  if (addresses.length === 0) return [];
  const commits = addresses.reduce((sum, address) => sum + address.commits, 0);
  const repeated = addresses.reduce((sum, address) => sum + address.repeatedCommits, 0);
  const subjects = subjectsTogether(addresses).map((s) => `${mdText(s.subject, 60)} ${s.commits}`);
  const bots = `bots: [${addresses.map((address) => JSON.stringify(address.email)).join(', ')}]`;
  return [
    '',
    `⚠️ ${repeated} of the ${plural(commits, 'commit')} of the last ${AUTOMATED_WINDOW_DAYS / 365} years under ${joinedByAnd(addresses.map((address) => mdCode(address.email)))} repeat ${plural(subjects.length, 'subject')} (${subjects.join(', ')}): they look automated (a CI job committing as ${who}); if so, config ${mdCode(bots)} leaves them out. The figures below count them as ${who}’s work.`,
  ];
}

/**
 * "12 commits from 2021-05-08 to 2024-01-02"; someone credited only as a co-author read
 * "0 commits from 2021-05-08 to 2021-05-08".
 */
function activity(person: { commits: number; firstCommit: string; lastCommit: string }): string {
  const first = day(person.firstCommit);
  const last = day(person.lastCommit);
  const when = first === last ? `on ${first}` : `from ${first} to ${last}`;
  // "of their own": the tables' "Their commits" count co-authored ones too (numpy: 2036 in the header,
  // 162 + 8 co-authored on a file; an EM test).
  return person.commits === 0 ? `no commit of their own (credited as a co-author ${when})` : `${plural(person.commits, 'commit')} of their own ${when}`;
}

/**
 * An old clone or revision measured from today: nobody committed in the window successors need, so
 * every file read "no successor" with no word why (an EM test: 322 of 322 on httpd). Whether anyone
 * can be a successor goes by the developers' own commits (`nobodyActiveSince`), as scan's note does:
 * a merge made today moves the revision's date, and had hidden it.
 */
function staleNote(report: HandoffReport): string[] {
  const repo = report.repository;
  const stale = staleRevision(repo.revisionDate, repo.referenceDate);
  const limit = report.successorsActiveWithinDays;
  const none = report.nobodyActiveSince;
  if (none != null && limit != null) {
    const measured = stale ? ` (the figures are measured ${stale.days} days after the revision's last commit, ${stale.day})` : '';
    // `--until` helps only when the history itself is that old, not when they are the one active person left (a review).
    const until = olderThanWindow(none, repo.referenceDate, limit) ? ` \`--until ${none}\` measures from the last commit.` : '';
    return ['', `⚠️ Nobody who stays committed in the ${limit} days before ${repo.referenceDate.slice(0, 10)}, so nobody can be a successor${measured}.${until}`];
  }
  if (!stale) return [];
  return ['', `⚠️ The figures are measured ${stale.days} days after the revision's last commit (${stale.day}). \`--until ${stale.day}\` measures from that day.`];
}
