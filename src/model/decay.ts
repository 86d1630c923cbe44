import { forEachContribution } from './contribution-store.ts';
import { computeDoa, isAuthor, normalizeDoa } from './doa.ts';
import { authorsAfter, type AuthorsOf, type Departure } from './departures.ts';
import { fileNumbersByModule, moduleKinds } from './modules.ts';
import {
  authorListsWithout,
  developerFlags,
  isDecayedAuthor,
  isFlagged,
  nameLookup,
  ownershipIndexOf,
  setOf,
  summarizeSet,
  type OwnershipIndex,
} from './ownership-index.ts';
import { DECAYED_CREATOR_WEIGHT } from './ownership.ts';
import { greedyTruckFactor, rankSet, type AuthorLists } from './truck-factor.ts';
import type { Analysis, FileContribution, FileOwnership, ModuleOwnership, TruckFactor } from './types.ts';

// Recency and decay, METRICS.md §7 (talentrisk extension).
//
// The decayed figures are computed by the analysis (each event weighs 2^(-age/H) at the reference
// date, H = model.halfLife): `contribution.decayed`. This module derives from them:
// - inactive developers: no commit in the `model.inactiveAfter` days before the reference date;
// - the *current* authors and truck factor: decayed authors, minus inactive developers when
//   `model.treatInactiveAsDeparted` is set;
// - a forward projection per module (experts now and at +30, +90, +180 days).
//
// About the projection, honestly: with no new commits, waiting Δ days multiplies every event's
// weight by the same s = 2^(-Δ/H). If DOA were linear in the weights the normalization would
// cancel s and decay alone would change nothing. It is not: DOA = 3.293 + 1.098·FA + 0.164·DL −
// 0.321·ln(1 + AC) has a constant and a logarithm, so as s shrinks every developer's DOA drifts
// toward 3.293 and the normalized DOAs of a file flatten (a minor contributor's share grows; the
// absolute 3.293 floor still holds out those whose acceptances outweigh their deliveries). We
// recompute it exactly (weights × s, DOA, normDOA, author rule), but its effect is small and
// mostly adds authors; what removes experts in a projection is departures and inactivity.

const DAY = 86_400;
/** Projection horizons, in days after the reference date. */
export const PROJECTION_HORIZONS = [0, 30, 90, 180] as const;

/**
 * The horizons worth projecting to. The projection assumes nobody commits again, so from
 * `inactiveAfter` days on everyone counts as inactive and every module has 0 experts whatever its
 * history (under the default of 180 days, +180d was 0 on every repository): a horizon at which
 * every developer is inactive is left out. A last commit dated after the analysis day (a clock
 * ahead) counts as made on it (silenceOf).
 */
export function projectionHorizons(analysis: Pick<Analysis, 'settings' | 'developers'>): number[] {
  const silence = silenceOf(analysis);
  const everyoneGone = (days: number) => silence.length === analysis.developers.length && silentAt(silence, analysis.settings.inactiveAfterDays, days).length === silence.length;
  return PROJECTION_HORIZONS.filter((days) => days === 0 || analysis.developers.length === 0 || !everyoneGone(days));
}

export interface InactiveDeveloper {
  id: string;
  name: string;
  lastCommit: string;
  /** Whole days between the last commit and the reference date. */
  daysSinceLastCommit: number;
  /** Analysed files they author (classic figures). */
  filesAuthored: number;
}

function referenceTime(analysis: Pick<Analysis, 'settings'>): number {
  return Date.parse(analysis.settings.referenceDate) / 1000;
}

function daysBefore(reference: number, iso: string): number {
  return (reference - Date.parse(iso) / 1000) / DAY;
}

/**
 * Whether a last commit (ISO) is more than `inactiveAfterDays` before `reference`: the rule of
 * inactiveDevelopers, for figures kept apart from their analysis (check's stored evaluation). A
 * commit dated after the reference counts as made on it.
 */
export function inactiveAt(lastCommit: string, reference: Date, inactiveAfterDays: number): boolean {
  const days = Math.max(0, daysBefore(reference.getTime() / 1000, lastCommit));
  return !Number.isNaN(days) && days > inactiveAfterDays;
}

/**
 * The developers the critical systems count as gone for being inactive: with
 * `model.treatInactiveAsDeparted: true` (extension; none under --model classic). The gate passed on
 * owners gone for years, and declaring 51 of them leaving by hand was the only way (pytest, a team lead).
 */
export function inactiveCountedAsGone(analysis: Pick<Analysis, 'model' | 'settings' | 'developers'>, treatInactiveAsDeparted: boolean): string[] {
  return treatInactiveAsDeparted && analysis.model !== 'classic' ? inactiveDevelopers(analysis).map((developer) => developer.id) : [];
}

/**
 * The developers reports mark "(inactive)", by id: none under the classic model, which has no
 * inactivity (scan's truck factor and critical systems both ask this).
 */
export function markedInactive(analysis: Pick<Analysis, 'model' | 'settings' | 'developers'>): Set<string> {
  return new Set(analysis.model === 'classic' ? [] : inactiveDevelopers(analysis).map((developer) => developer.id));
}

/**
 * Developers with no commit in the last `inactiveAfter` days (default: the analysis setting),
 * `horizon` days after the reference date (assuming they do not commit again), longest silent first.
 */
export function inactiveDevelopers(analysis: Pick<Analysis, 'settings' | 'developers'>, options: { inactiveAfter?: number; horizon?: number } = {}): InactiveDeveloper[] {
  return inactiveAmong(silenceOf(analysis), options.inactiveAfter ?? analysis.settings.inactiveAfterDays, options.horizon ?? 0);
}

interface Silence {
  developer: Analysis['developers'][number];
  /** Days between the last commit and the reference date. */
  days: number;
}

/**
 * How long each developer has been silent at the reference date, longest first (whole days), then
 * by id: the order of inactiveDevelopers at every horizon. A developer without a readable last
 * commit date is never inactive, and is left out.
 */
function silenceOf(analysis: Pick<Analysis, 'settings' | 'developers'>): readonly Silence[] {
  const reference = referenceTime(analysis);
  // A scan asks for it four times (inactive developers, current figures, projection): parsing and
  // sorting thousands of dates each time cost more than the figures themselves.
  const known = silences.get(analysis.developers);
  if (known?.reference === reference) return known.silence;
  // A last commit dated after the reference date (a clock ahead) counts as made on it, as decay
  // weighs it: dated 2100, its author was active at every horizon for ever.
  const silence = analysis.developers
    .map((developer) => ({ developer, days: Math.max(0, daysBefore(reference, developer.lastCommit)) }))
    .filter((entry) => !Number.isNaN(entry.days))
    .sort((a, b) => Math.floor(b.days) - Math.floor(a.days) || (a.developer.id < b.developer.id ? -1 : 1));
  silences.set(analysis.developers, { reference, silence });
  return silence;
}

const silences = new WeakMap<Analysis['developers'], { reference: number; silence: readonly Silence[] }>();

/** The silent developers who are inactive `horizon` days after the reference date. */
function silentAt(silence: readonly Silence[], limit: number, horizon: number): Silence[] {
  return silence.filter(({ days }) => days + horizon > limit);
}

function inactiveAmong(silence: readonly Silence[], limit: number, horizon: number): InactiveDeveloper[] {
  return silentAt(silence, limit, horizon).map(({ developer: d, days }) => ({ id: d.id, name: d.name, lastCommit: d.lastCommit, daysSinceLastCommit: Math.floor(days), filesAuthored: d.filesAuthored }));
}

/** Decayed authors of a file (the classic ones when the analysis has no decayed figures, e.g. --model classic). */
export const decayedAuthors: AuthorsOf = (file) => file.contributions.filter(isDecayedAuthor).map((c) => c.developer);

/** The author lists of the current figures (see currentAuthorsOf). */
function currentAuthorLists(analysis: Analysis, index: OwnershipIndex, options: { treatInactiveAsDeparted: boolean }): AuthorLists {
  const decayed = index.decayedAuthors;
  if (!options.treatInactiveAsDeparted) return decayed;
  return authorListsWithout(
    decayed,
    developerFlags(
      index,
      inactiveDevelopers(analysis).map((d) => d.id),
    ),
  );
}

/** The authors the *current* figures use: decayed, minus inactive developers when they count as departed. */
export function currentAuthorsOf(analysis: Pick<Analysis, 'settings' | 'developers'>, options: { treatInactiveAsDeparted: boolean }): AuthorsOf {
  if (!options.treatInactiveAsDeparted) return decayedAuthors;
  return authorsAfter(
    inactiveDevelopers(analysis).map((d) => d.id),
    decayedAuthors,
  );
}

export interface CurrentModule {
  path: string;
  files: number;
  classic: TruckFactor;
  current: TruckFactor;
  /** Authors of the module's files under the current figures. */
  currentAuthors: string[];
}

export interface CurrentFigures {
  /** False under --model classic: no decayed figures, "current" equals classic minus inactive. */
  hasDecay: boolean;
  halfLifeDays: number;
  inactiveAfterDays: number;
  treatInactiveAsDeparted: boolean;
  inactive: InactiveDeveloper[];
  classic: TruckFactor;
  current: TruckFactor;
  modules: CurrentModule[];
  /** Display name of every developer id. */
  names: Record<string, string>;
}

/**
 * Runs `compute`, a pure function of the analysis and `inputs`, or answers it from an earlier run
 * (the CLI stores such figures beside a cached result: src/analysis-cache.ts `derived`). The
 * answer must be the same either way; the default simply computes.
 */
export type Memo = <T>(name: string, inputs: unknown, compute: () => T) => T;

const compute: Memo = (_name, _inputs, run) => run();

/** The classic and current truck factors side by side, for the repository and each module. */
export function currentFigures(analysis: Analysis, options: { treatInactiveAsDeparted: boolean }, memo: Memo = compute): CurrentFigures {
  // The per-module truck factors are the costly part (and the part worth remembering): the rest is
  // read off the analysis.
  const { modules, current } = memo('current figures', { treatInactiveAsDeparted: options.treatInactiveAsDeparted }, () => {
    const index = ownershipIndexOf(analysis.files);
    const nameOf = nameLookup(analysis);
    const authors = currentAuthorLists(analysis, index, options);
    const truckFactorOfSet = (lists: AuthorLists, files: Int32Array): TruckFactor => {
      const set = setOf(index, nameOf, lists, files);
      return greedyTruckFactor(set, rankSet(set));
    };
    const perModule: CurrentModule[] = [];
    for (const [path, files] of fileNumbersByModule(analysis)) {
      const summary = summarizeSet(setOf(index, nameOf, authors, files));
      perModule.push({ path, files: files.length, classic: truckFactorOfSet(index.classicAuthors, files), current: summary.truckFactor, currentAuthors: summary.owners.map((o) => o.id) });
    }
    return { modules: perModule, current: summarizeSet(setOf(index, nameOf, authors)).truckFactor };
  });
  return {
    // Read off the model, not the files: with no file analysed (an include that matches nothing)
    // the default model still has decayed figures, and the report must not name --model classic.
    hasDecay: analysis.model !== 'classic',
    halfLifeDays: analysis.settings.halfLifeDays,
    inactiveAfterDays: analysis.settings.inactiveAfterDays,
    treatInactiveAsDeparted: options.treatInactiveAsDeparted,
    inactive: inactiveDevelopers(analysis),
    classic: analysis.truckFactor,
    current,
    modules,
    names: Object.fromEntries(analysis.developers.map((d) => [d.id, d.name])),
  };
}

export interface ProjectedContribution {
  developer: string;
  doa: number;
  normDoa: number;
  isAuthor: boolean;
}

/**
 * Decayed DOA of every developer of a file `days` after the reference date, with no new commits:
 * every weight times 2^(-days/H), then DOA, normDOA and the author rule again (the creator
 * exemption included). Files without decayed figures (--model classic) keep their classic ones.
 */
export function projectedDoa(file: FileOwnership, halfLifeDays: number, days: number): ProjectedContribution[] {
  const doas: number[] = [];
  const scale = Math.pow(2, -days / halfLifeDays);
  const max = projectDoas(file.contributions, scale, doas);
  return file.contributions.map((c, i) => {
    const doa = doas[i] as number;
    const normDoa = normalizeDoa(doa, max);
    return { developer: c.developer, doa, normDoa, isAuthor: projectedAuthorRule(authorRuleOf(c), doa, normDoa, scale) };
  });
}

/**
 * Writes every contribution's DOA with all weights times `scale` into `doas` (the classic DOA where
 * there are no weights) and returns the highest.
 */
function projectDoas(contributions: readonly FileContribution[], scale: number, doas: number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < contributions.length; k++) {
    const doa = projectedDoaOf(contributions[k] as FileContribution, scale);
    doas[k] = doa;
    if (doa > max) max = doa;
  }
  return max;
}

/** A contribution's DOA with all its weights times `scale` (the classic DOA where there are no weights). */
function projectedDoaOf(c: Readonly<FileContribution>, scale: number): number {
  return c.decayed ? computeDoa(scale * c.decayed.fa, scale * c.decayed.dl, scale * c.decayed.ac) : c.doa;
}

/**
 * What the author rule on a projected DOA needs of a contribution: with decayed figures, its
 * weighted FA (the creator exemption holds while the creation keeps DECAYED_CREATOR_WEIGHT of its
 * weight, as in the current figures); without, whether it is a classic author.
 */
type AuthorRule = number | boolean;

function authorRuleOf(c: Readonly<FileContribution>): AuthorRule {
  return c.decayed ? c.decayed.fa : c.isAuthor;
}

/**
 * The author rule `scale` (2^(-days/H)) ahead. It read the unweighted FA, so a file's creator
 * became its author again in the projection once everyone's DOA had faded towards the floor:
 * git/git's mergetools had no expert now and Junio C Hamano at +30 days, whom a scan measured on
 * that day (`--until`) did not name (an explainability test).
 */
function projectedAuthorRule(rule: AuthorRule, doa: number, normDoa: number, scale: number): boolean {
  // The epsilon: 2^(-t/H)·2^(-d/H) can come out a hair below 2^(-(t+d)/H), which a scan on that day
  // computes, exactly at the half-weight boundary (a review: 0.49999999999999994 for 0.5).
  return typeof rule === 'boolean' ? rule : isAuthor(doa, normDoa, rule * scale >= DECAYED_CREATOR_WEIGHT - 1e-12 ? 1 : 0);
}

interface Horizon {
  days: number;
  /** Developers gone by then (departed or inactive). */
  gone: Uint8Array;
}

/**
 * The authors of each file at each horizon (projectedDoa's author rule), as author lists of the
 * index without the developers gone by then. One pass over the contributions computes every
 * horizon's DOAs (each reads the same weights).
 */
function projectedAuthorLists(index: OwnershipIndex, halfLifeDays: number, horizons: readonly Horizon[]): AuthorLists[] {
  const { files, contributions } = index;
  const scales = horizons.map((horizon) => Math.pow(2, -horizon.days / halfLifeDays));
  // Authors are contributors, so the contribution count bounds each list.
  const lists = horizons.map(() => ({ start: new Int32Array(files.length + 1), developer: new Int32Array(contributions.developer.length), length: 0 }));
  const doas = horizons.map((): number[] => []);
  const highest = horizons.map(() => Number.NEGATIVE_INFINITY);
  // What the author rule reads of each contribution besides its projected DOA (isProjectedAuthor).
  const rule: AuthorRule[] = [];
  for (let number = 0; number < files.length; number++) {
    highest.fill(Number.NEGATIVE_INFINITY);
    let count = 0;
    forEachContribution(files[number] as FileOwnership, (c, k) => {
      rule[k] = authorRuleOf(c);
      for (let h = 0; h < horizons.length; h++) {
        const doa = projectedDoaOf(c, scales[h] as number);
        (doas[h] as number[])[k] = doa;
        if (doa > (highest[h] as number)) highest[h] = doa;
      }
      count = k + 1;
    });
    const first = contributions.start[number] as number;
    for (let h = 0; h < horizons.length; h++) {
      const target = lists[h] as (typeof lists)[number];
      const { gone } = horizons[h] as Horizon;
      for (let k = 0; k < count; k++) {
        const developer = contributions.developer[first + k] as number;
        const doa = (doas[h] as number[])[k] as number;
        if (!isFlagged(gone, developer) && projectedAuthorRule(rule[k] as AuthorRule, doa, normalizeDoa(doa, highest[h] as number), scales[h] as number)) target.developer[target.length++] = developer;
      }
      target.start[number + 1] = target.length;
    }
  }
  return lists.map((list) => ({ start: list.start, developer: list.developer.slice(0, list.length) }));
}

export interface ProjectionPoint {
  days: number;
  /** ISO day of the horizon. */
  date: string;
  /** Developers who author at least one file of the module then. */
  experts: string[];
  truckFactor: number;
}

export interface ModuleProjection {
  path: string;
  /** As the analysis's module (ModuleOwnership.kind): a workspace package named like a test library is code (modules.ts testLibraries). */
  kind: ModuleOwnership['kind'];
  files: number;
  points: ProjectionPoint[];
}

export interface ProjectionResult {
  horizons: number[];
  /** Who is gone at each horizon, and why. */
  gone: { days: number; departed: string[]; inactive: string[] }[];
  modules: ModuleProjection[];
}

/** End of a departure's last day (UTC), unix seconds; undated departures count from the first horizon after now. */
function departureTime(departure: Departure, reference: number): number {
  return departure.date ? Date.parse(`${departure.date}T00:00:00Z`) / 1000 + DAY : reference + 1;
}

/**
 * Experts per module now and at each horizon, given dated departures (gone once their last day is
 * over; undated ones from the first horizon after now), inactivity (someone whose last commit will
 * be more than `inactiveAfter` days old by then; on by default, as the projection assumes nobody
 * commits again) and decay (recomputed at the horizon's date).
 */
export function projectExperts(
  analysis: Analysis,
  departures: readonly Departure[],
  options: { horizons?: readonly number[]; inactiveAsGone?: boolean; memo?: Memo } = {},
): ProjectionResult {
  const horizons = [...(options.horizons ?? (options.inactiveAsGone === false ? PROJECTION_HORIZONS : projectionHorizons(analysis)))];
  const reference = referenceTime(analysis);
  const silence = silenceOf(analysis);
  const gone = horizons.map((days) => {
    const at = reference + days * DAY;
    const departed = departures.filter((d) => departureTime(d, reference) <= at).map((d) => d.id);
    const inactive =
      options.inactiveAsGone === false
        ? []
        : silentAt(silence, analysis.settings.inactiveAfterDays, days)
            .map(({ developer }) => developer.id)
            .filter((id) => !departed.includes(id));
    return { days, departed, inactive };
  });
  // Keyed by what `gone` is made of (the analysis aside): far shorter than the lists themselves.
  const inputs = { horizons, departures, inactiveAsGone: options.inactiveAsGone !== false };
  const modules = (options.memo ?? compute)('projection', inputs, () => projectModules(analysis, reference, gone));
  return { horizons, gone, modules };
}

/** The experts and truck factor of every module at each horizon, given who is gone by then. */
function projectModules(analysis: Analysis, reference: number, gone: ProjectionResult['gone']): ModuleProjection[] {
  const index = ownershipIndexOf(analysis.files);
  const nameOf = nameLookup(analysis);
  const horizonsAhead = gone.filter((g) => g.days !== 0).map((g) => ({ days: g.days, gone: developerFlags(index, [...g.departed, ...g.inactive]) }));
  const projected = projectedAuthorLists(index, analysis.settings.halfLifeDays, horizonsAhead);
  // Now (day 0) the current, decayed authors; later the projected ones, in the order of the horizons.
  const authorsAt = gone.map((g) =>
    g.days === 0 ? authorListsWithout(index.decayedAuthors, developerFlags(index, [...g.departed, ...g.inactive])) : (projected[horizonsAhead.findIndex((h) => h.days === g.days)] as AuthorLists),
  );
  const modules: ModuleProjection[] = [];
  const kinds = moduleKinds(analysis);
  for (const [path, files] of fileNumbersByModule(analysis)) {
    const points = gone.map(({ days }, at) => {
      const module = summarizeSet(setOf(index, nameOf, authorsAt[at] as AuthorLists, files));
      return {
        days,
        date: new Date((reference + days * DAY) * 1000).toISOString().slice(0, 10),
        experts: module.owners.map((o) => o.id),
        truckFactor: module.truckFactor.value,
      };
    });
    modules.push({ path, kind: kinds(path), files: files.length, points });
  }
  return modules;
}
