import picomatch from 'picomatch';
import binaryExtensions from 'binary-extensions';
import { computeDoa, isAuthor, rankFile } from '../../src/model/doa.ts';
import type { ContributionInput } from '../../src/model/authorship.ts';
import type { Departure, DeparturesResult, FileSuccession, ModuleDeparture } from '../../src/model/departures.ts';
import { bestSuccessor, handsOnSuccessorOf, oneOffsOf } from '../../src/model/successors.ts';
import { takeOverByModule } from '../../src/model/take-over.ts';
import { deeperGlobs, globMistakes, nearGlobs, type CriticalSystemResult, type CriticalSystemSpec, type CriticalViolation, type CriticalOwner } from '../../src/model/critical.ts';
import { listingTier } from '../../src/model/bookkeeping.ts';
import type { CurrentFigures, ProjectionResult, ModuleProjection, InactiveDeveloper } from '../../src/model/decay.ts';
import { ROOT_MODULE } from '../../src/model/modules.ts';
import { compareCodePoints } from '../../src/model/truck-factor.ts';
import type { Analysis, ExclusionCount, FileContribution, FileOwnership, ModuleOwnership, TruckFactor, TruckFactorMember } from '../../src/model/types.ts';

// The model computations as they were written before they were made fast (issue #5): plain Maps,
// one figure at a time, straight from METRICS.md. The fast paths in src/model must give exactly
// what these give (compared as JSON, so key order counts too); test/model/fast-paths.test.ts
// checks it on random inputs.

type AuthorsOf = (file: FileOwnership) => readonly string[];
const classic: AuthorsOf = (file) => file.authors;

// ---- §4 per-file ranking --------------------------------------------------------------------------

export function rankContributions(inputs: readonly ContributionInput[], mr: number, wmr: number, withDecay: boolean): FileContribution[] {
  const ac = inputs.map((input) => Math.max(0, mr - input.dl));
  const wac = inputs.map((input) => Math.max(0, wmr - input.wdl));
  const ranked = rankFile(inputs.map((input, i) => ({ fa: input.fa, dl: input.dl, ac: ac[i] ?? 0 })));
  const decayed = withDecay
    ? rankFile(
        inputs.map((input, i) => ({ fa: input.wfa, dl: input.wdl, ac: wac[i] ?? 0 })),
        (i) => (inputs[i]?.wfa ?? 0) >= 0.5,
      )
    : undefined;
  const contributions = inputs.map((input, i): FileContribution => {
    const rank = ranked[i] as (typeof ranked)[number];
    const contribution: FileContribution = {
      developer: input.developer,
      fa: input.fa,
      dl: input.dl,
      ac: ac[i] ?? 0,
      doa: rank.doa,
      normDoa: rank.normDoa,
      isAuthor: rank.isAuthor,
      lastChange: input.last,
    };
    const weighted = decayed?.[i];
    if (weighted) contribution.decayed = { fa: input.wfa, dl: input.wdl, ac: wac[i] ?? 0, ...weighted };
    return contribution;
  });
  return contributions.sort((a, b) => b.doa - a.doa || (a.developer < b.developer ? -1 : a.developer > b.developer ? 1 : 0));
}

// ---- §5 greedy truck factor --------------------------------------------------------------------------

interface TruckFactorFile {
  authors: readonly string[];
  changes: ReadonlyMap<string, number>;
}

export function rankAuthors(files: readonly TruckFactorFile[], nameOf: (id: string) => string): TruckFactorMember[] {
  const authored = new Map<string, number>();
  const changes = new Map<string, number>();
  for (const file of files) {
    for (const id of file.authors) authored.set(id, (authored.get(id) ?? 0) + 1);
    for (const [id, count] of file.changes) changes.set(id, (changes.get(id) ?? 0) + count);
  }
  const total = files.length;
  return [...authored.entries()]
    .sort(([a, fa], [b, fb]) => fb - fa || (changes.get(b) ?? 0) - (changes.get(a) ?? 0) || compareCodePoints(nameOf(a), nameOf(b)) || compareCodePoints(a, b))
    .map(([id, count]) => ({ id, files: count, share: total > 0 ? count / total : 0 }));
}

export function computeTruckFactor(files: readonly TruckFactorFile[], nameOf: (id: string) => string): TruckFactor {
  const total = files.length;
  if (total === 0) return { value: 0, coverage: 0, developers: [] };
  const ranking = rankAuthors(files, nameOf);
  const remainingAuthors = files.map((file) => file.authors.length);
  const filesOf = new Map<string, number[]>();
  files.forEach((file, index) => {
    for (const id of file.authors) {
      const list = filesOf.get(id);
      if (list) list.push(index);
      else filesOf.set(id, [index]);
    }
  });
  let covered = remainingAuthors.filter((count) => count > 0).length;
  const removed: TruckFactorMember[] = [];
  for (const member of ranking) {
    if (covered / total < 0.5) break;
    removed.push(member);
    for (const index of filesOf.get(member.id) ?? []) {
      remainingAuthors[index] = (remainingAuthors[index] ?? 1) - 1;
      if (remainingAuthors[index] === 0) covered -= 1;
    }
  }
  return { value: removed.length, coverage: covered / total, developers: removed };
}

function toTruckFactorFile(file: FileOwnership, authorsOf: AuthorsOf): TruckFactorFile {
  return { authors: authorsOf(file), changes: new Map(file.contributions.map((c) => [c.developer, c.fa + c.dl])) };
}

export function truckFactorOf(files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf = classic): TruckFactor {
  return computeTruckFactor(
    files.map((file) => toTruckFactorFile(file, authorsOf)),
    nameOf,
  );
}

export function summarizeModule(path: string, kind: ModuleOwnership['kind'], files: readonly FileOwnership[], nameOf: (id: string) => string, authorsOf: AuthorsOf = classic): ModuleOwnership {
  const tfFiles = files.map((file) => toTruckFactorFile(file, authorsOf));
  return {
    path,
    kind,
    files: files.length,
    truckFactor: computeTruckFactor(tfFiles, nameOf),
    owners: rankAuthors(tfFiles, nameOf),
    singleOwnerFiles: files.filter((file) => authorsOf(file).length === 1).map((file) => file.path),
    orphanFiles: files.filter((file) => authorsOf(file).length === 0).map((file) => file.path),
  };
}

// ---- modules, departures (§6, §8) --------------------------------------------------------------------

export function folderAtDepth(file: string, depth: number): string {
  const parts = file.split('/');
  parts.pop();
  if (parts.length === 0 || depth <= 0) return ROOT_MODULE;
  return parts.slice(0, depth).join('/');
}

export function moduleOfFile(analysis: Pick<Analysis, 'modules'>): (path: string) => string {
  const roots = analysis.modules.map((m) => m.path).filter((p) => p !== ROOT_MODULE).sort((a, b) => b.length - a.length);
  return (path) => roots.find((root) => path.startsWith(`${root}/`)) ?? ROOT_MODULE;
}

export function filesByModule(analysis: Pick<Analysis, 'modules' | 'files'>): Map<string, FileOwnership[]> {
  const groups = new Map<string, FileOwnership[]>(analysis.modules.map((m) => [m.path, []]));
  const moduleOf = moduleOfFile(analysis);
  for (const file of analysis.files) {
    const module = moduleOf(file.path);
    const list = groups.get(module);
    if (list) list.push(file);
    else groups.set(module, [file]);
  }
  return groups;
}

function nameLookup(analysis: Pick<Analysis, 'developers'>): (id: string) => string {
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  return (id) => names.get(id) ?? id;
}

function authorsAfter(departing: Iterable<string>, base: AuthorsOf = classic): AuthorsOf {
  const gone = new Set(departing);
  if (gone.size === 0) return base;
  return (file) => base(file).filter((id) => !gone.has(id));
}

function knowledgeLossOf(files: readonly FileOwnership[], departing: Iterable<string>, base: AuthorsOf): { lostFiles: string[]; share: number } {
  const after = authorsAfter(departing, base);
  const lostFiles = files.filter((file) => base(file).length > 0 && after(file).length === 0).map((file) => file.path);
  return { lostFiles, share: files.length > 0 ? lostFiles.length / files.length : 0 };
}

/** The kind of the analysis's module at `path` ('folder' when it lists none there). */
function kindOf(analysis: Pick<Analysis, 'modules'>, path: string): ModuleOwnership['kind'] {
  return analysis.modules.find((module) => module.path === path)?.kind ?? 'folder';
}

function impactOf(analysis: Analysis, groups: Map<string, FileOwnership[]>, gone: ReadonlySet<string>, before: AuthorsOf) {
  const nameOf = nameLookup(analysis);
  const after = authorsAfter(gone, before);
  const orphaned = analysis.files.filter((file) => before(file).length > 0 && after(file).length === 0);
  const modules: ModuleDeparture[] = [];
  for (const [path, files] of groups) {
    const prior = summarizeModule(path, 'folder', files, nameOf, before);
    const departingOwners = prior.owners.filter((owner) => gone.has(owner.id));
    if (departingOwners.length === 0) continue;
    const later = summarizeModule(path, 'folder', files, nameOf, after);
    const { lostFiles, share } = knowledgeLossOf(files, gone, before);
    modules.push({
      path,
      kind: kindOf(analysis, path),
      files: files.length,
      truckFactorBefore: prior.truckFactor,
      truckFactorAfter: later.truckFactor,
      orphanFilesBefore: prior.orphanFiles.length,
      orphanFilesAfter: later.orphanFiles.length,
      lostFiles,
      knowledgeLost: share,
      isOrphaned: prior.orphanFiles.length < files.length && later.orphanFiles.length === files.length,
      departingOwners,
    });
  }
  modules.sort((a, b) => b.knowledgeLost - a.knowledgeLost || b.lostFiles.length - a.lostFiles.length || a.truckFactorAfter.value - b.truckFactorAfter.value || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { orphaned, modules, truckFactor: truckFactorOf(analysis.files, nameOf, after) };
}

function compareDepartures(a: Departure, b: Departure): number {
  return (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);
}

export function computeDepartures(
  analysis: Analysis,
  departures: readonly Departure[],
  options: { authorsOf?: AuthorsOf; unavailable?: Iterable<string>; weakSuccessorThreshold?: number; fading?: { developers: ReadonlyMap<string, number>; afterDays: number } } = {},
): DeparturesResult {
  const before = options.authorsOf ?? classic;
  const weak = options.weakSuccessorThreshold ?? 0.5;
  const nameOf = nameLookup(analysis);
  const groups = filesByModule(analysis);
  const moduleOf = moduleOfFile(analysis);
  const gone = new Set(departures.map((d) => d.id));
  const unavailable = new Set([...gone, ...(options.unavailable ?? [])]);
  const after = authorsAfter(gone, before);
  const impact = impactOf(analysis, groups, gone, before);
  const oneOffs = oneOffsOf(analysis);
  const orphanedFiles: FileSuccession[] = [];
  const singleOwnerFiles: FileSuccession[] = [];
  for (const file of analysis.files) {
    const departingAuthors = before(file).filter((id) => gone.has(id));
    if (departingAuthors.length === 0) continue;
    const remainingAuthors = [...after(file)];
    if (remainingAuthors.length > 1) continue;
    const departingCommits = file.contributions.filter((c) => gone.has(c.developer)).reduce((sum, c) => sum + c.fa + c.dl, 0);
    const { successor, strength } = bestSuccessor(file, unavailable, remainingAuthors, weak, oneOffs);
    const handsOnSuccessor = handsOnSuccessorOf(file, unavailable, successor, analysis.model, oneOffs);
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
  const soleCounts = new Map<string, { authored: number; sole: number }>();
  for (const file of analysis.files) {
    const authors = before(file);
    for (const id of authors) {
      if (!gone.has(id)) continue;
      const entry = soleCounts.get(id) ?? { authored: 0, sole: 0 };
      entry.authored += 1;
      if (authors.length === 1) entry.sole += 1;
      soleCounts.set(id, entry);
    }
  }
  const orphanBefore = analysis.files.filter((file) => before(file).length === 0).length;
  const names = new Map(analysis.developers.map((d) => [d.id, d.name]));
  // Files of the people leaving that no available developer who stays authors afterwards.
  const theirs = analysis.files.filter((file) => before(file).some((id) => gone.has(id)));
  const noActiveAuthor = theirs.filter((file) => after(file).every((id) => unavailable.has(id)));
  const named = [...orphanedFiles, ...singleOwnerFiles].flatMap((file) => [...file.remainingAuthors, ...(file.successor ? [file.successor.id] : []), ...(file.handsOnSuccessor ? [file.handsOnSuccessor.id] : [])]);
  const ids = [...new Set(named)].sort();
  const developer = (id: string) => analysis.developers.find((d) => d.id === id);
  const steps = new Map<string, Departure[]>();
  for (const departure of [...departures].sort(compareDepartures)) steps.set(departure.date ?? '', [...(steps.get(departure.date ?? '') ?? []), departure]);
  const goneSoFar = new Set<string>();
  // In the order things happen: undated departures leave on the analysis day, before anyone dated that day.
  const today = analysis.settings.referenceDate.slice(0, 10);
  const order = ([date]: [string, Departure[]]) => `${date || today}${date ? '1' : '0'}`;
  const timeline = departures.some((d) => d.date)
    ? [...steps]
        .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
        .map(([date, leaving]) => {
        for (const d of leaving) goneSoFar.add(d.id);
        const step = impactOf(analysis, groups, goneSoFar, before);
        return {
          ...(date ? { date } : {}),
          leaving: leaving.map((d) => d.id),
          gone: [...goneSoFar],
          truckFactor: step.truckFactor,
          orphanedFiles: step.orphaned.length,
          orphanedModules: step.modules.filter((m) => m.isOrphaned).map((m) => m.path),
          modules: step.modules.filter((m) => m.knowledgeLost > 0).map((m) => ({ path: m.path, knowledgeLost: m.knowledgeLost, truckFactor: m.truckFactorAfter.value })),
        };
      })
    : [];
  return {
    names: Object.fromEntries([...names].sort(([a], [b]) => (a < b ? -1 : 1))),
    departures: departures.map((d) => ({ ...d, filesAuthored: soleCounts.get(d.id)?.authored ?? 0, soleAuthorFiles: soleCounts.get(d.id)?.sole ?? 0 })),
    files: analysis.files.length,
    before: { truckFactor: truckFactorOf(analysis.files, nameOf, before), orphanFiles: orphanBefore },
    after: { truckFactor: impact.truckFactor, orphanFiles: orphanBefore + impact.orphaned.length },
    orphanedFiles,
    singleOwnerFiles,
    orphanedModules: impact.modules.filter((m) => m.isOrphaned).map((m) => m.path),
    modules: impact.modules,
    timeline,
    weakSuccessorThreshold: weak,
    successorsFiltered: unavailable.size > gone.size,
    noActiveAuthorFiles: noActiveAuthor.length,
    onlyInactiveAuthorsLeft: noActiveAuthor.filter((file) => after(file).length > 0).map((file) => file.path),
    lastCommits: Object.fromEntries(ids.filter((id) => developer(id)?.lastCommit).map((id) => [id, developer(id)?.lastCommit ?? ''])),
    fading: Object.fromEntries(ids.filter((id) => options.fading?.developers.has(id)).map((id) => [id, options.fading?.developers.get(id) ?? 0])),
    ...(options.fading ? { fadingAfterDays: options.fading.afterDays } : {}),
    eventsPerModule: analysis.modules.length > 0 ? analysis.files.reduce((sum, file) => sum + file.events, 0) / analysis.modules.length : 0,
    takeOver: takeOverByModule(
      orphanedFiles,
      Object.fromEntries(
        [...new Set(orphanedFiles.map((file) => file.module))].sort().flatMap((module) => {
          const ids = [...new Set(orphanedFiles.filter((file) => file.module === module && file.successor).map((file) => file.successor?.id as string))].sort();
          if (ids.length === 0) return [];
          const files = groups.get(module) ?? [];
          const standing = (id: string) => ({
            files: files.filter((file) => after(file).includes(id)).length,
            changes: files.reduce((sum, file) => sum + file.contributions.filter((c) => c.developer === id).reduce((total, c) => total + c.fa + c.dl, 0), 0),
          });
          return [[module, Object.fromEntries(ids.map((id) => [id, standing(id)]))]];
        }),
      ),
    ),
  };
}

// ---- §7 decay ----------------------------------------------------------------------------------------

const DAY = 86_400;

function daysSince(analysis: Pick<Analysis, 'settings'>, iso: string): number {
  return (Date.parse(analysis.settings.referenceDate) / 1000 - Date.parse(iso) / 1000) / DAY;
}

export function inactiveDevelopers(analysis: Pick<Analysis, 'settings' | 'developers'>, options: { inactiveAfter?: number; horizon?: number } = {}): InactiveDeveloper[] {
  const limit = options.inactiveAfter ?? analysis.settings.inactiveAfterDays;
  const horizon = options.horizon ?? 0;
  return analysis.developers
    .filter((d) => daysSince(analysis, d.lastCommit) + horizon > limit)
    .map((d) => ({ id: d.id, name: d.name, lastCommit: d.lastCommit, daysSinceLastCommit: Math.floor(daysSince(analysis, d.lastCommit)), filesAuthored: d.filesAuthored }))
    .sort((a, b) => b.daysSinceLastCommit - a.daysSinceLastCommit || (a.id < b.id ? -1 : 1));
}

const decayedAuthors: AuthorsOf = (file) => file.contributions.filter((c) => (c.decayed ? c.decayed.isAuthor : c.isAuthor)).map((c) => c.developer);

export function currentFigures(analysis: Analysis, options: { treatInactiveAsDeparted: boolean }): CurrentFigures {
  const nameOf = nameLookup(analysis);
  const authorsOf = options.treatInactiveAsDeparted
    ? authorsAfter(
        inactiveDevelopers(analysis).map((d) => d.id),
        decayedAuthors,
      )
    : decayedAuthors;
  const modules = [...filesByModule(analysis)].map(([path, files]) => {
    const current = summarizeModule(path, 'folder', files, nameOf, authorsOf);
    return { path, files: files.length, classic: summarizeModule(path, 'folder', files, nameOf).truckFactor, current: current.truckFactor, currentAuthors: current.owners.map((o) => o.id) };
  });
  return {
    hasDecay: analysis.model !== 'classic',
    halfLifeDays: analysis.settings.halfLifeDays,
    inactiveAfterDays: analysis.settings.inactiveAfterDays,
    treatInactiveAsDeparted: options.treatInactiveAsDeparted,
    inactive: inactiveDevelopers(analysis),
    classic: analysis.truckFactor,
    current: truckFactorOf(analysis.files, nameOf, authorsOf),
    modules,
    names: Object.fromEntries(analysis.developers.map((d) => [d.id, d.name])),
  };
}

export function projectedDoa(file: FileOwnership, halfLifeDays: number, days: number): { developer: string; doa: number; normDoa: number; isAuthor: boolean }[] {
  const s = Math.pow(2, -days / halfLifeDays);
  const doas = file.contributions.map((c) => (c.decayed ? computeDoa(s * c.decayed.fa, s * c.decayed.dl, s * c.decayed.ac) : c.doa));
  const max = Math.max(...doas);
  return file.contributions.map((c, i) => {
    const doa = doas[i] as number;
    const normDoa = max > 0 ? doa / max : 0;
    // The creator exemption on the weighted FA, as the current figures read it (ownership.ts).
    return { developer: c.developer, doa, normDoa, isAuthor: c.decayed ? isAuthor(doa, normDoa, s * c.decayed.fa >= 0.5 - 1e-12 ? 1 : 0) : c.isAuthor };
  });
}

export function projectExperts(analysis: Analysis, departures: readonly Departure[], options: { horizons?: readonly number[]; inactiveAsGone?: boolean } = {}): ProjectionResult {
  // By default, no horizon at which every developer is inactive (with no new commits).
  const activeAt = (days: number) => inactiveDevelopers(analysis, { horizon: days }).length < analysis.developers.length;
  const horizons = [...(options.horizons ?? [0, 30, 90, 180].filter((days) => options.inactiveAsGone === false || days === 0 || analysis.developers.length === 0 || activeAt(days)))];
  const reference = Date.parse(analysis.settings.referenceDate) / 1000;
  const nameOf = nameLookup(analysis);
  const departureTime = (d: Departure) => (d.date ? Date.parse(`${d.date}T00:00:00Z`) / 1000 + DAY : reference + 1);
  const gone = horizons.map((days) => {
    const departed = departures.filter((d) => departureTime(d) <= reference + days * DAY).map((d) => d.id);
    const inactive = options.inactiveAsGone === false ? [] : inactiveDevelopers(analysis, { horizon: days }).map((d) => d.id).filter((id) => !departed.includes(id));
    return { days, departed, inactive };
  });
  const authorsAt = gone.map((g) => {
    const projected: AuthorsOf = g.days === 0 ? decayedAuthors : (file) => projectedDoa(file, analysis.settings.halfLifeDays, g.days).filter((c) => c.isAuthor).map((c) => c.developer);
    return authorsAfter([...g.departed, ...g.inactive], projected);
  });
  const modules: ModuleProjection[] = [...filesByModule(analysis)].map(([path, files]) => ({
    path,
    kind: kindOf(analysis, path),
    files: files.length,
    points: horizons.map((days, index) => {
      const module = summarizeModule(path, 'folder', files, nameOf, authorsAt[index] as AuthorsOf);
      return { days, date: new Date((reference + days * DAY) * 1000).toISOString().slice(0, 10), experts: module.owners.map((o) => o.id), truckFactor: module.truckFactor.value };
    }),
  }));
  return { horizons, gone, modules };
}

// ---- §3 and §9 globs ---------------------------------------------------------------------------------

function normalizeGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

function withFolder(glob: string): string[] {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return /[*?[\]{}()!+@]/.test(last.replace(/\\./g, '')) ? [glob] : [glob, `${glob}/**`];
}

export function createPathMatcher(paths: readonly string[]): (path: string) => boolean {
  const positive = paths.filter((glob) => !glob.startsWith('!')).map(normalizeGlob);
  const negative = paths.filter((glob) => glob.startsWith('!')).map((glob) => normalizeGlob(glob.slice(1)));
  const isIn = positive.length ? picomatch(positive.flatMap(withFolder), { dot: true }) : () => false;
  const isOut = negative.length ? picomatch(negative.flatMap(withFolder), { dot: true }) : () => false;
  return (path) => isIn(path) && !isOut(path);
}

export function unmatchedGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  return globs.filter((glob) => !glob.startsWith('!') && !paths.some(createPathMatcher([glob])));
}

export function evaluateCriticalSystems(analysis: Pick<Analysis, 'files' | 'developers'>, systems: readonly CriticalSystemSpec[], options: { authorsOf?: AuthorsOf } = {}): CriticalSystemResult[] {
  const nameOf = nameLookup(analysis);
  const authorsOf = options.authorsOf ?? classic;
  return systems.map((system, index): CriticalSystemResult => {
    const matches = createPathMatcher(system.paths);
    const files = analysis.files.filter((file) => matches(file.path));
    const tfFiles = files.map((file) => toTruckFactorFile(file, authorsOf));
    const truckFactor = computeTruckFactor(tfFiles, nameOf);
    const person = (member: TruckFactorMember): CriticalOwner => ({ id: member.id, name: nameOf(member.id), files: member.files, share: member.share });
    const singleOwnerFiles: CriticalSystemResult['singleOwnerFiles'] = [];
    const orphanFiles: string[] = [];
    // Code before prose before release chores, most changed first, then by path (a stable sort of the path-ordered files).
    for (const file of [...files].sort((a, b) => listingTier(a.path) - listingTier(b.path) || b.events - a.events)) {
      const authors = authorsOf(file);
      const sole = authors[0];
      if (authors.length === 1 && sole !== undefined) singleOwnerFiles.push({ path: file.path, owner: { id: sole, name: nameOf(sole) } });
      else if (authors.length === 0) orphanFiles.push(file.path);
    }
    const violations: CriticalViolation[] = [];
    // The files any of `members` author.
    const held = (members: readonly TruckFactorMember[]) => files.filter((file) => authorsOf(file).some((id) => members.some((m) => m.id === id))).length;
    let error: string | undefined;
    if (files.length === 0) {
      error = `no analysed file matches ${system.paths.map((glob) => JSON.stringify(glob)).join(', ')}${globMistakes(system.paths)}${nearGlobs(system.paths, analysis.files.map((file) => file.path))}${deeperGlobs(system.paths, analysis.files.map((file) => file.path))}`;
    } else if (truckFactor.value < system.minOwners) {
      violations.push({
        rule: 'minOwners',
        required: system.minOwners,
        actual: truckFactor.value,
        message:
          truckFactor.value === 0
            ? `bus factor 0 (needs ${system.minOwners}): ${files.length === 1 ? 'its only file has no author' : `fewer than half of its ${files.length} files have an author`}`
            : `bus factor ${truckFactor.value} (needs ${system.minOwners}): ${truckFactor.developers.map((m) => nameOf(m.id)).join(', ')} ${truckFactor.value === 1 ? 'authors' : 'author'} ${files.length === 1 ? 'its file' : `${held(truckFactor.developers)} of its ${files.length} files`}`,
        ...(truckFactor.value === 0 ? {} : { held: held(truckFactor.developers) }),
      });
    }
    return {
      index,
      name: system.name,
      description: system.description,
      paths: [...system.paths],
      minOwners: system.minOwners,
      maxKnowledgeLoss: system.maxKnowledgeLoss,
      files: files.map((file) => file.path),
      unmatchedPatterns: unmatchedGlobs(
        system.paths,
        analysis.files.map((file) => file.path),
      ),
      unmatchedHints: unmatchedGlobs(system.paths, analysis.files.map((file) => file.path)).map((glob) => (files.length === 0 ? '' : `${globMistakes([glob])}${nearGlobs([glob], analysis.files.map((file) => file.path), system.paths)}${deeperGlobs([glob], analysis.files.map((file) => file.path))}`)),
      busFactor: truckFactor.value,
      coverage: truckFactor.coverage,
      owners: truckFactor.developers.map(person),
      authors: rankAuthors(tfFiles, nameOf).map(person),
      singleOwnerFiles,
      orphanFiles,
      violations,
      status: error !== undefined ? 'error' : violations.length > 0 ? 'violation' : 'ok',
      error,
    };
  });
}

const RULES = {
  include: 'not matched by include',
  exclude: 'exclude glob',
  vendored: '.gitattributes linguist-vendored',
  generated: '.gitattributes linguist-generated',
  nodiff: '.gitattributes -diff/binary',
  vendorFolder: 'vendor folder',
  lockFile: 'lock file',
  minified: 'minified file',
  binary: 'binary file',
} as const;
const VENDOR_FOLDER = /(^|\/)(vendor|node_modules|third_party|third-party|bower_components|dist|\.yarn\/releases|\.yarn\/plugins|\.yarn\/sdks|\.yarn\/unplugged)\/|(^|\/)\.pnp\.(c?js|mjs|loader\.mjs|data\.json)$/;
const LOCK_FILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Gemfile\.lock|Cargo\.lock|composer\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|flake\.lock|mix\.lock|pubspec\.lock|packages\.lock\.json|[^/]+\.lock)$/;
const MINIFIED = /\.min\.(js|css|mjs)$|[.-]min\.map$|\.js\.map$|\.css\.map$/;
const BINARY = new Set(binaryExtensions.map((ext) => ext.toLowerCase()));

function parseGitattributes(dir: string, text: string) {
  const rules: { match: (path: string) => boolean; attributes: Map<string, boolean | undefined> }[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith('[attr]')) continue;
    const [pattern, ...tokens] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('!')) continue;
    const attributes = new Map<string, boolean | undefined>();
    for (const token of tokens) {
      if (token === 'binary') attributes.set('diff', false);
      else if (token.startsWith('-')) attributes.set(token.slice(1), false);
      else if (token.startsWith('!')) attributes.set(token.slice(1), undefined);
      else {
        const [name, value] = token.split('=', 2);
        if (name) attributes.set(name, value === undefined || !/^(false|0|no|off)$/i.test(value));
      }
    }
    if (!['linguist-vendored', 'linguist-generated', 'diff'].some((name) => attributes.has(name))) continue;
    const trimmed = pattern.replace(/\/+$/, '');
    const anchored = trimmed.includes('/');
    const glob = trimmed.replace(/^\//, '');
    const matcher = picomatch(glob, { dot: true, basename: !anchored });
    const prefix = dir ? `${dir}/` : '';
    rules.push({
      match: (path) => path.startsWith(prefix) && (matcher(path.slice(prefix.length)) || (anchored && picomatch.isMatch(path.slice(prefix.length), `${glob}/**`, { dot: true }))),
      attributes,
    });
  }
  return rules;
}

export function selectFiles(
  tracked: readonly string[],
  options: { include?: readonly string[]; exclude?: readonly string[]; defaults: boolean; gitattributes?: ReadonlyMap<string, string> },
): { analysed: string[]; excluded: Map<string, keyof typeof RULES>; counts: ExclusionCount[] } {
  const include = options.include?.length ? createPathMatcher(options.include) : undefined;
  const exclude = options.exclude?.length ? createPathMatcher(options.exclude) : undefined;
  const attributeRules = options.defaults
    ? [...(options.gitattributes ?? new Map<string, string>())]
        .sort(([a], [b]) => (a === '' ? 0 : a.split('/').length) - (b === '' ? 0 : b.split('/').length) || (a < b ? -1 : 1))
        .flatMap(([dir, text]) => parseGitattributes(dir, text))
    : [];
  const exclusionOf = (path: string): keyof typeof RULES | undefined => {
    if (include && !include(path)) return 'include';
    if (exclude?.(path)) return 'exclude';
    if (!options.defaults) return undefined;
    const attributes = new Map<string, boolean | undefined>();
    for (const rule of attributeRules) if (rule.match(path)) for (const [name, value] of rule.attributes) attributes.set(name, value);
    if (attributes.get('linguist-vendored') === true) return 'vendored';
    if (attributes.get('linguist-generated') === true) return 'generated';
    if (attributes.get('diff') === false) return 'nodiff';
    if (attributes.get('linguist-vendored') !== false && VENDOR_FOLDER.test(path)) return 'vendorFolder';
    if (LOCK_FILE.test(path)) return 'lockFile';
    if (MINIFIED.test(path)) return 'minified';
    const dot = path.lastIndexOf('.');
    if (dot > path.lastIndexOf('/') && BINARY.has(path.slice(dot + 1).toLowerCase())) return 'binary';
    return undefined;
  };
  const analysed: string[] = [];
  const excluded = new Map<string, keyof typeof RULES>();
  for (const path of tracked) {
    const rule = exclusionOf(path);
    if (rule) excluded.set(path, rule);
    else analysed.push(path);
  }
  const tally = new Map<keyof typeof RULES, number>();
  for (const rule of excluded.values()) tally.set(rule, (tally.get(rule) ?? 0) + 1);
  const counts = (Object.keys(RULES) as (keyof typeof RULES)[]).filter((rule) => tally.has(rule)).map((rule) => ({ rule: RULES[rule], files: tally.get(rule) ?? 0 }));
  return { analysed, excluded, counts };
}
