import { fixedApart } from '../model/apart.ts';
import { BULK_CHANGES } from '../model/authorship.ts';
import { staleRevision } from '../model/analysis-date.ts';
import { departureLabel } from '../model/critical-departures.ts';
import { NO_EMAIL } from '../model/distinct-names.ts';
import { olderThanWindow } from '../model/departures.ts';
import { isBulkOnly, type Successor } from '../model/successors.ts';
import { lastDayBeforeLastCommit } from '../model/resolve-departures.ts';
import type { HandoffReport } from '../model/handoff.ts';
import type { AreaTakeOverCandidate, HandoffArea } from '../model/handoff-areas.ts';
import type { ChecklistItem } from '../model/handoff-checklist.ts';
import type { FilesByCategory, HandoffFile } from '../model/handoff-files.ts';
import type { LowerTruckFactor } from '../model/handoff-truck-factor.ts';
import type { RecentGroup } from '../model/recent-work.ts';
import { FILE_CATEGORIES, type FileCategory } from '../model/module-category.ts';
import { BARELY_NORM_DOA, MANY_OWN_CHANGES, type TakeOver, type TakeOverCandidate } from '../model/take-over.ts';
import { CO_CHANGE_LISTED, CO_CHANGE_PARTNERS_LISTED, MAX_CHANGESET } from '../model/handoff-co-change.ts';
import { day, joinedByAnd, percent, plural } from './format.ts';
import { mdCode, mdTable, mdText } from './handoff-escape.ts';
import { rowsWithin } from '../model/rows.ts';
import { SMALL_MODULE_FILES } from '../model/modules.ts';
import { AUTOMATED_WINDOW_DAYS, subjectsTogether } from '../model/automated-addresses.ts';
import { fadingLabel } from '../model/fading.ts';
import { ONE_OFF_DEFINITION, oneOffWords, type OneOff } from '../model/one-off.ts';
import { COMPARABLE_DOA_SHARE } from '../model/successors.ts';

// The handoff document (`talentrisk handoff <who>`), GitHub-flavoured markdown. Every string from
// git goes through mdText or mdCode (./handoff-escape.ts) and never starts a block.

/** Files listed per area; the JSON output has them all. */
export const MAX_FILES_PER_AREA = 30;
/** Areas (modules) written out; the rest are counted. vite's top author had ~150: 2,244 lines, 244 KB. */
export const MAX_AREAS = 25;
/** Modules named in one summary line. */
const MAX_SUMMARY_MODULES = 8;
const MAX_RECENT = 30;
const MAX_COMMIT_FILES = 5;
/** Other commit ids named beside a subject made several times. */
const MAX_GROUP_IDS = 3;
/** Take-over candidates named in the summary, and in an area. */
const SUMMARY_CANDIDATES = 3;
const AREA_CANDIDATES = 2;

export function renderHandoffMarkdown(report: HandoffReport): string {
  const name = (id: string) => mdText(report.names[id] ?? id);
  // Someone named beside a file who has stopped committing: "shared with Paul" read as a possible
  // handover next to "no successor" (an EM test on jest; Paul was inactive since 2023).
  const inactive = new Set(report.inactive);
  const named = (id: string) => `${name(id)}${inactive.has(id) && id !== report.person.id ? ' (inactive)' : ''}`;
  const who = name(report.person.id);
  // The recent window, as the areas' and the checklist's "most active here lately" count it.
  const lately: Lately = { span: recentSpan(report), truncated: report.recentTruncated };
  const out: string[] = [];
  out.push('<!-- Written by talentrisk handoff from the git history. Edit it freely: it is a starting point. -->');
  out.push(`# Handoff: ${who}`);
  out.push('');
  out.push(...header(report, who, name));
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(...summary(report, who));
  out.push('');
  out.push('## Areas');
  out.push('');
  if (report.areas.length === 0 && report.repository.shallowSince != null) {
    // Not "nothing to hand over": a CI checkout of depth 1 said it of flask's maintainer (a tester).
    out.push(`The fetched history is too short to tell what ${who} knows: this shallow clone's history begins on ${report.repository.shallowSince}, and ${who} is the author of no analysed file in it. Fetch the whole history (\`git fetch --unshallow\`; actions/checkout: \`fetch-depth: 0\`) and run the handoff again.`);
  } else if (report.areas.length === 0) {
    out.push(`Nothing to hand over from the code: ${who} is not an author of any analysed file (\`talentrisk explain <file>\` shows the figures of one file).`);
  } else {
    const active = report.successorsActiveWithinDays != null ? ` and committed in the last ${report.successorsActiveWithinDays} days` : '';
    out.push(`Ranked by what their own departure costs: critical systems first, code before tests, fixtures, examples, docs and modules of fewer than ${SMALL_MODULE_FILES} files (but for one that ${who} leaves with no author and whose files were changed at least as often as an average module’s), then the modules whose truck factor falls to 0 without ${who} (fewer than half of their files keep an author), then the module’s truck-factor drop, then the files only ${who} knows, then their most recent change. In an area, the files nobody active would author after ${afterWhom(report, who)} first, code before docs, changelogs and images. Successor: of the people who stay${active}, the one with the highest DOA on the file. ⚠️ marks a file of a critical system.`);
    const written = writtenAreas(report);
    for (const area of written) out.push('', ...renderArea(area, who, named, report.successorsActiveWithinDays != null, report.alsoLeaving.length > 0, report.fading, lately));
    const rest = report.areas.filter((area) => !written.includes(area));
    if (rest.length > 0) {
      const files = rest.reduce((sum, area) => sum + area.files.length, 0);
      const sole = rest.reduce((sum, area) => sum + area.files.filter((file) => file.status === 'sole').length, 0);
      out.push('', `… and ${plural(rest.length, 'more area')} with ${plural(files, 'file')} ${who} authors (${sole} only they know), ranked lower: \`--format json\` lists them all.`);
    }
  }
  if (report.alsoWorkedOn.length > 0) {
    out.push('', `## Also worked on (not an author)`, '');
    // "Their commits" read 47 … 8, 2, 180 with CHANGES.rst last on purpose, as a sorting bug (flask, a tester).
    const tiers = new Set(report.alsoWorkedOn.map((file) => file.tier));
    const order = tiers.size > 1 ? ` ${report.alsoWorkedOn.some((file) => file.keeper) ? 'After the files they keep, code' : 'Code'} comes first, then docs, licences and settings, then changelogs, release manifests and test fixtures, then images and empty files; by their commits within each.` : '';
    out.push(`The files ${who} changed most without being one of their authors: where they know parts of what others own.${order}`, '');
    if (report.alsoWorkedOn.some((file) => file.keeper)) {
      out.push(`**Kept by ${who}**: every author is inactive or leaving, and nobody active changed the file more; they come first.`, '');
    }
    out.push(
      mdTable(
        ['File', 'Their commits', 'Their last change', 'Authors'],
        report.alsoWorkedOn.map((file) => [
          mdCode(file.path, true),
          String(file.commits),
          day(file.lastChange),
          `${file.authors.length ? file.authors.map(named).join(', ') : 'no author'}${file.keeper ? ` · **kept by ${who}**` : ''}`,
        ]),
        ['left', 'right', 'left', 'left'],
      ),
    );
  }
  out.push('');
  out.push('## Changed together');
  out.push('');
  out.push(...coChange(report, named));
  out.push('');
  out.push(`## ${who}’s commits of the ${recentSpan(report)} in these areas`);
  out.push('');
  out.push(...recent(report, who));
  out.push('');
  out.push('## Checklist');
  out.push('');
  const fileAt = new Map(report.areas.flatMap((area) => area.files.map((file) => [file.path, file])));
  const othersLeaving = report.alsoLeaving.length > 0;
  out.push(...report.checklist.map((item) => `- [ ] ${checklistLine(item, who, name, report.successorsActiveWithinDays != null, fileAt, othersLeaving, lately)}`));
  out.push('');
  out.push('---');
  out.push('');
  out.push(
    `*How to read this.* An author of a file is someone whose Degree of Authorship (DOA, from who created the file and how many changes each person made) is above 75% of the file’s highest and not outweighed by others’ changes. normDOA is a person’s DOA divided by the file’s highest. “Their commits” on a file count those they authored or co-authored. A weak successor has a normDOA below ${report.weakSuccessorThreshold} (they know less than half of what its main author knows) or a DOA below ${report.weakSuccessorDoaFloor}, the least an author of any file has (a drive-by change, however little its main author did).${report.areas.some((area) => area.files.some((file) => file.recentSuccessor)) ? ' Beside a weak successor, *more recent* names who stays, is active and knows the file best today (the highest DOA with knowledge fading over time, a talentrisk extension), when that is someone else who changed it since.' : ''}${report.summary.bulkOnlySuccessor > 0 ? ` The document says when a successor’s only changes to a file were sweeps or reorganisations (commits that change or move ${BULK_CHANGES} files or more: license headers, a directory move): the figures count those changes, but the successor did not work on the file${report.areas.some((area) => area.files.some((file) => file.handsOnSuccessor)) ? '; *hands-on* names who stays, is active and has the highest DOA among those who created the file or changed it otherwise (a talentrisk extension)' : ''}.` : ''}${oneOffNamed(report) ? ` A *one-off contributor* has made ${ONE_OFF_DEFINITION} (one contribution; a talentrisk extension): the figures may make them a successor, but one contribution is little to take code over with. Between equal DOAs the successor is someone else; beside one, *hands-on* names who stays, is active, changed the file themselves and has at least ${COMPARABLE_DOA_SHARE} of their DOA.` : ''}${report.areas.some((area) => mostActiveShown(area)) ? ` *Most active here lately* names who stays and made the most commits to the module’s files in the ${recentSpan(report)} (a talentrisk extension): who works there now, which the history of the files cannot say.` : ''}${report.summary.coAuthorCredit?.files ? ` *An author only by co-author credit* marks a file ${who} authors only through Co-authored-by trailers on others’ commits (GitHub adds one for whoever pushes to a pull request before squash-merging it): the figures count that credit, as the model does, but with co-authors left out (\`model.coAuthors: false\`) ${who} would not be one of its authors; the names after it are who would be.` : ''} The truck factor is how many people would have to leave before fewer than half of the files have an author. Definitions: docs/metrics.md.`,
  );
  return `${out.join('\n')}\n`;
}

function header(report: HandoffReport, who: string, name: (id: string) => string): string[] {
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
    const before = stale ? ` before the clone's last commit (${day(repo.revisionDate)})` : '';
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
    lines.push('', `**Inactive as of ${day(repo.referenceDate)}:** no commit for ${plural(sinceToday, 'day')} (more than ${limit} days), of which ${plural(stale.days, 'day')} are after this clone's last commit; successors are judged as of that date too. \`--until ${stale.day}\` judges both as of the clone's last commit.`);
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

function summary(report: HandoffReport, who: string): string[] {
  const s = report.summary;
  const lines: string[] = [];
  const modules = (list: readonly string[]) => firstOf(list.map((m) => mdCode(m)), MAX_SUMMARY_MODULES);
  lines.push(`- **Only author** of ${plural(s.soleFiles, 'file')}${s.soleModules.length ? `; the only author of every authored file in ${modules(s.soleModules)}` : ''}.`);
  // Shared only with inactive people is no sharing for whoever takes over: said beside the figure,
  // which counts them as authors (flask: David Lord shared 63 files, every one with people gone for years).
  const inactiveOnly = sharedWithNobodyActive(report);
  lines.push(`- **Shares** ${plural(s.sharedFiles, 'file')} with other authors${s.sharedModules.length ? ` (in ${modules(s.sharedModules)})` : ''}${inactiveOnly}.`);
  const coAuthors = coAuthorCreditLine(report, who);
  if (coAuthors) lines.push(coAuthors);
  if (s.criticalSystems.length === 0) {
    // "none" read as a finding where the config names no system at all.
    lines.push(s.criticalSystemsConfigured === 0 ? '- **Critical systems affected:** none configured (`critical:` in .talentrisk.yml names them).' : '- **Critical systems affected:** none.');
  } else {
    lines.push('- **Critical systems affected:**');
    for (const system of s.criticalSystems) {
      const below = system.busFactorAfter < system.minOwners;
      const already = system.busFactorBefore < system.minOwners;
      const all = system.busFactorAfterAll;
      const belowAll = !below && all !== undefined && all < system.minOwners;
      lines.push(
        `  - **${mdText(system.name)}**: bus factor ${system.busFactorBefore} → ${system.busFactorAfter}${withOthers(system.busFactorAfter, all)} (needs ${system.minOwners})${below ? (already ? ' ⚠️ already below the rule' : ' ⚠️ below the rule') : belowAll ? ' ⚠️ below the rule with the other departures' : ''}; ${who} authors ${system.theirFiles} of its ${plural(system.files, 'file')}, ${system.soleFiles} alone.`,
      );
    }
  }
  const tf = s.truckFactor;
  // A last day that has passed: "without them", not "if they leave" (someone gone since 2015).
  lines.push(`- **Truck factor:** ${tf.before} → ${tf.afterThem} ${hasLeft(report) ? `without ${who}` : `if ${who} leaves`}${withOthers(tf.afterThem, tf.afterAll)}.`);
  if (tf.rank !== undefined) {
    // Not the margin: the greedy method counts them, so the figure falls with them (tokio: Carl
    // Lerche, the first of 7, read "sits on the method's line"; first-time users).
    const falls = tf.afterThem < tf.before ? `, so losing ${who} lowers it` : '';
    const place = tf.before === 1 ? 'the one person whose departure leaves fewer than half of the files with an author' : `#${tf.rank} of its ${tf.before} people (its top authors, removed one after another until fewer than half of the files have an author)`;
    lines.push(`  The truck factor counts ${who}: ${place}${falls}.`);
  } else if (tf.whyLower !== undefined) {
    lines.push(`  ${whyLower(tf.whyLower, tf.before, who, report.person.filesAuthored)}`);
  } else if (tf.thinMargin !== undefined) {
    lines.push(
      `  The figure sits on the method's line: ${tf.before > 2 ? `without its first ${tf.before - 1} people, ` : tf.before === 2 ? 'without its first person, ' : 'even now, '}only ${percent(tf.thinMargin, 1)} of the files keep an author (it counts on until fewer than half do), so a few files losing an author with ${who} lower it.`,
    );
  }
  lines.push(
    // The successor counts are over all their files, shared ones too (whose other authors may have
    // stopped committing), so the line says so: read after "no author", they looked like a part of those.
    // With others leaving, files they share with them end with no author too: said (an EM test).
    // "of theirs": with others leaving, 97 read as the repository's count (354 there; an EM test).
    // "(with the other departures)" only when they add to it: "7 files (with the other departures)"
    // read as if the others were needed, when edison alone left the 7 (vuejs/core).
    `- **Left with no author:** ${s.orphanedFilesAlone !== s.orphanedFiles ? `${plural(s.orphanedFilesAlone, 'file')} of theirs (${s.orphanedFiles} with the other departures)` : `${plural(s.orphanedFiles, 'file')} of theirs`} · of the ${plural(report.person.filesAuthored, 'file')} ${who} authors, **no successor** for ${s.noSuccessor}${inParentheses(categoryParts(s.noSuccessorByCategory))} and a **weak successor** for ${s.weakSuccessor} (normDOA below ${report.weakSuccessorThreshold} or DOA below ${report.weakSuccessorDoaFloor})${s.bulkOnlySuccessor > 0 ? `; on ${s.bulkOnlySuccessor} the successor’s only changes were sweeps or reorganisations of ${BULK_CHANGES}+ files${bulkOnlyParts(s)}` : ''}.`,
  );
  if (s.noActiveAuthorLeft > s.orphanedFiles && report.successorsActiveWithinDays != null) {
    lines.push(
      `- **Left with no active author:** ${plural(s.noActiveAuthorLeft, 'file')} of theirs${inParentheses(categoryParts(s.noActiveAuthorLeftByCategory))}: after ${who}${report.alsoLeaving.length > 0 ? ' and the other departures' : ''}, nobody who committed in the last ${report.successorsActiveWithinDays} days authors them (the figures above count inactive developers as authors).`,
    );
  }
  const takeOver = summaryTakeOver(s.takeOver, afterWhom(report, who), (id) => mdText(report.names[id] ?? id), report.successorsActiveWithinDays != null, categoryParts(s.noSuccessorByCategory));
  if (takeOver) lines.push(takeOver);
  return lines;
}

/**
 * Why the truck factor falls without someone it does not count, whatever the margin (helm: "4 → 3"
 * for Michelle Noorali, 29 of 978 files, said nothing at 52.04%, just above THIN_MARGIN; a tester).
 */
function whyLower(why: LowerTruckFactor, before: number, who: string, filesAuthored: number): string {
  // Enough digits that the two shares differ and the second does not read as half (50.0%).
  const digits = [1, 2, 3].find((d) => percent(why.coverageWithoutThem, d) !== percent(0.5, d) && percent(why.coverage, d) !== percent(why.coverageWithoutThem, d)) ?? 3;
  const k = why.people;
  const now = k === 0 ? `${percent(why.coverage, digits)} of the files have an author` : `without its first ${k === 1 ? 'person' : `${k} people`}, ${percent(why.coverage, digits)} of the files keep an author`;
  const theirs = why.theirFiles === filesAuthored ? `${why.theirFiles === 1 ? 'the file' : `all ${why.theirFiles} files`} ${who} authors` : `${why.theirFiles} of the ${plural(filesAuthored, 'file')} ${who} authors`;
  return `${who} is not one of the ${plural(before, 'person', 'people')} it counts, but ${now}, and ${theirs} ${why.theirFiles === 1 ? 'has' : 'have'} no other author${k > 0 ? ' then' : ''}: without ${why.theirFiles === 1 ? 'it' : 'them'} ${percent(why.coverageWithoutThem, digits)} do, fewer than half, so it ${k > 0 ? `stops at ${k}` : 'falls to 0'}.`;
}

/**
 * "Who could take over": the few people who are the successor of most of their files that need a
 * new owner, with counts. hugo's handoff of bep never said that Joe Mooring was the successor on
 * 287 of the 1108 files only bep would author (a tester).
 */
function summaryTakeOver(takeOver: TakeOver, afterThem: string, name: (id: string) => string, activeOnly: boolean, noSuccessorParts: string): string | undefined {
  if (takeOver.files === 0) return undefined;
  const active = activeOnly ? ' active' : '';
  const files = `${plural(takeOver.files, 'file')} nobody${active} would author after ${afterThem}`;
  // With no candidate, the files with no successor are all of them.
  if (takeOver.candidates.length === 0) return `- **Who could take over:** nobody${active} who stays has changed ${takeOver.files === 1 ? 'the' : 'any of the'} ${files}${inParentheses(noSuccessorParts)}: ${takeOver.files === 1 ? 'it needs' : 'each needs'} a knowledge transfer.`;
  const named = peopleWithMore(takeOver.candidates, SUMMARY_CANDIDATES, (c) => `${name(c.id)} on ${c.files} (${strengths(c)})`);
  const none = takeOver.noSuccessor > 0 ? `; nobody for ${takeOver.noSuccessor} (${noSuccessorParts ? `${noSuccessorParts}; ` : ''}no one${active} who stays has changed ${takeOver.noSuccessor === 1 ? 'it' : 'them'})` : '';
  return `- **Who could take over:** of the ${files}, the successor is ${joinedByAnd(named)}${none}.`;
}

const CATEGORY_WORDS: Record<FileCategory, [one: string, many: string]> = {
  code: ['code file', 'code files'],
  tests: ['test file or fixture', 'test files and fixtures'],
  examples: ['example', 'examples'],
  docs: ['documentation file', 'documentation files'],
  settings: ['editor settings file', 'editor settings files'],
};

/**
 * What files counted in a summary line are for, by their folder, when some are not code: "5 code
 * files, 95 test files and fixtures", "all test files and fixtures"; '' when all are code (helm:
 * "nobody for 100" of Adam Reese's files, 95 of them testdata fixtures; a tester).
 */
function categoryParts(counts: FilesByCategory): string {
  const present = FILE_CATEGORIES.filter((category) => counts[category] > 0);
  const [only] = present;
  if (only === undefined || (present.length === 1 && only === 'code')) return '';
  if (present.length === 1) return counts[only] === 1 ? `a ${CATEGORY_WORDS[only][0]}` : `all ${CATEGORY_WORDS[only][1]}`;
  return present.map((category) => plural(counts[category], ...CATEGORY_WORDS[category])).join(', ');
}

function inParentheses(text: string): string {
  return text ? ` (${text})` : '';
}

/**
 * How well they know those files, in parts that add up to them: "2 ok, 30 weak, 8 barely known",
 * "all weak"; a single file: "ok", "weak", "barely known". "Barely known" (normDOA below 0.1) is
 * said apart from "weak": the checklist plans a transfer for those, not a walk-through.
 */
function strengths(c: TakeOverCandidate): string {
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
function peopleWithMore<T extends { files: number }>(people: readonly T[], shown: number, describe: (person: T, index: number) => string): string[] {
  const named = people.slice(0, shown).map((person, index) => describe(person, index));
  const rest = people.slice(shown);
  if (rest.length > 0) named.push(`${plural(rest.length, 'more person', 'more people')} on ${rest.reduce((sum, person) => sum + person.files, 0)}`);
  return named;
}

/**
 * The area's "who could take over" line: its files nobody active would author after them, the
 * best-placed successors (with the module's files each authors already) and how many have none.
 */
function areaTakeOver(area: HandoffArea, afterThem: string, name: (id: string) => string, activeOnly: boolean): string | undefined {
  const takeOver = area.takeOver;
  if (takeOver.files === 0) return undefined;
  const active = activeOnly ? ' active' : '';
  const files = `the ${plural(takeOver.files, 'file')} nobody${active} would author after ${afterThem}`;
  if (takeOver.candidates.length === 0) {
    return `**Who could take over** ${files}: nobody${active} who stays has changed ${takeOver.files === 1 ? 'it; it needs' : 'them; each needs'} a knowledge transfer.`;
  }
  const describe = (c: AreaTakeOverCandidate, first: boolean) => {
    const authored = c.moduleFilesAuthored > 0 ? ` and author of ${plural(c.moduleFilesAuthored, 'other file')} of the module` : '';
    return `${name(c.id)}${first ? ', successor on' : ' on'} ${c.files} (${strengths(c)})${authored}`;
  };
  const named = peopleWithMore(takeOver.candidates, AREA_CANDIDATES, (c, index) => describe(c, index === 0));
  const none = takeOver.noSuccessor > 0 ? ` No successor for ${takeOver.noSuccessor}: nobody${active} who stays has changed ${takeOver.noSuccessor === 1 ? 'it' : 'them'}.` : '';
  return `**Who could take over** ${files}: ${named.join('; ')}.${none}`;
}

/**
 * The areas written out: the first MAX_AREAS, and any other the checklist names (a module to give
 * a new owner, a file to walk through), in the document's order. The checklist said "see the areas
 * above" of modules that ranked below the 25th (vite's top contributor: five of them).
 */
function writtenAreas(report: HandoffReport): HandoffArea[] {
  const named = new Set<string>();
  for (const item of report.checklist) {
    if (item.kind === 'owner-area') named.add(item.module);
    if (item.kind === 'transfer-file') named.add(item.path);
  }
  return report.areas.filter((area, index) => index < MAX_AREAS || named.has(area.module) || area.files.some((file) => named.has(file.path)));
}

function renderArea(area: HandoffArea, who: string, name: (id: string) => string, activeOnly: boolean, othersLeaving: boolean, fading: Readonly<Record<string, number>> = {}, lately?: Lately): string[] {
  const lines: string[] = [];
  const critical = area.critical.length ? ` · critical: ${area.critical.map((c) => mdText(c)).join(', ')}` : '';
  const sharedOnly = area.sharedOnlyWithInactive + area.sharedOnlyWithLeaving;
  const inactiveOnly = sharedOnly > 0 ? `, ${sharedOnly} ${sharedOnlyWords(othersLeaving)}` : '';
  lines.push(`### ${mdCode(area.module)}: ${plural(area.files.length, 'file')}, ${area.soleFiles} only ${who} knows${inactiveOnly}${critical}`);
  lines.push('');
  lines.push(
    `Module truck factor ${area.truckFactorBefore} → ${area.truckFactorAfter}${withOthers(area.truckFactorAfter, area.truckFactorAfterAll)} (${plural(area.moduleFiles, 'file')} in the module${area.leftWithNoAuthor ? `, ${area.moduleFiles === 1 ? 'which keeps no author' : 'none of which keeps an author'} without ${who}` : ''}). ${who} last changed something here on ${day(area.lastChange)}.${dropWithoutSoleFiles(area, who)}`,
  );
  lines.push('');
  const takeOver = areaTakeOver(area, othersLeaving ? `${who} and the others leaving` : who, name, activeOnly);
  if (takeOver) lines.push(`${takeOver}${lately && mostActiveShown(area) ? mostActiveSentence(area, name, lately) : ''}`, '');
  const shown = rowsWithin(area.files, MAX_FILES_PER_AREA);
  lines.push(
    mdTable(
      ['File', 'Their last change', 'Their commits', 'Successor', 'Evidence'],
      shown.map((file) => [
        `${mdCode(file.path, true)}${file.critical.length ? ' ⚠️' : ''}${file.status === 'shared' ? ` (shared with ${sharedWith(file.otherAuthors.map(name), file.othersLeaving.map(name))})` : ''}${coAuthorOnlyMark(file, name)}`,
        day(file.lastChange),
        String(file.commits),
        successorCell(file, name, fading),
        evidence(file, activeOnly),
      ]),
      ['left', 'left', 'right', 'left', 'left'],
    ),
  );
  if (area.files.length > shown.length) lines.push('', `… and ${plural(area.files.length - shown.length, 'more file')} (\`--format json\` lists them all).`);
  return lines;
}

/**
 * " · *an author only by co-author credit* (without it: Bob, Carol and Dave)": a file they author only through
 * Co-authored-by trailers on others' commits, as the successor cell says "sweeps or
 * reorganisations" of a successor who only swept it (laravel: 820 of Taylor Otwell's files; a review).
 */
function coAuthorOnlyMark(file: HandoffFile, name: (id: string) => string): string {
  const without = file.authorsWithoutCoAuthors;
  if (!without) return '';
  // Shared, and its other authors stay its authors alone: not named twice in one cell (laravel's Pipe.php).
  const others = [...file.otherAuthors, ...file.othersLeaving];
  if (without.length > 0 && without.length === others.length && without.every((id) => others.includes(id))) return ' · *an author only by co-author credit* (without it: its other authors alone)';
  return ` · *an author only by co-author credit* (without it: ${without.length > 0 ? firstOf(without.map(name), 3) : 'no author'})`;
}

/**
 * How many of their files, and of those only they know, are theirs only through Co-authored-by
 * trailers on others' commits, and what the latter would be without: laravel's handoff said "only
 * author of 1034 files" of Taylor Otwell, many of them his only through trailers GitHub adds for
 * the maintainer who pushes to a pull request before squash-merging it (a review). Only when that
 * is many (HandoffCoAuthorCredit.many), as scan's note.
 */
function coAuthorCreditLine(report: HandoffReport, who: string): string | undefined {
  const credit = report.summary.coAuthorCredit;
  if (!credit?.many) return undefined;
  const name = (id: string) => mdText(report.names[id] ?? id);
  const commits = credit.commits > 0 ? `${plural(credit.commits, 'commit')} of others credit${credit.commits === 1 ? 's' : ''} them as a co-author; ` : '';
  const head = `- **Co-author credit:** ${credit.files} of the ${plural(report.person.filesAuthored, 'file')} ${who} authors are theirs only through Co-authored-by trailers on others’ commits (${commits}GitHub adds one for whoever pushes to a pull request before squash-merging it)`;
  const s = report.summary;
  const sole = credit.soleFiles === 0 ? `none of them among the ${plural(s.soleFiles, 'file')} only they know` : `among them ${credit.soleFiles === s.soleFiles ? (s.soleFiles === 1 ? 'the one file' : `all ${s.soleFiles} files`) : `${credit.soleFiles} of the ${plural(s.soleFiles, 'file')}`} only they know`;
  // The files that need a new owner, as the summary's "left with no active author" counts them
  // (laravel: 361 of Taylor Otwell's 1469, 350 of them shared only with inactive developers).
  const noActive =
    report.successorsActiveWithinDays != null && s.noActiveAuthorLeft > s.soleFiles
      ? `${credit.soleFiles === 0 ? ',' : ' and'} ${credit.noActiveAuthorLeft} of the ${plural(s.noActiveAuthorLeft, 'file')} nobody active would author after ${afterWhom(report, who)}`
      : credit.files > credit.soleFiles
        ? ` (the other ${credit.files - credit.soleFiles} they share with other authors)`
        : '';
  if (credit.soleFiles === 0) return `${head}, ${sole}${noActive}. The figures count them, as the model does; the file lists below mark them *an author only by co-author credit*.`;
  const one = credit.soleFiles === 1;
  const named = peopleWithMore(credit.authorsInstead, SUMMARY_CANDIDATES, (a) => (one ? name(a.id) : `${name(a.id)} on ${a.files}`));
  const whom = named.length > 0 ? ` (${joinedByAnd(named)})` : '';
  const instead = one
    ? credit.soleWithNoAuthor === 0
      ? `it would have another author${whom}`
      : 'it would have no author'
    : credit.soleWithNoAuthor === 0
      ? `each of the ${credit.soleFiles} only they know would have another author${whom}`
      : credit.soleWithOtherAuthor === 0
        ? `none of the ${credit.soleFiles} only they know would have an author`
        : `${credit.soleWithOtherAuthor} of the ${credit.soleFiles} only they know would have another author${whom} and ${credit.soleWithNoAuthor} none`;
  return `${head}, ${sole}${noActive}. The figures count them, as the model does; with co-authors left out (\`model.coAuthors: false\`) ${instead}. The file lists below mark them *an author only by co-author credit*.`;
}

/**
 * Why the truck factor drops when they know no file alone: a drop beside "0 only they know" read as
 * a mistake (an EM test). The truck factor counts departures that orphan most files, and files
 * they share lose an author with them.
 */
function dropWithoutSoleFiles(area: HandoffArea, who: string): string {
  if (area.soleFiles > 0 || area.truckFactorAfter >= area.truckFactorBefore || area.truckFactorAfter === 0) return '';
  // "X is the only author of none of its files" read awkwardly (flask, a tester).
  const more = area.truckFactorAfter === 1 ? 'one more departure' : `${area.truckFactorAfter} more departures`;
  return ` No file of it is ${who}’s alone, but ${who} shares enough of them that its truck factor drops from ${area.truckFactorBefore} to ${area.truckFactorAfter} without ${who}: ${more} would leave most of its files with no author.`;
}

function successorCell(file: HandoffFile, name: (id: string) => string, fading: Readonly<Record<string, number>>): string {
  if (!file.successor) return '**no successor — knowledge transfer needed**';
  // A successor fading out is said so, as scan says it: redis's artix looked as strong as anyone.
  // Inside the cell's one parenthesis, first: "Dave (last commit 347 days ago; weak: walk through it together)".
  const days = fading[file.successor.id];
  const name0 = name(file.successor.id);
  const who = days === undefined ? name0 : `${name0} (${fadingLabel(days)})`;
  const open = days === undefined ? `${name0} (` : `${name0} (${fadingLabel(days)}; `;
  const tag = file.strength === 'author' ? 'also an author; ' : file.strength === 'weak' ? 'weak; ' : '';
  if (isBulkOnly(file.successor)) {
    // The figures make them the successor, or an author, through commits of hundreds of files:
    // spring-boot's Phillip Webb, by a directory move and a copyright sweep (an EM test).
    const oneOff = file.successor.oneOff ? `; ${oneOffText(file.successor.oneOff)}` : '';
    return `${open}${tag}${bulkOnlyWords(file.successor)}${oneOff})${handsOn(file, name)}${moreRecent(file, name)}`;
  }
  if (file.successor.oneOff) {
    // One contribution is little to walk through a file with: helm's pkg/chart/dependency.go read
    // "Josh Soref (weak: walk through it together)", his one commit a spelling fix of 31 files (a first-time user).
    const barely = file.strength === 'weak' && file.successor.normDoa < BARELY_NORM_DOA;
    const words = barely ? `barely knows it, and is ${oneOffText(file.successor.oneOff)}; plan a knowledge transfer` : `${tag}${oneOffText(file.successor.oneOff)}`;
    return `${open}${words})${handsOn(file, name)}${moreRecent(file, name)}`;
  }
  if (file.strength === 'weak' && manyOwnChanges(file.successor)) {
    // "Barely knows it" beside 388 commits read wrong to a manager: others made 9,306 changes
    // (spring-boot's dependency management file, normDOA 0.08; an EM test).
    return `${open}${relativeWork(file)}; others made far more: walk through it together)${moreRecent(file, name)}`;
  }
  switch (file.strength) {
    case 'author':
      return `${open}also an author)`;
    case 'ok':
      return who;
    default:
      // Nearly nothing: "walk through it together" sent a manager to someone who touched the core
      // runtime twice six years ago (normDOA 0.05; an EM test on jest).
      return (file.successor.normDoa < BARELY_NORM_DOA ? `${open}barely knows it: plan a knowledge transfer)` : `${open}weak: walk through it together)`) + moreRecent(file, name);
  }
}

/** Beside a weak successor, who changed the file more recently and knows it best now (extension). */
function moreRecent(file: HandoffFile, name: (id: string) => string): string {
  const r = file.recentSuccessor;
  // Named once when they are the hands-on successor too.
  if (!r || r.id === file.handsOnSuccessor?.id) return '';
  return `; more recent: ${name(r.id)} (${plural(r.commits, 'commit')}, last ${day(r.lastChange)})`;
}

/** Beside a successor whose changes were all sweeps: who changed the file themselves (extension). */
function handsOn(file: HandoffFile, name: (id: string) => string): string {
  const h = file.handsOnSuccessor;
  if (!h) return '';
  const recent = file.recentSuccessor?.id === h.id ? ', more recent too' : '';
  const oneOff = h.oneOff ? '; a one-off contributor' : '';
  return `; hands-on: ${name(h.id)} (${plural(h.commits, 'commit')}, last ${day(h.lastChange)}${recent}${oneOff})`;
}

/** The span of the recent commits, and whether not all of them were read. */
interface Lately {
  span: string;
  truncated: boolean;
}

/** "16 commits in the last 90 days"; "16+" when the commits were read in part (the count is a floor). */
function commitsLately(commits: number, lately: Lately): string {
  return `${lately.truncated ? `${commits}+ commits` : plural(commits, 'commit')} in the ${lately.span}`;
}

/**
 * After the take-over line: who stays and made the most commits to the module lately, a pointer
 * beside weak successors (helm's `cmd`: Marc Khouzam, 16 commits in the last 90 days, nobody's
 * successor; a first-time user). Said of the best placed when it is them.
 */
function mostActiveSentence(area: HandoffArea, name: (id: string) => string, lately: Lately): string {
  const active = area.mostActiveLately;
  if (!active) return '';
  if (active.id === area.takeOver.candidates[0]?.id) return ` ${name(active.id)} is also the most active here lately: ${commitsLately(active.commits, lately)}.`;
  return ` Most active here lately: ${name(active.id)} (${commitsLately(active.commits, lately)}).`;
}

/** "a one-off contributor: 1 commit in the whole history, on 2019-12-18". */
function oneOffText(oneOff: OneOff): string {
  return `a one-off contributor: ${oneOffWords(oneOff)}`;
}

/** Whether the document names a one-off contributor: a successor, a hands-on one, a take-over candidate. */
function oneOffNamed(report: HandoffReport): boolean {
  return report.areas.some((area) => area.takeOver.candidates.some((c) => c.oneOff) || area.files.some((file) => file.successor?.oneOff || file.handsOnSuccessor?.oneOff)) || report.summary.takeOver.candidates.some((c) => c.oneOff);
}

/**
 * Whether the area's take-over line names who is most active there lately: when one of the files
 * that need an owner has no successor, a weak one, or one who did not work on it themselves.
 */
function mostActiveShown(area: HandoffArea): boolean {
  if (!area.mostActiveLately || area.takeOver.files === 0) return false;
  return area.files.some((file) => file.noActiveAuthorLeft && (file.strength === 'none' || file.strength === 'weak' || (file.successor !== undefined && (isBulkOnly(file.successor) || file.successor.oneOff !== undefined))));
}

/** "their only change was a sweep or a reorganisation of N+ files" (N: BULK_CHANGES). */
function bulkOnlyWords(s: Successor): string {
  return s.dl === 1 ? `their only change was a sweep or a reorganisation of ${BULK_CHANGES}+ files` : `their only changes, ${s.dl}, were sweeps or reorganisations of ${BULK_CHANGES}+ files`;
}

/** Whether a successor made MANY_OWN_CHANGES or more changes of their own (not in bulk commits). */
function manyOwnChanges(s: Successor): boolean {
  return s.commits - (s.bulk ?? 0) >= MANY_OWN_CHANGES;
}

/** "388 of its 9694 changes". */
function relativeWork(file: HandoffFile): string {
  return `${file.successor?.commits ?? 0} of its ${file.events} changes`;
}

function evidence(file: HandoffFile, activeOnly: boolean): string {
  const s = file.successor;
  if (!s) return activeOnly ? 'nobody who stays and is active has changed it' : 'nobody who stays has changed it';
  // Some of them in sweeps: said, as their last change is often the sweep (spring-boot: 47 of
  // Phillip Webb's weak rows read "last change 2025-07-08", a directory move; an EM test).
  const bulk = s.bulk ?? 0;
  const swept = bulk > 0 && !isBulkOnly(s) ? ` (${bulk} in sweeps or reorganisations)` : '';
  return `DOA ${s.doa.toFixed(2)} (normDOA ${normDoaText(s.normDoa)}) · ${plural(s.commits, 'commit')}${swept} · last change ${day(s.lastChange)}`;
}

function coChange(report: HandoffReport, name: (id: string) => string): string[] {
  if (report.coChangeWindow === 0) return [report.coChangeIgnored > 0 ? `Not computed (every commit of the window, ${report.coChangeIgnored}, is listed in config ignoreRevs or is a git subtree squash).` : 'Not computed (no commit history was read).'];
  const ignored = report.coChangeIgnored > 0 ? `${plural(report.coChangeIgnored, 'commit')} of config ignoreRevs or git subtree squashes, ` : '';
  const intro = `In the last ${plural(report.coChangeWindow + report.coChangeIgnored, 'commit')} (${ignored}commits of bots the figures leave out, and of more than ${MAX_CHANGESET} files, ignored), files changed in at least half of the commits of one of theirs:`;
  if (report.coChange.length === 0) return [intro, '', 'none: their files change on their own.'];
  const lines = [intro, ''];
  const listed = rowsWithin(report.coChange, CO_CHANGE_LISTED);
  for (const entry of listed) {
    const partners = entry.partners.slice(0, CO_CHANGE_PARTNERS_LISTED).map((p) => {
      const whose = p.theirs ? 'theirs too' : p.owner ? `owner ${name(p.owner)}` : 'no author';
      return `${mdCode(p.path)} ${p.together}× (${percent(p.share)}, ${whose})`;
    });
    lines.push(`- ${mdCode(entry.path)} (${plural(entry.commits, 'commit')}): ${partners.join(', ')}`);
  }
  if (report.coChange.length > listed.length) lines.push('', `… and ${plural(report.coChange.length - listed.length, 'more file')} (\`--format json\`).`);
  return lines;
}

/** "last 90 days", or for an old clone "90 days before its last commit (2026-08-22)". */
function recentSpan(report: HandoffReport): string {
  return report.recentBefore ? `${report.recentDays} days up to the revision’s last commit (${report.recentBefore})` : `last ${report.recentDays} days`;
}

function recent(report: HandoffReport, who: string): string[] {
  const lines: string[] = [];
  if (report.recentCommits.length === 0) return [`None: ${who} made no commit in these areas in the ${recentSpan(report)}.`];
  const groups = report.recentGroups;
  const work = groups.filter((group) => !group.dependencyUpdate && !group.release);
  const releases = groups.filter((group) => group.release);
  const updates = groups.filter((group) => group.dependencyUpdate);
  const repeated = groups.some((group) => group.shas.length > 1);
  // spring-boot: 262 of 390 commits were "Upgrade to …", each made on up to three branches, and the
  // 30 lines listed were almost all version bumps (an EM test). Said when it applies.
  const after = [...(releases.length > 0 ? ['releases'] : []), ...(updates.length > 0 ? ['dependency updates'] : [])];
  const how = [
    ...(repeated ? ['commits with the same subject (the same change on several branches) are one line'] : []),
    ...(after.length > 0 && work.length > 0 ? [`${after.join(' and ')} come after the other work`] : []),
  ];
  if (how.length > 0) lines.push(`${capitalise(how.join('; '))}.`, '');
  const shownWork = work.slice(0, MAX_RECENT);
  lines.push(...shownWork.map(recentLine));
  // Version bumps of the project, one line: laravel's release workflow's "Update version to v13.26.1"
  // read as dependency updates (first-time users).
  if (releases.length > 0) {
    const commits = releases.reduce((sum, group) => sum + group.shas.length, 0);
    const newest = releases.slice(0, MAX_GROUP_IDS).map((group) => `${mdText(group.subject, 60)} (${day(group.time)})`);
    if (shownWork.length > 0) lines.push('');
    const which = releases.length === 1 ? `: ${newest[0]}` : `, the newest: ${newest.join('; ')}${releases.length > newest.length ? '; … (`--format json` lists them all)' : ''}`;
    lines.push(`Releases: ${plural(commits, 'commit')}${which}.`);
  }
  const room = MAX_RECENT - shownWork.length;
  const shownUpdates = updates.slice(0, room);
  if (updates.length > 0) {
    const commits = updates.reduce((sum, group) => sum + group.shas.length, 0);
    const intro = `Dependency updates: ${plural(commits, 'commit')}${commits !== updates.length ? ` (${plural(updates.length, 'subject')})` : ''}`;
    if (shownWork.length > 0) lines.push('');
    // Not listed: the newest few subjects still say what was moving (an upgrade may be half done).
    const newest = updates.slice(0, MAX_GROUP_IDS).map((group) => mdText(group.subject, 60));
    lines.push(shownUpdates.length > 0 ? `${intro}:` : `${intro}, the newest: ${newest.join('; ')}${updates.length > newest.length ? '; …' : ''} (\`--format json\` lists them all).`);
    if (shownUpdates.length > 0) lines.push('', ...shownUpdates.map(recentLine));
  }
  const notes: string[] = [];
  const unlisted = [...work.slice(shownWork.length), ...(shownUpdates.length > 0 ? updates.slice(shownUpdates.length) : [])];
  const more = unlisted.reduce((sum, group) => sum + group.shas.length, 0);
  // Commits, said so: the lines above are subjects (a re-test read "30 more" as 30 more lines).
  if (more > 0) notes.push(`${plural(more, 'more commit')}${more !== unlisted.length ? ` (${plural(unlisted.length, 'subject')})` : ''} in these areas`);
  if (report.recentOutside > 0) notes.push(`${plural(report.recentOutside, 'commit')} outside them`);
  if (report.recentTruncated) notes.push('the list may be incomplete: only the newest commits were read');
  if (notes.length) lines.push('', `(${notes.join('; ')}.)`);
  return lines;
}

/** One subject: its newest commit, the files, and the other commits made with it. */
function recentLine(group: RecentGroup): string {
  const files = group.files.slice(0, MAX_COMMIT_FILES).map((f) => mdCode(f));
  const more = group.files.length > MAX_COMMIT_FILES ? ` +${group.files.length - MAX_COMMIT_FILES}` : '';
  const others = group.shas.slice(1);
  const ids = others.slice(0, MAX_GROUP_IDS).map((sha) => mdCode(sha.slice(0, 10)));
  const also = others.length > 0 ? ` · ${group.shas.length} commits: also ${ids.join(', ')}${others.length > MAX_GROUP_IDS ? ` and ${others.length - MAX_GROUP_IDS} more` : ''}` : '';
  const since = others.length > 0 && day(group.firstTime) !== day(group.time) ? ` (first ${day(group.firstTime)})` : '';
  return `- ${mdCode((group.shas[0] ?? '').slice(0, 10))} ${day(group.time)}: ${mdText(group.subject, 120)} (${files.join(', ')}${more})${also}${since}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checklistLine(item: ChecklistItem, who: string, name: (id: string) => string, activeOnly: boolean, fileAt: ReadonlyMap<string, HandoffFile>, othersLeaving: boolean, lately: Lately): string {
  switch (item.kind) {
    case 'critical': {
      const figures = `bus factor ${item.busFactorBefore} → ${item.busFactorAfter}${withOthers(item.busFactorAfter, item.busFactorAfterAll)} (needs ${item.minOwners})`;
      // With no owner left there are no "remaining owners" to review it with (flask, a tester); the
      // authors who stay may still hold a few of its files, too few for a bus factor (a review).
      return item.busFactorAfter === 0
        ? `Name new owners for the critical system **${mdText(item.system)}**, which has no owner left: ${figures}.`
        : `Review the critical system **${mdText(item.system)}** with its remaining owners: ${figures}.`;
    }
    case 'more-transfers': {
      // Each number says what it counts: "1369 more files only Taylor Otwell knows or shares only with
      // inactive developers or others leaving (450 of them)" left the 450 unread (laravel, first-time users).
      const shared = item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving;
      const sole = item.files - shared;
      const which = shared === 0 ? ` only ${who} knows` : sole === 0 ? ` ${sharedOnlyWords(othersLeaving)}` : '';
      const parts = shared > 0 && sole > 0 ? `: ${sole} only ${who} knows, ${shared} ${sharedOnlyWords(othersLeaving)};` : ':';
      return `And ${plural(item.files, 'more file')}${which} with no or a weak successor${parts} see the areas above, or \`--format json\`.`;
    }
    case 'owner-area': {
      // The candidate, or that there is none (hugo: 28 such lines named nobody; a tester).
      const best = item.bestPlaced;
      const one = item.soleFiles + item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving === 1;
      const placed = best
        ? `best placed: ${name(best.id)}, ${one ? 'its successor' : `successor on ${best.files} of them`} (${strengths(best)})`
        : `nobody${activeOnly ? ' active' : ''} who stays has changed ${one ? 'it' : 'them'}`;
      const active = item.mostActiveLately ? `; most active here lately: ${name(item.mostActiveLately.id)} (${commitsLately(item.mostActiveLately.commits, lately)})` : '';
      return `Name a new owner for ${mdCode(item.module)} (${ownerlessFiles(item, who, othersLeaving)}); ${placed}${active}.`;
    }
    case 'more-owner-areas':
      return `And new owners for ${plural(item.areas, 'more area')} (${ownerlessFiles(item, who, othersLeaving)}): see the areas above, or \`--format json\`.`;
    case 'transfer-file': {
      const file = fileAt.get(item.path);
      if (item.successor && item.oneOff && !item.bulkOnly) {
        // Someone who worked on it by hand before the one-off contributor the figures name (helm's
        // cmd/helm/plugin_list.go and Efrat19, 4 commits over two days; a first-time user).
        const barely = (item.normDoa ?? 1) < BARELY_NORM_DOA ? ` barely knows it (normDOA ${normDoaText(item.normDoa ?? 0)}) and` : '';
        const why = `the nearest successor, ${name(item.successor)},${barely} is ${oneOffText(item.oneOff).replace(': ', ' (')})`;
        if (item.handsOnSuccessor) return `Walk through ${mdCode(item.path)} with ${name(item.handsOnSuccessor)}, who worked on it hands-on: ${why}.`;
        return `Walk through ${mdCode(item.path)} with its new owner: ${why}${item.recentSuccessor ? `; ${name(item.recentSuccessor)} changed it more recently` : ''}.`;
      }
      if (item.successor && item.bulkOnly) {
        return `Walk through ${mdCode(item.path)} with its new owner: the nearest successor, ${name(item.successor)}, changed it only in sweeps or reorganisations of ${BULK_CHANGES}+ files${item.handsOnSuccessor ? `; ${name(item.handsOnSuccessor)} worked on it hands-on` : ''}.`;
      }
      if (item.successor && file?.successor && item.strength === 'weak' && manyOwnChanges(file.successor)) {
        return `Walk through ${mdCode(item.path)} with ${name(item.successor)}, who made ${relativeWork(file)} (others made far more)${item.recentSuccessor ? `, or with ${name(item.recentSuccessor)}, who changed it more recently` : ''}.`;
      }
      if (item.successor && (item.normDoa ?? 1) < BARELY_NORM_DOA) {
        return `Walk through ${mdCode(item.path)} with its new owner: the nearest successor, ${name(item.successor)}, barely knows it (normDOA ${normDoaText(item.normDoa ?? 0)})${item.recentSuccessor ? `; ${name(item.recentSuccessor)} changed it more recently` : ''}.`;
      }
      return item.successor
        ? `Walk through ${mdCode(item.path)} with ${name(item.successor)} (weak successor)${item.recentSuccessor ? ` or ${name(item.recentSuccessor)}, who changed it more recently` : ''}.`
        : `Walk through ${mdCode(item.path)} with its new owner: no successor, knowledge transfer needed.`;
    }
    case 'co-change':
      return `Explain why ${mdCode(item.path)} and ${mdCode(item.partner)} change together.`;
    case 'recent-work': {
      // "12 of them releases and 15 dependency updates": a version bump of the project is no dependency update (laravel).
      const kinds = [
        { count: item.releases, one: 'release', many: 'releases' },
        { count: item.dependencyUpdates, one: 'dependency update', many: 'dependency updates' },
      ].filter((kind) => kind.count > 0);
      const ofThem = kinds.map((kind, index) => (index === 0 ? `, ${kind.count} of them ${kind.count === 1 ? `a ${kind.one}` : kind.many}` : ` and ${kind.count} ${kind.count === 1 ? kind.one : kind.many}`)).join('');
      return `Go over ${item.before ? `the ${item.days} days of work up to the revision’s last commit (${item.before})` : `the last ${item.days} days of work`} (${plural(item.commits, 'commit')}${ofThem}): unfinished changes, follow-ups, open branches.`;
    }
    case 'kept-files':
      return `Walk through what ${who} keeps: ${item.paths.map((file) => mdCode(file)).join(', ')}${item.files > item.paths.length ? ` and ${plural(item.files - item.paths.length, 'more file')}` : ''}: every author is inactive or leaving, and nobody active changed ${item.files === 1 ? 'it' : 'them'} as much.`;
    case 'outside-git':
      return 'Outside git: access and credentials, deploys and on-call, external contacts, decisions that were never written down.';
  }
}

/** "9 files only Ada knows, 13 more shared only with inactive developers". */
function ownerlessFiles(item: { soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }, who: string, othersLeaving: boolean): string {
  const sole = item.soleFiles > 0 ? `${plural(item.soleFiles, 'file')} only ${who} knows` : '';
  const shared = item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving;
  const inactive = shared > 0 ? `${sole ? `${shared} more` : plural(shared, 'file')} ${sharedOnlyWords(othersLeaving)}` : '';
  return [sole, inactive].filter(Boolean).join(', ');
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

/**
 * The other authors of a shared file, at most three named: a rails file listed ~60 in one cell.
 * Shared only with others leaving, those are named (it read "shared with others leaving").
 */
function sharedWith(names: readonly string[], leaving: readonly string[]): string {
  // Both, when both: a file shared with an inactive developer and with someone leaving named the
  // first only, and read as shared only with the inactive one (spring-boot's layers.xml, an EM test).
  if (names.length === 0) return `${firstOf(leaving, 3)}, also leaving`;
  return leaving.length === 0 ? firstOf(names, 3) : `${firstOf(names, 3)}; ${firstOf(leaving, 3)}, also leaving`;
}

/**
 * "shared only with inactive developers", or with others leaving "… or others leaving": the files
 * that need a new owner though others author them (HandoffFile.noActiveAuthorLeft).
 */
function sharedOnlyWords(othersLeaving: boolean): string {
  return othersLeaving ? 'shared only with inactive developers or others leaving' : 'shared only with inactive developers';
}

/** "Ada", or "Ada and the others leaving" when others leave: nobody active would author … after them. */
function afterWhom(report: HandoffReport, who: string): string {
  return report.alsoLeaving.length > 0 ? `${who} and the others leaving` : who;
}

/**
 * The summary's shared files nobody active who stays would author: "; **13 of them only with
 * inactive developers**", and with others leaving, the parts: 73 "only with inactive developers"
 * had counted 16 files shared with someone leaving too (spring-boot, an EM test), and files shared
 * only with people leaving not at all.
 */
function sharedWithNobodyActive(report: HandoffReport): string {
  const s = report.summary;
  const total = s.sharedOnlyWithInactive + s.sharedOnlyWithLeaving;
  if (total === 0) return '';
  const files = report.areas.flatMap((area) => area.files);
  const withLeaving = files.filter((file) => file.othersInactive && file.othersLeaving.length > 0).length;
  if (s.sharedOnlyWithLeaving === 0 && withLeaving === 0) return `; **${s.sharedOnlyWithInactive} of them only with inactive developers**`;
  const parts = [
    { count: s.sharedOnlyWithInactive - withLeaving, words: 'only with inactive developers' },
    { count: withLeaving, words: 'with inactive developers and others leaving' },
    { count: s.sharedOnlyWithLeaving, words: 'only with others leaving' },
  ].filter((part) => part.count > 0);
  return `; **${total} of them with no other active author who stays**: ${parts.map((part) => `${part.count} ${part.words}`).join(', ')}`;
}

/** The first `max` items, and how many more: "a, b and 3 more". */
function firstOf(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** Whether the person's last day has passed by the figures' date ("left on", "without them"). */
function hasLeft(report: HandoffReport): boolean {
  return report.person.date !== undefined && report.person.date < day(report.repository.referenceDate);
}

/**
 * A successor's normDOA as the table and the checklist both print it: two decimals, or more where
 * two would round it onto the "barely knows it" floor (0.0999 read "0.1", the floor it is below: a
 * review); the checklist had rounded down and the table not (0.08 and 0.09 for one successor, a
 * tester on commons-lang).
 */
function normDoaText(value: number): string {
  return fixedApart(value, BARELY_NORM_DOA, 2)[0];
}

/**
 * " (→ 0 with the other departures)" after a figure without them alone, when the others change it:
 * "(→ 1 with the other departures)" beside an unchanged 1 read as if they mattered (a re-test).
 */
function withOthers(alone: number, all: number | undefined): string {
  return all !== undefined && all !== alone ? ` (→ ${all} with the other departures)` : '';
}

/**
 * What the files whose successor only swept them are: weak successors (and on how many nobody else
 * worked on the file) and authors through sweeps alone, which "left with no author" does not count.
 */
function bulkOnlyParts(s: HandoffReport['summary']): string {
  const weak = s.bulkOnlySuccessor - s.bulkOnlyAuthor;
  const parts: string[] = [];
  if (weak > 0) parts.push(`${weak} as a weak successor${s.bulkOnlyNobodyElse > 0 ? ` (on ${s.bulkOnlyNobodyElse} of them nobody else who stays has worked on the file)` : ''}`);
  if (s.bulkOnlyAuthor > 0) parts.push(`${s.bulkOnlyAuthor} where they stay an author through sweeps alone, so the file is not counted as left with no author`);
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}
