import { baselineOf, impactOf, orphansOf, type Baseline } from './departure-impact.ts';
import { filesByModule, isSecondaryModule, isSupportingModule, moduleOfFile, ownLibrary, SMALL_MODULE_FILES } from './modules.ts';
import { developerFlags, isFlagged, type AuthorsOf } from './ownership-index.ts';
import { bestSuccessor, handsOnSuccessorOf, oneOffsOf, WEAK_SUCCESSOR_NORM_DOA, type Successor, type SuccessorStrength } from './successors.ts';
import { moduleStandingOf, takeOverByModule, type ModuleStanding, type TakeOver } from './take-over.ts';
import type { Analysis, DeveloperSummary, FileOwnership, ModuleOwnership, TruckFactor, TruckFactorMember } from './types.ts';

export type { AuthorsOf };

// Departures, METRICS.md §8 (talentrisk extension): remove the people leaving from the author sets
// (no reassignment: the files they authored do not pass to anyone) and recompute.
//
// - orphaned file: it had at least one author before and has none after;
// - orphaned module: it had an authored file before and has none after;
// - knowledge lost in a module: the share of its files whose authors are all departing (files that
//   had no author to begin with are not counted as lost: nobody took that knowledge away);
// - successor of a file: the remaining developer with the highest DOA on it, and how strong a
//   successor they are (successors.ts);
// - a departure without a date is assumed to happen at once: it is the first step of the timeline.
// Who is leaving comes resolved from resolve-departures.ts.

/** A departure resolved to a developer of the analysis. */
export interface Departure {
  id: string;
  name: string;
  date?: string;
  note?: string;
}

/** Departures in the order they are listed: by last day (none first), then name, then id. */
export function compareDepartures(a: Departure, b: Departure): number {
  return (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);
}

/**
 * The author sets once `departing` have left (no reassignment), over an optional base (for example
 * the current, decayed authors). `check` uses it for a critical system's bus factor after departures:
 * `truckFactorOf(systemFiles, nameOf, authorsAfter(ids))`.
 */
export function authorsAfter(departing: Iterable<string>, base: AuthorsOf = (file) => file.authors): AuthorsOf {
  const gone = new Set(departing);
  if (gone.size === 0) return base;
  return (file) => base(file).filter((id) => !gone.has(id));
}

/**
 * Knowledge lost in a set of files (a module, a critical system) when `departing` leave: the files
 * that had an author and have none after, and their share of the set. `check` compares the share
 * with a system's `maxKnowledgeLoss`.
 */
export function knowledgeLossOf(files: readonly FileOwnership[], departing: Iterable<string>, base: AuthorsOf = (file) => file.authors): { lostFiles: string[]; share: number } {
  const after = authorsAfter(departing, base);
  const lostFiles = files.filter((file) => base(file).length > 0 && after(file).length === 0).map((file) => file.path);
  return { lostFiles, share: files.length > 0 ? lostFiles.length / files.length : 0 };
}

export interface FileSuccession {
  path: string;
  module: string;
  /** orphaned: no author left; single-owner: exactly one author left. */
  status: 'orphaned' | 'single-owner';
  /** Its authors who are leaving. */
  departingAuthors: string[];
  remainingAuthors: string[];
  successor?: Successor;
  strength: SuccessorStrength;
  /** Beside a successor who did not work on the file themselves (bulk commits only, a one-off contributor): handsOnSuccessorOf. */
  handsOnSuccessor?: Successor;
  /** Events on the file by anyone (FileOwnership.events): how much work went into it. */
  events: number;
  /**
   * Commits on the file (FA + DL) by the people leaving, together: how much of its work leaves with
   * them, as the handoff's "their commits". Scan lists the orphaned files by it: redis's first rows
   * were src/zipmap.c and src/version.h (no successor) while src/server.c, 780 of antirez's commits
   * with a successor who barely knows it, was among "227 more files" (a first-time user).
   */
  departingCommits: number;
}

export interface ModuleDeparture {
  path: string;
  /** As the analysis's module (ModuleOwnership.kind): a workspace package named like a test library is code (modules.ts testLibraries). */
  kind: ModuleOwnership['kind'];
  files: number;
  truckFactorBefore: TruckFactor;
  truckFactorAfter: TruckFactor;
  orphanFilesBefore: number;
  orphanFilesAfter: number;
  /** Files whose authors were all departing (they lose their last author). */
  lostFiles: string[];
  /** lostFiles / files. */
  knowledgeLost: number;
  /** Had an authored file before, has none after. */
  isOrphaned: boolean;
  /** Departing developers who author files of the module, most files first. */
  departingOwners: TruckFactorMember[];
}

export interface DepartureFigures {
  truckFactor: TruckFactor;
  orphanFiles: number;
}

export interface TimelineStep {
  /** Last day of the people leaving at this step; undefined for undated departures (assumed now). */
  date?: string;
  leaving: string[];
  /** Everyone gone after this step. */
  gone: string[];
  truckFactor: TruckFactor;
  /** Files orphaned by the departures so far. */
  orphanedFiles: number;
  orphanedModules: string[];
  /** Modules that lost knowledge so far: path, share lost and truck factor. */
  modules: { path: string; knowledgeLost: number; truckFactor: number }[];
}

export interface DeparturesResult {
  departures: (Departure & { filesAuthored: number; soleAuthorFiles: number })[];
  files: number;
  before: DepartureFigures;
  after: DepartureFigures;
  orphanedFiles: FileSuccession[];
  singleOwnerFiles: FileSuccession[];
  orphanedModules: string[];
  /** Modules where someone leaving authors a file: most knowledge lost first. */
  modules: ModuleDeparture[];
  /** One step per departure date (empty when no departure has a date). */
  timeline: TimelineStep[];
  weakSuccessorThreshold: number;
  /** True when some developers who stay were not considered as successors (options.unavailable, e.g. inactive). */
  successorsFiltered: boolean;
  /**
   * Files a departing developer authors that no available (active) developer who stays authors
   * afterwards: the orphaned ones, and those whose remaining authors are all unavailable (inactive).
   * The handoff's "left with no active author"; the published figures count inactive authors (redis
   * at 2020-06-30: 242 files lose their last author, 276 their last active one; a first-time user).
   */
  noActiveAuthorFiles: number;
  /** Of those, the files that keep authors, all of them unavailable (inactive), by path. */
  onlyInactiveAuthorsLeft: string[];
  /**
   * Last commit (ISO) of the remaining authors and successors the files name: the single-owner
   * line says since when the one owner left is inactive.
   */
  lastCommits: Record<string, string>;
  /**
   * Successors, and remaining authors, who are fading out (options.fading: still active, but no
   * commit in the last fadingAfterDays days): id → whole days since their last commit.
   */
  fading: Record<string, number>;
  /** The bound of `fading` (half of model.inactiveAfter), when fading successors are judged (options.fading given). */
  fadingAfterDays?: number;
  /** Display name of every developer id the result mentions. */
  names: Record<string, string>;
  /** Events (FileOwnership.events) of the analysed files per module, on average: what a busy small module is measured against (busySmallModules). */
  eventsPerModule: number;
  /**
   * Per module with orphaned files, who could take them over (takeOverByModule): their successors,
   * ranked, ties broken by each one's standing in the module (the files of it they author after the
   * departures, then their changes to it). The "best placed" of the tables: helm's root module went
   * to sayboras, one commit, over Matt Butcher, the author of 5 of its 10 files, both successor on
   * one of its lost files (a first-time user).
   */
  takeOver: ReadonlyMap<string, TakeOver>;
}

export interface DepartureOptions {
  /** Author sets before the departures (default: the classic authors). */
  authorsOf?: AuthorsOf;
  /** Other people who cannot be successors, nor count as an active author (inactive developers). */
  unavailable?: Iterable<string>;
  weakSuccessorThreshold?: number;
  /** Active developers whose last commit is over `afterDays` days old (fadingDevelopers): id → days; marked where named. */
  fading?: { developers: ReadonlyMap<string, number>; afterDays: number };
}

/** What leaves with the departing developers (METRICS.md §8). */
export function computeDepartures(analysis: Analysis, departures: readonly Departure[], options: DepartureOptions = {}): DeparturesResult {
  const weak = options.weakSuccessorThreshold ?? WEAK_SUCCESSOR_NORM_DOA;
  const baseline = baselineOf(analysis, options.authorsOf);
  const { ids } = baseline.index.developers;
  const moduleOf = moduleOfFile(analysis);
  const gone = new Set(departures.map((d) => d.id));
  const goneFlags = developerFlags(baseline.index, gone);
  const unavailable = new Set([...gone, ...(options.unavailable ?? [])]);
  const impact = impactOf(baseline, gone);
  const oneOffs = oneOffsOf(analysis);

  const orphanedFiles: FileSuccession[] = [];
  const singleOwnerFiles: FileSuccession[] = [];
  const onlyInactiveAuthorsLeft: string[] = [];
  let noActiveAuthorFiles = 0;
  const soleCounts = new Map<string, { authored: number; sole: number }>();
  const { start, developer } = baseline.authors;
  for (let number = 0; number < analysis.files.length; number++) {
    const first = start[number] as number;
    const end = start[number + 1] as number;
    let departing = 0;
    for (let k = first; k < end; k++) if (isFlagged(goneFlags, developer[k] as number)) departing += 1;
    if (departing === 0) continue;
    const file = analysis.files[number] as FileOwnership;
    const departingAuthors: string[] = [];
    const remainingAuthors: string[] = [];
    for (let k = first; k < end; k++) {
      const author = developer[k] as number;
      (isFlagged(goneFlags, author) ? departingAuthors : remainingAuthors).push(ids[author] as string);
    }
    for (const id of departingAuthors) {
      const entry = soleCounts.get(id) ?? { authored: 0, sole: 0 };
      entry.authored += 1;
      if (end - first === 1) entry.sole += 1;
      soleCounts.set(id, entry);
    }
    if (remainingAuthors.every((id) => unavailable.has(id))) {
      noActiveAuthorFiles += 1;
      if (remainingAuthors.length > 0) onlyInactiveAuthorsLeft.push(file.path);
    }
    if (remainingAuthors.length > 1) continue;
    const { successor, strength } = bestSuccessor(file, unavailable, remainingAuthors, weak, oneOffs);
    const handsOnSuccessor = handsOnSuccessorOf(file, unavailable, successor, analysis.model, oneOffs);
    let departingCommits = 0;
    for (const c of file.contributions) if (gone.has(c.developer)) departingCommits += c.fa + c.dl;
    const entry: FileSuccession = {
      path: file.path,
      module: moduleOf(file.path),
      status: remainingAuthors.length === 0 ? 'orphaned' : 'single-owner',
      departingAuthors,
      remainingAuthors,
      strength,
      events: file.events,
      departingCommits,
      ...(successor ? { successor } : {}),
      ...(handsOnSuccessor ? { handsOnSuccessor } : {}),
    };
    (entry.status === 'orphaned' ? orphanedFiles : singleOwnerFiles).push(entry);
  }

  const orphanBefore = orphansOf(baseline.index.allFiles, baseline.authors, baseline.authors).before;
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  // The people the files name after the departures: since when the one owner left is inactive,
  // and which successors are fading out.
  const named = new Set<string>();
  for (const file of [...orphanedFiles, ...singleOwnerFiles]) {
    for (const id of file.remainingAuthors) named.add(id);
    if (file.successor) named.add(file.successor.id);
    if (file.handsOnSuccessor) named.add(file.handsOnSuccessor.id);
  }
  const lastCommitOf = new Map(analysis.developers.map((d) => [d.id, d.lastCommit]));
  const byId = (entries: [string, string | number][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
  const lastCommits = byId([...named].flatMap((id): [string, string][] => (lastCommitOf.get(id) ? [[id, lastCommitOf.get(id) as string]] : [])));
  const fadingIds = options.fading?.developers ?? new Map<string, number>();
  const fading = byId([...named].flatMap((id): [string, number][] => (fadingIds.has(id) ? [[id, fadingIds.get(id) as number]] : []))) as Record<string, number>;
  return {
    names: Object.fromEntries([...names].sort(([a], [b]) => (a < b ? -1 : 1))),
    departures: departures.map((d) => ({ ...d, filesAuthored: soleCounts.get(d.id)?.authored ?? 0, soleAuthorFiles: soleCounts.get(d.id)?.sole ?? 0 })),
    files: analysis.files.length,
    before: { truckFactor: baseline.repository.truckFactor, orphanFiles: orphanBefore },
    after: { truckFactor: impact.truckFactor, orphanFiles: orphanBefore + impact.orphaned.length },
    orphanedFiles,
    singleOwnerFiles,
    orphanedModules: impact.modules.filter((m) => m.isOrphaned).map((m) => m.path),
    modules: impact.modules,
    timeline: departures.some((d) => d.date) ? timeline(baseline, departures, analysis.settings.referenceDate.slice(0, 10)) : [],
    weakSuccessorThreshold: weak,
    successorsFiltered: unavailable.size > gone.size,
    noActiveAuthorFiles,
    onlyInactiveAuthorsLeft,
    lastCommits: lastCommits as Record<string, string>,
    fading,
    ...(options.fading ? { fadingAfterDays: options.fading.afterDays } : {}),
    eventsPerModule: averageModuleEvents(analysis),
    takeOver: takeOverByModule(orphanedFiles, successorStandingOf(analysis, orphanedFiles, authorsAfter(gone, options.authorsOf))),
  };
}

/** For each module with orphaned files, its successors' standing in it: what breaks a tie in DeparturesResult's takeOver. */
function successorStandingOf(analysis: Analysis, orphanedFiles: readonly FileSuccession[], after: AuthorsOf): Record<string, Record<string, ModuleStanding>> {
  const successors = new Map<string, Set<string>>();
  for (const file of orphanedFiles) {
    if (!file.successor) continue;
    const ids = successors.get(file.module) ?? new Set<string>();
    ids.add(file.successor.id);
    successors.set(file.module, ids);
  }
  const groups = filesByModule(analysis);
  const result: Record<string, Record<string, ModuleStanding>> = {};
  for (const [module, ids] of [...successors].sort(([a], [b]) => (a < b ? -1 : 1))) {
    result[module] = moduleStandingOf(groups.get(module) ?? [], ids, after);
  }
  return result;
}

/**
 * The modules losing knowledge in the order scan lists them: tests, fixtures, examples, docs and
 * modules of fewer than SMALL_MODULE_FILES files after the others (isSecondaryModule), each group
 * in computeDepartures' order (most knowledge lost first). A small module that loses every author
 * and whose files were worked on (events, by anyone) at least as much as an average module's is
 * listed with the others: spring-boot's `platform` (2 files, 9,890 events, one of them the most
 * changed file of the repository, against 6,285 per module) came last of the table, below
 * `loader`, which loses 2 of 287 files (an engineering manager's test). Tiny modules stay last
 * otherwise: hugo's twelve modules of 1 to 4 files had buried its 206-file tpl (its snapcraft.yaml,
 * 460 events against 524 per module, stays there too).
 */
export function modulesInListingOrder(result: Pick<DeparturesResult, 'modules' | 'orphanedFiles' | 'eventsPerModule'>, busy = busySmallModules(result)): ModuleDeparture[] {
  const secondary = (module: ModuleDeparture) => isSecondaryModule(module) && !busy.has(module.path);
  return [...result.modules].sort((a, b) => Number(secondary(a)) - Number(secondary(b)));
}

/** The small modules modulesInListingOrder lists with the others: orphaned, of code, and busy. */
export function busySmallModules(result: Pick<DeparturesResult, 'modules' | 'orphanedFiles' | 'eventsPerModule'>): Set<string> {
  const lostEvents = new Map<string, number>();
  for (const file of result.orphanedFiles) lostEvents.set(file.module, (lostEvents.get(file.module) ?? 0) + file.events);
  const busy = result.modules.filter((module) => isBusySmallModule(module, module.isOrphaned, lostEvents.get(module.path) ?? 0, result.eventsPerModule, ownLibrary(module)));
  return new Set(busy.map((module) => module.path));
}

/** The events of the analysed files per module, on average: what a busy small module is measured against. */
export function averageModuleEvents(analysis: Pick<Analysis, 'files' | 'modules'>): number {
  return analysis.modules.length > 0 ? analysis.files.reduce((sum, file) => sum + file.events, 0) / analysis.modules.length : 0;
}

/**
 * A module of code of fewer than SMALL_MODULE_FILES files that is left with no author and whose lost
 * files were changed at least as often as an average module's (`lostEvents` against
 * `eventsPerModule`): listed with the others, not with the small ones (spring-boot's 2-file
 * `platform`). Scan's departures and the handoff's areas both judge it so.
 */
export function isBusySmallModule(module: { path: string; files: number }, leftWithNoAuthor: boolean, lostEvents: number, eventsPerModule: number, libraries: readonly string[]): boolean {
  return module.files < SMALL_MODULE_FILES && leftWithNoAuthor && !isSupportingModule(module.path, libraries) && lostEvents >= eventsPerModule;
}

/**
 * One step per last day, in the order they happen: an undated departure leaves now (the analysis
 * date, `today`), so a last day already past comes before it, and later ones after it.
 */
function timeline(baseline: Baseline, departures: readonly Departure[], today: string): TimelineStep[] {
  const when = (d: Departure) => d.date ?? today;
  const inOrder = [...departures].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : (a.date === undefined) !== (b.date === undefined) ? (a.date === undefined ? -1 : 1) : compareDepartures(a, b)));
  const steps = new Map<string, Departure[]>();
  for (const departure of inOrder) {
    const key = departure.date ?? '';
    steps.set(key, [...(steps.get(key) ?? []), departure]);
  }
  const gone = new Set<string>();
  const result: TimelineStep[] = [];
  for (const [date, leaving] of steps) {
    for (const d of leaving) gone.add(d.id);
    const impact = impactOf(baseline, gone);
    result.push({
      ...(date ? { date } : {}),
      leaving: leaving.map((d) => d.id),
      gone: [...gone],
      truckFactor: impact.truckFactor,
      orphanedFiles: impact.orphaned.length,
      orphanedModules: impact.modules.filter((m) => m.isOrphaned).map((m) => m.path),
      modules: impact.modules.filter((m) => m.knowledgeLost > 0).map((m) => ({ path: m.path, knowledgeLost: m.knowledgeLost, truckFactor: m.truckFactorAfter.value })),
    });
  }
  return result;
}

/**
 * When everyone who stays is inactive, so nobody can be a successor: the last day anyone committed
 * (the people leaving included); undefined when someone who stays is active. Whether `--until` that
 * day would help is the reports' to judge: only when that day is itself outside the inactivity
 * window (an old clone, or an old history with a merge made today; a solo maintainer leaving beside
 * long-gone others is not helped by a date: a review). From the developers' own commits: the
 * revision's date, which a merge or cherry-pick made today moves, had hidden it. Scan's departures
 * section and the handoff both judge it here.
 */
export function nobodyActiveSince(developers: readonly Pick<DeveloperSummary, 'id' | 'lastCommit'>[], gone: ReadonlySet<string>, inactive: ReadonlySet<string>): string | undefined {
  const staying = developers.filter((developer) => !gone.has(developer.id));
  if (staying.length === 0 || staying.some((developer) => !inactive.has(developer.id))) return undefined;
  return developers.reduce((latest, developer) => (developer.lastCommit > latest ? developer.lastCommit : latest), '').slice(0, 10);
}

/** Whether `day` lies more than `days` days before `referenceDate` (then measuring from it changes who is active). */
export function olderThanWindow(day: string, referenceDate: string, days: number): boolean {
  return (Date.parse(referenceDate) - Date.parse(`${day}T23:59:59Z`)) / 86_400_000 > days;
}
