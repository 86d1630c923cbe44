import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { DEFAULT_CONFIG } from './defaults.ts';
import type { Config } from './schema.ts';

export const CONFIG_FILE = '.talentrisk.yml';
const ALTERNATE_FILES = ['.talentrisk.yaml'];
/** The names the config is looked for under, at the repository's root, in order. */
export const CONFIG_FILES: readonly string[] = [CONFIG_FILE, ...ALTERNATE_FILES];

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, or undefined when none exists (defaults apply). */
  file: string | undefined;
  /** The file as messages name it (relative to the current folder, or `HEAD:.talentrisk.yml` in a bare repository). */
  name: string;
  /** 1-based line of a YAML path (e.g. ['critical', 0]) for reports that point into the file. */
  lineOf: (keyPath: readonly (string | number)[]) => number | undefined;
  /** `file:line:col` of a YAML path (its nearest existing parent when it is missing), for messages. */
  locate: (keyPath: readonly (string | number)[]) => string;
}

/** Line and column where each node of the YAML starts, by its path as JSON (`["critical",0]`). */
export type ConfigPositions = [keyPath: string, line: number, col: number][];

/** What parsing a config yields, as plain data (see ConfigStore). */
export interface ParsedConfig {
  config: Config;
  positions: ConfigPositions;
}

/**
 * Parsed configs kept from earlier runs, by their text (with the code that parses it): parsing one
 * imports yaml and zod, which cost a command ~80 ms of its start before it can read anything else.
 * Where the text came from is not part of it: only messages name the file, and a config that fails
 * to parse is never kept.
 */
export interface ConfigStore {
  read(text: string): ParsedConfig | undefined;
  write(text: string, parsed: ParsedConfig): void;
}

/** The loaded config of a parsed one: lineOf and locate read its positions. */
export function loadedConfig(parsed: ParsedConfig, displayName: string, file: string | undefined): LoadedConfig {
  const positions = new Map(parsed.positions.map(([keyPath, line, col]) => [keyPath, { line, col }]));
  // As a missing key points at its parent: the longest part of the path that exists.
  const find = (keyPath: readonly (string | number)[]) => {
    for (let length = keyPath.length; length >= 0; length--) {
      const found = positions.get(JSON.stringify(keyPath.slice(0, length)));
      if (found) return found;
    }
    return undefined;
  };
  return {
    config: parsed.config,
    file,
    name: displayName,
    lineOf: (keyPath) => find(keyPath)?.line,
    locate: (keyPath) => {
      const found = find(keyPath);
      return found ? `${displayName}:${found.line}:${found.col}` : displayName;
    },
  };
}

/** Finds the config: `explicit` (must exist) or `.talentrisk.yml` at the repository root. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(explicit);
    if (!existsSync(file)) {
      throw new ConfigError(`config file not found: ${explicit}`, { hint: 'check the --config path, or run `talentrisk init` to create one' });
    }
    return file;
  }
  for (const name of [CONFIG_FILE, ...ALTERNATE_FILES]) {
    const file = path.join(root, name);
    const link = configLink(root, file);
    if (link?.missing) {
      const what = link.loops ? 'which leads back to itself' : 'which does not exist';
      throw new ConfigError(`${name} is a symbolic link to ${link.target}, ${what}`, { hint: 'point the link at the config file, or replace it with the file itself' });
    }
    // A link committed to the repository must not make talentrisk read (and quote in its errors,
    // in a CI log) a file of the machine it runs on: /proc/self/environ leaked the CI's secrets.
    if (link?.outside) {
      throw new ConfigError(`${name} is a symbolic link to ${link.target}, outside the repository; talentrisk does not follow it`, {
        hint: 'replace the link with the config file itself, or pass --config <file> to read that file on purpose',
      });
    }
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Whether `file` is `dir` or lies inside it (paths as given, not resolved). */
export function isWithin(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * What `file` (the config's place in the repository at `root`) is when it is a symbolic link: its
 * target as written, whether that is missing, whether it resolves outside the repository.
 */
export function configLink(root: string, file: string): { target: string; missing: boolean; loops?: boolean; outside: boolean } | undefined {
  let target: string;
  try {
    if (!lstatSync(file).isSymbolicLink()) return undefined;
    target = readlinkSync(file);
  } catch {
    return undefined;
  }
  let resolved: string;
  try {
    resolved = realpathSync(file);
  } catch (error) {
    return { target, missing: true, loops: (error as NodeJS.ErrnoException).code === 'ELOOP', outside: false };
  }
  // The root itself is inside (a link to `.` is a folder, and reads as one).
  return { target, missing: false, outside: !isWithin(realpathSync(root), resolved) };
}

/** More than any config needs: `--config /dev/zero` read until memory ran out. */
const MAX_CONFIG_BYTES = 1 << 20;

const tooLarge = (shown: string, hint: string) => new ConfigError(`${shown} is larger than 1 MiB, which no config is`, { hint });
const notUtf8 = (shown: string, line: number) => new ConfigError(`${shown}:${line} is not valid UTF-8 (another encoding, such as Latin-1?)`, { hint: 'save the file as UTF-8' });

/**
 * The config's text: at most MAX_CONFIG_BYTES, read in pieces (a device or pipe has no size to
 * check first), and valid UTF-8 (a Latin-1 `name: "payé"` became "pay�", and an email in it
 * silently matched nobody).
 */
function readConfigText(file: string, shown: string): string {
  const fd = openSync(file, 'r');
  const pieces: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const piece = Buffer.alloc(64 * 1024);
      const read = readSync(fd, piece, 0, piece.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_CONFIG_BYTES) throw tooLarge(shown, 'pass the .talentrisk.yml itself with --config <file>');
      pieces.push(piece.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  const bytes = Buffer.concat(pieces);
  if (!isUtf8(bytes)) {
    let start = 0;
    let line = 1;
    for (let end = bytes.indexOf(0x0a); ; end = bytes.indexOf(0x0a, start)) {
      if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end)) || end === -1) break;
      start = end + 1;
      line += 1;
    }
    throw notUtf8(shown, line);
  }
  return bytes.toString('utf8');
}

/**
 * The same limits for a config git read (a bare repository's committed file), which reaches us
 * decoded: a byte that was not UTF-8 is a U+FFFD there.
 */
export function assertConfigText(text: string, shown: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) throw tooLarge(shown, 'commit the .talentrisk.yml itself, or pass --config <file>');
  const bad = text.indexOf('\ufffd');
  if (bad !== -1) throw notUtf8(shown, text.slice(0, bad).split('\n').length);
}

/**
 * Refuses a config found in the repository that is a pipe or a device (links followed): reading or
 * writing one blocks (a FIFO with no writer hung every command). A folder, or a file that cannot be
 * looked at, is left to the read, which says why.
 */
export function assertConfigFileKind(file: string, shown: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return;
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    throw new ConfigError(`${shown} is not a regular file (a pipe or a device?)`, { hint: 'remove it (talentrisk reads .talentrisk.yml as a file), or pass --config <file>' });
  }
}

/** Loads the config of the repository at `root`; `cwd` only shortens the file name in messages. */
export async function loadConfig(root: string, explicit?: string, cwd: string = root, store?: ConfigStore): Promise<LoadedConfig> {
  const file = findConfigFile(root, explicit);
  if (!file) return { config: DEFAULT_CONFIG, file: undefined, name: CONFIG_FILE, lineOf: () => undefined, locate: () => CONFIG_FILE };
  // Relative to the current folder when in it or in the repository (../.talentrisk.yml from a
  // subfolder), else absolute: `--config /dev/null` read as ../../../../dev/null.
  const shown = isWithin(cwd, file) || isWithin(root, file) ? path.relative(cwd, file) || file : file;
  // A pipe or device found in the repository would block the read (a FIFO with no writer hung every
  // command without a word); `--config <(…)` reads one on purpose.
  if (!explicit) assertConfigFileKind(file, shown);
  let text: string;
  try {
    text = readConfigText(file, shown);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      if (explicit) throw new ConfigError(`--config ${file} is a folder, not a config file`, { hint: 'pass the YAML file itself, e.g. `--config path/to/.talentrisk.yml`', cause: error });
      throw new ConfigError(`${shown} is a folder, not a config file`, { hint: 'move it away (talentrisk reads .talentrisk.yml as a file), or pass --config <file>', cause: error });
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`cannot read ${shown}: ${reason}`, { hint: 'check that the file can be read by the user running talentrisk (e.g. `chmod a+r`), or pass --config <file>', cause: error });
  }
  return parseConfig(text, shown, file, store);
}

/**
 * Parses config text (see parse.ts): every YAML and schema problem at once, as
 * `file:line:col key.path: message`, in one ConfigError. The parser, with yaml and zod, is imported
 * only here, when there is a file to read and `store` has not kept it parsed from an earlier run.
 */
export async function parseConfig(text: string, displayName: string, file?: string, store?: ConfigStore): Promise<LoadedConfig> {
  const stored = store?.read(text);
  if (stored) return loadedConfig(stored, displayName, file);
  const { parseConfigFile } = await import('./parse.ts');
  const parsed = parseConfigFile(text, displayName);
  store?.write(text, parsed);
  return loadedConfig(parsed, displayName, file);
}
