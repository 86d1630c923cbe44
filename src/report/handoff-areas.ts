import { BULK_CHANGES } from '../model/authorship.ts';
import type { HandoffReport } from '../model/handoff.ts';
import type { AreaTakeOverCandidate, HandoffArea } from '../model/handoff-areas.ts';
import type { HandoffFile } from '../model/handoff-files.ts';
import { SMALL_MODULE_FILES } from '../model/modules.ts';
import { rowsWithin } from '../model/rows.ts';
import { isBulkOnly, type Successor } from '../model/successors.ts';
import { BARELY_NORM_DOA } from '../model/take-over.ts';
import { fadingLabel } from '../model/fading.ts';
import { day, plural } from './format.ts';
import { mdCode, mdTable, mdText } from './handoff-escape.ts';
import {
  afterWhom,
  commitsLately,
  firstOf,
  manyOwnChanges,
  normDoaText,
  oneOffText,
  peopleWithMore,
  relativeWork,
  theirWork,
  sharedOnlyWords,
  strengths,
  withOthers,
  type Lately,
} from './handoff-words.ts';

// The handoff document's Areas: one section per module of their files, with its truck factor, who
// could take over, and a table of the files with each one's successor and the evidence for it.

/**
 * Files listed per area, the most important first; the JSON output has them all. 30 made pnpm's
 * handoff of Zoltan Kochan 1,241 lines and SQLAlchemy's of Mike Bayer 644, mostly rows alike ("Khải
 * (weak: walk through it together)"), which two engineering managers read as a wall of text.
 */
export const MAX_FILES_PER_AREA = 15;
/** Areas (modules) written out; the rest are counted. vite's top author had ~150: 2,244 lines, 244 KB. */
export const MAX_AREAS = 25;
/** Take-over candidates named in an area. */
const AREA_CANDIDATES = 2;

/** The Areas section's lines under its heading: how the areas are ranked, the areas written out, how many more. */
export function areasSection(report: HandoffReport, who: string, named: (id: string) => string, lately: Lately): string[] {
  const out: string[] = [];
  if (report.areas.length === 0 && report.repository.shallowSince != null) {
    // Not "nothing to hand over": a CI checkout of depth 1 said it of flask's maintainer (a tester).
    out.push(`The fetched history is too short to tell what ${who} knows: this shallow clone's history begins on ${report.repository.shallowSince}, and ${who} is the author of no analysed file in it. Fetch the whole history (\`git fetch --unshallow\`; actions/checkout: \`fetch-depth: 0\`) and run the handoff again.`);
  } else if (report.areas.length === 0) {
    out.push(`Nothing to hand over from the code: ${who} is not an author of any analysed file (\`talentrisk explain <file>\` shows the figures of one file).`);
  } else {
    const active = report.successorsActiveWithinDays != null ? ` and committed in the last ${report.successorsActiveWithinDays} days` : '';
    out.push(`Ranked by what their own departure costs: critical systems first, code before tests, fixtures, examples, docs and modules of fewer than ${SMALL_MODULE_FILES} files (but for one that ${who} leaves with no author and whose files were changed at least as often as an average module’s), then the modules whose truck factor falls to 0 without ${who} (fewer than half of their files keep an author), then the module’s truck-factor drop, then the files only ${who} knows, then their most recent change. In an area, the files nobody active would author after ${afterWhom(report, who)} first, code before docs, changelogs and images. Successor: of the people who stay${active}, the one with the highest DOA on the file. ⚠️ marks a file of a critical system.`);
    const written = writtenAreas(report);
    for (const area of written) out.push('', ...renderArea(area, who, named, report.successorsActiveWithinDays != null, report.alsoLeaving.length > 0, report.fading, lately));
    const rest = report.areas.filter((area) => !written.includes(area));
    if (rest.length > 0) {
      const files = rest.reduce((sum, area) => sum + area.files.length, 0);
      const sole = rest.reduce((sum, area) => sum + area.files.filter((file) => file.status === 'sole').length, 0);
      out.push('', `… and ${plural(rest.length, 'more area')} with ${plural(files, 'file')} ${who} authors (${sole} only they know), ranked lower: \`--format json\` lists them all.`);
    }
  }
  return out;
}

/**
 * The area's "who could take over" line: its files nobody active would author after them, the
 * best-placed successors (with the module's files each authors already) and how many have none.
 */
function areaTakeOver(area: HandoffArea, afterThem: string, name: (id: string) => string, activeOnly: boolean): string | undefined {
  const takeOver = area.takeOver;
  if (takeOver.files === 0) return undefined;
  const active = activeOnly ? ' active' : '';
  const files = `the ${plural(takeOver.files, 'file')} nobody${active} would author after ${afterThem}`;
  if (takeOver.candidates.length === 0) {
    return `**Who could take over** ${files}: nobody${active} who stays has changed ${takeOver.files === 1 ? 'it; it needs' : 'them; each needs'} a knowledge transfer.`;
  }
  const describe = (c: AreaTakeOverCandidate, first: boolean) => {
    const authored = c.moduleFilesAuthored > 0 ? ` and author of ${plural(c.moduleFilesAuthored, 'other file')} of the module` : '';
    return `${name(c.id)}${first ? ', successor on' : ' on'} ${c.files} (${strengths(c)})${authored}`;
  };
  const named = peopleWithMore(takeOver.candidates, AREA_CANDIDATES, (c, index) => describe(c, index === 0));
  const none = takeOver.noSuccessor > 0 ? ` No successor for ${takeOver.noSuccessor}: nobody${active} who stays has changed ${takeOver.noSuccessor === 1 ? 'it' : 'them'}.` : '';
  return `**Who could take over** ${files}: ${named.join('; ')}.${none}`;
}

/**
 * The areas written out: the first MAX_AREAS, and any other the checklist names (a module to give
 * a new owner, a file to walk through), in the document's order. The checklist said "see the areas
 * above" of modules that ranked below the 25th (vite's top contributor: five of them).
 */
function writtenAreas(report: HandoffReport): HandoffArea[] {
  const named = new Set<string>();
  for (const item of report.checklist) {
    if (item.kind === 'owner-area') named.add(item.module);
    if (item.kind === 'transfer-file') named.add(item.path);
  }
  return report.areas.filter((area, index) => index < MAX_AREAS || named.has(area.module) || area.files.some((file) => named.has(file.path)));
}

function renderArea(area: HandoffArea, who: string, name: (id: string) => string, activeOnly: boolean, othersLeaving: boolean, fading: Readonly<Record<string, number>> = {}, lately?: Lately): string[] {
  const lines: string[] = [];
  const critical = area.critical.length ? ` · critical: ${area.critical.map((c) => mdText(c)).join(', ')}` : '';
  const sharedOnly = area.sharedOnlyWithInactive + area.sharedOnlyWithLeaving;
  const inactiveOnly = sharedOnly > 0 ? `, ${sharedOnly} ${sharedOnlyWords(othersLeaving)}` : '';
  lines.push(`### ${mdCode(area.module)}: ${plural(area.files.length, 'file')}, ${area.soleFiles} only ${who} knows${inactiveOnly}${critical}`);
  lines.push('');
  lines.push(
    `Module truck factor ${area.truckFactorBefore} → ${area.truckFactorAfter}${withOthers(area.truckFactorAfter, area.truckFactorAfterAll)} (${plural(area.moduleFiles, 'file')} in the module${area.leftWithNoAuthor ? `, ${area.moduleFiles === 1 ? 'which keeps no author' : 'none of which keeps an author'} without ${who}` : ''}). ${who} last changed something here on ${day(area.lastChange)}.${dropWithoutSoleFiles(area, who)}`,
  );
  lines.push('');
  const takeOver = areaTakeOver(area, othersLeaving ? `${who} and the others leaving` : who, name, activeOnly);
  if (takeOver) lines.push(`${takeOver}${lately && mostActiveShown(area) ? mostActiveSentence(area, name, lately) : ''}`, '');
  const shown = rowsWithin(area.files, MAX_FILES_PER_AREA);
  lines.push(
    mdTable(
      ['File', 'Their last change', 'Their commits', 'Successor', 'Evidence'],
      shown.map((file) => [
        `${mdCode(file.path, true)}${file.critical.length ? ' ⚠️' : ''}${file.status === 'shared' ? ` (shared with ${sharedWith(file.otherAuthors.map(name), file.othersLeaving.map(name))})` : ''}${coAuthorOnlyMark(file, name)}`,
        day(file.lastChange),
        String(file.commits),
        successorCell(file, name, fading, who),
        evidence(file, activeOnly),
      ]),
      ['left', 'left', 'right', 'left', 'left'],
    ),
  );
  if (area.files.length > shown.length) lines.push('', `… and ${plural(area.files.length - shown.length, 'more file')} (\`--format json\` lists them all).`);
  return lines;
}

/**
 * " · *an author only by co-author credit* (without it: Bob, Carol and Dave)": a file they author only through
 * Co-authored-by trailers on others' commits, as the successor cell says "sweeps or
 * reorganisations" of a successor who only swept it (laravel: 820 of Taylor Otwell's files; a review).
 */
function coAuthorOnlyMark(file: HandoffFile, name: (id: string) => string): string {
  const without = file.authorsWithoutCoAuthors;
  if (!without) return '';
  // Shared, and its other authors stay its authors alone: not named twice in one cell (laravel's Pipe.php).
  const others = [...file.otherAuthors, ...file.othersLeaving];
  if (without.length > 0 && without.length === others.length && without.every((id) => others.includes(id))) return ' · *an author only by co-author credit* (without it: its other authors alone)';
  return ` · *an author only by co-author credit* (without it: ${without.length > 0 ? firstOf(without.map(name), 3) : 'no author'})`;
}

/**
 * Why the truck factor drops when they know no file alone: a drop beside "0 only they know" read as
 * a mistake (an EM test). The truck factor counts departures that orphan most files, and files
 * they share lose an author with them.
 */
function dropWithoutSoleFiles(area: HandoffArea, who: string): string {
  if (area.soleFiles > 0 || area.truckFactorAfter >= area.truckFactorBefore || area.truckFactorAfter === 0) return '';
  // "X is the only author of none of its files" read awkwardly (flask, a tester).
  const more = area.truckFactorAfter === 1 ? 'one more departure' : `${area.truckFactorAfter} more departures`;
  return ` No file of it is ${who}’s alone, but ${who} shares enough of them that its truck factor drops from ${area.truckFactorBefore} to ${area.truckFactorAfter} without ${who}: ${more} would leave most of its files with no author.`;
}

function successorCell(file: HandoffFile, name: (id: string) => string, fading: Readonly<Record<string, number>>, leaving: string): string {
  if (!file.successor) return '**no successor — knowledge transfer needed**';
  // A successor fading out is said so, as scan says it: redis's artix looked as strong as anyone.
  // Inside the cell's one parenthesis, first: "Dave (last commit 347 days ago; weak: walk through it together)".
  const days = fading[file.successor.id];
  const name0 = name(file.successor.id);
  const who = days === undefined ? name0 : `${name0} (${fadingLabel(days)})`;
  const open = days === undefined ? `${name0} (` : `${name0} (${fadingLabel(days)}; `;
  const tag = file.strength === 'author' ? 'also an author; ' : file.strength === 'weak' ? 'weak; ' : '';
  if (isBulkOnly(file.successor)) {
    // The figures make them the successor, or an author, through commits of hundreds of files:
    // spring-boot's Phillip Webb, by a directory move and a copyright sweep (an EM test).
    const oneOff = file.successor.oneOff ? `; ${oneOffText(file.successor.oneOff)}` : '';
    return `${open}${tag}${bulkOnlyWords(file.successor)}${oneOff})${handsOn(file, name)}${moreRecent(file, name)}`;
  }
  if (file.successor.oneOff) {
    // One contribution is little to walk through a file with: helm's pkg/chart/dependency.go read
    // "Josh Soref (weak: walk through it together)", his one commit a spelling fix of 31 files (a first-time user).
    const barely = file.strength === 'weak' && file.successor.normDoa < BARELY_NORM_DOA;
    const words = barely ? `barely knows it, and is ${oneOffText(file.successor.oneOff)}; plan a knowledge transfer` : `${tag}${oneOffText(file.successor.oneOff)}`;
    return `${open}${words})${handsOn(file, name)}${moreRecent(file, name)}`;
  }
  if (file.strength === 'weak' && manyOwnChanges(file.successor)) {
    // "Barely knows it" beside 388 commits read wrong to a manager: others made 9,306 changes
    // (spring-boot's dependency management file, normDOA 0.08; an EM test).
    return `${open}${relativeWork(file)}; ${theirWork(file, leaving)}: walk through it together)${moreRecent(file, name)}`;
  }
  switch (file.strength) {
    case 'author':
      return `${open}also an author)`;
    case 'ok':
      return who;
    default:
      // Nearly nothing: "walk through it together" sent a manager to someone who touched the core
      // runtime twice six years ago (normDOA 0.05; an EM test on jest).
      return (file.successor.normDoa < BARELY_NORM_DOA ? `${open}barely knows it: plan a knowledge transfer)` : `${open}weak: walk through it together)`) + moreRecent(file, name);
  }
}

/** Beside a weak successor, who changed the file more recently and knows it best now (extension). */
function moreRecent(file: HandoffFile, name: (id: string) => string): string {
  const r = file.recentSuccessor;
  // Named once when they are the hands-on successor too.
  if (!r || r.id === file.handsOnSuccessor?.id) return '';
  return `; more recent: ${name(r.id)} (${plural(r.commits, 'commit')}, last ${day(r.lastChange)})`;
}

/** Beside a successor whose changes were all sweeps: who changed the file themselves (extension). */
function handsOn(file: HandoffFile, name: (id: string) => string): string {
  const h = file.handsOnSuccessor;
  if (!h) return '';
  const recent = file.recentSuccessor?.id === h.id ? ', more recent too' : '';
  const oneOff = h.oneOff ? '; a one-off contributor' : '';
  return `; hands-on: ${name(h.id)} (${plural(h.commits, 'commit')}, last ${day(h.lastChange)}${recent}${oneOff})`;
}

/**
 * After the take-over line: who stays and made the most commits to the module lately, a pointer
 * beside weak successors (helm's `cmd`: Marc Khouzam, 16 commits in the last 90 days, nobody's
 * successor; a first-time user). Said of the best placed when it is them.
 */
function mostActiveSentence(area: HandoffArea, name: (id: string) => string, lately: Lately): string {
  const active = area.mostActiveLately;
  if (!active) return '';
  if (active.id === area.takeOver.candidates[0]?.id) return ` ${name(active.id)} is also the most active here lately: ${commitsLately(active.commits, lately)}.`;
  return ` Most active here lately: ${name(active.id)} (${commitsLately(active.commits, lately)}).`;
}

/** "their only change was a sweep or a reorganisation of N+ files" (N: BULK_CHANGES). */
function bulkOnlyWords(s: Successor): string {
  return s.dl === 1 ? `their only change was a sweep or a reorganisation of ${BULK_CHANGES}+ files` : `their only changes, ${s.dl}, were sweeps or reorganisations of ${BULK_CHANGES}+ files`;
}

/**
 * Whether the area's take-over line names who is most active there lately: when one of the files
 * that need an owner has no successor, a weak one, or one who did not work on it themselves.
 */
export function mostActiveShown(area: HandoffArea): boolean {
  if (!area.mostActiveLately || area.takeOver.files === 0) return false;
  return area.files.some((file) => file.noActiveAuthorLeft && (file.strength === 'none' || file.strength === 'weak' || (file.successor !== undefined && (isBulkOnly(file.successor) || file.successor.oneOff !== undefined))));
}

function evidence(file: HandoffFile, activeOnly: boolean): string {
  const s = file.successor;
  if (!s) return activeOnly ? 'nobody who stays and is active has changed it' : 'nobody who stays has changed it';
  // Some of them in sweeps: said, as their last change is often the sweep (spring-boot: 47 of
  // Phillip Webb's weak rows read "last change 2025-07-08", a directory move; an EM test).
  const bulk = s.bulk ?? 0;
  const swept = bulk > 0 && !isBulkOnly(s) ? ` (${bulk} in sweeps or reorganisations)` : '';
  return `DOA ${s.doa.toFixed(2)} (normDOA ${normDoaText(s.normDoa)}) · ${plural(s.commits, 'commit')}${swept} · last change ${day(s.lastChange)}`;
}

/**
 * The other authors of a shared file, at most three named: a rails file listed ~60 in one cell.
 * Shared only with others leaving, those are named (it read "shared with others leaving").
 */
function sharedWith(names: readonly string[], leaving: readonly string[]): string {
  // Both, when both: a file shared with an inactive developer and with someone leaving named the
  // first only, and read as shared only with the inactive one (spring-boot's layers.xml, an EM test).
  if (names.length === 0) return `${firstOf(leaving, 3)}, also leaving`;
  return leaving.length === 0 ? firstOf(names, 3) : `${firstOf(names, 3)}; ${firstOf(leaving, 3)}, also leaving`;
}
