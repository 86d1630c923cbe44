import { z } from 'zod';

// The zod schemas of what every JSON document starts with (json-head.ts builds it), shared by
// scan-schema.ts, check-schema.ts, explain-schema.ts and handoff-schema.ts.

export const toolOutputSchema = z.object({ name: z.literal('talentrisk'), version: z.string() });

export const modelOutputSchema = z.enum(['talentrisk', 'classic']).describe('classic = the published method only (docs/metrics.md §1–§5).');

export const repositoryOutputSchema = z
  .object({
    path: z.string().describe('The root of the repository analysed.'),
    revision: z.string().describe('The commit analysed.'),
    requested: z.string().describe('The revision asked for (--rev / --until).'),
    revisionDate: z.string().describe('Committer date of the revision (ISO 8601).'),
    analyzedAt: z.string().describe('When the analysis ran (ISO 8601).'),
    isShallow: z.boolean().describe('A shallow clone: the figures cover only the fetched history.'),
    isPartial: z.boolean().describe('A partial clone (blobs left out): renames are found only where the content did not change.'),
    shallowSince: z
      .string()
      .nullable()
      .describe('In a shallow clone, the day (YYYY-MM-DD) its analysed history begins: the oldest first commit of its developers; null when the clone is not shallow.'),
  })
  .describe('The repository and revision analysed: the same object in every command’s document (the handoff’s adds referenceDate).');

export const warningsOutputSchema = z.array(z.string()).describe('The warnings the command prints on stderr, without the "talentrisk: warning: " prefix (a shallow clone, missing blobs, look-alike identities…).');

export type RepositoryOutput = z.output<typeof repositoryOutputSchema>;

/** A document's published JSON Schema (schema/*-output.schema.json), titled, as the tests that guard those files render it. */
export function renderOutputJsonSchema(schema: z.ZodType, title: string): string {
  const { $schema, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return `${JSON.stringify({ $schema, title, ...rest }, null, 2)}\n`;
}
