import { filesAtRisk, namesUpTo } from '../model/critical.ts';
import { VERSION } from '../version.ts';
import { allFailingNote, baseNotes, FILES_AT_RISK_LISTED, filesAtRiskMore, busFactorPhrase, checkFilesAtRisk, codeOnlyNotes, departuresPhrase, failingNotes, fixHint, INACTIVE_OWNERS_ADVICE, inactiveOwnerKeepers, inactiveOwnerNotes, inactivePeople, inReportOrder, judgedOnPhrase, lossesWithinLimit, otherViolations, ownersPhrase, skipLabel, verdict } from './check-describe.ts';
import { escapeHtml, escapeMarkdown, escapeMarkdownWithCode, markdownCode } from './check-escape.ts';
import { failingSystems, preexistingSystems, type CheckedSystem, type CheckReport } from './check-types.ts';
import { day, requestedParts } from './format.ts';


/**
 * A pull-request comment (also the GitHub step summary): a verdict heading, one table row per
 * system, and the files at risk of each failing system. Every name and path is escaped.
 */
export function renderCheckMarkdown(report: CheckReport): string {
  const { passed, text } = verdict(report);
  const out: string[] = [];
  out.push(`### ${passed ? '✅' : '❌'} talentrisk check: ${escapeMarkdown(text)}`);
  out.push('');
  const departures = departuresPhrase(report);
  if (departures) out.push(`**${escapeMarkdown(departures.replace(/^after/, 'After'))}.**`, '');
  // --new-only: what the merge base already breaks after what fails, before what passes (as the text's table).
  const preexisting = new Set(preexistingSystems(report).map((system) => system.index));
  const ranked = inReportOrder(report.systems, report);
  if (ranked.length > 0) {
    out.push('| | Critical system | Bus factor | Required | Owners | Files at risk |');
    out.push('| --- | --- | ---: | ---: | --- | ---: |');
    for (const system of ranked) out.push(row(system, preexisting.has(system.index)));
    out.push('');
  }
  const others = [
    ...failingNotes(report).map((line) => ({ ...line, mark: '❌' })),
    ...otherViolations(report).map((line) => ({ ...line, mark: '❌' })),
    // --new-only: each broken rule against the merge base.
    ...baseNotes(report).map(({ system, message, isNew }) => ({ system, message, mark: isNew ? '❌' : '⚠️' })),
    ...lossesWithinLimit(report.systems).map((line) => ({ ...line, mark: '✅' })),
    ...inactiveOwnerKeepers(report).map((line) => ({ ...line, mark: '⚠️' })),
    ...codeOnlyNotes(report.systems).map((line) => ({ ...line, mark: '⚠️' })),
  ];
  const inactiveNotes = inactiveOwnerNotes(report.systems, inactivePeople(report)).map((line) => ({ ...line, mark: '⚠️' }));
  // Messages may name options and keys as code (`--leaving`): kept as code spans, the rest escaped.
  for (const { system, message, mark } of [...others, ...inactiveNotes]) out.push(`- ${mark} **${escapeMarkdown(system)}**: ${escapeMarkdownWithCode(message)}`);
  // The advice once, under the systems it concerns.
  if (inactiveNotes.length > 0) out.push(`  ${escapeMarkdownWithCode(INACTIVE_OWNERS_ADVICE)}`);
  if (others.length + inactiveNotes.length > 0) out.push('');
  const allFailing = allFailingNote(report);
  if (allFailing) out.push(`⚠️ ${escapeMarkdownWithCode(allFailing)}`, '');
  const failing = new Set(failingSystems(report).map((system) => system.index));
  for (const system of ranked.filter((s) => failing.has(s.index))) {
    // With --changed, the change's files first, and said (vuejs/core: its 20 came after 12 others').
    const files = checkFilesAtRisk(system);
    if (files.length === 0) continue;
    const touched = new Map((system.changedAtRisk ?? []).map((file) => [file.path, file.added ? ' (this change adds it)' : ' (this change touches it)']));
    out.push(`<details><summary>${escapeHtml(system.name)}: ${files.length} ${files.length === 1 ? 'file' : 'files'} at risk</summary>`);
    out.push('');
    const owners = new Map(system.singleOwnerFiles.map((f) => [f.path, f.owner.name]));
    for (const file of files.slice(0, FILES_AT_RISK_LISTED)) {
      const owner = owners.get(file);
      // Its authors who are leaving or inactive, when they are why it has none.
      const leftOut = system.orphanAuthorsLeftOut?.[file];
      const nobody = leftOut ? `no author without ${escapeMarkdown(namesUpTo(leftOut))}` : 'nobody knows it (no author)';
      out.push(`- ${markdownCode(file, false)} — ${owner ? `only ${escapeMarkdown(owner)} knows it` : nobody}${touched.get(file) ?? ''}`);
    }
    const more = filesAtRiskMore(files.length);
    if (more) out.push(`- ${more}`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  // `backticked` parts (config keys, commands) as code: escaped, the backticks showed (a re-test).
  for (const warning of report.warnings) out.push(`> ⚠️ ${escapeMarkdownWithCode(warning)}`, '');
  const hint = fixHint(report, { text: escapeMarkdown, code: (text) => markdownCode(text, false) });
  if (hint) out.push(hint, '');
  out.push(
    `<sub>Bus factor: how many of a system’s owners would have to leave before fewer than half of its files have an author (the truck factor of its files). ` +
      `talentrisk ${escapeMarkdown(VERSION)} at ${markdownCode(report.repository.revision.slice(0, 12), false)} (${revisionDay(report.repository)})${report.changed ? `, systems changed since ${markdownCode(report.changed.base, false)}` : ''}.</sub>`,
  );
  return `${out.join('\n')}\n`;
}

function row(system: CheckedSystem, preexisting = false): string {
  // The config's description under the name: a reviewer of the pull request may not know the system.
  const name = escapeMarkdown(system.name) + (system.description ? `<br><sub>${escapeMarkdown(system.description)}</sub>` : '');
  if (!system.checked) return `| ➖ | ${name} | ${system.status === 'error' ? '—' : system.busFactor} | ${system.minOwners} | ${escapeMarkdown(skipLabel(system, undefined))} | |`;
  // --new-only: broken on the base already, not made worse (a bullet below says so).
  const mark = system.status === 'ok' ? '✅' : preexisting ? '⚠️' : system.status === 'violation' ? '❌' : '⚠️';
  const bus = system.status === 'error' ? '—' : system.status === 'ok' || preexisting ? String(system.busFactor) : `**${system.busFactor}**`;
  // In a shallow clone, on how many of its files it was judged (vuejs/core at depth 50).
  const judged = judgedOnPhrase(system);
  const owners = system.status === 'error' ? escapeMarkdown(busFactorPhrase(system) + ': ' + ownersPhrase(system)) : escapeMarkdown(`${ownersPhrase(system)}${judged ? `; ${judged}` : ''}`);
  const risk = filesAtRisk(system).length;
  return `| ${mark} | ${name} | ${bus} | ${system.minOwners} | ${owners} | ${risk || ''} |`;
}

/**
 * The revision's day, and what was asked for when not HEAD: a job summary of `check --until
 * 2019-01-01` said only which commit it judged, not as of when (psf/requests, a re-test).
 */
function revisionDay(repository: CheckReport['repository']): string {
  if (repository.requested === 'HEAD') return day(repository.revisionDate);
  // The revision alone as code: "`HEAD until 2024-06-30`" read as a git revision (express, a review).
  const { revision, until } = requestedParts(repository.requested);
  return `${day(repository.revisionDate)}, ${markdownCode(revision, false)}${until ? ` until ${escapeMarkdown(until)}` : ''}`;
}
