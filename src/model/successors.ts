import { AUTHOR_ABS_THRESHOLD, AUTHOR_NORM_THRESHOLD } from './doa.ts';
import { oneOffContributors, type OneOff } from './one-off.ts';
import type { Analysis, FileContribution, FileOwnership, ModelName } from './types.ts';

// Successors, METRICS.md §8 (talentrisk extension): who takes over a file its authors leave.
//
// - successor of a file: the remaining developer with the highest DOA on it. Strength:
//     `author` — they are (still) an author of the file after the departures;
//     `ok`     — not an author, but normDOA ≥ WEAK_SUCCESSOR_NORM_DOA and DOA ≥ the model's
//                absolute author floor (AUTHOR_ABS_THRESHOLD, 3.293);
//     `weak`   — normDOA below it: they touched the file, but know less than half of what its top
//                expert knows (normDOA is DOA / the file's highest DOA, departing people included);
//                or DOA below the floor: too little to be an author of any file, however little
//                its top expert did;
//     `none`   — nobody who stays ever touched the file: knowledge transfer needed.
// - beside a successor who did not work on the file themselves (bulk commits only, a one-off
//   contributor), who did: the hands-on successor (talentrisk extension).
// scan's departures (departures.ts) and the handoff (handoff.ts) both name them so.

/** Below this normalized DOA a successor is flagged as weak (half of the top expert's DOA). */
export const WEAK_SUCCESSOR_NORM_DOA = 0.5;

export type SuccessorStrength = 'author' | 'ok' | 'weak' | 'none';

export interface Successor {
  id: string;
  doa: number;
  normDoa: number;
  fa: 0 | 1;
  dl: number;
  /** Commits of theirs on the file: FA + DL. */
  commits: number;
  /** Unix seconds of their newest event on the file. */
  lastChange: number;
  /** Of `dl`, the changes made in bulk commits (FileContribution.bulk); absent when none. */
  bulk?: number;
  /** Their whole history, when it is one contribution (one-off.ts; talentrisk extension, none under --model classic). */
  oneOff?: OneOff;
}

/** A developer's standing on a file, as a successor's evidence; `oneOffs`: the one-off contributors (oneOffContributors). */
export function successorOf(c: FileContribution, oneOffs: ReadonlyMap<string, OneOff> = NO_ONE_OFFS): Successor {
  const successor: Successor = { id: c.developer, doa: c.doa, normDoa: c.normDoa, fa: c.fa, dl: c.dl, commits: c.fa + c.dl, lastChange: c.lastChange };
  if (c.bulk !== undefined && c.bulk > 0) successor.bulk = c.bulk;
  const oneOff = oneOffs.get(c.developer);
  if (oneOff) successor.oneOff = oneOff;
  return successor;
}

const NO_ONE_OFFS: ReadonlyMap<string, OneOff> = new Map();

/**
 * Whether every change someone made to a file was in a bulk commit (a sweep or a reorganisation of
 * BULK_CHANGES files or more; FileContribution.bulk): they did not create it, and changed it only that way.
 * The published figures count those changes (METRICS §4); the reports say so beside the successor
 * (talentrisk extension). spring-boot: Phillip Webb was the successor of 1,050 of the 1,773 files
 * two departures orphaned, on 523 of them through a directory move and a copyright sweep only (an
 * engineering manager's test).
 */
export function isBulkOnly(c: Pick<Successor, 'fa' | 'dl' | 'bulk'>): boolean {
  return c.fa === 0 && c.dl > 0 && (c.bulk ?? 0) >= c.dl;
}

/**
 * The contribution with the highest DOA on the file among those `eligible` takes, between equal
 * DOAs one `preferred` takes (when given), then the most recent change (then the lower id):
 * contributions are sorted by DOA (ties by id), so it is the first one taken, or a later one with
 * the same DOA that is preferred or changed the file more recently.
 */
export function highestDoaOf(file: FileOwnership, eligible: (c: FileContribution) => boolean, preferred?: (c: FileContribution) => boolean): FileContribution | undefined {
  let best: FileContribution | undefined;
  let bestPreferred = false;
  for (const c of file.contributions) {
    if (!eligible(c)) continue;
    if (best && c.doa !== best.doa) break;
    const isPreferred = preferred?.(c) ?? false;
    if (!best || (isPreferred && !bestPreferred) || (isPreferred === bestPreferred && c.lastChange > best.lastChange)) {
      best = c;
      bestPreferred = isPreferred;
    }
  }
  return best;
}

/**
 * Changed the file hands-on: created it, or changed it outside bulk commits (not isBulkOnly), and is
 * no one-off contributor (one-off.ts). What a successor is preferred for between equal DOAs, and
 * what names someone beside a successor who is not (handsOnSuccessorOf).
 */
function handsOn(c: FileContribution, oneOffs: ReadonlyMap<string, OneOff>): boolean {
  return !isBulkOnly(c) && !oneOffs.has(c.developer);
}

/**
 * The remaining developer with the highest DOA on the file, and how strong a successor they are.
 * Between equal DOAs, someone who changed it hands-on (not only in bulk commits) and is no one-off
 * contributor (`oneOffs`; talentrisk extension, none under --model classic), then the one who changed
 * the file most recently (then the lower id): a tie went by name, to someone who last touched the
 * file six years before the other (an EM test on httpd), and by recency to a one-off: helm's
 * secrets.go went to Josh Soref, whose one commit fixed spelling in 31 files, over Martin Hickey,
 * who had changed it by hand, at the same DOA (a first-time user). Equal DOAs give equal normDOAs and
 * strengths: no figure changes, only who is named.
 */
export function bestSuccessor(
  file: FileOwnership,
  gone: ReadonlySet<string>,
  authorsAfterwards: readonly string[],
  weak = WEAK_SUCCESSOR_NORM_DOA,
  oneOffs?: ReadonlyMap<string, OneOff>,
): { successor?: Successor; strength: SuccessorStrength } {
  const best = highestDoaOf(file, (c) => !gone.has(c.developer), oneOffs ? (c) => handsOn(c, oneOffs) : undefined);
  if (!best) return { strength: 'none' };
  const successor = successorOf(best, oneOffs);
  // Below the author floor a successor is weak whatever their normDOA: one typo fix on a file its
  // creator barely touched made normDOA 0.57 and an "ok" successor, and took the file out of the
  // handoff's walk-throughs (flask: Hynek Schlawack, DOA 2.37 on docs/appcontext.rst; a tester).
  const strength: SuccessorStrength = authorsAfterwards.includes(best.developer) ? 'author' : knowsEnough(best, weak) ? 'ok' : 'weak';
  return { successor, strength };
}

/** Whether a successor who is no author knows the file enough not to be weak: normDOA at the weak line or above, and DOA at the author floor or above. */
export function knowsEnough(candidate: { normDoa: number; doa: number }, weak = WEAK_SUCCESSOR_NORM_DOA): boolean {
  return candidate.normDoa >= weak && candidate.doa >= AUTHOR_ABS_THRESHOLD;
}

/**
 * A one-off successor's hands-on alternative needs at least this share of their DOA: the share of the
 * file's highest DOA an author needs (normDOA above 0.75, METRICS §4), the line at which the model
 * already counts two people as knowing a file alike. helm's cmd/helm/plugin_list.go: Efrat19 (one-off,
 * DOA 3.02) and Matthew Fisher (2.82, 0.94 of it).
 */
export const COMPARABLE_DOA_SHARE = AUTHOR_NORM_THRESHOLD;

/**
 * Beside a successor who did not work on the file themselves, who stays, is available and did
 * (talentrisk extension, none under --model classic): the handoff's and scan's "hands-on".
 * - the successor's every change was in a bulk commit (isBulkOnly): the highest DOA among those who
 *   created the file or changed it otherwise (spring-boot: Phillip Webb, successor of 412 of Stéphane
 *   Nicoll's files through a directory move and a copyright sweep only; an EM test);
 * - the successor is a one-off contributor (one-off.ts): the highest DOA among those who changed it
 *   hands-on and are no one-off contributors, when it is comparable to theirs (COMPARABLE_DOA_SHARE).
 * Between equal DOAs, no one-off contributor first, then the most recent change.
 */
export function handsOnSuccessorOf(file: FileOwnership, unavailable: ReadonlySet<string>, successor: Successor | undefined, model: ModelName, oneOffs: ReadonlyMap<string, OneOff> = NO_ONE_OFFS): Successor | undefined {
  if (model === 'classic' || !successor) return undefined;
  const available = (c: FileContribution) => !unavailable.has(c.developer) && c.developer !== successor.id;
  if (isBulkOnly(successor)) {
    const best = highestDoaOf(file, (c) => available(c) && !isBulkOnly(c), (c) => !oneOffs.has(c.developer));
    return best ? successorOf(best, oneOffs) : undefined;
  }
  if (!successor.oneOff) return undefined;
  const best = highestDoaOf(file, (c) => available(c) && handsOn(c, oneOffs));
  return best && best.doa >= COMPARABLE_DOA_SHARE * successor.doa ? successorOf(best, oneOffs) : undefined;
}

/** The one-off contributors successors are told apart from (one-off.ts): none under --model classic, which adds nothing to the published model. */
export function oneOffsOf(analysis: Pick<Analysis, 'developers' | 'settings' | 'model' | 'repository'>): Map<string, OneOff> {
  // Not in a shallow clone, whose commit counts are the fetched history's: a regular of 26 commits
  // read "2 commits in the whole history" at depth 6 (a review).
  return analysis.model === 'classic' || analysis.repository.isShallow ? new Map() : oneOffContributors(analysis);
}
