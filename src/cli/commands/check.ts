import path from 'node:path';
import { storeReport, type ReportRequest } from '../../analysis-cache.ts';
import { CONFIG_FILE, type LoadedConfig } from '../../config/load.ts';
import { ConfigError, ExitCode, TalentriskError, UsageError } from '../../errors.ts';
import { historyConcurrency } from '../../git/client.ts';
import { changedFilesSince, type ChangedFiles } from '../../git/diff.ts';
import { squashesWereRead } from '../../history-warnings.ts';
import { boundaryInHistoryOf, openRepository, resolveRevision, shallowBoundary, type Repository } from '../../git/repo.ts';
import { createSystemMatcher, filesAtRisk, peopleOf, withTrackedCounts, withTrackedFiles, type CriticalSystemResult } from '../../model/critical.ts';
import { compareWithBase } from '../../model/critical-baseline.ts';
import { inactiveAt, inactiveCountedAsGone } from '../../model/decay.ts';
import { withKeepers } from '../../model/keepers.ts';
import { automatedOwnersNote } from '../../model/automation.ts';
import { evaluateAfterDepartures } from '../../model/critical-departures.ts';
import { codeOnlyFigures, mayRestOnOtherFiles } from '../../model/critical-code.ts';
import { loadCodeMatcher } from '../../code-matcher.ts';
import type { Analysis } from '../../model/types.ts';
import { renderCheckMarkdown } from '../../report/check-markdown.ts';
import { checkReporters } from '../../report/check-reporters.ts';
import { markInactive, warningsWithNotes } from '../../report/check-describe.ts';
import { CHECK_FORMATS, checkPassed, type CheckedSystem, type CheckFormat, type CheckReport } from '../../report/check-types.ts';
import { list, shellWord } from '../../report/format.ts';
import { referenceDate, staleRevision } from '../../model/analysis-date.ts';
import { resolveChalk, tableLayout, type Io } from '../io.ts';
import { assertOutputWritable, writeReport, type CommonOptions } from '../options.ts';
import { declaredDepartures, loadAnalysis, loadRepoConfig, printWarnings, reportWritten } from './shared.ts';
import { appendToStepSummary, reportCheckFailure } from './check-failure.ts';

export interface CheckOptions extends CommonOptions {
  format: CheckFormat;
  /** --changed <base-ref>: check only the systems with a file changed since the base. */
  changed?: string;
  /** --allow-shallow: check a shallow clone anyway (the figures cover only the fetched history). */
  allowShallow?: boolean;
  /** --new-only (with --changed): fail only on what the change makes worse than at the merge base. */
  newOnly?: boolean;
}

/** What --changed needs, when its base is empty or is the next option. */
const CHANGED_BASE_HINT = 'pass the branch the pull request merges into, e.g. `--changed origin/main` (in GitHub Actions: `origin/${{ github.base_ref }}`; in GitLab CI: `origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME`)';

const SHALLOW_HINT =
  'fetch the whole history: `git fetch --unshallow`; in CI set `fetch-depth: 0` on actions/checkout or `GIT_DEPTH: 0` in GitLab CI (or pass --allow-shallow to check the fetched history only)';

/**
 * The format asked for when an empty unquoted `--changed $VAR` took `--format` as its base and the
 * format as the path (`check --changed --format github`: the refusal was plain text, not an
 * annotation: a review).
 */
function formatTakenByChanged(target: string | undefined, options: CheckOptions): CheckFormat | undefined {
  if (options.changed !== '--format' && options.changed !== '-f') return undefined;
  return (CHECK_FORMATS as readonly string[]).includes(target ?? '') ? (target as CheckFormat) : undefined;
}

/** `talentrisk check`: exit 0 when every critical system keeps enough owners, 1 when one does not, 2 on bad input. */
export async function runCheck(target: string | undefined, options: CheckOptions, io: Io): Promise<ExitCode> {
  const opened: { root?: string } = {};
  try {
    return await checkRepository(target, options, io, opened);
  } catch (error) {
    if (!(error instanceof TalentriskError)) throw error;
    const { annotated } = reportCheckFailure(error, { ...options, format: formatTakenByChanged(target, options) ?? options.format }, io, opened.root);
    // Annotated, the error is said (the `::error` lines, and on stderr the hint they do not carry);
    // --debug still has the boundary print it with its stack.
    if (annotated && !options.debug) return error.exitCode;
    throw error;
  }
}

async function checkRepository(target: string | undefined, options: CheckOptions, io: Io, opened: { root?: string }): Promise<ExitCode> {
  assertOutputWritable(options, io.cwd);
  // An empty base (an unset CI variable: `--changed "$BASE"`) checked every system without a word.
  if (options.changed !== undefined && options.changed.trim() === '') {
    throw new UsageError('--changed needs a base revision, and got an empty one', { hint: CHANGED_BASE_HINT });
  }
  // The empty variable unquoted (`--changed $GITHUB_BASE_REF --allow-shallow`): the next word became
  // the base, "unknown base revision: --allow-shallow", or, an option with a value, took the path
  // argument along (tokio, a tester). No revision starts with "-".
  if (options.changed?.startsWith('-')) {
    throw new UsageError(`--changed got the option \`${options.changed}\` as its base: is the variable empty? quote it (\`--changed "$VAR"\`)`, { hint: CHANGED_BASE_HINT });
  }
  // Without a base there is nothing to be new against: checking everything would fail on what it was meant to let pass.
  if (options.newOnly && options.changed === undefined) {
    throw new UsageError('--new-only judges a change against its base, and needs --changed <base-ref>', { hint: `add it: \`--changed origin/main --new-only\`; ${CHANGED_BASE_HINT}` });
  }
  const repo = await openRepository(path.resolve(io.cwd, target ?? '.'), { env: io.env, concurrency: historyConcurrency() });
  opened.root = repo.info.root;
  // Everything that can be wrong with the input is found before the (long) history walk.
  const loaded = await loadRepoConfig(repo, options, io);
  // With no commit, there is nothing to write a config for: "run `talentrisk init`" led to init's
  // "no commits yet" (flask, a tester). Asked only when the config is missing.
  if (!loaded.file) await resolveRevision(repo, options.rev ?? 'HEAD');
  requireCriticalSystems(loaded, repo.info.root, io.cwd, repo.info.isBare ? options.rev : undefined);
  if (repo.info.isShallow && !options.allowShallow) {
    throw new UsageError('this is a shallow clone: bus factors need the whole history', { hint: SHALLOW_HINT });
  }
  const changed = options.changed ? await changedSince(repo, options) : undefined;
  if (changed) refuseChangeOnlyHistory(repo, changed);
  const cutChange = changed && options.newOnly && repo.info.isShallow ? await newOnlyInShallowClone(repo, changed) : undefined;

  // The merge base first: with a cold cache its walk stores the history's chunks, and the revision's
  // walk then reads from git only the change's own commits (history.ts, a list extended from the
  // last tip). The other way round, the base's newest chunk, up to 2,500 commits, was read again.
  const atBase = changed && options.newOnly ? await evaluate(repo, loaded, { ...options, rev: changed.mergeBase }, io, { atBase: true }) : undefined;
  const evaluated = await evaluate(repo, loaded, options, io);
  const { evaluation } = evaluated;
  // In a shallow clone only the files its fetched history changes are analysed: a system matching
  // none of them is measured against the files tracked at the revision that the selection keeps
  // (not vendored or excluded ones; two git calls, in a shallow clone only), and every system says
  // on how many of those it was judged.
  const tracked = repo.info.isShallow ? await selectable(repo, evaluation.repository.revision, loaded, options) : undefined;
  const shallowSystems = tracked !== undefined && evaluation.systems.some((result) => result.unmatchedPatterns.length > 0);
  const measured = tracked === undefined ? evaluation.systems : withTrackedCounts(shallowSystems ? withTrackedFiles(evaluation.systems, tracked) : evaluation.systems, tracked);
  const systems = atBase ? compareWithBase(measured, atBase.evaluation.systems) : measured;
  // The boundary commits are read and their changes not counted: the caveat counts them apart.
  const boundaryCommits = repo.info.isShallow ? (await boundaryInHistoryOf(repo, evaluation.repository.revision)).length : 0;

  const configFile = loaded.file ? path.relative(repo.info.root, loaded.file).split(path.sep).join('/') : CONFIG_FILE;
  // A change to the rules themselves (a system added, minOwners raised) concerns every system: a
  // pull request that only edits the config would otherwise pass, and the default branch fail after it.
  const configChanged = changed !== undefined && changed.files.includes(configFile);
  const isChanged = (result: CriticalSystemResult) => (changed && !configChanged ? changed.files.some(createSystemMatcher(result.paths)) : true);
  // A system with no fetched change (shallow) is not judged: its correct globs stopped CI (tokio, a tester).
  const isChecked = (result: CriticalSystemResult) => isChanged(result) && result.unfetchedFiles === undefined;
  // With --changed, a system whose globs match nothing and whose files the change did not touch is
  // skipped with a warning: one dead system (a crate removed on main) stopped every pull request
  // with exit 2 (a CI test). The check of main, or of a change to the config, still stops on it.
  throwOnConfigurationErrors(systems.filter(isChanged), loaded, squashesWereRead(evaluated.warningSource.warnings));
  const notJudged = systems.filter((result) => isChanged(result) && result.unfetchedFiles !== undefined);
  const notJudgedWarnings = notJudged.map(
    (result) => `${loaded.locate(['critical', result.index, 'paths'])} critical.${result.index}.paths: system "${result.name}" ${result.error ?? ''}; fetch more of it with \`git fetch --deepen=<n>\``,
  );
  const deadSkipped = systems
    .filter((result) => result.status === 'error' && result.unfetchedFiles === undefined && !isChanged(result))
    .map((result) => `${loaded.locate(['critical', result.index, 'paths'])} critical.${result.index}.paths: ${result.error} (system "${result.name}", skipped: no file of it changed); a check without --changed stops on it`);
  const deadGlobs = unmatchedGlobWarnings(systems, loaded);
  // What depends on more than the analysis and the config's content is added here, on every run:
  // the systems --changed leaves out, and the lines of the config file (its layout).
  const reference = referenceDate(options.until, new Date());
  const inactive = options.model === 'classic' ? [] : inactiveNamed(evaluation, loaded.config.model.inactiveAfter, reference);
  // Owners that look automated, said while the config names no bot (as scan's note; no bots are left out under the classic model).
  const automatedOwners = loaded.config.bots.length === 0 && evaluation.model !== 'classic' ? automatedOwnersNote(evaluation.systems.filter(isChanged), configFile) : '';
  const report: CheckReport = {
    repository: evaluation.repository,
    model: evaluation.model,
    configFile,
    configShown: loaded.name,
    systems: systems.map((result) => ({
      ...result,
      checked: isChecked(result),
      ...(changed ? { changedAtRisk: isChecked(result) ? touchedAtRisk(result, changed) : [] } : {}),
      // Skipped by --changed first: "not judged" is for the systems the change touches.
      ...(isChanged(result) ? {} : { unfetchedFiles: undefined }),
      configLine: loaded.lineOf(['critical', result.index]),
      unmatchedPatternLines: result.unmatchedPatterns.map((glob) => loaded.lineOf(['critical', result.index, 'paths', result.paths.indexOf(glob)])),
    })),
    changed: changed ? { base: changed.base, mergeBase: changed.mergeBase, files: changed.files.length, ...(options.newOnly ? { newOnly: true } : {}) } : undefined,
    ...(repo.info.isShallow ? { fetchedCommits: evaluation.commits, boundaryCommits } : {}),
    departing: evaluation.departing,
    inactiveGone: evaluation.inactiveGone ?? 0,
    referenceDay: reference.toISOString().slice(0, 10),
    inactive,
    // The reports carry the dead globs' warnings too (on stderr only, -q dropped them: power-user
    // test; markdown, junit and sarif had none: a CI test); github marks each at its line, and json
    // lists them as unmatchedPatterns.
    warnings: [
      ...evaluated.warningSource.warnings,
      ...(configChanged ? [`${configFile} changed since ${changed.base}: every critical system is checked${options.newOnly ? `; --new-only judges ${changed.base} by this config too, so a rule the change adds or tightens fails only where the change makes the figure worse` : ''}`] : []),
      ...(cutChange ? [cutChange] : []),
      ...notJudgedWarnings,
      ...staleInactivity(evaluation.repository.revisionDate, reference, inactive, loaded.config.model.inactiveAfter),
      ...(automatedOwners ? [automatedOwners] : []),
      ...deadSkipped,
      ...(options.format !== 'github' && options.format !== 'json' ? deadGlobs : []),
    ],
  };

  const toFile = Boolean(options.output);
  const chalk = await resolveChalk(io, toFile ? false : options.color === false ? false : undefined);
  // Names marked "(inactive)" for the formats people read; json and sarif keep names as they are
  // (sarif's properties.owners are matched by name: a review) and json lists them in `inactive`.
  const shown = options.format === 'json' || options.format === 'sarif' ? report : markInactive(report);
  const written = writeReport(checkReporters[options.format](shown, { chalk, ...tableLayout(io, toFile) }), options, io.cwd, io.stdout);
  if (!options.quiet) {
    const inReport = options.format === 'text' || options.format === 'github';
    if (written) {
      // Written to a file, the report says nothing where check runs: stderr has every warning and
      // note it carries (the JSON's `warnings`), and the dead globs that json and github give at
      // their place only. It had the analysis's warnings only: none of the "kept by" notes of
      // vuejs/core's failing systems (a CI maintainer).
      const elsewhere = options.format === 'github' || options.format === 'json' ? deadGlobs : [];
      for (const warning of [...elsewhere, ...warningsWithNotes(report)]) io.stderr.write(`talentrisk: warning: ${warning}\n`);
    } else if (!inReport) {
      for (const warning of [...deadSkipped, ...deadGlobs]) io.stderr.write(`talentrisk: warning: ${warning}\n`);
    }
    // text and github print the warnings in the report itself (github as ::warning lines, in the
    // same job log): the same line on stderr too read as two warnings. The cache's own problems
    // are never in a report.
    printWarnings(evaluated.warningSource, options, io, inReport || written);
    // Not in the report: what went wrong storing the evaluation (a full disk). The merge base's
    // analysis warnings are left out: they are the revision's again, or about history the change does not have.
    printWarnings({ warnings: [...(atBase?.storing ?? []), ...evaluated.storing] }, options, io, false);
  }
  reportWritten(written, 'the check', options, io);
  if (options.format === 'github') appendStepSummary(markInactive(report), io);
  return checkPassed(report) ? ExitCode.Ok : ExitCode.CheckFailed;
}

/**
 * What check concludes from an analysis and the config's content (its critical systems, departures
 * and people, which the analysis's key covers), with --leaving: stored beside the analysis's result
 * as JSON, so that the same check again reads this instead of decoding the result.
 */
type CheckEvaluation = Pick<CheckReport, 'repository' | 'model'> & {
  systems: (CriticalSystemResult & Pick<CheckedSystem, 'keeper' | 'unheldFiles' | 'codeOnly'>)[];
  departing: NonNullable<CheckReport['departing']>;
  /** The last commit (ISO) of everyone the systems name: whether they are inactive depends on the day, which the stored evaluation does not. */
  lastCommits: Record<string, string>;
  /** Non-merge commits read (in a shallow clone, the fetched ones). */
  commits: number;
  /** Inactive developers counted as gone (model.treatInactiveAsDeparted), 0 when none are. */
  inactiveGone?: number;
};

/**
 * On an old clone, whom the day of the check makes inactive: people who committed within
 * `inactiveAfter` days of the revision's last commit read as inactive measured from today
 * (prometheus 108 days after its last commit: Frederic Branczyk, active then; scan said so, check
 * did not: a CI maintainer). Said only when it changes who is inactive.
 */
function staleInactivity(revisionDate: string, reference: Date, inactive: NonNullable<CheckReport['inactive']>, inactiveAfter: number): string[] {
  const stale = staleRevision(revisionDate, reference.toISOString());
  if (!stale) return [];
  const then = new Date(revisionDate);
  const onlyToday = inactive.filter((person) => !inactiveAt(person.lastCommit, then, inactiveAfter));
  if (onlyToday.length === 0) return [];
  return [
    `inactivity is measured from ${reference.toISOString().slice(0, 10)}, ${stale.days} days after the revision's last commit (${stale.day}): ${list(onlyToday.map((person) => person.name), 3)} had committed within ${inactiveAfter} days of it; \`--until ${stale.day}\` judges them as of that day`,
  ];
}

/** The people the systems name who made no commit in the `inactiveAfter` days before `reference`. */
function inactiveNamed(evaluation: CheckEvaluation, inactiveAfter: number, reference: Date): NonNullable<CheckReport['inactive']> {
  const named = new Map(evaluation.systems.flatMap(peopleOf).map((person) => [person.id, person.name]));
  return [...named]
    .filter(([id]) => evaluation.lastCommits[id] !== undefined && inactiveAt(evaluation.lastCommits[id] as string, reference, inactiveAfter))
    .map(([id, name]) => ({ id, name, lastCommit: evaluation.lastCommits[id] as string }))
    .sort((a, b) => (a.lastCommit < b.lastCommit ? -1 : a.lastCommit > b.lastCommit ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The evaluation (stored, or computed and stored); where its warnings come from (the analysis, whose
 * cache problems printWarnings also prints, or the stored report); and trouble storing it.
 */
async function evaluate(repo: Repository, loaded: LoadedConfig, options: CheckOptions, io: Io, { atBase = false } = {}): Promise<{ evaluation: CheckEvaluation; warningSource: Pick<Analysis, 'warnings'>; storing: string[] }> {
  const request: ReportRequest = {
    name: 'check evaluation',
    dated: false,
    // Node's version too: departures are sorted by name with its ICU. At a merge base the departures
    // are resolved otherwise (see below): stored apart.
    inputs: { leaving: options.leaving ?? [], node: process.version, ...(atBase ? { atBase } : {}) },
    // A stored evaluation that is not one of this config's is unusable: computed again.
    read: (bytes) => evaluationOf(bytes.toString('utf8'), loaded),
  };
  const loadedAnalysis = await loadAnalysis(undefined, options, io, { repository: repo, config: loaded }, () => request);
  if ('report' in loadedAnalysis) {
    // It holds the time of the run that stored it: the document gives this run's, as a stored scan report does.
    const stored = loadedAnalysis.report.value as CheckEvaluation;
    const evaluation = { ...stored, repository: { ...stored.repository, analyzedAt: new Date().toISOString() } };
    return { evaluation, warningSource: loadedAnalysis.report, storing: [] };
  }
  const { analysis } = loadedAnalysis;
  // At the merge base, someone the revision knows and the base does not (they joined in the change)
  // authors nothing there: left out, not an unknown person (the revision's names were checked).
  const departing = await declaredDepartures(repo, analysis, loaded, options.leaving, { absentLeftOut: atBase });
  const gone = inactiveCountedAsGone(analysis, loaded.config.model.treatInactiveAsDeparted);
  const judged = withKeepers(evaluateAfterDepartures(analysis, loaded.config.critical, departing, gone), analysis, departing);
  // Under --only-code every file is code already; at the merge base only the violations count.
  const codeOnly = !atBase && !options.onlyCode && judged.some(mayRestOnOtherFiles) ? codeOnlyFigures(analysis, loaded.config.critical, judged, await loadCodeMatcher(), departing, gone) : [];
  const systems = judged.map((system, index) => (codeOnly[index] ? { ...system, codeOnly: codeOnly[index] } : system));
  const lastCommit = new Map(analysis.developers.map((developer) => [developer.id, developer.lastCommit]));
  const lastCommits: Record<string, string> = {};
  for (const person of systems.flatMap(peopleOf)) {
    const last = lastCommit.get(person.id);
    if (last !== undefined) lastCommits[person.id] = last;
  }
  const text = JSON.stringify({
    repository: analysis.repository,
    model: analysis.model,
    systems,
    departing: departing.map((d) => ({ id: d.id, name: d.name, ...(d.date ? { date: d.date } : {}) })),
    lastCommits,
    commits: analysis.stats.commits,
    inactiveGone: gone.length,
  } satisfies CheckEvaluation);
  // Reported from its JSON, as a stored one is: both runs print the same (JSON leaves out undefined).
  const evaluation = evaluationOf(text, loaded);
  // Stored with its configuration errors too: in a shallow clone a system with no fetched change is
  // one until the tracked files are read, and --changed skips a dead system; the rest stops check (exit 2).
  return { evaluation, warningSource: analysis, storing: storeReport(analysis, request, Buffer.from(text, 'utf8')) };
}

/** An evaluation's JSON, checked to be one of `loaded`'s systems (in config order), else an error. */
function evaluationOf(text: string, loaded: LoadedConfig): CheckEvaluation {
  const value = JSON.parse(text) as Partial<CheckEvaluation> | null;
  const systems = value?.systems;
  const ofThisConfig =
    typeof value?.repository?.revision === 'string' &&
    typeof value.repository.revisionDate === 'string' &&
    typeof value.model === 'string' &&
    typeof value.commits === 'number' &&
    Array.isArray(value.departing) &&
    typeof value.lastCommits === 'object' &&
    value.lastCommits != null &&
    Array.isArray(systems) &&
    systems.length === loaded.config.critical.length &&
    systems.every((system, index) => system.index === index && system.name === loaded.config.critical[index]?.name && Array.isArray(system.violations) && Array.isArray(system.files) && Array.isArray(system.owners));
  if (!ofThisConfig) throw new Error('not an evaluation of these critical systems');
  return value as CheckEvaluation;
}

/** `bareRevision`: in a bare repository, the revision the config was looked for at. */
function requireCriticalSystems(loaded: LoadedConfig, root: string, cwd: string, bareRevision: string | undefined): void {
  if (!loaded.file) {
    // A bare repository is read at the revision, and init cannot write into it.
    const where = path.relative(cwd, root) || '.';
    throw new ConfigError(`no ${CONFIG_FILE} in ${bareRevision !== undefined ? `${bareRevision} (bare repository ${where})` : where}: check needs the critical systems to check`, {
      hint: bareRevision !== undefined
        ? 'commit one (run `talentrisk init` in a clone to write a starter config), or pass --config <file>'
        : `run \`talentrisk init${where === '.' ? '' : ` ${shellWord(where)}`}\` to write a starter config, then uncomment the systems that matter under \`critical:\``,
    });
  }
  if (loaded.config.critical.length === 0) {
    throw new ConfigError(`${loaded.locate(['critical'])} critical: no critical system is listed, so there is nothing to check`, {
      hint: 'add one, e.g. `- { name: payments, paths: ["src/payments/**"], minOwners: 2 }` (`talentrisk init` lists candidates)',
    });
  }
}

async function changedSince(repo: Repository, options: CheckOptions): Promise<ChangedFiles & { head: string }> {
  const head = await resolveRevision(repo, options.rev, options.until);
  return { ...(await changedFilesSince(repo, options.changed as string, head.sha)), head: head.sha };
}

const FETCH_WHOLE_HISTORY = '`fetch-depth: 0` on actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`';

/**
 * --new-only in a shallow clone (--allow-shallow). Where the base's history is cut, refused: both
 * sides would be judged on the fetched commits only, where the change weighs far more than in the
 * whole history and no file's creator is known, so the comparison blames the wrong system (ohmyzsh
 * at depth 50: entrypoint "made worse" and plugin-git "already broken", the full clone said the
 * opposite: a CI maintainer). A verdict on the pull request is what --new-only gives, and a caveat
 * beside a wrong one does not help the contributor it blames; without --new-only the fetched history
 * is still checked as it is. Where only the change's own history is cut (a shallow fetch merged into
 * it), the warning it returns says the comparison is unreliable.
 */
async function newOnlyInShallowClone(repo: Repository, changed: ChangedFiles & { head: string }): Promise<string | undefined> {
  const [atBase] = await boundaryInHistoryOf(repo, changed.mergeBase);
  if (atBase !== undefined) {
    throw new UsageError(
      `--new-only compares the change with ${changed.base}, and this shallow clone cuts ${changed.base}'s history (at ${atBase.slice(0, 12)}): on the fetched commits alone the change weighs far more than in the whole history, so the comparison can blame the wrong system`,
      { hint: `fetch the whole history (${FETCH_WHOLE_HISTORY}); or leave out --new-only to check the fetched history as it is` },
    );
  }
  const [inChange] = await boundaryInHistoryOf(repo, changed.head);
  if (inChange === undefined) return undefined;
  return `--new-only in a shallow clone: the change's history is cut (at ${inChange.slice(0, 12)}) while ${changed.base}'s is whole, so its figures rest on the fetched commits only and the comparison with ${changed.base} is unreliable; fetch the whole history (${FETCH_WHOLE_HISTORY})`;
}

/**
 * A system whose globs match no analysed file is a configuration error, never a pass (METRICS.md §9);
 * in a shallow clone, only one whose globs match no tracked file either (withTrackedFiles).
 */
function throwOnConfigurationErrors(results: readonly CriticalSystemResult[], loaded: LoadedConfig, squashed = false): void {
  const errors = results.filter((result) => result.status === 'error' && result.unfetchedFiles === undefined);
  if (errors.length === 0) {
    // --allow-shallow at depth 1: no system has a fetched change, and five config lines were blamed
    // for what is missing history (a CI test).
    if (results.length > 0 && results.every((result) => result.unfetchedFiles !== undefined)) {
      throw new UsageError(`this shallow clone's fetched history changes no file of ${results.length === 1 ? `the critical system "${results[0]?.name}"` : `the ${results.length} critical systems`}: there is nothing to check`, {
        hint: 'fetch the whole history (`fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`)',
      });
    }
    return;
  }
  const lines = errors.map((result) => `${loaded.locate(['critical', result.index, 'paths'])} critical.${result.index}.paths: ${result.error} (system "${result.name}")`);
  const globs = 'globs are relative to the repository root (`**/` matches any folder) and only analysed files count: `talentrisk scan --format json` lists them';
  // A folder only `git subtree --squash` commits brought has no analysed file: they credit nobody
  // (a review: a system over a squashed vendor folder became an unexplained config error).
  const squashes = squashed ? '; files only `git subtree --squash` commits changed are not analysed (their content was written in another repository; a warning names their folders)' : '';
  throw new ConfigError(lines.join('\n'), { hint: `${globs}${squashes}` });
}

/**
 * --changed in a shallow clone whose base history is only the boundary commit (depth 1, then the
 * change): the figures would come from the change's own commits alone, which made a newcomer with
 * one line the sole owner of tokio's `time` (a tester). Without --changed that clone has nothing to
 * check: nor has it with.
 */
function refuseChangeOnlyHistory(repo: Repository, changed: ChangedFiles): void {
  if (!repo.info.isShallow || !shallowBoundary(repo.info).has(changed.mergeBase)) return;
  throw new UsageError(`this shallow clone holds none of ${changed.base}'s history before the change (their merge base ${changed.mergeBase.slice(0, 12)} is where the clone stops): only the change's own commits would be read, so there is nothing to check`, {
    hint: 'fetch the history of the base (`git fetch --deepen=<n>`, `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI)',
  });
}

/** `file:line:col critical.i.paths.j: "glob" matches no analysed file`, per dead glob of a system whose other globs match. */
function unmatchedGlobWarnings(results: readonly CriticalSystemResult[], loaded: LoadedConfig): string[] {
  // A system none of whose globs match is an error, or skipped with a warning of its own.
  return results.filter((result) => result.status !== 'error').flatMap((result) =>
    result.unmatchedPatterns.map((glob, k) => {
      const index = result.paths.indexOf(glob);
      return `${loaded.locate(['critical', result.index, 'paths', index])} critical.${result.index}.paths.${index}: ${JSON.stringify(glob)} matches no analysed file${result.unmatchedHints[k] ?? ''}`;
    }),
  );
}


/**
 * A system's files at risk that the change touched, in their order, and whether it adds each: a
 * pull request adding 20 workflows only its author knows was listed after other people's files
 * (vuejs/core, a CI maintainer).
 */
function touchedAtRisk(result: CriticalSystemResult, changed: ChangedFiles): NonNullable<CheckedSystem['changedAtRisk']> {
  const touched = new Set(changed.files);
  const added = new Set(changed.added);
  return filesAtRisk(result).filter((file) => touched.has(file)).map((file) => ({ path: file, added: added.has(file) }));
}

/** selectableFiles, whose module (the analysis) a repeat check from a stored evaluation does not load otherwise. */
async function selectable(repo: Repository, revision: string, loaded: LoadedConfig, options: CheckOptions): Promise<string[]> {
  const { selectableFiles } = await import('../../analyze.ts');
  return selectableFiles(repo, revision, loaded.config, options.model);
}

/** In GitHub Actions, the markdown summary also goes to the job's summary page. */
function appendStepSummary(report: CheckReport, io: Io): void {
  appendToStepSummary(renderCheckMarkdown(report), io);
}
