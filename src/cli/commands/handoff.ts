import { ExitCode } from '../../errors.ts';
import { readAuthoredSubjects, readPersonLog, type LogCommit } from '../../git/person-log.ts';
import { mailmapNames } from '../../git/mailmap-names.ts';
import { SubtreeSquashes } from '../../git/subtree.ts';
import { commitOf, emptyFilesAt } from '../../git/repo.ts';
import { ignoredRevisions } from '../../model/ignore-revs.ts';
import { staleRevision } from '../../model/analysis-date.ts';
import { inactiveCountedAsGone, inactiveDevelopers } from '../../model/decay.ts';
import { parseLeaving } from '../../model/resolve-departures.ts';
import { buildHandoff, RECENT_DAYS } from '../../model/handoff.ts';
import { AUTOMATED_WINDOW_DAYS } from '../../model/automated-addresses.ts';
import { resolvePerson } from '../../model/people.ts';
import { toHandoffJson } from '../../report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../report/handoff-markdown.ts';
import { renderJson } from '../../report/scan-json.ts';
import type { Io } from '../io.ts';
import { writeReport, type CommonOptions, type HandoffFormat } from '../options.ts';
import { botsNamed, declaredDepartures, historyEndsOf, ignoreRevsFileAt, loadAnalysis, mailmappedEmails, printWarnings, reportWritten, shallowSinceOf } from './shared.ts';

export interface HandoffOptions extends CommonOptions {
  format: HandoffFormat;
  /** -C, --repo: the repository (default: the current folder). */
  repo?: string;
}

const DAY = 86_400;

/** `talentrisk handoff <who>`: the handoff document of one person (markdown, or the same data as JSON). */
export async function runHandoff(who: string, options: HandoffOptions, io: Io): Promise<ExitCode> {
  const { analysis, config, repository: repo } = await loadAnalysis(options.repo ?? '.', options, io);
  const settings = config.config;
  // `handoff "ada=2025-06-30"` gives their last day as --leaving does, and means what
  // `handoff ada --leaving "ada=2025-06-30"` does (the document gives the day): copied from
  // --leaving, it was an unknown person named with its date.
  const named = parseLeaving(who, 'handoff');
  const leaving = named.date ? [...(options.leaving ?? []), who] : options.leaving;
  const names = await mailmapNames(repo);
  const bots = await botsNamed(repo, analysis, settings.bots, [named.who]);
  const mailmapped = await mailmappedEmails(repo, analysis.developers, [named.who], analysis.repository.revision, { people: settings.people, mailmapNames: names, bots });
  const person = resolvePerson(analysis.developers, named.who, { people: settings.people, bots, mailmapped, mailmapNames: names, historyEnds: historyEndsOf(analysis, analysis.repository.requested === 'HEAD' ? undefined : await commitOf(repo, 'HEAD')), shallowSince: shallowSinceOf(analysis) });
  // Everyone else leaving (config `departures`, --leaving) is no successor.
  const departures = await declaredDepartures(repo, analysis, config, leaving);
  // Someone who stopped committing cannot take over: inactive developers are no successors.
  const inactive = inactiveDevelopers(analysis).map((d) => d.id);

  // An old clone measured today shows nobody's recent work: count the days back from its last commit.
  const stale = staleRevision(analysis.repository.revisionDate, analysis.settings.referenceDate);
  const recentEnd = stale ? analysis.repository.revisionDate : analysis.settings.referenceDate;
  const since = Math.floor(Date.parse(recentEnd) / 1000) - RECENT_DAYS * DAY;
  const log = await readPersonLog(repo, { revision: analysis.repository.revision, emails: person.emails, since });
  // Commits of config ignoreRevs (a sweep, an import) say nothing of what moves together or of their
  // work, as they credit nobody in the figures (a review: they were counted here).
  // Matched as the fold matches them (src/model/ignore-revs.ts).
  // With the commits config ignoreRevsFile lists (.git-blame-ignore-revs), read as the scan read them.
  const listed = analysis.model === 'classic' ? undefined : await ignoreRevsFileAt(repo, analysis.repository.revision, settings);
  const ignored = ignoredRevisions(listed ? [...settings.ignoreRevs, ...listed.ids] : []);
  // A git subtree squash brings another repository's work and credits nobody in the figures, as an
  // ignoreRevs commit: it is left out here too (a review: hugo's docs pulls were bep's recent work
  // and made co-change pairs).
  const squashes = new SubtreeSquashes(repo);
  // Every commit asked about below: `lately` holds `recent` and, past the window, everyone's commits of the period.
  if (analysis.model !== 'classic') await squashes.learn([...log.window, ...log.lately]);
  const leftOut = (commit: LogCommit) => ignored.has(commit.sha) || (analysis.model !== 'classic' && squashes.folderOf(commit) !== undefined);
  const counted = (commits: readonly LogCommit[]): LogCommit[] => commits.filter((commit) => !leftOut(commit));

  // Both read git at the revision: asked together (the subjects walk two years of history).
  const subjectsSince = Math.floor(Date.parse(recentEnd) / 1000) - AUTOMATED_WINDOW_DAYS * DAY;
  const [emptyFiles, authoredSubjects] = await Promise.all([emptyFilesAt(repo, analysis.repository.revision), readAuthoredSubjects(repo, analysis.repository.revision, person.emails, subjectsSince)]);
  const report = buildHandoff({
    analysis,
    person,
    departure: departures.find((d) => d.id === person.id),
    alsoLeaving: departures,
    inactive,
    inactiveAfterDays: analysis.settings.inactiveAfterDays,
    critical: settings.critical,
    criticalGone: inactiveCountedAsGone(analysis, settings.model.treatInactiveAsDeparted),
    window: counted(log.window),
    windowIgnored: log.window.filter(leftOut).length,
    recent: counted(log.recent),
    recentTruncated: log.recentTruncated,
    lately: counted(log.lately),
    recentBefore: stale?.day,
    emptyFiles,
    authoredSubjects,
  });
  const text = options.format === 'json' ? renderJson(toHandoffJson(report)) : renderHandoffMarkdown(report);
  const written = writeReport(text, options, io.cwd, io.stdout);
  printWarnings(analysis, options, io, false);
  reportWritten(written, `the handoff of ${person.name}`, options, io);
  return ExitCode.Ok;
}
