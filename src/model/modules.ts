// Modules, METRICS.md §6 (extension): a folder at a configurable depth, or a workspace package.

export const ROOT_MODULE = '.';
const AUTO_MIN = 5;
const AUTO_MAX = 30;
const AUTO_MAX_DEPTH = 4;

export interface ModuleAssignment {
  path: string;
  kind: 'folder' | 'workspace';
}

/** The folder of `file` cut to `depth` segments ('.' for files at the top level). */
export function folderAtDepth(file: string, depth: number): string {
  const parts = file.split('/');
  parts.pop();
  if (parts.length === 0 || depth <= 0) return ROOT_MODULE;
  return parts.slice(0, depth).join('/');
}

function countModules(files: readonly string[], depth: number): number {
  const seen = new Set<string>();
  for (const file of files) seen.add(folderAtDepth(file, depth));
  return seen.size;
}

/**
 * The module depth when none is configured: the shallowest depth that shows at least 5 modules
 * without going over 30; failing that, the depth with the most modules up to 30 (or depth 1).
 */
export function chooseModuleDepth(files: readonly string[]): number {
  let best = 1;
  let bestCount = 0;
  for (let depth = 1; depth <= AUTO_MAX_DEPTH; depth++) {
    const count = countModules(files, depth);
    if (count > AUTO_MAX) break;
    if (count >= AUTO_MIN) return depth;
    if (count > bestCount) {
      best = depth;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Assigns each file to a module: the deepest workspace package that contains it, else its folder at
 * `depth`. Returns a map module → files, and the kind of each module.
 */
export function assignModules(files: readonly string[], depth: number, workspaces: readonly string[] = []): Map<string, { kind: ModuleAssignment['kind']; files: string[] }> {
  // Deepest first, so a nested package wins over its parent.
  const roots = [...new Set(workspaces.map((root) => root.replace(/\/+$/, '')).filter(Boolean))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const modules = new Map<string, { kind: ModuleAssignment['kind']; files: string[] }>();
  for (const file of files) {
    const root = roots.find((candidate) => file.startsWith(`${candidate}/`));
    const path = root ?? folderAtDepth(file, depth);
    const kind = root ? 'workspace' : 'folder';
    const module = modules.get(path);
    if (module) module.files.push(file);
    else modules.set(path, { kind, files: [file] });
  }
  return modules;
}
