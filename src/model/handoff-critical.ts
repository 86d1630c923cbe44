import { createSystemMatcher, evaluateCriticalSystems, type CriticalSystemSpec } from './critical.ts';
import { authorsAfter } from './departures.ts';
import type { Analysis, FileOwnership } from './types.ts';

// The critical systems (METRICS.md §9) a handoff touches: which of their files are in one, and each
// system's bus factor before and after they leave.

export interface HandoffCriticalSystem {
  name: string;
  description?: string | undefined;
  minOwners: number;
  files: number;
  /** Of the system's files: how many they author, and alone. */
  theirFiles: number;
  soleFiles: number;
  busFactorBefore: number;
  /** After this person leaves, alone. */
  busFactorAfter: number;
  /** After everyone declared leaving goes too, when others are (the truck factor's afterAll). */
  busFactorAfterAll?: number | undefined;
}

/** The names of the critical systems a path is in. */
export function criticalSystemsOf(specs: readonly CriticalSystemSpec[]): (path: string) => string[] {
  const systems = specs.map((spec) => ({ spec, matches: createSystemMatcher(spec.paths) }));
  return (path) => systems.filter((s) => s.matches(path)).map((s) => s.spec.name);
}

/**
 * The critical systems with a file of theirs: bus factor before, after they leave, and after
 * everyone declared leaving goes too (`goneAll`, when others are). A drop that takes the others
 * was charged to the one person (an EM test: "core: 2 → 1", while `check --leaving` them gave 2).
 */
export function criticalSummary(analysis: Analysis, specs: readonly CriticalSystemSpec[], personId: string, goneAll: ReadonlySet<string> | undefined, gone: readonly string[]): HandoffCriticalSystem[] {
  // Without those counted as gone already, as check judges the systems (a review: with
  // treatInactiveAsDeparted, check failed core today while the handoff blamed its 2 → 1 on Bob).
  const base = authorsAfter(gone);
  const before = evaluateCriticalSystems(analysis, specs, gone.length > 0 ? { authorsOf: base } : {});
  const later = evaluateCriticalSystems(analysis, specs, { authorsOf: authorsAfter([personId], base) });
  const laterAll = goneAll ? evaluateCriticalSystems(analysis, specs, { authorsOf: authorsAfter(goneAll, base) }) : undefined;
  const fileAt = new Map(analysis.files.map((f) => [f.path, f]));
  const result: HandoffCriticalSystem[] = [];
  before.forEach((system, index) => {
    const files = system.files.map((path) => fileAt.get(path)).filter((f): f is FileOwnership => f !== undefined);
    const theirs = files.filter((f) => base(f).includes(personId));
    if (theirs.length === 0) return;
    result.push({
      name: system.name,
      ...(system.description ? { description: system.description } : {}),
      minOwners: system.minOwners,
      files: files.length,
      theirFiles: theirs.length,
      soleFiles: theirs.filter((f) => base(f).length === 1).length,
      busFactorBefore: system.busFactor,
      busFactorAfter: later[index]?.busFactor ?? 0,
      ...(laterAll ? { busFactorAfterAll: laterAll[index]?.busFactor ?? 0 } : {}),
    });
  });
  // What this departure breaks first (at or above the rule before, below it after), then the rest:
  // a system below its rule already, where they author nothing alone, came first (a review on tokio).
  // Then what the departures together break ("below the rule with the other departures").
  const breaks = (system: HandoffCriticalSystem) =>
    system.busFactorBefore < system.minOwners ? 0 : system.busFactorAfter < system.minOwners ? 2 : (system.busFactorAfterAll ?? system.busFactorAfter) < system.minOwners ? 1 : 0;
  return result.sort((a, b) => breaks(b) - breaks(a) || (a.busFactorAfterAll ?? a.busFactorAfter) - (b.busFactorAfterAll ?? b.busFactorAfter) || a.busFactorAfter - b.busFactorAfter || (a.name < b.name ? -1 : 1));
}
