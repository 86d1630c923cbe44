import type { ModuleChain } from './types.ts';
import { chainBottom, folderTree } from './folder-tree.ts';
import { chooseModuleDepth, folderAtDepth, isSupportingModule, packageRoots, ROOT_MODULE, SMALL_MODULE_FILES } from './modules.ts';

// The automatic module depth, METRICS.md §6 (extension): a chain of folders that hold nothing but one
// subfolder is a namespace, not a part of the code. laravel keeps its code in src/Illuminate/<38
// components> and src/ holds nothing else, so at depth 1 one module `src` held 1,930 of 3,329 files
// (truck factor 4) where a dozen components have truck factor 1 (a tester's report).

/**
 * Folders at a depth where a chain of folders that hold nothing but one subfolder (src →
 * src/Illuminate, Java's src/main/java/com/acme) counts as no level: the folders where it branches
 * stand in the place of its first folder, and files directly in that folder form a module of their
 * own. Only a chain that branches into two folders of SMALL_MODULE_FILES files or more, and is no test
 * or docs folder, is followed: splitting .claude/skills into one-file modules, or documentation/docs
 * into chapters, says nothing more. Files of a workspace package (or a modules.roots folder) are cut
 * at the depth as they were: their module is the package whatever the cut.
 */
export function chainedFolders(files: readonly string[], workspaces: readonly string[] = []): { folderOf: (file: string, depth: number) => string; chains: (depth: number) => ModuleChain[] } {
  const folders = folderTree(files);
  const ends = new Map<string, string | undefined>();
  // Where the chain starting at `folder` branches, if the folder starts one worth following.
  const chainEnd = (folder: string): string | undefined => {
    if (ends.has(folder)) return ends.get(folder);
    const end = chainBottom(folders, folder);
    const branches = [...(folders.get(end)?.subfolders ?? [])].filter((sub) => (folders.get(sub)?.all ?? 0) >= SMALL_MODULE_FILES).length;
    const followed = end !== folder && branches >= 2 && !isSupportingModule(end) ? end : undefined;
    ends.set(folder, followed);
    return followed;
  };
  const prefixes = packageRoots(workspaces).map((root) => `${root}/`);
  // By depth and folder: the files of a folder share their module, and sorted files come folder by
  // folder, so the last folder's is checked first (deno: 14,091 files in 2,400 folders).
  const byDepth = new Map<number, { folders: Map<string, Cut>; last: string; cut: Cut }>();
  const cut = (file: string, depth: number): Cut => {
    const slash = file.lastIndexOf('/');
    let known = byDepth.get(depth);
    if (known && slash === known.last.length && file.startsWith(known.last)) return known.cut;
    if (!known) byDepth.set(depth, (known = { folders: new Map(), last: '', cut: { module: ROOT_MODULE, chains: NO_CHAINS } }));
    const folder = file.slice(0, Math.max(0, slash));
    let found = known.folders.get(folder);
    if (!found) {
      const inFolder = `${folder}/`;
      found = prefixes.some((prefix) => inFolder.startsWith(prefix)) ? { module: folderAtDepth(file, depth), chains: NO_CHAINS } : cutFolder(folder, depth, chainEnd);
      known.folders.set(folder, found);
    }
    known.last = folder;
    known.cut = found;
    return found;
  };
  return {
    folderOf: (file, depth) => cut(file, depth).module,
    chains: (depth) => {
      const seen = new Map<string, ModuleChain>();
      for (const file of files) for (const chain of cut(file, depth).chains) seen.set(chain.from, chain);
      return [...seen.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
    },
  };
}

interface Cut {
  module: string;
  chains: ModuleChain[];
}

const NO_CHAINS: ModuleChain[] = [];

/** The module of the files directly in `folder` ('' for the root) at `depth`, and the chains followed to it. */
function cutFolder(folder: string, depth: number, chainEnd: (folder: string) => string | undefined): Cut {
  let chains = NO_CHAINS;
  let at = '';
  let level = 0;
  const rootEnd = chainEnd('');
  if (rootEnd !== undefined) {
    chains = [{ from: ROOT_MODULE, to: rootEnd }];
    at = rootEnd;
  }
  while (at.length < folder.length && level < Math.trunc(depth)) {
    const slash = folder.indexOf('/', at === '' ? 0 : at.length + 1);
    const next = slash < 0 ? folder : folder.slice(0, slash);
    const end = chainEnd(next);
    if (end === undefined) {
      at = next;
      level++;
    } else {
      // The folder holds files, so it lies at or below where the chain branches.
      chains = [...chains, { from: next, to: end }];
      at = end;
    }
  }
  return { module: at === '' ? ROOT_MODULE : at, chains };
}

/**
 * How many modules the automatic depth (chains followed, chooseModuleDepth) makes of the files
 * under `folder`, workspace packages left out: whether a depth the user gave is what keeps a folder
 * whole (laravel at --depth 1: one `src` module, where the automatic depth makes 38 components).
 */
export function automaticModulesWithin(files: readonly string[], workspaces: readonly string[], folder: string): number {
  const chained = chainedFolders(files, workspaces);
  const depth = chooseModuleDepth(files, chained.folderOf);
  const packages = packageRoots(workspaces).map((root) => `${root}/`);
  const inside = files.filter((file) => file.startsWith(`${folder}/`) && !packages.some((prefix) => file.startsWith(prefix)));
  return new Set(inside.map((file) => chained.folderOf(file, depth))).size;
}
