import { createRequire } from 'node:module';
import picomatch from 'picomatch';
import type * as Yaml from 'yaml';

// Workspace packages (METRICS.md §6): package.json workspaces, pnpm-workspace.yaml, Cargo
// workspaces and go.work. Pure: file contents come through `read`.

export interface WorkspaceSources {
  packageJson?: string | undefined;
  pnpmWorkspace?: string | undefined;
  cargoToml?: string | undefined;
  goWork?: string | undefined;
}

export const WORKSPACE_MANIFESTS = { packageJson: 'package.json', pnpmWorkspace: 'pnpm-workspace.yaml', cargoToml: 'Cargo.toml', goWork: 'go.work' } as const;

function safeJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// yaml is loaded only for a pnpm-workspace.yaml, so that other scans do not pay for its import.
// On Node it is a CommonJS package, so require() gives the very module `import 'yaml'` would.
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof Yaml;

function safeYaml(text: string | undefined): unknown {
  if (!text) return undefined;
  const { parse } = requireYaml();
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `members` and `exclude` of a Cargo.toml `[workspace]` table, in whatever order they come. */
function cargoWorkspace(text: string | undefined): { members: string[]; exclude: string[] } {
  // The table runs from its header to the next table header at the start of a line.
  const table = /^\[workspace\][ \t]*(?:#.*)?$([\s\S]*?)(?=^[ \t]*\[|(?![\s\S]))/m.exec(text ?? '')?.[1] ?? '';
  const list = (key: string) => {
    const body = new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*\\[([^\\]]*)\\]`, 'm').exec(table)?.[1] ?? '';
    return [...body.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => (m[1] ?? m[2]) as string);
  };
  return { members: list('members'), exclude: list('exclude') };
}

/** The package folder globs each manifest declares, with the manifest file a package has. */
export function workspacePatterns(sources: WorkspaceSources): { patterns: string[]; manifest: string }[] {
  const found: { patterns: string[]; manifest: string }[] = [];
  const pkg = safeJson(sources.packageJson) as { workspaces?: unknown } | undefined;
  const npm = Array.isArray(pkg?.workspaces) ? strings(pkg.workspaces) : strings((pkg?.workspaces as { packages?: unknown } | undefined)?.packages);
  const pnpm = strings((safeYaml(sources.pnpmWorkspace) as { packages?: unknown } | undefined)?.packages);
  // pnpm reads only pnpm-workspace.yaml: a package.json `workspaces` beside it (a leftover, or for
  // other tools) must not add or remove packages (its "!packages/skip" removed one pnpm keeps).
  const node = pnpm.length ? pnpm : npm;
  if (node.length) found.push({ patterns: node, manifest: 'package.json' });
  const cargo = cargoWorkspace(sources.cargoToml);
  if (cargo.members.length) found.push({ patterns: [...cargo.members, ...cargo.exclude.map((p) => `!${p}`)], manifest: 'Cargo.toml' });
  if (sources.goWork) {
    const uses: string[] = [];
    for (const block of sources.goWork.matchAll(/^use\s*\(([^)]*)\)/gm)) uses.push(...(block[1] ?? '').replace(/\/\/.*$/gm, '').split(/\s+/).filter(Boolean));
    for (const single of sources.goWork.matchAll(/^use\s+([^\s(]+)/gm)) uses.push(single[1] as string);
    // Go accepts a quoted path (`"./go/lib"`): without the quotes it names the folder.
    const paths = uses.map((use) => use.replace(/^(["`])(.*)\1$/, '$2'));
    if (paths.length) found.push({ patterns: paths, manifest: 'go.mod' });
  }
  return found;
}

/** Folders of workspace packages among the tracked files. */
export function detectWorkspaces(sources: WorkspaceSources, trackedFiles: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const { patterns, manifest } of workspacePatterns(sources)) {
    const clean = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    const positive = patterns.filter((p) => !p.startsWith('!')).map(clean).filter((p) => p && p !== '.');
    const negative = patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1)));
    if (positive.length === 0) continue;
    const isIn = picomatch(positive, { dot: false });
    const isOut = negative.length ? picomatch(negative) : () => false;
    for (const file of trackedFiles) {
      if (!file.endsWith(`/${manifest}`)) continue;
      const dir = file.slice(0, -manifest.length - 1);
      if (isIn(dir) && !isOut(dir)) roots.add(dir);
    }
  }
  return [...roots].sort();
}
