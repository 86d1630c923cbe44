// The folders of a list of files, with how many files each holds: what module-chains.ts and
// modules.ts's dominantModule both walk down through folders that hold nothing but one subfolder.

export interface Folder {
  /** Files directly in the folder. */
  own: number;
  /** Files anywhere below it. */
  all: number;
  subfolders: Set<string>;
}

/** Every folder of `files` and its ancestors up to the root (''), by path. */
export function folderTree(files: readonly string[]): Map<string, Folder> {
  const folders = new Map<string, Folder>();
  const folder = (path: string) => {
    let node = folders.get(path);
    if (!node) folders.set(path, (node = { own: 0, all: 0, subfolders: new Set() }));
    return node;
  };
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    folder(slash < 0 ? '' : file.slice(0, slash)).own++;
  }
  // Up to the root, folder by folder: each counts the files below it, and is a subfolder of its parent.
  for (const [path, { own }] of [...folders]) {
    if (own === 0) continue;
    for (let at = path; ; ) {
      folder(at).all += own;
      if (at === '') break;
      const up = at.lastIndexOf('/');
      const parent = up < 0 ? '' : at.slice(0, up);
      folder(parent).subfolders.add(at);
      at = parent;
    }
  }
  return folders;
}

/** Where `folder` branches: down through folders that hold no file of their own and one subfolder. */
export function chainBottom(folders: ReadonlyMap<string, Folder>, folder: string): string {
  let end = folder;
  for (let node = folders.get(end); node && node.own === 0 && node.subfolders.size === 1; node = folders.get(end)) end = [...node.subfolders][0] as string;
  return end;
}
