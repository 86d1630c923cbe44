import { isHostingSetting, isProse, isRepositorySetting } from './bookkeeping.ts';
import { DOCS_FOLDERS, EXAMPLES_FOLDERS, isSupportingModule, ownLibrary, RELEASE_NOTES_FOLDERS, SETTINGS_FOLDERS, SMALL_MODULE_FILES, type ModuleOfKind } from './modules.ts';

// What a module (or a file's folder) is for, in words a dashboard can filter on: the classes the
// module tables use to rank tests, fixtures, examples, docs and tiny modules after the code
// (isSecondaryModule), named. vite's JSON had `kind` for each of its 282 modules but nothing said
// which were its 1–3-file playground fixtures (a dashboard developer's test). Pure: paths in.

/**
 * code: the product · tests: tests, fixtures, test data, benchmarks and playgrounds · examples:
 * examples and samples · docs: documentation and release notes · settings: editors' settings
 * (`.idea`, `.vscode`) · small: code of fewer than SMALL_MODULE_FILES files.
 */
export type ModuleCategory = 'code' | 'tests' | 'examples' | 'docs' | 'settings' | 'small';

/** The categories of a folder that supports the code rather than being it. */
export type SupportingCategory = Exclude<ModuleCategory, 'code' | 'small'>;

export const MODULE_CATEGORIES: readonly ModuleCategory[] = ['code', 'tests', 'examples', 'docs', 'settings', 'small'];

/** The folder names of isSupportingModule that are documentation or release notes rather than tests (Maven's `src/site` too). */
const DOCS = new RegExp(`^(${DOCS_FOLDERS}|${RELEASE_NOTES_FOLDERS})$`, 'i');
/** Editors' settings at the top level (isSupportingModule ranks them last too; a review: they read as tests). */
const SETTINGS = new RegExp(`^(${SETTINGS_FOLDERS})$`);
/** And those that are examples (a top-level `samples/` may be example code a team maintains; test-data.ts). */
const EXAMPLES = new RegExp(`^(${EXAMPLES_FOLDERS})$`, 'i');

/**
 * The outermost folder of `folder` that is tests, examples or docs (isSupportingModule), and which
 * of them it is: `docs/examples` is docs, `tests/samples` tests (svelte's test samples), and
 * `packages/vite/src/node/__tests__/fixtures/config` is tests at `packages/vite/src/node/__tests__`;
 * undefined for a folder of code. `testLibraries`: as isSupportingModule takes them.
 */
export function supportingFolder(folder: string, testLibraries: readonly string[] = []): { path: string; category: SupportingCategory } | undefined {
  if (!isSupportingModule(folder, testLibraries)) return undefined;
  const segments = folder.split('/');
  // The shortest leading part that is supporting ends in the outermost supporting folder (the rule
  // asks for whole folder names, so a part that ends in such a folder is supporting).
  for (let end = 1; end <= segments.length; end++) {
    const path = segments.slice(0, end).join('/');
    if (!isSupportingModule(path, testLibraries)) continue;
    const name = segments[end - 1] as string;
    const category = DOCS.test(name) || (name === 'site' && segments[end - 2] === 'src') ? 'docs' : EXAMPLES.test(name) ? 'examples' : end === 1 && SETTINGS.test(name) ? 'settings' : 'tests';
    return { path, category };
  }
  return { path: folder, category: 'tests' };
}

/** A module's category: what its folder is for, else `small` below SMALL_MODULE_FILES files, else `code` (a workspace package named like a test library, `tokio-test`, too: modules.ts testLibraries). */
export function moduleCategory(module: ModuleOfKind & { files: number }): ModuleCategory {
  return supportingFolder(module.path, ownLibrary(module))?.category ?? (module.files < SMALL_MODULE_FILES ? 'small' : 'code');
}

/** What a file is for, by its folder, else by the file itself (ignore files, .gitreview and GitHub's settings and templates are settings, prose is docs, the rest code): a module's categories but `small`. */
export type FileCategory = Exclude<ModuleCategory, 'small'>;

export const FILE_CATEGORIES: readonly FileCategory[] = ['code', 'tests', 'examples', 'docs', 'settings'];

/** A file's category: that of the outermost supporting folder holding it (supportingFolder), else by the file itself (settings, prose as docs, else code). */
export function fileCategory(path: string, testLibraries: readonly string[] = []): FileCategory {
  const byFolder = supportingFolder(folderOf(path), testLibraries)?.category;
  if (byFolder) return byFolder;
  // Outside such folders, by the file itself: the repository's settings (GitHub's templates too) and
  // prose are no code (SQLAlchemy's "10 code files" with no successor were 5 of those).
  if (isRepositorySetting(path) || isHostingSetting(path)) return 'settings';
  return isProse(path) ? 'docs' : 'code';
}

/** The folder of a file ('' at the top level), as isSupportingModule reads a file's place. */
export function folderOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** `.md` of `docs/a.md`, as written; '' for a name with no extension (`LICENSE`, `.gitignore`). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
