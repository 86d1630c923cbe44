import { z } from 'zod';
import type { CurrentFigures, ProjectionResult } from '../model/decay.ts';
import type { DeparturesResult, FileSuccession, Successor } from '../model/departures.ts';
import type { TruckFactor } from '../model/types.ts';
import { round } from './format.ts';

// The `departures` and `current` sections of `scan --format json` (talentrisk extensions,
// METRICS.md §7 and §8). Each is written once as a zod schema (scan-schema.ts can add them as
// optional keys) and built by a pure function.

const person = z.object({ id: z.string(), name: z.string() });
const truckFactor = z.object({
  value: z.number().int(),
  coverage: z.number(),
  developers: z.array(person.extend({ files: z.number().int(), share: z.number() })),
});
const successor = person
  .extend({
    doa: z.number(),
    normDoa: z.number().describe('DOA / the file’s highest DOA (departing developers included).'),
    commits: z.number().int().describe('Their commits on the file (FA + DL).'),
    lastChange: z.string(),
  })
  .nullable();
const succession = z.object({
  path: z.string(),
  module: z.string(),
  departingAuthors: z.array(person),
  remainingAuthors: z.array(person),
  successor,
  strength: z.enum(['author', 'ok', 'weak', 'none']).describe('author: still an author · ok: normDOA ≥ threshold · weak: below it · none: nobody who stays touched the file.'),
});

export const departuresOutputSchema = z
  .object({
    people: z.array(person.extend({ date: z.string().nullable(), note: z.string().nullable(), filesAuthored: z.number().int(), soleAuthorFiles: z.number().int() })),
    files: z.number().int(),
    truckFactor: z.object({ before: truckFactor, after: truckFactor }),
    orphanFiles: z.object({ before: z.number().int(), after: z.number().int() }).describe('Files with no author, before and after the departures.'),
    orphanedModules: z.array(z.string()).describe('Modules with an authored file before and none after.'),
    modules: z.array(
      z.object({
        path: z.string(),
        files: z.number().int(),
        truckFactorBefore: z.number().int(),
        truckFactorAfter: z.number().int(),
        knowledgeLost: z.number().describe('Share of the module’s files whose authors are all departing (0–1).'),
        lostFiles: z.array(z.string()),
        isOrphaned: z.boolean(),
        departingOwners: z.array(person.extend({ files: z.number().int(), share: z.number() })),
      }),
    ),
    orphanedFiles: z.array(succession),
    singleOwnerFiles: z.array(succession).describe('Files a departing developer authored that keep exactly one author.'),
    timeline: z.array(
      z.object({
        date: z.string().nullable().describe('Last day of the people leaving at this step; null for undated departures (assumed now).'),
        leaving: z.array(person),
        truckFactor: z.number().int(),
        orphanedFiles: z.number().int(),
        orphanedModules: z.array(z.string()),
        modules: z.array(z.object({ path: z.string(), knowledgeLost: z.number(), truckFactor: z.number().int() })),
      }),
    ),
    weakSuccessorThreshold: z.number(),
    successorsFiltered: z.boolean().describe('True when some who stay (e.g. inactive developers) were not considered as successors.'),
  })
  .describe('What leaves with the departing developers (talentrisk extension, METRICS.md §8).');

export type DeparturesOutput = z.output<typeof departuresOutputSchema>;

export const currentOutputSchema = z
  .object({
    hasDecay: z.boolean().describe('False under --model classic: the current figures are the classic ones minus inactive developers.'),
    halfLifeDays: z.number(),
    inactiveAfterDays: z.number(),
    treatInactiveAsDeparted: z.boolean(),
    inactive: z.array(person.extend({ lastCommit: z.string(), daysSinceLastCommit: z.number().int(), filesAuthored: z.number().int() })),
    truckFactor: z.object({ classic: truckFactor, current: truckFactor }),
    modules: z.array(
      z.object({
        path: z.string(),
        files: z.number().int(),
        truckFactor: z.object({ classic: z.number().int(), current: z.number().int() }),
        currentAuthors: z.array(z.string()),
        projection: z.array(z.object({ days: z.number().int(), date: z.string(), experts: z.array(z.string()), truckFactor: z.number().int() })),
      }),
    ),
    projection: z.array(z.object({ days: z.number().int(), departed: z.array(z.string()), inactive: z.array(z.string()) })).describe('Who is gone at each horizon.'),
  })
  .describe('Recency-weighted ("current") figures and the forward projection (talentrisk extension, METRICS.md §7).');

export type CurrentOutput = z.output<typeof currentOutputSchema>;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function nameOf(names: Record<string, string>): (id: string) => { id: string; name: string } {
  return (id) => ({ id, name: names[id] ?? id });
}

function truckFactorJson(tf: TruckFactor, names: Record<string, string>) {
  return { value: tf.value, coverage: round(tf.coverage), developers: tf.developers.map((m) => ({ ...nameOf(names)(m.id), files: m.files, share: round(m.share) })) };
}

function successorJson(s: Successor | undefined, names: Record<string, string>) {
  return s ? { ...nameOf(names)(s.id), doa: round(s.doa, 3), normDoa: round(s.normDoa, 3), commits: s.commits, lastChange: iso(s.lastChange) } : null;
}

function successionJson(file: FileSuccession, names: Record<string, string>) {
  const who = nameOf(names);
  return {
    path: file.path,
    module: file.module,
    departingAuthors: file.departingAuthors.map(who),
    remainingAuthors: file.remainingAuthors.map(who),
    successor: successorJson(file.successor, names),
    strength: file.strength,
  };
}

/** The `departures` key of scan's JSON. */
export function departuresJson(result: DeparturesResult): DeparturesOutput {
  const names = result.names;
  const who = nameOf(names);
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
    orphanedFiles: result.orphanedFiles.map((f) => successionJson(f, names)),
    singleOwnerFiles: result.singleOwnerFiles.map((f) => successionJson(f, names)),
    timeline: result.timeline.map((step) => ({
      date: step.date ?? null,
      leaving: step.leaving.map(who),
      truckFactor: step.truckFactor.value,
      orphanedFiles: step.orphanedFiles,
      orphanedModules: step.orphanedModules,
      modules: step.modules.map((m) => ({ path: m.path, knowledgeLost: round(m.knowledgeLost), truckFactor: m.truckFactor })),
    })),
    weakSuccessorThreshold: result.weakSuccessorThreshold,
    successorsFiltered: result.successorsFiltered,
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
