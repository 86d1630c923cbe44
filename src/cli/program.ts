import { Command } from 'commander';
import type { ExitCode } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { Io } from './io.ts';
import { registerCheck } from './commands/check.ts';
import { registerExplain } from './commands/explain.ts';
import { registerHandoff } from './commands/handoff.ts';
import { registerInit } from './commands/init.ts';
import { registerScan } from './commands/scan.ts';

/** The command tree. Actions report their exit code through `setExit`; commander ignores return values. */
export function createProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command('talentrisk')
    .description('Where is your team’s knowledge concentrated in too few heads? Truck factor, ownership and departures from git history.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run talentrisk --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 check found violations · 2 usage, config or input error · 3 internal error
Docs: README.md (commands, config, JSON) and docs/metrics.md (how each figure is computed)`,
    );
  registerScan(program, io, setExit);
  registerExplain(program, io, setExit);
  registerCheck(program, io, setExit);
  registerInit(program, io, setExit);
  registerHandoff(program, io, setExit);
  return program;
}
