import { addViolations, evaluateCriticalSystems, type CriticalSystemResult, type CriticalSystemSpec } from './critical.ts';
import { authorsAfter, knowledgeLossOf, type Departure } from './departures.ts';
import type { Analysis } from './types.ts';

// What `check` gates on and `scan` shows once people are declared leaving: the critical systems
// judged on the figures after the departures.

// report/format.ts has the same helper; the model does not import from the report layer.
const percent = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/**
 * A share and the limit it broke, as percentages with enough decimals to tell them apart: 10.04%
 * against a 10% limit read "would orphan 10% … at most 10% allowed".
 */
export function lossAgainstLimit(share: number, limit: number): [share: string, limit: string] {
  let digits = 0;
  while (digits < 4 && share !== limit && percent(share, digits) === percent(limit, digits)) digits++;
  return [percent(share, digits), percent(limit, digits)];
}

/**
 * Critical systems as they stand once every declared departure (config `departures` and --leaving)
 * has happened: owners and bus factor without the people leaving (METRICS.md §8, no reassignment),
 * plus the `maxKnowledgeLoss` rule. With nobody leaving, the figures of today.
 */
export function evaluateAfterDepartures(analysis: Pick<Analysis, 'files' | 'developers'>, systems: readonly CriticalSystemSpec[], departing: readonly Pick<Departure, 'id' | 'name'>[]): CriticalSystemResult[] {
  if (departing.length === 0) return evaluateCriticalSystems(analysis, systems);
  const ids = departing.map((d) => d.id);
  const names = departing.map((d) => d.name).join(', ');
  const today = evaluateCriticalSystems(analysis, systems);
  const after = evaluateCriticalSystems(analysis, systems, { authorsOf: authorsAfter(ids) });
  const byPath = new Map(analysis.files.map((file) => [file.path, file]));
  return after.map((result, index) => {
    const before = today[index]?.busFactor ?? result.busFactor;
    let updated: CriticalSystemResult = {
      ...result,
      violations: result.violations.map((violation) =>
        violation.rule === 'minOwners'
          ? { ...violation, afterDepartures: true, message: `bus factor ${result.busFactor} after ${names} ${departing.length === 1 ? 'leaves' : 'leave'} (today ${before}; needs ${result.minOwners})` }
          : violation,
      ),
    };
    const max = result.maxKnowledgeLoss;
    if (max !== undefined && result.status !== 'error') {
      const files = result.files.flatMap((path) => byPath.get(path) ?? []);
      const loss = knowledgeLossOf(files, ids);
      if (loss.share > max) {
        const [lost, allowed] = lossAgainstLimit(loss.share, max);
        updated = addViolations(updated, [
          {
            rule: 'maxKnowledgeLoss',
            afterDepartures: true,
            required: max,
            actual: loss.share,
            message: `${names} leaving would orphan ${lost} of its files (${loss.lostFiles.length} of ${files.length}; at most ${allowed} allowed)`,
          },
        ]);
      }
    }
    return updated;
  });
}
