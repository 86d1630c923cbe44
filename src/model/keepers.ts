import type { CriticalSystemResult } from './critical.ts';
import { markedInactive } from './decay.ts';
import type { Analysis, FileOwnership } from './types.ts';

// Who keeps files whose authors are gone: handoff's "kept by" (redis: the active maintainer kept
// server.c, authored by antirez, inactive) and check's keeper of a system whose owner is inactive
// (vuejs/core: a sole owner inactive for years while someone else changed compileScript.ts 20 times).

/** Fewest changes (first authorship and deliveries) that make someone who worked on a file count. */
export const KEEPER_MIN_CHANGES = 2;

/**
 * Whether someone with `changes` changes (fa + dl) to `file` keeps it: every author of the file is
 * unavailable (inactive, or leaving), and no rival changed it more. Rivals are by default everyone
 * available (check's keeper stays); `isRival` widens them (a leaver's handoff: everyone active).
 */
export function keepsFile(
  file: Pick<FileOwnership, 'authors' | 'contributions'>,
  changes: number,
  unavailable: ReadonlySet<string>,
  isRival: (id: string) => boolean = (id) => !unavailable.has(id),
): boolean {
  return file.authors.length > 0 && file.authors.every((author) => unavailable.has(author)) && !file.contributions.some((c) => isRival(c.developer) && c.fa + c.dl > changes);
}

/**
 * Whether `id`, who is leaving, keeps `file` (handoff's "kept by"; in practice its maintainer): the
 * keeper rule of check (keeperOf: someone active, KEEPER_MIN_CHANGES changes at least, every author
 * unavailable) with everyone active as a rival, those leaving too, its authors among them. helm at
 * 2020-01-01: Michelle Noorali, 253 days without a commit, "kept" cmd/helm/get_all_test.go with 4
 * commits, the last in 2017, to the 11 of its author Adam Reese, active and leaving the same day (a
 * tester). An inactive author's changes do not count: redis's active maintainer keeps server.c,
 * though antirez, inactive, made several times as many commits to it (779 in `git log --follow`).
 */
export function leaverKeepsFile(file: Pick<FileOwnership, 'authors' | 'contributions'>, id: string, unavailable: ReadonlySet<string>, inactive: ReadonlySet<string>): boolean {
  return !inactive.has(id) && nobodyActiveKnowsBetter(file, id, unavailable, inactive);
}

/**
 * The keeper rule without asking that `id` be active: every author of the file is unavailable, and
 * nobody active changed it more than `id`, who changed it KEEPER_MIN_CHANGES times or more. For
 * someone inactive (who keeps nothing), the files of which they are still the best source: express's
 * lib/ (TJ Holowaychuk its author, inactive since 2014), where Douglas Wilson, inactive himself by
 * mid-2024, made 63 of response.js's changes, had no word in his handoff but "also worked on" (a
 * first-time user).
 */
export function nobodyActiveKnowsBetter(file: Pick<FileOwnership, 'authors' | 'contributions'>, id: string, unavailable: ReadonlySet<string>, inactive: ReadonlySet<string>): boolean {
  const mine = file.contributions.find((c) => c.developer === id);
  if (!mine || mine.fa + mine.dl < KEEPER_MIN_CHANGES) return false;
  return keepsFile(file, mine.fa + mine.dl, unavailable, (other) => other !== id && !inactive.has(other));
}

export interface SystemKeeper {
  id: string;
  /** Files of the set they keep (keepsFile). */
  files: number;
  /**
   * Their changes (fa + dl) to those files, per file: a commit that changes 3 of them counts 3
   * (vuejs/core: "263 commits" by someone who made 177 commits to the whole package). Distinct
   * commits would need another walk of the history.
   */
  changes: number;
}

/** How many of `files` have authors, every one of them unavailable: files someone else has to keep. */
export function needKeeping(files: readonly Pick<FileOwnership, 'authors'>[], unavailable: ReadonlySet<string>): number {
  return files.filter((file) => file.authors.length > 0 && file.authors.every((author) => unavailable.has(author))).length;
}

/**
 * The available developer who keeps the most of `files` (keepsFile; at least KEEPER_MIN_CHANGES
 * changes to a file), then the most changes to them, then the most recent; undefined when nobody does.
 */
export function keeperOf(files: readonly Pick<FileOwnership, 'authors' | 'contributions'>[], unavailable: ReadonlySet<string>): SystemKeeper | undefined {
  const kept = new Map<string, SystemKeeper & { last: number }>();
  for (const file of files) {
    for (const c of file.contributions) {
      const changes = c.fa + c.dl;
      if (unavailable.has(c.developer) || changes < KEEPER_MIN_CHANGES || !keepsFile(file, changes, unavailable)) continue;
      const keeper = kept.get(c.developer) ?? { id: c.developer, files: 0, changes: 0, last: 0 };
      keeper.files += 1;
      keeper.changes += changes;
      keeper.last = Math.max(keeper.last, c.lastChange);
      kept.set(c.developer, keeper);
    }
  }
  const best = [...kept.values()].sort((a, b) => b.files - a.files || b.changes - a.changes || b.last - a.last || (a.id < b.id ? -1 : 1))[0];
  return best ? { id: best.id, files: best.files, changes: best.changes } : undefined;
}

/** Of a system with an inactive owner: who keeps its files, by name; null when nobody does. */
export type NamedKeeper = (SystemKeeper & { name: string }) | null;

/**
 * The systems with an inactive owner and files with no author who is there, with who keeps those
 * files (keeperOf; someone available: neither inactive nor leaving), null when nobody does, and how
 * many such files there are (vuejs/core: a sole owner inactive for years, and someone else changed
 * compileScript.ts 20 times). The other systems as they are.
 */
export function withKeepers<T extends Pick<CriticalSystemResult, 'owners' | 'files'>>(
  systems: readonly T[],
  analysis: Pick<Analysis, 'model' | 'settings' | 'developers' | 'files'>,
  departing: readonly { id: string }[],
): (T & { keeper?: NamedKeeper; unheldFiles?: number })[] {
  const inactive = markedInactive(analysis);
  if (inactive.size === 0) return [...systems];
  const unavailable = new Set([...inactive, ...departing.map((d) => d.id)]);
  const byPath = new Map(analysis.files.map((file) => [file.path, file]));
  const names = new Map(analysis.developers.map((developer) => [developer.id, developer.name]));
  return systems.map((system) => {
    if (!system.owners.some((owner) => inactive.has(owner.id))) return system;
    const files = system.files.flatMap((path) => byPath.get(path) ?? []);
    // Every file with an author who is there: its active owners hold it, nobody else is asked about.
    const unheldFiles = needKeeping(files, unavailable);
    if (unheldFiles === 0) return system;
    const keeper = keeperOf(files, unavailable);
    return { ...system, keeper: keeper ? { ...keeper, name: names.get(keeper.id) ?? keeper.id } : null, unheldFiles };
  });
}
