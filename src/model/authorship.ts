// The history fold of METRICS.md §1 and §3: commits arrive newest first and each event is credited
// to the file that is tracked at the analysed revision. Walking backwards, a rename maps the old
// path onto the same file, and an add ends the file's past at that path: whatever happened there
// earlier belonged to another file that was later deleted, which is not analysed. A delete is no
// event and moves nothing (METRICS.md §1): in a straight history the add after it ends that past
// anyway, and on a branch whose delete a merge undid, ending the path there lost the file's
// creator and its earlier changes. For the same reason a rename can map its old path onto a
// second file: a path renamed away on one branch and kept on another (a merge brought it back, so
// both paths are at the revision) is the past of both files (laravel's LaravelCloudJsonFormatter.php,
// renamed on 13.x and merged back from 12.x, had lost its whole history to the renamed copy).
// Memory grows with files × developers, never with the number of commits.
//
// Layout (issue #5, peak memory): files and raw identities are small integers, and every tally
// lives in flat typed arrays, not in objects: per file (mr, wmr, events, lastChange, the head and
// tail of its entry list) and per (file, identity) entry (fa, dl, last, wfa, wdl, bulk, co-author
// dl, the next entry of the same file). An open-addressing table finds an entry from (file, identity). A file's entries
// stay in the order its identities first appeared, so contributions() sums them in the order the
// per-file Maps of the first version did: the floating-point sums are the same, bit for bit.

/** Per file and raw identity: the inputs of DOA, plain and recency-weighted. */
export interface IdentityTally {
  fa: 0 | 1;
  dl: number;
  /** Unix seconds of the identity's newest event on the file. */
  last: number;
  /** Weighted FA and DL (METRICS.md §7); equal to fa and dl when decay is off. */
  wfa: number;
  wdl: number;
  /** Of dl, the changes made in bulk commits (AuthorshipFoldOptions.bulkFiles). */
  bulk: number;
  /** Of dl, the changes credited to the identity as a co-author (a Co-authored-by trailer), not as the commit's author. */
  coDl: number;
  /** 1 when fa is 1 only through co-author credit: the identity never added the file as a commit's author. */
  coFa: 0 | 1;
}

/** One file's tally, as a plain object (tallyOf: for tests and for reading one file). */
export interface FileTally {
  /** M and R events by anyone (AC of a developer = mr − their own DL). */
  mr: number;
  wmr: number;
  /** All events, including adds. */
  events: number;
  lastChange: number;
  /**
   * Of mr, the events that credit co-authors only (the commit's author is a bot): without co-author
   * credit (model.coAuthors: false) they would be nobody's event.
   */
  coOnlyMr: number;
  /** Raw identity → its tally, in the order identities first appeared on the file. */
  byIdentity: Map<number, IdentityTally>;
  /**
   * M and R events credited to several identities at once (a commit and its co-authors), by the
   * sorted identity list. Two identities of one developer may be credited by the same commit (an
   * author co-authoring under another email); contributions() uses this to count that commit once.
   */
  shared: Map<string, SharedCredit>;
}

export interface SharedCredit {
  identities: number[];
  mr: number;
  wmr: number;
  /** Of mr, the events of bulk commits. */
  bulk: number;
}

/**
 * One path change of a commit (git's FileChange has this shape): A added, M modified, R renamed
 * (from oldPath; the path itself when absent), D deleted. Other statuses (C, T…) are no events.
 */
export interface FoldChange {
  status: string;
  path: string;
  oldPath?: string | undefined;
}

/**
 * A commit that changes or moves this many analysed files or more is a bulk commit: a sweep
 * (formatting, license headers) or a reorganisation. The changes it credits count as the published
 * model counts them, and apart too (FileContribution.bulk), which explain, handoff and scan --leaving
 * say ("sweeps only"). Every sentence that names the bound quotes this constant. The warning naming
 * such commits keeps its own bound of 300 (history-warnings.ts BULK_ADDS).
 *
 * 100, not 300: laravel's "CS fixes" (149 files) and "Final cs fixes" (140) were the last change of
 * its maintainer's main successor to 154 files, and rails' frozen-string-literal sweeps of 178–281
 * files made Kir Shatrov the first taker of Rafael Mendonça França's files in his handoff; both counted
 * silently (an engineering manager's test). laravel has 22 commits changing or moving 100–299 files,
 * rails 44: all sweeps (formatting, docblocks, pragmas, test-helper migrations) or reorganisations
 * but one ("Implement contracts for many major components", 115 files). At 100, laravel's handoff of
 * Taylor Otwell says "sweeps only" on 108 files instead of 62 (18 more with a hands-on successor) and
 * rails' of Rafael Mendonça França on 36 instead of 10; no successor and no figure changes.
 */
export const BULK_CHANGES = 100;

export interface AuthorshipFoldOptions {
  /** Weight of an event of the given time (unix seconds); 1 when decay is off. */
  weight?: (time: number) => number;
  /**
   * A commit that changes or moves at least this many tracked files is a bulk commit (a sweep, a
   * reorganisation): the changes it credits are also counted apart (ContributionInput.bulk).
   */
  bulkFiles?: number;
}

/** A file's summed inputs of DOA per developer (what rankContributions reads). */
export interface ContributionInput {
  developer: string;
  fa: 0 | 1;
  dl: number;
  wfa: number;
  wdl: number;
  last: number;
  /** Of dl, the changes made in bulk commits (AuthorshipFoldOptions.bulkFiles); 0 when absent. */
  bulk?: number;
  /** Of dl, the changes credited to them only as a co-author (IdentityTally.coDl); 0 when absent. */
  coDl?: number;
  /** 1 when fa is 1 only through co-author credit (IdentityTally.coFa); 0 when absent. */
  coFa?: 0 | 1;
}

const NONE = -1;
/** Alias values at or below GROUP name a group of files: GROUP - g is groups[g]. */
const GROUP = -2;
const ADD = 1;
const MODIFY = 2;
const RENAME = 3;
/** entryFa bits: the identity added the file as the commit's author, or as a co-author. */
const ADDED_AS_AUTHOR = 1;
const ADDED_AS_CO_AUTHOR = 2;

function eventKind(status: string): number {
  switch (status) {
    case 'A':
      return ADD;
    case 'M':
      return MODIFY;
    case 'R':
      return RENAME;
    default:
      return 0;
  }
}

type NumberArray = Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `array` with room for `size` values. */
function grown<T extends NumberArray>(array: T, size: number): T {
  const next = new (array.constructor as new (length: number) => T)(size);
  (next as Float64Array<ArrayBuffer>).set(array);
  return next;
}

/** Capacity after `capacity` (×1.5: a doubling would leave up to half of the arrays unused). */
function nextCapacity(capacity: number): number {
  return Math.ceil(capacity * 1.5);
}

export class AuthorshipFold {
  /** The tracked files, by file index (first occurrence of each path, in the order given). */
  readonly paths: string[] = [];
  /**
   * Of the last commit folded: how many tracked files it added, modified and moved (a commit that adds 835
   * files, all of them vendored and deleted since, is no import of anything analysed: prometheus).
   * Files, not changes: a change of a path that two files take the past of counts for both.
   */
  readonly lastCommit = { added: 0, modified: 0, moved: 0 };
  /**
   * Path (at the point in history the walk has reached) → the index of the tracked file it belongs
   * to, NONE, or (rare) a group of files that all take its past: GROUP - g for `groups[g]`.
   */
  private readonly alias = new Map<string, number>();
  private readonly groups: number[][] = [];
  private readonly weight: ((time: number) => number) | undefined;
  private readonly bulkFiles: number;

  // Per file.
  private readonly fileMr: Int32Array;
  private readonly fileWmr: Float64Array;
  private readonly fileEvents: Int32Array;
  /** Of fileMr, the events whose credited identities are all co-authors (the author a bot). */
  private readonly fileCoOnlyMr: Int32Array;
  /** Unix seconds: int32 (read back as small integers, which V8 stores unboxed) until one does not fit. */
  private fileLast: Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Co-authored M/R events per file (rare), created on first use. */
  private readonly shared = new Map<number, Map<string, SharedCredit>>();

  // Per (file, identity) entry.
  private entries = 0;
  private entryFile = new Int32Array(1024);
  private entryIdentity = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  /** ADDED_AS_AUTHOR | ADDED_AS_CO_AUTHOR. */
  private entryFa = new Uint8Array(1024);
  private entryDl = new Int32Array(1024);
  /** Of entryDl, the changes made in bulk commits. */
  private entryBulk = new Int32Array(1024);
  /** Of entryDl, the changes credited as a co-author (laravel: 1,820 commits by others credit Taylor Otwell). */
  private entryCoDl = new Int32Array(1024);
  private entryLast: Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> = new Int32Array(1024);
  private entryWfa = new Float64Array(1024);
  private entryWdl = new Float64Array(1024);
  /** Open addressing, linear probing: entry index + 1, 0 for an empty slot. */
  private slots = new Int32Array(2048);

  // Scratch: per change of a commit, and per developer of a file (contributions()).
  private position = new Int32Array(0);
  private targets = new Int32Array(16);
  private kinds = new Int32Array(16);

  constructor(trackedFiles: Iterable<string>, options: AuthorshipFoldOptions = {}) {
    this.weight = options.weight;
    this.bulkFiles = options.bulkFiles ?? Number.POSITIVE_INFINITY;
    for (const path of trackedFiles) {
      if (this.alias.has(path)) continue;
      this.alias.set(path, this.paths.length);
      this.paths.push(path);
    }
    const n = this.paths.length;
    this.fileMr = new Int32Array(n);
    this.fileWmr = new Float64Array(n);
    this.fileEvents = new Int32Array(n);
    this.fileCoOnlyMr = new Int32Array(n);
    this.fileLast = new Int32Array(n);
    this.head = new Int32Array(n).fill(NONE);
    this.tail = new Int32Array(n).fill(NONE);
  }

  /**
   * Folds one commit. `credited` are the raw identities credited with its events (author, co-authors),
   * without repeats; the first `ownCredits` of them are credited as the commit's author (0 when the
   * author is a bot), the others as its co-authors. `mayBeBulk` false: not counted as a bulk commit
   * whatever its size (acknowledged).
   */
  addCommit(time: number, credited: readonly number[], changes: readonly FoldChange[], mayBeBulk = true, ownCredits = credited.length): void {
    const count = changes.length;
    if (count > this.targets.length) {
      this.targets = new Int32Array(count * 2);
      this.kinds = new Int32Array(count * 2);
    }
    const { targets, kinds, alias } = this;
    let added = 0;
    let modified = 0;
    let moved = 0;
    // The events of one commit happen at once: look every path up before moving any of them.
    for (let i = 0; i < count; i++) {
      const change = changes[i] as FoldChange;
      const kind = eventKind(change.status);
      kinds[i] = kind;
      const target = kind === 0 ? NONE : (alias.get(change.path) ?? NONE);
      targets[i] = target;
      if (target !== NONE) {
        const files = target > NONE ? 1 : (this.groups[GROUP - target] as number[]).length;
        if (kind === ADD) added += files;
        else if (kind === MODIFY) modified += files;
        else if (kind === RENAME) moved += files;
      }
    }
    this.lastCommit.added = added;
    this.lastCommit.modified = modified;
    this.lastCommit.moved = moved;
    if (credited.length > 0) {
      const w = this.weight ? this.weight(time) : 1;
      const bulk = mayBeBulk && modified + moved >= this.bulkFiles;
      let sharedKey: string | undefined;
      for (let i = 0; i < count; i++) {
        const target = targets[i] as number;
        if (target === NONE) continue;
        const kind = kinds[i] as number;
        if (kind !== ADD && credited.length > 1) sharedKey ??= sortedKey(credited);
        if (target > NONE) this.credit(target, kind, time, w, credited, sharedKey, bulk, ownCredits);
        else for (const file of this.groups[GROUP - target] as number[]) this.credit(file, kind, time, w, credited, sharedKey, bulk, ownCredits);
      }
    }
    // Events of excluded identities (bots) credit nobody but still move paths. A path whose past
    // ends is marked NONE rather than deleted, so the Map never shrinks (V8 rebuilds the whole
    // table then); it holds the tracked paths and the paths they were renamed from.
    for (let i = 0; i < count; i++) {
      const kind = kinds[i] as number;
      if ((kind === ADD || kind === RENAME) && targets[i] !== NONE) alias.set((changes[i] as FoldChange).path, NONE);
    }
    for (let i = 0; i < count; i++) {
      const target = targets[i] as number;
      if (kinds[i] === RENAME && target !== NONE) {
        const change = changes[i] as FoldChange;
        const from = change.oldPath ?? change.path;
        // The old path still belongs to a file whose past has not ended (no add or rename of it came
        // first, walking back): both files take its past (above).
        const other = alias.get(from) ?? NONE;
        alias.set(from, other === NONE || other === target ? target : this.group(other, target));
      }
    }
  }

  /** The alias value of a group holding the files of two alias values (a file or a group each). */
  private group(a: number, b: number): number {
    const files = new Set<number>();
    for (const value of [a, b]) {
      if (value > NONE) files.add(value);
      else for (const file of this.groups[GROUP - value] as number[]) files.add(file);
    }
    this.groups.push([...files].sort((x, y) => x - y));
    return GROUP - (this.groups.length - 1);
  }

  private credit(file: number, kind: number, time: number, w: number, credited: readonly number[], sharedKey: string | undefined, bulk: boolean, ownCredits: number): void {
    if ((time | 0) !== time && this.fileLast instanceof Int32Array) this.widenTimes();
    this.fileEvents[file] = (this.fileEvents[file] as number) + 1;
    if (time > (this.fileLast[file] as number)) this.fileLast[file] = time;
    if (kind !== ADD) {
      this.fileMr[file] = (this.fileMr[file] as number) + 1;
      this.fileWmr[file] = (this.fileWmr[file] as number) + w;
      if (ownCredits === 0) this.fileCoOnlyMr[file] = (this.fileCoOnlyMr[file] as number) + 1;
      if (sharedKey !== undefined) {
        let byKey = this.shared.get(file);
        if (!byKey) this.shared.set(file, (byKey = new Map()));
        const shared = byKey.get(sharedKey);
        if (shared) {
          shared.mr += 1;
          shared.wmr += w;
          if (bulk) shared.bulk += 1;
        } else {
          byKey.set(sharedKey, { identities: [...credited].sort((a, b) => a - b), mr: 1, wmr: w, bulk: bulk ? 1 : 0 });
        }
      }
    }
    for (let c = 0; c < credited.length; c++) {
      const entry = this.entryOf(file, credited[c] as number);
      if (time > (this.entryLast[entry] as number)) this.entryLast[entry] = time;
      if (kind === ADD) {
        this.entryFa[entry] = (this.entryFa[entry] as number) | (c < ownCredits ? ADDED_AS_AUTHOR : ADDED_AS_CO_AUTHOR);
        if (w > (this.entryWfa[entry] as number)) this.entryWfa[entry] = w;
      } else {
        this.entryDl[entry] = (this.entryDl[entry] as number) + 1;
        this.entryWdl[entry] = (this.entryWdl[entry] as number) + w;
        if (bulk) this.entryBulk[entry] = (this.entryBulk[entry] as number) + 1;
        if (c >= ownCredits) this.entryCoDl[entry] = (this.entryCoDl[entry] as number) + 1;
      }
    }
  }

  /** The entry of (file, identity), created (at the end of the file's list) when new. */
  private entryOf(file: number, identity: number): number {
    let mask = this.slots.length - 1;
    let slot = hash(file, identity) & mask;
    for (;;) {
      const found = (this.slots[slot] as number) - 1;
      if (found === NONE) break;
      if (this.entryFile[found] === file && this.entryIdentity[found] === identity) return found;
      slot = (slot + 1) & mask;
    }
    const entry = this.entries++;
    if (entry === this.entryFile.length) this.growEntries();
    // Linear probing stays short up to a load of about 0.7.
    if (this.entries * 10 > this.slots.length * 7) {
      this.rehash(this.slots.length * 2);
      mask = this.slots.length - 1;
      slot = hash(file, identity) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    this.slots[slot] = entry + 1;
    this.entryFile[entry] = file;
    this.entryIdentity[entry] = identity;
    this.entryNext[entry] = NONE;
    const last = this.tail[file] as number;
    if (last === NONE) this.head[file] = entry;
    else this.entryNext[last] = entry;
    this.tail[file] = entry;
    return entry;
  }

  private growEntries(): void {
    const size = nextCapacity(this.entryFile.length);
    this.entryFile = grown(this.entryFile, size);
    this.entryIdentity = grown(this.entryIdentity, size);
    this.entryNext = grown(this.entryNext, size);
    this.entryFa = grown(this.entryFa, size);
    this.entryDl = grown(this.entryDl, size);
    this.entryBulk = grown(this.entryBulk, size);
    this.entryCoDl = grown(this.entryCoDl, size);
    this.entryLast = grown(this.entryLast, size);
    this.entryWfa = grown(this.entryWfa, size);
    this.entryWdl = grown(this.entryWdl, size);
  }

  /** A time that is no int32 (before 1901 or after 2038): keep every time as a double from now on. */
  private widenTimes(): void {
    this.fileLast = Float64Array.from(this.fileLast);
    const entryLast = new Float64Array(this.entryLast.length);
    entryLast.set(this.entryLast);
    this.entryLast = entryLast;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let entry = 0; entry < this.entries - 1; entry++) {
      let slot = hash(this.entryFile[entry] as number, this.entryIdentity[entry] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }

  /** Index of a tracked file, or undefined. */
  fileIndex(path: string): number | undefined {
    const index = this.paths.indexOf(path);
    return index === -1 ? undefined : index;
  }

  /** M and R events on the file, plain and weighted; all its events; its newest event (unix seconds); of mr, those crediting co-authors only. */
  fileStats(file: number): { mr: number; wmr: number; events: number; lastChange: number; coOnlyMr: number } {
    return {
      mr: this.fileMr[file] as number,
      wmr: this.fileWmr[file] as number,
      events: this.fileEvents[file] as number,
      lastChange: this.fileLast[file] as number,
      coOnlyMr: this.fileCoOnlyMr[file] as number,
    };
  }

  /**
   * Sums the tallies of a file's raw identities into developers. `developerOf[identity]` is the
   * developer's index in `developerIds`, or -1 for an identity that is nobody (a bot). Developers
   * come in the order their first identity appeared on the file.
   */
  contributions(file: number, developerOf: Int32Array, developerIds: readonly string[]): ContributionInput[] {
    const merged: ContributionInput[] = [];
    if (this.position.length < developerIds.length) this.position = new Int32Array(developerIds.length).fill(NONE);
    const position = this.position;
    for (let entry = this.head[file] as number; entry !== NONE; entry = this.entryNext[entry] as number) {
      const developer = developerOf[this.entryIdentity[entry] as number] ?? NONE;
      if (developer === NONE) continue;
      const added = this.entryFa[entry] as number;
      const fa = added !== 0 ? 1 : 0;
      const dl = this.entryDl[entry] as number;
      const bulk = this.entryBulk[entry] as number;
      const coDl = this.entryCoDl[entry] as number;
      const wfa = this.entryWfa[entry] as number;
      const wdl = this.entryWdl[entry] as number;
      const last = this.entryLast[entry] as number;
      const at = position[developer] as number;
      if (at !== NONE) {
        const current = merged[at] as ContributionInput;
        // A creation as the commit's author under any identity of theirs is their own.
        const ownFa = (current.fa === 1 && current.coFa !== 1) || (added & ADDED_AS_AUTHOR) !== 0;
        current.fa = current.fa || fa ? 1 : 0;
        current.coFa = current.fa === 1 && !ownFa ? 1 : 0;
        current.dl += dl;
        current.bulk = (current.bulk ?? 0) + bulk;
        current.coDl = (current.coDl ?? 0) + coDl;
        current.wfa = Math.max(current.wfa, wfa);
        current.wdl += wdl;
        current.last = Math.max(current.last, last);
      } else {
        position[developer] = merged.length;
        merged.push({ developer: developerIds[developer] as string, fa, dl, wfa, wdl, last, bulk, coDl, coFa: added === ADDED_AS_CO_AUTHOR ? 1 : 0 });
      }
    }
    // A commit that credits k identities of one developer (author and co-author under two emails)
    // is one delivery, not k: take back the k − 1 extra counts. Of those k, k − 1 are co-author
    // credits when one is the author (their change is their own) and k when none is (it stays one
    // co-author credit): k − 1 to take back from coDl either way.
    const shared = this.shared.get(file);
    if (shared && merged.length > 0) {
      for (const credit of shared.values()) {
        const perDeveloper = new Map<number, number>();
        for (const identity of credit.identities) {
          const developer = developerOf[identity] ?? NONE;
          if (developer !== NONE) perDeveloper.set(developer, (perDeveloper.get(developer) ?? 0) + 1);
        }
        for (const [developer, k] of perDeveloper) {
          const at = position[developer] as number;
          if (k < 2 || at === NONE) continue;
          const current = merged[at] as ContributionInput;
          current.dl -= (k - 1) * credit.mr;
          current.wdl -= (k - 1) * credit.wmr;
          current.bulk = (current.bulk ?? 0) - (k - 1) * credit.bulk;
          current.coDl = (current.coDl ?? 0) - (k - 1) * credit.mr;
        }
      }
    }
    for (let entry = this.head[file] as number; entry !== NONE; entry = this.entryNext[entry] as number) {
      const developer = developerOf[this.entryIdentity[entry] as number] ?? NONE;
      if (developer !== NONE) position[developer] = NONE;
    }
    return merged;
  }

  /** One file's tally as a plain object (undefined for a path that is not tracked). */
  tallyOf(path: string): FileTally | undefined {
    const file = this.fileIndex(path);
    if (file === undefined) return undefined;
    const byIdentity = new Map<number, IdentityTally>();
    for (let entry = this.head[file] as number; entry !== NONE; entry = this.entryNext[entry] as number) {
      const added = this.entryFa[entry] as number;
      byIdentity.set(this.entryIdentity[entry] as number, {
        fa: added !== 0 ? 1 : 0,
        dl: this.entryDl[entry] as number,
        last: this.entryLast[entry] as number,
        wfa: this.entryWfa[entry] as number,
        wdl: this.entryWdl[entry] as number,
        bulk: this.entryBulk[entry] as number,
        coDl: this.entryCoDl[entry] as number,
        coFa: added === ADDED_AS_CO_AUTHOR ? 1 : 0,
      });
    }
    const shared = new Map<string, SharedCredit>();
    for (const [key, credit] of this.shared.get(file) ?? []) shared.set(key, { identities: [...credit.identities], mr: credit.mr, wmr: credit.wmr, bulk: credit.bulk });
    return { ...this.fileStats(file), byIdentity, shared };
  }
}

/** The key of a set of identities credited together: sorted, comma-joined. */
function sortedKey(identities: readonly number[]): string {
  return [...identities].sort((a, b) => a - b).join(',');
}

function hash(file: number, identity: number): number {
  let h = Math.imul(file, 0x9e3779b1) ^ Math.imul(identity + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
