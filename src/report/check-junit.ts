import { baseSentence, busFactorPhrase, checkFilesAtRisk, FILES_AT_RISK_LISTED, filesAtRiskMore, departuresPhrase, failurePhrase, judgedOnPhrase, ownersPhrase, shallowCaveat, skipReason, violationSentence, warningsWithNotes } from './check-describe.ts';
import { escapeXml } from './check-escape.ts';
import { failingSystems, preexistingSystems, type CheckedSystem, type CheckReport } from './check-types.ts';

/** JUnit XML (GitLab, Jenkins, …): one testcase per critical system, in config order. */
export function renderCheckJunit(report: CheckReport): string {
  const systems = report.systems;
  // --new-only: a system the merge base already breaks as badly passes (its testcase says so).
  const failures = failingSystems(report).filter((s) => s.status === 'violation').length;
  const errors = systems.filter((s) => s.checked && s.status === 'error').length;
  const skipped = systems.filter((s) => !s.checked).length;
  const counts = `tests="${systems.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="talentrisk check" ${counts} time="0">`];
  out.push(`  <testsuite name="critical systems (${escapeXml(report.configFile)})" ${counts} time="0">`);
  // What the figures assume and what may make them wrong: a GitLab widget showed a shallow clone's
  // results, and bus factors after departures, with no word of either.
  const departures = departuresPhrase(report);
  if (departures) out.push('    <properties>', `      <property name="departures" value="${escapeXml(departures)}"/>`, '    </properties>');
  for (const system of systems) out.push(testcase(system, report));
  // The notes the other formats print under the systems too (undici: junit alone lacked "mock passes
  // on 2 owners who are all inactive", a CI test).
  const warnings = warningsWithNotes(report);
  if (warnings.length > 0) out.push(`    <system-err>${escapeXml(warnings.map((warning) => `warning: ${warning}`).join('\n'))}</system-err>`);
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}

function testcase(system: CheckedSystem, report: CheckReport): string {
  const attributes = `classname="talentrisk.critical" name="${escapeXml(system.name)}" file="${escapeXml(report.configFile)}"${system.configLine !== undefined ? ` line="${system.configLine}"` : ''} time="0"`;
  if (!system.checked) {
    return `    <testcase ${attributes}>\n      <skipped message="${escapeXml(skipReason(system, report.changed))}"/>\n    </testcase>`;
  }
  if (preexistingSystems({ systems: [system] }).length === 1) {
    return `    <testcase ${attributes}>\n      <system-out>${escapeXml([`${violationSentence(system, shallowCaveat(report))}${baseSentence(system, report.changed)}`, ...described(system)].join('\n'))}</system-out>\n    </testcase>`;
  }
  // In a shallow clone, on how many of its files it was judged (vuejs/core at depth 50: "ok" on 4 of 39).
  const judged = judgedOnPhrase(system);
  if (system.status === 'ok') {
    return `    <testcase ${attributes}>\n      <system-out>${escapeXml([...described(system), `${busFactorPhrase(system)}; ${ownersPhrase(system)}${judged ? `; ${judged}` : ''}`].join('\n'))}</system-out>\n    </testcase>`;
  }
  const tag = system.status === 'error' ? 'error' : 'failure';
  const type = system.status === 'error' ? 'configuration' : system.violations.map((violation) => violation.rule).join(' ') || 'minOwners';
  const caveat = shallowCaveat(report);
  // With --changed, the files at risk the change touched first.
  const atRisk = checkFilesAtRisk(system);
  const more = filesAtRiskMore(atRisk.length);
  const details = [`${violationSentence(system, caveat)}${baseSentence(system, report.changed)}`, ...described(system), ...atRisk.slice(0, FILES_AT_RISK_LISTED).map((file) => `at risk: ${file}`), ...(more ? [more] : [])].join('\n');
  const bracket = [caveat, judged].filter(Boolean).join('; ');
  // The rules broken lead the message CI tools show: a departures-only failure read "bus factor 1, needs 1".
  return `    <testcase ${attributes}>\n      <${tag} message="${escapeXml(`${failurePhrase(system)}; ${ownersPhrase(system)}${bracket ? ` (${bracket})` : ''}`)}" type="${escapeXml(type)}">${escapeXml(details)}</${tag}>\n    </testcase>`;
}

/**
 * The report of a check that could not run (exit 2): one errored testcase that says why. A runner
 * that keeps its workspace showed the last good report of a failing job (a CI test: `--force`
 * left the previous file in place, and GitLab's widget read it).
 */
export function renderJunitCouldNotRun(reason: string): string {
  const counts = 'tests="1" failures="0" errors="1" skipped="0"';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="talentrisk check" ${counts} time="0">`,
    `  <testsuite name="critical systems" ${counts} time="0">`,
    '    <testcase classname="talentrisk.check" name="talentrisk check could not run" time="0">',
    `      <error message="${escapeXml(reason)}" type="cannot check">${escapeXml(reason)}</error>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The config's description of the system, as a line of the testcase's text (none when it has none). */
function described(system: CheckedSystem): string[] {
  return system.description ? [`system: ${system.description}`] : [];
}
