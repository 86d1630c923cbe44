import { KEEPER_MIN_CHANGES, leaverKeepsFile } from './keepers.ts';
import { isRepositorySetting, listingTier } from './bookkeeping.ts';
import { AUTHOR_ABS_THRESHOLD } from './doa.ts';
import { createSystemMatcher, evaluateCriticalSystems, type CriticalSystemSpec } from './critical.ts';
import { authorsAfter, averageModuleEvents, isBusySmallModule, nobodyActiveSince, type Departure } from './departures.ts';
import { nameLookup } from './ownership-index.ts';
import { bestSuccessor, handsOnSuccessorOf, isBulkOnly, oneOffsOf, successorOf, WEAK_SUCCESSOR_NORM_DOA, type Successor, type SuccessorStrength } from './successors.ts';
import { moduleStandingOf } from './take-over.ts';
import type { OneOff } from './one-off.ts';
import { fadingDevelopers } from './fading.ts';
import { truckFactorOf } from './ownership.ts';
import { filesByModule, isSecondaryModule, moduleOfFile, testLibraries } from './modules.ts';
import { rowsWithin } from './rows.ts';
import { isTestData } from './test-data.ts';
import { FILE_CATEGORIES, fileCategory, type FileCategory } from './module-category.ts';
import { isOwnHeader, isOwnTest } from './own-test.ts';
import { takeOverOf, type TakeOver, type TakeOverCandidate } from './take-over.ts';
import { recentGroups, type RecentCommit, type RecentGroup } from './recent-work.ts';
import { automatedAddresses, type AuthoredSubject, type AutomatedAddress } from './automated-addresses.ts';
import { forEachOnlyAsCoAuthor, isManyOnlyAsCoAuthor } from './co-author-credit.ts';
import type { Analysis, DeveloperSummary, FileContribution, FileOwnership, ModelName, RepositoryInfo } from './types.ts';

// A handoff: what one person knows that others do not, and who should take it over (talentrisk
// extension, built on METRICS.md §8). "Their files" are the files they author (§4). Successors
// exclude everyone leaving. Co-change and recent commits come from a bounded git log that the
// command reads (src/git/person-log.ts) and passes in as plain data.

/** Co-change: a commit touching more files than this is a sweep (rename, reformat) and is ignored. */
export const MAX_CHANGESET = 30;
/** A partner changed with the file in at least this many commits… */
export const MIN_TOGETHER = 2;
/** …and in at least this share of the file's commits ("usually changed together"). */
export const MIN_TOGETHER_SHARE = 0.5;
/** The document lists at most this many files they changed without authoring them (at least 2 commits each). */
export const ALSO_WORKED_ON = 10;
/** Kept files the checklist names (the rest are counted; the "also worked on" table lists them). */
const KEPT_FILES_NAMED = 3;
/** A share of the window's commits above which a file is a hub, not a partner (see coChanges). */
export const HUB_SHARE = 0.1;
const MIN_HUB_COMMITS = 20;
export const RECENT_DAYS = 90;
/** A truck factor whose last step kept less than this share over half the files sits on the line. */
export const THIN_MARGIN = 0.02;
/** The document lists the co-change of this many files, with this many partners each. */
export const CO_CHANGE_LISTED = 15;
export const CO_CHANGE_PARTNERS_LISTED = 5;
/** The checklist names at most this many files to walk through one by one. */
const MAX_TRANSFER_ITEMS = 15;
/** Areas given an owner item each (deno: 50 such lines, many for 1-file modules); the rest in one line. */
const MAX_OWNER_AREA_ITEMS = 10;
const MAX_CO_CHANGE_ITEMS = 5;

/**
 * Why someone the truck factor does not count lowers it: without its first `people` (as many as the
 * figure after them), `coverage` of the files keep an author, at least half; `theirFiles` of the
 * files they author have no other author then, and without those `coverageWithoutThem` do, fewer
 * than half, so the count stops at `people`. helm at 2020-01-01: "4 → 3" for Michelle Noorali, who
 * authors 29 of 978 files, with no word why (52.04% and 49.18%, just above THIN_MARGIN; a tester).
 */
export interface LowerTruckFactor {
  people: number;
  coverage: number;
  coverageWithoutThem: number;
  theirFiles: number;
}

/**
 * Files counted by what they are for, by their folder (fileCategory: code, tests and fixtures,
 * examples, docs, editors' settings), the categories the areas rank by. helm at 2020-01-01: "nobody
 * for 100" of Adam Reese's files, 95 of them testdata fixtures (a tester).
 */
export type FilesByCategory = Record<FileCategory, number>;

/** A commit as the git layer reads it (only what the handoff needs). */
export interface HandoffCommitInput {
  sha: string;
  time: number;
  /** The author's email after .mailmap, lower case. */
  email?: string;
  subject: string;
  files: readonly string[];
}

export interface HandoffInput {
  analysis: Analysis;
  person: DeveloperSummary;
  /** The person's own departure entry, when the config or --leaving lists them. */
  departure?: Pick<Departure, 'date' | 'note'> | undefined;
  /** Others leaving: they are not successors. */
  alsoLeaving?: readonly Departure[];
  /**
   * Developers with no commit in the last `inactiveAfterDays` days: they are not proposed as
   * successors (someone who stopped committing cannot take over).
   */
  inactive?: readonly string[];
  inactiveAfterDays?: number;
  critical?: readonly CriticalSystemSpec[];
  /** Developers the critical systems count as gone already (`model.treatInactiveAsDeparted`), as `check` does. */
  criticalGone?: readonly string[];
  /** Newest commits of the repository, everyone's: the co-change window. */
  window?: readonly HandoffCommitInput[];
  /** Commits of the window left out as config `ignoreRevs` (said beside its size: "the last 1999 commits" read as a bug). */
  windowIgnored?: number;
  /** The person's commits of the last RECENT_DAYS days, newest first. */
  recent?: readonly HandoffCommitInput[];
  /**
   * Set (the day, YYYY-MM-DD) when those days end at the revision's last commit rather than at the
   * figures' date: an old clone measured today would show nobody's recent work.
   */
  recentBefore?: string | undefined;
  recentTruncated?: boolean;
  /**
   * Everyone's commits of those RECENT_DAYS days (read as far as the person's recent commits are:
   * recentTruncated says when not all): who is most active in each area (HandoffArea.mostActiveLately).
   */
  lately?: readonly HandoffCommitInput[];
  /** Files of 0 bytes at the revision: listed last, and no walk-through. */
  emptyFiles?: ReadonlySet<string>;
  /** The subject of every commit they authored, with its address: which of their addresses look automated. */
  authoredSubjects?: readonly AuthoredSubject[];
}

export interface HandoffFile {
  path: string;
  /** sole: they are its only author; shared: others author it too. */
  status: 'sole' | 'shared';
  /** Other authors who stay. */
  otherAuthors: string[];
  /**
   * Other authors who are leaving too: a shared file with no otherAuthors is shared only with them,
   * which the markdown said ("shared with others leaving") and the JSON did not (a user test).
   */
  othersLeaving: string[];
  /**
   * Shared, and every other author who stays is inactive: nobody active would author it after they
   * leave, though the published figures count those authors (flask: all 63 files David Lord shares
   * were shared with people gone for years; a tester). The checklist treats it as theirs alone.
   */
  othersInactive: boolean;
  critical: string[];
  doa: number;
  normDoa: number;
  /** Their commits on the file (FA + DL) and their newest change (unix seconds). */
  commits: number;
  lastChange: number;
  /** Events on the file by anyone (FileOwnership.events): what a successor's commits are set against. */
  events: number;
  /**
   * Nobody active who stays authors it after the departures: theirs alone, or every other author is
   * inactive or leaving too (needsOwner). Files shared only with others leaving were left out while
   * those shared with an inactive developer and someone leaving counted, and the summary said "only
   * with inactive developers" of both (spring-boot, an EM test: 73 of which 16 were shared with
   * Andy Wilkinson, leaving).
   */
  noActiveAuthorLeft: boolean;
  successor?: Successor;
  strength: SuccessorStrength;
  /**
   * Beside a weak successor (talentrisk extension, none under --model classic): who stays, is active
   * and has the highest current (decayed) DOA on the file, when that is someone else who changed it
   * more recently. numpy's handoff named Charles Harris for 51 files, 65 of its 179 successors last
   * touching the file 3+ years ago in sweeps, over people changing it this year (an EM test).
   */
  recentSuccessor?: Successor;
  /**
   * Beside a successor whose every change to the file was in a bulk commit (isBulkOnly; talentrisk
   * extension, none under --model classic): who stays, is active and has the highest DOA among those
   * who made a change of their own (created it, or changed it outside bulk commits). spring-boot:
   * Phillip Webb, successor of 412 of Stéphane Nicoll's files through a directory move and a
   * copyright sweep only (an EM test).
   */
  handsOnSuccessor?: Successor;
  /**
   * Set when they author the file only through co-author credit (Co-authored-by trailers on others'
   * commits; talentrisk extension, never under --model classic or model.coAuthors: false): its
   * authors with co-authors left out, highest DOA first (empty: none). laravel: 820 of Taylor
   * Otwell's 2,098 files, which his handoff counted among what only he knows (a review).
   */
  authorsWithoutCoAuthors?: string[];
}

/**
 * Their files they author only through co-author credit (HandoffFile.authorsWithoutCoAuthors), with
 * what those would be without it; absent under --model classic and model.coAuthors: false.
 */
export interface HandoffCoAuthorCredit {
  files: number;
  /** Of those, the files only they author (status sole). */
  soleFiles: number;
  /** Of those, the files nobody active who stays would author after the departures (HandoffFile.noActiveAuthorLeft; the sole ones among them). */
  noActiveAuthorLeft: number;
  /** Of those sole ones, the files someone else would author with co-authors left out… */
  soleWithOtherAuthor: number;
  /** …and those nobody would (soleWithOtherAuthor + soleWithNoAuthor = soleFiles). */
  soleWithNoAuthor: number;
  /** Who would author those sole files with co-authors left out: most files first, then by id. */
  authorsInstead: { id: string; files: number }[];
  /** Commits by others that credit them as a co-author (Analysis.coAuthorCommits). */
  commits: number;
  /**
   * Whether it is many, as scan's note judges a truck-factor member (isManyOnlyAsCoAuthor): of their
   * files, or of those only they author. The document's summary says so only then.
   */
  many: boolean;
}

export interface HandoffArea {
  module: string;
  /** Files of the module. */
  moduleFiles: number;
  critical: string[];
  files: HandoffFile[];
  soleFiles: number;
  /** Shared files whose other authors who stay are all inactive (HandoffFile.othersInactive). */
  sharedOnlyWithInactive: number;
  /** Shared files whose other authors are all leaving too (no other author stays). */
  sharedOnlyWithLeaving: number;
  /** Files they author only through co-author credit (HandoffFile.authorsWithoutCoAuthors). */
  coAuthorOnlyFiles: number;
  /**
   * Their newest change to a file of the module (unix seconds), one they author or not: tokio's
   * handoff said Carl Lerche last changed something in `tokio` on 2025-05-06, his last change to a
   * file he authors, while he changed tokio/README.md (Alice Ryhl's) on 2026-03-06 (first-time users).
   */
  lastChange: number;
  truckFactorBefore: number;
  /** After this person leaves, alone. */
  truckFactorAfter: number;
  /** After everyone declared leaving goes too, when others are. */
  truckFactorAfterAll?: number | undefined;
  /**
   * None of the module's files keeps an author after this person leaves, alone (it had one before):
   * scan's "orphaned module". The areas rank by the truck factor falling to 0 instead (see buildHandoff).
   */
  leftWithNoAuthor: boolean;
  /**
   * Who could take over the area's files nobody active would author after them (needsOwner: theirs
   * alone, or shared only with inactive developers): the successors of those files, with the
   * module's files each of them authors after the departures.
   */
  takeOver: AreaTakeOver;
  /**
   * Who stays, is active and made the most commits to the module's analysed files in the last
   * RECENT_DAYS days, no one-off contributor (HandoffInput.lately; talentrisk extension): a pointer beside weak successors,
   * which the history cannot name. helm at 2020-01-01: Marc Khouzam, who took over much of `cmd`
   * after Adam Reese left, had barely touched its files before and was nobody's successor, but made
   * the most commits to it in the last 90 days (a first-time user). Absent when nobody did, or when
   * the commits were not read.
   */
  mostActiveLately?: MostActive;
}

/** Someone's commits to a module in the last RECENT_DAYS days. */
export interface MostActive {
  id: string;
  commits: number;
}

/** A take-over candidate of an area, and how many of the module's files they author already. */
export interface AreaTakeOverCandidate extends TakeOverCandidate {
  moduleFilesAuthored: number;
}

export interface AreaTakeOver extends TakeOver {
  candidates: AreaTakeOverCandidate[];
}

export interface HandoffCriticalSystem {
  name: string;
  description?: string | undefined;
  minOwners: number;
  files: number;
  /** Of the system's files: how many they author, and alone. */
  theirFiles: number;
  soleFiles: number;
  busFactorBefore: number;
  /** After this person leaves, alone. */
  busFactorAfter: number;
  /** After everyone declared leaving goes too, when others are (the truck factor's afterAll). */
  busFactorAfterAll?: number | undefined;
}

export interface CoChangePartner {
  path: string;
  together: number;
  /** together / commits of the file. */
  share: number;
  /** Whether the partner is one of their files too. */
  theirs: boolean;
  /** The partner's top author (when it has one). */
  owner?: string;
}

export interface CoChange {
  path: string;
  commits: number;
  partners: CoChangePartner[];
}

export type ChecklistItem =
  /**
   * `bulkOnly`: the successor's every change to it was in a bulk commit; `oneOff`: the successor is a
   * one-off contributor (Successor.oneOff); `handsOnSuccessor`: HandoffFile's.
   */
  | { kind: 'transfer-file'; path: string; successor?: string; strength: SuccessorStrength; normDoa?: number; recentSuccessor?: string; bulkOnly?: boolean; oneOff?: OneOff; handsOnSuccessor?: string }
  /** The files beyond the transfer-file items: as many again with no or a weak successor. */
  | { kind: 'more-transfers'; files: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }
  /**
   * `sharedOnlyWithInactive`: files they share only with inactive developers, which need a new owner too;
   * `sharedOnlyWithLeaving`: files they share only with others leaving, likewise.
   * `bestPlaced`: the area's first take-over candidate (absent: nobody active who stays changed those files).
   * `mostActiveLately`: the area's, when the best placed is weak on all those files (or a one-off
   * contributor, or absent) and it is someone else.
   */
  | { kind: 'owner-area'; module: string; soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number; bestPlaced?: AreaTakeOverCandidate; mostActiveLately?: MostActive }
  | { kind: 'more-owner-areas'; areas: number; soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }
  | { kind: 'critical'; system: string; busFactorBefore: number; busFactorAfter: number; busFactorAfterAll?: number | undefined; minOwners: number }
  | { kind: 'co-change'; path: string; partner: string }
  /** `dependencyUpdates`, `releases`: of those commits, the ones whose subject reads as a dependency update, as a version bump of the project. */
  | { kind: 'recent-work'; commits: number; dependencyUpdates: number; releases: number; days: number; before?: string }
  /** Files they keep (see alsoWorkedOn's `keeper`): the first few, and how many in all. */
  | { kind: 'kept-files'; paths: string[]; files: number }
  | { kind: 'outside-git' };

export interface HandoffReport {
  /**
   * The analysis's repository, and the reference date of its figures. Its `shallowSince` (the day a
   * shallow clone's history begins): a handoff made in CI (actions/checkout fetches one commit) said
   * "nothing to hand over" of the maintainer, with the warning on stderr only (flask, a tester).
   */
  repository: RepositoryInfo & { referenceDate: string };
  model: ModelName;
  /** `inactive`: no commit in the last `successorsActiveWithinDays` days (null: not judged). */
  person: { id: string; name: string; emails: string[]; commits: number; firstCommit: string; lastCommit: string; filesAuthored: number; inactive: boolean | null; date?: string; note?: string };
  alsoLeaving: { id: string; name: string; date?: string }[];
  summary: {
    soleFiles: number;
    sharedFiles: number;
    /**
     * Of the shared files, those whose other authors who stay are all inactive: a labelled addition to
     * the figures, which count inactive developers as authors (0 when inactivity is not judged).
     */
    sharedOnlyWithInactive: number;
    /** Of the shared files, those whose other authors are all leaving too. */
    sharedOnlyWithLeaving: number;
    /** Their files no active developer who stays authors (theirs alone, shared only with inactive people or with others leaving). */
    noActiveAuthorLeft: number;
    /** noActiveAuthorLeft by what the files are for (FilesByCategory). */
    noActiveAuthorLeftByCategory: FilesByCategory;
    /** Modules where they are the only author of every authored file. */
    soleModules: string[];
    sharedModules: string[];
    criticalSystems: HandoffCriticalSystem[];
    /** How many critical systems the config names (0: none to be affected). */
    criticalSystemsConfigured: number;
    /**
     * `thinMargin`: when their leaving lowers it, they are not one of the people it counts, and the
     * figure sits on the method's line, the share of files that keep an author without its first
     * `before − 1` people (just over half). `rank`: their place among those people (1: the first),
     * when they are one: the figure counts them, so it falls with them whatever its margin.
     * `whyLower`: when their leaving lowers it and they are not one of those people, why (LowerTruckFactor).
     */
    truckFactor: { before: number; afterThem: number; afterAll?: number; rank?: number; thinMargin?: number; whyLower?: LowerTruckFactor };
    /** Their files left with no author when they (and the others leaving) go. */
    orphanedFiles: number;
    /** Of those, the ones they alone leave with no author (the same count when nobody else leaves). */
    orphanedFilesAlone: number;
    noSuccessor: number;
    /** noSuccessor by what the files are for (FilesByCategory): the same files as the take-over's noSuccessor. */
    noSuccessorByCategory: FilesByCategory;
    weakSuccessor: number;
    /** Of their files, those whose successor's every change to it was in a bulk commit (isBulkOnly). */
    bulkOnlySuccessor: number;
    /**
     * Of bulkOnlySuccessor, the files where that successor stays an author through bulk commits alone
     * (so the file is not left with no author), and the weak ones with no hands-on successor beside
     * them: a re-test read "412" beside "383 weak" and could not tell what it counted (spring-boot:
     * 237 authors by sweeps, 175 weak successors, 122 of them with nobody else who worked on the file).
     */
    bulkOnlyAuthor: number;
    bulkOnlyNobodyElse: number;
    /** Who could take over their files nobody active would author after them, over all areas (HandoffArea.takeOver). */
    takeOver: TakeOver;
    /** Their files that are theirs only through co-author credit; null when co-authors are not counted (--model classic, model.coAuthors: false). */
    coAuthorCredit: HandoffCoAuthorCredit | null;
  };
  areas: HandoffArea[];
  /**
   * Files they changed most without being an author of them (most commits first, at most
   * ALSO_WORKED_ON): where they worked beyond what they own. A mid-level contributor's document
   * (62 commits) covered 2 files (an EM test on flask).
   */
  /** `tier`: code, prose, chores, assets (handoffTier), which orders each group. */
  alsoWorkedOn: { path: string; commits: number; lastChange: number; authors: string[]; keeper: boolean; tier: number }[];
  coChange: CoChange[];
  coChangeWindow: number;
  /** Commits of the window left out as config ignoreRevs (not in coChangeWindow). */
  coChangeIgnored: number;
  recentDays: number;
  /** The day the recent days end on when that is the revision's last commit; null: the figures' date. */
  recentBefore: string | null;
  recentCommits: RecentCommit[];
  /** recentCommits by subject: the other work first, then the releases, then the dependency updates, each newest first. */
  recentGroups: RecentGroup[];
  /** Their recent commits outside the areas (not listed). */
  recentOutside: number;
  recentTruncated: boolean;
  checklist: ChecklistItem[];
  weakSuccessorThreshold: number;
  /** A successor whose DOA is below this (the model's absolute author floor) is weak whatever their normDOA. */
  weakSuccessorDoaFloor: number;
  /** Successors are developers with a commit in this many days (null: inactive ones count too). */
  successorsActiveWithinDays: number | null;
  /**
   * When everyone who stays is inactive, so nobody can be a successor (an old clone, or an old
   * history with a merge made today): the last day anyone committed (the document offers it to
   * `--until` when that day is itself outside the window); else null.
   */
  nobodyActiveSince: string | null;
  /** Display name of every developer id the report mentions. */
  names: Record<string, string>;
  /** Of those, the ones with no commit in the last `successorsActiveWithinDays` days (marked where named). */
  inactive: string[];
  /**
   * Of those, the active ones (not the person) whose last commit anywhere is more than half that
   * window ago: id → days since it (fading.ts; scan marks its successors so too). redis at
   * 2020-06-30: artix, successor on redis-cli.c, had last committed 133 days before and never again.
   */
  fading: Record<string, number>;
  /** The analysis's warnings (stderr prints them too): what makes its figures partial (a shallow clone, missing blobs). */
  warnings: string[];
  /**
   * Their addresses whose commits mostly repeat a few subjects many times (automatedAddresses): a CI
   * job committing as them, whose commits the figures count as theirs (laravel: 920 commits of
   * Taylor Otwell's no-reply addresses were workflow updates of facade docblocks, the changelog and
   * the version). Empty when none does, or when their subjects were not read.
   */
  automatedAddresses: AutomatedAddress[];
}

const STRENGTH_ORDER: Record<SuccessorStrength, number> = { none: 0, weak: 1, ok: 2, author: 3 };
// No successor and a weak one both need a walk-through: one tier, ranked by the work in the file.
// Apart, 30 files nobody else touched (an empty fixture among them) hid the two most worked-on
// files of the area, whose "weak" successors knew next to nothing (an EM test on httpd).
const TRANSFER_TIER: Record<SuccessorStrength, number> = { none: 0, weak: 0, ok: 1, author: 2 };

// Images, icons and fonts: nothing to walk anyone through (flask: the logo SVGs among "only they know").
const ASSET = /\.(?:svg|png|jpe?g|gif|ico|icns|webp|bmp|tiff?|woff2?|ttf|otf|eot)$/i;
// Plain text: with prose, after the code.
const PLAIN = /\.txt$/i;
// Templates, styles and data in a test folder are fixtures: with the release chores. 13 of Armin
// Ronacher's 16 walk-throughs were flask's 2011 test templates and static files (a tester).
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|specs?|fixtures|__fixtures__|testdata|test_apps)\//i;
const DATA = /\.(?:html?|css|txt|json|xml|ya?ml|csv|cfg|ini|toml|j2|jinja2?|tmpl|tpl)$/i;

/**
 * Where a file comes in the handoff's lists, after whatever order the lists already impose: code
 * (0), then prose, licences and plain text (1), then release chores and test fixtures (2: data in a
 * test folder, anything in a test-data folder), as
 * `check` lists its files at risk (listingTier), then images, fonts, repository settings (flask's
 * `.editorconfig`) and empty files (3), which get no walk-through.
 * Licence files, CHANGES.rst, logos and fixtures came before the code (flask, a tester).
 */
export function handoffTier(path: string, empty: ReadonlySet<string> = new Set()): 0 | 1 | 2 | 3 {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // Repository settings too: nobody walks a successor through a .gitignore or the
  // .git-blame-ignore-revs talentrisk reads (a review).
  if (ASSET.test(name) || isRepositorySetting(path) || empty.has(path)) return 3;
  // Anything in a test-data folder is a fixture: helm's cmd/helm/testdata/…/.helmignore, a name
  // with no extension, came before repo_add.go, code of the same area (a tester).
  if ((TEST_FOLDER.test(path) && DATA.test(name)) || isTestData(path)) return 2;
  const tier = listingTier(path);
  return tier === 0 && PLAIN.test(name) ? 1 : tier;
}

/**
 * The available developer with the highest current (decayed) DOA on the file among those who changed
 * it hands-on (not only in bulk commits, no one-off contributor), when that is not the successor and
 * their last change is more recent than the successor's; undefined without decayed figures (--model
 * classic). See HandoffFile's `recentSuccessor`.
 */
function moreRecentSuccessor(file: FileOwnership, unavailable: ReadonlySet<string>, successor: Successor, oneOffs: ReadonlyMap<string, OneOff>): Successor | undefined {
  let best: FileContribution | undefined;
  for (const c of file.contributions) {
    // Not someone whose change since was a sweep, nor a one-off contributor: once helm's secrets.go
    // went to Martin Hickey, who changed it by hand, Josh Soref's one spelling commit made him "more
    // recent" beside him, and Matt Farina's module-path sweep did the same elsewhere (a first-time user).
    if (unavailable.has(c.developer) || !c.decayed || isBulkOnly(c) || oneOffs.has(c.developer)) continue;
    if (!best?.decayed || c.decayed.doa > best.decayed.doa || (c.decayed.doa === best.decayed.doa && c.lastChange > best.lastChange)) best = c;
  }
  if (!best || best.developer === successor.id || best.lastChange <= successor.lastChange) return undefined;
  return successorOf(best, oneOffs);
}

/**
 * The area's take-over: the successors of its files that need an owner, each with the module's
 * files they author after the departures (hugo: Joe Mooring, successor on 40 of tpl's files that
 * only bep knows, authors 20 others; a tester), which with their changes to the module breaks a tie
 * between them (takeOverOf: helm's root module).
 */
function areaTakeOver(files: readonly HandoffFile[], moduleFiles: readonly FileOwnership[], after: (file: FileOwnership) => readonly string[]): AreaTakeOver {
  const needing = files.filter(needsOwner);
  const standing = moduleStandingOf(moduleFiles, new Set(needing.flatMap((file) => (file.successor ? [file.successor.id] : []))), after);
  const of = (id: string) => (Object.hasOwn(standing, id) ? standing[id] : undefined);
  const takeOver = takeOverOf(needing, of);
  return { ...takeOver, candidates: takeOver.candidates.map((candidate) => ({ ...candidate, moduleFilesAuthored: of(candidate.id)?.files ?? 0 })) };
}

/** Theirs alone, or shared only with inactive developers or others leaving: after them, nobody active authors it. */
function needsOwner(file: HandoffFile): boolean {
  return file.noActiveAuthorLeft;
}

/** Shared, and every other author is leaving too: nobody else stays. */
function sharedOnlyWithLeaving(file: HandoffFile): boolean {
  return file.status === 'shared' && file.otherAuthors.length === 0;
}

/** In the walk-throughs' tier: no successor, a weak one, one whose changes were all bulk commits, or a one-off contributor (the handoff's areas and scan's orphaned files). */
export function transferTier(file: { successor?: Successor | undefined; strength: SuccessorStrength }): number {
  return file.successor && (isBulkOnly(file.successor) || file.successor.oneOff) ? 0 : TRANSFER_TIER[file.strength];
}

/**
 * Per module, who stays, is available and made the most commits to its analysed files among
 * `commits` (everyone's of the last RECENT_DAYS days), then the most recent, then the lower id.
 * A commit is its author's (the address after .mailmap); one with no known author counts for nobody.
 */
export function mostActiveByModule(commits: readonly HandoffCommitInput[], analysis: Pick<Analysis, 'developers' | 'files'>, moduleOf: (path: string) => string, unavailable: ReadonlySet<string>): Map<string, MostActive> {
  const idOf = new Map(analysis.developers.flatMap((developer) => developer.emails.map((email): [string, string] => [email.toLowerCase(), developer.id])));
  const analysed = new Set(analysis.files.map((file) => file.path));
  const counts = new Map<string, Map<string, { commits: number; last: number }>>();
  for (const commit of commits) {
    const id = commit.email ? idOf.get(commit.email.toLowerCase()) : undefined;
    if (id === undefined || unavailable.has(id)) continue;
    for (const module of new Set(commit.files.filter((path) => analysed.has(path)).map(moduleOf))) {
      const byId = counts.get(module) ?? new Map<string, { commits: number; last: number }>();
      const entry = byId.get(id) ?? { commits: 0, last: 0 };
      entry.commits += 1;
      entry.last = Math.max(entry.last, commit.time);
      byId.set(id, entry);
      counts.set(module, byId);
    }
  }
  const result = new Map<string, MostActive>();
  for (const [module, byId] of counts) {
    const [id, best] = [...byId].sort(([a, x], [b, y]) => y.commits - x.commits || y.last - x.last || (a < b ? -1 : a > b ? 1 : 0))[0] as [string, { commits: number }];
    result.set(module, { id, commits: best.commits });
  }
  return result;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Their newest change to a file of the module: its contributions hold every developer who changed it,
 * the files they author among them.
 */
function lastChangeIn(moduleFiles: readonly FileOwnership[], id: string): number {
  let last = 0;
  for (const file of moduleFiles) {
    const mine = file.contributions.find((c) => c.developer === id);
    if (mine) last = Math.max(last, mine.lastChange);
  }
  return last;
}

/**
 * Whether a module ranks after the code in the handoff's areas and checklist: tests, fixtures,
 * examples and docs, and modules of fewer than SMALL_MODULE_FILES files (isSecondaryModule, as scan
 * ranks modules), but for a small module of code they leave with no author whose files were worked
 * on (events, by anyone) at least as much as an average module's, as `scan --leaving` lists it
 * (busySmallModules, src/model/departures.ts: spring-boot's 2-file `platform`).
 */
function secondaryModules(analysis: Pick<Analysis, 'files' | 'modules'>, areas: readonly HandoffArea[], groups: ReadonlyMap<string, readonly FileOwnership[]>, libraries: readonly string[]): (module: string) => boolean {
  const kindOf = new Map(analysis.modules.map((module) => [module.path, module.kind]));
  const eventsPerModule = averageModuleEvents(analysis);
  const lostEvents = (module: string) => (groups.get(module) ?? []).reduce((sum, file) => sum + (file.authors.length > 0 ? file.events : 0), 0);
  const busy = new Set(
    areas.filter((area) => isBusySmallModule({ path: area.module, files: area.moduleFiles }, area.leftWithNoAuthor, lostEvents(area.module), eventsPerModule, libraries)).map((area) => area.module),
  );
  return (module) => !busy.has(module) && isSecondaryModule({ path: module, kind: kindOf.get(module), files: groups.get(module)?.length ?? 0 });
}

/** Builds the handoff of one person. Pure: the same inputs always give the same report. */
export function buildHandoff(input: HandoffInput): HandoffReport {
  const { analysis, person } = input;
  const nameOf = nameLookup(analysis);
  const others = (input.alsoLeaving ?? []).filter((d) => d.id !== person.id);
  const goneAll = new Set([person.id, ...others.map((d) => d.id)]);
  const inactive = new Set(input.inactive ?? []);
  const unavailable = new Set([...goneAll, ...inactive]);
  const after = authorsAfter(goneAll);
  const afterThem = authorsAfter([person.id]);
  const moduleOf = moduleOfFile(analysis);
  const groups = filesByModule(analysis);
  const empty = input.emptyFiles ?? new Set<string>();
  // Memoised: the area sort asks it inside its comparator, twice per comparison.
  const tiers = new Map<string, number>();
  const tierOf = (path: string): number => {
    let tier = tiers.get(path);
    if (tier === undefined) tiers.set(path, (tier = handoffTier(path, empty)));
    return tier;
  };

  const systems = (input.critical ?? []).map((spec) => ({ spec, matches: createSystemMatcher(spec.paths) }));
  const criticalOf = (path: string) => systems.filter((s) => s.matches(path)).map((s) => s.spec.name);

  const theirs = analysis.files.filter((file) => file.authors.includes(person.id));
  const theirPaths = new Set(theirs.map((f) => f.path));
  // Their files that are theirs only through Co-authored-by trailers on others' commits, with who
  // would author them without (laravel: 820 of Taylor Otwell's 2,098 files; a review).
  const withoutCoAuthors = new Map<string, string[]>();
  const isPerson = (id: string) => id === person.id;
  if (analysis.settings.coAuthors) {
    forEachOnlyAsCoAuthor(
      theirs,
      (file, lost, without) => {
        if (lost.some(isPerson)) withoutCoAuthors.set(file.path, [...without]);
      },
      isPerson,
    );
  }
  const oneOffs = oneOffsOf(analysis);
  const areas = new Map<string, HandoffFile[]>();
  for (const file of theirs) {
    const contribution = file.contributions.find((c) => c.developer === person.id);
    if (!contribution) continue;
    const remaining = after(file);
    const { successor, strength } = bestSuccessor(file, unavailable, remaining, WEAK_SUCCESSOR_NORM_DOA, oneOffs);
    const recentSuccessor = strength === 'weak' && successor ? moreRecentSuccessor(file, unavailable, successor, oneOffs) : undefined;
    const handsOnSuccessor = handsOnSuccessorOf(file, unavailable, successor, analysis.model, oneOffs);
    const otherAuthors = file.authors.filter((id) => id !== person.id && !goneAll.has(id));
    const authorsWithoutCoAuthors = withoutCoAuthors.get(file.path);
    const entry: HandoffFile = {
      path: file.path,
      status: file.authors.length === 1 ? 'sole' : 'shared',
      otherAuthors,
      othersInactive: otherAuthors.length > 0 && otherAuthors.every((id) => inactive.has(id)),
      othersLeaving: file.authors.filter((id) => id !== person.id && goneAll.has(id)),
      critical: criticalOf(file.path),
      doa: contribution.doa,
      normDoa: contribution.normDoa,
      commits: contribution.fa + contribution.dl,
      lastChange: contribution.lastChange,
      events: file.events,
      noActiveAuthorLeft: remaining.every((id) => inactive.has(id)),
      strength,
      ...(successor ? { successor } : {}),
      ...(recentSuccessor ? { recentSuccessor } : {}),
      ...(handsOnSuccessor ? { handsOnSuccessor } : {}),
      ...(authorsWithoutCoAuthors ? { authorsWithoutCoAuthors } : {}),
    };
    const module = moduleOf(file.path);
    areas.set(module, [...(areas.get(module) ?? []), entry]);
  }

  // Not a one-off contributor: one commit of the last 90 days is no pointer to whom to ask.
  // An extension, as hands-on and more recent are: not under --model classic (a review).
  const lately = analysis.model === 'classic' ? new Map<string, MostActive>() : mostActiveByModule(input.lately ?? [], analysis, moduleOf, new Set([...unavailable, ...oneOffs.keys()]));
  const areaList: HandoffArea[] = [...areas].map(([module, files]) => {
    const moduleFiles = groups.get(module) ?? [];
    files.sort(
      (a, b) =>
        Number(b.critical.length > 0) - Number(a.critical.length > 0) ||
        Number(needsOwner(b)) - Number(needsOwner(a)) ||
        transferTier(a) - transferTier(b) ||
        tierOf(a.path) - tierOf(b.path) ||
        b.commits - a.commits ||
        STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] ||
        b.lastChange - a.lastChange ||
        byPath(a, b),
    );
    return {
      module,
      moduleFiles: moduleFiles.length,
      critical: [...new Set(files.flatMap((f) => f.critical))].sort(),
      files,
      soleFiles: files.filter((f) => f.status === 'sole').length,
      sharedOnlyWithInactive: files.filter((f) => f.othersInactive).length,
      sharedOnlyWithLeaving: files.filter(sharedOnlyWithLeaving).length,
      coAuthorOnlyFiles: files.filter((f) => f.authorsWithoutCoAuthors).length,
      lastChange: lastChangeIn(moduleFiles, person.id),
      truckFactorBefore: truckFactorOf(moduleFiles, nameOf).value,
      truckFactorAfter: truckFactorOf(moduleFiles, nameOf, afterThem).value,
      ...(others.length > 0 ? { truckFactorAfterAll: truckFactorOf(moduleFiles, nameOf, after).value } : {}),
      leftWithNoAuthor: moduleFiles.some((file) => file.authors.length > 0) && moduleFiles.every((file) => afterThem(file).length === 0),
      takeOver: areaTakeOver(files, moduleFiles, after),
      ...(lately.has(module) ? { mostActiveLately: lately.get(module) as MostActive } : {}),
    };
  });
  // By what their own leaving costs (the other departures' drops were theirs: jest-config, 6 → 3
  // with two others leaving and 6 → 5 without, ranked above a module only Tim knew): critical
  // systems first, then the modules whose truck factor falls to 0 (jest-schemas, 1 → 0, was 27th of
  // 76 areas behind e2e, 17 → 16, and cut from the document), then the truck-factor drop, then the
  // files only they know, then their latest change (git/git: git-gui, 1 → 0, came last, and
  // templates, 9 files only Junio knows, below xdiff with none).
  // A truck factor of 0 is fewer than half of the module's files keeping an author, not none of them
  // (leftWithNoAuthor): the document said "left with no author", and hugo's tpl (206 files only bep
  // knows, 20 Joe Mooring authors) came before hugofs (30, none kept; a tester). Ranked by "none
  // kept", the 1-file .circleci and the 6-file output would come before tpl, resources and hugolib,
  // 630 files only bep knows: the documents state the rule that is implemented instead.
  const drop = (area: HandoffArea) => area.truckFactorBefore - area.truckFactorAfter;
  const orphaned = (area: HandoffArea) => area.truckFactorBefore > 0 && area.truckFactorAfter === 0;
  // Test, fixture, example and docs modules after the code (vite's top contributor: after the
  // critical ones, 2–9-file playgrounds they leave with no author filled the 25 areas written out),
  // and modules of fewer than SMALL_MODULE_FILES files with them, as scan ranks modules (laravel:
  // `bin`, 4 files, and `config-stubs`, 1, came before src/Illuminate/Foundation, 243 files and 138
  // only Taylor Otwell knows; first-time users), but for a busy one they leave with no author.
  // The workspace packages named like a test suite but singular (tokio-test): code, here and in the counts by category.
  const libraries = testLibraries(analysis.modules);
  const secondary = secondaryModules(analysis, areaList, groups, libraries);
  const supporting = (area: HandoffArea) => Number(secondary(area.module));
  areaList.sort(
    (a, b) =>
      Number(b.critical.length > 0) - Number(a.critical.length > 0) ||
      supporting(a) - supporting(b) ||
      Number(orphaned(b)) - Number(orphaned(a)) ||
      drop(b) - drop(a) ||
      b.soleFiles - a.soleFiles ||
      b.lastChange - a.lastChange ||
      (a.module < b.module ? -1 : 1),
  );

  const criticalSystems = criticalSummary(analysis, input.critical ?? [], person.id, others.length > 0 ? goneAll : undefined, input.criticalGone ?? []);
  const allFiles = areaList.flatMap((a) => a.files);
  const soleModules = areaList.filter((a) => moduleOwners(groups.get(a.module) ?? []).every((id) => id === person.id)).map((a) => a.module);
  const byCategory = (files: readonly HandoffFile[]): FilesByCategory => {
    const counts = Object.fromEntries(FILE_CATEGORIES.map((category) => [category, 0])) as FilesByCategory;
    for (const file of files) counts[fileCategory(file.path, libraries)] += 1;
    return counts;
  };
  const afterThemValue = truckFactorOf(analysis.files, nameOf, afterThem).value;
  // One of the people the figure counts lowers it by leaving, whatever the margin: tokio's handoff of
  // Carl Lerche, the first of its 7, blamed "7 → 6" on the 50.0% line (first-time users).
  const rank = analysis.truckFactor.developers.findIndex((developer) => developer.id === person.id) + 1;
  const lowered = afterThemValue < analysis.truckFactor.value && rank === 0;
  // Both count the files kept without the figure's first people (usually as many: one step before the last).
  const keptWithout = keptWithoutFirstPeople(analysis);
  const margin = lowered ? coverageBeforeLastStep(analysis, keptWithout) : undefined;
  const whyLower = lowered ? lowerTruckFactor(analysis, person.id, afterThemValue, keptWithout) : undefined;
  const truckFactor: HandoffReport['summary']['truckFactor'] = {
    before: analysis.truckFactor.value,
    afterThem: afterThemValue,
    ...(others.length > 0 ? { afterAll: truckFactorOf(analysis.files, nameOf, after).value } : {}),
    ...(rank > 0 ? { rank } : {}),
    ...(margin !== undefined && margin < 0.5 + THIN_MARGIN ? { thinMargin: margin } : {}),
    ...(whyLower ? { whyLower } : {}),
  };
  const recent = recentIn(input.recent ?? [], new Set(areaList.map((a) => a.module)), moduleOf, analysis);
  const coChange = coChanges(byDevelopers(input.window ?? [], analysis), theirPaths, analysis);

  const report: HandoffReport = {
    repository: { ...analysis.repository, referenceDate: analysis.settings.referenceDate },
    model: analysis.model,
    person: {
      id: person.id,
      name: person.name,
      emails: person.emails,
      commits: person.commits,
      firstCommit: person.firstCommit,
      lastCommit: person.lastCommit,
      filesAuthored: theirs.length,
      inactive: input.inactive !== undefined ? input.inactive.includes(person.id) : null,
      ...(input.departure?.date ? { date: input.departure.date } : {}),
      ...(input.departure?.note ? { note: input.departure.note } : {}),
    },
    alsoLeaving: others.map((d) => ({ id: d.id, name: d.name, ...(d.date ? { date: d.date } : {}) })),
    summary: {
      soleFiles: allFiles.filter((f) => f.status === 'sole').length,
      sharedFiles: allFiles.filter((f) => f.status === 'shared').length,
      sharedOnlyWithInactive: allFiles.filter((f) => f.othersInactive).length,
      sharedOnlyWithLeaving: allFiles.filter(sharedOnlyWithLeaving).length,
      noActiveAuthorLeft: allFiles.filter((f) => f.noActiveAuthorLeft).length,
      noActiveAuthorLeftByCategory: byCategory(allFiles.filter((f) => f.noActiveAuthorLeft)),
      soleModules,
      // Modules where they share a file: "Shares 0 files (in `src`)" named a module where others
      // author other files and they share none (doc audit).
      sharedModules: areaList.filter((a) => !soleModules.includes(a.module) && a.files.some((f) => f.status === 'shared')).map((a) => a.module),
      criticalSystems,
      criticalSystemsConfigured: (input.critical ?? []).length,
      truckFactor,
      orphanedFiles: theirs.filter((f) => after(f).length === 0).length,
      orphanedFilesAlone: theirs.filter((f) => afterThem(f).length === 0).length,
      noSuccessor: allFiles.filter((f) => f.strength === 'none').length,
      noSuccessorByCategory: byCategory(allFiles.filter((f) => f.strength === 'none')),
      weakSuccessor: allFiles.filter((f) => f.strength === 'weak').length,
      bulkOnlySuccessor: allFiles.filter((f) => f.successor !== undefined && isBulkOnly(f.successor)).length,
      bulkOnlyAuthor: allFiles.filter((f) => f.strength === 'author' && f.successor !== undefined && isBulkOnly(f.successor)).length,
      bulkOnlyNobodyElse: allFiles.filter((f) => f.strength !== 'author' && f.successor !== undefined && isBulkOnly(f.successor) && f.handsOnSuccessor === undefined).length,
      takeOver: takeOverOf(allFiles.filter(needsOwner)),
      coAuthorCredit: analysis.settings.coAuthors ? coAuthorCreditOf(allFiles, analysis.coAuthorCommits?.[person.id] ?? 0) : null,
    },
    areas: areaList,
    alsoWorkedOn: alsoWorkedOn(analysis, person.id, unavailable, inactive, tierOf),
    coChange,
    coChangeWindow: input.window?.length ?? 0,
    coChangeIgnored: input.windowIgnored ?? 0,
    recentDays: RECENT_DAYS,
    recentBefore: input.recentBefore ?? null,
    recentCommits: recent.listed,
    recentGroups: recentGroups(recent.listed),
    recentOutside: recent.outside,
    recentTruncated: input.recentTruncated ?? false,
    checklist: [],
    weakSuccessorThreshold: WEAK_SUCCESSOR_NORM_DOA,
    weakSuccessorDoaFloor: AUTHOR_ABS_THRESHOLD,
    successorsActiveWithinDays: input.inactive !== undefined && input.inactiveAfterDays !== undefined ? input.inactiveAfterDays : null,
    nobodyActiveSince: input.inactive === undefined ? null : (nobodyActiveSince(analysis.developers, goneAll, new Set(input.inactive)) ?? null),
    names: {},
    inactive: [],
    fading: {},
    // As they stand once the departures are resolved (a departure beyond a shallow clone's history warns).
    warnings: [...analysis.warnings],
    automatedAddresses: automatedAddresses(input.authoredSubjects ?? []),
  };
  report.checklist = checklist(report, moduleOf, tierOf, secondary);
  report.names = namesOf(report, nameOf);
  report.inactive = Object.keys(report.names).filter((id) => inactive.has(id) && id !== person.id);
  if (input.inactive !== undefined) {
    report.fading = Object.fromEntries([...fadingDevelopers(analysis)].filter(([id]) => id !== person.id && id in report.names && !inactive.has(id)));
  }
  return report;
}

function namesOf(report: HandoffReport, nameOf: (id: string) => string): Record<string, string> {
  const ids = new Set<string>([report.person.id, ...report.alsoLeaving.map((d) => d.id)]);
  for (const area of report.areas) {
    for (const file of area.files) {
      for (const id of [...file.otherAuthors, ...file.othersLeaving]) ids.add(id);
      if (file.successor) ids.add(file.successor.id);
      if (file.recentSuccessor) ids.add(file.recentSuccessor.id);
      if (file.handsOnSuccessor) ids.add(file.handsOnSuccessor.id);
      for (const id of file.authorsWithoutCoAuthors ?? []) ids.add(id);
    }
    if (area.mostActiveLately) ids.add(area.mostActiveLately.id);
  }
  for (const entry of report.coChange) for (const partner of entry.partners) if (partner.owner) ids.add(partner.owner);
  for (const file of report.alsoWorkedOn) for (const id of file.authors) ids.add(id);
  return Object.fromEntries([...ids].sort().map((id) => [id, nameOf(id)]));
}

/**
 * Their files that are theirs only through co-author credit, and what the files only they author
 * would be without it: another author (whom), or none.
 */
function coAuthorCreditOf(files: readonly HandoffFile[], commits: number): HandoffCoAuthorCredit {
  const credited = files.filter((f) => f.authorsWithoutCoAuthors);
  const sole = credited.filter((f) => f.status === 'sole');
  const instead = new Map<string, number>();
  for (const file of sole) for (const id of file.authorsWithoutCoAuthors ?? []) instead.set(id, (instead.get(id) ?? 0) + 1);
  const soleWithNoAuthor = sole.filter((f) => f.authorsWithoutCoAuthors?.length === 0).length;
  const soleFiles = files.filter((f) => f.status === 'sole').length;
  return {
    files: credited.length,
    soleFiles: sole.length,
    noActiveAuthorLeft: credited.filter((f) => f.noActiveAuthorLeft).length,
    soleWithOtherAuthor: sole.length - soleWithNoAuthor,
    soleWithNoAuthor,
    authorsInstead: [...instead].map(([id, count]) => ({ id, files: count })).sort((a, b) => b.files - a.files || (a.id < b.id ? -1 : 1)),
    commits,
    many: isManyOnlyAsCoAuthor(credited.length, files.length) || isManyOnlyAsCoAuthor(sole.length, soleFiles),
  };
}

function moduleOwners(files: readonly FileOwnership[]): string[] {
  return [...new Set(files.flatMap((f) => f.authors))];
}

/**
 * The critical systems with a file of theirs: bus factor before, after they leave, and after
 * everyone declared leaving goes too (`goneAll`, when others are). A drop that takes the others
 * was charged to the one person (an EM test: "core: 2 → 1", while `check --leaving` them gave 2).
 */
function criticalSummary(analysis: Analysis, specs: readonly CriticalSystemSpec[], personId: string, goneAll: ReadonlySet<string> | undefined, gone: readonly string[]): HandoffCriticalSystem[] {
  // Without those counted as gone already, as check judges the systems (a review: with
  // treatInactiveAsDeparted, check failed core today while the handoff blamed its 2 → 1 on Bob).
  const base = authorsAfter(gone);
  const before = evaluateCriticalSystems(analysis, specs, gone.length > 0 ? { authorsOf: base } : {});
  const later = evaluateCriticalSystems(analysis, specs, { authorsOf: authorsAfter([personId], base) });
  const laterAll = goneAll ? evaluateCriticalSystems(analysis, specs, { authorsOf: authorsAfter(goneAll, base) }) : undefined;
  const fileAt = new Map(analysis.files.map((f) => [f.path, f]));
  const result: HandoffCriticalSystem[] = [];
  before.forEach((system, index) => {
    const files = system.files.map((path) => fileAt.get(path)).filter((f): f is FileOwnership => f !== undefined);
    const theirs = files.filter((f) => base(f).includes(personId));
    if (theirs.length === 0) return;
    result.push({
      name: system.name,
      ...(system.description ? { description: system.description } : {}),
      minOwners: system.minOwners,
      files: files.length,
      theirFiles: theirs.length,
      soleFiles: theirs.filter((f) => base(f).length === 1).length,
      busFactorBefore: system.busFactor,
      busFactorAfter: later[index]?.busFactor ?? 0,
      ...(laterAll ? { busFactorAfterAll: laterAll[index]?.busFactor ?? 0 } : {}),
    });
  });
  // What this departure breaks first (at or above the rule before, below it after), then the rest:
  // a system below its rule already, where they author nothing alone, came first (a review on tokio).
  // Then what the departures together break ("below the rule with the other departures").
  const breaks = (system: HandoffCriticalSystem) =>
    system.busFactorBefore < system.minOwners ? 0 : system.busFactorAfter < system.minOwners ? 2 : (system.busFactorAfterAll ?? system.busFactorAfter) < system.minOwners ? 1 : 0;
  return result.sort((a, b) => breaks(b) - breaks(a) || (a.busFactorAfterAll ?? a.busFactorAfter) - (b.busFactorAfterAll ?? b.busFactorAfter) || a.busFactorAfter - b.busFactorAfter || (a.name < b.name ? -1 : 1));
}

function recentIn(commits: readonly HandoffCommitInput[], areas: ReadonlySet<string>, moduleOf: (path: string) => string, analysis: Analysis) {
  const analysed = new Set(analysis.files.map((f) => f.path));
  const listed: RecentCommit[] = [];
  let outside = 0;
  for (const commit of commits) {
    const files = commit.files.filter((path) => analysed.has(path) && areas.has(moduleOf(path)));
    if (files.length === 0) outside += 1;
    else listed.push({ sha: commit.sha, time: commit.time, subject: commit.subject, files: [...files].sort() });
  }
  listed.sort((a, b) => b.time - a.time || (a.sha < b.sha ? -1 : 1));
  return { listed, outside };
}

/**
 * `keeper`: they are active, every author of the file is unavailable (inactive, or leaving), and
 * nobody active changed it more than they did (leaverKeepsFile): in practice its maintainer. redis's
 * active maintainer left server.c (169 of his commits), module.c and rdb.c, authored by antirez
 * (inactive), with no word in his handoff but "also worked on" (an EM test). Kept files come first.
 */
function alsoWorkedOn(analysis: Pick<Analysis, 'files'>, id: string, unavailable: ReadonlySet<string>, inactive: ReadonlySet<string>, tierOf: (path: string) => number): HandoffReport['alsoWorkedOn'] {
  const worked: HandoffReport['alsoWorkedOn'] = [];
  for (const file of analysis.files) {
    if (file.authors.includes(id)) continue;
    const mine = file.contributions.find((c) => c.developer === id);
    if (!mine || mine.fa + mine.dl < KEEPER_MIN_CHANGES) continue;
    const commits = mine.fa + mine.dl;
    const keeper = leaverKeepsFile(file, id, unavailable, inactive);
    worked.push({ path: file.path, commits, lastChange: mine.lastChange, authors: file.authors.slice(0, 3), keeper, tier: tierOf(file.path) });
  }
  // Code first in each group, release manifests and changelogs after it (handoffTier); the document says so.
  return worked.sort((a, b) => Number(b.keeper) - Number(a.keeper) || a.tier - b.tier || b.commits - a.commits || b.lastChange - a.lastChange || byPath(a, b)).slice(0, ALSO_WORKED_ON);
}

/** Without the truck factor's first people (`gone`), the files that keep an author. */
interface KeptFiles {
  gone: ReadonlySet<string>;
  kept: readonly FileOwnership[];
}

/**
 * KeptFiles per count of people asked, each counted once: the margin and why the figure is lower
 * both ask, mostly for the same count (one step before the last).
 */
function keptWithoutFirstPeople(analysis: Pick<Analysis, 'files' | 'truckFactor'>): (people: number) => KeptFiles {
  const byCount = new Map<number, KeptFiles>();
  return (people) => {
    let result = byCount.get(people);
    if (result === undefined) {
      const gone = new Set(analysis.truckFactor.developers.slice(0, people).map((developer) => developer.id));
      result = { gone, kept: analysis.files.filter((file) => file.authors.some((author) => !gone.has(author))) };
      byCount.set(people, result);
    }
    return result;
  };
}

/**
 * The share of files that keep an author once the truck factor's first `value − 1` people are gone:
 * at least half, or the greedy method would have stopped there. Just over half, a few files losing
 * their author lower the figure: tokio's "7 → 5 if Motoyuki leaves", who authors 14 of 868 files,
 * read as a major risk (an EM test); it was 50.0 %.
 */
function coverageBeforeLastStep(analysis: Pick<Analysis, 'files' | 'truckFactor'>, keptWithout: (people: number) => KeptFiles): number | undefined {
  const { value } = analysis.truckFactor;
  if (value < 1 || analysis.files.length === 0) return undefined;
  return keptWithout(value - 1).kept.length / analysis.files.length;
}

/**
 * Why their leaving lowers the truck factor to `after` though it does not count them (LowerTruckFactor):
 * the greedy ranking keeps its order without them (truck-factor.ts), so its first `after` people are
 * the figure's. Undefined when those shares do not show it (they always should).
 */
function lowerTruckFactor(analysis: Pick<Analysis, 'files' | 'truckFactor'>, id: string, after: number, keptWithout: (people: number) => KeptFiles): LowerTruckFactor | undefined {
  const total = analysis.files.length;
  if (total === 0 || after >= analysis.truckFactor.developers.length) return undefined;
  const { gone, kept } = keptWithout(after);
  const theirFiles = kept.filter((file) => file.authors.every((author) => author === id || gone.has(author))).length;
  const coverage = kept.length / total;
  const coverageWithoutThem = (kept.length - theirFiles) / total;
  return coverage >= 0.5 && coverageWithoutThem < 0.5 ? { people: after, coverage, coverageWithoutThem, theirFiles } : undefined;
}

/**
 * The commits whose author is a developer of the analysis: a bot's (left out of the figures) say
 * nothing of what a person changes together. vite's co-change was all renovate[bot]'s bumps of
 * create-vite's templates (65 of 165 commits; a team lead's test). A commit read without its
 * author's email (unset, or an identity with none) is kept.
 */
function byDevelopers<T extends HandoffCommitInput>(commits: readonly T[], analysis: Pick<Analysis, 'developers'>): T[] {
  const known = new Set(analysis.developers.flatMap((developer) => developer.emails.map((email) => email.toLowerCase())));
  return commits.filter((commit) => !commit.email || known.has(commit.email));
}

/** Files usually changed together with theirs, in the window's commits (sweeps ignored). */
export function coChanges(commits: readonly HandoffCommitInput[], theirs: ReadonlySet<string>, analysis: Pick<Analysis, 'files'>): CoChange[] {
  const fileAt = new Map(analysis.files.map((f) => [f.path, f]));
  const counts = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const changesets = commits.map((commit) => [...new Set(commit.files)].filter((path) => fileAt.has(path))).filter((files) => files.length <= MAX_CHANGESET);
  // A file in a tenth of the window's commits or more (a changelog, a lock file, the root package.json)
  // changes with everything, which tells the successor nothing: jest's CHANGELOG.md (750 of 2,000)
  // was the first partner of 14 of 15 files, and every co-change item of the checklist (an EM test).
  const seen = new Map<string, number>();
  for (const files of changesets) for (const path of files) seen.set(path, (seen.get(path) ?? 0) + 1);
  const hubs = new Set([...seen].filter(([, times]) => times >= MIN_HUB_COMMITS && times >= changesets.length * HUB_SHARE).map(([path]) => path));
  for (const all of changesets) {
    const files = all.filter((path) => !hubs.has(path));
    for (const path of files) {
      if (!theirs.has(path)) continue;
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const partners = pairs.get(path) ?? new Map<string, number>();
      for (const other of files) if (other !== path) partners.set(other, (partners.get(other) ?? 0) + 1);
      pairs.set(path, partners);
    }
  }
  const result: CoChange[] = [];
  for (const [path, total] of counts) {
    const partners = [...(pairs.get(path) ?? [])]
      .filter(([, together]) => together >= MIN_TOGETHER && together / total >= MIN_TOGETHER_SHARE)
      .map(([other, together]): CoChangePartner => {
        const owner = fileAt.get(other)?.authors[0];
        return { path: other, together, share: together / total, theirs: theirs.has(other), ...(owner ? { owner } : {}) };
      })
      .sort((a, b) => b.together - a.together || b.share - a.share || byPath(a, b));
    if (partners.length > 0) result.push({ path, commits: total, partners });
  }
  return result.sort((a, b) => (b.partners[0]?.together ?? 0) - (a.partners[0]?.together ?? 0) || b.commits - a.commits || byPath(a, b));
}

/**
 * The checklist follows the Areas' order where it ranks areas and files: critical first, then code
 * before tests, fixtures, examples, docs and small modules (`secondary`, secondaryModules), then its
 * own order. hugo's bep was told first to "name a new owner for docs" (1149 files), which Areas
 * ranks last, and 6 of pytest's 15 files to walk through were release announcements written from a
 * template (first-time users).
 */
function checklist(report: HandoffReport, moduleOf: (path: string) => string, tierOf: (path: string) => number, secondary: (module: string) => boolean): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const system of report.summary.criticalSystems) {
    items.push({ kind: 'critical', system: system.name, busFactorBefore: system.busFactorBefore, busFactorAfter: system.busFactorAfter, ...(system.busFactorAfterAll !== undefined ? { busFactorAfterAll: system.busFactorAfterAll } : {}), minOwners: system.minOwners });
  }
  const supporting = (module: string) => Number(secondary(module));
  // The areas with the most files only they know first, in the Areas' groups (ties in the document's order).
  // Files they share only with inactive developers need a new owner as much as their own (flask: src
  // had 9 files only David knew and 13 he shared with Armin, inactive since 2020; a tester).
  const ownerless = (area: HandoffArea) => area.soleFiles + area.sharedOnlyWithInactive + area.sharedOnlyWithLeaving;
  const ownerAreas = report.areas
    .filter((area) => ownerless(area) > 0)
    .sort((a, b) => Number(b.critical.length > 0) - Number(a.critical.length > 0) || supporting(a.module) - supporting(b.module) || ownerless(b) - ownerless(a));
  for (const area of ownerAreas.slice(0, MAX_OWNER_AREA_ITEMS)) {
    const best = area.takeOver.candidates[0];
    // Beside a best placed who knows none of those files well, or nobody: who works here now.
    const active = area.mostActiveLately;
    const pointer = active && active.id !== best?.id && (!best || best.oneOff || best.ok - best.bulkOnlyOk === 0) ? { mostActiveLately: active } : {};
    items.push({ kind: 'owner-area', module: area.module, soleFiles: area.soleFiles, sharedOnlyWithInactive: area.sharedOnlyWithInactive, sharedOnlyWithLeaving: area.sharedOnlyWithLeaving, ...(best ? { bestPlaced: best } : {}), ...pointer });
  }
  const rest = ownerAreas.slice(MAX_OWNER_AREA_ITEMS);
  if (rest.length > 0) {
    const sum = (count: (area: HandoffArea) => number) => rest.reduce((total, area) => total + count(area), 0);
    items.push({ kind: 'more-owner-areas', areas: rest.length, soleFiles: sum((area) => area.soleFiles), sharedOnlyWithInactive: sum((area) => area.sharedOnlyWithInactive), sharedOnlyWithLeaving: sum((area) => area.sharedOnlyWithLeaving) });
  }
  // Files only they know that nobody can take over as is: critical ones first, then those of code
  // areas, then code before prose and chores (handoffTier), then the most worked on. Images, fonts
  // and empty files are no walk-through (their area's new owner takes them).
  const candidates = report.areas
    .flatMap((area) => area.files.map((file) => ({ file, supporting: supporting(area.module), tier: tierOf(file.path) })))
    .filter(({ file, tier }) => needsOwner(file) && transferTier(file) === 0 && tier < 3)
    .sort((a, b) => Number(b.file.critical.length > 0) - Number(a.file.critical.length > 0) || a.supporting - b.supporting || a.tier - b.tier || b.file.commits - a.file.commits || b.file.lastChange - a.file.lastChange || byPath(a.file, b.file))
    .map(({ file }) => file);
  const transfers = rowsWithin(candidates, MAX_TRANSFER_ITEMS);
  for (const file of transfers) {
    items.push({
      kind: 'transfer-file',
      path: file.path,
      strength: file.strength,
      ...(file.successor ? { successor: file.successor.id, normDoa: file.successor.normDoa } : {}),
      ...(file.recentSuccessor ? { recentSuccessor: file.recentSuccessor.id } : {}),
      ...(file.successor && isBulkOnly(file.successor) ? { bulkOnly: true } : {}),
      ...(file.successor?.oneOff ? { oneOff: file.successor.oneOff } : {}),
      ...(file.handsOnSuccessor ? { handsOnSuccessor: file.handsOnSuccessor.id } : {}),
    });
  }
  // The list stopped at MAX_TRANSFER_ITEMS without a word (rails: 15 items for 122 such files).
  if (candidates.length > transfers.length) {
    const more = candidates.slice(transfers.length);
    items.push({ kind: 'more-transfers', files: more.length, sharedOnlyWithInactive: more.filter((file) => file.othersInactive).length, sharedOnlyWithLeaving: more.filter(sharedOnlyWithLeaving).length });
  }
  // Only what the document lists: a pair named here with CHANGELOG.md was in no line of it (vite).
  // A pair with a file of a code area before a pair of docs or tests alone (pytest: its changelog and
  // its announcements' index, then getting-started.rst and that index), each group in the list's order.
  // A file and its own test change together as a matter of course: hugo's items were mostly
  // `securityConfig.go` and `securityConfig_test.go` (a tester); the file's next partner is asked instead.
  // So do a C header and its source: 3 of redis's 5 items were rdb.h/rdb.c, cluster.h/cluster.c and
  // stream.h/t_stream.c (first-time users; the last, of another stem, stays).
  const choices = rowsWithin(report.coChange, CO_CHANGE_LISTED).flatMap((entry) => {
    const listed = entry.partners.slice(0, CO_CHANGE_PARTNERS_LISTED).filter((p) => !isOwnTest(entry.path, p.path) && !isOwnHeader(entry.path, p.path));
    const partner = listed.find((p) => !p.theirs) ?? listed[0];
    return partner ? [{ path: entry.path, partner: partner.path, supporting: supporting(moduleOf(entry.path)) * supporting(moduleOf(partner.path)) }] : [];
  });
  const pairs = new Set<string>();
  for (const choice of [...choices].sort((a, b) => a.supporting - b.supporting)) {
    const key = [choice.path, choice.partner].sort().join('\0');
    if (pairs.has(key) || pairs.size >= MAX_CO_CHANGE_ITEMS) continue;
    pairs.add(key);
    items.push({ kind: 'co-change', path: choice.path, partner: choice.partner });
  }
  const kept = report.alsoWorkedOn.filter((file) => file.keeper);
  if (kept.length > 0) items.push({ kind: 'kept-files', paths: kept.slice(0, KEPT_FILES_NAMED).map((file) => file.path), files: kept.length });
  if (report.recentCommits.length > 0) {
    const commitsOf = (groups: readonly RecentGroup[]) => groups.reduce((sum, group) => sum + group.shas.length, 0);
    const dependencyUpdates = commitsOf(report.recentGroups.filter((group) => group.dependencyUpdate));
    const releases = commitsOf(report.recentGroups.filter((group) => group.release));
    items.push({ kind: 'recent-work', commits: report.recentCommits.length, dependencyUpdates, releases, days: report.recentDays, ...(report.recentBefore ? { before: report.recentBefore } : {}) });
  }
  items.push({ kind: 'outside-git' });
  return items;
}
