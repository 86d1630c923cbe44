// Test data by the folder names tools give it: `init` proposes to exclude it, and `scan` says when it
// makes up most of the analysed files. Pure: paths in, counts out.

// Folders of test data by the name tools give them: fixtures, snapshots, testdata (Go); and
// `samples` inside a test folder (svelte: 8,290 of its 9,073 files are test samples, and its truck
// factor was about who wrote them; a team lead's test). A top-level `samples/` is left alone: it
// may be example code a team maintains.
const TEST_DATA: readonly { glob: string; holds(path: string): boolean }[] = [
  ...['fixtures', '__fixtures__', '__snapshots__', 'testdata'].map((name) => ({ glob: `**/${name}/**`, holds: (path: string) => path.startsWith(`${name}/`) || path.includes(`/${name}/`) })),
  { glob: '**/{test,tests}/**/samples/**', holds: (path: string) => /(?:^|\/)tests?\/(?:.*\/)?samples\//.test(path) },
];
/** A test-data folder name is proposed as an exclude when it holds at least this share of the files. */
const TEST_DATA_SHARE = 0.1;

/** Whether `path` is in a test-data folder (fixtures, snapshots, testdata, test samples): a fixture, whatever its name. */
export function isTestData(path: string): boolean {
  return TEST_DATA.some(({ holds }) => holds(path));
}

/** `**\/<name>/**` for each test-data folder name that holds TEST_DATA_SHARE of the files or more, most files first. */
export function testDataFolders(paths: readonly string[]): { glob: string; files: number }[] {
  const counts = TEST_DATA.map(({ glob, holds }) => ({ glob, files: paths.filter(holds).length }));
  return counts.filter((count) => count.files > 0 && count.files >= paths.length * TEST_DATA_SHARE).sort((a, b) => b.files - a.files);
}
