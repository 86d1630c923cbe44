import type { AreaTakeOverCandidate, HandoffArea, MostActive } from './handoff-areas.ts';
import { CO_CHANGE_LISTED, CO_CHANGE_PARTNERS_LISTED } from './handoff-co-change.ts';
import { needsOwner, sharedOnlyWithLeaving } from './handoff-files.ts';
import { byPath, transferTier } from './handoff-order.ts';
import type { HandoffReport } from './handoff.ts';
import type { OneOff } from './one-off.ts';
import { isOwnHeader, isOwnTest } from './own-test.ts';
import type { RecentGroup } from './recent-work.ts';
import { rowsWithin } from './rows.ts';
import { isBulkOnly, type SuccessorStrength } from './successors.ts';

// The checklist: what to walk through and settle before they go (critical systems, areas to give a
// new owner, files to walk through, pairs that change together, kept files, recent work), in the
// order the document ranks areas and files.

/** Kept files the checklist names (the rest are counted; the "also worked on" table lists them). */
const KEPT_FILES_NAMED = 3;
/** The checklist names at most this many files to walk through one by one. */
const MAX_TRANSFER_ITEMS = 15;
/** Areas given an owner item each (deno: 50 such lines, many for 1-file modules); the rest in one line. */
const MAX_OWNER_AREA_ITEMS = 10;
const MAX_CO_CHANGE_ITEMS = 5;

export type ChecklistItem =
  /**
   * `bulkOnly`: the successor's every change to it was in a bulk commit; `oneOff`: the successor is a
   * one-off contributor (Successor.oneOff); `handsOnSuccessor`: HandoffFile's.
   */
  | { kind: 'transfer-file'; path: string; successor?: string; strength: SuccessorStrength; normDoa?: number; recentSuccessor?: string; bulkOnly?: boolean; oneOff?: OneOff; handsOnSuccessor?: string }
  /** The files beyond the transfer-file items: as many again with no or a weak successor. */
  | { kind: 'more-transfers'; files: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }
  /**
   * `sharedOnlyWithInactive`: files they share only with inactive developers, which need a new owner too;
   * `sharedOnlyWithLeaving`: files they share only with others leaving, likewise.
   * `bestPlaced`: the area's first take-over candidate (absent: nobody active who stays changed those files).
   * `mostActiveLately`: the area's, when the best placed is weak on all those files (or a one-off
   * contributor, or absent) and it is someone else.
   */
  | { kind: 'owner-area'; module: string; soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number; bestPlaced?: AreaTakeOverCandidate; mostActiveLately?: MostActive }
  | { kind: 'more-owner-areas'; areas: number; soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }
  | { kind: 'critical'; system: string; busFactorBefore: number; busFactorAfter: number; busFactorAfterAll?: number | undefined; minOwners: number }
  | { kind: 'co-change'; path: string; partner: string }
  /** `dependencyUpdates`, `releases`: of those commits, the ones whose subject reads as a dependency update, as a version bump of the project. */
  | { kind: 'recent-work'; commits: number; dependencyUpdates: number; releases: number; days: number; before?: string }
  /** Files they keep (see alsoWorkedOn's `keeper`): the first few, and how many in all. */
  | { kind: 'kept-files'; paths: string[]; files: number }
  /** They are inactive: the files nobody active knows better than they do (alsoWorkedOn's nobodyActiveKnowsBetter). */
  | { kind: 'best-source-files'; paths: string[]; files: number }
  | { kind: 'outside-git' };

/**
 * The checklist follows the Areas' order where it ranks areas and files: critical first, then code
 * before tests, fixtures, examples, docs and small modules (`secondary`, secondaryModules), then its
 * own order. hugo's bep was told first to "name a new owner for docs" (1149 files), which Areas
 * ranks last, and 6 of pytest's 15 files to walk through were release announcements written from a
 * template (first-time users).
 */
export function buildChecklist(report: HandoffReport, moduleOf: (path: string) => string, tierOf: (path: string) => number, secondary: (module: string) => boolean): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const system of report.summary.criticalSystems) {
    items.push({ kind: 'critical', system: system.name, busFactorBefore: system.busFactorBefore, busFactorAfter: system.busFactorAfter, ...(system.busFactorAfterAll !== undefined ? { busFactorAfterAll: system.busFactorAfterAll } : {}), minOwners: system.minOwners });
  }
  const supporting = (module: string) => Number(secondary(module));
  // The areas with the most files only they know first, in the Areas' groups (ties in the document's order).
  // Files they share only with inactive developers need a new owner as much as their own (flask: src
  // had 9 files only David knew and 13 he shared with Armin, inactive since 2020; a tester).
  const ownerless = (area: HandoffArea) => area.soleFiles + area.sharedOnlyWithInactive + area.sharedOnlyWithLeaving;
  const ownerAreas = report.areas
    .filter((area) => ownerless(area) > 0)
    .sort((a, b) => Number(b.critical.length > 0) - Number(a.critical.length > 0) || supporting(a.module) - supporting(b.module) || ownerless(b) - ownerless(a));
  for (const area of ownerAreas.slice(0, MAX_OWNER_AREA_ITEMS)) {
    const best = area.takeOver.candidates[0];
    // Beside a best placed who knows none of those files well, or nobody: who works here now.
    const active = area.mostActiveLately;
    const pointer = active && active.id !== best?.id && (!best || best.oneOff || best.ok - best.bulkOnlyOk === 0) ? { mostActiveLately: active } : {};
    items.push({ kind: 'owner-area', module: area.module, soleFiles: area.soleFiles, sharedOnlyWithInactive: area.sharedOnlyWithInactive, sharedOnlyWithLeaving: area.sharedOnlyWithLeaving, ...(best ? { bestPlaced: best } : {}), ...pointer });
  }
  const rest = ownerAreas.slice(MAX_OWNER_AREA_ITEMS);
  if (rest.length > 0) {
    const sum = (count: (area: HandoffArea) => number) => rest.reduce((total, area) => total + count(area), 0);
    items.push({ kind: 'more-owner-areas', areas: rest.length, soleFiles: sum((area) => area.soleFiles), sharedOnlyWithInactive: sum((area) => area.sharedOnlyWithInactive), sharedOnlyWithLeaving: sum((area) => area.sharedOnlyWithLeaving) });
  }
  // Files only they know that nobody can take over as is: critical ones first, then those of code
  // areas, then code before prose and chores (handoffTier), then the most worked on. Images, fonts
  // and empty files are no walk-through (their area's new owner takes them).
  const candidates = report.areas
    .flatMap((area) => area.files.map((file) => ({ file, supporting: supporting(area.module), tier: tierOf(file.path) })))
    .filter(({ file, tier }) => needsOwner(file) && transferTier(file) === 0 && tier < 3)
    .sort((a, b) => Number(b.file.critical.length > 0) - Number(a.file.critical.length > 0) || a.supporting - b.supporting || a.tier - b.tier || b.file.commits - a.file.commits || b.file.lastChange - a.file.lastChange || byPath(a.file, b.file))
    .map(({ file }) => file);
  const transfers = rowsWithin(candidates, MAX_TRANSFER_ITEMS);
  for (const file of transfers) {
    items.push({
      kind: 'transfer-file',
      path: file.path,
      strength: file.strength,
      ...(file.successor ? { successor: file.successor.id, normDoa: file.successor.normDoa } : {}),
      ...(file.recentSuccessor ? { recentSuccessor: file.recentSuccessor.id } : {}),
      ...(file.successor && isBulkOnly(file.successor) ? { bulkOnly: true } : {}),
      ...(file.successor?.oneOff ? { oneOff: file.successor.oneOff } : {}),
      ...(file.handsOnSuccessor ? { handsOnSuccessor: file.handsOnSuccessor.id } : {}),
    });
  }
  // The list stopped at MAX_TRANSFER_ITEMS without a word (rails: 15 items for 122 such files).
  if (candidates.length > transfers.length) {
    const more = candidates.slice(transfers.length);
    items.push({ kind: 'more-transfers', files: more.length, sharedOnlyWithInactive: more.filter((file) => file.othersInactive).length, sharedOnlyWithLeaving: more.filter(sharedOnlyWithLeaving).length });
  }
  // Only what the document lists: a pair named here with CHANGELOG.md was in no line of it (vite).
  // A pair with a file of a code area before a pair of docs or tests alone (pytest: its changelog and
  // its announcements' index, then getting-started.rst and that index), each group in the list's order.
  // A file and its own test change together as a matter of course: hugo's items were mostly
  // `securityConfig.go` and `securityConfig_test.go` (a tester); the file's next partner is asked instead.
  // So do a C header and its source: 3 of redis's 5 items were rdb.h/rdb.c, cluster.h/cluster.c and
  // stream.h/t_stream.c (first-time users; the last, of another stem, stays).
  const choices = rowsWithin(report.coChange, CO_CHANGE_LISTED).flatMap((entry) => {
    const listed = entry.partners.slice(0, CO_CHANGE_PARTNERS_LISTED).filter((p) => !isOwnTest(entry.path, p.path) && !isOwnHeader(entry.path, p.path));
    const partner = listed.find((p) => !p.theirs) ?? listed[0];
    return partner ? [{ path: entry.path, partner: partner.path, supporting: supporting(moduleOf(entry.path)) * supporting(moduleOf(partner.path)) }] : [];
  });
  const pairs = new Set<string>();
  for (const choice of [...choices].sort((a, b) => a.supporting - b.supporting)) {
    const key = [choice.path, choice.partner].sort().join('\0');
    if (pairs.has(key) || pairs.size >= MAX_CO_CHANGE_ITEMS) continue;
    pairs.add(key);
    items.push({ kind: 'co-change', path: choice.path, partner: choice.partner });
  }
  // Counted over all the files they changed, not the ten listed (a review: 64 on express, said as 10).
  const kept = report.alsoWorkedOn.filter((file) => file.keeper);
  if (kept.length > 0) items.push({ kind: 'kept-files', paths: kept.slice(0, KEPT_FILES_NAMED).map((file) => file.path), files: report.alsoWorkedOnMarked.kept });
  const best = report.alsoWorkedOn.filter((file) => file.nobodyActiveKnowsBetter);
  if (best.length > 0) items.push({ kind: 'best-source-files', paths: best.slice(0, KEPT_FILES_NAMED).map((file) => file.path), files: report.alsoWorkedOnMarked.bestSource });
  if (report.recentCommits.length > 0) {
    const commitsOf = (groups: readonly RecentGroup[]) => groups.reduce((sum, group) => sum + group.shas.length, 0);
    const dependencyUpdates = commitsOf(report.recentGroups.filter((group) => group.dependencyUpdate));
    const releases = commitsOf(report.recentGroups.filter((group) => group.release));
    items.push({ kind: 'recent-work', commits: report.recentCommits.length, dependencyUpdates, releases, days: report.recentDays, ...(report.recentBefore ? { before: report.recentBefore } : {}) });
  }
  items.push({ kind: 'outside-git' });
  return items;
}
