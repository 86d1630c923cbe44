import type { ChalkInstance } from 'chalk';
import { derived } from '../../analysis-cache.ts';
import { MAX_MODULE_DEPTH } from '../../config/defaults.ts';
import type { LoadedConfig } from '../../config/load.ts';
import { evaluateAfterDepartures, hasLeft } from '../../model/critical-departures.ts';
import { currentFigures, inactiveCountedAsGone, inactiveDevelopers, markedInactive, projectExperts, type Memo } from '../../model/decay.ts';
import { botCandidatesOf, isAutomated } from '../../model/automation.ts';
import { usualName } from '../../model/distinct-names.ts';
import { computeDepartures, nobodyActiveSince, type Departure } from '../../model/departures.ts';
import { fadingAfterDays, fadingDevelopers } from '../../model/fading.ts';
import type { Analysis } from '../../model/types.ts';
import { nameLookup } from '../../model/ownership-index.ts';
import { currentJson, departuresJson } from '../../report/departures-output.ts';
import { renderCurrentSection } from '../../report/departures-current.ts';
import { renderDeparturesSection } from '../../report/departures-table.ts';
import { testDataFolders } from '../../model/test-data.ts';
import { dominantModule, dominantShare } from '../../model/modules.ts';
import { automaticModulesWithin } from '../../model/module-chains.ts';
import { markInactiveOwners, systemNotes, type InactivePeople } from '../../report/check-describe.ts';
import { criticalJson, renderCriticalSection } from '../../report/critical-section.ts';
import { joinedByAnd, list, percent, plural, sanitize } from '../../report/format.ts';
import { jsonReport } from '../../report/json-pieces.ts';
import { toScanOutput } from '../../report/scan-json.ts';
import { renderScanMarkdown } from '../../report/scan-markdown.ts';
import type { ScanResult } from '../../report/scan-result.ts';
import { renderScanTable } from '../../report/scan-table.ts';
import type { RenderContext } from '../../report/types.ts';
import { testsShare } from '../../model/tests-share.ts';
import { mayAuthorMostlyNonCode, nonCodeAuthors } from '../../model/non-code-authors.ts';
import { loadCodeMatcher } from '../../code-matcher.ts';
import { coAuthorCredit } from '../../model/co-author-credit.ts';
import type { ScanFormat } from '../options.ts';

// The scan's report made from an analysis: loaded only when it is not stored already (scan.ts),
// since the model and the reporters are most of what a repeated scan would otherwise load.

export interface ScanReportOptions {
  /** Everyone declared leaving (declaredDepartures). */
  departures: readonly Departure[];
  /** Where a module depth was given, if it was (the automatic one may split what it keeps whole). */
  depthGiven?: 'option' | 'config' | undefined;
  /** The format; the table's colours and width come with it. */
  format?: ScanFormat;
  /** The table's colours and width; JSON and markdown without. */
  table?: { chalk: ChalkInstance; width: number; fit?: boolean } | undefined;
  /**
   * --only-code's test of a path, loaded by the command only when someone of the truck factor may
   * author mostly files that are not code (mayAuthorMostlyNonCode): without it, no such note.
   */
  isCode?: ((path: string) => boolean) | undefined;
}

/** The report's pieces: the JSON document, the markdown, or the table. */
export function scanReport(analysis: Analysis, config: LoadedConfig, options: ScanReportOptions): Iterable<string> {
  const result = scanResult(analysis, config, options);
  const format = options.format ?? (options.table ? 'table' : 'json');
  if (format === 'markdown') return [renderScanMarkdown(result)];
  if (format === 'json' || !options.table) return scanJson(result);
  return [scanTable(result, options.table)];
}

/**
 * --only-code's test of a path for the notes, when a note on people whose files are mostly not code
 * may come out; undefined otherwise, without loading Linguist's table (~0.3 s: rails's truck factor
 * has nobody who could be one, by the extensions of their files alone). Not under --only-code, where
 * every analysed file is code.
 */
export async function codeTestForNotes(analysis: Analysis, onlyCode: boolean): Promise<((path: string) => boolean) | undefined> {
  return !onlyCode && mayAuthorMostlyNonCode(analysis) ? loadCodeMatcher() : undefined;
}

/** What every format reports: the analysis, the notes, the critical systems, departures and current figures. */
export function scanResult(analysis: Analysis, config: LoadedConfig, options: Pick<ScanReportOptions, 'departures' | 'depthGiven' | 'isCode'>): ScanResult {
  const settings = config.config;
  const { departures } = options;
  // Judged as `check` judges them, so that the two never disagree: after the declared departures.
  const gone = inactiveCountedAsGone(analysis, settings.model.treatInactiveAsDeparted);
  const critical = evaluateAfterDepartures(analysis, settings.critical, departures, gone);
  const inactive = inactiveDevelopers(analysis).map((d) => d.id);
  // Successors fading out are marked (no commit in the last half of the inactivity window).
  const fading = () => ({ developers: fadingDevelopers(analysis), afterDays: fadingAfterDays(analysis.settings.inactiveAfterDays) });
  const leaving = departures.length > 0 ? computeDepartures(analysis, departures, { unavailable: inactive, fading: fading() }) : undefined;
  // The "current" (decayed) figures are an extension: the classic model shows the published ones only.
  // They are the costliest part of a scan read from the result cache, so they are stored beside it.
  const memo: Memo = (name, inputs, compute) => derived(analysis, name, inputs, compute);
  const current = analysis.model === 'classic' ? undefined : currentFigures(analysis, { treatInactiveAsDeparted: settings.model.treatInactiveAsDeparted }, memo);
  const projection = current ? projectExperts(analysis, departures, { memo }) : undefined;
  // What the table says above its sections: automated authors, test data, tests' share, people of
  // the truck factor whose files are mostly not code, a module to split.
  const notes = [
    automatedAuthorsNote(analysis, settings.bots),
    testDataNote(analysis, settings.exclude),
    testsShareNote(analysis),
    options.isCode ? nonCodeAuthorsNote(analysis, options.isCode) : '',
    coAuthorCreditNote(analysis),
    dominantModuleNote(analysis, settings.modules.roots, options.depthGiven, config.name),
  ].filter((note) => note !== '');
  // Under --until the figures are measured from that day, not today: "now" read as today.
  const referenceDay = analysis.settings.referenceDate.slice(0, 10);
  const untilDay = referenceDay !== analysis.repository.analyzedAt.slice(0, 10) ? referenceDay : undefined;
  return {
    analysis,
    configName: config.name,
    notes,
    systemNotes: systemNotes(critical, inactivePeopleOf(analysis)),
    critical,
    criticalInactiveGone: gone.length,
    departures,
    leaving,
    current: current && projection ? { figures: current, projection } : undefined,
    inactive: markedInactive(analysis),
    referenceDay,
    untilDay,
  };
}

/** The JSON document, in pieces: on a large repository it is tens of MB, which as one string (and then its bytes) topped the scan's memory. */
function scanJson(result: ScanResult): Iterable<string> {
  const { analysis, critical, leaving, current } = result;
  // As check's JSON: the notes the table prints are warnings too (svelte's dashboard missed that
  // 8,288 of its 9,073 files were test data, which the table said: a tester).
  const notes = [...result.notes, ...result.systemNotes];
  const extra = {
    ...(notes.length ? { warnings: [...analysis.warnings, ...notes] } : {}),
    ...(critical.length ? { critical: criticalJson(critical), criticalInactiveGone: result.criticalInactiveGone } : {}),
    ...(leaving ? { departures: departuresJson(leaving) } : {}),
    ...(current ? { current: currentJson(current.figures, current.projection) } : {}),
  };
  return jsonReport(toScanOutput(analysis, extra, result.inactive));
}

/** The table: the header, truck factor and modules (renderScanTable), then the notes and sections. */
function scanTable(result: ScanResult, ctx: RenderContext): string {
  const { analysis, departures, leaving, current, referenceDay, untilDay } = result;
  const inactive = inactiveDevelopers(analysis).map((d) => d.id);
  const sections = [
    ...result.notes.map((note) => ctx.chalk.yellow(note)),
    // Inactive owners marked, as check marks them.
    renderCriticalSection(markInactiveOwners(result.critical, result.inactive), ctx, result.configName, departures, inactivePeopleOf(analysis), result.criticalInactiveGone),
    leaving ? renderDeparturesSection(leaving, ctx, staleSuccessors(analysis, new Set(inactive), new Set(departures.map((d) => d.id))), referenceDay, untilDay) : '',
    current
      ? renderCurrentSection(current.figures, current.projection, ctx, { revision: analysis.repository.revisionDate, reference: analysis.settings.referenceDate, until: untilDay }, departureStates(departures, referenceDay), departures.filter((d) => !d.date).map((d) => d.name))
      : '',
  ];
  return renderScanTable(analysis, ctx, sections, { currentTruckFactor: current?.figures.current.value, inactive: result.inactive });
}

/** The developers marked inactive, with their names and last commits (the critical systems' notes name them). */
function inactivePeopleOf(analysis: Analysis): InactivePeople {
  const marked = markedInactive(analysis);
  return new Map(analysis.developers.filter((developer) => marked.has(developer.id)).map((developer) => [developer.id, { name: developer.name, lastCommit: developer.lastCommit }]));
}

/** Who of the departures has left by `today` (hugo's "current: bep (leaving)" a month after his last day). */
function departureStates(departures: readonly Departure[], today: string): Map<string, 'left' | 'leaving'> {
  return new Map(departures.map((d) => [d.id, hasLeft(d, today) ? 'left' : 'leaving']));
}

/**
 * Test data that makes up most of the analysed files: babel's figures were mostly about who wrote
 * 25,265 fixture files of 27,573, and nothing said so (a team lead's test). Not once the config
 * excludes anything (the team has chosen).
 */
function testDataNote(analysis: Analysis, exclude: readonly string[]): string {
  if (exclude.length > 0 || analysis.files.length === 0) return '';
  const folders = testDataFolders(analysis.files.map((file) => file.path));
  const files = folders.reduce((sum, folder) => sum + folder.files, 0);
  if (files < analysis.files.length / 2) return '';
  return `${files} of the ${analysis.files.length} analysed files are test data (${folders.map((folder) => `\`${folder.glob}\``).join(', ')}): the figures say much about who wrote it; leave it out with \`exclude:\` in .talentrisk.yml (\`talentrisk init\` proposes it).`;
}

/**
 * Tests, fixtures and examples that make up most of the analysed files (vite: 2,103 of 2,695, and its
 * truck factor of 7 is 6 over the rest: a team lead's test), with the truck factor over the other
 * files. The module tables rank such modules last; the headline counted them without a word.
 */
function testsShareNote(analysis: Analysis): string {
  const share = testsShare(analysis);
  // The same figure over the rest says nothing new (express: 188 of its 209 files, 2 either way).
  if (!share || share.rest.value === analysis.truckFactor.value) return '';
  const shown = share.folders.map((folder) => `\`${sanitize(folder.path)}\`: ${folder.files}`);
  const others = share.folderCount - share.folders.length;
  const folders = `${shown.join(', ')}${others > 0 ? `, ${plural(others, 'more folder')}` : ''}`;
  const headline = analysis.truckFactor.value;
  return `${share.files} of the ${share.total} analysed files (${percent(share.files / share.total)}) are tests, fixtures and examples (${folders}): over the other ${plural(share.restFiles, 'file')} the truck factor is ${share.rest.value}, not ${headline}. It is the same published figure (METRICS §5) over fewer files, not a different model.`;
}

/** "a", "a and b", "a, b and c". */
/** The people a note names one by one; the others are counted. */
const NAMED_PEOPLE = 3;

/**
 * People of the truck factor whose files are mostly not code, and the truck factor over code files
 * with its people, when either differs: redis's 3 named two people for the command metadata in
 * src/commands/*.json; over code files it is 3 too, of the people a manager expected (a first-time user).
 */
function nonCodeAuthorsNote(analysis: Analysis, isCode: (path: string) => boolean): string {
  const found = nonCodeAuthors(analysis, isCode);
  if (!found) return '';
  const named = found.people.slice(0, NAMED_PEOPLE).map((person, i) => `${person.files} of ${sanitize(person.name)}'s ${i === 0 ? plural(person.authored, 'file') : person.authored}`);
  const others = found.people.length - named.length;
  const people = others > 0 ? `${named.join(', ')}, and most of those of ${plural(others, 'more person', 'more people')}` : joinedByAnd(named);
  const { folder } = found;
  const place = folder.path === '' ? 'the top level' : `\`${sanitize(folder.path)}\``;
  const files = `${folder.files}${folder.extension ? ` \`${sanitize(folder.extension)}\`` : ''} ${folder.files === 1 ? 'file' : 'files'}`;
  const largest = `the largest folder of them: ${place}, ${files}`;
  const { area } = found;
  const where =
    folder.files * 2 > found.nonCodeFiles
      ? `most of them ${folder.path === '' ? 'at' : 'in'} ${place}: ${files}`
      : area
        ? `most of them under \`${sanitize(area.path)}\`: ${area.files} in ${area.folders} folders; ${largest}`
        : largest;
  const headline = analysis.truckFactor.value;
  const nameOf = nameLookup(analysis);
  const code = found.code.developers.map((member) => sanitize(nameOf(member.id)));
  const value = found.code.value === headline ? `${found.code.value}` : `${found.code.value}, not ${headline}`;
  return `${people} are not code (${where}): over the ${plural(found.codeFiles, 'code file')} alone (what \`--only-code\` analyses) the truck factor is ${value}${code.length > 0 ? `: ${list(code, 8)}` : ''}. The headline is the published figure over every analysed file (METRICS §5).`;
}

/**
 * Members of the headline's truck-factor list who author many of their files only through
 * `Co-authored-by:` trailers on others' commits (laravel: 820 of Taylor Otwell's 2,098, which nothing
 * said: an engineering manager's test), with the figures a scan with co-authors left out gives.
 */
function coAuthorCreditNote(analysis: Analysis): string {
  const credit = coAuthorCredit(analysis);
  if (!credit) return '';
  const names = new Map(analysis.developers.map((d) => [d.id, sanitize(d.name)]));
  const nameOf = (id: string) => names.get(id) ?? sanitize(id);
  const [first, ...others] = credit.people;
  if (!first) return '';
  const headline = analysis.truckFactor.value;
  const value = credit.truckFactor.value;
  const truckFactor = `the truck factor is ${value}${value === headline ? ' as well' : `, not ${headline}`}`;
  const trailers = "only through Co-authored-by trailers on others' commits";
  const why = 'GitHub adds the trailer for whoever pushes to a pull request before it is squash-merged';
  const without = 'the figures count them, as the model does. With co-authors left out (`model.coAuthors: false`),';
  if (others.length === 0) {
    const commits = first.commits > 0 ? `${plural(first.commits, 'commit')} credit${first.commits === 1 ? 's' : ''} them as a co-author; ` : '';
    return `${first.onlyAsCoAuthor} of ${nameOf(first.id)}'s ${first.files} files are theirs ${trailers} (${commits}${why}); ${without} they author ${first.filesWithout} and ${truckFactor}.`;
  }
  const whose = credit.people.map((p) => `${p.onlyAsCoAuthor} of ${nameOf(p.id)}'s ${p.files} files${p.commits > 0 ? ` (${plural(p.commits, 'commit')} credit${p.commits === 1 ? 's' : ''} them)` : ''}`);
  const authored = credit.people.map((p, i) => `${nameOf(p.id)}${i === 0 ? ' authors' : ''} ${p.filesWithout}`);
  return `${joinedByAnd(whose)} are theirs ${trailers} (${why}); ${without} ${authored.join(', ')}, and ${truckFactor}.`;
}

/** Up to this many folders where a dominant module branches, its note lists them all as roots. */
const LISTED_ROOTS = 8;

/** A module holding most of the files, and how to split it (not once the config names module roots). */
function dominantModuleNote(analysis: Analysis, roots: readonly string[], depthGiven: ScanReportOptions['depthGiven'], configName: string): string {
  if (roots.length > 0) return '';
  const paths = analysis.files.map((file) => file.path);
  const dominant = dominantModule(analysis.modules, paths);
  if (!dominant) return '';
  // Every folder where it branches, as roots take no wildcards: the three largest alone left a
  // module `lib` of 54 files on elixir, whose lib holds six apps (a new-user test).
  const all = dominant.branches.length <= LISTED_ROOTS;
  const quoted = (all ? dominant.branches : dominant.branches.slice(0, dominant.subfolders.length)).map((folder) => JSON.stringify(sanitize(folder)));
  const example = all ? quoted.join(', ') : `${quoted.join(', ')}, …`;
  const largest = dominant.subfolders.map((folder) => `${sanitize(folder.path)} ${folder.files}`).join(', ');
  // Below a folder looked through, its other folders are roots too: tokio's tests/, docs/ and fuzz/ beside src/.
  const others = dominant.branches.length - dominant.folders;
  const through = dominant.through ?? [];
  const besides = others > 0 ? ` and the ${others === 1 ? 'other folder' : `${others} other folders`} of ${joinedByAnd(through.map(sanitize))}` : '';
  const which = all
    ? others > 0
      ? `one root for each of the ${dominant.folders} folders of ${sanitize(dominant.branchesAt)}${besides} (the largest: ${largest})`
      : `one root for each of its ${dominant.folders} folders (the largest: ${largest})`
    : `listing all ${dominant.folders} folders of ${sanitize(dominant.branchesAt)}${besides} (roots take no wildcards; the largest: ${largest})`;
  // Files directly where it branches (or in a folder looked through) belong to no root: they stay, a module of their own.
  const one = dominant.ownFiles === 1;
  const where = joinedByAnd([dominant.branchesAt, ...[...through].reverse()].map(sanitize));
  const left = dominant.ownFiles > 0 ? ` ${one ? 'The file' : `The ${dominant.ownFiles} files`} directly in ${where} ${one ? 'stays' : 'stay'} in the module \`${sanitize(dominant.path)}\`.` : '';
  // A depth the user gave may be what keeps the folder whole: laravel at --depth 1 was told to use
  // --depth 3 (179 modules), where the automatic depth makes its 38 components modules (a re-test).
  const given = analysis.settings.moduleDepth;
  const workspaces = analysis.modules.filter((module) => module.kind !== 'folder').map((module) => module.path);
  const automatic = depthGiven && dominant.depth !== undefined ? automaticModulesWithin(paths, workspaces, dominant.path) : 0;
  // A depth makes every such folder a module (laravel at --depth 2: the roots listed 3 of 38 components).
  const depth =
    automatic >= 2
      ? `, or ${depthGiven === 'option' ? `leave out \`--depth ${given}\`` : `remove \`modules.depth: ${given}\` from ${sanitize(configName)}`}: the depth talentrisk chooses ${dominant.branchesAt !== dominant.path ? `follows ${sanitize(dominant.branchesAt)} and ` : ''}makes ${automatic} modules of it`
      : dominant.depth !== undefined && dominant.depth <= MAX_MODULE_DEPTH
        ? `, or make the ${dominant.folders} folders of ${sanitize(dominant.branchesAt)} modules with \`--depth ${dominant.depth}\` (config \`modules.depth: ${dominant.depth}\`), which cuts every folder at that depth`
        : '';
  return `\`${sanitize(dominant.path)}\` holds ${dominantShare(dominant, analysis.files.length)}, so the modules say little about it: split it with \`modules: { roots: [${example}] }\` in ${sanitize(configName)}, ${which}${depth}.${left}`;
}

/**
 * Accounts that look automated and author files, while the config names no bot: they count as
 * people, as owners and successors (deno: "only denobot knows it"), and only init said so.
 */
function automatedAuthorsNote(analysis: Analysis, bots: readonly string[]): string {
  if (analysis.model === 'classic' || bots.length > 0) return '';
  // By name only (a bot's name, or a bot-named identity joined to someone): init's address rules
  // also catch people (mtalbot@, mchabot@), which is fine for commented candidates, not on every scan.
  const automated = analysis.developers.filter((developer) => developer.filesAuthored > 0 && [usualName(developer), ...developer.names].some(isAutomated));
  // By the name init proposes: a person joined to a bot-named identity is named by that identity.
  // A bot-named identity joined to a person says whose it is: "Babel Bot" alone named a maintainer
  // with 3,244 files beside the bot account of that name (a re-test on babel).
  const names = [...new Set(automated.flatMap((developer) => botCandidatesOf(developer).map((candidate) => sanitize(candidate.of ? `${candidate.name} (a name of ${candidate.of}'s)` : candidate.name))))];
  if (names.length === 0) return '';
  const one = names.length === 1;
  return `${one ? 'An author of files looks' : `${names.length} authors of files look`} automated (${list(names, 3)}): if ${one ? 'it is a bot, list it' : 'they are bots, list them'} under \`bots:\` in .talentrisk.yml (\`talentrisk init\` proposes bot candidates), or ${one ? 'it counts as a person, an owner and a successor' : 'they count as people, owners and successors'}.`;
}

/**
 * When everyone who stays is inactive: the last day anyone committed (nobodyActiveSince), for the
 * departures section's note. Under the classic model too, whose successors are also only the active
 * (an old clone read "none" for every file and never said why: a review).
 */
function staleSuccessors(analysis: Analysis, inactive: ReadonlySet<string>, leaving: ReadonlySet<string>): { day: string; inactiveAfterDays: number; referenceDate: string } | undefined {
  const day = nobodyActiveSince(analysis.developers, leaving, inactive);
  return day === undefined ? undefined : { day, inactiveAfterDays: analysis.settings.inactiveAfterDays, referenceDate: analysis.settings.referenceDate };
}
