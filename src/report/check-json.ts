import { rankCritical, type CriticalViolation } from '../model/critical.ts';
import { isNewViolation } from '../model/critical-baseline.ts';
import { verdict, warningsWithNotes } from './check-describe.ts';
import type { CheckOutput } from './check-schema.ts';
import { checkPassed, preexistingSystems, type CheckReport } from './check-types.ts';
import { criticalSystemJson } from './critical-section.ts';
import { round } from './format.ts';
import { documentHead } from './json-head.ts';

/** The versioned JSON document of `check` (schemaVersion 1, see check-schema.ts). */
export function toCheckOutput(report: CheckReport): CheckOutput {
  const ranked = rankCritical(report.systems).sort((a, b) => Number(!a.checked) - Number(!b.checked));
  const checked = report.systems.filter((s) => s.checked);
  return {
    ...documentHead('check', report.model, report.repository),
    passed: checkPassed(report),
    verdict: verdict(report).text,
    config: { file: report.configFile },
    changed: report.changed ?? null,
    departing: report.departing ?? [],
    inactiveGone: report.inactiveGone ?? 0,
    inactive: report.inactive ?? [],
    summary: {
      systems: report.systems.length,
      checked: checked.length,
      ok: checked.filter((s) => s.status === 'ok').length,
      violations: checked.filter((s) => s.status !== 'ok').length,
      skipped: report.systems.length - checked.length,
      preexisting: preexistingSystems(report).length,
    },
    systems: ranked.map((system) => ({
      ...criticalSystemJson(system),
      // Not checked, so nothing it breaks counts: a script summing systems[].violations counted a
      // skipped system's (flask, a CI test). Its figures stay.
      violations: system.checked ? criticalSystemJson(system).violations.map((json, k) => ({ ...json, ...againstBase(system.violations[k] as CriticalViolation) })) : [],
      status: system.checked ? system.status : 'skipped',
      configLine: system.configLine ?? null,
      // Absent when not asked (no owner inactive, or every file has an author who is there); null
      // when nobody keeps the files: one null for both read as the same (a review).
      // With --changed: the files at risk the change touched (vuejs/core: the pull request's 20 were
      // in singleOwnerFiles among other people's). In a shallow clone, when it was judged on fewer
      // than all of them: the files its globs match at the revision (`files: 3` was the only hint).
      ...(report.changed ? { changedAtRisk: system.changedAtRisk ?? [] } : {}),
      ...(system.trackedFiles !== undefined ? { trackedFiles: system.trackedFiles } : {}),
      // `commits` is the same count as `changes`, under its first, wrong name (kept: JSON only adds).
      ...(system.keeper !== undefined ? { keeper: system.keeper && { id: system.keeper.id, name: system.keeper.name, files: system.keeper.files, commits: system.keeper.changes, changes: system.keeper.changes } } : {}),
    })),
    // What the text prints beside the systems too: a dashboard read none of it (ripgrep, a tester).
    warnings: warningsWithNotes(report),
  };
}

/** A violation's `new` and `base`, with --new-only (absent otherwise: the entries stay those of scan's `critical`). */
function againstBase(violation: CriticalViolation): { new?: boolean; base?: { broken: boolean; actual: number | null } } {
  if (violation.base === undefined) return {};
  return { new: isNewViolation(violation), base: { broken: violation.base.broken, actual: violation.base.actual === undefined ? null : round(violation.base.actual) } };
}

export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify(toCheckOutput(report), null, 2)}\n`;
}
