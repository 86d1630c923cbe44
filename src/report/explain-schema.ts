import { z } from 'zod';
import { BULK_CHANGES } from '../model/authorship.ts';
import { modelOutputSchema, renderOutputJsonSchema, repositoryOutputSchema, toolOutputSchema, warningsOutputSchema } from './json-head-schema.ts';

// The JSON output of `talentrisk explain <path> --format json`, schemaVersion 1: a file's document
// or a folder's, told apart by `kind`. Written once here; the published
// schema/explain-output.schema.json is generated from it and kept in sync by a test
// (test/report/output-schemas.test.ts). explain-json.ts returns these types.

/** What every document starts with (json-head.ts). */
const head = <Kind extends string>(kind: Kind) => ({
  schemaVersion: z.literal(1),
  kind: z.literal(kind),
  tool: toolOutputSchema,
  model: modelOutputSchema,
  repository: repositoryOutputSchema,
});

const decayed = z
  .object({ fa: z.number(), dl: z.number(), ac: z.number(), doa: z.number(), normDoa: z.number(), isAuthor: z.boolean() })
  .describe('The recency-weighted ("current") figures of docs/metrics.md §7, weighted by age from settings.referenceDate; absent under --model classic.');

export const explainFileOutputSchema = z.object({
  ...head('file'),
  path: z.string().describe('The file, from the repository root.'),
  authors: z.array(z.string()).describe('Ids of its authors, highest DOA first.'),
  developers: z
    .array(
      z.object({
        id: z.string().describe('Developer id (their most used email, lower-cased).'),
        name: z.string(),
        fa: z.number().int().nonnegative().describe('First authorship: 1 when they created the file.'),
        dl: z.number().int().nonnegative().describe('Deliveries: their modifications and renames of the file.'),
        ac: z.number().int().nonnegative().describe('Acceptances: modifications and renames of the file by others.'),
        doa: z.number().describe('Degree of Authorship, rounded to 3 decimals (authorship is decided on the exact value).'),
        normDoa: z.number().describe('DOA / the file’s highest DOA, rounded to 3 decimals.'),
        isAuthor: z.boolean().describe('normDOA > 0.75 and (DOA ≥ 3.293 or FA = 1).'),
        lastChange: z.string().describe('Their newest change of the file (ISO 8601).'),
        bulk: z.number().int().nonnegative().describe(`Of dl, the changes made in commits that change or move ${BULK_CHANGES} analysed files or more (a sweep, a reorganisation; not those in config acknowledgedRevs): counted in dl as the published model has it, said apart.`),
        coAuthorFa: z
          .union([z.literal(0), z.literal(1)])
          .describe('1 when fa is 1 only through a Co-authored-by trailer: someone else’s commit created the file and credits them as a co-author (config model.coAuthors; talentrisk extension).'),
        coAuthorDl: z
          .number()
          .int()
          .nonnegative()
          .describe('Of dl, the changes credited to them only through Co-authored-by trailers on others’ commits (config model.coAuthors; talentrisk extension): counted in dl as the model has it, said apart. With co-authors left out (model.coAuthors: false) their DOA would be DOA(fa − coAuthorFa, dl − coAuthorDl, ac + coAuthorDl): a co-authored commit becomes its author’s change alone (one by a bot, nobody’s).'),
        reason: z.string().describe('In plain words, why they are or are not an author.'),
        inactive: z.boolean().optional().describe('No commit in the last inactiveAfterDays days; absent under --model classic.'),
        current: decayed.optional(),
      }),
    )
    .describe('Everyone who changed the file, highest DOA first.'),
  authorsWithoutCoAuthors: z
    .array(z.string())
    .optional()
    .describe(
      'Ids of its authors with co-authors left out (model.coAuthors: false), from each developer’s coAuthorFa and coAuthorDl, highest DOA first; absent when co-authors are not counted (model.coAuthors: false, --model classic). Talentrisk extension.',
    ),
  botCommits: z
    .object({
      commits: z.number().int().nonnegative(),
      bots: z.array(z.object({ name: z.string(), commits: z.number().int().nonnegative() })).describe('Per bot, by the name git has it under, most commits first.'),
    })
    .nullable()
    .describe('Its commits (git log --follow) whose author is a bot, which no figure counts; null when none, under --model classic, or when git cannot tell (a partial clone, a missing blob).'),
  ignoredCommits: z
    .object({
      commits: z.number().int().nonnegative(),
      sources: z.array(z.string()).describe('What lists them: the ignoreRevsFile (as committed at the revision) and/or "config `ignoreRevs`".'),
    })
    .nullable()
    .describe('Its commits (git log --follow) that config ignoreRevs or ignoreRevsFile lists, which credit nobody; null when none, under --model classic, or when git cannot tell (a partial clone, a missing blob). Talentrisk extension.'),
  currentAuthors: z.array(z.string()).optional().describe('Ids of its current (recency-weighted) authors, as scan’s current truck factor counts them; absent under --model classic.'),
  settings: z
    .object({ referenceDate: z.string(), halfLifeDays: z.number(), inactiveAfterDays: z.number(), treatInactiveAsDeparted: z.boolean() })
    .optional()
    .describe('What the current figures are measured with; absent under --model classic.'),
  warnings: warningsOutputSchema,
});

const member = z.object({
  id: z.string(),
  name: z.string(),
  files: z.number().int().nonnegative().describe('Files of the folder the developer authors.'),
  share: z.number().describe('files / files of the folder (0–1).'),
  inactive: z
    .literal(true)
    .optional()
    .describe('Present (true) when the developer made no commit in the last inactiveAfterDays days, as the table marks them "(inactive)"; absent otherwise, and always under --model classic.'),
  coAuthorOnlyFiles: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      'Of files, those they author only through co-author credit (Co-authored-by trailers on others’ commits; talentrisk extension): with co-authors left out (model.coAuthors: false) they would not author them. Absent when co-authors are not counted (model.coAuthors: false, --model classic), and in truckFactorWithoutCoAuthors.',
    ),
});

export const explainFolderOutputSchema = z.object({
  ...head('folder'),
  path: z.string().describe("The folder, from the repository root ('.' for the root)."),
  files: z.number().int().nonnegative().describe('Analysed files in it, at any depth.'),
  truckFactor: z.object({
    value: z.number().int().nonnegative(),
    coverage: z.number().describe('Share of its files that still have an author after the removals (0–1).'),
    developers: z.array(member).describe('The removed developers, in order.'),
  }),
  developers: z.array(member).describe('Authors of its files, most files first.'),
  singleOwnerFiles: z.array(z.string()),
  orphanFiles: z.array(z.string()).describe('Files with no author.'),
  notAnalysed: z
    .array(z.object({ rule: z.string().describe('Why, as the scan\'s exclusions name it.'), files: z.number().int().nonnegative() }))
    .describe('Tracked files under the folder that are not analysed, by why (most first); empty when every tracked file is.'),
  truckFactorWithoutCoAuthors: z
    .object({
      value: z.number().int().nonnegative(),
      coverage: z.number().describe('Share of its files analysed then that still have an author after the removals (0–1).'),
      developers: z.array(member).describe('The removed developers, in order.'),
    })
    .nullable()
    .optional()
    .describe(
      'The folder’s truck factor with co-authors left out (model.coAuthors: false), from each developer’s coAuthorFa and coAuthorDl (talentrisk extension): a file only co-authors were credited with (its commits’ authors bots) is not analysed then. null when none of its files has co-author credit (it is truckFactor then); absent when co-authors are not counted (model.coAuthors: false, --model classic).',
    ),
  revision: z.string().describe('The commit analysed (as repository.revision).'),
  warnings: warningsOutputSchema,
});

export const explainOutputSchema = z.discriminatedUnion('kind', [explainFileOutputSchema, explainFolderOutputSchema]).describe('talentrisk explain output');

export type ExplainFileOutput = z.output<typeof explainFileOutputSchema>;
export type ExplainFolderOutput = z.output<typeof explainFolderOutputSchema>;

/** schema/explain-output.schema.json (guarded by test/report/output-schemas.test.ts). */
export function renderExplainOutputJsonSchema(): string {
  return renderOutputJsonSchema(explainOutputSchema, 'talentrisk explain --format json (schemaVersion 1)');
}
