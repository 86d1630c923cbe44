import { filesAtRisk, rankCritical, type CriticalSystemResult, type CriticalViolation } from '../model/critical.ts';
import { isNewViolation } from '../model/critical-baseline.ts';
import { departureLabel, lossAgainstLimit } from '../model/critical-departures.ts';
import { plural } from './format.ts';
import type { CheckedSystem, CheckReport } from './check-types.ts';
import { failingSystems, preexistingSystems } from './check-types.ts';

// Plain-words phrases shared by every check format. They are NOT escaped: each reporter escapes
// them for its own format (terminal, markdown, XML, workflow commands).

type System = Pick<CriticalSystemResult, 'status' | 'busFactor' | 'minOwners' | 'owners' | 'authors' | 'error' | 'files'>;

/** "bus factor 1, needs 2" */
export function busFactorPhrase(system: System): string {
  if (system.status === 'error') return 'configuration error';
  return `bus factor ${system.busFactor}, needs ${system.minOwners}`;
}

/** Who holds the knowledge: "sole owner: Ada" / "owners: Ada, Bob" / "no owner (authors: …)". */
export function ownersPhrase(system: System, max = 4): string {
  if (system.status === 'error') return system.error ?? 'no analysed file matches its globs';
  const names = (list: readonly { name: string }[]) => (list.length > max ? `${list.slice(0, max).map((o) => o.name).join(', ')} +${list.length - max} more` : list.map((o) => o.name).join(', '));
  if (system.owners.length === 0) {
    return system.authors.length ? `no owner: fewer than half its files have an author (authors: ${names(system.authors)})` : 'no owner: no file has an author';
  }
  return system.owners.length === 1 ? `sole owner: ${names(system.owners)}` : `owners: ${names(system.owners)}`;
}

/** What follows the name of an inactive owner or author in the reports people read. */
export const INACTIVE_MARK = ' (inactive)';

/**
 * The systems with " (inactive)" after the name of every owner or author in `inactive` (ids), for
 * the reports people read: a gate passed on owners gone for years, unmarked (a team lead on babel).
 */
export function markInactiveOwners<T extends CriticalSystemResult>(systems: readonly T[], inactive: ReadonlySet<string>): T[] {
  if (inactive.size === 0) return [...systems];
  const mark = <P extends { id: string; name: string }>(person: P): P => (inactive.has(person.id) ? { ...person, name: `${person.name}${INACTIVE_MARK}` } : person);
  return systems.map((system) => ({
    ...system,
    owners: system.owners.map(mark),
    authors: system.authors.map(mark),
    singleOwnerFiles: system.singleOwnerFiles.map((file) => ({ ...file, owner: mark(file.owner) })),
  }));
}

/**
 * The report with " (inactive)" after the name of every inactive owner or author, for the formats
 * people read: the gate passed on owners gone for years, and a failing system named one who left
 * in 2018, unmarked (a team lead on babel). JSON lists them in `inactive` instead.
 */
export function markInactive(report: CheckReport): CheckReport {
  const inactive = inactiveIds(report);
  return inactive.size === 0 ? report : { ...report, systems: markInactiveOwners(report.systems, inactive) };
}

/** The ids of the report's inactive owners and authors. */
export function inactiveIds(report: Pick<CheckReport, 'inactive'>): Set<string> {
  return new Set((report.inactive ?? []).map((person) => person.id));
}

/**
 * Who the figures assume gone, or '' when nobody: every format says it (the markdown, github and
 * junit reports showed changed bus factors and owners with no word of the departures behind them).
 */
export function departuresPhrase(report: Pick<CheckReport, 'departing' | 'referenceDay' | 'inactiveGone'>): string {
  const gone = [
    ...(report.departing ?? []).map((d) => departureLabel(d, report.referenceDay)),
    // Counted, not named: pytest had 51 inactive authors.
    ...(report.inactiveGone ? [`${plural(report.inactiveGone, 'inactive developer')} (model.treatInactiveAsDeparted)`] : []),
  ];
  if (gone.length === 0) return '';
  return `after departures: ${gone.join(', ')} — owners and bus factors are without them`;
}

/** "3 files at risk: a.ts, b.ts +1 more" or "" when none. */
export function atRiskPhrase(system: Pick<CriticalSystemResult, 'orphanFiles' | 'singleOwnerFiles'>, max = 2): string {
  const files = filesAtRisk(system);
  if (files.length === 0) return '';
  const shown = files.slice(0, max).join(', ') + (files.length > max ? ` +${files.length - max} more` : '');
  return `${plural(files.length, 'file')} at risk: ${shown}`;
}

/**
 * What failed, in a few words (an annotation's title): "bus factor 1, needs 2", "departures
 * orphan 11%, at most 10%". A system failing on departures alone was titled with its bus factor,
 * which passed ("bus factor 2, needs 2").
 */
export function failurePhrase(system: CriticalSystemResult): string {
  if (system.status === 'error' || system.violations.length === 0) return busFactorPhrase(system);
  return system.violations
    .map((violation) => (violation.rule === 'minOwners' ? `bus factor ${violation.actual}, needs ${violation.required}` : `departures orphan ${lossAgainstLimit(violation.actual, violation.required).join(', at most ')}`))
    .join('; ');
}

/**
 * In a shallow clone, what every verdict rests on, or '': "shallow clone: only the 56 fetched
 * commits are read" (tokio: an annotation named soreavis the only owner of sync, and the caveat
 * was a separate warning with no file: a tester).
 */
export function shallowCaveat(report: Pick<CheckReport, 'fetchedCommits'>): string {
  const commits = report.fetchedCommits;
  if (commits === undefined) return '';
  return `shallow clone: only the ${commits === 1 ? '1 fetched commit is' : `${commits} fetched commits are`} read`;
}

/** Why a system was skipped: --changed left it out, or a shallow clone's fetched history changes none of its files. */
export function skipReason(system: Pick<CriticalSystemResult, 'unfetchedFiles'>, changed: CheckReport['changed']): string {
  if (system.unfetchedFiles !== undefined) return `not judged: none of its ${plural(system.unfetchedFiles, 'file')} changed in the fetched history`;
  return `no file changed${changed ? ` since ${changed.base}` : ''}`;
}

/** A skipped system's status in a few words: "skipped: no file changed since main", "not judged: none of its 7 files …". */
export function skipLabel(system: Pick<CriticalSystemResult, 'unfetchedFiles'>, changed: CheckReport['changed']): string {
  const reason = skipReason(system, changed);
  return system.unfetchedFiles !== undefined ? reason : `skipped: ${reason}`;
}

/** One sentence per failing system, for annotations, SARIF and JUnit: the broken rules first; `caveat` (shallowCaveat) in brackets at its end. */
export function violationSentence(system: CriticalSystemResult, caveat = ''): string {
  const others = system.violations.filter((violation) => violation.rule !== 'minOwners' || violation.afterDepartures).map((violation) => violation.message);
  const ownersFail = system.status === 'error' || system.violations.some((violation) => violation.rule === 'minOwners');
  const parts = ownersFail
    ? [`Critical system "${system.name}" has ${busFactorPhrase(system)}`, ownersPhrase(system)]
    : [`Critical system "${system.name}": ${others.join('; ')}`, `bus factor ${system.busFactor} (needs ${system.minOwners})`, ownersPhrase(system)];
  const risk = atRiskPhrase(system, 5);
  if (risk) parts.push(risk);
  if (ownersFail) parts.push(...others);
  return `${parts.join('; ')}${caveat ? ` (${caveat})` : ''}.`;
}

/** "has too few owners", "would lose too much of its knowledge", or both, in the rules' words, for the systems that break them. */
function brokenRules(systems: readonly CriticalSystemResult[], broken: (violation: CriticalViolation) => boolean = () => true): string {
  const one = systems.length === 1;
  // What failed, in the rules' words: an owner count that holds while departures orphan too many
  // files is not "too few owners". "and" when every failing system breaks both rules, "or" when
  // they fail for different reasons.
  const breaks = (system: CriticalSystemResult, rule: string) => system.violations.some((violation) => violation.rule === rule && broken(violation));
  const owners = systems.filter((system) => breaks(system, 'minOwners')).length;
  const loss = systems.filter((system) => breaks(system, 'maxKnowledgeLoss')).length;
  const fewOwners = `${one ? 'has' : 'have'} too few owners`;
  const tooMuchLost = `would lose too much of ${one ? 'its' : 'their'} knowledge`;
  return loss === 0 ? fewOwners : owners === 0 ? tooMuchLost : owners === systems.length && loss === systems.length ? `${fewOwners} and ${tooMuchLost}` : `${fewOwners} or ${tooMuchLost}`;
}

/** The one-line verdict. */
export function verdict(report: CheckReport): { passed: boolean; text: string } {
  const checked = report.systems.filter((system) => system.checked);
  const unfetched = report.systems.filter((system) => !system.checked && system.unfetchedFiles !== undefined).length;
  const skipped = report.systems.length - checked.length - unfetched;
  const failing = failingSystems(report);
  const since = report.changed ? ` since ${report.changed.base}` : '';
  const skippedNotes = [...(skipped > 0 ? [`${skipped} skipped: no file changed${since}`] : []), ...(unfetched > 0 ? [`${unfetched} not judged: no file changed in the fetched history`] : [])];
  const caveat = shallowCaveat(report);
  const skippedNote = `${skippedNotes.length > 0 ? ` (${skippedNotes.join('; ')})` : ''}${caveat ? `; ${caveat}` : ''}`;
  if (checked.length === 0) {
    return { passed: true, text: `No critical system has a changed file${since}: nothing to check.` };
  }
  // --new-only: what the merge base already breaks as badly passes, and is said (tokio's `time`).
  const preexisting = rankCritical(preexistingSystems(report));
  const base = report.changed?.base ?? '';
  const names = (systems: readonly CriticalSystemResult[]) => rankCritical(systems).map((system) => system.name).join(', ');
  if (failing.length === 0 && preexisting.length > 0) {
    return {
      passed: true,
      text:
        checked.length === 1
          ? `Critical system "${preexisting[0]?.name}" is no worse than on ${base}: it already ${brokenRules(preexisting)} there${skippedNote}.`
          : `No critical system of the ${checked.length} checked is worse than on ${base}: ${names(preexisting)} already ${brokenRules(preexisting)} there${skippedNote}.`,
    };
  }
  if (failing.length === 0) {
    return {
      passed: true,
      // "All 2 critical systems" read oddly (prometheus, a CI maintainer).
      text: `${checked.length === 1 ? `Critical system "${checked[0]?.name}" has` : checked.length === 2 ? 'Both critical systems have' : `All ${checked.length} critical systems have`} enough owners${skippedNote}.`,
    };
  }
  // In the table's order (failing first, lowest bus factor first), not the config's (curl: the
  // verdict and the table above it named the systems in different orders). With --new-only, by the
  // rules broken anew (or worse) only.
  const compared = report.changed?.newOnly === true;
  const what = brokenRules(failing, compared ? isNewViolation : undefined);
  const already = preexisting.length > 0 ? `; already on ${base}, not made worse: ${names(preexisting)}` : '';
  return {
    passed: false,
    text: `${failing.length} of ${plural(checked.length, 'critical system')} ${what}${compared ? ` (new or worse than on ${base})` : ''}: ${names(failing)}${already}${skippedNote}.`,
  };
}

/** A rule's figure against its limit: "bus factor 1 (needs 2)", "departures orphan 30% (at most 20%)". */
function ruleFigure(violation: Pick<CriticalViolation, 'rule' | 'actual' | 'required'>): string {
  if (violation.rule === 'minOwners') return `bus factor ${violation.actual} (needs ${violation.required})`;
  const [lost, allowed] = lossAgainstLimit(violation.actual, violation.required);
  return `departures orphan ${lost} (at most ${allowed})`;
}

/**
 * How a violation stands against the merge base (--new-only), or '' when it was not compared: "new
 * since main (bus factor 2 there)", "worse than on main (…)", "already on main (bus factor 1
 * there), not made worse".
 */
export function baseComparison(violation: Pick<CriticalViolation, 'rule' | 'required' | 'base'>, changed: CheckReport['changed']): string {
  const atBase = violation.base;
  if (atBase === undefined || changed === undefined) return '';
  if (atBase.actual === undefined) return `new: no analysed file of it on ${changed.base}`;
  const there = violation.rule === 'minOwners' ? `bus factor ${atBase.actual} there` : `departures orphan ${lossAgainstLimit(atBase.actual, violation.required)[0]} there`;
  if (!atBase.isNew) return `already on ${changed.base} (${there}), not made worse`;
  return atBase.broken ? `worse than on ${changed.base} (${there})` : `new since ${changed.base} (${there})`;
}

/**
 * With --new-only, per broken rule of a checked system: its figure and how it stands on the base,
 * and whether it fails the check ("bus factor 1 (needs 2): already on main (bus factor 1 there),
 * not made worse"). In the table's order.
 */
export function baseNotes(report: CheckReport): { system: string; message: string; isNew: boolean }[] {
  if (!report.changed?.newOnly) return [];
  return rankCritical(report.systems.filter((system) => system.checked && system.status === 'violation')).flatMap((system) =>
    system.violations.filter((violation) => violation.base !== undefined).map((violation) => ({ system: system.name, message: baseNote(violation, report.changed), isNew: isNewViolation(violation) })),
  );
}

/** A violation's figure and how it stands on the base: "bus factor 1 (needs 2): already on main (…), not made worse". */
function baseNote(violation: CriticalViolation, changed: CheckReport['changed']): string {
  return `${ruleFigure(violation)}: ${baseComparison(violation, changed)}`;
}

/** The base notes of one system as a sentence, for annotations, SARIF and JUnit ("Against main: …."), or ''. */
export function baseSentence(system: CriticalSystemResult, changed: CheckReport['changed']): string {
  const notes = system.violations.filter((violation) => violation.base !== undefined).map((violation) => baseNote(violation, changed));
  return notes.length > 0 && changed ? ` Against ${changed.base}: ${notes.join('; ')}.` : '';
}

/**
 * The messages the table does not carry, for the text formats: rules other than the owner count,
 * and an owner count broken by departures ("bus factor 1 without Bob (2 with them; needs 2)":
 * the table shows only the 1; scan printed the line and check did not).
 */
export function otherViolations(report: CheckReport): { system: string; message: string }[] {
  // In the table's order, as the verdict (review: the lines between them were in config order).
  // With --new-only, only the rules broken anew or worse: one the base already broke as badly is
  // said once, as such (baseNotes), not also in red (a review).
  const failing = (violation: CriticalViolation) => report.changed?.newOnly !== true || isNewViolation(violation);
  return rankCritical(failingSystems(report)).flatMap((system) =>
    system.violations.filter((violation) => (violation.rule !== 'minOwners' || violation.afterDepartures) && failing(violation)).map((violation) => ({ system: system.name, message: violation.message })),
  );
}

/**
 * The systems whose departures stay within their `maxKnowledgeLoss`, with what they would orphan:
 * the headroom, which a passing system did not show (io-driver lost 15 % of a 20 % limit, and
 * nothing said so: an EM test on tokio). Only systems that pass: a "✓ client-runtime: … at most 25%
 * allowed" under its ✗ row read as passing (svelte, a user test; its failure says what to fix, and
 * the JSON keeps its knowledgeLoss). Skipped systems (`--changed`) are left out.
 */
export function lossesWithinLimit(systems: readonly (CriticalSystemResult & { checked?: boolean })[]): { system: string; message: string }[] {
  return rankCritical(systems.filter((system) => system.checked !== false && system.status === 'ok' && system.knowledgeLoss)).map((system) => ({
    system: system.name,
    message: (system.knowledgeLoss as NonNullable<CriticalSystemResult['knowledgeLoss']>).message,
  }));
}

/** Inactive people by id: their name and the ISO date of their last commit. */
export type InactivePeople = ReadonlyMap<string, { name: string; lastCommit: string }>;

/** The report's inactive owners and authors (its `inactive`), by id. */
export function inactivePeople(report: Pick<CheckReport, 'inactive'>): InactivePeople {
  return new Map((report.inactive ?? []).map((person) => [person.id, { name: person.name, lastCommit: person.lastCommit }]));
}

/**
 * What to do about passing systems held by inactive owners: said once under their notes (tokio:
 * four 250-character lines gave the same advice, one per system).
 */
export const INACTIVE_OWNERS_ADVICE = 'The bus factor counts inactive owners: to gate on who is active, set `model.treatInactiveAsDeparted: true` or declare them gone (`--leaving`, or config `departures`).';

/**
 * Passing systems that fewer active owners hold than their rule asks: the bus factor counts inactive
 * owners (the published figure), so the gate stayed green on knowledge nobody active holds
 * (requests: "✓ auth 2 2 owners: Kenneth Reitz (inactive), Shivaram Lingamneni (inactive)", a team
 * lead's test; gson: "owners: Jesse Wilson (inactive), Marcono1234" with 2 needed, an EM's).
 * Per system only the facts: who is inactive, with their last commit. The advice is
 * INACTIVE_OWNERS_ADVICE, once.
 */
export function inactiveOwnerNotes(systems: readonly (CriticalSystemResult & Partial<Pick<CheckedSystem, 'checked' | 'keeper'>>)[], inactive: InactivePeople): { system: string; message: string }[] {
  if (inactive.size === 0) return [];
  const activeOf = (system: CriticalSystemResult) => system.owners.filter((owner) => !inactive.has(owner.id)).length;
  const passing = systems.filter((system) => system.checked !== false && system.status === 'ok' && system.owners.length > 0 && activeOf(system) < system.minOwners);
  return rankCritical(passing).map((system) => {
    const active = activeOf(system);
    const who = inactiveOwners(system, inactive);
    const kept = keeperPhrase(system);
    return {
      system: system.name,
      message:
        (active === 0
          ? `passes on ${system.owners.length === 1 ? 'an owner who is' : `${system.owners.length} owners who are all`} inactive: ${who}`
          : `passes on ${system.owners.length} owners, but only ${active} of them ${active === 1 ? 'is' : 'are'} active (needs ${system.minOwners}); inactive: ${who}`) + (kept ? `; ${kept}` : ''),
    };
  });
}

/** A system's inactive owners with their last commit: "Ada (no commit since 2023-01-01)", by the analysis's names (an owner's may carry the " (inactive)" mark already). */
function inactiveOwners(system: Pick<CriticalSystemResult, 'owners'>, inactive: InactivePeople): string {
  return system.owners
    .flatMap((owner) => {
      const person = inactive.get(owner.id);
      return person ? [`${person.name} (no commit since ${person.lastCommit.slice(0, 10)})`] : [];
    })
    .join(', ');
}

/** Who keeps a system's files (its `keeper`), or '' when it was not asked (no inactive owner): "kept by Bob (20 commits to 3 of its 7 files)". */
export function keeperPhrase(system: Pick<CheckedSystem, 'keeper' | 'files' | 'unheldFiles'>): string {
  if (system.keeper === undefined) return '';
  const total = system.files.length;
  // Which files: "its files" read as all of them while an active owner held most (a review).
  if (!system.keeper) {
    const unheld = system.unheldFiles ?? total;
    return `nobody active has been keeping ${unheld >= total ? (total === 1 ? 'its file' : 'its files') : `the ${unheld === 1 ? 'one' : unheld} of its ${total} files with no active author`}`;
  }
  const { name, files, commits } = system.keeper;
  const which = files < total ? `${files} of its ${total} files` : total === 1 ? 'its file' : total === 2 ? 'both its files' : `all ${total} of its files`;
  return `kept by ${name} (${plural(commits, 'commit')} to ${which})`;
}

/**
 * The failing systems (or, with --new-only, those already failing on the base) whose owners include
 * inactive ones, with who keeps their files: the table names "sole owner: Ada (inactive)" and no
 * word of who works on it (vuejs/core). In the table's order.
 */
export function inactiveOwnerKeepers(report: CheckReport, inactive: InactivePeople = inactivePeople(report)): { system: string; message: string }[] {
  if (inactive.size === 0) return [];
  const named = report.systems.filter((system) => system.checked && system.status === 'violation' && system.keeper !== undefined && system.owners.some((owner) => inactive.has(owner.id)));
  return rankCritical(named).map((system) => {
    const count = system.owners.filter((owner) => inactive.has(owner.id)).length;
    const owners = system.owners.length === 1 ? 'its sole owner' : count === 1 ? 'its owner' : 'its owners';
    return { system: system.name, message: `${owners} ${inactiveOwners(system, inactive)} ${count === 1 ? 'is' : 'are'} inactive; ${keeperPhrase(system)}` };
  });
}

/**
 * Checked systems that files which are not code lift over their minOwners (`codeOnly`): ohmyzsh's
 * plugin-git passed at bus factor 3 on its README.md while its one code file had a single author
 * (`--only-code` failed it at 1: a CI maintainer). The verdict stays the published one; the note
 * gives the code's own figure and how to gate on it. In the table's order.
 */
export function codeOnlyNotes(systems: readonly (CriticalSystemResult & Partial<Pick<CheckedSystem, 'checked' | 'codeOnly'>>)[]): { system: string; message: string }[] {
  return rankCritical(systems.filter((system) => system.checked !== false && system.codeOnly !== undefined)).map((system) => {
    const figure = system.codeOnly as NonNullable<CheckedSystem['codeOnly']>;
    const one = figure.otherFiles === 1;
    const more = figure.otherFiles - figure.examples.length;
    const others = one ? (figure.examples[0] ?? 'one other file') : `its ${figure.otherFiles} other files (${figure.examples.join(', ')}${more > 0 ? ` +${more} more` : ''})`;
    // A `!` glob that leaves them out of this system only: the file itself, or their one extension.
    const glob = one && figure.examples[0] !== undefined ? `!${figure.examples[0].replace(/[*?[\]{}()!+@\\]/g, '\\$&')}` : figure.extension ? `!**/*${figure.extension}` : undefined;
    const leaveOut = glob ? `leave ${one ? 'it' : 'them'} out of its paths (\`${JSON.stringify(glob)}\`)` : 'leave them out of its paths with "!" globs';
    return {
      system: system.name,
      message:
        `passes on files that are not code: its code (${plural(figure.codeFiles, 'file')}) has bus factor ${figure.busFactor} (needs ${system.minOwners}), and ${others} ${one ? 'lifts' : 'lift'} it to ${system.busFactor}; ` +
        `to gate on the code, run check with \`--only-code\` (every system), or ${leaveOut}`,
    };
  });
}

/** The notes on passing systems as warnings of a JSON document ("fuzzing: passes on an owner who is inactive: …"), then the advice once. */
export function systemNotes(systems: readonly (CriticalSystemResult & Partial<Pick<CheckedSystem, 'checked' | 'codeOnly'>>)[], inactive: InactivePeople): string[] {
  const code = codeOnlyNotes(systems).map(({ system, message }) => `${system}: ${message}`);
  const notes = inactiveOwnerNotes(systems, inactive).map(({ system, message }) => `${system}: ${message}`);
  return [...code, ...(notes.length > 0 ? [...notes, INACTIVE_OWNERS_ADVICE] : [])];
}

/** The report's warnings and the notes on its passing systems, for the formats that list them together (JSON, JUnit, SARIF). */
export function warningsWithNotes(report: CheckReport): string[] {
  return [...report.warnings, ...systemNotes(report.systems, inactivePeople(report))];
}

/**
 * What to do about a failing check, in one sentence (the SARIF rule's help, for the formats that
 * people read): undefined when it passed.
 */
export function fixHint(report: CheckReport, format: { text: (text: string) => string; code: (text: string) => string } = PLAIN_HINT): string | undefined {
  const failing = failingSystems(report);
  if (failing.length === 0) return undefined;
  const byDepartures = failing.every((system) => system.violations.length > 0 && system.violations.every((violation) => violation.afterDepartures));
  return (
    format.text(`To fix: have someone else change and review the files at risk, or pair on them, until they have another author${byDepartures ? ' who is staying' : ''} (`) +
    format.code('talentrisk explain <path>') +
    format.text(` shows who knows a file); if a rule asks more than the team can hold, change it in ${report.configFile}.`)
  );
}

const PLAIN_HINT = { text: (text: string) => text, code: (text: string) => `\`${text}\`` };
