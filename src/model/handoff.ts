import { automatedAddresses, type AutomatedAddress } from './automated-addresses.ts';
import { nobodyActiveSince } from './departures.ts';
import { AUTHOR_ABS_THRESHOLD } from './doa.ts';
import { fadingDevelopers } from './fading.ts';
import { areaOrder, areasOf, secondaryModules, type HandoffArea } from './handoff-areas.ts';
import { buildChecklist, type ChecklistItem } from './handoff-checklist.ts';
import { byDevelopers, coChanges, type CoChange } from './handoff-co-change.ts';
import { criticalSummary, criticalSystemsOf, type HandoffCriticalSystem } from './handoff-critical.ts';
import { coAuthorCreditOf, filesByCategory, needsOwner, sharedOnlyWithLeaving, theirFilesByModule, type FilesByCategory, type HandoffCoAuthorCredit } from './handoff-files.ts';
import { leavingOf, type HandoffInput } from './handoff-input.ts';
import { tierLookup } from './handoff-order.ts';
import { truckFactorSummary, type HandoffTruckFactor } from './handoff-truck-factor.ts';
import { ALSO_WORKED_ON, recentIn, workedOnFiles, type AlsoWorkedOnFile } from './handoff-work.ts';
import { filesByModule, moduleOfFile, testLibraries } from './modules.ts';
import { nameLookup } from './ownership-index.ts';
import { recentGroups, type RecentCommit, type RecentGroup } from './recent-work.ts';
import { isBulkOnly, oneOffsOf, WEAK_SUCCESSOR_NORM_DOA } from './successors.ts';
import { takeOverOf, type TakeOver } from './take-over.ts';
import type { FileOwnership, ModelName, RepositoryInfo } from './types.ts';

// A handoff: what one person knows that others do not, and who should take it over (talentrisk
// extension, built on METRICS.md §8). "Their files" are the files they author (§4). Successors
// exclude everyone leaving. Co-change and recent commits come from a bounded git log that the
// command reads (src/git/person-log.ts) and passes in as plain data.
//
// The report's parts, each built in a module of its own: their files, what only they know
// (handoff-files.ts); the areas, who could take each over (handoff-areas.ts); the truck factor and
// the critical systems before and after them (handoff-truck-factor.ts, handoff-critical.ts); what
// changes together with their files (handoff-co-change.ts); their other work (handoff-work.ts); the
// checklist (handoff-checklist.ts). The order of every list: handoff-order.ts.

/** Their recent commits, and who is most active in an area lately, are those of this many days. */
export const RECENT_DAYS = 90;

export interface HandoffReport {
  /**
   * The analysis's repository, and the reference date of its figures. Its `shallowSince` (the day a
   * shallow clone's history begins): a handoff made in CI (actions/checkout fetches one commit) said
   * "nothing to hand over" of the maintainer, with the warning on stderr only (flask, a tester).
   */
  repository: RepositoryInfo & { referenceDate: string };
  model: ModelName;
  /** `inactive`: no commit in the last `successorsActiveWithinDays` days (null: not judged). */
  person: { id: string; name: string; emails: string[]; commits: number; firstCommit: string; lastCommit: string; filesAuthored: number; inactive: boolean | null; date?: string; note?: string };
  alsoLeaving: { id: string; name: string; date?: string }[];
  summary: {
    soleFiles: number;
    sharedFiles: number;
    /**
     * Of the shared files, those whose other authors who stay are all inactive: a labelled addition to
     * the figures, which count inactive developers as authors (0 when inactivity is not judged).
     */
    sharedOnlyWithInactive: number;
    /** Of the shared files, those whose other authors are all leaving too. */
    sharedOnlyWithLeaving: number;
    /** Their files no active developer who stays authors (theirs alone, shared only with inactive people or with others leaving). */
    noActiveAuthorLeft: number;
    /** noActiveAuthorLeft by what the files are for (FilesByCategory). */
    noActiveAuthorLeftByCategory: FilesByCategory;
    /** Modules where they are the only author of every authored file. */
    soleModules: string[];
    sharedModules: string[];
    criticalSystems: HandoffCriticalSystem[];
    /** How many critical systems the config names (0: none to be affected). */
    criticalSystemsConfigured: number;
    truckFactor: HandoffTruckFactor;
    /** Their files left with no author when they (and the others leaving) go. */
    orphanedFiles: number;
    /** Of those, the ones they alone leave with no author (the same count when nobody else leaves). */
    orphanedFilesAlone: number;
    noSuccessor: number;
    /** noSuccessor by what the files are for (FilesByCategory): the same files as the take-over's noSuccessor. */
    noSuccessorByCategory: FilesByCategory;
    weakSuccessor: number;
    /** Of their files, those whose successor's every change to it was in a bulk commit (isBulkOnly). */
    bulkOnlySuccessor: number;
    /**
     * Of bulkOnlySuccessor, the files where that successor stays an author through bulk commits alone
     * (so the file is not left with no author), and the weak ones with no hands-on successor beside
     * them: a re-test read "412" beside "383 weak" and could not tell what it counted (spring-boot:
     * 237 authors by sweeps, 175 weak successors, 122 of them with nobody else who worked on the file).
     */
    bulkOnlyAuthor: number;
    bulkOnlyNobodyElse: number;
    /** Who could take over their files nobody active would author after them, over all areas (HandoffArea.takeOver). */
    takeOver: TakeOver;
    /** Their files that are theirs only through co-author credit; null when co-authors are not counted (--model classic, model.coAuthors: false). */
    coAuthorCredit: HandoffCoAuthorCredit | null;
  };
  areas: HandoffArea[];
  /**
   * Files they changed most without being an author of them (most commits first, at most
   * ALSO_WORKED_ON): where they worked beyond what they own. A mid-level contributor's document
   * (62 commits) covered 2 files (an EM test on flask).
   */
  alsoWorkedOn: AlsoWorkedOnFile[];
  /** Of all the files they changed without authoring them (not only those listed): how many they keep, and how many nobody active knows better. */
  alsoWorkedOnMarked: { kept: number; bestSource: number };
  coChange: CoChange[];
  coChangeWindow: number;
  /** Commits of the window left out as config ignoreRevs (not in coChangeWindow). */
  coChangeIgnored: number;
  recentDays: number;
  /** The day the recent days end on when that is the revision's last commit; null: the figures' date. */
  recentBefore: string | null;
  recentCommits: RecentCommit[];
  /** recentCommits by subject: the other work first, then the releases, then the dependency updates, each newest first. */
  recentGroups: RecentGroup[];
  /** Their recent commits outside the areas (not listed). */
  recentOutside: number;
  recentTruncated: boolean;
  checklist: ChecklistItem[];
  weakSuccessorThreshold: number;
  /** A successor whose DOA is below this (the model's absolute author floor) is weak whatever their normDOA. */
  weakSuccessorDoaFloor: number;
  /** Successors are developers with a commit in this many days (null: inactive ones count too). */
  successorsActiveWithinDays: number | null;
  /**
   * When everyone who stays is inactive, so nobody can be a successor (an old clone, or an old
   * history with a merge made today): the last day anyone committed (the document offers it to
   * `--until` when that day is itself outside the window); else null.
   */
  nobodyActiveSince: string | null;
  /** Display name of every developer id the report mentions. */
  names: Record<string, string>;
  /** Of those, the ones with no commit in the last `successorsActiveWithinDays` days (marked where named). */
  inactive: string[];
  /**
   * Of those, the active ones (not the person) whose last commit anywhere is more than half that
   * window ago: id → days since it (fading.ts; scan marks its successors so too). redis at
   * 2020-06-30: artix, successor on redis-cli.c, had last committed 133 days before and never again.
   */
  fading: Record<string, number>;
  /** The analysis's warnings (stderr prints them too): what makes its figures partial (a shallow clone, missing blobs). */
  warnings: string[];
  /**
   * Their addresses whose commits mostly repeat a few subjects many times (automatedAddresses): a CI
   * job committing as them, whose commits the figures count as theirs (laravel: 920 commits of
   * Taylor Otwell's no-reply addresses were workflow updates of facade docblocks, the changelog and
   * the version). Empty when none does, or when their subjects were not read.
   */
  automatedAddresses: AutomatedAddress[];
}

/** Builds the handoff of one person. Pure: the same inputs always give the same report. */
export function buildHandoff(input: HandoffInput): HandoffReport {
  const { analysis, person } = input;
  const nameOf = nameLookup(analysis);
  const leaving = leavingOf(input);
  const { others, goneAll, inactive, unavailable, after, afterThem } = leaving;
  const moduleOf = moduleOfFile(analysis);
  const groups = filesByModule(analysis);
  const tierOf = tierLookup(input.emptyFiles ?? new Set<string>());
  const worked = workedOnFiles(analysis, person.id, unavailable, inactive, tierOf);

  const theirs = analysis.files.filter((file) => file.authors.includes(person.id));
  const theirPaths = new Set(theirs.map((f) => f.path));
  const oneOffs = oneOffsOf(analysis);
  const byModule = theirFilesByModule(analysis, theirs, leaving, moduleOf, criticalSystemsOf(input.critical ?? []), oneOffs);
  const areaList = areasOf(byModule, { analysis, leaving, groups, moduleOf, tierOf, nameOf, oneOffs, lately: input.lately ?? [] });
  // Test, fixture, example and docs modules after the code (vite's top contributor: after the
  // critical ones, 2–9-file playgrounds they leave with no author filled the 25 areas written out),
  // and modules of fewer than SMALL_MODULE_FILES files with them, as scan ranks modules (laravel:
  // `bin`, 4 files, and `config-stubs`, 1, came before src/Illuminate/Foundation, 243 files and 138
  // only Taylor Otwell knows; first-time users), but for a busy one they leave with no author.
  // The workspace packages named like a test suite but singular (tokio-test): code, here and in the counts by category.
  const libraries = testLibraries(analysis.modules);
  const secondary = secondaryModules(analysis, areaList, groups, libraries);
  areaList.sort(areaOrder(secondary));

  const criticalSystems = criticalSummary(analysis, input.critical ?? [], person.id, others.length > 0 ? goneAll : undefined, input.criticalGone ?? []);
  const allFiles = areaList.flatMap((a) => a.files);
  const soleModules = areaList.filter((a) => moduleOwners(groups.get(a.module) ?? []).every((id) => id === person.id)).map((a) => a.module);
  const recent = recentIn(input.recent ?? [], new Set(areaList.map((a) => a.module)), moduleOf, analysis);
  const coChange = coChanges(byDevelopers(input.window ?? [], analysis), theirPaths, analysis);

  const report: HandoffReport = {
    repository: { ...analysis.repository, referenceDate: analysis.settings.referenceDate },
    model: analysis.model,
    person: {
      id: person.id,
      name: person.name,
      emails: person.emails,
      commits: person.commits,
      firstCommit: person.firstCommit,
      lastCommit: person.lastCommit,
      filesAuthored: theirs.length,
      inactive: input.inactive !== undefined ? input.inactive.includes(person.id) : null,
      ...(input.departure?.date ? { date: input.departure.date } : {}),
      ...(input.departure?.note ? { note: input.departure.note } : {}),
    },
    alsoLeaving: others.map((d) => ({ id: d.id, name: d.name, ...(d.date ? { date: d.date } : {}) })),
    summary: {
      soleFiles: allFiles.filter((f) => f.status === 'sole').length,
      sharedFiles: allFiles.filter((f) => f.status === 'shared').length,
      sharedOnlyWithInactive: allFiles.filter((f) => f.othersInactive).length,
      sharedOnlyWithLeaving: allFiles.filter(sharedOnlyWithLeaving).length,
      noActiveAuthorLeft: allFiles.filter((f) => f.noActiveAuthorLeft).length,
      noActiveAuthorLeftByCategory: filesByCategory(allFiles.filter((f) => f.noActiveAuthorLeft), libraries),
      soleModules,
      // Modules where they share a file: "Shares 0 files (in `src`)" named a module where others
      // author other files and they share none (doc audit).
      sharedModules: areaList.filter((a) => !soleModules.includes(a.module) && a.files.some((f) => f.status === 'shared')).map((a) => a.module),
      criticalSystems,
      criticalSystemsConfigured: (input.critical ?? []).length,
      truckFactor: truckFactorSummary(analysis, leaving, nameOf),
      orphanedFiles: theirs.filter((f) => after(f).length === 0).length,
      orphanedFilesAlone: theirs.filter((f) => afterThem(f).length === 0).length,
      noSuccessor: allFiles.filter((f) => f.strength === 'none').length,
      noSuccessorByCategory: filesByCategory(allFiles.filter((f) => f.strength === 'none'), libraries),
      weakSuccessor: allFiles.filter((f) => f.strength === 'weak').length,
      bulkOnlySuccessor: allFiles.filter((f) => f.successor !== undefined && isBulkOnly(f.successor)).length,
      bulkOnlyAuthor: allFiles.filter((f) => f.strength === 'author' && f.successor !== undefined && isBulkOnly(f.successor)).length,
      bulkOnlyNobodyElse: allFiles.filter((f) => f.strength !== 'author' && f.successor !== undefined && isBulkOnly(f.successor) && f.handsOnSuccessor === undefined).length,
      takeOver: takeOverOf(allFiles.filter(needsOwner)),
      coAuthorCredit: analysis.settings.coAuthors ? coAuthorCreditOf(allFiles, analysis.coAuthorCommits?.[person.id] ?? 0) : null,
    },
    areas: areaList,
    alsoWorkedOn: worked.slice(0, ALSO_WORKED_ON),
    alsoWorkedOnMarked: { kept: worked.filter((file) => file.keeper).length, bestSource: worked.filter((file) => file.nobodyActiveKnowsBetter).length },
    coChange,
    coChangeWindow: input.window?.length ?? 0,
    coChangeIgnored: input.windowIgnored ?? 0,
    recentDays: RECENT_DAYS,
    recentBefore: input.recentBefore ?? null,
    recentCommits: recent.listed,
    recentGroups: recentGroups(recent.listed),
    recentOutside: recent.outside,
    recentTruncated: input.recentTruncated ?? false,
    checklist: [],
    weakSuccessorThreshold: WEAK_SUCCESSOR_NORM_DOA,
    weakSuccessorDoaFloor: AUTHOR_ABS_THRESHOLD,
    successorsActiveWithinDays: input.inactive !== undefined && input.inactiveAfterDays !== undefined ? input.inactiveAfterDays : null,
    nobodyActiveSince: input.inactive === undefined ? null : (nobodyActiveSince(analysis.developers, goneAll, new Set(input.inactive)) ?? null),
    names: {},
    inactive: [],
    fading: {},
    // As they stand once the departures are resolved (a departure beyond a shallow clone's history warns).
    warnings: [...analysis.warnings],
    automatedAddresses: automatedAddresses(input.authoredSubjects ?? []),
  };
  report.checklist = buildChecklist(report, moduleOf, tierOf, secondary);
  report.names = namesOf(report, nameOf);
  report.inactive = Object.keys(report.names).filter((id) => inactive.has(id) && id !== person.id);
  if (input.inactive !== undefined) {
    report.fading = Object.fromEntries([...fadingDevelopers(analysis)].filter(([id]) => id !== person.id && id in report.names && !inactive.has(id)));
  }
  return report;
}

function namesOf(report: HandoffReport, nameOf: (id: string) => string): Record<string, string> {
  const ids = new Set<string>([report.person.id, ...report.alsoLeaving.map((d) => d.id)]);
  for (const area of report.areas) {
    for (const file of area.files) {
      for (const id of [...file.otherAuthors, ...file.othersLeaving]) ids.add(id);
      if (file.successor) ids.add(file.successor.id);
      if (file.recentSuccessor) ids.add(file.recentSuccessor.id);
      if (file.handsOnSuccessor) ids.add(file.handsOnSuccessor.id);
      for (const id of file.authorsWithoutCoAuthors ?? []) ids.add(id);
    }
    if (area.mostActiveLately) ids.add(area.mostActiveLately.id);
  }
  for (const entry of report.coChange) for (const partner of entry.partners) if (partner.owner) ids.add(partner.owner);
  for (const file of report.alsoWorkedOn) for (const id of file.authors) ids.add(id);
  return Object.fromEntries([...ids].sort().map((id) => [id, nameOf(id)]));
}

function moduleOwners(files: readonly FileOwnership[]): string[] {
  return [...new Set(files.flatMap((f) => f.authors))];
}
