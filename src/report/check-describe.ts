import { fewerThanHalfAuthored, filesAtRisk, namesUpTo, rankCritical, type CriticalSystemResult, type CriticalViolation } from '../model/critical.ts';
import { isNewViolation } from '../model/critical-baseline.ts';
import { departureLabel, INACTIVE_MARK, lossAgainstLimit } from '../model/critical-departures.ts';
import { plural } from './format.ts';
import type { CheckedSystem, CheckReport } from './check-types.ts';
import { failingSystems, preexistingSystems } from './check-types.ts';

// Plain-words phrases shared by every check format. They are NOT escaped: each reporter escapes
// them for its own format (terminal, markdown, XML, workflow commands).

type System = Pick<CriticalSystemResult, 'status' | 'busFactor' | 'minOwners' | 'owners' | 'authors' | 'authorsLeftOut' | 'error' | 'files'>;

/** "bus factor 1, needs 2" */
export function busFactorPhrase(system: System): string {
  if (system.status === 'error') return 'configuration error';
  return `bus factor ${system.busFactor}, needs ${system.minOwners}`;
}

/** Who holds the knowledge: "sole owner: Ada" / "owners: Ada, Bob" / "no owner (authors: …)". */
export function ownersPhrase(system: System, max = 4): string {
  if (system.status === 'error') return system.error ?? 'no analysed file matches its globs';
  const names = (list: readonly { name: string }[]) => namesUpTo(list.map((o) => o.name), max);
  if (system.owners.length === 0) {
    if (system.authors.length > 0) return `no owner: fewer than half its files have an author (authors: ${names(system.authors)})`;
    // Those leaving or inactive who wrote its files are named: "no file has an author" read as if nobody ever had.
    return system.authorsLeftOut?.length ? `no owner: no file keeps an author without ${names(system.authorsLeftOut)}` : 'no owner: no file has an author';
  }
  return system.owners.length === 1 ? `sole owner: ${names(system.owners)}` : `owners: ${names(system.owners)}`;
}

/**
 * Files at risk a system's details list (markdown, junit); the rest are counted (filesAtRiskMore):
 * pnpm's junit report listed all 404, heavy for a merge-request widget (a first-time user).
 */
export const FILES_AT_RISK_LISTED = 20;

/** "… and 384 more (`talentrisk check --format json` lists them all)" after the first FILES_AT_RISK_LISTED, or ''. */
export function filesAtRiskMore(files: number): string {
  return files > FILES_AT_RISK_LISTED ? `… and ${files - FILES_AT_RISK_LISTED} more (\`talentrisk check --format json\` lists them all)` : '';
}


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
    ...(system.authorsLeftOut ? { authorsLeftOut: system.authorsLeftOut.map(mark) } : {}),
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

/**
 * A system's files at risk (orphans, then single-owner files), with `--changed` those the change
 * touched first: "32 files at risk: .github/workflows/ci.yml, …" named other people's files and left
 * the 20 the pull request added for last (vuejs/core, a CI maintainer).
 */
export function checkFilesAtRisk(system: Pick<CriticalSystemResult, 'orphanFiles' | 'singleOwnerFiles'> & Pick<Partial<CheckedSystem>, 'changedAtRisk'>): string[] {
  const files = filesAtRisk(system);
  const touched = system.changedAtRisk ?? [];
  if (touched.length === 0) return files;
  const first = new Set(touched.map((file) => file.path));
  return [...touched.map((file) => file.path), ...files.filter((file) => !first.has(file))];
}

/** "3 files at risk: a.ts, b.ts +1 more" or "" when none (with `--changed`, the change's first). */
export function atRiskPhrase(system: Pick<CriticalSystemResult, 'orphanFiles' | 'singleOwnerFiles'> & Pick<Partial<CheckedSystem>, 'changedAtRisk'>, max = 2): string {
  const files = checkFilesAtRisk(system);
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
 * In a shallow clone, what every verdict rests on, or '': "shallow clone: only 55 of the 56 fetched
 * commits are counted" (tokio: an annotation named soreavis the only owner of sync, and the caveat
 * was a separate warning with no file: a tester). The commit at the boundary is read and its changes
 * are not counted: "only the 50 fetched commits are read" counted 49 (vuejs/core, a CI maintainer).
 */
export function shallowCaveat(report: Pick<CheckReport, 'fetchedCommits' | 'boundaryCommits'>): string {
  const commits = report.fetchedCommits;
  if (commits === undefined) return '';
  const counted = commits - (report.boundaryCommits ?? 0);
  const fetched = commits === 1 ? 'fetched commit' : 'fetched commits';
  if (counted === commits) return `shallow clone: only the ${commits === 1 ? '1 fetched commit is' : `${commits} fetched commits are`} counted`;
  return `shallow clone: only ${counted} of the ${commits} ${fetched} ${counted === 1 ? 'is' : 'are'} counted`;
}

/**
 * In a shallow clone, on how many of its files a system was judged, when fewer than all of them have
 * history there: "judged on 4 of its 39 files" ("✓ reactivity" rested on 4 of 39 and said nothing
 * of it: vuejs/core at depth 50, a CI maintainer); '' otherwise.
 */
export function judgedOnPhrase(system: Pick<CheckedSystem, 'files' | 'trackedFiles'>): string {
  if (system.trackedFiles === undefined || system.trackedFiles <= system.files.length) return '';
  return `judged on ${system.files.length} of its ${system.trackedFiles} files`;
}

/** The shallow clone's caveat and what a system was judged on, as one bracket's text, or ''. */
function caveatOf(system: Pick<CheckedSystem, 'files' | 'trackedFiles'>, caveat: string): string {
  return [caveat, judgedOnPhrase(system)].filter(Boolean).join('; ');
}

/**
 * What a failing system's owners hold, in the words of its JSON violation, with the names as the
 * report shows them: "Pat Newcomer authors 20 of its 38 files" (that was in the JSON message only:
 * vuejs/core, a CI maintainer); '' when its owner count holds or fails after departures only.
 */
export function ownersHold(system: Pick<CriticalSystemResult, 'owners' | 'files' | 'violations' | 'authorsLeftOut'>): string {
  const held = heldClause(system);
  if (held) return `${system.owners.map((owner) => owner.name).join(', ')} ${held}`;
  const violation = system.violations.find((v) => v.rule === 'minOwners' && !v.afterDepartures);
  if (!violation || violation.actual !== 0) return '';
  // "without Ann (inactive), its only file has no author": said as if nobody had ever written it.
  const without = system.authorsLeftOut?.length ? `without ${namesUpTo(system.authorsLeftOut.map((person) => person.name))}, ` : '';
  return `${without}${fewerThanHalfAuthored(system.files.length)}`;
}

/** "authors 20 of its 38 files" / "author 30 of its 40 files" (after the owners' names), or ''. */
function heldClause(system: Pick<CriticalSystemResult, 'owners' | 'files' | 'violations'>): string {
  const violation = system.violations.find((v) => v.rule === 'minOwners' && !v.afterDepartures);
  if (violation?.held === undefined || system.owners.length === 0) return '';
  const total = system.files.length;
  return `${system.owners.length === 1 ? 'authors' : 'author'} ${total === 1 ? 'its file' : `${violation.held} of its ${total} files`}`;
}

/**
 * With `--changed`, how many of the files the change touched are at risk, and who alone knows them:
 * "this change adds 20 files only Pat Newcomer knows", "this change touches 3 files at risk: 2 only
 * Ada knows, 1 with no author"; '' when it touched none (vuejs/core: the annotation never said which
 * of its 32 files at risk were the pull request's).
 */
export function changePhrase(system: Pick<CriticalSystemResult, 'singleOwnerFiles'> & Pick<Partial<CheckedSystem>, 'changedAtRisk'>): string {
  const touched = system.changedAtRisk ?? [];
  if (touched.length === 0) return '';
  const verb = touched.every((file) => file.added) ? 'adds' : 'touches';
  const owners = new Map(system.singleOwnerFiles.map((file) => [file.path, file.owner.name]));
  const byOwner = new Map<string, number>();
  for (const file of touched) {
    const who = owners.get(file.path) ?? '';
    byOwner.set(who, (byOwner.get(who) ?? 0) + 1);
  }
  // Most files first ('' is nobody: the orphans).
  const groups = [...byOwner].sort((a, b) => b[1] - a[1]);
  const known = (who: string) => (who ? `only ${who} knows` : 'with no author');
  if (groups.length === 1) return `this change ${verb} ${plural(touched.length, 'file')} ${known(groups[0]?.[0] ?? '')}`;
  return `this change ${verb} ${plural(touched.length, 'file')} at risk: ${groups.map(([who, count]) => `${count} ${known(who)}`).join(', ')}`;
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

/**
 * One sentence per failing system, for annotations, SARIF and JUnit: the broken rules first, what the
 * owners author, with `--changed` what the change touched at risk; `caveat` (shallowCaveat), and on
 * how many files it was judged, in brackets at its end.
 */
export function violationSentence(system: CriticalSystemResult & Pick<Partial<CheckedSystem>, 'changedAtRisk' | 'trackedFiles'>, caveat = ''): string {
  const others = system.violations.filter((violation) => violation.rule !== 'minOwners' || violation.afterDepartures).map((violation) => violation.message);
  const ownersFail = system.status === 'error' || system.violations.some((violation) => violation.rule === 'minOwners');
  const held = heldClause(system);
  const owners = `${ownersPhrase(system)}${held ? `, who ${held}` : ''}`;
  const parts = ownersFail
    ? [`Critical system "${system.name}" has ${busFactorPhrase(system)}`, owners]
    : [`Critical system "${system.name}": ${others.join('; ')}`, `bus factor ${system.busFactor} (needs ${system.minOwners})`, owners];
  const change = changePhrase(system);
  if (change) parts.push(change);
  const risk = atRiskPhrase(system, 5);
  if (risk) parts.push(risk);
  if (ownersFail) parts.push(...others);
  const bracket = caveatOf(system, caveat);
  return `${parts.join('; ')}${bracket ? ` (${bracket})` : ''}.`;
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
      text: `${checked.length === 1 ? `Critical system "${checked[0]?.name}" has` : checked.length < report.systems.length ? `The ${checked.length} critical systems checked have` : checked.length === 2 ? 'Both critical systems have' : `All ${checked.length} critical systems have`} enough owners${skippedNote}.`,
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
    // Of all the config's systems, the others said in the parenthesis: "1 of 1 critical system … (1 not
    // judged)" read as if the config had one (a review).
    text: `${failing.length} of ${plural(report.systems.length, 'critical system')} ${what}${compared ? ` (new or worse than on ${base})` : ''}: ${names(failing)}${already}${skippedNote}.`,
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
  // A new owner count is failingNotes' line, with what the owners author (said once).
  const saidThere = (violation: CriticalViolation) => isOwnerCount(violation) && isNewViolation(violation);
  // What the change touched of a system the base already breaks as badly is said on its first line,
  // as failingNotes says it of the others (the github format said it, the text did not: a review).
  const failing = new Set(failingSystems(report).map((system) => system.name));
  return inReportOrder(report.systems.filter((system) => system.checked && system.status === 'violation'), report).flatMap((system) => {
    const notes = system.violations.filter((violation) => violation.base !== undefined && !saidThere(violation)).map((violation) => ({ system: system.name, message: baseNote(violation, report.changed), isNew: isNewViolation(violation) }));
    const change = failing.has(system.name) ? '' : changePhrase(system);
    const first = notes[0];
    if (change && first) notes[0] = { ...first, message: `${first.message}; ${change}` };
    return notes;
  });
}

/** The owner count of today's figures (not after departures, which say who leaves in their own message). */
function isOwnerCount(violation: CriticalViolation): boolean {
  return violation.rule === 'minOwners' && !violation.afterDepartures;
}

/**
 * Per failing system, for the text and markdown: its owner count and what its owners author ("bus
 * factor 1 (needs 2): Pat Newcomer authors 20 of its 38 files"), with `--new-only` how it stands on
 * the base, and with `--changed` what the change touched at risk ("this change adds 20 files only Pat
 * Newcomer knows"). The table said "sole owner: Pat Newcomer", the JSON message alone how much of it
 * they author, and nothing said which of the 32 files at risk were the pull request's (vuejs/core, a
 * CI maintainer). In the table's order.
 */
export function failingNotes(report: CheckReport): { system: string; message: string }[] {
  return inReportOrder(failingSystems(report).filter((system) => system.status === 'violation'), report).flatMap((system) => {
    const count = system.violations.find((violation) => isOwnerCount(violation) && isNewViolation(violation));
    const hold = count ? ownersHold(system) : '';
    const parts = count ? [`${ruleFigure(count)}${hold ? `: ${hold}` : ''}`, ...(count.base !== undefined ? [baseComparison(count, report.changed)] : [])] : [];
    const change = changePhrase(system);
    if (change) parts.push(change);
    return parts.length > 0 ? [{ system: system.name, message: parts.filter(Boolean).join('; ') }] : [];
  });
}

/**
 * The systems in the order of the reports people read: what fails first, then (--new-only) what the
 * base already breaks as badly, then what passes, skipped systems last; within each, rankCritical's
 * order. A pull request that edits the config listed the passing system before those already failing
 * (vuejs/core, a CI maintainer), while the README says violations first.
 */
export function inReportOrder<T extends CriticalSystemResult & { checked?: boolean }>(systems: readonly T[], report: Pick<CheckReport, 'systems'>): T[] {
  const preexisting = new Set(preexistingSystems(report).map((system) => system.index));
  const group = (system: T) => (system.checked === false ? 3 : system.status === 'ok' ? 2 : preexisting.has(system.index) ? 1 : 0);
  return rankCritical(systems).sort((a, b) => group(a) - group(b));
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

/** Who keeps a system's files (its `keeper`), or '' when it was not asked (no inactive owner): "kept by Bob (20 changes to 3 of its 7 files)". */
export function keeperPhrase(system: Pick<CheckedSystem, 'keeper' | 'files' | 'unheldFiles'>): string {
  if (system.keeper === undefined) return '';
  const total = system.files.length;
  // Which files: "its files" read as all of them while an active owner held most (a review).
  if (!system.keeper) {
    const unheld = system.unheldFiles ?? total;
    return `nobody active has been keeping ${unheld >= total ? (total === 1 ? 'its file' : 'its files') : `the ${unheld === 1 ? 'one' : unheld} of its ${total} files with no active author`}`;
  }
  const { name, files, changes } = system.keeper;
  const which = files < total ? `${files} of its ${total} files` : total === 1 ? 'its file' : total === 2 ? 'both its files' : `all ${total} of its files`;
  // Changes counted per file, not commits: "263 commits to 37 of its 116 files" from someone with
  // 177 commits to the whole package (vuejs/core, a CI maintainer).
  return `kept by ${name} (${plural(changes, 'change')} to ${which})`;
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

/**
 * The notes the text prints under the systems that no other part of a report carries, in the text's
 * order: who keeps a failing system whose owner is inactive, a system passing on files that are not
 * code or on inactive owners (then the advice once), and when every system fails already, what a
 * pull-request gate should run. JSON, JUnit and SARIF had the notes on passing systems only: the
 * "kept by" of vuejs/core's four failing systems was in no warning (a CI maintainer).
 */
export function checkNotes(report: CheckReport): string[] {
  const inactive = inactivePeople(report);
  const keepers = inactiveOwnerKeepers(report, inactive).map(({ system, message }) => `${system}: ${message}`);
  const allFailing = allFailingNote(report);
  return [...keepers, ...systemNotes(report.systems, inactive), ...(allFailing ? [allFailing] : [])];
}

/** The report's warnings and the notes under its systems (checkNotes), for the formats that list them together (JSON, JUnit, SARIF, and stderr when the report is not on it). */
export function warningsWithNotes(report: CheckReport): string[] {
  return [...report.warnings, ...checkNotes(report)];
}

/**
 * When every critical system fails, on a check of the whole revision (not `--changed`): that a pull
 * request cannot fix it, and what a pull-request gate should run instead; else ''. vuejs/core fails
 * on all four of its systems, on a sole owner inactive for months, and "have someone else change and
 * review the files at risk" is nothing a contributor can follow (a CI maintainer).
 */
export function allFailingNote(report: CheckReport): string {
  if (report.systems.length === 0 || report.changed?.newOnly === true) return '';
  if (report.changed !== undefined) return changedAllFailingNote(report);
  if (failingSystems(report).length < report.systems.length) return '';
  const count = report.systems.length;
  const all = count === 1 ? 'The only critical system fails' : count === 2 ? 'Both critical systems fail' : `All ${count} critical systems fail`;
  return `${all} on this revision, so a pull-request gate running this check fails whatever a pull request changes: gate pull requests with \`talentrisk check --changed <base> --new-only\`, which fails only on what the change makes worse`;
}

/**
 * Under `--changed` without `--new-only`, when every system the change touches fails: the verdict
 * judges them on the whole revision, whatever the change did, so a contributor cannot make it pass;
 * `--new-only` fails only on what the change makes worse. fastapi's gate failed a one-line fix to
 * `routing.py` on its creator's sole ownership, and nothing named `--new-only` (a CI maintainer).
 */
function changedAllFailingNote(report: CheckReport): string {
  const checked = report.systems.filter((system) => system.checked).length;
  if (checked === 0 || failingSystems(report).length < checked) return '';
  const every = checked === 1 ? 'The critical system this change touches fails' : checked === 2 ? 'Both critical systems this change touches fail' : `All ${checked} critical systems this change touches fail`;
  return `${every} on the revision as a whole, whatever the change did, so a pull request that touches ${checked === 1 ? 'it' : 'them'} passes only if it gives ${checked === 1 ? 'it' : 'them'} enough owners: \`talentrisk check --changed ${report.changed?.base ?? '<base>'} --new-only\` fails only on what a change makes worse`;
}

/**
 * What to do about a failing check, in one sentence (the SARIF rule's help, for the formats that
 * people read): undefined when it passed.
 */
export function fixHint(report: CheckReport, format: { text: (text: string) => string; code: (text: string) => string } = PLAIN_HINT): string | undefined {
  const failing = failingSystems(report);
  if (failing.length === 0) return undefined;
  const byDepartures = failing.every((system) => system.violations.length > 0 && system.violations.every((violation) => violation.afterDepartures));
  // With --changed, the files the change touched first: they are the ones its author can act on.
  // Each file once: two systems over one file (a package and its routing) counted it twice (fastapi, a tester).
  const touched = [...new Map(failing.flatMap((system) => system.changedAtRisk ?? []).map((file) => [file.path, file])).values()];
  const first = touched.length === 0 ? '' : `, starting with the ${touched.length === 1 ? 'one' : touched.length} this change ${touched.every((file) => file.added) ? 'adds' : 'touches'} (listed first)`;
  return (
    format.text(`To fix: have someone else change and review the files at risk${first}, or pair on them, until they have another author${byDepartures ? ' who is staying' : ''} (`) +
    format.code('talentrisk explain <path>') +
    format.text(` shows who knows a file); if a rule asks more than the team can hold, change it in ${report.configFile}.`)
  );
}

const PLAIN_HINT = { text: (text: string) => text, code: (text: string) => `\`${text}\`` };
