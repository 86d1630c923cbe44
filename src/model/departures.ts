import { UsageError } from '../errors.ts';
import { isRealDay } from './analysis-date.ts';
import { baselineOf, impactOf, orphansOf, type Baseline } from './departure-impact.ts';
import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD } from './doa.ts';
import { createBotMatcher } from './identity.ts';
import { fileNumbersByModule, filesByModule, isSecondaryModule, isSupportingModule, moduleOfFile, ownLibrary, SMALL_MODULE_FILES } from './modules.ts';
import { developerFlags, isFlagged, nameLookup, type AuthorsOf } from './ownership-index.ts';
import { oneOffContributors, type OneOff } from './one-off.ts';
import { clean as printable, resolvePerson, UnknownPersonError, type PersonAliasInput, type ResolveOptions } from './people.ts';
import type { Analysis, DeveloperSummary, FileContribution, FileOwnership, ModelName, ModuleOwnership, TruckFactor, TruckFactorMember } from './types.ts';

export type { AuthorsOf };
// Module grouping (modules.ts) and display names (ownership-index.ts), for the callers that import them from here.
export { fileNumbersByModule, filesByModule, moduleOfFile, nameLookup };

// Departures, METRICS.md §8 (talentrisk extension): remove the people leaving from the author sets
// (no reassignment: the files they authored do not pass to anyone) and recompute.
//
// - orphaned file: it had at least one author before and has none after;
// - orphaned module: it had an authored file before and has none after;
// - knowledge lost in a module: the share of its files whose authors are all departing (files that
//   had no author to begin with are not counted as lost: nobody took that knowledge away);
// - successor of a file: the remaining developer with the highest DOA on it. Strength:
//     `author` — they are (still) an author of the file after the departures;
//     `ok`     — not an author, but normDOA ≥ WEAK_SUCCESSOR_NORM_DOA and DOA ≥ the model's
//                absolute author floor (AUTHOR_ABS_THRESHOLD, 3.293);
//     `weak`   — normDOA below it: they touched the file, but know less than half of what its top
//                expert knows (normDOA is DOA / the file's highest DOA, departing people included);
//                or DOA below the floor: too little to be an author of any file, however little
//                its top expert did;
//     `none`   — nobody who stays ever touched the file: knowledge transfer needed.
// - a departure without a date is assumed to happen at once: it is the first step of the timeline.

/** Below this normalized DOA a successor is flagged as weak (half of the top expert's DOA). */
export const WEAK_SUCCESSOR_NORM_DOA = 0.5;

/** A departure as written: config `departures[]` or a `--leaving` flag. */
export interface DepartureSpec {
  who: string;
  /** Last day, YYYY-MM-DD. */
  date?: string | undefined;
  note?: string | undefined;
}

/** A departure resolved to a developer of the analysis. */
export interface Departure {
  id: string;
  name: string;
  date?: string;
  note?: string;
}

/**
 * `--leaving bob` or `--leaving bob@corp.example=2025-06-30` (a last day after `=`). `usage`: how
 * the value was given, as errors repeat it (`handoff` takes its person the same way).
 */
export function parseLeaving(value: string, usage = '--leaving'): DepartureSpec {
  // `=2024-01-01`: the person was left out (it was looked up as someone named "=2024-01-01").
  if (/^\s*=/.test(value)) {
    throw new UsageError(`${usage} ${value}: no one named before "="`, { hint: `write who leaves before it: ${usage} "<name or email>${value.trim()}"` });
  }
  const match = /^(.*?)\s*=\s*(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (match && match[1]) {
    const date = match[2] as string;
    if (!isRealDay(date)) throw new UsageError(`${usage} ${value}: ${date} is not a real date`, { hint: 'write the last day as YYYY-MM-DD' });
    return { who: match[1].trim(), date };
  }
  // What follows the last `=` was meant as a date unless it is the rest of an email (`a=b@x.example`
  // is an address): `evan=tomorrow` was looked up as a person named "evan=tomorrow".
  const equals = value.lastIndexOf('=');
  const after = value.slice(equals + 1).trim();
  // `bob@corp.example=`: the date was left out (it was looked up as a person named with the "=").
  if (equals > 0 && after === '') {
    throw new UsageError(`${usage} ${value}: no date after "="`, { hint: `write the last day after it, e.g. ${usage} "${value.slice(0, equals).trim()}=YYYY-MM-DD", or leave out the "=" for no date` });
  }
  if (equals > 0 && !after.includes('@')) {
    // The name without a date already written after it (`ada=2026-12-31=x` suggested `ada=2026-12-31=YYYY-MM-DD`).
    const name = value.slice(0, equals).trim().replace(/\s*=\s*\d{4}-\d{2}-\d{2}$/, '');
    throw new UsageError(`${usage} ${value}: "${after}" is not a date`, { hint: `write the last day as YYYY-MM-DD: ${usage} "${name}=YYYY-MM-DD"` });
  }
  return { who: value.trim() };
}

/**
 * Config departures plus `--leaving` flags, resolved to developers (unknown or ambiguous people are
 * UsageErrors). A person named twice is one departure: a date beats no date, the earliest date wins.
 */
export function resolveDepartures(
  developers: readonly DeveloperSummary[],
  input: {
    config?: readonly DepartureSpec[];
    leaving?: readonly string[];
    people?: readonly PersonAliasInput[];
    bots?: ResolveOptions['bots'];
    /**
     * Called for a config departure nobody of the analysed history matches, or nearly matches, which
     * is then left out rather than an error: for an analysis of the past (--rev, --until), where
     * someone who joined later has no commit yet. Without it, or for a near miss, it is an error (a
     * typo in the config, or a name the person did not use yet).
     */
    notYetThere?: ((message: string) => void) | undefined;
    /**
     * In a shallow clone: its oldest fetched commit's day, and what is told of a config departure
     * dated before it that nobody of the fetched history matches, and nobody in it comes close to.
     * Someone who left before the fetched history begins has no commit in it, and someone with no
     * commit in the analysis owns nothing in it, so leaving them out changes no figure (a CI test on
     * vuejs/core: `check --allow-shallow` failed on a departure of 2022). Undated or later entries
     * stay errors: a misnamed person who is in the clone must not soften the gate (a review).
     */
    beyondShallow?: { since: string; warn: (message: string) => void } | undefined;
    /** Told of a last day before the person's own last commit (most likely a mistyped year). */
    warn?: ((message: string) => void) | undefined;
    /** Where a config key sits (`.talentrisk.yml:12:9`), for messages about config entries. */
    locate?: ((keyPath: readonly (string | number)[]) => string) | undefined;
    mailmapped?: ResolveOptions['mailmapped'];
    mailmapNames?: ResolveOptions['mailmapNames'];
    historyEnds?: ResolveOptions['historyEnds'];
    shallowSince?: ResolveOptions['shallowSince'];
    /**
     * Anyone named whom nobody of the analysed history is (or nearly is) is left out silently: for
     * `check --new-only`'s merge base, where the names were resolved at the revision already and
     * someone who joined in the change authors nothing.
     */
    absentLeftOut?: boolean | undefined;
  },
): Departure[] {
  // A config entry is named by where it sits when that is known, as other config errors are.
  const configKey = (index: number, key: 'who' | 'date'): string => (input.locate ? `${input.locate(['departures', index, key])} departures.${index}.${key}` : `config departures[${index}].${key}`);
  const specs: { spec: DepartureSpec; source: string; dateSource: string; inConfig: boolean }[] = [
    ...(input.config ?? []).map((spec, index) => ({ spec, source: configKey(index, 'who'), dateSource: configKey(index, 'date'), inConfig: true })),
    ...(input.leaving ?? []).map((value) => ({ spec: parseLeaving(value), source: '--leaving', dateSource: '--leaving', inConfig: false })),
  ];
  const byId = new Map<string, Departure>();
  // Where each kept date was written, and the person's last commit, for the check after the loop.
  const dated = new Map<string, { source: string; lastCommit: string }>();
  // Every entry that names nobody (or several people) is reported at once: each typo cost a CI run.
  const problems: UsageError[] = [];
  for (const { spec, source, dateSource, inConfig } of specs) {
    if (spec.date !== undefined && !isRealDay(spec.date)) {
      problems.push(new UsageError(`${dateSource}: ${spec.date} is not a real date`, { hint: 'write the last day as YYYY-MM-DD' }));
      continue;
    }
    let developer: Pick<DeveloperSummary, 'id' | 'name' | 'lastCommit'>;
    try {
      developer = resolvePerson(developers, spec.who, { people: input.people, source, bots: input.bots, mailmapped: input.mailmapped, mailmapNames: input.mailmapNames, historyEnds: input.historyEnds, shallowSince: input.shallowSince });
    } catch (error) {
      if (error instanceof UnknownPersonError && input.absentLeftOut) continue;
      if (error instanceof UnknownPersonError && input.notYetThere && inConfig) {
        // A near miss stays an error, as in a shallow clone: commons-lang's "Gary Gregory" went by
        // "Gary D. Gregory" in 2015, and `check --until 2015-01-01` passed without his departure (a tester).
        if (error.hint?.startsWith('closest known')) {
          problems.push(new UnknownPersonError(error.message, { hint: `${error.hint}; before a revision a person may have gone by another name: name them by email in the config, which outlasts a name` }));
          continue;
        }
        input.notYetThere(`${source}: nobody in the analysed history is "${spec.who}"; left out of the departures (they may have joined later)`);
        continue;
      }
      const shallow = input.beyondShallow;
      if (error instanceof UnknownPersonError && shallow && inConfig && !error.hint?.startsWith('closest known')) {
        if (spec.date !== undefined && spec.date < shallow.since) {
          shallow.warn(`${source}: nobody in this shallow clone's history is "${spec.who}", who left on ${spec.date}, before its oldest commit (${shallow.since}); left out of the departures: if the name is misspelt, correct it (\`git fetch --unshallow\` reads the whole history, where a wrong name is an error)`);
          continue;
        }
        // Still an error, saying what the clone leaves out: the hint alone ("scan --format json lists
        // them all") led to a scan that failed the same way (a re-test on vuejs/core).
        problems.push(
          new UnknownPersonError(error.message, {
            hint: `this shallow clone's history begins on ${shallow.since}: someone whose commits are all older is not in it; give their last day, if it was before then, to leave them out, or fetch the whole history (\`git fetch --unshallow\`)`,
          }),
        );
        continue;
      }
      if (!(error instanceof UsageError)) throw error;
      problems.push(error);
      continue;
    }
    const current = byId.get(developer.id) ?? { id: developer.id, name: developer.name };
    // Two different last days for one person are a mistake to correct, not a choice to make: the
    // earlier one won silently (`handoff 'David Lord=2027-01-31' --leaving 'David Lord=2027-02-28'`,
    // flask, a tester). The same day twice is one departure.
    const earlier = dated.get(developer.id);
    if (spec.date && current.date && spec.date !== current.date && earlier) {
      const [first, second] = [{ date: current.date, at: earlier.source }, { date: spec.date, at: dateSource }].sort((a, b) => (a.date < b.date ? -1 : 1)) as [{ date: string; at: string }, { date: string; at: string }];
      // Where each was written, when that tells them apart (a config entry and a flag).
      const where = (at: string) => (first.at === second.at ? '' : ` (${at})`);
      problems.push(
        new UsageError(`${printable(developer.name)} is given two different last days: ${first.date}${where(first.at)} and ${second.date}${where(second.at)}`, {
          hint: 'give one last day per person (the same day twice is fine): drop or correct one of them',
        }),
      );
      continue;
    }
    // With one date, its entry's note goes with it (or none): two entries' fields were mixed (an
    // EM test). Without any date, the first note.
    if (spec.date && !current.date) {
      current.date = spec.date;
      dated.set(developer.id, { source: dateSource, lastCommit: developer.lastCommit });
      if (spec.note) current.note = spec.note;
      else delete current.note;
    } else if (!current.date && !spec.date && spec.note && !current.note) {
      current.note = spec.note;
    }
    byId.set(developer.id, current);
  }
  if (problems.length === 1) throw problems[0] as UsageError;
  if (problems.length > 1) {
    throw new UsageError(problems.map((problem) => problem.withHint).join('\n'), {
      hint: 'name each by email or alias (`talentrisk scan --format json` lists the developers), or remove the entry',
    });
  }
  // A last day before the person's own last commit is accepted (they count as gone from that day),
  // but is most likely a mistyped year: `ada=2024-06-30` for someone who committed last week.
  for (const departure of byId.values()) {
    const where = dated.get(departure.id);
    if (!input.warn || !where || !departure.date) continue;
    if (lastDayBeforeLastCommit(departure.date, where.lastCommit)) {
      input.warn(`${where.source}: ${departure.name}'s last day ${departure.date} is before their last commit (${where.lastCommit.slice(0, 10)}); check the date (a last day already past counts them as gone since that day)`);
    }
  }
  return [...byId.values()].sort(compareDepartures);
}

/**
 * Whether a last day (YYYY-MM-DD) is before the day of a last commit (ISO). The commit is known as
 * an instant, not as the day its author wrote: only a day before that commit's day in every time
 * zone (UTC−14) counts, so a commit at 23:30 in New York on the last day is no "later commit" (it is
 * the next day in UTC). The departure warning and the handoff document both judge by this.
 */
export function lastDayBeforeLastCommit(lastDay: string, lastCommit: string): boolean {
  const time = Date.parse(lastCommit);
  return !Number.isNaN(time) && lastDay < new Date(time - 14 * 3_600_000).toISOString().slice(0, 10);
}

function compareDepartures(a: Departure, b: Departure): number {
  return (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);
}

/**
 * The author sets once `departing` have left (no reassignment), over an optional base (for example
 * the current, decayed authors). `check` uses it for a critical system's bus factor after departures:
 * `truckFactorOf(systemFiles, nameOf, authorsAfter(ids))`.
 */
export function authorsAfter(departing: Iterable<string>, base: AuthorsOf = (file) => file.authors): AuthorsOf {
  const gone = new Set(departing);
  if (gone.size === 0) return base;
  return (file) => base(file).filter((id) => !gone.has(id));
}

/**
 * Knowledge lost in a set of files (a module, a critical system) when `departing` leave: the files
 * that had an author and have none after, and their share of the set. `check` compares the share
 * with a system's `maxKnowledgeLoss`.
 */
export function knowledgeLossOf(files: readonly FileOwnership[], departing: Iterable<string>, base: AuthorsOf = (file) => file.authors): { lostFiles: string[]; share: number } {
  const after = authorsAfter(departing, base);
  const lostFiles = files.filter((file) => base(file).length > 0 && after(file).length === 0).map((file) => file.path);
  return { lostFiles, share: files.length > 0 ? lostFiles.length / files.length : 0 };
}

export type SuccessorStrength = 'author' | 'ok' | 'weak' | 'none';

export interface Successor {
  id: string;
  doa: number;
  normDoa: number;
  fa: 0 | 1;
  dl: number;
  /** Commits of theirs on the file: FA + DL. */
  commits: number;
  /** Unix seconds of their newest event on the file. */
  lastChange: number;
  /** Of `dl`, the changes made in bulk commits (FileContribution.bulk); absent when none. */
  bulk?: number;
  /** Their whole history, when it is one contribution (one-off.ts; talentrisk extension, none under --model classic). */
  oneOff?: OneOff;
}

/** A developer's standing on a file, as a successor's evidence; `oneOffs`: the one-off contributors (oneOffContributors). */
export function successorOf(c: FileContribution, oneOffs: ReadonlyMap<string, OneOff> = NO_ONE_OFFS): Successor {
  const successor: Successor = { id: c.developer, doa: c.doa, normDoa: c.normDoa, fa: c.fa, dl: c.dl, commits: c.fa + c.dl, lastChange: c.lastChange };
  if (c.bulk !== undefined && c.bulk > 0) successor.bulk = c.bulk;
  const oneOff = oneOffs.get(c.developer);
  if (oneOff) successor.oneOff = oneOff;
  return successor;
}

const NO_ONE_OFFS: ReadonlyMap<string, OneOff> = new Map();

/**
 * Whether every change someone made to a file was in a bulk commit (a sweep or a reorganisation of
 * BULK_CHANGES files or more; FileContribution.bulk): they did not create it, and changed it only that way.
 * The published figures count those changes (METRICS §4); the reports say so beside the successor
 * (talentrisk extension). spring-boot: Phillip Webb was the successor of 1,050 of the 1,773 files
 * two departures orphaned, on 523 of them through a directory move and a copyright sweep only (an
 * engineering manager's test).
 */
export function isBulkOnly(c: Pick<Successor, 'fa' | 'dl' | 'bulk'>): boolean {
  return c.fa === 0 && c.dl > 0 && (c.bulk ?? 0) >= c.dl;
}

/**
 * The contribution with the highest DOA on the file among those `eligible` takes, between equal
 * DOAs one `preferred` takes (when given), then the most recent change (then the lower id):
 * contributions are sorted by DOA (ties by id), so it is the first one taken, or a later one with
 * the same DOA that is preferred or changed the file more recently.
 */
export function highestDoaOf(file: FileOwnership, eligible: (c: FileContribution) => boolean, preferred?: (c: FileContribution) => boolean): FileContribution | undefined {
  let best: FileContribution | undefined;
  let bestPreferred = false;
  for (const c of file.contributions) {
    if (!eligible(c)) continue;
    if (best && c.doa !== best.doa) break;
    const isPreferred = preferred?.(c) ?? false;
    if (!best || (isPreferred && !bestPreferred) || (isPreferred === bestPreferred && c.lastChange > best.lastChange)) {
      best = c;
      bestPreferred = isPreferred;
    }
  }
  return best;
}

/**
 * Changed the file hands-on: created it, or changed it outside bulk commits (not isBulkOnly), and is
 * no one-off contributor (one-off.ts). What a successor is preferred for between equal DOAs, and
 * what names someone beside a successor who is not (handsOnSuccessorOf).
 */
function handsOn(c: FileContribution, oneOffs: ReadonlyMap<string, OneOff>): boolean {
  return !isBulkOnly(c) && !oneOffs.has(c.developer);
}

/**
 * The remaining developer with the highest DOA on the file, and how strong a successor they are.
 * Between equal DOAs, someone who changed it hands-on (not only in bulk commits) and is no one-off
 * contributor (`oneOffs`; talentrisk extension, none under --model classic), then the one who changed
 * the file most recently (then the lower id): a tie went by name, to someone who last touched the
 * file six years before the other (an EM test on httpd), and by recency to a one-off: helm's
 * secrets.go went to Josh Soref, whose one commit fixed spelling in 31 files, over Martin Hickey,
 * who had changed it by hand, at the same DOA (a first-time user). Equal DOAs give equal normDOAs and
 * strengths: no figure changes, only who is named.
 */
export function bestSuccessor(
  file: FileOwnership,
  gone: ReadonlySet<string>,
  authorsAfterwards: readonly string[],
  weak = WEAK_SUCCESSOR_NORM_DOA,
  oneOffs?: ReadonlyMap<string, OneOff>,
): { successor?: Successor; strength: SuccessorStrength } {
  const best = highestDoaOf(file, (c) => !gone.has(c.developer), oneOffs ? (c) => handsOn(c, oneOffs) : undefined);
  if (!best) return { strength: 'none' };
  const successor = successorOf(best, oneOffs);
  // Below the author floor a successor is weak whatever their normDOA: one typo fix on a file its
  // creator barely touched made normDOA 0.57 and an "ok" successor, and took the file out of the
  // handoff's walk-throughs (flask: Hynek Schlawack, DOA 2.37 on docs/appcontext.rst; a tester).
  const strength: SuccessorStrength = authorsAfterwards.includes(best.developer) ? 'author' : knowsEnough(best, weak) ? 'ok' : 'weak';
  return { successor, strength };
}

/** Whether a successor who is no author knows the file enough not to be weak: normDOA at the weak line or above, and DOA at the author floor or above. */
export function knowsEnough(candidate: { normDoa: number; doa: number }, weak = WEAK_SUCCESSOR_NORM_DOA): boolean {
  return candidate.normDoa >= weak && candidate.doa >= AUTHOR_ABS_THRESHOLD;
}

/**
 * A one-off successor's hands-on alternative needs at least this share of their DOA: the share of the
 * file's highest DOA an author needs (normDOA above 0.75, METRICS §4), the line at which the model
 * already counts two people as knowing a file alike. helm's cmd/helm/plugin_list.go: Efrat19 (one-off,
 * DOA 3.02) and Matthew Fisher (2.82, 0.94 of it).
 */
export const COMPARABLE_DOA_SHARE = AUTHOR_NORM_THRESHOLD;

/**
 * Beside a successor who did not work on the file themselves, who stays, is available and did
 * (talentrisk extension, none under --model classic): the handoff's and scan's "hands-on".
 * - the successor's every change was in a bulk commit (isBulkOnly): the highest DOA among those who
 *   created the file or changed it otherwise (spring-boot: Phillip Webb, successor of 412 of Stéphane
 *   Nicoll's files through a directory move and a copyright sweep only; an EM test);
 * - the successor is a one-off contributor (one-off.ts): the highest DOA among those who changed it
 *   hands-on and are no one-off contributors, when it is comparable to theirs (COMPARABLE_DOA_SHARE).
 * Between equal DOAs, no one-off contributor first, then the most recent change.
 */
export function handsOnSuccessorOf(file: FileOwnership, unavailable: ReadonlySet<string>, successor: Successor | undefined, model: ModelName, oneOffs: ReadonlyMap<string, OneOff> = NO_ONE_OFFS): Successor | undefined {
  if (model === 'classic' || !successor) return undefined;
  const available = (c: FileContribution) => !unavailable.has(c.developer) && c.developer !== successor.id;
  if (isBulkOnly(successor)) {
    const best = highestDoaOf(file, (c) => available(c) && !isBulkOnly(c), (c) => !oneOffs.has(c.developer));
    return best ? successorOf(best, oneOffs) : undefined;
  }
  if (!successor.oneOff) return undefined;
  const best = highestDoaOf(file, (c) => available(c) && handsOn(c, oneOffs));
  return best && best.doa >= COMPARABLE_DOA_SHARE * successor.doa ? successorOf(best, oneOffs) : undefined;
}

/** The one-off contributors successors are told apart from (one-off.ts): none under --model classic, which adds nothing to the published model. */
export function oneOffsOf(analysis: Pick<Analysis, 'developers' | 'settings' | 'model' | 'repository'>): Map<string, OneOff> {
  // Not in a shallow clone, whose commit counts are the fetched history's: a regular of 26 commits
  // read "2 commits in the whole history" at depth 6 (a review).
  return analysis.model === 'classic' || analysis.repository.isShallow ? new Map() : oneOffContributors(analysis);
}

export interface FileSuccession {
  path: string;
  module: string;
  /** orphaned: no author left; single-owner: exactly one author left. */
  status: 'orphaned' | 'single-owner';
  /** Its authors who are leaving. */
  departingAuthors: string[];
  remainingAuthors: string[];
  successor?: Successor;
  strength: SuccessorStrength;
  /** Beside a successor who did not work on the file themselves (bulk commits only, a one-off contributor): handsOnSuccessorOf. */
  handsOnSuccessor?: Successor;
  /** Events on the file by anyone (FileOwnership.events): how much work went into it. */
  events: number;
  /**
   * Commits on the file (FA + DL) by the people leaving, together: how much of its work leaves with
   * them, as the handoff's "their commits". Scan lists the orphaned files by it: redis's first rows
   * were src/zipmap.c and src/version.h (no successor) while src/server.c, 780 of antirez's commits
   * with a successor who barely knows it, was among "227 more files" (a first-time user).
   */
  departingCommits: number;
}

export interface ModuleDeparture {
  path: string;
  /** As the analysis's module (ModuleOwnership.kind): a workspace package named like a test library is code (modules.ts testLibraries). */
  kind: ModuleOwnership['kind'];
  files: number;
  truckFactorBefore: TruckFactor;
  truckFactorAfter: TruckFactor;
  orphanFilesBefore: number;
  orphanFilesAfter: number;
  /** Files whose authors were all departing (they lose their last author). */
  lostFiles: string[];
  /** lostFiles / files. */
  knowledgeLost: number;
  /** Had an authored file before, has none after. */
  isOrphaned: boolean;
  /** Departing developers who author files of the module, most files first. */
  departingOwners: TruckFactorMember[];
}

export interface DepartureFigures {
  truckFactor: TruckFactor;
  orphanFiles: number;
}

export interface TimelineStep {
  /** Last day of the people leaving at this step; undefined for undated departures (assumed now). */
  date?: string;
  leaving: string[];
  /** Everyone gone after this step. */
  gone: string[];
  truckFactor: TruckFactor;
  /** Files orphaned by the departures so far. */
  orphanedFiles: number;
  orphanedModules: string[];
  /** Modules that lost knowledge so far: path, share lost and truck factor. */
  modules: { path: string; knowledgeLost: number; truckFactor: number }[];
}

export interface DeparturesResult {
  departures: (Departure & { filesAuthored: number; soleAuthorFiles: number })[];
  files: number;
  before: DepartureFigures;
  after: DepartureFigures;
  orphanedFiles: FileSuccession[];
  singleOwnerFiles: FileSuccession[];
  orphanedModules: string[];
  /** Modules where someone leaving authors a file: most knowledge lost first. */
  modules: ModuleDeparture[];
  /** One step per departure date (empty when no departure has a date). */
  timeline: TimelineStep[];
  weakSuccessorThreshold: number;
  /** True when some developers who stay were not considered as successors (options.unavailable, e.g. inactive). */
  successorsFiltered: boolean;
  /**
   * Files a departing developer authors that no available (active) developer who stays authors
   * afterwards: the orphaned ones, and those whose remaining authors are all unavailable (inactive).
   * The handoff's "left with no active author"; the published figures count inactive authors (redis
   * at 2020-06-30: 242 files lose their last author, 276 their last active one; a first-time user).
   */
  noActiveAuthorFiles: number;
  /** Of those, the files that keep authors, all of them unavailable (inactive), by path. */
  onlyInactiveAuthorsLeft: string[];
  /**
   * Last commit (ISO) of the remaining authors and successors the files name: the single-owner
   * line says since when the one owner left is inactive.
   */
  lastCommits: Record<string, string>;
  /**
   * Successors, and remaining authors, who are fading out (options.fading: still active, but no
   * commit in the last fadingAfterDays days): id → whole days since their last commit.
   */
  fading: Record<string, number>;
  /** The bound of `fading` (half of model.inactiveAfter), when fading successors are judged (options.fading given). */
  fadingAfterDays?: number;
  /** Display name of every developer id the result mentions. */
  names: Record<string, string>;
  /** Events (FileOwnership.events) of the analysed files per module, on average: what a busy small module is measured against (busySmallModules). */
  eventsPerModule: number;
  /**
   * Per module with orphaned files, each successor of those files: the module's files they author
   * after the departures, and their changes (FA + DL) to its files. What breaks a tie for "best
   * placed" (takeOverByModule): helm's root module went to sayboras, one commit, over Matt Butcher,
   * the author of 5 of its 10 files, both successor on one of its lost files (a first-time user).
   */
  successorStanding: Record<string, Record<string, ModuleStanding>>;
}

/** Someone's standing in a module: the files of it they author, and their changes (FA + DL) to its files. */
export interface ModuleStanding {
  files: number;
  changes: number;
}

export interface DepartureOptions {
  /** Author sets before the departures (default: the classic authors). */
  authorsOf?: AuthorsOf;
  /** Other people who cannot be successors, nor count as an active author (inactive developers). */
  unavailable?: Iterable<string>;
  weakSuccessorThreshold?: number;
  /** Active developers whose last commit is over `afterDays` days old (fadingDevelopers): id → days; marked where named. */
  fading?: { developers: ReadonlyMap<string, number>; afterDays: number };
}

/** What leaves with the departing developers (METRICS.md §8). */
export function computeDepartures(analysis: Analysis, departures: readonly Departure[], options: DepartureOptions = {}): DeparturesResult {
  const weak = options.weakSuccessorThreshold ?? WEAK_SUCCESSOR_NORM_DOA;
  const baseline = baselineOf(analysis, options.authorsOf);
  const { ids } = baseline.index.developers;
  const moduleOf = moduleOfFile(analysis);
  const gone = new Set(departures.map((d) => d.id));
  const goneFlags = developerFlags(baseline.index, gone);
  const unavailable = new Set([...gone, ...(options.unavailable ?? [])]);
  const impact = impactOf(baseline, gone);
  const oneOffs = oneOffsOf(analysis);

  const orphanedFiles: FileSuccession[] = [];
  const singleOwnerFiles: FileSuccession[] = [];
  const onlyInactiveAuthorsLeft: string[] = [];
  let noActiveAuthorFiles = 0;
  const soleCounts = new Map<string, { authored: number; sole: number }>();
  const { start, developer } = baseline.authors;
  for (let number = 0; number < analysis.files.length; number++) {
    const first = start[number] as number;
    const end = start[number + 1] as number;
    let departing = 0;
    for (let k = first; k < end; k++) if (isFlagged(goneFlags, developer[k] as number)) departing += 1;
    if (departing === 0) continue;
    const file = analysis.files[number] as FileOwnership;
    const departingAuthors: string[] = [];
    const remainingAuthors: string[] = [];
    for (let k = first; k < end; k++) {
      const author = developer[k] as number;
      (isFlagged(goneFlags, author) ? departingAuthors : remainingAuthors).push(ids[author] as string);
    }
    for (const id of departingAuthors) {
      const entry = soleCounts.get(id) ?? { authored: 0, sole: 0 };
      entry.authored += 1;
      if (end - first === 1) entry.sole += 1;
      soleCounts.set(id, entry);
    }
    if (remainingAuthors.every((id) => unavailable.has(id))) {
      noActiveAuthorFiles += 1;
      if (remainingAuthors.length > 0) onlyInactiveAuthorsLeft.push(file.path);
    }
    if (remainingAuthors.length > 1) continue;
    const { successor, strength } = bestSuccessor(file, unavailable, remainingAuthors, weak, oneOffs);
    const handsOnSuccessor = handsOnSuccessorOf(file, unavailable, successor, analysis.model, oneOffs);
    let departingCommits = 0;
    for (const c of file.contributions) if (gone.has(c.developer)) departingCommits += c.fa + c.dl;
    const entry: FileSuccession = {
      path: file.path,
      module: moduleOf(file.path),
      status: remainingAuthors.length === 0 ? 'orphaned' : 'single-owner',
      departingAuthors,
      remainingAuthors,
      strength,
      events: file.events,
      departingCommits,
      ...(successor ? { successor } : {}),
      ...(handsOnSuccessor ? { handsOnSuccessor } : {}),
    };
    (entry.status === 'orphaned' ? orphanedFiles : singleOwnerFiles).push(entry);
  }

  const orphanBefore = orphansOf(baseline.index.allFiles, baseline.authors, baseline.authors).before;
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  // The people the files name after the departures: since when the one owner left is inactive,
  // and which successors are fading out.
  const named = new Set<string>();
  for (const file of [...orphanedFiles, ...singleOwnerFiles]) {
    for (const id of file.remainingAuthors) named.add(id);
    if (file.successor) named.add(file.successor.id);
    if (file.handsOnSuccessor) named.add(file.handsOnSuccessor.id);
  }
  const lastCommitOf = new Map(analysis.developers.map((d) => [d.id, d.lastCommit]));
  const byId = (entries: [string, string | number][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
  const lastCommits = byId([...named].flatMap((id): [string, string][] => (lastCommitOf.get(id) ? [[id, lastCommitOf.get(id) as string]] : [])));
  const fadingIds = options.fading?.developers ?? new Map<string, number>();
  const fading = byId([...named].flatMap((id): [string, number][] => (fadingIds.has(id) ? [[id, fadingIds.get(id) as number]] : []))) as Record<string, number>;
  return {
    names: Object.fromEntries([...names].sort(([a], [b]) => (a < b ? -1 : 1))),
    departures: departures.map((d) => ({ ...d, filesAuthored: soleCounts.get(d.id)?.authored ?? 0, soleAuthorFiles: soleCounts.get(d.id)?.sole ?? 0 })),
    files: analysis.files.length,
    before: { truckFactor: baseline.repository.truckFactor, orphanFiles: orphanBefore },
    after: { truckFactor: impact.truckFactor, orphanFiles: orphanBefore + impact.orphaned.length },
    orphanedFiles,
    singleOwnerFiles,
    orphanedModules: impact.modules.filter((m) => m.isOrphaned).map((m) => m.path),
    modules: impact.modules,
    timeline: departures.some((d) => d.date) ? timeline(baseline, departures, analysis.settings.referenceDate.slice(0, 10)) : [],
    weakSuccessorThreshold: weak,
    successorsFiltered: unavailable.size > gone.size,
    noActiveAuthorFiles,
    onlyInactiveAuthorsLeft,
    lastCommits: lastCommits as Record<string, string>,
    fading,
    ...(options.fading ? { fadingAfterDays: options.fading.afterDays } : {}),
    eventsPerModule: averageModuleEvents(analysis),
    successorStanding: successorStandingOf(analysis, orphanedFiles, authorsAfter(gone, options.authorsOf)),
  };
}

/** DeparturesResult's successorStanding: for each module with orphaned files, its successors' standing in it. */
function successorStandingOf(analysis: Analysis, orphanedFiles: readonly FileSuccession[], after: AuthorsOf): Record<string, Record<string, ModuleStanding>> {
  const successors = new Map<string, Set<string>>();
  for (const file of orphanedFiles) {
    if (!file.successor) continue;
    const ids = successors.get(file.module) ?? new Set<string>();
    ids.add(file.successor.id);
    successors.set(file.module, ids);
  }
  const groups = filesByModule(analysis);
  const result: Record<string, Record<string, ModuleStanding>> = {};
  for (const [module, ids] of [...successors].sort(([a], [b]) => (a < b ? -1 : 1))) {
    result[module] = moduleStandingOf(groups.get(module) ?? [], ids, after);
  }
  return result;
}

/** Each of `ids`' standing in a module's files: the files they author (by `authorsOf`), and their changes to them. */
export function moduleStandingOf(files: readonly FileOwnership[], ids: ReadonlySet<string>, authorsOf: AuthorsOf): Record<string, ModuleStanding> {
  const standing = new Map([...ids].map((id) => [id, { files: 0, changes: 0 }]));
  for (const file of files) {
    for (const id of authorsOf(file)) {
      const entry = standing.get(id);
      if (entry) entry.files += 1;
    }
    for (const c of file.contributions) {
      const entry = standing.get(c.developer);
      if (entry) entry.changes += c.fa + c.dl;
    }
  }
  return Object.fromEntries([...standing].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The modules losing knowledge in the order scan lists them: tests, fixtures, examples, docs and
 * modules of fewer than SMALL_MODULE_FILES files after the others (isSecondaryModule), each group
 * in computeDepartures' order (most knowledge lost first). A small module that loses every author
 * and whose files were worked on (events, by anyone) at least as much as an average module's is
 * listed with the others: spring-boot's `platform` (2 files, 9,890 events, one of them the most
 * changed file of the repository, against 6,285 per module) came last of the table, below
 * `loader`, which loses 2 of 287 files (an engineering manager's test). Tiny modules stay last
 * otherwise: hugo's twelve modules of 1 to 4 files had buried its 206-file tpl (its snapcraft.yaml,
 * 460 events against 524 per module, stays there too).
 */
export function modulesInListingOrder(result: Pick<DeparturesResult, 'modules' | 'orphanedFiles' | 'eventsPerModule'>, busy = busySmallModules(result)): ModuleDeparture[] {
  const secondary = (module: ModuleDeparture) => isSecondaryModule(module) && !busy.has(module.path);
  return [...result.modules].sort((a, b) => Number(secondary(a)) - Number(secondary(b)));
}

/** The small modules modulesInListingOrder lists with the others: orphaned, of code, and busy. */
export function busySmallModules(result: Pick<DeparturesResult, 'modules' | 'orphanedFiles' | 'eventsPerModule'>): Set<string> {
  const lostEvents = new Map<string, number>();
  for (const file of result.orphanedFiles) lostEvents.set(file.module, (lostEvents.get(file.module) ?? 0) + file.events);
  const busy = result.modules.filter((module) => isBusySmallModule(module, module.isOrphaned, lostEvents.get(module.path) ?? 0, result.eventsPerModule, ownLibrary(module)));
  return new Set(busy.map((module) => module.path));
}

/** The events of the analysed files per module, on average: what a busy small module is measured against. */
export function averageModuleEvents(analysis: Pick<Analysis, 'files' | 'modules'>): number {
  return analysis.modules.length > 0 ? analysis.files.reduce((sum, file) => sum + file.events, 0) / analysis.modules.length : 0;
}

/**
 * A module of code of fewer than SMALL_MODULE_FILES files that is left with no author and whose lost
 * files were changed at least as often as an average module's (`lostEvents` against
 * `eventsPerModule`): listed with the others, not with the small ones (spring-boot's 2-file
 * `platform`). Scan's departures and the handoff's areas both judge it so.
 */
export function isBusySmallModule(module: { path: string; files: number }, leftWithNoAuthor: boolean, lostEvents: number, eventsPerModule: number, libraries: readonly string[]): boolean {
  return module.files < SMALL_MODULE_FILES && leftWithNoAuthor && !isSupportingModule(module.path, libraries) && lostEvents >= eventsPerModule;
}

/**
 * One step per last day, in the order they happen: an undated departure leaves now (the analysis
 * date, `today`), so a last day already past comes before it, and later ones after it.
 */
function timeline(baseline: Baseline, departures: readonly Departure[], today: string): TimelineStep[] {
  const when = (d: Departure) => d.date ?? today;
  const inOrder = [...departures].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : (a.date === undefined) !== (b.date === undefined) ? (a.date === undefined ? -1 : 1) : compareDepartures(a, b)));
  const steps = new Map<string, Departure[]>();
  for (const departure of inOrder) {
    const key = departure.date ?? '';
    steps.set(key, [...(steps.get(key) ?? []), departure]);
  }
  const gone = new Set<string>();
  const result: TimelineStep[] = [];
  for (const [date, leaving] of steps) {
    for (const d of leaving) gone.add(d.id);
    const impact = impactOf(baseline, gone);
    result.push({
      ...(date ? { date } : {}),
      leaving: leaving.map((d) => d.id),
      gone: [...gone],
      truckFactor: impact.truckFactor,
      orphanedFiles: impact.orphaned.length,
      orphanedModules: impact.modules.filter((m) => m.isOrphaned).map((m) => m.path),
      modules: impact.modules.filter((m) => m.knowledgeLost > 0).map((m) => ({ path: m.path, knowledgeLost: m.knowledgeLost, truckFactor: m.truckFactorAfter.value })),
    });
  }
  return result;
}

/**
 * What naming a bot is checked against: the bots of the analysis, and under the default model the
 * patterns that made them bots (so an email or a bot not in this history is recognised too).
 */
export function botsOf(analysis: Pick<Analysis, 'bots' | 'model'>, patterns: readonly string[]): NonNullable<ResolveOptions['bots']> {
  return { names: analysis.bots, isBot: analysis.model === 'classic' ? undefined : createBotMatcher(patterns) };
}

/**
 * For an analysis of the past (a revision other than HEAD's commit: --rev, --until), where a config
 * departure may name someone who joined later: such a departure is left out with a warning in the
 * analysis's warnings (printed and stored with the report) instead of failing the command (an EM
 * test: `--until` could not be used with a config that lists today's departures). At HEAD's
 * commit, however it is named (`--rev main`, its id, `--until` today), it stays an error: a typo
 * in a departure must not soften the CI gate. `head`: HEAD's commit id.
 */
export function notYetThereIn(analysis: Pick<Analysis, 'repository' | 'warnings'>, head: string | undefined): ((message: string) => void) | undefined {
  if (head === undefined || analysis.repository.revision === head) return undefined;
  return warnOnceIn(analysis);
}

/** Adds a warning to the analysis's warnings (printed and stored with the report), once. */
export function warnOnceIn(analysis: Pick<Analysis, 'warnings'>): (message: string) => void {
  return (message) => {
    if (!analysis.warnings.includes(message)) analysis.warnings.push(message);
  };
}

/**
 * When everyone who stays is inactive, so nobody can be a successor: the last day anyone committed
 * (the people leaving included); undefined when someone who stays is active. Whether `--until` that
 * day would help is the reports' to judge: only when that day is itself outside the inactivity
 * window (an old clone, or an old history with a merge made today; a solo maintainer leaving beside
 * long-gone others is not helped by a date: a review). From the developers' own commits: the
 * revision's date, which a merge or cherry-pick made today moves, had hidden it. Scan's departures
 * section and the handoff both judge it here.
 */
export function nobodyActiveSince(developers: readonly Pick<DeveloperSummary, 'id' | 'lastCommit'>[], gone: ReadonlySet<string>, inactive: ReadonlySet<string>): string | undefined {
  const staying = developers.filter((developer) => !gone.has(developer.id));
  if (staying.length === 0 || staying.some((developer) => !inactive.has(developer.id))) return undefined;
  return developers.reduce((latest, developer) => (developer.lastCommit > latest ? developer.lastCommit : latest), '').slice(0, 10);
}

/** Whether `day` lies more than `days` days before `referenceDate` (then measuring from it changes who is active). */
export function olderThanWindow(day: string, referenceDate: string, days: number): boolean {
  return (Date.parse(referenceDate) - Date.parse(`${day}T23:59:59Z`)) / 86_400_000 > days;
}
