// Whether two paths are a file and its own test: that they change together says nothing a successor
// needs told. hugo's handoff of bep asked to "explain why `config/security/securityConfig.go` and
// `…/securityConfig_test.go` change together", as most of its co-change items (a tester).

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
