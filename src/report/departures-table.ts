import { busySmallModules, modulesInListingOrder, olderThanWindow, type DeparturesResult, type FileSuccession } from '../model/departures.ts';
import { isBulkOnly, WEAK_SUCCESSOR_NORM_DOA } from '../model/successors.ts';
import { fixedApart } from '../model/apart.ts';
import { inListingOrder } from '../model/bookkeeping.ts';
import { list, MODULE_ROWS, percent, plural, sanitize, SECONDARY_MODULES_LAST } from './format.ts';
import { rowsWithin } from '../model/rows.ts';
import { departureLabel } from '../model/critical-departures.ts';
import { AUTHOR_ABS_THRESHOLD } from '../model/doa.ts';
import { fadingLabel } from '../model/fading.ts';
import { handoffTier, transferTier } from '../model/handoff-order.ts';
import { isSecondaryModule, isSupportingModule, testLibraries } from '../model/modules.ts';
import { BARELY_NORM_DOA, barelyKnows, MANY_OWN_CHANGES, type TakeOver, type TakeOverCandidate } from '../model/take-over.ts';
import { BULK_CHANGES } from '../model/authorship.ts';
import { ONE_OFF_DEFINITION } from '../model/one-off.ts';
import { asManyAsFit, cutToWidth, displayWidth, naturalWidth, renderTable, shortenModulePath, shortenNameList, shortenPathToWidth, type TableFit } from './table-util.ts';
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
  const noActiveAuthor = noActiveAuthorText(result);
  out.push(
    `  Truck factor ${tfText} · ${lost === 0 ? 'no file loses its last author' : `${plural(lost, 'file')} of ${result.files} lose their last author (${percent(lost / Math.max(1, result.files))})`}` +
      (noActiveAuthor ? ` · ${noActiveAuthor}` : '') +
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
    const firsts = listed.map((m) => result.takeOver.get(m.path));
    const best = bestPlacedCells(
      listed.map((m, index) => (m.knowledgeLost === 0 ? false : firsts[index])),
      name,
      ctx,
      result.fading,
    );
    const sweeps = firsts.some((t) => (t?.candidates[0]?.bulkOnly ?? 0) > 0) ? ` (sweeps only: of those, the files where their only changes were commits of ${BULK_CHANGES}+ files)` : '';
    // Ties go to who authors more of the module; one-off contributors come last (helm's root module: sayboras, one commit).
    const oneOff = firsts.some((t) => t?.candidates[0]?.oneOff) ? `; one-off: ${ONE_OFF_DEFINITION}` : '';
    const nothingLost = listed.some((m) => m.knowledgeLost === 0) ? ' (— when it loses no file)' : '';
    out.push(
      `  ${chalk.bold('Modules losing knowledge')} ${chalk.dim(`(share of files whose authors are all leaving; best placed: who stays and is the successor on most of those files, and on how many${sweeps}${nothingLost}, between equals who authors most of the module${oneOff}; ${SECONDARY_MODULES_LAST}${except})`)}`,
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
    // The modules of the files listed lose knowledge, so they are all among result.modules (tokio-test is code).
    const ranked = orphanedFilesInListingOrder(result.orphanedFiles, testLibraries(result.modules));
    const files = rowsWithin(ranked, FILE_ROWS);
    // What the rows shown use, said once in the heading.
    const sweeps = files.some((file) => file.successor && isBulkOnly(file.successor)) ? `; sweeps only: their only changes were commits of ${BULK_CHANGES}+ files, a sweep or a reorganisation` : '';
    const barely = files.some(isBarely) ? `; barely knows it: below normDOA ${BARELY_NORM_DOA}, with fewer than ${MANY_OWN_CHANGES} changes of their own` : '';
    const fading = result.fadingAfterDays !== undefined && files.some((file) => file.successor && result.fading[file.successor.id] !== undefined) ? `; last commit N days ago: none in the last ${result.fadingAfterDays} days` : '';
    const oneOff = files.some((file) => file.successor?.oneOff) ? `; one-off: ${ONE_OFF_DEFINITION}` : '';
    const handsOn = files.some((file) => file.handsOnSuccessor) ? '; hands-on: who changed it themselves, with the highest DOA' : '';
    const order = alone ? 'their commits' : 'the commits of those leaving';
    out.push(
      `  ${chalk.bold('Orphaned files and successors')} ${chalk.dim(`(no or a weak successor first; files outside test, docs and example folders before those in them, and in each code, then prose, then changelogs and manifests, then settings; then by ${order}, most first; successor: ${who}; weak below normDOA ${result.weakSuccessorThreshold} or DOA ${AUTHOR_ABS_THRESHOLD}${barely}${fading}${sweeps}${oneOff}${handsOn})`)}`,
    );
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
    out.push(indent(successionTable(files, name, ctx, fit, !alone, result.fading, result.weakSuccessorThreshold)));
    if (ranked.length > files.length) out.push(chalk.dim(`    … ${plural(ranked.length - files.length, 'more file')} (--format json lists them all)`));
  }
  if (result.singleOwnerFiles.length > 0) {
    const inactiveOwner = new Set(result.onlyInactiveAuthorsLeft);
    const inactiveCount = result.singleOwnerFiles.filter((f) => inactiveOwner.has(f.path)).length;
    // How many of those owners are inactive: the line shows a few files only.
    const all = result.singleOwnerFiles.length;
    const ofThem = inactiveCount === 0 || all === 1 ? '' : inactiveCount === all ? ' (all of them inactive)' : ` (${inactiveCount} of them inactive)`;
    const count = `  ${plural(result.singleOwnerFiles.length, 'file')} left with a single owner${ofThem}: `;
    const fadingOf = (id: string) => (result.fading[id] !== undefined ? ` (${fadingLabel(result.fading[id])})` : '');
    // The arrow names the one owner left, who takes the file over; when the successor is someone
    // else (another has a higher DOA), name them: "→ Old Timer" read as a handover.
    // The examples that matter most, as check lists files at risk: code first, the most changed
    // first; release notes and changelogs last (pnpm's three were `.changeset/*.md` fragments, in
    // path order: a first-time user).
    const examples = inListingOrder(result.singleOwnerFiles, (f) => f.path, (f) => f.events, (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const sample = examples.slice(0, 3).map((f) => {
      const owner = f.remainingAuthors[0] ?? '';
      const next = f.successor ? `successor: ${name(f.successor.id)}${fadingOf(f.successor.id)}` : 'no successor';
      // An inactive owner takes nothing over: "INSTALL → Pedro Melo (inactive; no successor)" read
      // as "Pedro Melo takes over INSTALL" (redis at 2020-06-30, Pedro's last commit in 2016; a
      // first-time user). Said plainly, with the day, and who (if anyone) could take it instead
      // (deno: "→ Asher Gomez (successor: Bert Belder)" did not say why Asher was passed over).
      if (inactiveOwner.has(f.path)) {
        const since = result.lastCommits[owner] ? ` since ${result.lastCommits[owner].slice(0, 10)}` : '';
        return `${sanitize(f.path)}: only ${name(owner)} stays an author, inactive${since} (${next})`;
      }
      const other = f.successor?.id !== owner;
      return `${sanitize(f.path)} → ${name(owner)}${other ? ` (${next})` : fadingOf(owner)}`;
    });
    // In a terminal, as many examples as fit on one line (at least one): three read as a 289-column
    // line on express, four rows of an 80-column terminal. Set apart by ";": a sample has commas.
    out.push(asManyAsFit((n) => `${count}${sample.slice(0, n).join('; ')}${result.singleOwnerFiles.length > n ? ` +${result.singleOwnerFiles.length - n} more` : ''}`, sample.length, ctx));
  }
  out.push(chalk.dim('  `talentrisk handoff <who>` writes the handoff document of one person.'));
  return out.join('\n');
}

/**
 * Beside the published figure (files that lose their last author), the files left with no active
 * author: those whose remaining authors are all inactive too, as the handoff counts them. redis at
 * 2020-06-30: scan said 242 files, the handoff 276 (34 more shared only with people gone for years;
 * a first-time user). '' when it is the same count. The table and the markdown both say it so.
 */
export function noActiveAuthorText(result: Pick<DeparturesResult, 'files' | 'noActiveAuthorFiles' | 'onlyInactiveAuthorsLeft'>): string {
  const more = result.onlyInactiveAuthorsLeft.length;
  if (more === 0) return '';
  const share = percent(result.noActiveAuthorFiles / Math.max(1, result.files));
  const lost = result.noActiveAuthorFiles - more;
  const which = lost === 0 ? (more === 1 ? 'it keeps only inactive authors' : 'they keep only inactive authors') : `${more} more ${more === 1 ? 'keeps' : 'keep'} only inactive authors`;
  return `${plural(result.noActiveAuthorFiles, 'file')} left with no active author (${share}: ${which})`;
}

/** A weak successor who barely knows the file (barelyKnows), as the handoff says it. */
function isBarely(file: FileSuccession): boolean {
  return file.strength === 'weak' && file.successor !== undefined && barelyKnows(file.successor);
}

/**
 * The orphaned files in the order the handoff lists a person's files: those with no successor, a
 * weak one or one whose only changes were sweeps first (one tier: a successor at normDOA 0.02 is
 * no successor in practice), code before tests, fixtures and docs (isSupportingModule) and before
 * prose, release chores and settings (handoffTier), then the most commits of the people leaving,
 * then no successor before a weak one, the most changed, the path. redis's first 15 rows were all
 * "none" (src/zipmap.c, src/version.h, CONTRIBUTING…) while src/server.c and src/cluster.c, 780 and
 * 508 of antirez's commits, were among "227 more files" (a first-time user); undici's began with 9
 * test files and vuejs/core's with READMEs and .gitignore (testers).
 */
export function orphanedFilesInListingOrder(files: readonly FileSuccession[], libraries: readonly string[] = []): FileSuccession[] {
  const supporting = (file: { path: string }) => Number(isSupportingModule(file.path.slice(0, Math.max(0, file.path.lastIndexOf('/'))), libraries));
  // No successor, a weak one and one whose changes were all sweeps all need a walk-through: one tier, as the handoff's.
  const tier = transferTier;
  const tiers = new Map(files.map((file) => [file.path, handoffTier(file.path)]));
  const kind = (file: FileSuccession) => tiers.get(file.path) ?? 0;
  return [...files].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      supporting(a) - supporting(b) ||
      kind(a) - kind(b) ||
      b.departingCommits - a.departingCommits ||
      STRENGTH[a.strength] - STRENGTH[b.strength] ||
      b.events - a.events ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/**
 * The "best placed" cells of the modules table: who stays and is the successor on most of the
 * files the module loses (most with changes of their own first: takeOverOf), and on how many ("Joe
 * Mooring (74)", "Phillip Webb (606; 290 sweeps only)"; yellow when weak on all of them),
 * or "none" (red) when nobody available has changed any, or "—" when the module loses no file (false). hugo's table named no one beside tpl's
 * 206 lost files, of which Joe Mooring was the successor on 74 (a tester). `within`: a cell made
 * narrower, the name cut before the count.
 */
function bestPlacedCells(
  takeOvers: readonly (TakeOver | undefined | false)[],
  name: (id: string) => string,
  ctx: RenderContext,
  fading: Readonly<Record<string, number>> = {},
): { cells: string[]; within: (cell: string, width: number) => string } {
  const { chalk } = ctx;
  const narrower = new Map<string, (width: number) => string>();
  const cells = takeOvers.map((takeOver) => {
    // A module that loses no file has nothing to take over: not a red "none" (psf/requests' tests, 0% lost, a tester).
    if (takeOver === false) return chalk.dim('—');
    const best = takeOver?.candidates[0];
    if (!best) return chalk.red('none');
    // Weak on all, or ok only through sweeps: yellow. Files where their only changes were sweeps are
    // said beside the count (spring-boot's module: Phillip Webb on 606, 290 of them by a move).
    const paint = best.ok - best.bulkOnlyOk === 0 || best.oneOff ? chalk.yellow : (text: string) => text;
    // Weak said in words too: the colour is lost when the table is piped or pasted (a re-test).
    const weak = weakWords(best);
    // Fading out: still active, but their last commit is over half the inactivity window old (redis:
    // artix, best placed for utils, had not committed for 133 days, and never did again).
    const days = fading[best.id];
    // Ranked after everyone else (takeOverOf), and said so, as in the files' table.
    const oneOff = best.oneOff ? '; one-off' : '';
    const countOf = (words: string, fade = days === undefined ? '' : `; ${fadingLabel(days)}`) => ` ${bestPlacedFigures(best, { weak: words, oneOff, fading: fade })}`;
    const count = countOf(weak);
    const cell = paint(`${name(best.id)}${count}`);
    // Narrower: the name is cut first, then "last commit N days ago" gets shorter, then "weak" goes
    // (the colour still says it), then "last commit" does, then the days.
    const [shorter, shortest] = days === undefined ? ['', ''] : [`; last commit ${days}d ago`, `; ${days}d ago`];
    narrower.set(cell, (width) => {
      for (const shown of [count, countOf(weak, shorter), countOf('', shorter), countOf('', shortest), countOf('', '')]) if (width - displayWidth(shown) >= 4) return paint(`${cutToWidth(name(best.id), width - displayWidth(shown))}${shown}`);
      return paint(cutToWidth(name(best.id), width));
    });
    return cell;
  });
  return { cells, within: (cell, width) => narrower.get(cell)?.(width) ?? cutToWidth(cell, width) };
}

/** ", all weak", ", 3 weak" or '': how many of the files a best placed is the successor on they know weakly. */
function weakWords(best: TakeOverCandidate): string {
  return best.weak === best.files ? ', all weak' : best.weak > 0 ? `, ${best.weak} weak` : '';
}

/**
 * The figures beside a best-placed name, as the table and the markdown write them: the files they
 * are the successor on, how many of those weakly (`weak`, by default weakWords: the table drops it
 * in a narrow terminal), on how many their only changes were sweeps, then `oneOff` and `fading`, in
 * each reporter's words. "(74)", "(606, 12 weak; 290 sweeps only; last commit 133 days ago)".
 */
export function bestPlacedFigures(best: TakeOverCandidate, words: { weak?: string; oneOff: string; fading: string }): string {
  const sweeps = best.bulkOnly > 0 ? `; ${best.bulkOnly} sweeps only` : '';
  return `(${best.files}${words.weak ?? weakWords(best)}${sweeps}${words.oneOff}${words.fading})`;
}

function successionTable(
  files: readonly FileSuccession[],
  name: (id: string) => string,
  ctx: RenderContext,
  fit: (columns: number[], rest?: Partial<TableFit>) => TableFit | undefined,
  withLeaving: boolean,
  fading: Readonly<Record<string, number>> = {},
  weakLine = WEAK_SUCCESSOR_NORM_DOA,
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
    const paint = f.strength === 'weak' || bulkOnly || s.oneOff ? chalk.yellow : (text: string) => text;
    // "Barely knows it", as the handoff says: redis's src/cluster.c read "Itamar Haber (weak,
    // normDOA 0.02)" in scan, "barely knows it: plan a knowledge transfer" in the handoff.
    const weak = isBarely(f) ? 'barely knows it, ' : f.strength === 'weak' ? 'weak, ' : '';
    const sweeps = bulkOnly ? ', sweeps only' : '';
    // A one-off contributor, and who changed the file themselves beside them or beside a sweep's
    // author (handsOnSuccessorOf): helm's pkg/chart/dependency.go read "Josh Soref (weak, normDOA
    // 0.58)", his one commit a spelling fix of 31 files (a first-time user).
    const oneOff = s.oneOff ? ', one-off' : '';
    const handsOn = f.handsOnSuccessor ? `; hands-on: ${name(f.handsOnSuccessor.id)}` : '';
    const days = fading[s.id];
    // Told apart from the line it is judged against: src/db.c's 0.097 read "barely knows it, 0.10".
    const normDoa = fixedApart(s.normDoa, Math.abs(s.normDoa - BARELY_NORM_DOA) < Math.abs(s.normDoa - weakLine) ? BARELY_NORM_DOA : weakLine, 2)[0];
    // Weak for a DOA under the floor while its normDOA is high: the DOA is the figure that says why
    // (helm's pkg/repo/repo.go read "weak, normDOA 0.78", above the author line: a first-time user).
    const byFloor = f.strength === 'weak' && s.normDoa >= weakLine;
    const doa = fixedApart(s.doa, AUTHOR_ABS_THRESHOLD, 2)[0];
    const shown = byFloor ? `DOA ${doa}` : `normDOA ${normDoa}`;
    const compactFigure = byFloor ? `DOA ${doa}` : normDoa;
    const cell = paint(`${name(s.id)} (${weak}${shown}${sweeps}${oneOff}${days === undefined ? '' : `; ${fadingLabel(days)}`}${handsOn})`);
    // Shorter: "normDOA" goes, then "last commit N days ago" gets shorter, "barely knows it" reads
    // "barely", and the days go, then the hands-on name, then "one-off" (the strength and the figure
    // stay); the name is cut before each step.
    const words = isBarely(f) ? [weak, 'barely, '] : [weak, weak];
    const fades = days === undefined ? ['', '', ''] : [`; last commit ${days}d ago`, `; ${days}d ago`, ''];
    const hands = [handsOn, ''];
    const oneOffs = [oneOff, ''];
    const steps: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 2, 0, 0],
      [1, 2, 1, 0],
      [1, 2, 1, 1],
    ];
    const figures = [...new Set(steps.map(([word, fade, hand, once]) => `(${words[word] ?? ''}${compactFigure}${sweeps}${oneOffs[once] ?? ''}${fades[fade] ?? ''}${hands[hand] ?? ''})`))];
    const figure = figures[0] as string;
    shorter.set(cell, {
      compact: paint(`${name(s.id)} ${figure}`),
      within: (width) => {
        for (const shown of figures) {
          const room = width - displayWidth(shown) - 1;
          if (room >= 6) return paint(`${cutToWidth(name(s.id), room)} ${shown}`);
        }
        return paint(name(s.id));
      },
    });
    return cell;
  });
  // Their commits: what orders the rows, as the handoff's column of that name. With several leaving,
  // the commits of them all, while the leaving column names the file's authors among them: helm's
  // client.go read "Adam Reese 63", 51 his and 12 Michelle Noorali's (a re-test).
  const commits = withLeaving ? (ctx.fit ? 'commits\nof all\nleaving' : 'commits of all leaving') : ctx.fit ? 'their\ncommits' : 'their commits';
  const head = withLeaving ? ['file', 'leaving', commits, 'successor'] : ['file', commits, 'successor'];
  const last = head.length - 1;
  const rowsWith = (successor: (cell: string) => string) =>
    files.map((f, i) => {
      const path = sanitize(f.path);
      const cell = successor(successors[i] as string);
      return withLeaving ? [path, list(f.departingAuthors.map(name), 2), String(f.departingCommits), cell] : [path, String(f.departingCommits), cell];
    });
  let rows = rowsWith((cell) => cell);
  // Too wide for the terminal: the shorter successor cells first, then the fit cuts what it must.
  if (ctx.fit && naturalWidth(head, rows) > ctx.width - 4) rows = rowsWith((cell) => shorter.get(cell)?.compact ?? cell);
  const within = new Map([...shorter.values()].map((s) => [s.compact, s.within]));
  const shorten = (cell: string, width: number, column: number) => (column === 0 ? shortenPathToWidth(cell, width) : column === last ? (within.get(cell)?.(width) ?? cell) : cell);
  const align = head.map((_, column) => (column === last - 1 ? 'right' : 'left') as 'left' | 'right');
  // Four columns fit in 60: the paths get less room than with three, the successors enough for a
  // cut name and "(barely, 0.02)".
  return renderTable(head, rows, align, fit(withLeaving ? [0, 1, last] : [0, last], { min: withLeaving ? { 0: 14, 1: 8, [last]: 21 } : { 0: 20, [last]: 21 }, shorten }));
}
