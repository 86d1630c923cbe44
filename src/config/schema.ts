import { z } from 'zod';
import { isRealDay } from '../model/analysis-date.ts';
import { IGNORE_REVS_FILE, MAX_MODULE_DEPTH } from './defaults.ts';

// The one source of truth for .talentrisk.yml: types, defaults and documentation (the JSON Schema in
// schema/talentrisk.schema.json is generated from it and guarded by a test).

/**
 * Whether every `[` and `{` of a glob is closed (a backslash escapes one). picomatch reads an
 * unclosed one literally, so `**\/*.{ts` matched nothing and was reported only as "no analysed file
 * matches", as if the files were missing.
 */
export function globBracketsClosed(text: string): boolean {
  let square = false;
  let curly = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (square) square = char !== ']';
    else if (char === '[') square = true;
    else if (char === '{') curly++;
    else if (char === '}' && curly > 0) curly--;
  }
  return !square && curly === 0;
}

const glob = z
  .string()
  .min(1, 'a glob cannot be empty')
  .refine(globBracketsClosed, "an unclosed \"[\" or \"{\" (to match one literally, escape it: 'a\\[b' in single quotes, \"a\\\\[b\" in double quotes)");
// Blank counts as empty: a system named " " showed as a blank name.
const nonEmpty = z
  .string()
  .min(1, 'must not be empty')
  .refine((value) => value.length === 0 || value.trim() !== '', 'must not be blank');

/**
 * A list that may also be left empty (`critical:` with only commented entries under it reads as
 * null): null means [], so a starter config whose entries are all commented out stays valid.
 */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullable()
    .transform((value) => value ?? []);
}
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // Only a well-formed date can be unreal (2025-02-30, 2025-13-01); a malformed one has its message already.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealDay(value), 'not a real date');

// A share is often written as a percentage (`maxKnowledgeLoss: 20%` was "expected a number, got the
// text" on laravel): `20%` says 0.2 as plainly, so it is read so.
// At most 100%, in the pattern itself, so that the JSON schema an editor reads refuses 150% too (a review).
const PERCENTAGE = /^\s*(100(?:\.0+)?|\d{1,2}(?:\.\d+)?)\s*%\s*$/;
// Any number with a %, so that one out of range is told so: `150%` was "expected a share from 0 to 1,
// or a percentage", as if a percentage were not taken (a user test).
const PERCENT_TEXT = /^\s*-?\d+(?:\.\d+)?\s*%\s*$/;
const outOfRange = (bound: string, other: string) => (issue: { input?: unknown }) =>
  `must be ${bound} (${other}): got ${typeof issue.input === 'string' ? issue.input.trim() : String(issue.input)}`;
// `25` is most often 25% without its sign: say how that is written.
const percentWithoutSign = (issue: { input?: unknown }) => (typeof issue.input === 'number' && issue.input <= 100 ? `; ${issue.input} percent is written ${issue.input}%` : '');
const share = z
  .union(
    [
      z
        .number()
        .min(0, { error: outOfRange('at least 0', '0% to 100% as a percentage') })
        .max(1, { error: (issue) => outOfRange('at most 1', `0% to 100% as a percentage${percentWithoutSign(issue)}`)(issue) }),
      // Not a percentage at all stops here (the union then says what it takes); one out of range goes on.
      z
        .string()
        // A refinement, not a pattern: the JSON schema keeps the one pattern that says it all.
        .refine((text) => PERCENT_TEXT.test(text), { abort: true })
        .regex(PERCENTAGE, { error: (issue) => outOfRange(String(issue.input).includes('-') ? 'at least 0%' : 'at most 100%', '0 to 1 as a share')(issue) }),
    ],
    { error: 'expected a share from 0 to 1, or a percentage (0.25 or 25%)' },
  )
  .transform((value) => (typeof value === 'number' ? value : Number(PERCENTAGE.exec(value)?.[1]) / 100));

export const criticalSystemSchema = z
  .strictObject({
    name: nonEmpty.describe('Name of the system, shown in every report (unique).'),
    paths: z
      .array(glob)
      .min(1, 'list at least one path glob')
      .refine((paths) => paths.length === 0 || paths.some((p) => !p.startsWith('!')), 'list at least one glob that does not start with "!" (a "!" glob only removes files)')
      .describe('Path globs (picomatch, relative to the repository root) of the files of the system; a glob starting with "!" removes files.'),
    minOwners: z
      .number()
      .int()
      .min(1, 'minOwners must be at least 1')
      .max(100, 'minOwners must be at most 100')
      .default(2)
      .describe('`check` fails when the bus factor (truck factor of the system’s files) is below this.'),
    maxKnowledgeLoss: share
      .optional()
      .describe('`check` fails when departures would orphan more than this share of the system’s files: 0–1, or a percentage (`20%` is 0.2).'),
    description: z.string().optional().describe("Free text, shown under the name in check's markdown, in its JUnit text and in the JSON."),
  })
  .describe('A system that must never depend on one person.');

export const personSchema = z
  .strictObject({
    name: nonEmpty.describe('The name to show for this person.'),
    emails: z.array(nonEmpty).default([]).describe('Every email this person commits with.'),
    // `@login`, as GitHub and CODEOWNERS write it, joined nothing.
    github: nonEmpty
      .transform((login) => login.replace(/^@/, ''))
      .optional()
      .describe('GitHub login (with or without its "@"): joins its no-reply emails.'),
  })
  .describe('Identities .mailmap does not merge.');

export const departureSchema = z
  .strictObject({
    who: nonEmpty.describe('Name, email or alias of a known developer.'),
    date: isoDay.optional().describe('Last day, YYYY-MM-DD (optional).'),
    note: z.string().optional(),
  })
  .describe('A person leaving.');

/** Top-level keys with this prefix are the user's own (anchors to merge), ignored by talentrisk. */
export const EXTENSION_KEY_PREFIX = 'x-';

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema for editor completion.'),
    version: z.literal(1).default(1).describe('Config format version.'),
    critical: list(criticalSystemSchema).default([]).describe('Critical systems, checked by `talentrisk check`.'),
    include: list(glob)
      .refine((globs) => globs.length === 0 || globs.some((g) => !g.startsWith('!')), 'list at least one glob that does not start with "!" (with only "!" globs nothing is included; to leave files out, use exclude)')
      .default([])
      .describe('Analyse only files matching these globs (default: every tracked file).'),
    exclude: list(glob).default([]).describe('Never analyse files matching these globs.'),
    defaultExclusions: z
      .boolean()
      .default(true)
      .describe('Apply the built-in exclusions (vendor folders, lock files, minified, binary, test snapshots, .gitattributes linguist-vendored/generated).'),
    people: list(personSchema).default([]).describe('Identity aliases.'),
    bots: list(nonEmpty).default([]).describe('Extra bot patterns over name or email, case-insensitive: plain wildcards (`*` any text, `?` one character; brackets are literal, as in `renovate[bot]`). `*[bot]`, `*-bot`, `* (bot)` and `bot@*` are built in.'),
    ignoreRevs: list(z.string().trim().regex(/^[0-9a-fA-F]{7,64}$/, 'a commit id: 7 to 64 hex digits'))
      .default([])
      .describe('Commits whose changes credit nobody, like .git-blame-ignore-revs: a sweep (license headers, formatting) or an import. Their adds, renames and deletions still move files, as a bot commit’s do. Off under --model classic.'),
    ignoreRevsFile: z
      .union([z.string().trim().min(1), z.literal(false)], { error: 'expected a path inside the repository (like .git-blame-ignore-revs), or false' })
      .default(IGNORE_REVS_FILE)
      .describe('A file of the repository listing commits that credit nobody, as ignoreRevs does (git blame\'s and GitHub\'s format: one commit id per line, `#` comments), read as committed at the analysed revision; false to read none. Off under --model classic.'),
    acknowledgedRevs: list(z.string().trim().regex(/^[0-9a-fA-F]{7,64}$/, 'a commit id: 7 to 64 hex digits'))
      .default([])
      .describe('Commits that history warnings name (an import, a sweep, a crowded commit) and that you have looked at: they are not named again. The figures do not change (ignoreRevs changes them).'),
    // `modules:` or `model:` with every key under it commented out reads as null: the defaults.
    modules: z.preprocess(
      (value) => value ?? undefined,
      z
      .strictObject({
        depth: z.number().int().min(1, 'depth must be at least 1').max(MAX_MODULE_DEPTH, `depth must be at most ${MAX_MODULE_DEPTH}`).optional().describe('Folder depth of a module, counting every folder (default: chosen to show 5–30 modules, where a folder that holds nothing but one subfolder gives way to the folders that chain branches into).'),
        roots: list(nonEmpty).default([]).describe('Extra folders that are modules of their own (like workspace packages).'),
        workspaces: z.boolean().default(true).describe('Detect workspace packages (package.json workspaces, pnpm-workspace.yaml, Cargo, go.work).'),
      })
      .prefault({})
      .describe('How files roll up into modules.'),
    ),
    model: z.preprocess(
      (value) => value ?? undefined,
      z
      .strictObject({
        halfLife: z.number().positive('halfLife must be a positive number of days').default(365).describe('Half-life of knowledge, in days (decayed figures).'),
        inactiveAfter: z.number().positive('inactiveAfter must be a positive number of days').default(180).describe('Days without a commit (a merge counts) after which a developer is inactive.'),
        treatInactiveAsDeparted: z.boolean().default(false).describe('Count inactive developers as gone in the current figures, and in check and the critical systems of scan (gate on who is active).'),
        coAuthors: z.boolean().default(true).describe('Credit Co-authored-by trailers with the commit’s events.'),
      })
      .prefault({})
      .describe('Model settings (extensions of the published method).'),
    ),
    departures: list(departureSchema).default([]).describe('People leaving (used by scan, check and handoff).'),
  })
  .describe('talentrisk configuration (.talentrisk.yml).');

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type CriticalSystem = z.output<typeof criticalSystemSchema>;
export type Departure = z.output<typeof departureSchema>;
