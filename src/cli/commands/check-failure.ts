import { lstatSync, unlinkSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, UsageError, type TalentriskError } from '../../errors.ts';
import { annotationFile, escapeMarkdownWithCode, escapeWorkflowData, escapeWorkflowProperty } from '../../report/check-escape.ts';
import { renderJunitCouldNotRun } from '../../report/check-junit.ts';
import { renderSarifCouldNotRun } from '../../report/check-sarif.ts';
import { sanitize } from '../../report/format.ts';
import type { Io } from '../io.ts';
import { writeReport } from '../options.ts';
import type { CheckOptions } from './check.ts';

// What `check` leaves behind when it cannot run (exit 2): in GitHub Actions, annotations at the
// config's lines and a job summary; with --output, a report of why (or no stale one).

/**
 * In GitHub Actions bad input must show on the run's page and in the job summary too, not only in
 * the log: a broken config at its lines, anything else (a shallow clone, an unknown --changed
 * base) as one error. `root`: the repository's root, once known.
 */
export function reportCheckFailure(error: TalentriskError, options: Pick<CheckOptions, 'format' | 'output' | 'force'>, io: Io, root: string | undefined): { annotated: boolean } {
  if (options.output) reportCouldNotRun(error, options, io);
  if (options.format !== 'github') return { annotated: false };
  // GitHub places an annotation by its path from the repository's root, as violations give it.
  const fromRoot = (file: string) => (root ? path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/') : file);
  const entries = error instanceof ConfigError ? undefined : configEntryAnnotations(error, fromRoot);
  io.stdout.write(error instanceof ConfigError ? configErrorAnnotations(error, fromRoot) : (entries?.text ?? `::error title=${escapeWorkflowProperty('talentrisk: cannot check')}::${escapeWorkflowData(sanitize(error.withHint))}\n`));
  appendToStepSummary(couldNotRunMarkdown(error), io);
  // The annotations are the error in the job log (GitHub prints each `::error` there too): the same
  // lines again as `talentrisk: …` on stderr read as two errors (ohmyzsh, a CI maintainer). What
  // they do not carry, the hint of a configuration error, still goes to stderr.
  const hintCarried = !(error instanceof ConfigError) && (entries === undefined || entries.hintCarried);
  if (error.hint && !hintCarried) io.stderr.write(`  ${error.hint}\n`);
  return { annotated: true };
}

/**
 * An option commander refused (`--until 2026-13-01`, `--depth 0`) under `check --format github`: an
 * `::error` and the job summary too, as for any other bad input (it showed only in the log: tokio,
 * a tester). Commander has already written it to stderr. `--output` is not written: the options,
 * its path among them, were not parsed.
 */
export function reportCheckParseFailure(message: string, io: Io): void {
  const error = new UsageError(message.replace(/^error: /, '').trim(), { hint: 'run talentrisk check --help for usage' });
  reportCheckFailure(error, { format: 'github' }, io, undefined);
}

function couldNotRunMarkdown(error: TalentriskError): string {
  const hint = error.hint ? `\n\n${escapeMarkdownWithCode(error.hint)}` : '';
  return `### ⚠️ talentrisk check could not run\n\n${escapeMarkdownWithCode(error.message.split('\n').join(' · '))}${hint}\n`;
}

/**
 * A check that cannot run (exit 2) with --output: junit, sarif and markdown write why, so that CI
 * shows this run and not the previous one's report (a runner that keeps its workspace, `--force`:
 * a CI test); the other formats remove the file --force would have replaced. Writing follows the
 * usual rules (no overwrite without --force); if it cannot be written, the error is what counts.
 */
function reportCouldNotRun(error: TalentriskError, options: Pick<CheckOptions, 'format' | 'output' | 'force'>, io: Io): void {
  const reason = error.withHint.split('\n').join(' · ');
  const text = options.format === 'junit' ? renderJunitCouldNotRun(reason) : options.format === 'sarif' ? renderSarifCouldNotRun(reason) : options.format === 'markdown' ? couldNotRunMarkdown(error) : undefined;
  try {
    if (text !== undefined) {
      writeReport(text, options, io.cwd, { write: () => undefined });
    } else if (options.force) {
      const target = path.resolve(io.cwd, options.output as string);
      if (lstatSync(target).isFile()) unlinkSync(target);
    }
  } catch {
    // The output is unusable (or the cause of the error): the error says what went wrong.
  }
}

/**
 * An error about config entries (an unknown person in `departures`: `… (.talentrisk.yml:7:10
 * departures.0.who): …`), one annotation per entry at its line; undefined when it names none. It
 * had no file or line, unlike every other config error (a CI test).
 */
function configEntryAnnotations(error: TalentriskError, where: (file: string) => string): { text: string; hintCarried: boolean } | undefined {
  const lines = error.message.split('\n');
  // The place is the parenthesis that holds `file:line:col key` (a name may hold parentheses too:
  // `who: "Zoe (contractor)"` made an annotation for a file named `contractor)"…`: a review).
  const located = lines.map((line) => /\(([^()]+):(\d+):(\d+) ([\w.]+)\)/.exec(line));
  if (!located.some(Boolean)) return undefined;
  const hint = lines.length === 1 && error.hint ? ` (${error.hint})` : '';
  const text = lines
    .map((line, index) => {
      const at = located[index];
      const file = at ? annotationFile(where(at[1] as string)) : undefined;
      const place = at && file !== undefined ? `file=${escapeWorkflowProperty(file)},line=${at[2]},col=${at[3]},` : '';
      return `::error ${place}title=${escapeWorkflowProperty('talentrisk: cannot check')}::${escapeWorkflowData(sanitize(`${line}${hint}`))}`;
    })
    .join('\n')
    .concat('\n');
  return { text, hintCarried: lines.length === 1 };
}

/** `file:line:col key: message` lines of a ConfigError as `::error` workflow commands (`file` mapped by `where`). */
export function configErrorAnnotations(error: ConfigError, where: (file: string) => string = (file) => file): string {
  return error.message
    .split('\n')
    .map((line) => {
      const located = /^(.+?):(\d+):(\d+) (.*)$/.exec(line);
      const title = escapeWorkflowProperty('talentrisk: configuration error');
      if (!located) return `::error title=${title}::${escapeWorkflowData(sanitize(line))}`;
      const [, file = '', row = '', col = '', message = ''] = located;
      // A config outside the repository (`-c ../init.yml`) is no file GitHub can attach the
      // annotation to: the message keeps where it is, as the user named it (ohmyzsh, a CI maintainer).
      const attached = annotationFile(where(file));
      if (attached === undefined) return `::error title=${title}::${escapeWorkflowData(sanitize(line))}`;
      return `::error file=${escapeWorkflowProperty(attached)},line=${row},col=${col},title=${title}::${escapeWorkflowData(sanitize(message))}`;
    })
    .join('\n')
    .concat('\n');
}

/** Appends to the GitHub job summary (`GITHUB_STEP_SUMMARY`), when there is one. */
export function appendToStepSummary(markdown: string, io: Io): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, markdown);
  } catch (error) {
    io.stderr.write(`talentrisk: warning: cannot append to GITHUB_STEP_SUMMARY (${file}): ${(error as Error).message}\n`);
  }
}
