import { describe, expect, it } from 'vitest';
import { isOwnHeader, isOwnTest } from '../../src/model/own-test.ts';

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

// redis (first-time users): 3 of the handoff's 5 co-change items were rdb.h/rdb.c, cluster.h/cluster.c
// and stream.h/t_stream.c. A header and its source of the same name change together as a matter of course.
describe('isOwnHeader', () => {
  it.each([
    ['src/rdb.h', 'src/rdb.c'],
    ['src/cluster.h', 'src/cluster.c'],
    ['lib/Foo.hpp', 'lib/Foo.cpp'],
    ['lib/foo.hh', 'lib/foo.cc'],
    ['App/View.h', 'App/View.m'],
    ['App/View.h', 'App/View.mm'],
    ['include/net/socket.h', 'src/net/socket.c'],
    ['libgit2/include/git2/blob.h', 'libgit2/src/blob.c'],
    ['include/zstd.h', 'src/zstd.c'],
  ])('%s and %s', (a, b) => {
    expect(isOwnHeader(a, b)).toBe(true);
    expect(isOwnHeader(b, a)).toBe(true);
  });

  it.each([
    // Another stem: kept (that a header goes with another file says something).
    ['src/stream.h', 'src/t_stream.c'],
    ['src/server.h', 'src/networking.c'],
    // The same name in unrelated folders.
    ['deps/lua/src/lua.h', 'src/lua.c'],
    ['a/rdb.h', 'b/rdb.c'],
    // Two headers, two sources, or no C family.
    ['src/rdb.h', 'src/rdb.hpp'],
    ['src/rdb.c', 'src/rdb.cc'],
    ['src/rdb.ts', 'src/rdb.js'],
  ])('not %s and %s', (a, b) => {
    expect(isOwnHeader(a, b)).toBe(false);
    expect(isOwnHeader(b, a)).toBe(false);
  });
});
