import { z } from 'zod';
import { AUTOMATED_MIN_REPEATS, AUTOMATED_MIN_SHARE, MIN_SUBJECT_REPEATS, REPEATED_SUBJECTS } from '../model/automated-addresses.ts';
import { BULK_CHANGES } from '../model/authorship.ts';
import { CO_AUTHOR_ONLY_FILES, CO_AUTHOR_ONLY_SHARE } from '../model/co-author-credit.ts';
import { COMPARABLE_DOA_SHARE } from '../model/successors.ts';
import { BARELY_NORM_DOA, MANY_OWN_CHANGES } from '../model/take-over.ts';
import { oneOffSchema } from './departures-json.ts';
import { modelOutputSchema, renderOutputJsonSchema, repositoryOutputSchema, toolOutputSchema, warningsOutputSchema } from './json-head-schema.ts';

// The JSON output of `talentrisk handoff <who> --format json`, schemaVersion 1. Written once here;
// the published schema/handoff-output.schema.json is generated from it and kept in sync by a test
// (test/report/output-schemas.test.ts). toHandoffJson (handoff-json.ts) returns this type.

const count = z.number().int().nonnegative();
/** Files counted by what they are for (model/module-category.ts fileCategory). */
const filesByCategory = z.object({ code: count, tests: count, examples: count, docs: count, settings: count });

const person = z.object({ id: z.string().describe('Developer id (their most used email, lower-cased).'), name: z.string() });
const strength = z
  .enum(['author', 'ok', 'weak', 'none'])
  .describe('author: still an author · ok: normDOA ≥ weakSuccessorThreshold and DOA ≥ weakSuccessorDoaFloor · weak: below either · none: nobody who stays touched the file.');

const successor = person
  .extend({
    doa: z.number(),
    normDoa: z.number().describe('DOA / the file’s highest DOA.'),
    fa: z.number().int().nonnegative(),
    dl: z.number().int().nonnegative(),
    commits: z.number().int().nonnegative().describe('Their commits on the file (FA + DL).'),
    lastChange: z.string().describe('Their newest change of the file (ISO 8601).'),
    bulk: z.number().int().nonnegative().describe(`Of dl, their changes in bulk commits: commits that change or move ${BULK_CHANGES} analysed files or more (a sweep, a reorganisation), counted in the figures as METRICS §4 has them.`),
    bulkOnly: z.boolean().describe('They did not create the file and every change of theirs to it was in a bulk commit: the figures count them, but they never worked on it themselves (talentrisk extension).'),
    oneOff: oneOffSchema('the reference date'),
  })
  .nullable()
  .describe('Who knows the file best among those who stay and are active (between equal DOAs, someone who changed it hands-on and is no one-off contributor); null: nobody.');

const handoffFile = z.object({
  path: z.string(),
  status: z.enum(['sole', 'shared']).describe('sole: they are its only author · shared: others author it too.'),
  otherAuthors: z.array(person).describe('Other authors who stay.'),
  otherAuthorsLeaving: z.array(person).describe('Other authors who leave too.'),
  otherAuthorsAllInactive: z.boolean().describe('Shared, and every other author who stays is inactive: nobody active would author it after they leave.'),
  critical: z.array(z.string()).describe('The critical systems the file belongs to.'),
  doa: z.number(),
  normDoa: z.number(),
  commits: z.number().int().nonnegative().describe('Their commits on the file (FA + DL).'),
  lastChange: z.string().describe('Their newest change of the file (ISO 8601).'),
  events: z.number().int().nonnegative().describe('Events on the file by anyone (adds, changes and renames).'),
  noActiveAuthorLeft: z.boolean().describe('Nobody active who stays authors it after the departures: theirs alone, or every other author is inactive or leaving too. These are the files that need a new owner (takeOver).'),
  successor,
  successorStrength: strength,
  recentSuccessor: successor.describe(
    'Beside a weak successor (talentrisk extension; null otherwise, and under --model classic): who stays, is active and has the highest current (decayed) DOA on the file among those who changed it hands-on (not only in bulk commits, and no one-off contributor), when that is someone else who changed it more recently. doa and normDoa are the classic figures.',
  ),
  handsOnSuccessor: successor.describe(
    `Beside a successor whose changes to the file were all in bulk commits (successor.bulkOnly): who stays, is active and has the highest DOA among those who created the file or changed it outside bulk commits; beside a one-off contributor (successor.oneOff): the same among those who are no one-off contributors, when their DOA is at least ${COMPARABLE_DOA_SHARE} of the successor’s. Talentrisk extension: null otherwise, when nobody did, and under --model classic.`,
  ),
  coAuthorOnly: z
    .boolean()
    .describe(
      'They author the file only through co-author credit (Co-authored-by trailers on others’ commits, config model.coAuthors; talentrisk extension): with co-authors left out (model.coAuthors: false) they would not be one of its authors. Always false under --model classic and model.coAuthors: false.',
    ),
  authorsWithoutCoAuthors: z
    .array(person)
    .nullable()
    .describe('When coAuthorOnly: its authors with co-authors left out, highest DOA first (empty: it would have no author); null otherwise.'),
});

const takeOverCandidate = person.extend({
  files: z.number().int().nonnegative().describe('Of the files that need a new owner, those they are the successor of.'),
  ok: z.number().int().nonnegative().describe('Of those, as an ok successor.'),
  weak: z.number().int().nonnegative().describe('Of those, as a weak successor.'),
  barely: z.number().int().nonnegative().describe(`Of the weak ones, those they barely know: normDOA below ${BARELY_NORM_DOA}, and fewer than ${MANY_OWN_CHANGES} changes of their own (not in bulk commits).`),
  bulkOnly: z.number().int().nonnegative().describe(`Of files, those where every change of theirs was in a bulk commit (a sweep, a reorganisation of ${BULK_CHANGES} files or more): counted in ok, weak and barely too, by their strength (talentrisk extension).`),
  oneOff: z.boolean().describe('A one-off contributor (successor.oneOff): ranked after everyone else (talentrisk extension).'),
});
const areaTakeOverCandidate = takeOverCandidate.extend({
  moduleFilesAuthored: z.number().int().nonnegative().describe('Files of the module they author once everyone declared leaving has gone.'),
});
const takeOverFields = {
  files: z.number().int().nonnegative().describe('Their files nobody active would author after them and the others leaving: theirs alone, or shared only with inactive developers or others leaving (files[].noActiveAuthorLeft).'),
  noSuccessor: z.number().int().nonnegative().describe('Of those, the files nobody active who stays has changed.'),
};
const candidateOrder = 'oneOff contributors last, then most files not bulkOnly first, then most files, then most ok not bulkOnly, then fewest barely';
const mostActive = person.extend({ commits: z.number().int().positive().describe('Their commits to the module’s analysed files in those days.') });
const takeOver = z
  .object({ ...takeOverFields, candidates: z.array(takeOverCandidate).describe(`Everyone who is the successor of one of those files: ${candidateOrder}.`) })
  .describe('Who could take over their files that need a new owner (talentrisk extension).');

const busFactors = {
  busFactorBefore: z.number().int().nonnegative(),
  busFactorAfter: z.number().int().nonnegative().describe('After this person leaves, alone.'),
  busFactorAfterAll: z.number().int().nonnegative().optional().describe('After everyone declared leaving goes too (when others are).'),
};

const checklistItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transfer-file'),
    path: z.string(),
    successor: person.optional().describe('The weak successor to walk through it with; absent: none.'),
    strength,
    normDoa: z.number().optional().describe('The successor’s normDOA.'),
    recentSuccessor: person.optional().describe('Beside a weak successor: who changed it more recently and knows it best today (the file’s recentSuccessor).'),
    bulkOnly: z.boolean().optional().describe('true: every change of the successor’s to it was in a bulk commit (a sweep, a reorganisation).'),
    oneOff: z.boolean().optional().describe('true: the successor is a one-off contributor (the file’s successor.oneOff).'),
    handsOnSuccessor: person.optional().describe('Beside such a successor: the file’s handsOnSuccessor.'),
  }),
  z
    .object({ kind: z.literal('more-transfers'), files: z.number().int().nonnegative(), sharedOnlyWithInactive: z.number().int().nonnegative(), sharedOnlyWithLeaving: z.number().int().nonnegative() })
    .describe('The files beyond the transfer-file items with no or a weak successor (or one whose changes were all bulk commits).'),
  z.object({
    kind: z.literal('owner-area'),
    module: z.string(),
    soleFiles: z.number().int().nonnegative(),
    sharedOnlyWithInactive: z.number().int().nonnegative(),
    sharedOnlyWithLeaving: z.number().int().nonnegative().describe('Files of the area they share only with others leaving.'),
    bestPlaced: areaTakeOverCandidate.nullable().describe('The area’s first take-over candidate (areas[].takeOver); null: nobody active who stays has changed those files.'),
    mostActiveLately: mostActive.optional().describe('The area’s mostActiveLately, when bestPlaced is weak on all those files, a one-off contributor or null, and it is someone else.'),
  }),
  z.object({
    kind: z.literal('more-owner-areas'),
    areas: z.number().int().nonnegative(),
    soleFiles: z.number().int().nonnegative(),
    sharedOnlyWithInactive: z.number().int().nonnegative(),
    sharedOnlyWithLeaving: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('critical'), system: z.string(), ...busFactors, minOwners: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('co-change'), path: z.string(), partner: z.string() }),
  z.object({
    kind: z.literal('recent-work'),
    commits: z.number().int().nonnegative(),
    dependencyUpdates: z.number().int().nonnegative().describe('Of those commits, the ones whose subject reads as a dependency update (recent.groups[].dependencyUpdate).'),
    releases: z.number().int().nonnegative().describe('Of those commits, the ones whose subject reads as a version bump of the project itself (recent.groups[].release).'),
    days: z.number().int().nonnegative(),
    before: z.string().optional().describe('The day the days end on, when that is the revision’s last commit.'),
  }),
  z.object({ kind: z.literal('kept-files'), paths: z.array(z.string()), files: z.number().int().nonnegative() }).describe('Files they keep (see alsoWorkedOn’s keeper): the first few, and how many in all.'),
  z
    .object({ kind: z.literal('best-source-files'), paths: z.array(z.string()), files: z.number().int().nonnegative() })
    .describe('They are inactive: the files nobody active knows better (see alsoWorkedOn’s nobodyActiveKnowsBetter), the first few, and how many in all.'),
  z.object({ kind: z.literal('outside-git') }),
]);

export const handoffOutputSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('handoff'),
    tool: toolOutputSchema,
    model: modelOutputSchema,
    repository: repositoryOutputSchema.extend({
      referenceDate: z.string().describe('The moment recency and inactivity are measured from (ISO 8601): --until, or the end of the day of the run.'),
    }),
    person: person.extend({
      emails: z.array(z.string()),
      commits: z.number().int().nonnegative(),
      firstCommit: z.string(),
      lastCommit: z.string(),
      filesAuthored: z.number().int().nonnegative(),
      inactive: z.boolean().nullable().describe('No commit in the last successorsActiveWithinDays days; null: not judged.'),
      date: z.string().optional().describe('Their last day, when a departure gives it.'),
      note: z.string().optional(),
    }),
    alsoLeaving: z.array(person.extend({ date: z.string().optional() })).describe('Everyone declared leaving (config departures and --leaving): no successors.'),
    summary: z.object({
      soleFiles: z.number().int().nonnegative(),
      sharedFiles: z.number().int().nonnegative(),
      sharedOnlyWithInactive: z.number().int().nonnegative().describe('Of the shared files, those whose other authors who stay are all inactive.'),
      sharedOnlyWithLeaving: z.number().int().nonnegative().describe('Of the shared files, those whose other authors are all leaving too (none stays). With sharedOnlyWithInactive and soleFiles, the files that need a new owner.'),
      noActiveAuthorLeft: z.number().int().nonnegative().describe('Their files no active developer who stays authors.'),
      noActiveAuthorLeftByCategory: filesByCategory.describe('noActiveAuthorLeft by what the files are for, by their folder (code, tests and fixtures, examples, docs, editors’ settings: the categories of scan’s modules[].category but small), else by the file itself (ignore files, .gitreview, GitHub’s settings directly in .github/ and its templates: settings; prose: docs).'),
      soleModules: z.array(z.string()).describe('Modules where they are the only author of every authored file.'),
      sharedModules: z.array(z.string()),
      criticalSystems: z.array(
        z.object({
          name: z.string(),
          description: z.string().optional(),
          minOwners: z.number().int().nonnegative(),
          files: z.number().int().nonnegative(),
          theirFiles: z.number().int().nonnegative(),
          soleFiles: z.number().int().nonnegative(),
          ...busFactors,
        }),
      ),
      criticalSystemsConfigured: z.number().int().nonnegative().describe('How many critical systems the config names (0: none to be affected).'),
      truckFactor: z.object({
        before: z.number().int().nonnegative(),
        afterThem: z.number().int().nonnegative(),
        afterAll: z.number().int().nonnegative().optional().describe('After everyone declared leaving goes too (when others are).'),
        rank: z.number().int().positive().optional().describe('Their place among the people the truck factor counts (1: the first removed), when they are one of them: the figure falls with any of them, whatever its margin.'),
        thinMargin: z
          .number()
          .optional()
          .describe('When their leaving lowers it, they are not one of the people it counts (no rank), and the figure sits on the line: the share of files that keep an author without its first before − 1 people.'),
        whyLower: z
          .object({
            people: z.number().int().nonnegative().describe('How many of the people it counts are gone: as many as afterThem.'),
            coverage: z.number().describe('The share of files that keep an author without those people: at least half.'),
            theirFiles: z.number().int().nonnegative().describe('Of the files this person authors, those with no other author then.'),
            coverageWithoutThem: z.number().describe('The share that keeps an author without those files too: fewer than half, so the count stops at people.'),
          })
          .optional()
          .describe('When their leaving lowers it and they are not one of the people it counts (no rank), whatever the margin: why.'),
      }),
      orphanedFiles: z.number().int().nonnegative().describe('Their files left with no author when they (and the others leaving) go.'),
      orphanedFilesAlone: z.number().int().nonnegative().describe('Of those, the ones they alone leave with no author.'),
      noSuccessor: z.number().int().nonnegative(),
      noSuccessorByCategory: filesByCategory.describe('noSuccessor (and takeOver.noSuccessor, the same files) by what the files are for, as noActiveAuthorLeftByCategory.'),
      weakSuccessor: z.number().int().nonnegative(),
      bulkOnlySuccessor: z.number().int().nonnegative().describe('Of their files, those whose successor’s changes to it were all in bulk commits (successor.bulkOnly).'),
      bulkOnlyAuthor: z.number().int().nonnegative().describe('Of bulkOnlySuccessor, the files where that successor stays an author through bulk commits alone (so they are not counted as left with no author).'),
      bulkOnlyNobodyElse: z.number().int().nonnegative().describe('Of bulkOnlySuccessor, the files where that successor is no author and nobody else who stays and is active changed the file otherwise (no hands-on successor).'),
      takeOver: takeOver.describe('Who could take over their files that need a new owner, over all areas (talentrisk extension).'),
      coAuthorCredit: z
        .object({
          files: z.number().int().nonnegative().describe('Of their files, those they author only through co-author credit (files[].coAuthorOnly).'),
          soleFiles: z.number().int().nonnegative().describe('Of those, the files only they author (status sole).'),
          noActiveAuthorLeft: z.number().int().nonnegative().describe('Of files, those nobody active who stays would author after the departures (files[].noActiveAuthorLeft): the sole ones, and those shared only with inactive developers or others leaving.'),
          soleWithOtherAuthor: z.number().int().nonnegative().describe('Of those sole ones, the files someone else would author with co-authors left out.'),
          soleWithNoAuthor: z.number().int().nonnegative().describe('Of those sole ones, the files nobody would author with co-authors left out (soleWithOtherAuthor + soleWithNoAuthor = soleFiles).'),
          authorsInstead: z
            .array(person.extend({ files: z.number().int().nonnegative().describe('Of those sole files, the ones they would author.') }))
            .describe('Who would author those sole files with co-authors left out: most files first.'),
          commits: z.number().int().nonnegative().describe('Commits by others that credit them as a co-author.'),
          many: z
            .boolean()
            .describe(
              `files is many of their files, or soleFiles of the files only they author: ${CO_AUTHOR_ONLY_FILES} or more, and more than ${CO_AUTHOR_ONLY_SHARE * 100}% (as scan's note judges a truck-factor member). The document's summary says so only then; the file lists mark every such file.`,
            ),
        })
        .nullable()
        .describe(
          'Their files that are theirs only through Co-authored-by trailers on others’ commits (GitHub adds one for whoever pushes to a pull request before squash-merging it), and what the files only they author would be with co-authors left out (talentrisk extension; the other figures count the credit, as the model does). null under --model classic and model.coAuthors: false.',
        ),
    }),
    weakSuccessorThreshold: z.number(),
    weakSuccessorDoaFloor: z.number().describe('A successor whose DOA is below this is weak whatever their normDOA.'),
    successorsActiveWithinDays: z.number().nullable().describe('Successors are developers with a commit in this many days (null: inactive ones count too).'),
    nobodyActiveSince: z.string().nullable().describe('When everyone who stays is inactive: the last day anyone committed; else null.'),
    areas: z.array(
      z.object({
        module: z.string(),
        moduleFiles: z.number().int().nonnegative(),
        critical: z.array(z.string()),
        soleFiles: z.number().int().nonnegative(),
        sharedOnlyWithInactive: z.number().int().nonnegative(),
        sharedOnlyWithLeaving: z.number().int().nonnegative().describe('Shared files of the area whose other authors are all leaving too.'),
        coAuthorOnlyFiles: z.number().int().nonnegative().describe('Files of the area they author only through co-author credit (files[].coAuthorOnly).'),
        lastChange: z.string().describe('Their newest change to a file of the module, one they author or not (ISO 8601).'),
        truckFactorBefore: z.number().int().nonnegative(),
        truckFactorAfter: z.number().int().nonnegative().describe('After this person leaves, alone.'),
        truckFactorAfterAll: z.number().int().nonnegative().nullable().describe('After everyone declared leaving goes too; null when nobody else leaves.'),
        leftWithNoAuthor: z.boolean().describe('None of the module’s files keeps an author after this person leaves, alone (it had one before). The areas rank by truckFactorAfter falling to 0 (fewer than half keep one) instead.'),
        takeOver: z
          .object({ ...takeOverFields, candidates: z.array(areaTakeOverCandidate).describe(`Everyone who is the successor of one of those files: ${candidateOrder}, then most files of the module authored, then most changes to it.`) })
          .describe('Who could take over the area’s files that need a new owner (talentrisk extension).'),
        mostActiveLately: mostActive
          .nullable()
          .describe('Who stays, is active and made the most commits to the module’s analysed files in the recent days (recent.days, up to recent.before when set; a floor when recent.truncated), a pointer beside weak successors (talentrisk extension); null: nobody.'),
        files: z.array(handoffFile),
      }),
    ),
    alsoWorkedOn: z
      .array(
        z.object({
          path: z.string(),
          commits: z.number().int().nonnegative(),
          lastChange: z.string(),
          authors: z.array(person),
          keeper: z.boolean().describe('Every author is inactive or leaving, and nobody available changed it more than they did: in practice its maintainer.'),
          nobodyActiveKnowsBetter: z
            .boolean()
            .describe('They are inactive (so keep nothing), every author is inactive or leaving, and nobody active changed it more than they did: the best source left (talentrisk extension).'),
        }),
      )
      .describe('Files they changed most without being an author of them.'),
    coChange: z.object({
      commits: z.number().int().nonnegative().describe('The newest commits of the repository read for co-change.'),
      ignored: z.number().int().nonnegative().describe('Commits of that window left out (config ignoreRevs, subtree squashes).'),
      files: z.array(
        z.object({
          path: z.string(),
          commits: z.number().int().nonnegative(),
          partners: z.array(
            z.object({
              path: z.string(),
              together: z.number().int().nonnegative().describe('Commits changing both.'),
              share: z.number().describe('together / commits of the file.'),
              theirs: z.boolean().describe('Whether the partner is one of their files too.'),
              owner: person.nullable().describe('The partner’s top author.'),
            }),
          ),
        }),
      ),
    }),
    recent: z.object({
      days: z.number().int().nonnegative(),
      before: z.string().nullable().describe('The day the recent days end on when that is the revision’s last commit; null: the reference date.'),
      truncated: z.boolean().describe('The list may be cut short (too many commits to read).'),
      outsideAreas: z.number().int().nonnegative().describe('Their recent commits outside the areas (not listed).'),
      commits: z.array(z.object({ sha: z.string(), date: z.string(), subject: z.string(), files: z.array(z.string()).describe('Files of the commit in their areas.') })),
      groups: z
        .array(
          z.object({
            subject: z.string(),
            commits: z.array(z.string()).describe('The ids of the commits with this subject, newest first (the same change on several branches).'),
            date: z.string().describe('The newest of them (ISO 8601).'),
            firstDate: z.string().describe('The oldest of them (ISO 8601).'),
            files: z.array(z.string()).describe('Files of those commits in their areas.'),
            dependencyUpdate: z.boolean().describe('The subject reads as a dependency update (“Upgrade to …”, “Bump …”, “Update dependency …”, a deps scope), and not as a release.'),
            release: z.boolean().describe('The subject reads as a version bump of the project itself (“Update version to v1.2.3”, “Bump version to …”, “Release v1.2.3”, “v1.2.3”, a release scope).'),
          }),
        )
        .describe('The commits grouped by subject, as the document lists them: the other work first, then the releases, then the dependency updates, each newest first.'),
    }),
    inactive: z.array(person).describe('The developers the document names who made no commit in the last successorsActiveWithinDays days.'),
    fading: z
      .array(person.extend({ days: z.number().int().nonnegative().describe('Days since their last commit anywhere.') }))
      .describe('The active developers the document names (the person aside) whose last commit anywhere is more than half of successorsActiveWithinDays ago: the successor cells say "last commit N days ago".'),
    checklist: z.array(checklistItem),
    warnings: warningsOutputSchema,
    automatedAddresses: z
      .array(
        z.object({
          email: z.string().describe('One of person.emails (after .mailmap, lower-cased).'),
          commits: z.number().int().nonnegative().describe('Their commits under it in the two years before the analysis date, or before the last commit of a clone measured long after it (merges aside).'),
          repeatedCommits: z.number().int().nonnegative().describe('Of those, the commits with one of subjects.'),
          subjects: z
            .array(z.object({ subject: z.string().describe('The subject with its numbers read as X.'), commits: z.number().int().nonnegative() }))
            .describe(`The ${REPEATED_SUBJECTS} subjects it repeats most (each ${MIN_SUBJECT_REPEATS} times or more), most commits first.`),
        }),
      )
      .describe(
        `Their addresses whose commits look automated (a CI job committing as them, talentrisk extension): the subject repeated most has ${AUTOMATED_MIN_REPEATS} commits or more, and the ${REPEATED_SUBJECTS} repeated most make ${AUTOMATED_MIN_SHARE * 100}% or more of the address’s commits. The figures count those commits; config bots can leave them out. Empty when none does.`,
      ),
  })
  .describe('talentrisk handoff output');

export type HandoffOutput = z.output<typeof handoffOutputSchema>;

/** schema/handoff-output.schema.json (guarded by test/report/output-schemas.test.ts). */
export function renderHandoffOutputJsonSchema(): string {
  return renderOutputJsonSchema(handoffOutputSchema, 'talentrisk handoff --format json (schemaVersion 1)');
}
