import { staleRevision } from '../model/analysis-date.ts';
import { filesAtRisk, namesUpTo, rankCritical } from '../model/critical.ts';
import { departureLabel, INACTIVE_MARK } from '../model/critical-departures.ts';
import { fadingLabel } from '../model/fading.ts';
import { bestPlacedFigures, noActiveAuthorText } from './departures-table.ts';
import { ONE_OFF_DEFINITION } from '../model/one-off.ts';
import { nextAuthors } from '../model/ownership.ts';
import { rankModulesByRisk, secondaryLast } from '../model/modules.ts';
import { rowsWithin } from '../model/rows.ts';
import { VERSION } from '../version.ts';
import { markInactiveOwners, ownersPhrase } from './check-describe.ts';
import { escapeMarkdown, escapeMarkdownWithCode } from './check-escape.ts';
import { capitalized, day, MODULE_ROWS, percent, plural, requestedParts } from './format.ts';
import { mdCode, mdTable, mdText } from './handoff-escape.ts';
import type { ScanResult } from './scan-result.ts';
import { modulesOrder, statsLine, topOwners, TRUCK_FACTOR_ROWS, truckFactorSummary } from './scan-table.ts';

// `scan --format markdown`: the scan for a meeting document or an issue (a team lead on vite wanted
// to paste it), GitHub-flavoured. The table's first screen (truck factor and its people, riskiest
// modules), then what the table shows below it in short (notes, critical systems, departures,
// current figures) and the warnings folded. Every name and path from git goes through mdText or
// mdCode (./handoff-escape.ts); notes and warnings, which write commands and keys as `code`,
// through escapeMarkdownWithCode.

/** Names in one line of prose (current truck factor, inactive people). */
const NAMED = 4;

export function renderScanMarkdown(result: ScanResult): string {
  const { analysis } = result;
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  const name = (id: string) => mdText(names.get(id) ?? id);
  const marked = (id: string) => `${name(id)}${result.inactive.has(id) ? INACTIVE_MARK : ''}`;
  const repo = analysis.repository;
  const repoName = repo.path.split(/[\\/]/).filter(Boolean).pop() ?? repo.path;
  const out: string[] = [];
  out.push(`## talentrisk scan: ${mdCode(repoName)} at ${mdCode(repo.revision.slice(0, 12))} (${day(repo.revisionDate)})${analysis.model === 'classic' ? ', classic model' : ''}`, '');
  out.push(`${mdText(statsLine(analysis), Number.POSITIVE_INFINITY)}${repo.requested !== 'HEAD' ? ` · revision ${requestedText(repo.requested)}` : ''}`, '');

  const tf = analysis.truckFactor;
  if (analysis.files.length === 0) {
    out.push('No file to analyse: every tracked file was excluded or has no history.', '');
  } else {
    const current = result.current?.figures.current.value;
    out.push(`### Truck factor: ${tf.value}`, '');
    const summary = truckFactorSummary(tf);
    out.push(`${summary.charAt(0).toUpperCase()}${summary.slice(1)}.${current === undefined ? '' : ` By current (recency-weighted) knowledge: ${current === tf.value ? 'the same' : `**${current}**`}.`}`, '');
    if (tf.developers.length > 0) {
      const listed = rowsWithin(tf.developers, TRUCK_FACTOR_ROWS);
      out.push(
        mdTable(
          ['#', 'Developer', 'Files authored', 'Share'],
          listed.map((m, i) => [String(i + 1), marked(m.id), String(m.files), percent(m.share)]),
          ['right', 'left', 'right', 'right'],
        ),
      );
      const next = tf.developers[listed.length];
      if (next) out.push('', `… ${tf.developers.length - listed.length} more, each authoring at most ${plural(next.files, 'file')} (\`--format json\` lists them all).`);
      const after = nextAuthors(tf, analysis.developers, analysis.files.length);
      if (after.length > 0) out.push('', `Next by files authored: ${after.map((m) => `${marked(m.id)} ${m.files} (${percent(m.share)})`).join(', ')}.`);
      out.push('');
    }
  }

  if (analysis.modules.length > 0) {
    const ranked = rankModulesByRisk(analysis.modules);
    const listed = rowsWithin(ranked, MODULE_ROWS);
    out.push('### Riskiest modules', '');
    out.push(`${capitalized(mdText(modulesOrder(analysis, ranked), Number.POSITIVE_INFINITY))}.`, '');
    out.push(
      mdTable(
        ['Module', 'Files', 'TF', 'Top owners', 'Single-owner files'],
        listed.map((module) => [
          mdCode(module.path, true),
          String(module.files),
          module.truckFactor.value <= 1 ? `**${module.truckFactor.value}**` : String(module.truckFactor.value),
          topOwners(module.owners.map((o) => `${marked(o.id)} ${percent(o.share)}`)) || 'nobody',
          String(module.singleOwnerFiles.length),
        ]),
        ['left', 'right', 'right', 'left', 'right'],
      ),
    );
    if (ranked.length > listed.length) out.push('', `… ${plural(ranked.length - listed.length, 'more module')} (\`--format json\` lists them all).`);
    out.push('');
  }

  // The notes qualify the figures above (tests' share, test data, automated authors): as the table, under them.
  for (const note of result.notes) out.push(`> ⚠️ ${escapeMarkdownWithCode(note)}`, '');

  out.push(...critical(result));
  out.push(...departures(result, name));
  out.push(...currentFigures(result, name, marked));

  const warnings = [...analysis.warnings, ...result.systemNotes];
  if (warnings.length > 0) {
    // Folded: they matter to whoever tunes the config, less to a meeting.
    out.push(`<details><summary>${plural(warnings.length, 'warning')}</summary>`, '');
    for (const warning of warnings) out.push(`- ${escapeMarkdownWithCode(warning)}`);
    out.push('', '</details>', '');
  }
  out.push(
    `<sub>Truck factor (TF): how many developers would have to leave before fewer than half of the files have an author (someone whose Degree of Authorship is high enough). ` +
      `talentrisk ${escapeMarkdown(VERSION)} at ${mdCode(repo.revision.slice(0, 12))}; figures as of ${result.referenceDay}. Definitions: docs/metrics.md.</sub>`,
  );
  return `${out.join('\n')}\n`;
}


/** The critical systems of the config, as check's markdown shows them (violations first). */
function critical(result: ScanResult): string[] {
  if (result.critical.length === 0) return [];
  const systems = rankCritical(markInactiveOwners(result.critical, result.inactive));
  const failing = systems.filter((system) => system.status !== 'ok').length;
  const after = result.departures.length > 0 ? `; after ${result.departures.length === 1 ? mdText(result.departures[0]?.name ?? '') : `the ${result.departures.length} people leaving`}` : '';
  const out = ['### Critical systems', '', `From ${mdCode(result.configName)}${after}: ${failing === 0 ? 'every rule holds' : `${failing} of ${systems.length} failing`} (\`talentrisk check\` gates CI on them).`, ''];
  out.push(
    mdTable(
      ['', 'System', 'Bus factor', 'Required', 'Owners', 'Files at risk'],
      systems.map((system) => [
        system.status === 'ok' ? '✅' : system.status === 'violation' ? '❌' : '⚠️',
        mdText(system.name),
        system.status === 'error' ? '—' : String(system.busFactor),
        String(system.minOwners),
        mdText(ownersPhrase(system), Number.POSITIVE_INFINITY),
        String(filesAtRisk(system).length || ''),
      ]),
      ['left', 'left', 'right', 'right', 'left', 'right'],
    ),
    '',
  );
  // What the departures break (a maxKnowledgeLoss failure has no column of its own).
  for (const system of systems) {
    for (const violation of system.violations.filter((v) => v.afterDepartures)) out.push(`- ❌ **${mdText(system.name)}**: ${escapeMarkdownWithCode(violation.message)}`);
  }
  if (systems.some((system) => system.violations.some((v) => v.afterDepartures))) out.push('');
  return out;
}

/** What leaves with the people leaving, in short: the truck factor before and after, and the modules that lose most. */
function departures(result: ScanResult, name: (id: string) => string): string[] {
  const leaving = result.leaving;
  if (!leaving || leaving.departures.length === 0) return [];
  const who = leaving.departures.map((d) => departureLabel({ name: mdText(d.name), date: d.date }, result.referenceDay));
  const before = leaving.before.truckFactor.value;
  const after = leaving.after.truckFactor.value;
  const lost = leaving.after.orphanFiles - leaving.before.orphanFiles;
  const out = ['### Departures', '', `Leaving: ${who.join(', ')} (talentrisk extension, METRICS §8; nobody inherits authorship).`, ''];
  out.push(
    `- Truck factor **${before} → ${after}**`,
    `- ${lost === 0 ? 'No file loses its last author' : `${plural(lost, 'file')} of ${leaving.files} ${lost === 1 ? 'loses its' : 'lose their'} last author (${percent(lost / Math.max(1, leaving.files))})`}`,
  );
  // Beside the published figure, the files left with no active author, as the table and the handoff count them.
  const noActiveAuthor = noActiveAuthorText(leaving);
  if (noActiveAuthor) out.push(`- ${noActiveAuthor}`);
  if (leaving.orphanedModules.length > 0) out.push(`- Orphaned ${leaving.orphanedModules.length === 1 ? 'module' : 'modules'}: ${leaving.orphanedModules.map((path) => mdCode(path)).join(', ')}`);
  out.push('');
  if (leaving.modules.length > 0) {
    // Code first, as every module table.
    const listed = rowsWithin([...leaving.modules].sort(secondaryLast), MODULE_ROWS);
    // Who is best placed to take over each module's lost files, as the table says it (a successor
    // fading out marked: redis's artix, best placed for utils, had not committed for 133 days).
    const takeOver = leaving.takeOver;
    const bestPlaced = (module: string, knowledgeLost: number) => {
      if (knowledgeLost === 0) return '—'; // nothing to take over (the table's rule)
      const best = takeOver.get(module)?.candidates[0];
      if (!best) return 'none';
      // Ranked after everyone else, and said so (helm's sayboras, one commit).
      const oneOff = best.oneOff ? `; a one-off contributor` : '';
      const days = leaving.fading[best.id];
      return `${name(best.id)} ${bestPlacedFigures(best, { oneOff, fading: days === undefined ? '' : `; ${fadingLabel(days)}` })}`;
    };
    out.push(
      mdTable(
        ['Module losing knowledge', 'Files', 'TF before', 'TF after', 'Knowledge lost', 'Leaving owners', 'Best placed'],
        listed.map((m) => [
          mdCode(m.path, true),
          String(m.files),
          String(m.truckFactorBefore.value),
          String(m.truckFactorAfter.value),
          percent(m.knowledgeLost),
          m.departingOwners.map((o) => name(o.id)).join(', '),
          bestPlaced(m.path, m.knowledgeLost),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
      ),
    );
    if (leaving.modules.length > listed.length) out.push('', `… ${plural(leaving.modules.length - listed.length, 'more module')} (\`--format json\` lists them all).`);
    out.push(
      '',
      `Best placed: who stays and is the successor on most of the module’s lost files, and on how many (“—” when it loses no file); between equals, who authors most of the module${listed.some((m) => takeOver.get(m.path)?.candidates[0]?.oneOff) ? `; a one-off contributor (${ONE_OFF_DEFINITION}) after everyone else` : ''}. Successors for the files they leave: the table (\`talentrisk scan --leaving …\`), \`talentrisk handoff <who>\` or \`--format json\`.`,
      '',
    );
  }
  return out;
}

/** The current (recency-weighted) truck factor beside the classic one, and the inactive authors. */
function currentFigures(result: ScanResult, name: (id: string) => string, marked: (id: string) => string): string[] {
  if (!result.current) return [];
  const { figures } = result.current;
  const { analysis } = result;
  const out = ['### Current figures', '', `A talentrisk extension (METRICS §7): knowledge halves every ${figures.halfLifeDays} days; inactive means no commit in ${figures.inactiveAfterDays} days.`, ''];
  // An old clone is measured from today: nobody looks active.
  const stale = staleRevision(analysis.repository.revisionDate, analysis.settings.referenceDate);
  if (stale) out.push(`> ⚠️ Measured from ${result.referenceDay}, ${stale.days} days after the revision's last commit (${stale.day}): \`--until ${stale.day}\` measures from that day.`, '');
  const people = figures.current.developers.map((m) => marked(m.id));
  out.push(
    `- Truck factor: ${figures.classic.value} classic · **${figures.current.value}** current${figures.treatInactiveAsDeparted ? ' (inactive developers counted as gone)' : ''}${people.length > 0 ? ` (${named(people)})` : ''}`,
  );
  if (figures.inactive.length > 0) {
    const authors = figures.inactive.filter((d) => d.filesAuthored > 0).sort((a, b) => b.filesAuthored - a.filesAuthored || a.daysSinceLastCommit - b.daysSinceLastCommit);
    const others = figures.inactive.length - authors.length;
    const who = authors.map((d) => `${name(d.id)} (${plural(d.filesAuthored, 'file')}, last commit ${d.daysSinceLastCommit} days ago)`);
    const rest = others > 0 ? `${authors.length > 0 ? ' · ' : ''}${plural(others, authors.length > 0 ? 'more inactive developer' : 'inactive developer')} who ${others === 1 ? 'authors' : 'author'} no file` : '';
    out.push(`- Inactive: ${named(who)}${rest}`);
  }
  out.push('', 'The experts per module, now and projected, are in the table (`talentrisk scan`) and `--format json`.', '');
  return out;
}

/** Up to NAMED items, the rest counted. */
function named(items: readonly string[]): string {
  return namesUpTo(items, NAMED);
}

/**
 * What was asked for, with only the revision as code: "`HEAD` until 2024-12-01". As one code span,
 * "`HEAD until 2024-12-01`" read as a git revision on a wiki page (express, a first-time user).
 */
function requestedText(requested: string): string {
  const { revision, until } = requestedParts(requested);
  return until ? `${mdCode(revision)} until ${mdText(until, Number.POSITIVE_INFINITY)}` : mdCode(revision);
}
