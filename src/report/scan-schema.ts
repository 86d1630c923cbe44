import { z } from 'zod';
import { criticalSystemOutputSchema } from './check-schema.ts';
import { currentOutputSchema, departuresOutputSchema } from './departures-json.ts';
import { modelOutputSchema, repositoryOutputSchema, toolOutputSchema, warningsOutputSchema } from './json-head-schema.ts';

// The JSON output of `talentrisk scan --format json`, schemaVersion 1. Written once here; the
// published schema/scan-output.schema.json is generated from it and kept in sync by a test.

const member = z.object({
  id: z.string().describe('Developer id (their most used email, lower-cased).'),
  name: z.string(),
  files: z.number().int().nonnegative().describe('Files of the set the developer authors.'),
  share: z.number().describe('files / files of the set (0–1).'),
  inactive: z
    .literal(true)
    .optional()
    .describe('Present (true) when the developer made no commit in the last settings.inactiveAfterDays days, as the tables mark them "(inactive)"; absent otherwise, and always under --model classic.'),
});

const truckFactor = z.object({
  value: z.number().int().nonnegative().describe('How many developers must leave before fewer than half the files have an author.'),
  coverage: z.number().describe('Share of files that still have an author after those removals (0–1).'),
  developers: z.array(member).describe('The removed developers, in order.'),
});

export const scanOutputSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('scan'),
    tool: toolOutputSchema,
    model: modelOutputSchema,
    repository: repositoryOutputSchema,
    settings: z.object({
      moduleDepth: z.number().int().nonnegative(),
      moduleChains: z
        .array(z.object({ from: z.string(), to: z.string() }))
        .describe(
          "Chains of folders that hold nothing but one subfolder which the automatic depth followed: from the chain's first folder ('.' for the root) to where it branches, whose folders are modules in its place (docs/metrics.md §6); empty when a depth is given.",
        ),
      halfLifeDays: z.number().describe('The configured half-life of knowledge (docs/metrics.md §7); the classic model does not use it.'),
      inactiveAfterDays: z.number().describe('The configured days without a commit after which a developer is inactive; the classic model does not use it.'),
      referenceDate: z.string(),
      coAuthors: z.boolean(),
    }),
    stats: z.object({
      commits: z.number().int().nonnegative().describe('Non-merge commits read.'),
      developers: z.number().int().nonnegative(),
      files: z.number().int().nonnegative().describe('Files analysed.'),
      excludedFiles: z.number().int().nonnegative().describe('Tracked files not analysed.'),
      trackedFiles: z.number().int().nonnegative(),
      bots: z.number().int().nonnegative(),
      botCommits: z.number().int().nonnegative().describe('Of the commits, those the bots authored (left out of every figure).'),
      commitsWithoutRenames: z.number().int().nonnegative().describe('Commits read without full rename detection (missing blobs): with exact renames only (-M100%), so a file moved and edited there starts a new history.'),
    }),
    exclusions: z.array(
      z.object({
        rule: z.string(),
        files: z.number().int().nonnegative(),
        folders: z
          .array(z.object({ path: z.string(), files: z.number().int().nonnegative() }))
          .optional()
          .describe('On the `vendor folder` rule only: the folders it matched, with their slash (`deps/`, `web/node_modules/`; a Yarn Plug\'n\'Play loader by its own path), and how many files of each; most files first.'),
      }),
    ),
    truckFactor: truckFactor.extend({ developers: z.array(member.extend({ emails: z.array(z.string()) })) }),
    developers: z.array(
      z.object({
        id: z.string(),
        name: z
          .string()
          .describe(
            'The name the reports show: their most used, with the address of their `id` added ("Name <a@x.org>", or "Name (no email)" for an id `name:<name>`) when another developer has that name too (case and spacing aside); `names` has it as git does.',
          ),
        emails: z.array(z.string()),
        names: z.array(z.string()).describe('Every name the developer committed under (after .mailmap): with emails, what the identity rule joined.'),
        commits: z.number().int().nonnegative().describe('Commits they authored; 0 for someone credited only as a co-author (Co-authored-by).'),
        filesAuthored: z.number().int().nonnegative(),
        firstCommit: z.string(),
        lastCommit: z.string(),
      }),
    ),
    modules: z.array(
      z.object({
        path: z.string(),
        rank: z
          .number()
          .int()
          .positive()
          .describe("The module's place in the scan table's \"Riskiest modules\" (1 = riskiest): lowest truck factor first, then most files, then path, with tests, examples, docs, settings and small modules after the code. The list itself is sorted by path."),
        kind: z.enum(['folder', 'workspace', 'root']).describe('folder: a folder at the module depth · workspace: a workspace package the repository declares · root: a folder of config modules.roots.'),
        category: z
          .enum(['code', 'tests', 'examples', 'docs', 'settings', 'small'])
          .describe(
            "What the module is for, as the module tables rank it (tests, examples, docs and small modules after the code): tests: tests, fixtures, test data, benchmarks and playgrounds · examples: examples and samples · docs: documentation and release notes · settings: editors' settings (.idea, .vscode) · small: code of fewer than 5 files · code: the rest. Read from the module's path: the outermost such folder names it (docs/examples is docs).",
          ),
        files: z.number().int().nonnegative(),
        truckFactor,
        developers: z.array(member).describe('Authors of the module, most files first.'),
        singleOwnerFiles: z.array(z.string()),
        orphanFiles: z.array(z.string()),
      }),
    ),
    files: z.array(
      z.object({
        path: z.string(),
        authors: z.array(z.object({ id: z.string(), doa: z.number(), normDoa: z.number() })),
      }),
    ),
    bots: z.array(z.string()),
    warnings: warningsOutputSchema,
    critical: z.array(criticalSystemOutputSchema).optional().describe('Critical systems of .talentrisk.yml and their status (when configured); with departures declared (--leaving, config departures), as they stand after them, as check judges them.'),
    criticalInactiveGone: z
      .number()
      .int().nonnegative()
      .optional()
      .describe('With critical systems: how many inactive developers their figures count as gone (model.treatInactiveAsDeparted: true; 0 otherwise), as check says in inactiveGone.'),
    departures: departuresOutputSchema.optional().describe('Extension: what leaves with the people leaving (when --leaving or config departures are given).'),
    current: currentOutputSchema.optional().describe('Extension: recency-weighted ("current") authors and truck factor, inactive developers, and the expert projection per module.'),
  })
  .catchall(z.unknown())
  .describe('talentrisk scan output');

export type ScanOutput = z.output<typeof scanOutputSchema>;
