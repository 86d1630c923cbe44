import { z } from 'zod';
import { BULK_CHANGES } from '../model/authorship.ts';
import { COMPARABLE_DOA_SHARE } from '../model/successors.ts';
import { ONE_OFF_DEFINITION } from '../model/one-off.ts';
import { BARELY_NORM_DOA, MANY_OWN_CHANGES } from '../model/take-over.ts';

/** A successor's `oneOff` (scan's departures and the handoff): their history when they are a one-off contributor, else null. */
export function oneOffSchema(before: string, more = '') {
  return z
    .object({
      commits: z.number().int().nonnegative().describe('Their commits in the whole history.'),
      first: z.string().describe('The day of their first commit (YYYY-MM-DD).'),
      last: z.string().describe('The day of their last commit (YYYY-MM-DD).'),
    })
    .nullable()
    .describe(`A one-off contributor: ${ONE_OFF_DEFINITION} (before ${before}; one contribution; talentrisk extension, null otherwise and under --model classic).${more}`);
}

// The `departures` and `current` sections of `scan --format json` (talentrisk extensions,
// METRICS.md §7 and §8): their zod schemas, which scan-schema.ts adds as optional keys. The pure
// functions that build them are in departures-output.ts, with no zod at run time, and the CLI
// imports them from there; they are re-exported here for tests that hold output against schema.

export { currentJson, departuresJson } from './departures-output.ts';

const person = z.object({ id: z.string(), name: z.string() });
const truckFactor = z.object({
  value: z.number().int().nonnegative(),
  coverage: z.number(),
  developers: z.array(person.extend({ files: z.number().int().nonnegative(), share: z.number() })),
});
const successor = person
  .extend({
    doa: z.number(),
    normDoa: z.number().describe('DOA / the file’s highest DOA (departing developers included).'),
    commits: z.number().int().nonnegative().describe('Their commits on the file (FA + DL).'),
    lastChange: z.string(),
    bulk: z.number().int().nonnegative().describe(`Of their changes to the file, those made in commits that change or move ${BULK_CHANGES} analysed files or more (a sweep, a reorganisation; not those in acknowledgedRevs).`),
    bulkOnly: z.boolean().describe('They did not create the file and every change of theirs to it was in such a commit: the published figures count them, but they never worked on the file itself.'),
    barelyKnows: z.boolean().describe(`A weak successor below normDOA ${BARELY_NORM_DOA} with fewer than ${MANY_OWN_CHANGES} changes of their own to the file (not in bulk commits): they barely know it, as the handoff says; a knowledge transfer rather than a walk-through.`),
    lastCommit: z.string().describe('Their last commit anywhere in the repository (lastChange: their last change to this file).'),
    fading: z.boolean().describe('Still active, but their last commit anywhere is more than fadingAfterDays days before the analysis date: they may be leaving too.'),
    oneOff: oneOffSchema('the analysis date', ' Between equal DOAs, the successor is someone else.'),
  })
  .nullable();
const succession = z.object({
  path: z.string(),
  module: z.string(),
  departingAuthors: z.array(person),
  remainingAuthors: z.array(person),
  successor,
  strength: z.enum(['author', 'ok', 'weak', 'none']).describe('author: still an author · ok: normDOA ≥ weakSuccessorThreshold and DOA ≥ weakSuccessorDoaFloor · weak: below either · none: nobody who stays touched the file.'),
  departingCommits: z.number().int().nonnegative().describe('Commits on the file (FA + DL) by the people leaving, together: the table lists the orphaned files with the most first (after those with no or a weak successor), as the handoff lists a person’s files.'),
  remainingAuthorsInactive: z.boolean().describe('The file keeps authors, all of them inactive: nobody active authors it afterwards (false for an orphaned file, which keeps none; listed in onlyInactiveAuthorsLeft).'),
  handsOnSuccessor: successor.describe(
    `Beside a successor who did not work on the file themselves (talentrisk extension; null otherwise and under --model classic): when their changes were all in bulk commits (successor.bulkOnly), who stays, is active and has the highest DOA among those who created the file or changed it otherwise; when they are a one-off contributor (successor.oneOff), the same among those who are none, when their DOA is at least ${COMPARABLE_DOA_SHARE} of the successor’s.`,
  ),
});

export const departuresOutputSchema = z
  .object({
    people: z.array(person.extend({ date: z.string().nullable(), note: z.string().nullable(), filesAuthored: z.number().int().nonnegative(), soleAuthorFiles: z.number().int().nonnegative() })),
    files: z.number().int().nonnegative(),
    truckFactor: z.object({ before: truckFactor, after: truckFactor }),
    orphanFiles: z.object({ before: z.number().int().nonnegative(), after: z.number().int().nonnegative() }).describe('Files with no author, before and after the departures.'),
    orphanedModules: z.array(z.string()).describe('Modules with an authored file before and none after.'),
    modules: z.array(
      z.object({
        path: z.string(),
        files: z.number().int().nonnegative(),
        truckFactorBefore: z.number().int().nonnegative(),
        truckFactorAfter: z.number().int().nonnegative(),
        knowledgeLost: z.number().describe('Share of the module’s files whose authors are all departing (0–1).'),
        lostFiles: z.array(z.string()),
        isOrphaned: z.boolean(),
        departingOwners: z.array(person.extend({ files: z.number().int().nonnegative(), share: z.number() })),
      }),
    ),
    orphanedFiles: z.array(succession),
    singleOwnerFiles: z.array(succession).describe('Files a departing developer authored that keep exactly one author.'),
    timeline: z.array(
      z.object({
        date: z.string().nullable().describe('Last day of the people leaving at this step; null for undated departures (assumed now).'),
        leaving: z.array(person),
        truckFactor: z.number().int().nonnegative(),
        orphanedFiles: z.number().int().nonnegative(),
        orphanedModules: z.array(z.string()),
        modules: z.array(z.object({ path: z.string(), knowledgeLost: z.number(), truckFactor: z.number().int().nonnegative() })),
      }),
    ),
    weakSuccessorThreshold: z.number().describe('A successor with a lower normDOA is weak.'),
    weakSuccessorDoaFloor: z.number().describe('A successor with a lower DOA is weak whatever their normDOA: the absolute author floor (docs/metrics.md §4).'),
    successorsFiltered: z.boolean().describe('True when some who stay (e.g. inactive developers) were not considered as successors.'),
    noActiveAuthorFiles: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'Files a departing developer authors that no active developer who stays authors afterwards: the orphaned ones, and those whose remaining authors are all inactive (onlyInactiveAuthorsLeft). The handoff’s "left with no active author"; orphanFiles, the published figure, counts inactive authors.',
      ),
    onlyInactiveAuthorsLeft: z.array(z.string()).describe('Files a departing developer authors that keep authors afterwards, all of them inactive, by path.'),
    fadingAfterDays: z.number().nullable().describe('A successor with no commit in this many days (half of model.inactiveAfter) is fading (successor.fading); null when not judged.'),
  })
  .describe('What leaves with the departing developers (talentrisk extension, docs/metrics.md §8).');

export type DeparturesOutput = z.output<typeof departuresOutputSchema>;

export const currentOutputSchema = z
  .object({
    hasDecay: z.boolean().describe('Whether the figures are decayed (recency-weighted, docs/metrics.md §7). Scan leaves `current` out under --model classic, so in its JSON this is true.'),
    halfLifeDays: z.number(),
    inactiveAfterDays: z.number(),
    treatInactiveAsDeparted: z.boolean(),
    inactive: z.array(person.extend({ lastCommit: z.string(), daysSinceLastCommit: z.number().int().nonnegative(), filesAuthored: z.number().int().nonnegative() })),
    truckFactor: z.object({ classic: truckFactor, current: truckFactor }),
    modules: z.array(
      z.object({
        path: z.string(),
        files: z.number().int().nonnegative(),
        truckFactor: z.object({ classic: z.number().int().nonnegative(), current: z.number().int().nonnegative() }),
        currentAuthors: z.array(z.string()),
        projection: z
          .array(z.object({ days: z.number().int().nonnegative(), date: z.string(), experts: z.array(z.string()), truckFactor: z.number().int().nonnegative() }))
          .describe('Experts and truck factor at each horizon, with inactive developers and departures counted as gone at every horizon, day 0 included: so day 0 can be below truckFactor.current, which counts inactive developers unless treatInactiveAsDeparted.'),
      }),
    ),
    projection: z.array(z.object({ days: z.number().int().nonnegative(), departed: z.array(z.string()), inactive: z.array(z.string()) })).describe('Who is gone at each horizon.'),
  })
  .describe('Recency-weighted ("current") figures and the forward projection (talentrisk extension, docs/metrics.md §7).');

export type CurrentOutput = z.output<typeof currentOutputSchema>;
