import { busySmallModules, isBulkOnly, modulesInListingOrder, olderThanWindow, type DeparturesResult, type FileSuccession } from '../model/departures.ts';
import { list, MODULE_ROWS, percent, plural, sanitize, SECONDARY_MODULES_LAST } from './format.ts';
import { rowsWithin } from '../model/rows.ts';
import { departureLabel } from '../model/critical-departures.ts';
import { listingTier } from '../model/bookkeeping.ts';
import { AUTHOR_ABS_THRESHOLD } from '../model/doa.ts';
import { BULK_CHANGES } from '../model/authorship.ts';
import { isSecondaryModule, isSupportingModule } from '../model/modules.ts';
import { takeOverByModule, type TakeOver } from '../model/take-over.ts';
import { cutToWidth, displayWidth, naturalWidth, renderTable, shortenModulePath, shortenNameList, shortenPathToWidth, type TableFit } from './table-util.ts';
import type { RenderContext } from './types.ts';

// The "Departures" section of `scan`'s table (talentrisk extension, METRICS.md §8): what is
// orphaned, the truck factor before and after, per module, the timeline and the successors.

const FILE_ROWS = 15;
const STRENGTH = { none: 0, weak: 1, ok: 2, author: 3 } as const;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/**
 * The section's text (no trailing newline), or '' when nobody is leaving.
 * `stale`: when everyone who stays is inactive (nobodyActiveSince), the last day anyone committed:
 * then nobody can be a successor, and each orphaned file read "none" with no word why (redis at a
 * clone's age: 647 of 647; `handoff` said so, scan did not).
 * `untilDay`: the --until day the figures are measured from, which undated departures count from.
 */
export function renderDeparturesSection(result: DeparturesResult, ctx: RenderContext, stale?: { day: string; inactiveAfterDays: number; referenceDate: string }, today?: string, untilDay?: string): string {
  if (result.departures.length === 0) return '';
  const { chalk } = ctx;
  const name = (id: string) => sanitize(result.names[id] ?? id);
  // In a terminal, the tables (indented by 4) fit its width, and long titles take two lines.
  const fit = (columns: number[], rest: Partial<TableFit> = {}): TableFit | undefined => (ctx.fit ? { width: ctx.width - 4, columns, ...rest } : undefined);
  const title = (text: string) => (ctx.fit ? text.replace(' ', '\n') : text);
  const out: string[] = [];
  const alone = result.departures.length === 1;
  const who = result.departures.map((d) => departureLabel({ name: sanitize(d.name), date: d.date }, today));
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
    out.push(`  ${chalk.bold('Timeline')} ${chalk.dim(`(cumulative; undated departures count from ${untilDay ? `${untilDay}, the --until day` : 'now'})`)}`);
    // A list cut to the width keeps its count: ".circleci, cache, codegen +1…" stood for 17 more (hugo
    // at 80 columns, an engineering manager's test).
    const lists = new Map<string, string[]>();
    const listed = (items: string[]) => {
      const cell = list(items, 3);
      lists.set(cell, items);
      return cell;
    };
    const rows = result.timeline.map((step) => [
      step.date ?? untilDay ?? 'now',
      listed(step.leaving.map(name)),
      step.truckFactor.value,
      step.orphanedFiles,
      step.orphanedModules.length ? listed(step.orphanedModules.map(sanitize)) : '—',
    ]);
    const shorten = (cell: string, width: number) => {
      const items = lists.get(cell);
      return items ? shortenNameList(items, width) : cutToWidth(cell, width);
    };
    out.push(indent(renderTable(['after', 'leaving', title('truck factor'), title('orphaned files'), title('orphaned modules')], rows, ['left', 'left', 'right', 'right', 'left'], fit([1, 4], { shorten }))));
  }

  if (result.modules.length > 0) {
    // Code first, as every module table: astro listed 8 fixture packages before its code (a re-test),
    // and hugo twelve modules of 1 to 4 files before its 206-file tpl.
    const busy = busySmallModules(result);
    const listed = rowsWithin(modulesInListingOrder(result, busy), MODULE_ROWS);
    // Said when it moved one up, above a module of the others: a 2-file module first of the table,
    // with "fewer than 5 files last" beside it.
    const above = (index: number) => listed.slice(index + 1).some((later) => !isSecondaryModule(later));
    const promoted = [...new Set(listed.filter((m, index) => busy.has(m.path) && above(index)).map((m) => sanitize(m.path)))];
    const which = promoted.length > 3 ? `${promoted.length} such modules` : promoted.join(', ');
    const except = promoted.length > 0 ? ` (but ${which}: ${promoted.length === 1 ? 'it loses every author, and its files were' : 'they lose every author, and their files were'} changed as often as an average module’s)` : '';
    const takeOver = takeOverByModule(result.orphanedFiles);
    const firsts = listed.map((m) => takeOver.get(m.path));
    const best = bestPlacedCells(firsts, name, ctx);
    const sweeps = firsts.some((t) => (t?.candidates[0]?.bulkOnly ?? 0) > 0) ? ` (sweeps only: of those, the files where their only changes were commits of ${BULK_CHANGES}+ files)` : '';
    out.push(
      `  ${chalk.bold('Modules losing knowledge')} ${chalk.dim(`(share of files whose authors are all leaving; best placed: who stays and is the successor on most of those files, and on how many${sweeps}; ${SECONDARY_MODULES_LAST}${except})`)}`,
    );
    const rows = listed.map((m, index) => [
      sanitize(m.path),
      m.files,
      m.truckFactorBefore.value,
      m.truckFactorAfter.value === 0 && m.truckFactorBefore.value > 0 ? chalk.red('0') : m.truckFactorAfter.value,
      m.knowledgeLost >= 0.5 ? chalk.red(percent(m.knowledgeLost)) : percent(m.knowledgeLost),
      ...(alone ? [] : [list(m.departingOwners.map((o) => name(o.id)), 2)]),
      best.cells[index] as string,
    ]);
    const last = alone ? 5 : 6;
    const shorten = (cell: string, width: number, column: number) => (column === 0 ? shortenModulePath(cell, width) : column === last ? best.within(cell, width) : cell);
    // With one person leaving, the "leaving" column would repeat the name the heading gives.
    const head = ['module', 'files', title('TF before'), title('TF after'), title('knowledge lost'), ...(alone ? [] : [title('leaving owners')]), title('best placed')];
    const align: ('left' | 'right')[] = ['left', 'right', 'right', 'right', 'right', ...(alone ? [] : ['left' as const]), 'left'];
    // The names give way first in a narrow terminal: at 60 columns, two people leaving took 67.
    out.push(indent(renderTable(head, rows, align, fit(alone ? [0, last] : [0, 5, last], { shorten, min: alone ? { 0: 12, [last]: 6 } : { 0: 12, 5: 7, [last]: 6 } }))));
    if (result.modules.length > listed.length) out.push(chalk.dim(`    … ${plural(result.modules.length - listed.length, 'more module')} (--format json lists them all)`));
  }

  if (result.orphanedFiles.length > 0) {
    const who = result.successorsFiltered ? 'of those who stay and are active, the highest DOA' : 'who stays with the highest DOA';
    const sweeps = result.orphanedFiles.some((file) => file.successor && isBulkOnly(file.successor)) ? `; sweeps only: their only changes were commits of ${BULK_CHANGES}+ files, a sweep or a reorganisation` : '';
    out.push(`  ${chalk.bold('Orphaned files and successors')} ${chalk.dim(`(successor: ${who}; weak below normDOA ${result.weakSuccessorThreshold} or DOA ${AUTHOR_ABS_THRESHOLD}${sweeps})`)}`);
    if (stale) {
      // `--until` helps only when the history itself is that old (not when a solo maintainer leaves beside long-gone others).
      const old = olderThanWindow(stale.day, stale.referenceDate, stale.inactiveAfterDays);
      out.push(
        chalk.yellow(
          old
            ? `  Nobody committed in the ${stale.inactiveAfterDays} days before ${stale.referenceDate.slice(0, 10)}, so nobody can be a successor: \`--until ${stale.day}\` measures from the last commit.`
            : `  Everyone who stays has had no commit in the ${stale.inactiveAfterDays} days before ${stale.referenceDate.slice(0, 10)}, so nobody can be a successor.`,
        ),
      );
    }
    // Files nobody can take over first, then weak successors; within each, code before tests, docs
    // and the like, and before READMEs, ignore files and release chores (listingTier: vuejs/core's
    // began with READMEs, package.json and .gitignore, a tester) (undici's list began with 9 test files, and lib/dispatcher/retry-agent.js was not
    // among the 15 shown: a tester), then the most changed first (in path order, httpd's first rows
    // were build/aix/README and build/aix/aixinfo).
    const supporting = (file: { path: string }) => Number(isSupportingModule(file.path.slice(0, Math.max(0, file.path.lastIndexOf('/')))));
    // A successor whose only changes were sweeps right after the files with none: they know no more
    // of it (spring-boot: 523 of the 1,773 files, a directory move and a copyright sweep; an EM test).
    const rank = (file: FileSuccession) => (file.successor && isBulkOnly(file.successor) ? 0.5 : STRENGTH[file.strength]);
    const ranked = [...result.orphanedFiles].sort(
      (a, b) => rank(a) - rank(b) || supporting(a) - supporting(b) || listingTier(a.path) - listingTier(b.path) || b.events - a.events || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    const files = rowsWithin(ranked, FILE_ROWS);
    out.push(indent(successionTable(files, name, ctx, fit, !alone)));
    if (ranked.length > files.length) out.push(chalk.dim(`    … ${plural(ranked.length - files.length, 'more file')} (--format json lists them all)`));
  }
  if (result.singleOwnerFiles.length > 0) {
    const count = `  ${plural(result.singleOwnerFiles.length, 'file')} left with a single owner: `;
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
    // In a terminal, as many examples as fit on one line (at least one): three read as a 289-column
    // line on express, four rows of an 80-column terminal.
    let shown = sample.length;
    const line = (n: number) => `${count}${sample.slice(0, n).join(', ')}${result.singleOwnerFiles.length > n ? ` +${result.singleOwnerFiles.length - n} more` : ''}`;
    while (ctx.fit && shown > 1 && displayWidth(line(shown)) > ctx.width) shown--;
    out.push(line(shown));
  }
  out.push(chalk.dim('  `talentrisk handoff <who>` writes the handoff document of one person.'));
  return out.join('\n');
}

/**
 * The "best placed" cells of the modules table: who stays and is the successor on most of the
 * files the module loses (most with changes of their own first: takeOverOf), and on how many ("Joe
 * Mooring (74)", "Phillip Webb (606; 290 sweeps only)"; yellow when weak on all of them),
 * or "none" (red) when nobody available has changed any. hugo's table named no one beside tpl's
 * 206 lost files, of which Joe Mooring was the successor on 74 (a tester). `within`: a cell made
 * narrower, the name cut before the count.
 */
function bestPlacedCells(takeOvers: readonly (TakeOver | undefined)[], name: (id: string) => string, ctx: RenderContext): { cells: string[]; within: (cell: string, width: number) => string } {
  const { chalk } = ctx;
  const narrower = new Map<string, (width: number) => string>();
  const cells = takeOvers.map((takeOver) => {
    const best = takeOver?.candidates[0];
    if (!best) return chalk.red('none');
    // Weak on all, or ok only through sweeps: yellow. Files where their only changes were sweeps are
    // said beside the count (spring-boot's module: Phillip Webb on 606, 290 of them by a move).
    const paint = best.ok - best.bulkOnlyOk === 0 ? chalk.yellow : (text: string) => text;
    // Weak said in words too: the colour is lost when the table is piped or pasted (a re-test).
    const weak = best.weak === best.files ? ', all weak' : best.weak > 0 ? `, ${best.weak} weak` : '';
    const countOf = (words: string) => (best.bulkOnly > 0 ? ` (${best.files}${words}; ${best.bulkOnly} sweeps only)` : ` (${best.files}${words})`);
    const count = countOf(weak);
    const cell = paint(`${name(best.id)}${count}`);
    // Narrower: the name is cut first, then "weak" goes (the colour still says it), then the count.
    narrower.set(cell, (width) => {
      for (const shown of [count, countOf('')]) if (width - displayWidth(shown) >= 4) return paint(`${cutToWidth(name(best.id), width - displayWidth(shown))}${shown}`);
      return paint(cutToWidth(name(best.id), width));
    });
    return cell;
  });
  return { cells, within: (cell, width) => narrower.get(cell)?.(width) ?? cutToWidth(cell, width) };
}

function successionTable(
  files: readonly FileSuccession[],
  name: (id: string) => string,
  ctx: RenderContext,
  fit: (columns: number[], rest?: Partial<TableFit>) => TableFit | undefined,
  withLeaving: boolean,
): string {
  const { chalk } = ctx;
  // A successor cell in full, and shorter for a narrow terminal: "none" keeps its meaning, a
  // successor's name gives way before the strength and the figure.
  const shorter = new Map<string, { compact: string; within: (width: number) => string }>();
  const successors = files.map((f) => {
    const s = f.successor;
    if (f.strength === 'none' || !s) {
      const cell = chalk.red('none — knowledge transfer needed');
      shorter.set(cell, { compact: chalk.red('none — transfer needed'), within: () => chalk.red('none') });
      return cell;
    }
    const bulkOnly = isBulkOnly(s);
    const paint = f.strength === 'weak' || bulkOnly ? chalk.yellow : (text: string) => text;
    const weak = f.strength === 'weak' ? 'weak, ' : '';
    const sweeps = bulkOnly ? ', sweeps only' : '';
    const cell = paint(`${name(s.id)} (${weak}normDOA ${s.normDoa.toFixed(2)}${sweeps})`);
    const figure = `(${weak}${s.normDoa.toFixed(2)}${sweeps})`;
    shorter.set(cell, {
      compact: paint(`${name(s.id)} ${figure}`),
      within: (width) => {
        const room = width - displayWidth(figure) - 1;
        return paint(room >= 6 ? `${cutToWidth(name(s.id), room)} ${figure}` : name(s.id));
      },
    });
    return cell;
  });
  const head = withLeaving ? ['file', 'leaving', 'successor'] : ['file', 'successor'];
  const last = head.length - 1;
  const rowsWith = (successor: (cell: string) => string) =>
    files.map((f, i) => {
      const path = sanitize(f.path);
      const cell = successor(successors[i] as string);
      return withLeaving ? [path, list(f.departingAuthors.map(name), 2), cell] : [path, cell];
    });
  let rows = rowsWith((cell) => cell);
  // Too wide for the terminal: the shorter successor cells first, then the fit cuts what it must.
  if (ctx.fit && naturalWidth(head, rows) > ctx.width - 4) rows = rowsWith((cell) => shorter.get(cell)?.compact ?? cell);
  const within = new Map([...shorter.values()].map((s) => [s.compact, s.within]));
  const shorten = (cell: string, width: number, column: number) => (column === 0 ? shortenPathToWidth(cell, width) : column === last ? (within.get(cell)?.(width) ?? cell) : cell);
  return renderTable(head, rows, head.map(() => 'left'), fit(withLeaving ? [0, 1, 2] : [0, 1], { min: withLeaving ? { 0: 20, 1: 10, 2: 20 } : { 0: 20, 1: 20 }, shorten }));
}
