// Files whose commits are mostly release chores: the manifests a release bumps the version in, and
// changelogs. Most changed, they led every list of files at risk and of files someone keeps
// (vuejs/core: 274 of the 283 commits to packages/reactivity/package.json are version bumps, first
// among the reactivity system's files at risk; a handoff's ten "kept" files were all manifests and
// changelogs). They are still analysed and listed, after the code.

const MANIFESTS = new Set(['package.json', 'cargo.toml', 'pyproject.toml', 'composer.json', 'pom.xml', 'go.mod', 'version', 'version.txt']);
const CHANGELOG = /^(?:changelog|changes|history|news|release[-_ ]?notes)(?:\.(?:md|markdown|rst|txt|adoc|asciidoc))?$/i;

/** Whether `path` is a release manifest or a changelog (by its name, in any folder). */
export function isBookkeepingFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  return MANIFESTS.has(lower) || lower.endsWith('.gemspec') || CHANGELOG.test(name);
}
