import { averageModuleEvents, isBusySmallModule } from './departures.ts';
import type { HandoffCommitInput, Leaving } from './handoff-input.ts';
import { needsOwner, sharedOnlyWithLeaving, type HandoffFile } from './handoff-files.ts';
import { byPath, transferTier } from './handoff-order.ts';
import { isSecondaryModule } from './modules.ts';
import type { OneOff } from './one-off.ts';
import { truckFactorOf } from './ownership.ts';
import type { SuccessorStrength } from './successors.ts';
import { moduleStandingOf, takeOverOf, type TakeOver, type TakeOverCandidate } from './take-over.ts';
import type { Analysis, FileOwnership } from './types.ts';

// The areas: their files by module, with the module's truck factor before and after them, who could
// take over what nobody active would author after them, who works there lately, and the order the
// document gives areas and the files in each.

export interface HandoffArea {
  module: string;
  /** Files of the module. */
  moduleFiles: number;
  critical: string[];
  files: HandoffFile[];
  soleFiles: number;
  /** Shared files whose other authors who stay are all inactive (HandoffFile.othersInactive). */
  sharedOnlyWithInactive: number;
  /** Shared files whose other authors are all leaving too (no other author stays). */
  sharedOnlyWithLeaving: number;
  /** Files they author only through co-author credit (HandoffFile.authorsWithoutCoAuthors). */
  coAuthorOnlyFiles: number;
  /**
   * Their newest change to a file of the module (unix seconds), one they author or not: tokio's
   * handoff said Carl Lerche last changed something in `tokio` on 2025-05-06, his last change to a
   * file he authors, while he changed tokio/README.md (Alice Ryhl's) on 2026-03-06 (first-time users).
   */
  lastChange: number;
  truckFactorBefore: number;
  /** After this person leaves, alone. */
  truckFactorAfter: number;
  /** After everyone declared leaving goes too, when others are. */
  truckFactorAfterAll?: number | undefined;
  /**
   * None of the module's files keeps an author after this person leaves, alone (it had one before):
   * scan's "orphaned module". The areas rank by the truck factor falling to 0 instead (see areaOrder).
   */
  leftWithNoAuthor: boolean;
  /**
   * Who could take over the area's files nobody active would author after them (needsOwner: theirs
   * alone, or shared only with inactive developers): the successors of those files, with the
   * module's files each of them authors after the departures.
   */
  takeOver: AreaTakeOver;
  /**
   * Who stays, is active and made the most commits to the module's analysed files in the last
   * RECENT_DAYS days, no one-off contributor (HandoffInput.lately; talentrisk extension): a pointer beside weak successors,
   * which the history cannot name. helm at 2020-01-01: Marc Khouzam, who took over much of `cmd`
   * after Adam Reese left, had barely touched its files before and was nobody's successor, but made
   * the most commits to it in the last 90 days (a first-time user). Absent when nobody did, or when
   * the commits were not read.
   */
  mostActiveLately?: MostActive;
}

/** Someone's commits to a module in the last RECENT_DAYS days. */
export interface MostActive {
  id: string;
  commits: number;
}

/** A take-over candidate of an area, and how many of the module's files they author already. */
export interface AreaTakeOverCandidate extends TakeOverCandidate {
  moduleFilesAuthored: number;
}

export interface AreaTakeOver extends TakeOver {
  candidates: AreaTakeOverCandidate[];
}

const STRENGTH_ORDER: Record<SuccessorStrength, number> = { none: 0, weak: 1, ok: 2, author: 3 };

/** What areasOf reads besides their files. */
export interface AreaContext {
  analysis: Analysis;
  leaving: Leaving;
  /** The analysis's files by module (filesByModule). */
  groups: ReadonlyMap<string, readonly FileOwnership[]>;
  moduleOf: (path: string) => string;
  tierOf: (path: string) => number;
  nameOf: (id: string) => string;
  oneOffs: ReadonlyMap<string, OneOff>;
  /** Everyone's commits of the last RECENT_DAYS days (HandoffInput.lately). */
  lately: readonly HandoffCommitInput[];
}

/** An area per module of their files (theirFilesByModule), its files in the document's order; areaOrder ranks the areas. */
export function areasOf(byModule: ReadonlyMap<string, HandoffFile[]>, context: AreaContext): HandoffArea[] {
  const { analysis, leaving, groups, moduleOf, tierOf, nameOf, oneOffs } = context;
  // Not a one-off contributor: one commit of the last 90 days is no pointer to whom to ask.
  // An extension, as hands-on and more recent are: not under --model classic (a review).
  const lately = analysis.model === 'classic' ? new Map<string, MostActive>() : mostActiveByModule(context.lately, analysis, moduleOf, new Set([...leaving.unavailable, ...oneOffs.keys()]));
  return [...byModule].map(([module, files]): HandoffArea => {
    const moduleFiles = groups.get(module) ?? [];
    files.sort(
      (a, b) =>
        Number(b.critical.length > 0) - Number(a.critical.length > 0) ||
        Number(needsOwner(b)) - Number(needsOwner(a)) ||
        transferTier(a) - transferTier(b) ||
        tierOf(a.path) - tierOf(b.path) ||
        b.commits - a.commits ||
        STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] ||
        b.lastChange - a.lastChange ||
        byPath(a, b),
    );
    return {
      module,
      moduleFiles: moduleFiles.length,
      critical: [...new Set(files.flatMap((f) => f.critical))].sort(),
      files,
      soleFiles: files.filter((f) => f.status === 'sole').length,
      sharedOnlyWithInactive: files.filter((f) => f.othersInactive).length,
      sharedOnlyWithLeaving: files.filter(sharedOnlyWithLeaving).length,
      coAuthorOnlyFiles: files.filter((f) => f.authorsWithoutCoAuthors).length,
      lastChange: lastChangeIn(moduleFiles, leaving.id),
      truckFactorBefore: truckFactorOf(moduleFiles, nameOf).value,
      truckFactorAfter: truckFactorOf(moduleFiles, nameOf, leaving.afterThem).value,
      ...(leaving.others.length > 0 ? { truckFactorAfterAll: truckFactorOf(moduleFiles, nameOf, leaving.after).value } : {}),
      leftWithNoAuthor: moduleFiles.some((file) => file.authors.length > 0) && moduleFiles.every((file) => leaving.afterThem(file).length === 0),
      takeOver: areaTakeOver(files, moduleFiles, leaving.after),
      ...(lately.has(module) ? { mostActiveLately: lately.get(module) as MostActive } : {}),
    };
  });
}

/**
 * The areas' order, by what their own leaving costs (the other departures' drops were theirs:
 * jest-config, 6 → 3 with two others leaving and 6 → 5 without, ranked above a module only Tim
 * knew): critical systems first, then code before `secondary` modules (secondaryModules), then the
 * modules whose truck factor falls to 0 (jest-schemas, 1 → 0, was 27th of 76 areas behind e2e,
 * 17 → 16, and cut from the document), then the truck-factor drop, then the files only they know,
 * then their latest change (git/git: git-gui, 1 → 0, came last, and templates, 9 files only Junio
 * knows, below xdiff with none).
 * A truck factor of 0 is fewer than half of the module's files keeping an author, not none of them
 * (leftWithNoAuthor): the document said "left with no author", and hugo's tpl (206 files only bep
 * knows, 20 Joe Mooring authors) came before hugofs (30, none kept; a tester). Ranked by "none
 * kept", the 1-file .circleci and the 6-file output would come before tpl, resources and hugolib,
 * 630 files only bep knows: the documents state the rule that is implemented instead.
 */
export function areaOrder(secondary: (module: string) => boolean): (a: HandoffArea, b: HandoffArea) => number {
  const drop = (area: HandoffArea) => area.truckFactorBefore - area.truckFactorAfter;
  const orphaned = (area: HandoffArea) => area.truckFactorBefore > 0 && area.truckFactorAfter === 0;
  const supporting = (area: HandoffArea) => Number(secondary(area.module));
  return (a, b) =>
    Number(b.critical.length > 0) - Number(a.critical.length > 0) ||
    supporting(a) - supporting(b) ||
    Number(orphaned(b)) - Number(orphaned(a)) ||
    drop(b) - drop(a) ||
    b.soleFiles - a.soleFiles ||
    b.lastChange - a.lastChange ||
    (a.module < b.module ? -1 : 1);
}

/**
 * The area's take-over: the successors of its files that need an owner, each with the module's
 * files they author after the departures (hugo: Joe Mooring, successor on 40 of tpl's files that
 * only bep knows, authors 20 others; a tester), which with their changes to the module breaks a tie
 * between them (takeOverOf: helm's root module).
 */
function areaTakeOver(files: readonly HandoffFile[], moduleFiles: readonly FileOwnership[], after: (file: FileOwnership) => readonly string[]): AreaTakeOver {
  const needing = files.filter(needsOwner);
  const standing = moduleStandingOf(moduleFiles, new Set(needing.flatMap((file) => (file.successor ? [file.successor.id] : []))), after);
  const of = (id: string) => (Object.hasOwn(standing, id) ? standing[id] : undefined);
  const takeOver = takeOverOf(needing, of);
  return { ...takeOver, candidates: takeOver.candidates.map((candidate) => ({ ...candidate, moduleFilesAuthored: of(candidate.id)?.files ?? 0 })) };
}

/**
 * Per module, who stays, is available and made the most commits to its analysed files among
 * `commits` (everyone's of the last RECENT_DAYS days), then the most recent, then the lower id.
 * A commit is its author's (the address after .mailmap); one with no known author counts for nobody.
 */
export function mostActiveByModule(commits: readonly HandoffCommitInput[], analysis: Pick<Analysis, 'developers' | 'files'>, moduleOf: (path: string) => string, unavailable: ReadonlySet<string>): Map<string, MostActive> {
  const idOf = new Map(analysis.developers.flatMap((developer) => developer.emails.map((email): [string, string] => [email.toLowerCase(), developer.id])));
  const analysed = new Set(analysis.files.map((file) => file.path));
  const counts = new Map<string, Map<string, { commits: number; last: number }>>();
  for (const commit of commits) {
    const id = commit.email ? idOf.get(commit.email.toLowerCase()) : undefined;
    if (id === undefined || unavailable.has(id)) continue;
    for (const module of new Set(commit.files.filter((path) => analysed.has(path)).map(moduleOf))) {
      const byId = counts.get(module) ?? new Map<string, { commits: number; last: number }>();
      const entry = byId.get(id) ?? { commits: 0, last: 0 };
      entry.commits += 1;
      entry.last = Math.max(entry.last, commit.time);
      byId.set(id, entry);
      counts.set(module, byId);
    }
  }
  const result = new Map<string, MostActive>();
  for (const [module, byId] of counts) {
    const [id, best] = [...byId].sort(([a, x], [b, y]) => y.commits - x.commits || y.last - x.last || (a < b ? -1 : a > b ? 1 : 0))[0] as [string, { commits: number }];
    result.set(module, { id, commits: best.commits });
  }
  return result;
}

/**
 * Their newest change to a file of the module: its contributions hold every developer who changed it,
 * the files they author among them.
 */
function lastChangeIn(moduleFiles: readonly FileOwnership[], id: string): number {
  let last = 0;
  for (const file of moduleFiles) {
    const mine = file.contributions.find((c) => c.developer === id);
    if (mine) last = Math.max(last, mine.lastChange);
  }
  return last;
}

/**
 * Whether a module ranks after the code in the handoff's areas and checklist: tests, fixtures,
 * examples and docs, and modules of fewer than SMALL_MODULE_FILES files (isSecondaryModule, as scan
 * ranks modules), but for a small module of code they leave with no author whose files were worked
 * on (events, by anyone) at least as much as an average module's, as `scan --leaving` lists it
 * (busySmallModules, src/model/departures.ts: spring-boot's 2-file `platform`).
 */
export function secondaryModules(analysis: Pick<Analysis, 'files' | 'modules'>, areas: readonly HandoffArea[], groups: ReadonlyMap<string, readonly FileOwnership[]>, libraries: readonly string[]): (module: string) => boolean {
  const kindOf = new Map(analysis.modules.map((module) => [module.path, module.kind]));
  const eventsPerModule = averageModuleEvents(analysis);
  const lostEvents = (module: string) => (groups.get(module) ?? []).reduce((sum, file) => sum + (file.authors.length > 0 ? file.events : 0), 0);
  const busy = new Set(
    areas.filter((area) => isBusySmallModule({ path: area.module, files: area.moduleFiles }, area.leftWithNoAuthor, lostEvents(area.module), eventsPerModule, libraries)).map((area) => area.module),
  );
  return (module) => !busy.has(module) && isSecondaryModule({ path: module, kind: kindOf.get(module), files: groups.get(module)?.length ?? 0 });
}
