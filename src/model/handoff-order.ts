import { isRepositorySetting, listingTier } from './bookkeeping.ts';
import { isBulkOnly, type Successor, type SuccessorStrength } from './successors.ts';
import { isTestData } from './test-data.ts';

// Where a file comes in the handoff's lists, and in scan's lists of what a departure leaves: code
// before prose, chores and images (handoffTier); the files that need a walk-through before those a
// successor can take over as is (transferTier).

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

/** handoffTier, memoised: the area sort asks it inside its comparator, twice per comparison. */
export function tierLookup(empty: ReadonlySet<string>): (path: string) => number {
  const tiers = new Map<string, number>();
  return (path) => {
    let tier = tiers.get(path);
    if (tier === undefined) tiers.set(path, (tier = handoffTier(path, empty)));
    return tier;
  };
}

/** In the walk-throughs' tier: no successor, a weak one, one whose changes were all bulk commits, or a one-off contributor (the handoff's areas and scan's orphaned files). */
export function transferTier(file: { successor?: Successor | undefined; strength: SuccessorStrength }): number {
  return file.successor && (isBulkOnly(file.successor) || file.successor.oneOff) ? 0 : TRANSFER_TIER[file.strength];
}

/** The last tie-break of the handoff's lists: by path, in code-unit order. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
