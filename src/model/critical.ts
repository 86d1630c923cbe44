import { inListingOrder } from './bookkeeping.ts';
import { authorCount, authorListsOf, developerFlags, isFlagged, ownershipIndexOf, setOf, summarizeSet, type OwnershipIndex } from './ownership-index.ts';
import type { AuthorLists } from './truck-factor.ts';
import type { Analysis, FileOwnership, TruckFactorMember } from './types.ts';
import { createPathMatcher, selectByGlobs } from './globs.ts';
import { closest, withFolders } from './suggest.ts';

// Critical systems, METRICS.md §9 (extension): a named set of path globs with rules. Its bus factor
// is the truck factor (§5) of its files; its owners are the developers of that greedy list.
// Pure: the same analysis and systems always give the same result. Departures (§8) reuse it by
// passing `authorsOf`, which swaps each file's author set before anything is computed.

/** A critical system as the config declares it (the shape of config `critical[]`). */
export interface CriticalSystemSpec {
  name: string;
  paths: readonly string[];
  minOwners: number;
  maxKnowledgeLoss?: number | undefined;
  description?: string | undefined;
}

export interface CriticalPerson {
  id: string;
  name: string;
}

export interface CriticalOwner extends CriticalPerson, TruckFactorMember {}

/** A broken rule. `minOwners` is checked here; departures add `maxKnowledgeLoss`. */
export interface CriticalViolation {
  rule: 'minOwners' | 'maxKnowledgeLoss';
  required: number;
  actual: number;
  message: string;
  /** Set when the rule was judged on the figures after departures (the message says who leaves). */
  afterDepartures?: boolean;
  /**
   * minOwners with a bus factor above 0: how many of the system's files its owners author (the
   * message's "Ada authors 3 of its 5 files"), for the reports that name the owners themselves.
   */
  held?: number;
  /** With `check --new-only`: the same rule at the merge base (critical-baseline.ts). */
  base?: ViolationAtBase;
}

/**
 * A violation compared with the same system at the merge base (`check --new-only`), under the same
 * config: `isNew` unless the base breaks the rule with a figure as bad or worse.
 */
export interface ViolationAtBase {
  /** False: already on the base, not made worse (reported, does not fail the check). */
  isNew: boolean;
  /** Whether the base breaks the rule too (then `isNew` means a worse figure). */
  broken: boolean;
  /** The rule's figure at the base (bus factor, or share lost); undefined when no analysed file of the system is there. */
  actual: number | undefined;
}

/** ok: every rule holds · violation: a rule is broken · error: the config is wrong (globs match nothing). */
export type CriticalStatus = 'ok' | 'violation' | 'error';

export interface CriticalSystemResult {
  /** Position in config `critical`, to point at the system's line. */
  index: number;
  name: string;
  description: string | undefined;
  paths: string[];
  minOwners: number;
  maxKnowledgeLoss: number | undefined;
  /**
   * With departures and a `maxKnowledgeLoss`: the share of the system's files they orphan, within
   * the limit or not, and the sentence that says it (a system within it said nothing of its headroom).
   */
  knowledgeLoss?: { share: number; lostFiles: number; files: number; message: string } | undefined;
  /** Analysed files the globs match, in path order. */
  files: string[];
  /** Globs (not "!" ones) that match no analysed file. All of them: the system is an error. */
  unmatchedPatterns: string[];
  /** Beside each of unmatchedPatterns, what it most likely meant (`; did you mean "…"?`, see nearGlobs and globMistakes), or ''. */
  unmatchedHints: string[];
  /** Truck factor of the system's files (METRICS.md §5 on the subset). */
  busFactor: number;
  /** Share of the system's files that keep an author after the bus-factor developers leave. */
  coverage: number;
  /** The greedy truck-factor list, in order: the system's owners (METRICS.md §9). */
  owners: CriticalOwner[];
  /** Every author of the system's files, most files first. */
  authors: CriticalOwner[];
  /** Files with exactly one author, with that author: the files most at risk after orphans. Most changed first, then by path. */
  singleOwnerFiles: { path: string; owner: CriticalPerson }[];
  /** Files with no author at all, most changed first, then by path. */
  orphanFiles: string[];
  /**
   * With CriticalOptions.leftOut: the developers left out (those leaving, or inactive) who author a
   * file of the system that has no author without them, most such files first (`files`, `share` of
   * the system's); absent when there is none. A system they leave with no author said "no file has
   * an author", as if nobody had ever written it (a re-test on psf/requests).
   */
  authorsLeftOut?: CriticalOwner[];
  /** With CriticalOptions.leftOut: per orphan file that had authors, their names as messages give them ("Ann (inactive)"). */
  orphanAuthorsLeftOut?: Record<string, string[]>;
  violations: CriticalViolation[];
  status: CriticalStatus;
  /** What is wrong with the configuration, when status is 'error'. */
  error: string | undefined;
  /**
   * Set by withTrackedFiles in a shallow clone whose fetched history changes none of the system's
   * files: how many tracked files its globs match. Its globs are right, its status is 'error', and
   * it is not judged.
   */
  unfetchedFiles?: number;
}

export interface CriticalOptions {
  /** Swaps a file's author set (departures, decay); default: the file's authors. */
  authorsOf?: (file: FileOwnership) => readonly string[];
  /**
   * The developers authorsOf leaves out (those leaving, and the inactive ones with
   * model.treatInactiveAsDeparted), by id, each with the name messages give them ("Ann (inactive)").
   */
  leftOut?: ReadonlyMap<string, string>;
}

/**
 * What a glob that matched nothing most likely meant, as a clause to add, or '': `crates/*` for
 * every crate (`*` stops at `/`), `src\\auth\\**` written with Windows separators (a CI test).
 */
export function globMistakes(globs: readonly string[]): string {
  const notes: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    // A backslash before a name (not before a glob character, which it escapes) is a separator.
    // Quoted as written (JSON.stringify doubled each backslash: a re-test).
    if (/\\[\p{L}\p{N}._-]/u.test(glob)) notes.push(`"${glob}" uses \\ where a path has / ("${glob.replace(/\\/g, '/')}")`);
    else if (/(^|\/)\*$/.test(glob)) notes.push(`${JSON.stringify(glob)} matches files directly in its folder only: * stops at /, so its subfolders need ${JSON.stringify(`${glob}*`)}`);
  }
  return notes.length > 0 ? `; ${notes.join('; ')}` : '';
}

/**
 * The globs as they were probably meant: the part before the first wildcard, a path or folder that
 * is not there, replaced by the analysed one closest to it (pytest's `src/_pytest/assertion/rewrit.py`
 * got no "did you mean", as explain's paths do: a tester). '' when there is none.
 */
export function nearGlobs(globs: readonly string[], paths: readonly string[], own: readonly string[] = []): string {
  let known: Set<string> | undefined;
  let candidates: string[] | undefined;
  const near: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    const bare = glob.replace(/^(\.\/|\/)+/, '');
    // A glob that names folders (`packages/compiler-*`, `src/{auth,session}`): their files need `/**`
    // (vuejs/core's tech lead got no hint for `packages/compiler-*`).
    const folder = bare.replace(/\/+$/, '');
    if (!/\*\*$|(^|\/)\*$/.test(folder) && /[*?[{]/.test(folder.split('/').at(-1) ?? '')) {
      const inside = `${folder}/**`;
      if (paths.some(createPathMatcher([inside]))) {
        near.push(JSON.stringify(inside));
        continue;
      }
    }
    const wild = bare.search(/[*?[{]/);
    const literal = wild < 0 ? bare : bare.slice(0, Math.max(0, bare.lastIndexOf('/', wild)));
    if (literal === '') continue;
    candidates ??= withFolders(paths);
    known ??= new Set(candidates);
    if (known.has(literal)) continue;
    const meant = closest(literal, candidates);
    if (meant !== undefined) near.push(JSON.stringify(`${meant}${bare.slice(literal.length)}`));
  }
  // Two globs may point at one folder: "did you mean "tokio/src/**", "tokio/src/**"?" (tokio, a tester).
  // Nor a glob the system already has (`"srx/**"` beside `"src/**"` was told `did you mean "src/**"?`: a review).
  const given = new Set(own.map((glob) => JSON.stringify(glob.replace(/^(\.\/|\/)+/, ''))));
  const distinct = [...new Set(near)].filter((glob) => !given.has(glob));
  return distinct.length > 0 ? `; did you mean ${distinct.join(', ')}?` : '';
}

/** A segment with a `*` that is not part of `**` and not escaped (`*.zsh`, `compiler-*`, `*`). */
const SINGLE_STAR = /(^|[^\\*])\*(?!\*)/;

/**
 * The glob with `**` where one of its `*` stops at a folder: a `**` segment before a segment such as
 * `*.zsh` (`plugins/*.zsh` becomes plugins, `**`, `*.zsh`), or `**` for a segment that is `*`; each
 * single-star segment alone, the last first, then all of them.
 */
function deeperForms(glob: string): string[] {
  const segments = glob.split('/');
  const starred = segments.map((segment, index) => (!segment.includes('**') && SINGLE_STAR.test(segment) ? index : -1)).filter((index) => index >= 0);
  const deepen = (at: ReadonlySet<number>) => segments.flatMap((segment, index) => (!at.has(index) ? [segment] : segment === '*' ? ['**'] : ['**', segment])).join('/');
  const forms = [...starred.reverse().map((index) => deepen(new Set([index]))), ...(starred.length > 1 ? [deepen(new Set(starred))] : [])];
  return [...new Set(forms)];
}

/**
 * What a glob that matched nothing most likely meant when a `*` of it should have been `**`: the
 * first deeper form (deeperForms) that matches some of `paths`, with how many (ohmyzsh's
 * `plugins/*.zsh` got only the generic hint, while its plugins' files are one folder down, where the
 * `**` form matches hundreds of them: a CI maintainer). Not for a glob globMistakes or nearGlobs already explains. A clause, or ''.
 */
export function deeperGlobs(globs: readonly string[], paths: readonly string[], kind: 'analysed' | 'tracked' = 'analysed'): string {
  const notes: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!') || globMistakes([glob]) !== '' || nearGlobs([glob], paths) !== '') continue;
    for (const form of deeperForms(glob.replace(/^(\.\/|\/)+/, ''))) {
      const count = paths.filter(createPathMatcher([form])).length;
      if (count === 0) continue;
      notes.push(`did you mean ${JSON.stringify(form)} (${count} ${kind} ${count === 1 ? 'file' : 'files'})?`);
      break;
    }
  }
  return notes.length > 0 ? `; * stops at /: ${notes.join(' ')}` : '';
}

/** What one glob that matched nothing most likely meant among `paths`, never one of the system's own globs (`own`): a clause, or ''. */
function globHint(glob: string, paths: readonly string[], own: readonly string[], kind: 'analysed' | 'tracked' = 'analysed'): string {
  return `${globMistakes([glob])}${nearGlobs([glob], paths, own)}${deeperGlobs([glob], paths, kind)}`;
}

/** Everyone a system names (its owners, its authors, the owners of its single-owner files, the authors left out), by id. */
export function peopleOf(system: Pick<CriticalSystemResult, 'owners' | 'authors' | 'singleOwnerFiles' | 'authorsLeftOut'>): CriticalPerson[] {
  return [...system.owners, ...system.authors, ...system.singleOwnerFiles.map((file) => file.owner), ...(system.authorsLeftOut ?? [])];
}

/** A path matcher for a system's globs (see createPathMatcher). */
export const createSystemMatcher = createPathMatcher;

/** Evaluates every critical system against an analysis. */
export function evaluateCriticalSystems(
  analysis: Pick<Analysis, 'files' | 'developers'>,
  systems: readonly CriticalSystemSpec[],
  options: CriticalOptions = {},
): CriticalSystemResult[] {
  const names = new Map(analysis.developers.map((developer) => [developer.id, developer.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  if (systems.length === 0) return [];
  const ownership = ownershipIndexOf(analysis.files);
  const authors = options.authorsOf ? authorListsOf(ownership, options.authorsOf) : ownership.classicAuthors;
  const paths = analysis.files.map((file) => file.path);
  return systems.map((system, index) => evaluateSystem(ownership, authors, paths, system, index, nameOf, options.leftOut));
}

function evaluateSystem(
  ownership: OwnershipIndex,
  authors: AuthorLists,
  allPaths: readonly string[],
  system: CriticalSystemSpec,
  index: number,
  nameOf: (id: string) => string,
  leftOut: ReadonlyMap<string, string> | undefined,
): CriticalSystemResult {
  const selection = selectByGlobs(system.paths, allPaths);
  const files = selection.matching.map((position) => ownership.files[position] as FileOwnership);
  const unmatchedPatterns = selection.unmatched;

  const { truckFactor, owners } = summarizeSet(setOf(ownership, nameOf, authors, Int32Array.from(selection.matching)));
  const person = (member: TruckFactorMember): CriticalOwner => ({ id: member.id, name: nameOf(member.id), files: member.files, share: member.share });
  const singleOwnerFiles: CriticalSystemResult['singleOwnerFiles'] = [];
  const orphanFiles: string[] = [];
  // The files at risk that matter most first: the most changed (a list led by `src/.checksrc`, in
  // path order, named the least of them), READMEs and docs after the code, release manifests and
  // changelogs last (their changes are version bumps: bookkeeping.ts). Ties keep path order.
  const atRisk = inListingOrder(
    selection.matching.map((position) => ({ position, count: authorCount(authors, position) })).filter((file) => file.count <= 1),
    (file) => allPaths[file.position] as string,
    (file) => (ownership.files[file.position] as FileOwnership).events,
  );
  for (const { position, count } of atRisk) {
    const path = allPaths[position] as string;
    if (count === 1) {
      const sole = ownership.developers.ids[authors.developer[authors.start[position] as number] as number] as string;
      singleOwnerFiles.push({ path, owner: { id: sole, name: nameOf(sole) } });
    } else orphanFiles.push(path);
  }

  const { authorsLeftOut, orphanAuthorsLeftOut } = leftOutAuthorsOf(files, orphanFiles, leftOut, nameOf);
  // "without Ann (inactive), its only file has no author", not "its only file has no author".
  const without = authorsLeftOut.length > 0 ? `without ${namesUpTo(authorsLeftOut.map((person) => leftOut?.get(person.id) ?? person.name))}, ` : '';
  const violations: CriticalViolation[] = [];
  // The files any of the truck-factor people author, in the author sets judged (after departures too).
  const coveredBy = (members: readonly TruckFactorMember[]) => {
    const flags = developerFlags(ownership, members.map((m) => m.id));
    return selection.matching.filter((position) => authors.developer.subarray(authors.start[position], authors.start[position + 1]).some((developer) => isFlagged(flags, developer))).length;
  };
  let error: string | undefined;
  if (files.length === 0) {
    error = `no analysed file matches ${system.paths.map((glob) => JSON.stringify(glob)).join(', ')}${globMistakes(system.paths)}${nearGlobs(system.paths, allPaths)}${deeperGlobs(system.paths, allPaths)}`;
  } else if (truckFactor.value < system.minOwners) {
    const held = truckFactor.value === 0 ? undefined : coveredBy(truckFactor.developers);
    violations.push({
      rule: 'minOwners',
      required: system.minOwners,
      actual: truckFactor.value,
      message:
        held === undefined
          ? `bus factor 0 (needs ${system.minOwners}): ${without}${fewerThanHalfAuthored(files.length)}`
          : // How many files they author, not "the knowledge of its 25 files" when they author 19 (a new-user test on deno).
            `bus factor ${truckFactor.value} (needs ${system.minOwners}): ${truckFactor.developers.map((m) => nameOf(m.id)).join(', ')} ${truckFactor.value === 1 ? 'authors' : 'author'} ${files.length === 1 ? 'its file' : `${held} of its ${files.length} files`}`,
      ...(held === undefined ? {} : { held }),
    });
  }
  const result: CriticalSystemResult = {
    index,
    name: system.name,
    description: system.description,
    paths: [...system.paths],
    minOwners: system.minOwners,
    maxKnowledgeLoss: system.maxKnowledgeLoss,
    files: files.map((file) => file.path),
    unmatchedPatterns,
    // A dead glob beside live ones got no "did you mean" (an earlier tester): only a system matching nothing had one.
    unmatchedHints: files.length === 0 ? unmatchedPatterns.map(() => '') : unmatchedPatterns.map((glob) => globHint(glob, allPaths, system.paths)),
    busFactor: truckFactor.value,
    coverage: truckFactor.coverage,
    owners: truckFactor.developers.map(person),
    authors: owners.map(person),
    singleOwnerFiles,
    orphanFiles,
    ...(authorsLeftOut.length > 0 ? { authorsLeftOut, orphanAuthorsLeftOut } : {}),
    violations,
    status: 'ok',
    error,
  };
  return withStatus(result);
}

/** At most `max` names, then how many more: "Ann, Bob, Carl, Dan +3 more" (a check line is read in CI annotations). */
export function namesUpTo(names: readonly string[], max = 4): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} +${names.length - max} more` : names.join(', ');
}

/**
 * The developers in `leftOut` who author (by the published figure) an orphan file of the system, the
 * files they leave with no author: most files first, then by name; and each such file's. Not
 * someone who co-authors a file that keeps another author: their absence changes nothing (a review).
 */
function leftOutAuthorsOf(
  files: readonly FileOwnership[],
  orphanFiles: readonly string[],
  leftOut: ReadonlyMap<string, string> | undefined,
  nameOf: (id: string) => string,
): { authorsLeftOut: CriticalOwner[]; orphanAuthorsLeftOut: Record<string, string[]> } {
  const orphanAuthorsLeftOut: Record<string, string[]> = {};
  if (leftOut === undefined || leftOut.size === 0) return { authorsLeftOut: [], orphanAuthorsLeftOut };
  const counts = new Map<string, number>();
  const orphans = new Set(orphanFiles);
  for (const file of files) {
    if (!orphans.has(file.path)) continue;
    const theirs = file.authors.filter((id) => leftOut.has(id));
    for (const id of theirs) counts.set(id, (counts.get(id) ?? 0) + 1);
    if (theirs.length > 0) orphanAuthorsLeftOut[file.path] = theirs.map((id) => leftOut.get(id) as string);
  }
  const authorsLeftOut = [...counts]
    .map(([id, count]) => ({ id, name: nameOf(id), files: count, share: count / files.length }))
    .sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { authorsLeftOut, orphanAuthorsLeftOut };
}

/**
 * A shallow clone's systems against the files tracked at the revision that the file selection keeps
 * (`tracked`: not vendored or excluded ones, which a full clone never analyses either), where only
 * the files the fetched history changes are analysed: a glob that matches tracked files is right, so it gets no
 * "did you mean" (tokio's `tokio/src/time/**`, 7 files, was told `tokio/src/io/**`: a tester), and a
 * system none of whose files changed is not judged (`unfetchedFiles`), not a configuration error.
 * A glob that matches no tracked file is told what it most likely meant among the tracked files.
 */
export function withTrackedFiles<T extends CriticalSystemResult>(results: readonly T[], tracked: readonly string[]): T[] {
  return results.map((result) => {
    if (result.unmatchedPatterns.length === 0) return result;
    const filesOf = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;
    const matches = result.unmatchedPatterns.map((glob) => tracked.filter(createPathMatcher([glob])).length);
    const hintOf = (glob: string) => globHint(glob, tracked, [], 'tracked');
    const unmatchedHints = result.unmatchedPatterns.map((glob, k) => ((matches[k] as number) > 0 ? `; it matches ${filesOf(matches[k] as number)} tracked at the revision, none changed in the fetched history` : hintOf(glob)));
    if (result.status !== 'error') return { ...result, unmatchedHints };
    const files = selectByGlobs(result.paths, tracked).matching.length;
    if (files === 0) {
      return { ...result, error: `no analysable file tracked at the revision matches ${result.unmatchedPatterns.map((glob) => JSON.stringify(glob)).join(', ')}${globMistakes(result.paths)}${nearGlobs(result.paths, tracked)}${deeperGlobs(result.paths, tracked, 'tracked')}` };
    }
    // A glob of it that matches nothing tracked is named in the same sentence, with its hint.
    const untracked = result.unmatchedPatterns.filter((_, k) => matches[k] === 0).map((glob) => `; ${JSON.stringify(glob)} matches no analysable tracked file${hintOf(glob)}`);
    return { ...result, unmatchedHints, unfetchedFiles: files, error: `not judged: none of its ${filesOf(files)} changed in the fetched history${untracked.join('')}` };
  });
}

/**
 * In a shallow clone, each system with how many files tracked at the revision (`tracked`: those the
 * file selection keeps) its globs match, when that is more than the files it was judged on (those
 * with fetched history): "✓ reactivity 2 2" rested on 4 of its 39 files and said nothing of it
 * (vuejs/core at depth 50, a CI maintainer). The others as they are.
 */
export function withTrackedCounts<T extends CriticalSystemResult>(results: readonly T[], tracked: readonly string[]): (T & { trackedFiles?: number })[] {
  return results.map((result) => {
    if (result.status === 'error') return result;
    const count = selectByGlobs(result.paths, tracked).matching.length;
    return count > result.files.length ? { ...result, trackedFiles: count } : result;
  });
}

/** Recomputes `status` after violations were added (departures layer their rules this way). */
export function withStatus(result: CriticalSystemResult): CriticalSystemResult {
  const status: CriticalStatus = result.error !== undefined ? 'error' : result.violations.length > 0 ? 'violation' : 'ok';
  return { ...result, status };
}

/** Adds violations to a result (e.g. `maxKnowledgeLoss` from departures) and updates its status. */
export function addViolations(result: CriticalSystemResult, violations: readonly CriticalViolation[]): CriticalSystemResult {
  return withStatus({ ...result, violations: [...result.violations, ...violations] });
}

export interface CriticalSummary {
  systems: number;
  ok: number;
  violations: number;
  errors: number;
}

export function summarizeCritical(results: readonly CriticalSystemResult[]): CriticalSummary {
  return {
    systems: results.length,
    ok: results.filter((r) => r.status === 'ok').length,
    violations: results.filter((r) => r.status === 'violation').length,
    errors: results.filter((r) => r.status === 'error').length,
  };
}

/** Violations first, then errors, then the rest; within each, lowest bus factor first, then config order. */
export function rankCritical<T extends Pick<CriticalSystemResult, 'status' | 'busFactor' | 'index'>>(results: readonly T[]): T[] {
  const weight = { violation: 0, error: 1, ok: 2 } as const;
  return [...results].sort((a, b) => weight[a.status] - weight[b.status] || a.busFactor - b.busFactor || a.index - b.index);
}

/** The files most at risk, for one-line reports: orphans first, then single-owner files. */
export function filesAtRisk(result: Pick<CriticalSystemResult, 'orphanFiles' | 'singleOwnerFiles'>): string[] {
  return [...result.orphanFiles, ...result.singleOwnerFiles.map((file) => file.path)];
}

/**
 * Why a bus factor is 0, for a system of `files` files: "fewer than half of its 1 file have an
 * author" read oddly for a system of one file (psf/requests, a tester).
 */
export function fewerThanHalfAuthored(files: number): string {
  return files === 1 ? 'its only file has no author' : `fewer than half of its ${files} files have an author`;
}
