import { describe, expect, it } from 'vitest';
import { isOwnTest } from '../../src/model/own-test.ts';

// A file and its own test: left out of the handoff checklist's co-change pairs (hugo: most items
// were `securityConfig.go` and `securityConfig_test.go`; a tester).
describe('isOwnTest', () => {
  it.each([
    ['config/security/securityConfig.go', 'config/security/securityConfig_test.go'],
    ['tpl/tplimpl/templatestore.go', 'tpl/tplimpl/templatestore_integration_test.go'],
    ['common/hugo/hugo_test.go', 'common/hugo/hugo.go'],
    ['src/parse.ts', 'src/parse.test.ts'],
    ['src/parse.ts', 'src/parse.spec.tsx'],
    ['src/parse.ts', 'src/__tests__/parse.test.ts'],
    ['src/parse.ts', 'src/__tests__/parse.ts'],
    ['flask/app.py', 'tests/test_app.py'],
    ['flask/app.py', 'flask/app_test.py'],
    ['lib/rack/utils.rb', 'spec/rack/utils_spec.rb'],
    ['src/main/java/org/x/Foo.java', 'src/test/java/org/x/FooTest.java'],
    ['src/main/java/org/x/Foo.java', 'src/test/java/org/x/FooTests.java'],
  ])('%s and %s', (a, b) => {
    expect(isOwnTest(a, b)).toBe(true);
    expect(isOwnTest(b, a)).toBe(true);
  });

  it.each([
    // Two different files, whatever their folder or marks.
    ['config/allconfig/alldecoders.go', 'config/allconfig/allconfig.go'],
    ['resources/images/config_test.go', 'resources/images/image.go'],
    ['common/hugo/hugo_test.go', 'resources/page/site.go'],
    // The same name in unrelated folders, neither a test folder.
    ['pkg/a/util.go', 'pkg/b/util_test.go'],
    // "test" inside a word is no mark.
    ['src/latest.ts', 'src/la.ts'],
    ['src/Latest.java', 'src/La.java'],
    // Two tests of one file.
    ['tpl/store_test.go', 'tpl/store_integration_test.go'],
    // A file and itself.
    ['src/a.ts', 'src/a.ts'],
  ])('not %s and %s', (a, b) => {
    expect(isOwnTest(a, b)).toBe(false);
    expect(isOwnTest(b, a)).toBe(false);
  });
});
