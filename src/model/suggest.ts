// "Did you mean": the nearest known word to a typo (config keys, paths, people).

/**
 * Edit distance (Levenshtein); with `swaps`, two neighbouring letters swapped count as one edit
 * (optimal string alignment): the commonest slip of a typed name (`drise` for Dries), which
 * Levenshtein counts twice.
 */
export function editDistance(a: string, b: string, swaps = false): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] as number) + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** A typed name's distance: edits, a swap of neighbouring letters counting as one. */
export function typoDistance(a: string, b: string): number {
  return editDistance(a, b, true);
}

/** The closest candidate, when it is close enough to be a typo (case-insensitive). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The candidates that end in `word` after a folder, when `word` is a path missing its first
 * folders: elixir's `explain lib/mix/tasks/test.ex` meant lib/mix/lib/mix/tasks/test.ex, and no
 * path is a few edits away (a tester's report). The caller suggests one, and lists several rather
 * than guess (the first of ten `lib/<app>/src/f33.ex` was a guess: a review; pytest's
 * `explain fixtures.py` matched several and listed none: a tester).
 */
export function endingIn(word: string, candidates: readonly string[]): string[] {
  const tail = `/${word.toLowerCase().replace(/^\/+|\/+$/g, '')}`;
  if (tail === '/') return [];
  return candidates.filter((candidate) => candidate.toLowerCase().endsWith(tail));
}

/**
 * The files and every folder that holds them, files first (so a file wins a tie): folders are
 * candidates for a mistyped path too (laravel: `explain src/Illuminate/Databse` had no suggestion,
 * while `Model.PHP` had one).
 */
export function withFolders(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) for (let slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
  return [...files, ...folders];
}
