import { z } from 'zod';
import { modelOutputSchema, renderOutputJsonSchema, repositoryOutputSchema, toolOutputSchema, warningsOutputSchema } from './json-head-schema.ts';

// The JSON output of `talentrisk check --format json`, schemaVersion 1. Written once here; the
// published schema/check-output.schema.json is generated from it and kept in sync by a test.
// `criticalSystemOutputSchema` is also the shape of each entry of `scan --format json`'s `critical`.

const person = z.object({ id: z.string().describe('Developer id (their most used email, lower-cased).'), name: z.string() });
const member = person.extend({
  files: z.number().int().nonnegative().describe('Files of the system the developer authors.'),
  share: z.number().describe('files / files of the system (0–1).'),
});

const violation = z.object({
  rule: z.string().describe('minOwners, or maxKnowledgeLoss with departures.'),
  required: z.number(),
  actual: z.number(),
  message: z.string(),
});

export const criticalSystemOutputSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['ok', 'violation', 'error']).describe('ok: every rule holds · violation: a rule is broken · error: its globs match no analysed file.'),
  paths: z.array(z.string()).describe('The globs of the config.'),
  minOwners: z.number().int().nonnegative(),
  maxKnowledgeLoss: z.number().nullable(),
  knowledgeLoss: z
    .object({ share: z.number(), lostFiles: z.number().int().nonnegative(), files: z.number().int().nonnegative() })
    .nullable()
    .describe('With departures and a maxKnowledgeLoss: the share of the files they orphan (lostFiles of files), within the limit or not; null otherwise.'),
  files: z.number().int().nonnegative().describe('Analysed files the globs match.'),
  busFactor: z.number().int().nonnegative().describe('Truck factor of the system’s files (METRICS.md §5 on the subset).'),
  coverage: z.number().describe('Share of its files that keep an author after the bus-factor developers leave (0–1).'),
  owners: z.array(member).describe('The greedy truck-factor list, in order: who holds the knowledge.'),
  authors: z.array(member).describe('Every author of its files, most files first.'),
  singleOwnerFiles: z.array(z.object({ path: z.string(), owner: person })).describe('Files with exactly one author.'),
  orphanFiles: z.array(z.string()).describe('Files with no author.'),
  unmatchedPatterns: z.array(z.string()).describe('Globs that match no analysed file.'),
  violations: z.array(violation).describe('The rules it breaks; none for a system `check --changed` skipped (its figures are given all the same).'),
  error: z.string().nullable().describe('The configuration error, when status is error.'),
});

export const checkOutputSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('check'),
    tool: toolOutputSchema,
    model: modelOutputSchema,
    repository: repositoryOutputSchema,
    passed: z.boolean().describe('False when a checked system breaks a rule (exit code 1).'),
    verdict: z.string().describe('The one-line verdict of the text format.'),
    config: z.object({ file: z.string().describe('The config file, relative to the repository root.') }),
    changed: z
      .object({
        base: z.string().describe('The --changed base as given.'),
        mergeBase: z.string().describe('The merge base of the base and the analysed revision.'),
        files: z.number().int().nonnegative().describe('Paths changed from the merge base to the revision (a rename counts at both ends; deleted paths count).'),
        newOnly: z.boolean().optional().describe('true with --new-only: each violation is compared with the merge base (violations[].new and .base), and only new or worse ones fail.'),
      })
      .nullable()
      .describe('Set with --changed: only systems with a changed file are checked.'),
    departing: z
      .array(z.object({ id: z.string(), name: z.string(), date: z.string().optional() }))
      .describe('People assumed gone (config departures and --leaving); owners and bus factors are those after they leave.'),
    inactiveGone: z
      .number()
      .int().nonnegative()
      .describe('How many inactive developers the figures count as gone, as departures that already happened (model.treatInactiveAsDeparted: true); 0 otherwise and under --model classic.'),
    inactive: z
      .array(z.object({ id: z.string(), name: z.string(), lastCommit: z.string().describe('ISO date of their last commit.') }))
      .describe('Owners and authors the systems name who made no commit in the model.inactiveAfter days before the reference date (today, or --until); none under --model classic. The other formats mark them "(inactive)".'),
    summary: z.object({
      systems: z.number().int().nonnegative(),
      checked: z.number().int().nonnegative(),
      ok: z.number().int().nonnegative(),
      violations: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
      preexisting: z.number().int().nonnegative().describe('With --new-only: of `violations`, the systems whose every violation is already on the merge base, not made worse (they do not fail the check); 0 otherwise.'),
    }),
    systems: z
      .array(
        criticalSystemOutputSchema.extend({
          status: z.enum(['ok', 'violation', 'error', 'skipped']).describe('skipped: --changed left it out (no file of it changed), or, in a shallow clone, none of its files changed in the fetched history (its `error` says so).'),
          configLine: z.number().int().nonnegative().nullable().describe('Line of the system in the config file.'),
          changedAtRisk: z
            .array(z.object({ path: z.string(), added: z.boolean().describe('Whether the change adds the file (it is not at the merge base).') }))
            .optional()
            .describe('With --changed only: its files at risk (orphanFiles and singleOwnerFiles) that the change touched, in their order; empty for a skipped system.'),
          trackedFiles: z
            .number()
            .int()
            .nonnegative()
            .optional()
            .describe('In a shallow clone only, when more than `files`: the analysable files tracked at the revision that its globs match. It was judged on `files`, those with history in the fetched commits.'),
          keeper: z
            .object({
              id: z.string(),
              name: z.string(),
              files: z.number().int().nonnegative().describe('Files of the system they keep.'),
              commits: z.number().int().nonnegative().describe('The same count as `changes`, kept for compatibility: changes per file, not distinct commits.'),
              changes: z
                .number()
                .int()
                .nonnegative()
                .describe('Their changes (first authorship and deliveries) to those files, counted per file: a commit that changes three of them counts three.'),
            })
            .nullable()
            .optional()
            .describe(
              'When an owner of the system is inactive and some of its files have no author who is active and staying: the developer who has been keeping those files, by handoff’s “kept by” rule (every author of a file is inactive or leaving, and nobody active and staying changed it more; at least 2 changes): the one who keeps the most of them; null when nobody keeps them. Absent when no owner is inactive, or every file has an author who is active and staying.',
            ),
          violations: z
            .array(
              violation.extend({
                new: z
                  .boolean()
                  .optional()
                  .describe(
                    'With --new-only only: false when the merge base breaks the rule with a figure as bad (minOwners: a bus factor as low; maxKnowledgeLoss: a share as large), so the violation does not fail the check; true when it is new or worse.',
                  ),
                base: z
                  .object({
                    broken: z.boolean().describe('Whether the merge base breaks the rule too.'),
                    actual: z.number().nullable().describe('The rule’s figure at the merge base (bus factor, or share lost); null when no analysed file of the system is there.'),
                  })
                  .optional()
                  .describe('With --new-only only: the same rule at the merge base, judged by the same config.'),
              }),
            )
            .describe('The rules it breaks; none for a system `check --changed` skipped (its figures are given all the same).'),
        }),
      )
      .describe('Violations first, then by bus factor; skipped systems last.'),
    warnings: warningsOutputSchema,
  })
  .describe('talentrisk check output');

export type CheckOutput = z.output<typeof checkOutputSchema>;

/** schema/check-output.schema.json (guarded by test/report/check-schema.test.ts). */
export function renderCheckOutputJsonSchema(): string {
  return renderOutputJsonSchema(checkOutputSchema, 'talentrisk check --format json (schemaVersion 1)');
}
