import binaryExtensions from 'binary-extensions';
import type { ExclusionCount } from './types.ts';
import type { GeneratedBy } from './generated-header.ts';
import { compileGlob, createPathMatcher } from './globs.ts';

// Files analysed, METRICS.md §3: tracked at the revision, minus exclusions. The default rules are a
// talentrisk choice (the published study kept Linguist's "programming or markup" files instead);
// the classic model applies only the config's globs.

export const EXCLUSION_RULES = {
  include: 'not matched by include',
  exclude: 'exclude glob',
  vendored: '.gitattributes linguist-vendored',
  generated: '.gitattributes linguist-generated',
  generatedHeader: 'generated file (a "Code generated … DO NOT EDIT." line)',
  generatedNotice: 'generated file (a "generated …, do not edit" header)',
  nodiff: '.gitattributes -diff/binary',
  vendorFolder: 'vendor folder',
  lockFile: 'lock file',
  minified: 'minified file',
  binary: 'binary file',
  snapshot: 'test snapshot',
  unreadableName: 'names that read alike (not valid UTF-8)',
} as const;
export type ExclusionRule = keyof typeof EXCLUSION_RULES;

export interface FileFilterOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Apply the default rules (vendor folders, lock files, minified, binary, .gitattributes). */
  defaults: boolean;
  /** .gitattributes contents by the folder that holds them ('' for the top level). */
  gitattributes?: ReadonlyMap<string, string>;
  /** Files whose content says a tool wrote them, and how (git/generated-files.ts), left out by default unless `linguist-generated=false`. */
  generated?: ReadonlyMap<string, GeneratedBy>;
}

// Yarn Berry's vendored binary, plugins and editor SDKs, and its Plug'n'Play loaders (as Linguist's
// vendor list has them): jest credited `.yarn/releases/yarn-4.18.0.cjs` to whoever bumped Yarn.
// A top-level `deps/` too, as Linguist's vendor list has it (`^deps/`): redis's vendored Lua,
// linenoise and hdr_histogram made `deps` its riskiest module and init's first candidate (a tester).
const VENDOR_FOLDER = /^deps\/|(^|\/)(vendor|node_modules|third_party|third-party|bower_components|dist|\.yarn\/releases|\.yarn\/plugins|\.yarn\/sdks|\.yarn\/unplugged)\/|(^|\/)\.pnp\.(c?js|mjs|loader\.mjs|data\.json)$/;
const LOCK_FILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Gemfile\.lock|Cargo\.lock|composer\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|flake\.lock|mix\.lock|pubspec\.lock|packages\.lock\.json|devcontainer-lock\.json|[^/]+\.lock)$/;
const TEST_SNAPSHOT = /(^|\/)__snapshots__\/[^/]+\.snap$/;
/** Minified bundles and source maps, by how their names end (git/generated-files.ts does not read them either). */
export const MINIFIED_ENDINGS = ['.min.js', '.min.css', '.min.mjs', '.min.map', '-min.map', '.js.map', '.css.map'];
const MINIFIED = new RegExp(`(?:${MINIFIED_ENDINGS.map((ending) => ending.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`);
// Beyond binary-extensions: compressed data it does not list (ripgrep's test corpus `sherlock.br`,
// `.lz4` and `.zst` were "no successor" files of a handoff beside its excluded `.gz` and `.xz`: a
// tester), and the data and model files of scientific and machine-learning code.
const MORE_BINARY_EXTENSIONS = ['br', 'lz4', 'zst', 'z', 'parquet', 'avro', 'npy', 'npz', 'pkl', 'pickle', 'h5', 'hdf5', 'onnx', 'tflite', 'safetensors', 'gguf', 'mo'];
const BINARY_EXTENSIONS = new Set([...binaryExtensions, ...MORE_BINARY_EXTENSIONS].map((ext) => ext.toLowerCase()));

/** The attributes talentrisk reads (METRICS.md §3 default exclusions). */
const READ_ATTRIBUTES = ['linguist-vendored', 'linguist-generated', 'diff'] as const;
type ReadAttribute = (typeof READ_ATTRIBUTES)[number];

interface AttributeRule {
  match: (path: string) => boolean;
  /** Set (true), unset (false) or, after `!name`, back to unspecified (undefined). */
  attributes: Map<string, boolean | undefined>;
}

/** Parses .gitattributes into rules (only the attributes talentrisk reads). */
export function parseGitattributes(dir: string, text: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith('[attr]')) continue;
    const [pattern, ...tokens] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('!')) continue;
    const attributes = new Map<string, boolean | undefined>();
    for (const token of tokens) {
      if (token === 'binary') attributes.set('diff', false);
      else if (token.startsWith('-')) attributes.set(token.slice(1), false);
      // `!name` makes the attribute unspecified again, overriding earlier lines and shallower files.
      else if (token.startsWith('!')) attributes.set(token.slice(1), undefined);
      else {
        const [name, value] = token.split('=', 2);
        if (name) attributes.set(name, value === undefined || !/^(false|0|no|off)$/i.test(value));
      }
    }
    if (!READ_ATTRIBUTES.some((name) => attributes.has(name))) continue;
    const trimmed = pattern.replace(/\/+$/, '');
    const anchored = trimmed.includes('/');
    const glob = trimmed.replace(/^\//, '');
    const matcher = compileGlob(glob, { dot: true, basename: !anchored });
    // An anchored pattern that names a folder covers what is under it.
    const folderMatcher = anchored ? compileGlob(`${glob}/**`, { dot: true }) : undefined;
    const prefix = dir ? `${dir}/` : '';
    rules.push({
      match: (path) => {
        if (!path.startsWith(prefix)) return false;
        const relative = prefix ? path.slice(prefix.length) : path;
        return matcher(relative) || (folderMatcher !== undefined && folderMatcher(relative));
      },
      attributes,
    });
  }
  return rules;
}

export interface FileSelection {
  analysed: string[];
  excluded: Map<string, ExclusionRule>;
  counts: ExclusionCount[];
}

/** Splits tracked files into analysed and excluded, remembering the rule that excluded each. */
export function selectFiles(tracked: readonly string[], options: FileFilterOptions): FileSelection {
  // Same glob meaning as critical paths: a plain folder name (`vendor`, `lib/`) covers its contents.
  const include = options.include?.length ? createPathMatcher(options.include) : undefined;
  const exclude = options.exclude?.length ? createPathMatcher(options.exclude) : undefined;
  // Shallower .gitattributes first: deeper files and later lines win, as in git.
  const attributeRules = options.defaults
    ? [...(options.gitattributes ?? new Map<string, string>())]
        .sort(([a], [b]) => (a === '' ? 0 : a.split('/').length) - (b === '' ? 0 : b.split('/').length) || (a < b ? -1 : 1))
        .flatMap(([dir, text]) => parseGitattributes(dir, text))
    : [];
  const decisive = decisiveRules(attributeRules);

  // Names git stores as bytes that are not UTF-8 read with U+FFFD for each bad byte, so two files
  // (`f-\xe9.txt`, `f-\xe8.txt`) can read alike; git's log names them alike too, so their histories
  // would be one file's. Both are left out, under every model: no figure can tell them apart.
  const seen = new Map<string, number>();
  for (const path of tracked) seen.set(path, (seen.get(path) ?? 0) + 1);
  const analysed: string[] = [];
  const excluded = new Map<string, ExclusionRule>();
  const tally = new Map<ExclusionRule, number>();
  for (const [path, copies] of seen) {
    const rule = exclusionOf(path, include, exclude, decisive, options.defaults, options.generated) ?? (copies > 1 ? 'unreadableName' : undefined);
    if (rule) {
      excluded.set(path, rule);
      tally.set(rule, (tally.get(rule) ?? 0) + copies);
    } else analysed.push(path);
  }
  const counts = (Object.keys(EXCLUSION_RULES) as ExclusionRule[])
    .filter((rule) => tally.has(rule))
    .map((rule) => ({ rule: EXCLUSION_RULES[rule], files: tally.get(rule) ?? 0 }));
  return { analysed, excluded, counts };
}

function exclusionOf(
  path: string,
  include: ((path: string) => boolean) | undefined,
  exclude: ((path: string) => boolean) | undefined,
  attributeRules: readonly AttributeRule[],
  defaults: boolean,
  generated: ReadonlyMap<string, GeneratedBy> | undefined,
): ExclusionRule | undefined {
  if (include && !include(path)) return 'include';
  if (exclude?.(path)) return 'exclude';
  if (!defaults) return undefined;
  const attributes = attributesOf(path, attributeRules);
  if (attributes['linguist-vendored'] === true) return 'vendored';
  if (attributes['linguist-generated'] === true) return 'generated';
  if (attributes.diff === false) return 'nodiff';
  // `linguist-vendored=false` keeps a file that the folder rule would drop, `linguist-generated=false`
  // one whose header says a tool wrote it (as Linguist has them).
  return namedExclusionOf(path, attributes['linguist-vendored'] !== false) ?? (attributes['linguist-generated'] !== false ? generated?.get(path) : undefined);
}

/**
 * The default rule that excludes `path` by its name alone (vendor folder, lock file, minified,
 * binary), if any; `vendorFolders` false when `linguist-vendored=false` keeps the folder's files.
 */
function namedExclusionOf(path: string, vendorFolders = true): ExclusionRule | undefined {
  if (vendorFolders && VENDOR_FOLDER.test(path)) return 'vendorFolder';
  if (LOCK_FILE.test(path)) return 'lockFile';
  if (MINIFIED.test(path)) return 'minified';
  // Jest's and Vitest's snapshots are text the test runner writes, not binary (binary-extensions
  // lists `.snap` for snap packages): vuejs/core's 34 read "binary files" (a tester).
  if (TEST_SNAPSHOT.test(path)) return 'snapshot';
  const dot = path.lastIndexOf('.');
  if (dot > path.lastIndexOf('/') && BINARY_EXTENSIONS.has(path.slice(dot + 1).toLowerCase())) return 'binary';
  return undefined;
}

/**
 * The vendor folders of the files the vendor-folder rule excluded (files.ts VENDOR_FOLDER): each the
 * outermost folder the rule matched, with its slash (`deps/`, `web/node_modules/`), or a Yarn
 * Plug'n'Play loader's own path; most files first, then by path.
 */
export function vendorFoldersOf(excluded: ReadonlyMap<string, ExclusionRule>): { path: string; files: number }[] {
  const folders = new Map<string, number>();
  for (const [path, rule] of excluded) {
    if (rule !== 'vendorFolder') continue;
    const match = VENDOR_FOLDER.exec(path);
    const folder = match ? path.slice(0, match.index + match[0].length) : path;
    folders.set(folder, (folders.get(folder) ?? 0) + 1);
  }
  return [...folders].map(([path, files]) => ({ path, files })).sort((a, b) => b.files - a.files || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The rules without the attribute values that cannot change an exclusion. Only some values decide
 * one: `diff` unset (-diff, binary), `linguist-generated` and `linguist-vendored` set or unset.
 * Another value matters only after a deciding one, which it may override (later rules win); before
 * any, it leaves the outcome as if the attribute were unspecified. Most .gitattributes set diff
 * drivers and text options first, so most paths then need no pattern test.
 */
function decisiveRules(rules: readonly AttributeRule[]): AttributeRule[] {
  const decides: Record<ReadAttribute, (value: boolean | undefined) => boolean> = {
    diff: (value) => value === false,
    // Unset too: `linguist-generated=false` keeps a file its header would leave out.
    'linguist-generated': (value) => value !== undefined,
    'linguist-vendored': (value) => value !== undefined,
  };
  const decided = new Set<ReadAttribute>();
  const kept: AttributeRule[] = [];
  for (const rule of rules) {
    const attributes = new Map<string, boolean | undefined>();
    for (const name of READ_ATTRIBUTES) {
      if (!rule.attributes.has(name)) continue;
      const value = rule.attributes.get(name);
      if (decides[name](value)) decided.add(name);
      if (decided.has(name)) attributes.set(name, value);
    }
    if (attributes.size > 0) kept.push({ match: rule.match, attributes });
  }
  return kept;
}

/** The read attributes of a path: the last matching rule that mentions one decides it, as in git. */
function attributesOf(path: string, attributeRules: readonly AttributeRule[]): Partial<Record<ReadAttribute, boolean | undefined>> {
  const attributes: Partial<Record<ReadAttribute, boolean | undefined>> = {};
  for (const rule of attributeRules) {
    if (!rule.match(path)) continue;
    for (const name of READ_ATTRIBUTES) if (rule.attributes.has(name)) attributes[name] = rule.attributes.get(name);
  }
  return attributes;
}
