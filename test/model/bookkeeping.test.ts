import { describe, expect, it } from 'vitest';
import { isBookkeepingFile, listingTier } from '../../src/model/bookkeeping.ts';
import { handoffTier } from '../../src/model/handoff-order.ts';

describe('isBookkeepingFile', () => {
  it('knows release manifests and changelogs by name, in any folder and case', () => {
    for (const path of ['package.json', 'packages/reactivity/package.json', 'Cargo.toml', 'crates/x/Cargo.toml', 'pyproject.toml', 'composer.json', 'pom.xml', 'go.mod', 'rails.gemspec', 'VERSION', 'CHANGELOG.md', 'docs/CHANGES.rst', 'HISTORY.md', 'NEWS', 'RELEASE_NOTES.md', 'changelog', 'doc/release/upcoming_changes/31364.c_api.rst', 'newsfragments/123.bugfix', 'changelog.d/x.md', '.changeset/brave-cats.md', 'releasenotes/notes/fix-a.yaml']) {
      expect(isBookkeepingFile(path), path).toBe(true);
    }
  });

  it('leaves code and other files alone, whatever their folder is called', () => {
    for (const path of ['src/package.ts', 'changelog/parser.ts', 'src/news/feed.ts', 'history.ts', 'src/history.js', 'package.json5', 'Cargo.lock', 'tsconfig.json', 'README.md', 'src/versioning.ts']) {
      expect(isBookkeepingFile(path), path).toBe(false);
    }
  });
});

describe('listingTier', () => {
  // okhttp-tls's files at risk began with its README, the first line a reviewer read in CI (a tester).
  it('lists code first, then prose and API dumps, then release chores', () => {
    expect(['okhttp-tls/src/main/kotlin/HeldCertificate.kt', 'src/readme.ts', 'Makefile', 'src/docs.py'].map(listingTier)).toEqual([0, 0, 0, 0]);
    expect(['okhttp-tls/README.md', 'README', 'docs/guide.rst', 'okhttp-tls/api/okhttp-tls.api', 'Readme.txt', 'lib/web/fetch/LICENSE', 'COPYING', 'NOTICE.txt'].map(listingTier)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(['src/license.ts', 'lib/notice.js'].map(listingTier)).toEqual([0, 0]);
    expect(['CHANGELOG.md', 'package.json'].map(listingTier)).toEqual([2, 2]);
    // Ignore files, editor settings and drawings after the code (vuejs/core, flask: testers); a
    // program that handles them stays code.
    expect(['.gitignore', 'packages/x/.npmignore', '.editorconfig', 'docs/_static/flask-logo.svg', 'src/gitignore.ts', 'src/svg.ts'].map(listingTier)).toEqual([1, 1, 1, 1, 0, 0]);
  });
});

// The handoff's order: repository settings, like images and empty files, come last and get no
// walk-through (a review: it asked to walk a successor through .git-blame-ignore-revs).
describe('handoffTier', () => {
  it('puts code first, then prose and plain text, then chores and test data, then images, settings and empty files', () => {
    const empty = new Set(['src/__init__.py']);
    expect(['src/app.py', 'docs/api.rst', 'notes.txt', 'CHANGES.rst', 'tests/templates/a.html', 'logo.svg', '.git-blame-ignore-revs', 'web/.editorconfig', 'src/__init__.py'].map((path) => handoffTier(path, empty))).toEqual([0, 1, 1, 2, 2, 3, 3, 3, 3]);
  });

  it('puts anything in a test-data folder with the fixtures, whatever its name (helm: a .helmignore before repo_add.go)', () => {
    const paths = ['cmd/helm/testdata/testcharts/decompressedchart/.helmignore', 'pkg/lint/testdata/badchart/_ignore_me', 'cmd/helm/testdata/Chart.lock', 'test/fixtures/app/index.js', 'src/__snapshots__/a.test.ts.snap', 'cmd/helm/repo_add.go'];
    expect(paths.map((path) => handoffTier(path))).toEqual([2, 2, 2, 2, 2, 0]);
    // Test code and a dotfile in a test folder that is not test data stay where they were.
    expect(['tests/test_app.py', 'tests/.eslintrc', 'testdata/.gitkeep'].map((path) => handoffTier(path))).toEqual([0, 0, 3]);
  });
});
