// A file rewritten into another language in one commit (okhttp's "Convert Http2Connection to
// Kotlin": Http2Connection.java deleted, Http2Connection.kt added) is one file whose history goes
// on; git's rename detection cannot pair them, since little of the text is alike. 216 of okhttp's
// 547 Kotlin files began their history at such a commit, credited to whoever ran the conversion
// (a tester). Extension beyond METRICS §1 (off under --model classic): such a delete and add are
// read as a rename. Pure: a commit's changes in, its changes out.

import type { FoldChange } from './authorship.ts';

/**
 * Source files of programming languages and stylesheets: a conversion goes from one to another.
 * Data, configuration and prose are not converted but replaced (`setup.py` deleted and a new
 * `setup.cfg` written, a `feature_request.md` issue template turned into a `.yml` form, `conf.json`
 * into `conf.yaml`: a review), and the new file's author wrote it.
 */
const SOURCE = new Set(
  'java kt kts scala groovy clj cljs cljc js jsx mjs cjs ts tsx mts cts coffee vue svelte py pyx rb go rs c h cc cpp cxx hpp hh hxx m mm swift cs fs vb php pl pm lua dart ex exs erl hrl hs elm ml mli re res nim zig d jl r sh bash zsh ps1 css scss sass less styl'.split(' '),
);

/**
 * The commit's changes with each conversion read as a rename: a deleted and an added source file
 * in one folder whose names differ only in the extension (`Foo.java` → `Foo.kt`, `index.js` →
 * `index.ts`), when no other deleted or added file of that folder has that name too (`Foo.kt` and
 * `Foo.kts` added beside one `Foo.java` is no single conversion). Names without an extension, and
 * files that are not source (SOURCE), are not paired.
 */
export function withConversions<T extends FoldChange>(changes: readonly T[]): readonly (T | FoldChange)[] {
  // Most commits delete nothing: one pass to find out.
  let deletes = 0;
  let adds = 0;
  for (const change of changes) {
    if (change.status === 'D') deletes += 1;
    else if (change.status === 'A') adds += 1;
  }
  if (deletes === 0 || adds === 0) return changes;
  const deleted = new Map<string, number>();
  const added = new Map<string, number>();
  changes.forEach((change, index) => {
    const side = change.status === 'D' ? deleted : change.status === 'A' ? added : undefined;
    const key = side && stemOf(change.path);
    if (key === undefined || !side) return;
    // -1: the name is taken twice on that side (ambiguous).
    side.set(key, side.has(key) ? -1 : index);
  });
  const pairs = new Map<number, number>();
  for (const [key, from] of deleted) {
    const to = added.get(key);
    if (from >= 0 && to !== undefined && to >= 0) pairs.set(to, from);
  }
  if (pairs.size === 0) return changes;
  const dropped = new Set(pairs.values());
  const out: (T | FoldChange)[] = [];
  changes.forEach((change, index) => {
    if (dropped.has(index)) return;
    const from = pairs.get(index);
    out.push(from === undefined ? change : { status: 'R', path: change.path, oldPath: (changes[from] as T).path });
  });
  return out;
}

/** `folder/name` without its extension, or undefined for a name that has none (`Makefile`, `.gitignore`) or is no source file. */
function stemOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 && SOURCE.has(path.slice(dot + 1).toLowerCase()) ? path.slice(0, dot) : undefined;
}
