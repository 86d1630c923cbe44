import { notAnalysedUnder, ONLY_CODE_RULE, type NotAnalysedReason } from '../../analyze.ts';
import { ExitCode, UsageError } from '../../errors.ts';
import { fileCommitsAt, type Repository } from '../../git/repo.ts';
import { createBotMatcher } from '../../model/identity.ts';
import { botCommitsOf } from '../../model/bot-commits.ts';
import { ignoredRevisions } from '../../model/ignore-revs.ts';
import type { Config } from '../../config/schema.ts';
import { authorsWithoutCoAuthors, folderCoAuthorCredit, type FolderCoAuthorCredit } from '../../model/co-author-credit.ts';
import { currentAuthorsOf, inactiveDevelopers, markedInactive } from '../../model/decay.ts';
import { doaText, explainAuthorship, rowsToShow } from '../../model/explain.ts';
import { EXCLUSION_RULES } from '../../model/files.ts';
import { summarizeModule } from '../../model/ownership.ts';
import { rowsWithin } from '../../model/rows.ts';
import type { Analysis, FileContribution, FileOwnership, TruckFactor } from '../../model/types.ts';
import { day, joinedByAnd, list, percent, plural, sanitize } from '../../report/format.ts';
import { INACTIVE_MARK } from '../../model/critical-departures.ts';
import { toExplainFileOutput, toExplainFolderOutput } from '../../report/explain-json.ts';
import { renderJson } from '../../report/scan-json.ts';
import { exclusionPhrase } from '../../report/scan-table.ts';
import { renderTable } from '../../report/table-util.ts';
import { wrapProse } from '../../report/wrap.ts';
import { resolveChalk, tableLayout, type Io } from '../io.ts';
import { writeReport, type CommonOptions } from '../options.ts';
import { readFromRootNote, resolveTarget } from './explain-target.ts';
import { ignoreRevsFileAt, loadAnalysis, printWarnings, reportWritten } from './shared.ts';

/** Rows of a file's developers shown in the terminal (every author, at least). */
const EXPLAIN_ROWS = 20;

export interface ExplainOptions extends CommonOptions {
  format: 'table' | 'json';
  repo: string;
}

export async function runExplain(target: string, options: ExplainOptions, io: Io): Promise<ExitCode> {
  // `explain ''` (an unset variable) explained the whole repository as if asked to.
  if (target.trim() === '') {
    throw new UsageError('explain needs a file or folder, and got an empty path', { hint: 'e.g. `talentrisk explain src/auth/login.ts`, or `talentrisk explain .` for the whole repository' });
  }
  if (options.leaving?.length) {
    throw new UsageError('explain shows the history as it is: it does not take --leaving', { hint: 'use `talentrisk scan --leaving <who>` or `talentrisk handoff <who>` for departures' });
  }
  const loaded = await loadAnalysis(options.repo, options, io);
  const { analysis } = loaded;
  const found = await resolveTarget(loaded, target, io.cwd, options.repo);
  // Said with the report, not only by its header's path: the file explained is not the one named
  // from here (the header printed the bare path, easy to miss: vuejs/core).
  const fromRoot = readFromRootNote(target, found);
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  // The current (decayed) figures beside the classic ones: the scan's "TF current" could not be
  // traced to any file (an explainability test).
  const inactive = new Map(inactiveDevelopers(analysis).map((d) => [d.id, d]));
  // As scan counts them: with model.treatInactiveAsDeparted, an inactive developer is no current author.
  const inactiveGone = loaded.config.config.model.treatInactiveAsDeparted;
  const currentOf = currentAuthorsOf(analysis, { treatInactiveAsDeparted: inactiveGone });

  // A file's commits by bots, and those ignoreRevs lists, which no figure counts (one git call; not
  // under --model classic, which keeps both).
  const followed = found.file && analysis.model !== 'classic' ? await fileCommitsAt(loaded.repository, analysis.repository.revision, found.file.path) : undefined;
  const botCommits = followed ? botCommitsOf(followed, createBotMatcher(loaded.config.config.bots)) : undefined;
  const ignoredCommits = followed ? await ignoredCommitsOf(followed, loaded.repository, analysis.repository.revision, loaded.config.config) : undefined;

  // A folder's tracked files the analysis leaves out, by why (one git call; a file has none).
  const left = found.file
    ? []
    : (
        await notAnalysedUnder(
          loaded.repository,
          analysis.repository.revision,
          loaded.config.config,
          analysis.model,
          found.folder ?? '.',
          new Set(analysis.files.map((f) => f.path)),
          analysis.exclusions.some((exclusion) => exclusion.rule === ONLY_CODE_RULE),
        )
      ).map(({ reason, files }) => ({
        rule: notAnalysedRule(reason, analysis),
        files,
      }));
  if (options.format === 'json') {
    const body = found.file
      ? toExplainFileOutput(analysis, found.file, { nameOf, inactive, currentAuthors: currentOf(found.file), treatInactiveAsDeparted: inactiveGone, botCommits, ignoredCommits })
      : toExplainFolderOutput(analysis, found.folder ?? '.', found.files, nameOf, left);
    const written = writeReport(renderJson(body), options, io.cwd, io.stdout);
    if (fromRoot && !options.quiet) io.stderr.write(`talentrisk: ${fromRoot}\n`);
    printWarnings(analysis, options, io, false);
    reportWritten(written, `the explanation of ${found.file?.path ?? found.folder ?? '.'}`, options, io);
    return ExitCode.Ok;
  }

  const chalk = await resolveChalk(io, options.output ? false : options.color === false ? false : undefined);
  const out: string[] = [];
  if (found.file) {
    const file = found.file;
    out.push(`${chalk.bold(sanitize(file.path))}  ${chalk.dim(`${file.events} ${file.events === 1 ? 'event' : 'events'} · last change ${day(file.lastChange)}`)}`);
    if (fromRoot) out.push(`(${fromRoot})`);
    if (botCommits) out.push(chalk.dim(`${plural(botCommits.commits, 'commit')} by bots (${list(botCommits.bots.map((bot) => `${sanitize(bot.name)} ${bot.commits}`), 3)}) count for nobody here, as in every figure, but for a person they credit as a co-author.`));
    if (ignoredCommits) out.push(chalk.dim(ignoredCommitsLine(ignoredCommits)));
    out.push(chalk.dim('DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC); author ⇔ normDOA > 0.75 and (DOA ≥ 3.293 or FA = 1)'));
    out.push('');
    // Equal figures by name, not by id (ripgrep's 15 tied rows read as shuffled: a tester).
    const shown = [...rowsToShow(file.contributions, EXPLAIN_ROWS)].sort((a, b) => b.doa - a.doa || nameOrder(nameOf(a.developer), nameOf(b.developer)));
    const hidden = file.contributions.length - shown.length;
    out.push(
      renderTable(
        ['developer', 'FA', 'DL', 'AC', 'DOA', 'normDOA', 'last change', ''],
        shown.map((c) => [
          sanitize(nameOf(c.developer)),
          c.fa,
          c.dl,
          c.ac,
          doaText(c.doa, 'doa'),
          doaText(c.normDoa, 'normDoa'),
          day(c.lastChange),
          c.isAuthor ? chalk.green('author') : chalk.dim('—'),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
      ),
    );
    if (hidden > 0) {
      // Who changed it lately, when the table left them out: the first question of a review (vuejs/core's
      // effect.ts hid its last three contributors under "… and 18 more").
      const listed = new Set(shown);
      const latest = file.contributions
        .filter((c) => !listed.has(c))
        .sort((a, b) => b.lastChange - a.lastChange)
        .slice(0, 3)
        .map((c) => `${sanitize(nameOf(c.developer))} ${day(c.lastChange)}`);
      out.push(chalk.dim(`… and ${hidden} more developers, none of them an author; the latest to change it: ${latest.join(', ')} (--format json lists them all)`));
    }
    out.push('');
    // One line per reason: ties read the same sentence 15 times over (ripgrep's rg.zsh, a tester).
    for (const { names, reason } of sameReasons(shown.map((c) => ({ name: sanitize(nameOf(c.developer)), reason: explainAuthorship(c) })))) {
      out.push(`${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more with the same figures` : names.join(', ')}: ${reason}`);
    }
    const withoutCoAuthors = coAuthorsLine(file, analysis, nameOf);
    if (withoutCoAuthors) out.push('', withoutCoAuthors);
    const current = currentLine(file, analysis.settings, nameOf, inactive, inactiveGone, new Set(currentOf(file)));
    if (current) out.push('', current);
    out.push('');
    out.push(chalk.dim(`FA = created the file · DL = their modifications and renames · AC = modifications and renames by others (${renamesFollowed(analysis)})`));
  } else {
    const module = summarizeModule(found.folder ?? '.', 'folder', found.files, nameOf);
    out.push(`${chalk.bold(sanitize(module.path))}  ${chalk.dim(`${module.files} files analysed`)}`);
    if (fromRoot) out.push(`(${fromRoot})`);
    out.push(`Truck factor: ${chalk.bold(String(module.truckFactor.value))} (coverage left ${percent(module.truckFactor.coverage)})`);
    out.push('');
    // At most EXPLAIN_ROWS developers, as for a file (babel's packages/ listed 362 rows, most of them
    // "0%"): the truck-factor people come first, being those with the most files.
    const listedOwners = rowsWithin(module.owners, EXPLAIN_ROWS);
    // A share under 1% is not nothing: "3 files, 0%" read as authoring nothing (a team lead's test),
    // and "1%" for 0.55% as more than it is (cargo, a team lead).
    const share = (value: number) => (value > 0 && value < 0.01 ? '<1%' : percent(value));
    // Marked as scan's truck-factor list marks them (none under --model classic): only the
    // single-owner line below said Kenneth Reitz was inactive (requests' src/requests, a user test).
    const marked = markedInactive(analysis);
    // Of the files each authors, those they author only through Co-authored-by trailers on others'
    // commits, in a column of its own when someone does (laravel's src/Illuminate/Support, a review).
    const coAuthors = folderCoAuthorCredit(analysis, found.files);
    const onlyAsCoAuthor = coAuthors?.onlyAsCoAuthor ?? new Map<string, number>();
    const coAuthorColumn = listedOwners.some((o) => onlyAsCoAuthor.has(o.id));
    out.push(
      renderTable(
        ['developer', 'files authored', ...(coAuthorColumn ? ['co-author only'] : []), 'share', 'in truck factor'],
        listedOwners.map((o) => [
          `${sanitize(nameOf(o.id))}${marked.has(o.id) ? chalk.dim(INACTIVE_MARK) : ''}`,
          o.files,
          ...(coAuthorColumn ? [onlyAsCoAuthor.get(o.id) ?? ''] : []),
          share(o.share),
          module.truckFactor.developers.some((m) => m.id === o.id) ? 'yes' : '',
        ]),
        ['left', 'right', ...(coAuthorColumn ? (['right'] as const) : []), 'right', 'left'],
      ),
    );
    if (module.owners.length > listedOwners.length) out.push(chalk.dim(`… ${plural(module.owners.length - listedOwners.length, 'more developer')} with fewer files (--format json lists them all)`));
    out.push('');
    // Whose they are, not only how many (a readability review: "35 single-owner files" named nobody).
    const single = new Set(module.singleOwnerFiles);
    const byOwner = new Map<string, number>();
    for (const file of found.files) if (single.has(file.path) && file.authors[0]) byOwner.set(file.authors[0], (byOwner.get(file.authors[0]) ?? 0) + 1);
    const owners = [...byOwner].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, files]) => `${sanitize(nameOf(id))} ${files}${marked.has(id) ? INACTIVE_MARK : ''}`);
    out.push(`${plural(module.singleOwnerFiles.length, 'single-owner file')}${owners.length ? `: ${list(owners, 5)}` : ''}; ${plural(module.orphanFiles.length, 'file')} with no author.`);
    // The folder as scan lists it can hold fewer files: workspace packages under it are modules of their own.
    const listed = analysis.modules.find((m) => m.path === module.path);
    const nested = analysis.modules.filter((m) => m.path.startsWith(`${module.path}/`));
    if (listed && nested.length > 0 && listed.files !== module.files) {
      const names = nested.slice(0, 3).map((m) => sanitize(m.path)).join(', ') + (nested.length > 3 ? ` and ${nested.length - 3} more` : '');
      out.push(
        `As a module in scan: ${plural(listed.files, 'file')}, truck factor ${listed.truckFactor.value}; the other ${plural(module.files - listed.files, 'file')} are in ${nested.length === 1 ? 'the module' : 'the modules'} ${names}.`,
      );
    }
    const withoutCoAuthors = coAuthors ? folderCoAuthorsLine(coAuthors, module.truckFactor, coAuthorColumn, nameOf) : '';
    if (withoutCoAuthors) out.push(withoutCoAuthors);
    const leftOut = left.reduce((sum, entry) => sum + entry.files, 0);
    if (leftOut > 0) out.push(`${plural(leftOut, 'more tracked file')} here ${leftOut === 1 ? 'is' : 'are'} not analysed: ${left.map((entry) => exclusionPhrase({ rule: entry.rule, files: entry.files })).join(', ')}.`);
    out.push(chalk.dim(`Run \`talentrisk explain <file>\` on one of its files for the DOA of each developer.`));
  }
  // Prose wrapped to a terminal, as scan's and check's (a line of 193 columns at 80: a tester).
  const layout = tableLayout(io, Boolean(options.output));
  const text = out.join('\n');
  const written = writeReport(`${layout.fit ? wrapProse(text, layout.width) : text}\n`, options, io.cwd, io.stdout);
  printWarnings(analysis, options, io, false);
  reportWritten(written, `the explanation of ${found.file?.path ?? found.folder ?? '.'}`, options, io);
  return ExitCode.Ok;
}

/** Why files are not analysed, as the scan header's exclusions name it (no history: this analysis's own wording). */
function notAnalysedRule(reason: NotAnalysedReason, analysis: Analysis): string {
  if (reason === 'submodule') return 'submodule';
  if (reason === 'onlyCode') return ONLY_CODE_RULE;
  if (reason === 'history') return analysis.exclusions.map((exclusion) => exclusion.rule).find((rule) => /^no (history|change in the fetched history)/.test(rule)) ?? 'no history';
  return EXCLUSION_RULES[reason];
}

/** Names in the order a reader looks them up: case and accents aside. */
function nameOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Consecutive rows with the same reason, as one entry each. */
function sameReasons(rows: readonly { name: string; reason: string }[]): { names: string[]; reason: string }[] {
  const groups: { names: string[]; reason: string }[] = [];
  for (const { name, reason } of rows) {
    const last = groups.at(-1);
    if (last?.reason === reason) last.names.push(name);
    else groups.push({ names: [name], reason });
  }
  return groups;
}

/**
 * "Current (…): author Ada (DOA 4.102, normDOA 1.000) · inactive: Tj (last commit 2013-11-26)": the
 * decayed figures of METRICS §7 for one file, which the scan's current truck factor is made of.
 */
function currentLine(
  file: FileOwnership,
  settings: Analysis['settings'],
  nameOf: (id: string) => string,
  inactive: ReadonlyMap<string, { lastCommit: string }>,
  inactiveGone: boolean,
  current: ReadonlySet<string>,
): string | undefined {
  if (!file.contributions.some((c) => c.decayed)) return undefined;
  // The current authors as scan counts them (currentAuthorsOf: inactive ones gone with treatInactiveAsDeparted).
  const counted = (c: FileContribution) => current.has(c.developer);
  const authors = file.contributions.filter(counted).sort((a, b) => (b.decayed?.doa ?? 0) - (a.decayed?.doa ?? 0));
  const shown = authors.map((c) => `${sanitize(nameOf(c.developer))} (DOA ${doaText(c.decayed?.doa ?? 0, 'doa')}, normDOA ${doaText(c.decayed?.normDoa ?? 0, 'normDoa')}${inactive.has(c.developer) ? ', inactive' : ''})`);
  const gone = file.contributions.filter((c) => (c.isAuthor || c.decayed?.isAuthor) && inactive.has(c.developer) && !counted(c)).map((c) => `${sanitize(nameOf(c.developer))} (last commit ${day(inactive.get(c.developer)?.lastCommit ?? '')})`);
  const head = `Current (METRICS §7: knowledge halves every ${settings.halfLifeDays} days, measured from ${settings.referenceDate.slice(0, 10)}):`;
  // "no author · inactive author: antirez" read as if antirez were a current author (a team lead's test).
  const goneText = gone.length ? ` · not current, inactive${inactiveGone ? ' (counted as gone)' : ''}: ${gone.join(', ')}` : '';
  // A classic author who is active but no longer a current one: say why (the line named only who is).
  const faded = file.contributions
    .filter((c) => c.isAuthor && c.decayed && !c.decayed.isAuthor && !inactive.has(c.developer))
    .map((c) => `${sanitize(nameOf(c.developer))} (DOA ${doaText(c.decayed?.doa ?? 0, 'doa')}, normDOA ${doaText(c.decayed?.normDoa ?? 0, 'normDoa')}: ${explainDecayed(c.decayed as NonNullable<FileContribution['decayed']>)})`);
  const fadedText = faded.length ? ` · no longer current: ${faded.join(', ')}` : '';
  return `${head} ${authors.length ? `${authors.length === 1 ? 'author' : 'authors'} ${shown.join(', ')}` : 'no current author'}${goneText}${fadedText}`;
}

/**
 * Who the file's authors would be with co-authors left out, when that is someone else: laravel's
 * Number.php is Taylor Otwell's through trailers on others' commits, and Caen De Silva's, who created
 * it, without them (an engineering manager's test).
 */
function coAuthorsLine(file: FileOwnership, analysis: Analysis, nameOf: (id: string) => string): string {
  if (!analysis.settings.coAuthors) return '';
  const without = authorsWithoutCoAuthors(file);
  const added = without.filter((id) => !file.authors.includes(id));
  const removed = file.authors.filter((id) => !without.includes(id));
  if (added.length === 0 && removed.length === 0) return '';
  const names = (ids: readonly string[]) => joinedByAnd(ids.map((id) => sanitize(nameOf(id))));
  const one = (ids: readonly string[]) => ids.length === 1;
  const would =
    without.length === 0
      ? 'it would have no author'
      : added.length === 0
        ? `${names(removed)} would not be ${one(removed) ? 'an author' : 'authors'}`
        : removed.length === 0
          ? `${names(added)} would be ${one(added) ? 'an author' : 'authors'} too`
          : `${names(added)} would be ${one(without) ? 'its author' : one(added) ? 'an author' : 'authors'} instead of ${names(removed)}`;
  return `Without co-author credit (\`model.coAuthors: false\`) ${would}.`;
}

/**
 * What co-author credit does to a folder: what the table's "co-author only" counts, and its truck
 * factor with co-authors left out when that is another figure or other people (laravel's
 * src/Illuminate/Support, a review); nothing when neither.
 */
function folderCoAuthorsLine(credit: FolderCoAuthorCredit, truckFactor: TruckFactor, column: boolean, nameOf: (id: string) => string): string {
  const without = credit.truckFactor;
  const ids = (tf: TruckFactor) => tf.developers.map((m) => m.id).join('\0');
  const names = (tf: TruckFactor) => list(tf.developers.map((m) => sanitize(nameOf(m.id))), 5);
  const differs = without.value !== truckFactor.value || ids(without) !== ids(truckFactor);
  const value = without.value === truckFactor.value ? `${without.value} as well, with ${names(without)} instead of ${names(truckFactor)}` : `${without.value}, not ${truckFactor.value}${without.value > 0 ? ` (${names(without)})` : ''}`;
  const off = '`model.coAuthors: false`';
  const legend = `Co-author only: of the files a developer authors here, those they author only through Co-authored-by trailers on others' commits (with co-authors left out, ${off}, they would not)`;
  if (column && differs) return `${legend}; without that credit the truck factor would be ${value}.`;
  if (column) return `${legend}.`;
  return differs ? `Without co-author credit (${off}) the truck factor would be ${value}.` : '';
}

/** Why decayed figures make no author: the same rule as explainAuthorship, on the weighted figures. */
function explainDecayed(d: NonNullable<FileContribution['decayed']>): string {
  if (d.normDoa <= 0.75) return 'normDOA not above 0.75';
  // Said of someone who never created the file, "the creation has lost half its weight" read as a
  // wrong fact (numpy's mapping.c, created by another; an EM test).
  if (d.fa === 0) return 'DOA below 3.293: others’ changes outweigh theirs, and they did not create the file';
  return 'DOA below 3.293, and the creation has lost half its weight';
}

/**
 * The file's commits that config `ignoreRevs` or its `ignoreRevsFile` (as committed at the revision)
 * list, which credit nobody: `explain session.py` said 607 events where `git log --follow` lists
 * 612, the 5 of SQLAlchemy's .git-blame-ignore-revs (a first-time user). Undefined when none.
 */
async function ignoredCommitsOf(commits: readonly { sha: string }[], repo: Repository, revision: string, config: Config): Promise<{ commits: number; sources: string[] } | undefined> {
  const { file, ids: fromFile } = await ignoreRevsFileAt(repo, revision, config);
  if (config.ignoreRevs.length === 0 && fromFile.length === 0) return undefined;
  const inConfig = ignoredRevisions(config.ignoreRevs);
  const inFile = ignoredRevisions(fromFile);
  let count = 0;
  const sources = new Set<string>();
  for (const { sha } of commits) {
    const [byConfig, byFile] = [inConfig.has(sha), inFile.has(sha)];
    if (!byConfig && !byFile) continue;
    count += 1;
    if (byFile) sources.add(file as string);
    if (byConfig) sources.add('config `ignoreRevs`');
  }
  return count > 0 ? { commits: count, sources: [...sources].sort() } : undefined;
}

/** "5 commits of its history are listed in .git-blame-ignore-revs and count for nobody here, …". */
function ignoredCommitsLine(ignored: { commits: number; sources: readonly string[] }): string {
  const one = ignored.commits === 1;
  return `${plural(ignored.commits, 'commit')} of its history ${one ? 'is' : 'are'} listed in ${ignored.sources.map(sanitize).join(' and ')} and ${one ? 'counts' : 'count'} for nobody here, as in every figure (\`git log --follow\` lists ${one ? 'it' : 'them'}).`;
}

/**
 * How far renames were followed, for the legend: "(renames followed)" in a blob-less partial clone,
 * where a file moved and edited starts a new history there, read as if its history were whole
 * (SQLAlchemy's test_scoping.py: one event, Mike Bayer its creator, against three authors in a full
 * clone; a first-time user).
 */
export function renamesFollowed(analysis: Pick<Analysis, 'repository' | 'stats'>): string {
  if (analysis.repository.isPartial) return 'renames followed only where the content did not change: a partial clone, see the warning';
  const missing = analysis.stats.commitsWithoutRenames;
  if (missing > 0) return `renames followed; in ${missing === 1 ? 'the commit' : `the ${missing} commits`} whose blobs git could not read, only where the content did not change`;
  return 'renames followed';
}
