import type { DeparturesResult, FileSuccession } from '../model/departures.ts';
import { list, percent, plural, sanitize } from './format.ts';
import { rowsWithin } from '../model/rows.ts';
import { renderTable, shortenPath } from './table-util.ts';
import type { RenderContext } from './types.ts';

// The "Departures" section of `scan`'s table (talentrisk extension, METRICS.md §8): what is
// orphaned, the truck factor before and after, per module, the timeline and the successors.

const MODULE_ROWS = 12;
const FILE_ROWS = 15;
const STRENGTH = { none: 0, weak: 1, ok: 2, author: 3 } as const;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** The section's text (no trailing newline), or '' when nobody is leaving. */
export function renderDeparturesSection(result: DeparturesResult, ctx: RenderContext): string {
  if (result.departures.length === 0) return '';
  const { chalk } = ctx;
  const name = (id: string) => sanitize(result.names[id] ?? id);
  const pathWidth = Math.max(20, Math.min(50, ctx.width - 50));
  const out: string[] = [];
  const who = result.departures.map((d) => `${sanitize(d.name)}${d.date ? ` (${d.date})` : ''}`);
  out.push(`${chalk.bold('Departures')} ${chalk.dim('(talentrisk extension, METRICS §8; nobody inherits authorship)')}: ${list(who, 6)}`);

  const before = result.before.truckFactor.value;
  const after = result.after.truckFactor.value;
  const lost = result.after.orphanFiles - result.before.orphanFiles;
  const tfText = after < before ? chalk.red.bold(`${before} → ${after}`) : `${before} → ${after}`;
  out.push(
    `  Truck factor ${tfText} · ${lost === 0 ? 'no file loses its last author' : `${plural(lost, 'file')} of ${result.files} lose their last author (${percent(lost / Math.max(1, result.files))})`}` +
      (result.orphanedModules.length ? ` · ${chalk.red(`orphaned ${result.orphanedModules.length === 1 ? 'module' : 'modules'}: ${list(result.orphanedModules.map(sanitize), 4)}`)}` : ''),
  );

  if (result.timeline.length > 1 || (result.timeline.length === 1 && result.timeline[0]?.date)) {
    out.push(`  ${chalk.bold('Timeline')} ${chalk.dim('(cumulative; undated departures count from now)')}`);
    const rows = result.timeline.map((step) => [
      step.date ?? 'now',
      list(step.leaving.map(name), 3),
      step.truckFactor.value,
      step.orphanedFiles,
      step.orphanedModules.length ? list(step.orphanedModules.map(sanitize), 3) : '—',
    ]);
    out.push(indent(renderTable(['after', 'leaving', 'truck factor', 'orphaned files', 'orphaned modules'], rows, ['left', 'left', 'right', 'right', 'left'])));
  }

  if (result.modules.length > 0) {
    out.push(`  ${chalk.bold('Modules losing knowledge')} ${chalk.dim('(share of files whose authors are all leaving)')}`);
    const listed = rowsWithin(result.modules, MODULE_ROWS);
    const rows = listed.map((m) => [
      shortenPath(sanitize(m.path), pathWidth),
      m.files,
      m.truckFactorBefore.value,
      m.truckFactorAfter.value === 0 && m.truckFactorBefore.value > 0 ? chalk.red('0') : m.truckFactorAfter.value,
      m.knowledgeLost >= 0.5 ? chalk.red(percent(m.knowledgeLost)) : percent(m.knowledgeLost),
      list(m.departingOwners.map((o) => name(o.id)), 2),
    ]);
    out.push(indent(renderTable(['module', 'files', 'TF before', 'TF after', 'knowledge lost', 'leaving owners'], rows, ['left', 'right', 'right', 'right', 'right', 'left'])));
    if (result.modules.length > listed.length) out.push(chalk.dim(`    … ${plural(result.modules.length - listed.length, 'more module')} (--format json lists them all)`));
  }

  if (result.orphanedFiles.length > 0) {
    const who = result.successorsFiltered ? 'of those who stay and are active, the highest DOA' : 'who stays with the highest DOA';
    out.push(`  ${chalk.bold('Orphaned files and successors')} ${chalk.dim(`(successor: ${who}; weak below normDOA ${result.weakSuccessorThreshold})`)}`);
    // Files nobody can take over first, then weak successors; within each, the most changed first
    // (in path order, httpd's first rows were build/aix/README and build/aix/aixinfo).
    const ranked = [...result.orphanedFiles].sort((a, b) => STRENGTH[a.strength] - STRENGTH[b.strength] || b.events - a.events || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files = rowsWithin(ranked, FILE_ROWS);
    out.push(indent(successionTable(files, name, pathWidth, ctx)));
    if (ranked.length > files.length) out.push(chalk.dim(`    … ${plural(ranked.length - files.length, 'more file')} (--format json lists them all)`));
  }
  if (result.singleOwnerFiles.length > 0) {
    // The arrow names the one owner left; when the successor is someone else (the owner is
    // inactive, or another has a higher DOA), name them: "→ Old Timer" read as a handover to
    // someone gone since 2015.
    const sample = result.singleOwnerFiles.slice(0, 3).map((f) => {
      const owner = f.remainingAuthors[0];
      const other = owner !== undefined && f.successor?.id !== owner;
      // No successor at all while an owner stays: the owner cannot be one, so is inactive (the only
      // developers left out as successors); "→ Anders (no successor)" did not say why.
      // The owner left out of the successors is inactive, with a successor or without (deno: "→ Asher
      // Gomez (successor: Bert Belder)" did not say why Asher was passed over).
      const inactive = result.successorsFiltered ? 'inactive; ' : '';
      const next = f.successor ? `${inactive}successor: ${name(f.successor.id)}` : `${inactive}no successor`;
      return `${sanitize(f.path)} → ${list(f.remainingAuthors.map(name), 1)}${other ? ` (${next})` : ''}`;
    });
    out.push(`  ${plural(result.singleOwnerFiles.length, 'file')} left with a single owner: ${list(sample, 3)}${result.singleOwnerFiles.length > 3 ? ` +${result.singleOwnerFiles.length - 3} more` : ''}`);
  }
  out.push(chalk.dim('  `talentrisk handoff <who>` writes the handoff document of one person.'));
  return out.join('\n');
}

function successionTable(files: readonly FileSuccession[], name: (id: string) => string, pathWidth: number, ctx: RenderContext): string {
  const { chalk } = ctx;
  const rows = files.map((f) => {
    const s = f.successor;
    const successor =
      f.strength === 'none' || !s
        ? chalk.red('none — knowledge transfer needed')
        : f.strength === 'weak'
          ? chalk.yellow(`${name(s.id)} (weak, normDOA ${s.normDoa.toFixed(2)})`)
          : `${name(s.id)} (normDOA ${s.normDoa.toFixed(2)})`;
    return [shortenPath(sanitize(f.path), pathWidth), list(f.departingAuthors.map(name), 2), successor];
  });
  return renderTable(['file', 'leaving', 'successor'], rows, ['left', 'left', 'left']);
}
