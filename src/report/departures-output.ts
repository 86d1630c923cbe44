import type { CurrentFigures, ProjectionResult } from '../model/decay.ts';
import type { DeparturesResult, FileSuccession } from '../model/departures.ts';
import { isBulkOnly, knowsEnough, type Successor, type SuccessorStrength } from '../model/successors.ts';
import { barelyKnows } from '../model/take-over.ts';
import type { TruckFactor } from '../model/types.ts';
import { AUTHOR_ABS_THRESHOLD } from '../model/doa.ts';
import type { CurrentOutput, DeparturesOutput } from './departures-json.ts';
import { round } from './format.ts';

// Builds the `departures` and `current` sections of `scan --format json`, whose shape is the zod
// schema of departures-json.ts (only its types are imported: no zod at run time).

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function nameOf(names: Record<string, string>): (id: string) => { id: string; name: string } {
  return (id) => ({ id, name: names[id] ?? id });
}

function truckFactorJson(tf: TruckFactor, names: Record<string, string>) {
  return { value: tf.value, coverage: round(tf.coverage), developers: tf.developers.map((m) => ({ ...nameOf(names)(m.id), files: m.files, share: round(m.share) })) };
}

function successorJson(s: Successor | undefined, strength: SuccessorStrength, result: DeparturesResult) {
  // `bulk`, `bulkOnly`: as the handoff's successors say them (a dashboard read them there only: a review).
  if (!s) return null;
  return {
    ...nameOf(result.names)(s.id),
    doa: round(s.doa, 3),
    normDoa: round(s.normDoa, 3),
    commits: s.commits,
    lastChange: iso(s.lastChange),
    bulk: s.bulk ?? 0,
    bulkOnly: isBulkOnly(s),
    barelyKnows: strength === 'weak' && barelyKnows(s),
    lastCommit: result.lastCommits[s.id] ?? '',
    fading: result.fading[s.id] !== undefined,
    oneOff: s.oneOff ? { ...s.oneOff } : null,
  };
}

function successionJson(file: FileSuccession, result: DeparturesResult, inactiveOnly: ReadonlySet<string>) {
  const who = nameOf(result.names);
  return {
    path: file.path,
    module: file.module,
    departingAuthors: file.departingAuthors.map(who),
    remainingAuthors: file.remainingAuthors.map(who),
    successor: successorJson(file.successor, file.strength, result),
    strength: file.strength,
    departingCommits: file.departingCommits,
    remainingAuthorsInactive: inactiveOnly.has(file.path),
    // Judged as a successor is (a review: always 'weak', so barelyKnows could read true of anyone).
    handsOnSuccessor: file.handsOnSuccessor ? successorJson(file.handsOnSuccessor, knowsEnough(file.handsOnSuccessor, result.weakSuccessorThreshold) ? 'ok' : 'weak', result) : null,
  };
}

/** The `departures` key of scan's JSON. */
export function departuresJson(result: DeparturesResult): DeparturesOutput {
  const names = result.names;
  const who = nameOf(names);
  const inactiveOnly = new Set(result.onlyInactiveAuthorsLeft);
  return {
    people: result.departures.map((d) => ({ id: d.id, name: d.name, date: d.date ?? null, note: d.note ?? null, filesAuthored: d.filesAuthored, soleAuthorFiles: d.soleAuthorFiles })),
    files: result.files,
    truckFactor: { before: truckFactorJson(result.before.truckFactor, names), after: truckFactorJson(result.after.truckFactor, names) },
    orphanFiles: { before: result.before.orphanFiles, after: result.after.orphanFiles },
    orphanedModules: result.orphanedModules,
    modules: result.modules.map((m) => ({
      path: m.path,
      files: m.files,
      truckFactorBefore: m.truckFactorBefore.value,
      truckFactorAfter: m.truckFactorAfter.value,
      knowledgeLost: round(m.knowledgeLost),
      lostFiles: m.lostFiles,
      isOrphaned: m.isOrphaned,
      departingOwners: m.departingOwners.map((o) => ({ ...who(o.id), files: o.files, share: round(o.share) })),
    })),
    orphanedFiles: result.orphanedFiles.map((f) => successionJson(f, result, inactiveOnly)),
    singleOwnerFiles: result.singleOwnerFiles.map((f) => successionJson(f, result, inactiveOnly)),
    timeline: result.timeline.map((step) => ({
      date: step.date ?? null,
      leaving: step.leaving.map(who),
      truckFactor: step.truckFactor.value,
      orphanedFiles: step.orphanedFiles,
      orphanedModules: step.orphanedModules,
      modules: step.modules.map((m) => ({ path: m.path, knowledgeLost: round(m.knowledgeLost), truckFactor: m.truckFactor })),
    })),
    weakSuccessorThreshold: result.weakSuccessorThreshold,
    weakSuccessorDoaFloor: AUTHOR_ABS_THRESHOLD,
    successorsFiltered: result.successorsFiltered,
    noActiveAuthorFiles: result.noActiveAuthorFiles,
    onlyInactiveAuthorsLeft: result.onlyInactiveAuthorsLeft,
    fadingAfterDays: result.fadingAfterDays ?? null,
  };
}

/** The `current` key of scan's JSON: classic vs current figures, inactive developers, projection. */
export function currentJson(figures: CurrentFigures, projection: ProjectionResult): CurrentOutput {
  const names = figures.names;
  const byModule = new Map(projection.modules.map((m) => [m.path, m.points]));
  return {
    hasDecay: figures.hasDecay,
    halfLifeDays: figures.halfLifeDays,
    inactiveAfterDays: figures.inactiveAfterDays,
    treatInactiveAsDeparted: figures.treatInactiveAsDeparted,
    inactive: figures.inactive.map((d) => ({ id: d.id, name: d.name, lastCommit: d.lastCommit, daysSinceLastCommit: d.daysSinceLastCommit, filesAuthored: d.filesAuthored })),
    truckFactor: { classic: truckFactorJson(figures.classic, names), current: truckFactorJson(figures.current, names) },
    modules: figures.modules.map((m) => ({
      path: m.path,
      files: m.files,
      truckFactor: { classic: m.classic.value, current: m.current.value },
      currentAuthors: m.currentAuthors,
      projection: byModule.get(m.path) ?? [],
    })),
    projection: projection.gone,
  };
}
