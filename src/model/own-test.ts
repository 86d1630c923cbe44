// Whether two paths are a file and its own test: that they change together says nothing a successor
// needs told. hugo's handoff of bep asked to "explain why `config/security/securityConfig.go` and
// `…/securityConfig_test.go` change together", as most of its co-change items (a tester). So is a C
// header and its source (isOwnHeader).

// A test folder anywhere in the path (Maven's src/test/java, Python's tests/, Jest's __tests__).
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|specs?|testing)\//i;
// foo_test, foo.test, foo-spec, foo_integration_test, foo.e2e.test (Go, JavaScript, Ruby).
const TEST_SUFFIX = /^(.+?)(?:[._-](?:integration|unit|e2e|it))?[._-](?:tests?|specs?)$/i;
// FooTest, FooTests, FooSpec, FooIT, FooTestCase (JUnit, Spock): a capital letter, so not "Latest".
const TEST_CLASS = /^(.+?)(?:Tests?|Spec|IT|TestCase)$/;
// test_foo, test-foo (pytest, Ruby's minitest).
const TEST_PREFIX = /^tests?[_-](.+)$/i;

/** The name a file is about, without its extension and test marks, and whether its name or folder makes it a test. */
function subjectOf(path: string): { folder: string; subject: string; named: boolean; inTestFolder: boolean } {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const marked = TEST_SUFFIX.exec(base) ?? TEST_CLASS.exec(base) ?? TEST_PREFIX.exec(base);
  return { folder, subject: (marked?.[1] ?? base).toLowerCase(), named: marked != null, inTestFolder: TEST_FOLDER.test(folder) };
}

/**
 * Whether one path is the other's own test: the same name but for a test mark (`foo.go` and
 * `foo_test.go`, `Foo.java` and `FooTest.java`, `foo.py` and `test_foo.py`, `foo.ts` and
 * `foo.test.ts`), in the same folder or with the test in a test folder (`src/main/java/x/Foo.java`
 * and `src/test/java/x/FooTest.java`, `lib/foo.rb` and `spec/foo_spec.rb`); or the same name with
 * only one of them in a test folder (`src/foo.ts` and `__tests__/foo.ts`). Two tests of one file
 * (`foo_test.go` and `foo_integration_test.go`) are not.
 */
export function isOwnTest(a: string, b: string): boolean {
  if (a === b) return false;
  const x = subjectOf(a);
  const y = subjectOf(b);
  if (x.subject !== y.subject || x.named === y.named) {
    // The same name, told apart by the test folder alone.
    return x.subject === y.subject && !x.named && !y.named && x.inTestFolder !== y.inTestFolder;
  }
  const [test, code] = x.named ? [x, y] : [y, x];
  if (code.inTestFolder && !test.inTestFolder) return false;
  return test.folder === code.folder || test.inTestFolder;
}

const HEADER = /\.(?:h|hh|hpp|hxx)$/i;
const SOURCE = /\.(?:c|cc|cpp|cxx|m|mm)$/i;

/** A path's folder (with its trailing slash) and its name without the extension, lower-cased. */
function folderAndStem(path: string): { folder: string; stem: string } {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { folder: path.slice(0, slash + 1), stem: (dot > 0 ? name.slice(0, dot) : name).toLowerCase() };
}

/**
 * Whether one path is a C-family header and the other its source: the same name (`rdb.h` and
 * `rdb.c`, `Foo.hpp` and `Foo.cpp`, `View.h` and `View.m`) in the same folder, or in twin folders
 * where an `include` folder stands for a `src` one (`include/x/a.h` and `src/x/a.c`), with or
 * without a folder named for the project under `include` (`include/lib/a.h` and `src/a.c`). They
 * change together as a matter of course: redis's handoff asked to explain rdb.h and rdb.c (first-time
 * users). A header of another name (`stream.h` and `t_stream.c`) is not.
 */
export function isOwnHeader(a: string, b: string): boolean {
  const [header, source] = HEADER.test(a) && SOURCE.test(b) ? [a, b] : HEADER.test(b) && SOURCE.test(a) ? [b, a] : [];
  if (header === undefined || source === undefined) return false;
  const h = folderAndStem(header);
  const s = folderAndStem(source);
  if (h.stem !== s.stem) return false;
  if (h.folder === s.folder) return true;
  // `…/include/` and `…/src/` at the same place, then the same folders, or one more under include.
  const include = aroundSegment(h.folder, 'include');
  const src = aroundSegment(s.folder, 'src');
  if (!include || !src || include.before !== src.before) return false;
  return include.after.join('/') === src.after.join('/') || include.after.slice(1).join('/') === src.after.join('/');
}

/** The folders before and after the last `segment` of a folder path, when it has one. */
function aroundSegment(folder: string, segment: string): { before: string; after: string[] } | undefined {
  const segments = folder.split('/').filter(Boolean);
  const at = segments.lastIndexOf(segment);
  return at < 0 ? undefined : { before: segments.slice(0, at).join('/'), after: segments.slice(at + 1) };
}
