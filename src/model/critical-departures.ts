import { fixedApart } from './apart.ts';
import { addViolations, evaluateCriticalSystems, filesAtRisk, type CriticalSystemResult, type CriticalSystemSpec } from './critical.ts';
import { authorsAfter, knowledgeLossOf, type Departure } from './departures.ts';
import type { Analysis } from './types.ts';

// What `check` gates on and `scan` shows once people are declared leaving: the critical systems
// judged on the figures after the departures.

/** A loss and the limit it broke, as percentages with the decimals that tell them apart. */
export function lossAgainstLimit(share: number, limit: number): [share: string, limit: string] {
  // The limit as written, to two decimals at most: `maxKnowledgeLoss: 0.5%` read "at most 1% allowed" (a re-test).
  const whole = (value: number) => Math.abs(value - Math.round(value)) < 1e-9;
  const percent = limit * 100;
  const digits = whole(percent) ? 0 : whole(percent * 10) ? 1 : 2;
  const [lost, allowed] = fixedApart(share * 100, percent, digits);
  return [`${lost}%`, `${allowed}%`];
}

/**
 * Critical systems as they stand once every declared departure (config `departures` and --leaving)
 * has happened: owners and bus factor without the people leaving (METRICS.md §8, no reassignment),
 * plus the `maxKnowledgeLoss` rule. With nobody leaving, the figures of today. `gone`: developers
 * counted as gone already, in today's figures too (the inactive ones, with
 * `model.treatInactiveAsDeparted`: extension).
 */
export function evaluateAfterDepartures(
  analysis: Pick<Analysis, 'files' | 'developers'> & { settings?: Pick<Analysis['settings'], 'referenceDate'> },
  systems: readonly CriticalSystemSpec[],
  departing: readonly (Pick<Departure, 'id' | 'name'> & { date?: string | undefined })[],
  gone: readonly string[] = [],
): CriticalSystemResult[] {
  const base = authorsAfter(gone);
  // Who is left out, as messages name them: a system they leave with no author names them.
  const developerNames = new Map(analysis.developers.map((developer) => [developer.id, developer.name]));
  const goneLabels = new Map(gone.map((id) => [id, `${developerNames.get(id) ?? id}${INACTIVE_MARK}`]));
  const withoutGone = gone.length > 0 ? { authorsOf: base, leftOut: goneLabels } : {};
  if (departing.length === 0) return evaluateCriticalSystems(analysis, systems, withoutGone);
  const ids = departing.map((d) => d.id);
  const day = analysis.settings?.referenceDate.slice(0, 10);
  const today = evaluateCriticalSystems(analysis, systems, withoutGone);
  const leftOut = new Map([...goneLabels, ...departing.map((d) => [d.id, d.name] as const)]);
  const after = evaluateCriticalSystems(analysis, systems, { authorsOf: authorsAfter(ids, base), leftOut });
  const byPath = new Map(analysis.files.map((file) => [file.path, file]));
  return after.map((result, index) => {
    const now = today[index];
    const before = now?.busFactor ?? result.busFactor;
    const files = result.files.flatMap((path) => byPath.get(path) ?? []);
    // Those leaving who author a file of the system: elixir's check named a departure of 2021 on
    // every failing line, systems he authors nothing in included (a tester's report).
    const authoring = departing.filter((d) => files.some((file) => base(file).includes(d.id)));
    const involved = authoring.length > 0 ? authoring : departing;
    const names = departingNames(involved, day);
    // A system that fails today with the same owners is not broken by the departures: say it as
    // today's failure, not "after Leo leaves" (a new user read that as Leo breaking a system in
    // which he authors nothing).
    // Files at risk too: a departure that orphans a file while the owners stay is not "today's".
    const unchanged = now !== undefined && now.busFactor === result.busFactor && sameOwners(now, result) && sameFilesAtRisk(now, result);
    // Failing with everyone already, with the same bus factor: the departures only move files into
    // risk. "bus factor 2 after Bjorn leaves (today 2)" read as Bjorn breaking it (a new-user test on
    // vite). "Without", not "after … leaves": a departure may have happened long ago (config
    // departures of people who left, to gate on who is still there: "after HcySunYang leaves (today
    // 2)" for someone gone since 2022, vuejs/core).
    const message =
      now !== undefined && now.busFactor === result.busFactor
        ? `bus factor ${result.busFactor} with or without ${names} (needs ${result.minOwners}); ${riskChange(now, result)}`
        : `bus factor ${result.busFactor} without ${names} (${before} with them; needs ${result.minOwners})`;
    let updated: CriticalSystemResult = {
      ...result,
      violations: result.violations.map((violation) => (violation.rule === 'minOwners' && !unchanged ? { ...violation, afterDepartures: true, message } : violation)),
    };
    const max = result.maxKnowledgeLoss;
    if (max !== undefined && result.status !== 'error') {
      const loss = knowledgeLossOf(files, ids, base);
      const [lost, allowed] = lossAgainstLimit(loss.share, max);
      const lossMessage = `without ${names}, ${lost} of its files lose their last author (${loss.lostFiles.length} of ${files.length}; at most ${allowed} allowed)`;
      updated = { ...updated, knowledgeLoss: { share: loss.share, lostFiles: loss.lostFiles.length, files: files.length, message: lossMessage } };
      if (loss.share > max) {
        updated = addViolations(updated, [
          {
            rule: 'maxKnowledgeLoss',
            afterDepartures: true,
            required: max,
            actual: loss.share,
            message: lossMessage,
          },
        ]);
      }
    }
    return updated;
  });
}

/** What follows the name of an inactive developer in what people read: "Ann (inactive)". */
export const INACTIVE_MARK = ' (inactive)';

/**
 * Who is leaving, as messages name them: "Ada, Bob (left 2022-01-21)", a departure dated before the
 * analysis day marked as past.
 */
export function departingNames(departing: readonly { name: string; date?: string | undefined }[], today: string | undefined): string {
  return departing.map((d) => (hasLeft(d, today) ? departureLabel(d, today) : d.name)).join(', ');
}

/**
 * A departure as headers list them, with its day: "Ada (2027-01-31)", or "Bob (left 2022-01-21)"
 * when that day is before `today` (a bare past date read as a departure still to come).
 */
export function departureLabel(d: { name: string; date?: string | undefined }, today: string | undefined): string {
  if (d.date === undefined) return d.name;
  return `${d.name} (${hasLeft(d, today) ? 'left ' : ''}${d.date})`;
}

/** Whether a departure's last day is before `today` (both YYYY-MM-DD). */
export function hasLeft(d: { date?: string | undefined }, today: string | undefined): boolean {
  return d.date !== undefined && today !== undefined && d.date < today;
}

/** What the departures do to a system's files at risk when its bus factor stays: "2 files lose their last author". */
function riskChange(now: CriticalSystemResult, after: CriticalSystemResult): string {
  const files = (count: number) => `${count} file${count === 1 ? '' : 's'}`;
  const orphaned = after.orphanFiles.length - now.orphanFiles.length;
  const added = filesAtRisk(after).length - filesAtRisk(now).length;
  const more = added > 0 ? `${added} more ${added === 1 ? 'file' : 'files'} at risk` : '';
  // Both when both change (deno: 5 files lose their last author, and 6 more are at risk).
  if (orphaned > 0) return `${files(orphaned)} ${orphaned === 1 ? 'loses its' : 'lose their'} last author${more ? `; ${more}` : ''}`;
  if (more) return more;
  return 'other files at risk';
}

function sameFilesAtRisk(a: CriticalSystemResult, b: CriticalSystemResult): boolean {
  const before = filesAtRisk(a);
  const after = filesAtRisk(b);
  return before.length === after.length && before.every((path, i) => path === after[i]);
}

function sameOwners(a: CriticalSystemResult, b: CriticalSystemResult): boolean {
  return a.owners.length === b.owners.length && a.owners.every((owner, i) => owner.id === b.owners[i]?.id);
}
