import type { TruckFactor, TruckFactorMember } from './types.ts';

// Greedy truck factor, METRICS.md §5 (Avelino et al., ICPC 2016).

export interface TruckFactorFile {
  /** Author ids of the file (fixed before any removal). */
  authors: readonly string[];
  /** Each developer's FA + DL on the file: the "changes" tie-break. */
  changes: ReadonlyMap<string, number>;
}

export interface TruckFactorOptions {
  /** Display name of an id, for the third tie-break. */
  nameOf: (id: string) => string;
}

/**
 * Ascending Unicode code-point order. JavaScript's `<` compares UTF-16 code units, which puts a
 * character beyond the basic plane (a surrogate pair, 0xD800–0xDFFF) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Both strings agree up to here, so x and y sit at the same position of their code points:
    // surrogates (astral characters) rank above every other unit of the basic plane.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Authors of the set, most authored files first, with the tie-breaks of METRICS.md §5. */
export function rankAuthors(files: readonly TruckFactorFile[], options: TruckFactorOptions): TruckFactorMember[] {
  const authored = new Map<string, number>();
  const changes = new Map<string, number>();
  for (const file of files) {
    for (const id of file.authors) authored.set(id, (authored.get(id) ?? 0) + 1);
    for (const [id, count] of file.changes) changes.set(id, (changes.get(id) ?? 0) + count);
  }
  const total = files.length;
  return [...authored.entries()]
    .sort(([a, fa], [b, fb]) =>
      fb - fa ||
      (changes.get(b) ?? 0) - (changes.get(a) ?? 0) ||
      compareCodePoints(options.nameOf(a), options.nameOf(b)) ||
      compareCodePoints(a, b),
    )
    .map(([id, count]) => ({ id, files: count, share: total > 0 ? count / total : 0 }));
}

/**
 * Removes the top author while at least half of the files keep an author. The stop test is strict:
 * coverage of exactly 0.5 keeps going. A set with no authored file has truck factor 0.
 */
export function computeTruckFactor(files: readonly TruckFactorFile[], options: TruckFactorOptions): TruckFactor {
  const total = files.length;
  if (total === 0) return { value: 0, coverage: 0, developers: [] };
  // Authorship is fixed: the ranking by authored files never changes as developers are removed,
  // so the greedy order is the ranking itself.
  const ranking = rankAuthors(files, options);
  const remainingAuthors = files.map((file) => file.authors.length);
  const filesOf = new Map<string, number[]>();
  files.forEach((file, index) => {
    for (const id of file.authors) {
      const list = filesOf.get(id);
      if (list) list.push(index);
      else filesOf.set(id, [index]);
    }
  });
  let covered = remainingAuthors.filter((count) => count > 0).length;
  const removed: TruckFactorMember[] = [];
  for (const member of ranking) {
    if (covered / total < 0.5) break;
    removed.push(member);
    for (const index of filesOf.get(member.id) ?? []) {
      remainingAuthors[index] = (remainingAuthors[index] ?? 1) - 1;
      if (remainingAuthors[index] === 0) covered -= 1;
    }
  }
  return { value: removed.length, coverage: covered / total, developers: removed };
}
