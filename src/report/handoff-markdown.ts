import { BULK_CHANGES } from '../model/authorship.ts';
import type { HandoffReport } from '../model/handoff.ts';
import { ONE_OFF_DEFINITION } from '../model/one-off.ts';
import { COMPARABLE_DOA_SHARE } from '../model/successors.ts';
import { day, plural } from './format.ts';
import { areasSection, mostActiveShown } from './handoff-areas.ts';
import { checklistLine } from './handoff-checklist.ts';
import { coChangeSection, recentSection } from './handoff-commits.ts';
import { mdCode, mdTable, mdText } from './handoff-escape.ts';
import { headerSection } from './handoff-header.ts';
import { summarySection } from './handoff-summary.ts';
import { recentSpan, type Lately } from './handoff-words.ts';

// The handoff document (`talentrisk handoff <who>`), GitHub-flavoured markdown. Every string from
// git goes through mdText or mdCode (./handoff-escape.ts) and never starts a block.
//
// Each section is written in a module of its own: the header (handoff-header.ts), the Summary
// (handoff-summary.ts), the Areas (handoff-areas.ts), Changed together and the recent commits
// (handoff-commits.ts), the Checklist (handoff-checklist.ts); the wording they share is in
// handoff-words.ts. Here: the document's frame, "Also worked on" and "How to read this".

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
  out.push(...headerSection(report, who, name));
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(...summarySection(report, who));
  out.push('');
  out.push('## Areas');
  out.push('');
  out.push(...areasSection(report, who, named, lately));
  out.push(...alsoWorkedOn(report, who, named));
  out.push('');
  out.push('## Changed together');
  out.push('');
  out.push(...coChangeSection(report, named));
  out.push('');
  out.push(`## ${who}’s commits of the ${recentSpan(report)} in these areas`);
  out.push('');
  out.push(...recentSection(report, who));
  out.push('');
  out.push('## Checklist');
  out.push('');
  const fileAt = new Map(report.areas.flatMap((area) => area.files.map((file) => [file.path, file])));
  const othersLeaving = report.alsoLeaving.length > 0;
  out.push(...report.checklist.map((item) => `- [ ] ${checklistLine(item, who, name, report.successorsActiveWithinDays != null, fileAt, othersLeaving, lately)}`));
  out.push('');
  out.push('---');
  out.push('');
  out.push(howToRead(report, who));
  return `${out.join('\n')}\n`;
}

/**
 * "Also worked on": the files they changed most without being one of their authors, those they keep
 * first (HandoffReport.alsoWorkedOn); nothing when there are none.
 */
function alsoWorkedOn(report: HandoffReport, who: string, named: (id: string) => string): string[] {
  if (report.alsoWorkedOn.length === 0) return [];
  const lines: string[] = [];
  lines.push('', `## Also worked on (not an author)`, '');
  // "Their commits" read 47 … 8, 2, 180 with CHANGES.rst last on purpose, as a sorting bug (flask, a tester).
  const tiers = new Set(report.alsoWorkedOn.map((file) => file.tier));
  const marked = report.alsoWorkedOn.some((file) => file.keeper) ? 'After the files they keep, code' : report.alsoWorkedOn.some((file) => file.nobodyActiveKnowsBetter) ? 'After the files nobody active knows better, code' : 'Code';
  const order = tiers.size > 1 ? ` ${marked} comes first, then docs, licences and settings, then changelogs, release manifests and test fixtures, then images and empty files; by their commits within each.` : '';
  lines.push(`The files ${who} changed most without being one of their authors: where they know parts of what others own.${order}`, '');
  if (report.alsoWorkedOn.some((file) => file.keeper)) {
    lines.push(`**Kept by ${who}**: every author is inactive or leaving, and nobody active changed the file more; they come first.`, '');
  }
  // Someone inactive keeps nothing, but may be the best source left (express's lib/ and Douglas Wilson).
  if (report.alsoWorkedOn.some((file) => file.nobodyActiveKnowsBetter)) {
    lines.push(`**Nobody active knows it better**: every author is inactive or leaving, and nobody active changed the file more than ${who}; they come first, to walk through while ${who} can still be reached.`, '');
  }
  lines.push(
    mdTable(
      ['File', 'Their commits', 'Their last change', 'Authors'],
      report.alsoWorkedOn.map((file) => [
        mdCode(file.path, true),
        String(file.commits),
        day(file.lastChange),
        `${file.authors.length ? file.authors.map(named).join(', ') : 'no author'}${file.keeper ? ` · **kept by ${who}**` : file.nobodyActiveKnowsBetter ? ' · **nobody active knows it better**' : ''}`,
      ]),
      ['left', 'right', 'left', 'left'],
    ),
  );
  // The marked files not listed, counted (the checklist counts them all).
  const listed = (mark: (file: HandoffReport['alsoWorkedOn'][number]) => boolean) => report.alsoWorkedOn.filter(mark).length;
  const moreKept = report.alsoWorkedOnMarked.kept - listed((file) => file.keeper);
  const moreBest = report.alsoWorkedOnMarked.bestSource - listed((file) => file.nobodyActiveKnowsBetter);
  if (moreKept > 0) lines.push('', `… and ${plural(moreKept, 'more file')} kept by ${who}.`);
  if (moreBest > 0) lines.push('', `… and ${plural(moreBest, 'more file')} nobody active knows better.`);
  return lines;
}

/** The footer: how to read the document, with the terms the document uses (one-off contributor, hands-on, …) only when it does. */
function howToRead(report: HandoffReport, who: string): string {
  return `*How to read this.* An author of a file is someone whose Degree of Authorship (DOA, from who created the file and how many changes each person made) is above 75% of the file’s highest and not outweighed by others’ changes. normDOA is a person’s DOA divided by the file’s highest. “Their commits” on a file count those they authored or co-authored. A weak successor has a normDOA below ${report.weakSuccessorThreshold} (they know less than half of what its main author knows) or a DOA below ${report.weakSuccessorDoaFloor}, the least an author of any file has (a drive-by change, however little its main author did).${report.areas.some((area) => area.files.some((file) => file.recentSuccessor)) ? ' Beside a weak successor, *more recent* names who stays, is active and knows the file best today (the highest DOA with knowledge fading over time, a talentrisk extension), when that is someone else who changed it since.' : ''}${report.summary.bulkOnlySuccessor > 0 ? ` The document says when a successor’s only changes to a file were sweeps or reorganisations (commits that change or move ${BULK_CHANGES} files or more: license headers, a directory move): the figures count those changes, but the successor did not work on the file${report.areas.some((area) => area.files.some((file) => file.handsOnSuccessor)) ? '; *hands-on* names who stays, is active and has the highest DOA among those who created the file or changed it otherwise (a talentrisk extension)' : ''}.` : ''}${oneOffNamed(report) ? ` A *one-off contributor* has made ${ONE_OFF_DEFINITION} (one contribution; a talentrisk extension): the figures may make them a successor, but one contribution is little to take code over with. Between equal DOAs the successor is someone else; beside one, *hands-on* names who stays, is active, changed the file themselves and has at least ${COMPARABLE_DOA_SHARE} of their DOA.` : ''}${report.areas.some((area) => mostActiveShown(area)) ? ` *Most active here lately* names who stays and made the most commits to the module’s files in the ${recentSpan(report)} (a talentrisk extension): who works there now, which the history of the files cannot say.` : ''}${report.summary.coAuthorCredit?.files ? ` *An author only by co-author credit* marks a file ${who} authors only through Co-authored-by trailers on others’ commits (GitHub adds one for whoever pushes to a pull request before squash-merging it): the figures count that credit, as the model does, but with co-authors left out (\`model.coAuthors: false\`) ${who} would not be one of its authors; the names after it are who would be.` : ''} The truck factor is how many people would have to leave before fewer than half of the files have an author. Definitions: docs/metrics.md.`;
}

/** Whether the document names a one-off contributor: a successor, a hands-on one, a take-over candidate. */
function oneOffNamed(report: HandoffReport): boolean {
  return report.areas.some((area) => area.takeOver.candidates.some((c) => c.oneOff) || area.files.some((file) => file.successor?.oneOff || file.handsOnSuccessor?.oneOff)) || report.summary.takeOver.candidates.some((c) => c.oneOff);
}
