// Which build of talentrisk wrote a cache entry: the hash of every module of this package and of
// the dependencies that shape a result. Entries whose content depends on the code (a result, a
// parsed config, the generated files of a revision) put it in their keys, so that a development
// build never reads what different code of the same version wrote.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version.ts';

/** Packages whose contents shape the result (file selection), by version. */
const RESULT_DEPENDENCIES = ['binary-extensions', 'linguist-languages', 'picomatch'];

let cachedBuildId: string | undefined;

/**
 * Hash of the whole build (every module of this package) and of the dependencies that shape a
 * result: a development build never reads results written by different code of the same version.
 * `npm run build` writes the modules' hash to dist/build-id.txt (scripts/build-id.mjs); from the
 * sources (tests) it is computed here the same way.
 */
export function buildId(): string {
  if (cachedBuildId) return cachedBuildId;
  const hash = createHash('sha256').update(VERSION).update(`${modulesHash()}\0`);
  hash.update(`${packageVersions(RESULT_DEPENDENCIES)}\0`);
  cachedBuildId = hash.digest('hex');
  return cachedBuildId;
}

function modulesHash(): string {
  const root = path.dirname(fileURLToPath(import.meta.url));
  try {
    if (import.meta.url.endsWith('.js')) return fs.readFileSync(path.join(root, 'build-id.txt'), 'utf8').trim();
  } catch {
    // a build without the file: hash the modules below
  }
  return hashModules(root);
}

/** Hash of every module (.js or .ts, not .d.ts) below `root`: what scripts/build-id.mjs writes for a build. */
export function hashModules(root: string): string {
  const hash = createHash('sha256');
  const files = (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')).sort();
  for (const name of files) hash.update(`${name}\0`).update(fs.readFileSync(path.join(root, name))).update('\0');
  return hash.digest('hex');
}

const versions = new Map<string, string>();

/** `name@version` of each package, NUL-separated, for keys (each package's version read once). */
export function packageVersions(names: readonly string[]): string {
  return names
    .map((name) => {
      let version = versions.get(name);
      if (version === undefined) versions.set(name, (version = dependencyVersion(name)));
      return `${name}@${version}`;
    })
    .join('\0');
}

/**
 * The version of an installed package, found as Node finds it (node_modules folders up from this
 * module), without resolving it through the module loader.
 */
function dependencyVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === name) return parsed.version ?? 'unknown';
    } catch {
      // not installed at this level
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
