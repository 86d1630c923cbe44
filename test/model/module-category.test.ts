import { describe, expect, it } from 'vitest';
import { fileCategory, moduleCategory, supportingFolder } from '../../src/model/module-category.ts';
import { isSupportingModule, isSecondaryModule } from '../../src/model/modules.ts';

describe('moduleCategory (scan JSON modules[].category)', () => {
  it('names the classes the module tables rank last (vite: its 1–3-file playground fixtures could not be told from its code in the JSON)', () => {
    expect(moduleCategory({ path: 'packages/vite', files: 218 })).toBe('code');
    expect(moduleCategory({ path: 'playground/hmr-ssr', files: 84 })).toBe('tests');
    expect(moduleCategory({ path: 'packages/vite/src/node/__tests__/fixtures/config/native-compat', files: 18 })).toBe('tests');
    expect(moduleCategory({ path: 'benchmarks', files: 30 })).toBe('tests');
    expect(moduleCategory({ path: 'testing', files: 30 })).toBe('tests');
    expect(moduleCategory({ path: 'examples/todo', files: 9 })).toBe('examples');
    expect(moduleCategory({ path: 'samples', files: 9 })).toBe('examples');
    expect(moduleCategory({ path: 'docs', files: 151 })).toBe('docs');
    expect(moduleCategory({ path: 'module/src/site', files: 7 })).toBe('docs');
    expect(moduleCategory({ path: 'changelog.d', files: 7 })).toBe('docs');
    // The code of the docs' tutorials (fastapi's docs_src: first of its riskiest modules, a CI maintainer).
    expect(moduleCategory({ path: 'docs_src', files: 451 })).toBe('docs');
    expect(moduleCategory({ path: 'docs_src/dependencies', files: 40 })).toBe('docs');
    expect(moduleCategory({ path: 'doc-examples', files: 12 })).toBe('docs');
    // A source folder named like docs is still code.
    expect(moduleCategory({ path: 'src/docstring', files: 12 })).toBe('code');
    expect(moduleCategory({ path: 'docsify', files: 12 })).toBe('code');
    // Editors' settings rank last too, but are no tests (a review: `.idea` read as tests).
    expect(moduleCategory({ path: '.idea', files: 8 })).toBe('settings');
    expect(moduleCategory({ path: '.vscode', files: 1 })).toBe('settings');
    expect(moduleCategory({ path: 'scripts', files: 4 })).toBe('small');
    expect(moduleCategory({ path: '.', files: 3 })).toBe('small');
    // A small test module is tests first.
    expect(moduleCategory({ path: 'tests', files: 1 })).toBe('tests');
  });

  // Regression (tokio, a tester): the published crate tokio-test (test utilities) was "tests".
  it('names a workspace package named like a test suite but singular code, as its rank does; a plain folder so named stays tests', () => {
    expect(moduleCategory({ path: 'tokio-test', files: 14, kind: 'workspace' })).toBe('code');
    expect(isSecondaryModule({ path: 'tokio-test', files: 14, kind: 'workspace' })).toBe(false);
    expect(moduleCategory({ path: 'stress-test', files: 2, kind: 'workspace' })).toBe('small');
    expect(moduleCategory({ path: 'tokio-test', files: 14, kind: 'folder' })).toBe('tests');
    expect(moduleCategory({ path: 'tokio-test', files: 14 })).toBe('tests');
    expect(moduleCategory({ path: 'tests-integration', files: 11, kind: 'workspace' })).toBe('tests');
    expect(supportingFolder('tokio-test/tests/io', ['tokio-test'])).toEqual({ path: 'tokio-test/tests', category: 'tests' });
    expect(supportingFolder('tokio-test/src', ['tokio-test'])).toBeUndefined();
  });

  it('names a path by its outermost such folder (docs/examples is docs; svelte\'s tests/samples, tests)', () => {
    expect(supportingFolder('docs/examples/basic')).toEqual({ path: 'docs', category: 'docs' });
    expect(supportingFolder('packages/svelte/tests/runtime/samples/a')).toEqual({ path: 'packages/svelte/tests', category: 'tests' });
    expect(supportingFolder('examples/docs')).toEqual({ path: 'examples', category: 'examples' });
    expect(supportingFolder('packages/vite/src/node/__tests__/fixtures')).toEqual({ path: 'packages/vite/src/node/__tests__', category: 'tests' });
    expect(supportingFolder('src/core')).toBeUndefined();
    expect(supportingFolder('')).toBeUndefined();
  });

  it('agrees with the ranking: code is exactly what isSecondaryModule ranks first', () => {
    const paths = ['src', 'lib/core', 'tests', 'test/unit', 't', 'spec', 'e2e', 'okhttp-testing-support', 'android-test', 'tests-build', 'testscripts', 'benches', 'fixtures', '__fixtures__', 'playground/a', 'example', 'my-examples', 'samples', 'doc', 'documentation', 'src/site', 'src/website', 'site', 'changelog', 'newsfragments', '.changeset', 'testing', 'src/testing', 'contests', 'react-testing-library', 'a/b/c/tests/d'];
    for (const path of paths) {
      for (const files of [1, 5, 50]) {
        const category = moduleCategory({ path, files });
        expect(category === 'code', `${path} (${files} files): ${category}`).toBe(!isSecondaryModule({ path, files }));
        expect(['tests', 'examples', 'docs'].includes(category), path).toBe(isSupportingModule(path));
      }
    }
  });
});

describe('fileCategory (handoff summary counts by what the files are for)', () => {
  it('names the category of the outermost supporting folder holding a file, else code (helm: testdata fixtures among "nobody for 100")', () => {
    const paths = ['cmd/helm/require/args.go', 'cmd/helm/require/args_test.go', 'cmd/helm/testdata/output/x.txt', 'docs/examples/a.go', 'examples/b.go', '.vscode/settings.json'];
    expect(paths.map((path) => fileCategory(path))).toEqual(['code', 'code', 'tests', 'docs', 'examples', 'settings']);
    // Elsewhere by the file itself: SQLAlchemy's "10 code files" with no successor held LICENSE,
    // .gitreview and GitHub's settings (a first-time user). A workflow runs: code.
    const files = ['README.md', 'LICENSE', 'lib/x/NOTES.rst', '.gitreview', '.github/FUNDING.yml', '.github/CODEOWNERS', '.github/ISSUE_TEMPLATE/bug.md', '.github/pull_request_template.md', '.github/workflows/ci.yml', '.github/scripts/release.mjs', '.github/actions/setup/action.yml', 'tools/x.py', 'CMakeLists.txt'];
    expect(files.map((path) => fileCategory(path))).toEqual(['docs', 'docs', 'docs', 'settings', 'settings', 'settings', 'settings', 'settings', 'code', 'code', 'code', 'code', 'code']);
    // A workspace package named like a test library is code (tokio-test).
    expect(fileCategory('tokio-test/src/io.rs', ['tokio-test'])).toBe('code');
  });
});
