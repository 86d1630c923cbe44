import { describe, expect, it } from 'vitest';
import { isBookkeepingFile } from '../../src/model/bookkeeping.ts';

describe('isBookkeepingFile', () => {
  it('knows release manifests and changelogs by name, in any folder and case', () => {
    for (const path of ['package.json', 'packages/reactivity/package.json', 'Cargo.toml', 'crates/x/Cargo.toml', 'pyproject.toml', 'composer.json', 'pom.xml', 'go.mod', 'rails.gemspec', 'VERSION', 'CHANGELOG.md', 'docs/CHANGES.rst', 'HISTORY.md', 'NEWS', 'RELEASE_NOTES.md', 'changelog']) {
      expect(isBookkeepingFile(path), path).toBe(true);
    }
  });

  it('leaves code and other files alone, whatever their folder is called', () => {
    for (const path of ['src/package.ts', 'changelog/parser.ts', 'src/news/feed.ts', 'history.ts', 'src/history.js', 'package.json5', 'Cargo.lock', 'tsconfig.json', 'README.md', 'src/versioning.ts']) {
      expect(isBookkeepingFile(path), path).toBe(false);
    }
  });
});
