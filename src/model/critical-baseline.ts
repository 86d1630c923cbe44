// Types only: check-types.ts imports isNewViolation, and --help must not load the globs (picomatch).
import type { CriticalSystemResult, CriticalViolation, ViolationAtBase } from './critical.ts';

// `check --changed <base> --new-only`: what the change makes worse. Each violation at the revision
// is compared with the same system at the merge base, both judged by the revision's config (a rule
// the change adds or tightens judges the base too: what the change did not make worse does not fail
// it). tokio: every pull request touching `time` failed on a sole owner of many years.
//
// Per rule, "worse" is the rule's own figure moving the wrong way:
// - minOwners: a lower bus factor (after departures when there are any, on both sides);
// - maxKnowledgeLoss: a larger share of the system's files that the departures orphan.
// A system with no analysed file at the base (the change creates it) has every violation new.

/** The violations of `head` marked with how they stand at `base` (the same system, by config position). */
export function compareWithBase<T extends CriticalSystemResult>(head: readonly T[], base: readonly CriticalSystemResult[]): T[] {
  const byIndex = new Map(base.map((result) => [result.index, result]));
  return head.map((result) => {
    if (result.violations.length === 0) return result;
    const before = byIndex.get(result.index);
    // The same violations, annotated: the status stays.
    return { ...result, violations: result.violations.map((violation) => ({ ...violation, base: atBase(violation, before) })) };
  });
}

function atBase(violation: CriticalViolation, base: CriticalSystemResult | undefined): ViolationAtBase {
  // No file of it there (or its globs matched nothing): nothing to be as bad as.
  if (base === undefined || base.status === 'error' || base.files.length === 0) return { isNew: true, broken: false, actual: undefined };
  const broken = base.violations.some((other) => other.rule === violation.rule);
  if (violation.rule === 'minOwners') {
    const actual = base.busFactor;
    return { isNew: !broken || violation.actual < actual, broken, actual };
  }
  const actual = base.knowledgeLoss?.share ?? 0;
  // Shares of whole files: equal counts give equal shares, the tolerance only absorbs float noise.
  return { isNew: !broken || violation.actual > actual + 1e-9, broken, actual };
}

/** Whether a violation fails the check: always, unless --new-only found it already on the base. */
export function isNewViolation(violation: Pick<CriticalViolation, 'base'>): boolean {
  return violation.base?.isNew !== false;
}
