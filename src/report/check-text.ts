import { day, plural, sanitize } from './format.ts';
import { allFailingNote, baseNotes, checkFilesAtRisk, codeOnlyNotes, departuresPhrase, failingNotes, fixHint, INACTIVE_OWNERS_ADVICE, inactiveOwnerKeepers, inactiveOwnerNotes, inactivePeople, judgedOnPhrase, lossesWithinLimit, otherViolations, skipLabel, verdict } from './check-describe.ts';
import { preexistingSystems, type CheckReport } from './check-types.ts';
import { renderCriticalRows } from './critical-section.ts';
import type { RenderContext } from './types.ts';
import { wrapProse } from './wrap.ts';

/** `check`'s default format: one line per system, violations first, then a one-line verdict. */
export function renderCheckText(given: CheckReport, ctx: RenderContext): string {
  // The config as the user named it, where they are: from outside the repository, the path from its
  // root ("../ok-sys.yml") named no file there (a re-test). Annotations and SARIF keep the root's.
  const report = { ...given, configFile: given.configShown ?? given.configFile };
  const { chalk } = ctx;
  const repo = report.repository;
  const out: string[] = [];
  out.push(
    chalk.dim(
      // The revision's day, and what was asked for when not HEAD, as scan's header: `check --until 2019-01-01` said only "@ 5c1f72e80a7d" (psf/requests, a tester).
      `talentrisk check · ${sanitize(report.configFile)} · ${sanitize(repo.path)} @ ${repo.revision.slice(0, 12)} (${day(repo.revisionDate)})${repo.requested !== 'HEAD' ? ` · ${sanitize(repo.requested)}` : ''}` +
        (report.changed ? ` · changed since ${sanitize(report.changed.base)}: ${plural(report.changed.files, 'path')}` : ''),
    ),
  );
  const departures = departuresPhrase(report);
  if (departures) out.push(chalk.yellow(sanitize(departures)));
  const preexisting = new Set(preexistingSystems(report).map((system) => system.index));
  out.push(
    renderCriticalRows(report.systems, ctx, {
      skipLabel: (system) => sanitize(skipLabel(system, report.changed)),
      isPreexisting: (system) => preexisting.has(system.index),
      atRisk: checkFilesAtRisk,
      ownersNote: judgedOnPhrase,
    }),
  );
  // What the owners author, against the base, and what the change touched at risk (vuejs/core).
  for (const { system, message } of failingNotes(report)) out.push(chalk.red(`✗ ${sanitize(system)}: ${sanitize(message)}`));
  for (const { system, message } of otherViolations(report)) out.push(chalk.red(`✗ ${sanitize(system)}: ${sanitize(message)}`));
  // --new-only: each broken rule against the merge base, what fails first (as the table).
  for (const { system, message, isNew } of baseNotes(report)) out.push(isNew ? chalk.red(`✗ ${sanitize(system)}: ${sanitize(message)}`) : chalk.yellow(`! ${sanitize(system)}: ${sanitize(message)}`));
  for (const { system, message } of lossesWithinLimit(report.systems)) out.push(chalk.dim(`✓ ${sanitize(system)}: ${sanitize(message)}`));
  // Who keeps a failing system whose owner is inactive (vuejs/core).
  for (const { system, message } of inactiveOwnerKeepers(report)) out.push(chalk.yellow(`! ${sanitize(system)}: ${sanitize(message)}`));
  // Code files that alone would not hold the rule (ohmyzsh's plugin-git, lifted by its README).
  for (const { system, message } of codeOnlyNotes(report.systems)) out.push(chalk.yellow(`! ${sanitize(system)}: ${sanitize(message)}`));
  const inactiveNotes = inactiveOwnerNotes(report.systems, inactivePeople(report));
  for (const { system, message } of inactiveNotes) out.push(chalk.yellow(`! ${sanitize(system)}: ${sanitize(message)}`));
  // The advice once, under the systems it concerns (tokio: four 250-character lines said it).
  if (inactiveNotes.length > 0) out.push(chalk.dim(`  ${INACTIVE_OWNERS_ADVICE}`));
  // Once, under the systems, when all of them fail already: what a pull-request gate should run.
  const allFailing = allFailingNote(report);
  if (allFailing) out.push(chalk.yellow(`! ${sanitize(allFailing)}`));
  const { passed, text } = verdict(report);
  out.push('');
  out.push(passed ? chalk.green(`✓ ${sanitize(text)}`) : chalk.red.bold(`✗ ${sanitize(text)}`));
  const hint = fixHint(report);
  if (hint) out.push(chalk.dim(`  ${sanitize(hint)}`));
  // After the verdict, as scan's table ends with them: between the systems and the verdict they
  // read as one more result.
  if (report.warnings.length > 0) out.push('', ...report.warnings.map((warning) => chalk.yellow(`warning: ${sanitize(warning)}`)));
  const lines = out.join('\n');
  return `${ctx.fit ? wrapProse(lines, ctx.width) : lines}\n`;
}
