import { BULK_CHANGES } from '../model/authorship.ts';
import type { HandoffReport } from '../model/handoff.ts';
import type { FilesByCategory } from '../model/handoff-files.ts';
import type { LowerTruckFactor } from '../model/handoff-truck-factor.ts';
import { FILE_CATEGORIES, type FileCategory } from '../model/module-category.ts';
import type { TakeOver } from '../model/take-over.ts';
import { joinedByAnd, percent, plural } from './format.ts';
import { mdCode, mdText } from './handoff-escape.ts';
import { afterWhom, firstOf, hasLeft, peopleWithMore, strengths, withOthers } from './handoff-words.ts';

// The handoff document's Summary: what only they know and what they share, the critical systems and
// the truck factor before and after them, what is left with no author or no successor, and who
// could take over.

/** Modules named in one summary line. */
const MAX_SUMMARY_MODULES = 8;
/** Take-over candidates named in the summary (and authors named in its co-author credit line). */
const SUMMARY_CANDIDATES = 3;

/** The Summary section's lines, one per point. */
export function summarySection(report: HandoffReport, who: string): string[] {
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
  settings: ['settings file (editor or repository)', 'settings files (editor or repository)'],
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
