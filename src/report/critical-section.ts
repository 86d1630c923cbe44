import type { CriticalSystemResult } from '../model/critical.ts';
import { filesAtRisk, rankCritical } from '../model/critical.ts';
import { INACTIVE_OWNERS_ADVICE, inactiveOwnerNotes, lossesWithinLimit, ownersPhrase, type InactivePeople } from './check-describe.ts';
import { INACTIVE_MARK } from '../model/critical-departures.ts';
import { plural, round, sanitize } from './format.ts';
import { displayWidth, renderTable, shortenNameList, shortenPathToWidth } from './table-util.ts';
import type { RenderContext } from './types.ts';

// Critical systems in the terminal (check's text format and scan's table) and in JSON (check's
// `systems` and scan's `critical`).

type Row = CriticalSystemResult & { checked?: boolean };

/** One row per system, violations first: mark, name, bus factor, required, owners, files at risk. */
/** A cut no-owner cell's labels, longest first: who still authors the files comes after one. */
const NO_OWNER = ['no owner; authors: ', 'authors: '];

export function renderCriticalRows(
  results: readonly Row[],
  ctx: RenderContext,
  options: {
    skipLabel?: (system: Row) => string;
    isPreexisting?: (system: Row) => boolean;
    /** The files at risk in the order to show (check --changed: the change's first); default filesAtRisk. */
    atRisk?: (system: Row) => string[];
    /** What follows the owners in their cell, after "; " (check in a shallow clone: "judged on 4 of its 39 files"), or ''. */
    ownersNote?: (system: Row) => string;
  } = {},
): string {
  const { chalk } = ctx;
  // Violations first, then what passes, skipped systems (--changed) last (sort is stable). check
  // --new-only: what the merge base already breaks after what fails, and before what passes (a pull
  // request editing the config listed its passing system first: vuejs/core, a CI maintainer).
  const group = (system: Row) => (system.checked === false ? 3 : system.status === 'ok' ? 2 : options.isPreexisting?.(system) === true ? 1 : 0);
  const ranked = rankCritical(results).sort((a, b) => group(a) - group(b));
  // The owners of each owners cell, for cutting it by whole names: parsed back from the text, a name
  // with ", " in it ("Doe, John") read as two (a review).
  const ownersOf = new Map<string, string[]>();
  // And of a system with no owner, who still authors its files.
  const authorsOf = new Map<string, string[]>();
  // And what follows them (ownersNote), kept whole when the names are cut.
  const noteOf = new Map<string, string>();
  const rows = ranked.map((system) => {
    const name = sanitize(system.name);
    if (system.checked === false) {
      // A skipped system that matches no file has no bus factor (it read 0: a re-test).
      return [chalk.dim('–'), chalk.dim(name), chalk.dim(system.status === 'error' ? '—' : String(system.busFactor)), chalk.dim(String(system.minOwners)), chalk.dim(options.skipLabel?.(system) ?? 'skipped: no file changed'), ''];
    }
    if (system.status === 'error') return [chalk.red('!'), chalk.bold(name), chalk.red('—'), String(system.minOwners), chalk.red(sanitize(ownersPhrase(system))), ''];
    const ok = system.status === 'ok';
    // check --new-only: broken on the base already and not made worse: marked, not failed.
    const already = !ok && options.isPreexisting?.(system) === true;
    const risk = options.atRisk?.(system) ?? filesAtRisk(system);
    const first = risk[0];
    // Whole here: in a terminal the table's fit cuts it only when the width needs it (a 60-cell cap
    // cut paths in a 200-column terminal), and piped (a CI log) it stays whole, so it can be searched for.
    const riskPath = sanitize(first ?? '');
    const riskText = first === undefined ? '' : `${risk.length}: ${riskPath}${risk.length > 1 ? ` +${risk.length - 1} more` : ''}`;
    const note = sanitize(options.ownersNote?.(system) ?? '');
    const owners = `${sanitize(ownersPhrase(system))}${note ? `; ${note}` : ''}`;
    if (system.owners.length > 0) ownersOf.set(owners, system.owners.map((owner) => sanitize(owner.name)));
    else if (system.authors.length > 0) authorsOf.set(owners, system.authors.map((author) => sanitize(author.name)));
    if (note) noteOf.set(owners, `; ${note}`);
    return [
      ok ? chalk.green('✓') : already ? chalk.yellow('!') : chalk.red('✗'),
      chalk.bold(name),
      ok ? chalk.green(String(system.busFactor)) : already ? chalk.yellow(String(system.busFactor)) : chalk.red.bold(String(system.busFactor)),
      String(system.minOwners),
      owners,
      riskText,
    ];
  });
  // A cut "files at risk" keeps its count and "+N more" and shortens the path in its middle, or,
  // with no room for a path, is just the count.
  const shorten = (cell: string, width: number, column: number) => {
    // Cut, the owners lose the label the column's title already gives before any name does
    // ("owners: Nicolò Ribaud…" at 80 columns: a team lead's test), then whole names, counted.
    if (column === 4) {
      // A note after the names ("; judged on 4 of its 39 files") stays while there is room for a name.
      const note = noteOf.get(cell) ?? '';
      const room = note && width - displayWidth(note) >= 12 ? width - displayWidth(note) : width;
      const kept = room < width ? note : '';
      const names = ownersOf.get(cell);
      if (names !== undefined) return `${shortenNameList(names, room, [INACTIVE_MARK])}${kept}`;
      // With no owner, who still authors its files matters more than why: "no owner: fewer than
      // ha…" lost them (okhttp at 80 columns, a CI test).
      const authors = authorsOf.get(cell);
      if (authors === undefined) return cell;
      const label = NO_OWNER.find((text) => room - text.length >= 8);
      return label === undefined ? `no owner${kept}` : `${label}${shortenNameList(authors, room - label.length, [INACTIVE_MARK])}${kept}`;
    }
    const parts = column === 5 ? /^(\d+): (.*?)( \+\d+ more)?$/.exec(cell) : null;
    if (!parts) return cell;
    const [, count = '', path = '', more = ''] = parts;
    const room = width - count.length - 2 - more.length;
    return room >= 8 ? `${count}: ${shortenPathToWidth(path, room)}${more}` : `${count} ${count === '1' ? 'file' : 'files'}`;
  };
  const fit = ctx.fit ? { width: ctx.width - 2, columns: [1, 4, 5], min: { 1: 12, 4: 14, 5: 16 }, shorten } : undefined;
  return renderTable(['', 'system', 'bus factor', 'needs', 'owners', 'files at risk'], rows, ['left', 'left', 'right', 'right', 'left', 'left'], fit);
}

/**
 * The "Critical systems" section of `scan`'s table (empty string when there are none).
 * `results` come from evaluateAfterDepartures(analysis, config.critical, departing); `source` names
 * the config file they were read from, as the user would type it; `departing`, who was declared leaving.
 */
export function renderCriticalSection(
  results: readonly CriticalSystemResult[],
  ctx: RenderContext,
  source = '.talentrisk.yml',
  departing: readonly { name: string }[] = [],
  inactive: InactivePeople = new Map(),
  inactiveGone = 0,
): string {
  if (results.length === 0) return '';
  const { chalk } = ctx;
  const failing = results.filter((r) => r.status === 'violation').length;
  // A system whose globs match no analysed file (a config error) is not "failing" its rule.
  const broken = results.filter((r) => r.status === 'error').length;
  const without = [
    ...(departing.length === 0 ? [] : [departing.length === 1 ? sanitize((departing[0] as { name: string }).name) : `the ${departing.length} people leaving`]),
    // model.treatInactiveAsDeparted: as check's header says it.
    ...(inactiveGone > 0 ? [plural(inactiveGone, 'inactive developer')] : []),
  ];
  const after = without.length === 0 ? '' : `without ${without.join(' and ')}: `;
  const state = [
    ...(failing > 0 ? [`${failing} of ${results.length} failing`] : []),
    ...(broken > 0 ? [`${broken} of ${results.length} with a config error`] : []),
  ];
  const heading = `${chalk.bold('Critical systems')} ${chalk.dim(`(${source}; ${after}${state.length === 0 ? 'every rule holds' : state.join(', ')} — \`talentrisk check\` gates CI on them)`)}`;
  const rows = renderCriticalRows(results, ctx)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  // What the departures break, as check says it (a maxKnowledgeLoss failure has no column of its own).
  const afterDepartures = rankCritical(results).flatMap((r) => r.violations.filter((v) => v.afterDepartures).map((v) => chalk.red(`  ✗ ${sanitize(r.name)}: ${sanitize(v.message)}`)));
  const withinLimit = lossesWithinLimit(results).map(({ system, message }) => chalk.dim(`  ✓ ${sanitize(system)}: ${sanitize(message)}`));
  const inactiveOnly = inactiveOwnerNotes(results, inactive).map(({ system, message }) => chalk.yellow(`  ! ${sanitize(system)}: ${sanitize(message)}`));
  if (inactiveOnly.length > 0) inactiveOnly.push(chalk.dim(`    ${INACTIVE_OWNERS_ADVICE}`));
  return [heading, rows, ...afterDepartures, ...withinLimit, ...inactiveOnly].join('\n');
}

export interface CriticalSystemJson {
  name: string;
  description: string | null;
  status: 'ok' | 'violation' | 'error';
  paths: string[];
  minOwners: number;
  maxKnowledgeLoss: number | null;
  knowledgeLoss: { share: number; lostFiles: number; files: number } | null;
  files: number;
  busFactor: number;
  coverage: number;
  owners: { id: string; name: string; files: number; share: number }[];
  authors: { id: string; name: string; files: number; share: number }[];
  singleOwnerFiles: { path: string; owner: { id: string; name: string } }[];
  orphanFiles: string[];
  unmatchedPatterns: string[];
  violations: { rule: string; required: number; actual: number; message: string }[];
  error: string | null;
}

export function criticalSystemJson(result: CriticalSystemResult): CriticalSystemJson {
  const member = (m: CriticalSystemResult['owners'][number]) => ({ id: m.id, name: m.name, files: m.files, share: round(m.share) });
  return {
    name: result.name,
    description: result.description ?? null,
    status: result.status,
    paths: result.paths,
    minOwners: result.minOwners,
    maxKnowledgeLoss: result.maxKnowledgeLoss ?? null,
    knowledgeLoss: result.knowledgeLoss ? { share: round(result.knowledgeLoss.share), lostFiles: result.knowledgeLoss.lostFiles, files: result.knowledgeLoss.files } : null,
    files: result.files.length,
    busFactor: result.busFactor,
    coverage: round(result.coverage),
    owners: result.owners.map(member),
    authors: result.authors.map(member),
    singleOwnerFiles: result.singleOwnerFiles,
    orphanFiles: result.orphanFiles,
    unmatchedPatterns: result.unmatchedPatterns,
    violations: result.violations.map((v) => ({ rule: v.rule, required: v.required, actual: round(v.actual), message: v.message })),
    error: result.error ?? null,
  };
}

/** The `critical` array of `scan --format json`, in config order. */
export function criticalJson(results: readonly CriticalSystemResult[]): CriticalSystemJson[] {
  return results.map(criticalSystemJson);
}
