// Test data by the folder names tools give it: `init` proposes to exclude it, and `scan` says when it
// makes up most of the analysed files. Pure: paths in, counts out.

// Folders of test data by the name tools give them: fixtures, snapshots, testdata (Go).
const TEST_DATA = ['fixtures', '__fixtures__', '__snapshots__', 'testdata'];
/** A test-data folder name is proposed as an exclude when it holds at least this share of the files. */
const TEST_DATA_SHARE = 0.1;

/** `**\/<name>/**` for each test-data folder name that holds TEST_DATA_SHARE of the files or more, most files first. */
export function testDataFolders(paths: readonly string[]): { glob: string; files: number }[] {
  const counts = TEST_DATA.map((name) => ({ glob: `**/${name}/**`, files: paths.filter((path) => path.startsWith(`${name}/`) || path.includes(`/${name}/`)).length }));
  return counts.filter((count) => count.files > 0 && count.files >= paths.length * TEST_DATA_SHARE).sort((a, b) => b.files - a.files);
}
