import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, linkSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { MAX_MODULE_DEPTH } from '../config/defaults.ts';
import { UsageError } from '../errors.ts';

/** Options every analysing command shares. */
export interface CommonOptions {
  rev: string;
  until?: Date;
  depth?: number;
  config?: string;
  model: 'talentrisk' | 'classic';
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  output?: string;
  force?: boolean;
  leaving?: string[];
  onlyCode?: boolean;
  /** commander maps --no-cache to cache: false. */
  cache?: boolean;
}

export function parseDate(value: string): Date {
  // Accept YYYY-MM-DD (UTC midnight at the end of that day) or a full ISO 8601 timestamp.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A time without a zone is UTC, as a day is: read in the machine's zone, one --until gave
  // different commits on runners in different zones (an adversarial test).
  const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
  const date = new Date(dayOnly ? `${value}T23:59:59Z` : zoneless ? `${value.replace(' ', 'T')}Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD or an ISO 8601 timestamp, e.g. 2024-06-30');
  }
  // Date() rolls 2010-02-30 over to March 2; a day that does not exist is a typo.
  if (dayOnly && date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`${value} is not a real day`);
  }
  return date;
}

/** --depth: a module folder depth, as the config's `modules.depth` allows it (1 to MAX_MODULE_DEPTH). */
export function parseDepth(value: string): number {
  // Digits only: Number() also took `1e1`, `0x2` and ` 2`.
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > MAX_MODULE_DEPTH) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_MODULE_DEPTH}`);
  return number;
}

export const SCAN_FORMATS = ['table', 'json', 'markdown'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const HANDOFF_FORMATS = ['markdown', 'json'] as const;
export type HandoffFormat = (typeof HANDOFF_FORMATS)[number];

/**
 * A value that is there and is not the next option: `--output --no-cache` wrote the report to a
 * file named `--no-cache`, and `--leaving --debug` looked for a person of that name (a fuzz test).
 * A file whose name starts with a dash is written `./-x`.
 */
export function valueOf(what: string, kind: 'path' | 'name' = 'name'): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new InvalidArgumentError(`expected ${what}, and got an empty value`);
    if (value.startsWith('-')) {
      throw new InvalidArgumentError(`expected ${what}, and got "${value}", which reads as an option${kind === 'path' ? ` (a path that starts with "-" is written ./${value})` : ''}`);
    }
    return value;
  };
}

const WHO = valueOf('a person (name, email or alias)');

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), WHO(value)];
}

/**
 * The plain-text report is `table` for scan and explain and `text` for check: each command takes the
 * other's word too, so that a format that works on one command does not fail on the next.
 */
const PLAIN_TEXT = ['table', 'text'];

function formatOption(formats: readonly string[], defaultFormat: string): Option {
  const plain = formats.find((format) => PLAIN_TEXT.includes(format));
  return new Option('-f, --format <name>', 'output format')
    .choices([...formats])
    .default(defaultFormat)
    .argParser((value: string) => {
      if (formats.includes(value)) return value;
      if (plain !== undefined && PLAIN_TEXT.includes(value)) return plain;
      // GitLab reads JUnit reports: `check -f gitlab` listed the formats and no word of which (ohmyzsh, a CI maintainer).
      const gitlab = /gitlab/i.test(value) && formats.includes('junit') ? '; for GitLab use junit (see docs/ci.md)' : '';
      throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}${gitlab}.`);
    });
}

/** Adds the analysis options (revision, config, model, output) to a command. */
export function addAnalysisOptions(command: Command, formats: readonly string[], defaultFormat: string): Command {
  return command
    .option('--rev <rev>', 'revision to analyse: a branch, tag or commit, not a range', valueOf('a branch, tag or commit'), 'HEAD')
    .option('--until <date>', 'analyse the last first-parent commit at or before this date (YYYY-MM-DD, or an ISO 8601 timestamp)', parseDate)
    .option('--depth <n>', 'folder depth of modules, 1–10, counting every folder (default: chosen to show 5–30 modules, passing folders that hold only one subfolder)', parseDepth)
    .option('-c, --config <file>', 'config file (default: .talentrisk.yml at the repository root)', valueOf('a config file', 'path'))
    .addOption(new Option('--model <name>', 'talentrisk (with extensions) or classic (the published method only)').choices(['talentrisk', 'classic']).default('talentrisk'))
    .addOption(formatOption(formats, defaultFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout', valueOf('a file to write', 'path'))
    .option('--force', 'overwrite the --output file if it exists')
    .option('--leaving <who>', 'a person leaving (name, email or alias); repeatable', collect)
    .option('--only-code', 'analyse only programming and markup files (GitHub Linguist), as the published study did')
    .option('--no-cache', 'do not read or write the cache (parsed history and stored results)')
    .option('-q, --quiet', 'no progress, no warnings on stderr')
    .option('--no-color', 'no colours, even on a terminal')
    .option('--debug', 'show stack traces of errors');
}

/**
 * Refuses an existing --output file up front, before a long analysis, so that a CI run fails fast
 * and never after the work is done.
 */
export function assertOutputWritable(options: { output?: string | undefined; force?: boolean | undefined }, cwd: string): OutputTarget | undefined {
  if (!options.output) return undefined;
  const target = resolveOutput(options.output, path.resolve(cwd, options.output));
  if (target.kind === 'file' && !options.force) {
    throw new UsageError(`${options.output} already exists`, { hint: 'pass --force to overwrite it, or choose another --output file' });
  }
  return target;
}

/**
 * Where an output goes. `stdout`: a path that names the standard output. `in place`: another open
 * descriptor's path (/dev/stderr, /dev/fd/N), a device, a pipe: appended to, never truncated or
 * replaced. `file`: an existing file, through any symlinks (`path` is the real file, replaced by a
 * temp file and a rename, so that a link stays a link). `absent`: no file yet (`path` is where it
 * will be made: for a symlink to nothing yet, the file it points to).
 */
export interface OutputTarget {
  kind: 'stdout' | 'in place' | 'file' | 'absent';
  path: string;
  /** Permission bits of the file replaced, kept by its replacement. */
  mode?: number | undefined;
}

const STANDARD_OUTPUT = /^\/(dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/;
const OPEN_DESCRIPTOR = /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/self\/fd\/\d+)$/;

/**
 * Resolves an output path and refuses, before any analysis (minutes on a large history), one no
 * file can be written to: a folder, a file in a folder that does not exist, or in one where no
 * file can be made. `shown` is the path as the user gave it.
 */
export function resolveOutput(shown: string, file: string): OutputTarget {
  // Descriptor paths first: /dev/stdout may name a file the shell opened, which is not a report to
  // refuse or replace (and opening the path fails when the descriptor is a socket).
  if (path.sep === '/' && STANDARD_OUTPUT.test(file)) return { kind: 'stdout', path: file };
  if (path.sep === '/' && OPEN_DESCRIPTOR.test(file)) return { kind: 'in place', path: file };
  const stats = statQuietly(file);
  if (stats?.isDirectory()) {
    // No example name: it was `report.json` for every command, a markdown handoff included.
    throw new UsageError(`${shown} is a folder`, { hint: `name a file to write in it: \`--output ${shown.replace(/[/\\]+$/, '')}/<file>\`` });
  }
  // `report.txt/` names a folder: the resolved path had lost the slash, and a file was written.
  if (/[/\\]$/.test(shown)) {
    throw new UsageError(`${shown} ends with "/", so it names a folder, and there is no such folder`, { hint: `name a file: \`--output ${shown.replace(/[/\\]+$/, '')}\`` });
  }
  if (stats && !stats.isFile()) return { kind: 'in place', path: file };
  // A link that leads back to itself ran the whole analysis, then said the file "appeared while the
  // report was being written".
  if (!stats && loops(file)) throw new UsageError(`${shown} is a symbolic link that leads back to itself`, { hint: 'remove the link, or choose another --output file' });
  const real = stats ? realPathQuietly(file) : (linkTarget(file) ?? file);
  const folder = path.dirname(real);
  const folderStats = statQuietly(folder);
  if (!folderStats?.isDirectory()) {
    const where = real === file ? path.dirname(shown) : `${folder} (where ${shown} points)`;
    // `-o notes.txt/report.json`: the "folder" is there, as a file.
    if (folderStats) throw new UsageError(`cannot write ${shown}: ${where} is a file, not a folder`, { hint: 'choose another --output file' });
    throw new UsageError(`cannot write ${shown}: the folder ${where} does not exist`, { hint: 'create it first, or choose another --output file' });
  }
  // The report goes through a temp file beside the file: make one now, so that a folder where
  // that fails (permissions, a read-only mount, /proc) is refused before the analysis, not after
  // it. Permission bits alone would not tell (root ignores them).
  const probe = path.join(folder, `.talentrisk-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    removeQuietly(probe);
    throw new UsageError(`cannot write ${shown}: ${writeFailure(error, probe)}`, { hint: 'choose another --output file', cause: error });
  }
  return { kind: stats ? 'file' : 'absent', path: real, mode: stats ? stats.mode & 0o7777 : undefined };
}

function statQuietly(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function loops(file: string): boolean {
  try {
    statSync(file);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

function realPathQuietly(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Where a symlink to nothing yet points (following a chain of them), or undefined if `file` is no symlink. */
function linkTarget(file: string): string | undefined {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return hops === 0 ? undefined : current;
      target = readlinkSync(current);
    } catch {
      return hops === 0 ? undefined : current;
    }
    current = path.resolve(path.dirname(current), target);
  }
  return current;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // not there
  }
}

/**
 * Writes a report: to stdout, or atomically to a file (temp file + rename, beside the file a
 * symlink points to, so that the link stays), never replacing an existing file unless --force says
 * so; a device, a pipe or another open descriptor is appended to in place. Returns whether it went
 * to a file (reportWritten says so then).
 */
export function writeReport(
  report: string | Iterable<string | Uint8Array>,
  options: { output?: string | undefined; force?: boolean | undefined },
  cwd: string,
  stdout: { write(text: string | Uint8Array): unknown },
): boolean {
  const pieces = typeof report === 'string' ? [report] : report;
  // Checked again: the file may have appeared during the analysis.
  const target = assertOutputWritable(options, cwd);
  if (!target || target.kind === 'stdout') {
    for (const piece of pieces) stdout.write(piece);
    return false;
  }
  const shown = options.output as string;
  if (target.kind === 'in place') {
    try {
      writePieces(target.path, pieces, 'a');
    } catch (error) {
      throw new UsageError(`cannot write ${shown}: ${writeFailure(error, target.path)}`, { hint: 'check that it can be written to', cause: error });
    }
    return false;
  }
  const temp = `${target.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writePieces(temp, pieces, 'wx');
    if (target.mode !== undefined) chmodSync(temp, target.mode);
    if (target.kind === 'absent' && !options.force) {
      // A hard link fails if the file appeared while the report was being written, where a rename
      // would replace it without --force.
      if (!linkUnlessExists(temp, target.path)) throw new UsageError(`${shown} already exists`, { hint: 'it appeared while the report was being written; pass --force to overwrite it' });
      removeQuietly(temp);
    } else {
      renameSync(temp, target.path);
    }
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${shown}: ${writeFailure(error, target.path)}`, { hint: 'check that the folder exists and is writable', cause: error });
  }
  return true;
}

/** Links `temp` as `file` unless `file` exists (false then); where hard links are not supported, renames it. */
function linkUnlessExists(temp: string, file: string): boolean {
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    renameSync(temp, file);
    return true;
  }
}

function writePieces(file: string, pieces: Iterable<string | Uint8Array>, flag: 'a' | 'wx'): void {
  const fd = openSync(file, flag);
  try {
    // writeFileSync on a descriptor writes the whole piece (writeSync may write part of it).
    for (const piece of pieces) writeFileSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a write failed, in words, without the temp file's name that Node's message carries. `file`
 * tells a missing folder from one where no file can be made (/proc, some mounts): both are ENOENT.
 */
export function writeFailure(error: unknown, file?: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && file !== undefined && statQuietly(path.dirname(file))?.isDirectory()) return 'no file can be created in its folder';
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'it is a folder',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
