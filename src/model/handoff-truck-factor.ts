import type { Leaving } from './handoff-input.ts';
import { truckFactorOf } from './ownership.ts';
import type { Analysis, FileOwnership } from './types.ts';

// The truck factor (METRICS.md §5) before and after they leave, their place among the people it
// counts, and why it falls without someone it does not count.

/** A truck factor whose last step kept less than this share over half the files sits on the line. */
export const THIN_MARGIN = 0.02;

/**
 * Why someone the truck factor does not count lowers it: without its first `people` (as many as the
 * figure after them), `coverage` of the files keep an author, at least half; `theirFiles` of the
 * files they author have no other author then, and without those `coverageWithoutThem` do, fewer
 * than half, so the count stops at `people`. helm at 2020-01-01: "4 → 3" for Michelle Noorali, who
 * authors 29 of 978 files, with no word why (52.04% and 49.18%, just above THIN_MARGIN; a tester).
 */
export interface LowerTruckFactor {
  people: number;
  coverage: number;
  coverageWithoutThem: number;
  theirFiles: number;
}

/**
 * The truck factor before and after they leave (and after everyone leaving, when others are).
 * `thinMargin`: when their leaving lowers it, they are not one of the people it counts, and the
 * figure sits on the method's line, the share of files that keep an author without its first
 * `before − 1` people (just over half). `rank`: their place among those people (1: the first),
 * when they are one: the figure counts them, so it falls with them whatever its margin.
 * `whyLower`: when their leaving lowers it and they are not one of those people, why (LowerTruckFactor).
 */
export interface HandoffTruckFactor {
  before: number;
  afterThem: number;
  afterAll?: number;
  rank?: number;
  thinMargin?: number;
  whyLower?: LowerTruckFactor;
}

/** The truck factor before and after they leave (HandoffTruckFactor). */
export function truckFactorSummary(analysis: Analysis, leaving: Pick<Leaving, 'id' | 'others' | 'after' | 'afterThem'>, nameOf: (id: string) => string): HandoffTruckFactor {
  const afterThemValue = truckFactorOf(analysis.files, nameOf, leaving.afterThem).value;
  // One of the people the figure counts lowers it by leaving, whatever the margin: tokio's handoff of
  // Carl Lerche, the first of its 7, blamed "7 → 6" on the 50.0% line (first-time users).
  const rank = analysis.truckFactor.developers.findIndex((developer) => developer.id === leaving.id) + 1;
  const lowered = afterThemValue < analysis.truckFactor.value && rank === 0;
  // Both count the files kept without the figure's first people (usually as many: one step before the last).
  const keptWithout = keptWithoutFirstPeople(analysis);
  const margin = lowered ? coverageBeforeLastStep(analysis, keptWithout) : undefined;
  const whyLower = lowered ? lowerTruckFactor(analysis, leaving.id, afterThemValue, keptWithout) : undefined;
  return {
    before: analysis.truckFactor.value,
    afterThem: afterThemValue,
    ...(leaving.others.length > 0 ? { afterAll: truckFactorOf(analysis.files, nameOf, leaving.after).value } : {}),
    ...(rank > 0 ? { rank } : {}),
    ...(margin !== undefined && margin < 0.5 + THIN_MARGIN ? { thinMargin: margin } : {}),
    ...(whyLower ? { whyLower } : {}),
  };
}

/** Without the truck factor's first people (`gone`), the files that keep an author. */
interface KeptFiles {
  gone: ReadonlySet<string>;
  kept: readonly FileOwnership[];
}

/**
 * KeptFiles per count of people asked, each counted once: the margin and why the figure is lower
 * both ask, mostly for the same count (one step before the last).
 */
function keptWithoutFirstPeople(analysis: Pick<Analysis, 'files' | 'truckFactor'>): (people: number) => KeptFiles {
  const byCount = new Map<number, KeptFiles>();
  return (people) => {
    let result = byCount.get(people);
    if (result === undefined) {
      const gone = new Set(analysis.truckFactor.developers.slice(0, people).map((developer) => developer.id));
      result = { gone, kept: analysis.files.filter((file) => file.authors.some((author) => !gone.has(author))) };
      byCount.set(people, result);
    }
    return result;
  };
}

/**
 * The share of files that keep an author once the truck factor's first `value − 1` people are gone:
 * at least half, or the greedy method would have stopped there. Just over half, a few files losing
 * their author lower the figure: tokio's "7 → 5 if Motoyuki leaves", who authors 14 of 868 files,
 * read as a major risk (an EM test); it was 50.0 %.
 */
function coverageBeforeLastStep(analysis: Pick<Analysis, 'files' | 'truckFactor'>, keptWithout: (people: number) => KeptFiles): number | undefined {
  const { value } = analysis.truckFactor;
  if (value < 1 || analysis.files.length === 0) return undefined;
  return keptWithout(value - 1).kept.length / analysis.files.length;
}

/**
 * Why their leaving lowers the truck factor to `after` though it does not count them (LowerTruckFactor):
 * the greedy ranking keeps its order without them (truck-factor.ts), so its first `after` people are
 * the figure's. Undefined when those shares do not show it (they always should).
 */
function lowerTruckFactor(analysis: Pick<Analysis, 'files' | 'truckFactor'>, id: string, after: number, keptWithout: (people: number) => KeptFiles): LowerTruckFactor | undefined {
  const total = analysis.files.length;
  if (total === 0 || after >= analysis.truckFactor.developers.length) return undefined;
  const { gone, kept } = keptWithout(after);
  const theirFiles = kept.filter((file) => file.authors.every((author) => author === id || gone.has(author))).length;
  const coverage = kept.length / total;
  const coverageWithoutThem = (kept.length - theirFiles) / total;
  return coverage >= 0.5 && coverageWithoutThem < 0.5 ? { people: after, coverage, coverageWithoutThem, theirFiles } : undefined;
}
