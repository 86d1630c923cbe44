import { allFailingNote, baseSentence, busFactorPhrase, codeOnlyNotes, departuresPhrase, failurePhrase, fixHint, INACTIVE_OWNERS_ADVICE, inactiveOwnerKeepers, inactiveOwnerNotes, inactivePeople, inReportOrder, judgedOnPhrase, ownersPhrase, shallowCaveat, skipReason, verdict, violationSentence } from './check-describe.ts';
import { annotationFile, escapeWorkflowData, escapeWorkflowProperty } from './check-escape.ts';
import { capitalized, sanitize } from './format.ts';
import { preexistingSystems, type CheckReport } from './check-types.ts';


/**
 * GitHub Actions workflow commands: one `::error` annotation per failing system, pointing at the
 * system's line of the config file, one `::warning` per glob that matches nothing (at the glob's line), and plain lines
 * for the rest. (The markdown step summary is `renderCheckMarkdown`, appended by the command.)
 */
export function renderCheckGithub(report: CheckReport): string {
  const out: string[] = [];
  // A config outside the repository (`-c ../init.yml`) gets no `file=`: GitHub attaches annotations
  // to the repository's files only (ohmyzsh, a CI maintainer).
  const attached = annotationFile(report.configFile);
  const where = (line: number | undefined) => (attached === undefined ? '' : `file=${escapeWorkflowProperty(attached)}${line !== undefined ? `,line=${line}` : ''},`);
  const inactive = inactivePeople(report);
  let inactiveNoted = false;
  // Who keeps a failing system whose owner is inactive, in its annotation (vuejs/core).
  const keepers = new Map(inactiveOwnerKeepers(report, inactive).map(({ system, message }) => [system, message]));
  const departures = departuresPhrase(report);
  const caveat = shallowCaveat(report);
  const preexisting = new Set(preexistingSystems(report).map((system) => system.index));
  if (departures) out.push(`talentrisk: ${sanitize(departures)}`);
  // --new-only: what the merge base already breaks after what fails, before what passes.
  for (const system of inReportOrder(report.systems, report)) {
    const name = sanitize(system.name);
    if (!system.checked) {
      const reason = sanitize(skipReason(system, undefined));
      out.push(`talentrisk: ${name}: ${system.unfetchedFiles !== undefined ? reason : `skipped (${reason})`}`);
      continue;
    }
    if (system.status === 'ok') {
      // In a shallow clone, on how many of its files it passed (vuejs/core at depth 50: 4 of 39).
      const judged = judgedOnPhrase(system);
      out.push(`talentrisk: ${name}: ok (${busFactorPhrase(system)}; ${sanitize(ownersPhrase(system))}${judged ? `; ${judged}` : ''})`);
      // Lifted over its rule by files that are not code (ohmyzsh's plugin-git, by its README).
      for (const { message } of codeOnlyNotes([system])) {
        out.push(`::warning ${where(system.configLine)}title=${escapeWorkflowProperty(`${name}: passes on files that are not code`)}::${escapeWorkflowData(sanitize(`${name} ${message}`))}`);
      }
      // As text and markdown say it: a pass on owners who are all inactive (the job log had only
      // "ok", the step summary the warning; flask, a CI test).
      for (const { message } of inactiveOwnerNotes([system], inactive)) {
        inactiveNoted = true;
        out.push(`::warning ${where(system.configLine)}title=${escapeWorkflowProperty(`${name}: inactive owners`)}::${escapeWorkflowData(sanitize(`${name} ${message}`))}`);
      }
    } else {
      // The annotation is what the pull request shows: it carries the shallow clone's caveat itself.
      // --new-only: what the merge base already breaks as badly is a warning: it does not fail the check.
      const already = preexisting.has(system.index);
      const title = `${name}: ${failurePhrase(system)}${already && report.changed ? ` (already on ${sanitize(report.changed.base)})` : ''}${caveat ? ' (shallow clone)' : ''}`;
      out.push(`::${already ? 'warning' : 'error'} ${where(system.configLine)}title=${escapeWorkflowProperty(title)}::${escapeWorkflowData(sanitize(violationSentence(system, caveat) + baseSentence(system, report.changed) + (keepers.has(system.name) ? ` ${capitalized(keepers.get(system.name) as string)}.` : '')))}`);
    }
    (system.status === 'error' ? [] : system.unmatchedPatterns).forEach((glob, k) => {
      const message = `critical system "${name}": the glob ${JSON.stringify(sanitize(glob))} matches no analysed file${sanitize(system.unmatchedHints[k] ?? '')}`;
      out.push(`::warning ${where(system.unmatchedPatternLines?.[k] ?? system.configLine)}title=${escapeWorkflowProperty(`${name}: unused glob`)}::${escapeWorkflowData(message)}`);
    });
  }
  // What to do about them, once (tokio: the same advice in four annotations).
  if (inactiveNoted) out.push(`talentrisk: ${INACTIVE_OWNERS_ADVICE}`);
  // Every system fails already: what a pull-request gate should run, once (vuejs/core).
  const allFailing = allFailingNote(report);
  if (allFailing) out.push(`::notice title=${escapeWorkflowProperty('talentrisk: every critical system fails already')}::${escapeWorkflowData(sanitize(allFailing))}`);
  // A warning about a config line (`file:line:col key: …`) is annotated at that line.
  for (const warning of report.warnings) {
    const at = /^(.+?):(\d+):(\d+) (\S+: .*)$/.exec(warning);
    // The config as the user named it (from a subfolder, `../.talentrisk.yml`) is its path from the root here.
    const file = at ? annotationFile(at[1] === report.configShown ? report.configFile : (at[1] as string)) : undefined;
    out.push(at && file !== undefined ? `::warning file=${escapeWorkflowProperty(file)},line=${at[2]},col=${at[3]},title=talentrisk::${escapeWorkflowData(sanitize(at[4] as string))}` : `::warning title=talentrisk::${escapeWorkflowData(sanitize(warning))}`);
  }
  out.push(`talentrisk: ${sanitize(verdict(report).text)}`);
  const hint = fixHint(report);
  if (hint) out.push(`talentrisk: ${sanitize(hint)}`);
  return `${out.join('\n')}\n`;
}
