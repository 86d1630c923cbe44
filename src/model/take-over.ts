import type { Successor, SuccessorStrength } from './departures.ts';

// Who could take over a set of files nobody active would author after a departure (talentrisk
// extension, built on the successors of METRICS.md §8): the people who are the successor of most of
// them. The handoff's areas and summary, and scan's "Modules losing knowledge" table, say it: hugo's
// handoff of bep gave 28 areas a line "Name a new owner for `tpl`" and never said that Joe Mooring
// was the successor on 287 of the 1,108 files only bep would author (a tester).

/**
 * A weak successor below this normDOA barely knows the file (jest: the runtime's "successor" had
 * touched it twice in 2020, normDOA 0.05): the document says to plan a transfer, not a walk-through.
 */
export const BARELY_NORM_DOA = 0.1;

/** Someone who is the successor of some files of a set. */
export interface TakeOverCandidate {
  id: string;
  /** Files of the set they are the successor of. */
  files: number;
  /** Of those, as an ok successor (normDOA and DOA above the weak lines); the rest as a weak one. */
  ok: number;
  weak: number;
  /** Of the weak ones, the files they barely know (normDOA below BARELY_NORM_DOA). */
  barely: number;
}

export interface TakeOver {
  /** Files of the set. */
  files: number;
  /** Of those, the ones nobody available (staying, active) has changed: no successor. */
  noSuccessor: number;
  /**
   * Everyone who is the successor of one of them: most files first, then most ok, then fewest
   * barely, then the highest normDOA over those files, then id.
   */
  candidates: TakeOverCandidate[];
}

/** The successors of a set of files, tallied per person (files whose successor is an author count as ok). */
export function takeOverOf(files: Iterable<{ successor?: Successor | undefined; strength: SuccessorStrength }>): TakeOver {
  const byId = new Map<string, TakeOverCandidate>();
  const knowledge = new Map<string, number>();
  let total = 0;
  let noSuccessor = 0;
  for (const file of files) {
    total += 1;
    const successor = file.successor;
    if (!successor || file.strength === 'none') {
      noSuccessor += 1;
      continue;
    }
    const candidate = byId.get(successor.id) ?? { id: successor.id, files: 0, ok: 0, weak: 0, barely: 0 };
    candidate.files += 1;
    if (file.strength === 'weak') {
      candidate.weak += 1;
      if (successor.normDoa < BARELY_NORM_DOA) candidate.barely += 1;
    } else {
      candidate.ok += 1;
    }
    byId.set(successor.id, candidate);
    knowledge.set(successor.id, (knowledge.get(successor.id) ?? 0) + successor.normDoa);
  }
  const known = (id: string) => knowledge.get(id) ?? 0;
  const candidates = [...byId.values()].sort((a, b) => b.files - a.files || b.ok - a.ok || a.barely - b.barely || known(b.id) - known(a.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files: total, noSuccessor, candidates };
}

/** takeOverOf per module, for files that carry their module (scan's orphaned files). */
export function takeOverByModule(files: readonly { module: string; successor?: Successor | undefined; strength: SuccessorStrength }[]): Map<string, TakeOver> {
  const groups = new Map<string, (typeof files)[number][]>();
  for (const file of files) {
    // Pushed, not copied: a copy per file was quadratic (30,000 files of one module: 8.6 s, a review).
    const group = groups.get(file.module);
    if (group) group.push(file);
    else groups.set(file.module, [file]);
  }
  return new Map([...groups].map(([module, group]) => [module, takeOverOf(group)]));
}
