// Files whose commits are mostly release chores: the manifests a release bumps the version in, and
// changelogs. Most changed, they led every list of files at risk and of files someone keeps
// (vuejs/core: 274 of the 283 commits to packages/reactivity/package.json are version bumps, first
// among the reactivity system's files at risk; a handoff's ten "kept" files were all manifests and
// changelogs). They are still analysed and listed, after the code.

const MANIFESTS = new Set(['package.json', 'cargo.toml', 'pyproject.toml', 'composer.json', 'pom.xml', 'go.mod', 'version', 'version.txt']);
const CHANGELOG = /^(?:changelog|changes|history|news|release[-_ ]?notes)(?:\.(?:md|markdown|rst|txt|adoc|asciidoc))?$/i;

// Release-note fragments a release folds into its changelog (towncrier, changesets, reno): numpy's
// `doc/release/upcoming_changes/*.rst` stood among its design documents as knowledge to transfer (an EM test).
const FRAGMENT = /(?:^|\/)(?:upcoming_changes|newsfragments|changelog\.d|\.changeset|releasenotes\/notes)\//i;

/** Whether `path` is a release manifest, a changelog or a release-note fragment (by its name or folder). */
export function isBookkeepingFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  return MANIFESTS.has(lower) || lower.endsWith('.gemspec') || CHANGELOG.test(name) || FRAGMENT.test(path);
}

// Prose about the code, and API dumps a build writes (Kotlin's binary-compatibility `*.api`): listed
// after the code too. okhttp-tls's files at risk began with its README (39 commits against 23 for
// the certificate code), the first line a reviewer read in CI (a tester).
// Licence texts too (undici's lib/web/fetch/LICENSE, node-fetch's, headed its files at risk: a tester).
const PROSE = /(?:^(?:readme|licen[cs]e|copying|notice)(?:\.txt)?|\.(?:md|markdown|rst|adoc|asciidoc|api))$/i;

// Files that tell git, editors and packagers what to skip, and drawings (logos): nobody walks a
// successor through them (vuejs/core's orphaned files began with .gitignore, flask's handoff listed
// .editorconfig and logo SVGs before code: testers).
const REPOSITORY_SETTING = /^\.(?:git(?:ignore|attributes|keep|review)|editorconfig|npmignore|dockerignore|prettierignore|eslintignore|mailmap|git-blame-ignore-revs)$/i;

/** A file that tells git, editors or packagers what to skip or how to read the history (`.gitignore`, `.git-blame-ignore-revs`). */
export function isRepositorySetting(path: string): boolean {
  return REPOSITORY_SETTING.test(path.slice(path.lastIndexOf('/') + 1));
}

/** Prose about the code (a README, a licence, `.md`, `.rst`, …) or an API dump, by its name. */
export function isProse(path: string): boolean {
  return PROSE.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * A file that sets up the repository's hosting rather than being code: GitHub's CODEOWNERS,
 * FUNDING.yml, dependabot.yml and the like directly in `.github/`, and its issue, pull-request and
 * discussion templates (markdown ones too) — not its workflows, actions or scripts, which run.
 * SQLAlchemy's handoff counted `.github/FUNDING.yml` and `stale.yml` among "10 code files" with no
 * successor (a first-time user).
 */
export function isHostingSetting(path: string): boolean {
  return HOSTING_SETTING.test(path);
}

const HOSTING_SETTING = /^\.github\/(?:(?:ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE|DISCUSSION_TEMPLATE)\/[^/]+|[^/]+\.(?:ya?ml|json5?|toml|md)|CODEOWNERS)$/i;

/** Where a file comes in a list of files at risk: 0 code and the rest, 1 prose, API dumps, ignore files and drawings, 2 release manifests and changelogs. */
export function listingTier(path: string): 0 | 1 | 2 {
  if (isBookkeepingFile(path)) return 2;
  return isProse(path) || isRepositorySetting(path) || path.toLowerCase().endsWith('.svg') ? 1 : 0;
}

/**
 * Files at risk in the order `check` lists them: code, then prose, then release manifests and
 * changelogs (listingTier), the most changed first within each; ties keep the order given, or
 * `tie`'s. scan --leaving's single-owner examples follow it too (pnpm's were `.changeset` fragments).
 */
export function inListingOrder<T>(items: readonly T[], pathOf: (item: T) => string, eventsOf: (item: T) => number, tie?: (a: T, b: T) => number): T[] {
  const keyed = items.map((item) => ({ item, tier: listingTier(pathOf(item)), events: eventsOf(item) }));
  keyed.sort((a, b) => a.tier - b.tier || b.events - a.events || (tie ? tie(a.item, b.item) : 0));
  return keyed.map((entry) => entry.item);
}
