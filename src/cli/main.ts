import { CommanderError, type Command } from 'commander';
import { ExitCode, TalentriskError } from '../errors.ts';
import { createProcessIo, type Io } from './io.ts';
import { writeFailure } from './options.ts';
import { createProgram } from './program.ts';

/** The single error boundary: what a failure looks like is decided here and nowhere else. */
export async function run(argv: string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  const debug = debugRequested(argv, program);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error (unknown option, bad value) is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.Ok;
      if (checkFormatRequested(argv) === 'github') (await import('./commands/check-failure.ts')).reportCheckParseFailure(error.message, io);
      return ExitCode.UserError;
    }
    if (error instanceof TalentriskError) {
      if (debug) io.stderr.write(`${error.stack ?? error.message}\n`);
      const [first, ...rest] = error.message.split('\n');
      io.stderr.write(`talentrisk: ${first}\n${rest.map((line) => `talentrisk: ${line}\n`).join('')}`);
      if (error.hint) io.stderr.write(`  ${error.hint}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr.write(
      debug && error instanceof Error ? `${error.stack}\n` : `talentrisk: internal error: ${message}\n  re-run with --debug for the stack trace, and report it with that output\n`,
    );
    return ExitCode.InternalError;
  }
}

/**
 * Whether `--debug` is the flag itself: not the value of an option that takes one (`--leaving
 * --debug`, read from the program's own options), and not after `--` (a path). Read before commander
 * parses, so that a parse error also shows its stack.
 */
export function debugRequested(argv: readonly string[], program: Command): boolean {
  const takesValue = new Set(
    [program, ...program.commands].flatMap((command) => command.options.filter((option) => option.required || option.optional).flatMap((option) => [option.short, option.long])),
  );
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.some((arg, index) => arg === '--debug' && !takesValue.has(options[index - 1]));
}

/**
 * The --format of `talentrisk check …`, read from the words as given (the parse failed): `-f x`,
 * `-fx`, `--format x` or `--format=x`, the last one given; undefined for another command.
 */
export function checkFormatRequested(argv: readonly string[]): string | undefined {
  const words = argv.slice(2);
  if (words[0] !== 'check') return undefined;
  const end = words.indexOf('--');
  const options = end === -1 ? words : words.slice(0, end);
  let format: string | undefined;
  options.forEach((word, index) => {
    if (word === '--format' || word === '-f') format = options[index + 1] ?? format;
    else if (word.startsWith('--format=')) format = word.slice('--format='.length);
    else if (/^-f[^-]/.test(word)) format = word.slice(2);
  });
  return format;
}

/** Entry point of bin/talentrisk.js. */
export async function main(): Promise<void> {
  const io = createProcessIo();
  // A closed pipe (`talentrisk scan | head`) is not an error worth a stack trace. Any other failure
  // (`> report.json` on a full disk) leaves the report cut short: say so and exit 2, rather than
  // exit 0 with half a JSON document.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.Ok);
    io.stderr.write(`talentrisk: cannot write to the standard output: ${writeFailure(error)}\n  what was written is incomplete; free some space, or write a report elsewhere with --output <file>\n`);
    process.exit(ExitCode.UserError);
  });
  // A standard error that cannot be written (closed, a full disk) loses the messages, never the
  // exit code: unhandled, the write error made node exit 1, which `check` means as "violations"
  // (a passing check with a warning, or a config error, failed CI as a rule violation).
  process.stderr.on('error', () => undefined);
  process.exitCode = await run(process.argv, io);
}
