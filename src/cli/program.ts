import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { CONFIG_FILE } from '../config/load.ts';
import { UsageError, type ExitCode } from '../errors.ts';
import { closest } from '../model/suggest.ts';
import { CHECK_FORMATS } from '../report/check-types.ts';
import { VERSION } from '../version.ts';
import type { CheckOptions } from './commands/check.ts';
import type { ExplainOptions } from './commands/explain.ts';
import type { HandoffOptions } from './commands/handoff.ts';
import type { InitOptions } from './commands/init.ts';
import type { ScanOptions } from './commands/scan.ts';
import type { Io } from './io.ts';
import { addAnalysisOptions, HANDOFF_FORMATS, parseDepth, SCAN_FORMATS, valueOf } from './options.ts';

/**
 * The command tree. Every command's arguments and options are declared here, for parsing and
 * --help; its action module (the analysis, git, reporters) is imported only once commander has
 * chosen it, so `--version`, `--help` and one command do not load the others. Actions report their
 * exit code through `setExit`; commander ignores return values.
 */
export function createProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command('talentrisk')
    .description('Where is your team’s knowledge concentrated in too few heads? Truck factor, ownership and departures from git history.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('  run talentrisk --help for usage')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // commander's "error: …" in the form of every other error: "talentrisk: …", then its other
      // lines ("(Did you mean --format?)") indented as hints are.
      outputError: (text, write) => write(text.replace(/^error: /, 'talentrisk: ').replace(/\n(?=.)/g, '\n  ')),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 check found violations · 2 usage, config, input or output error (e.g. a full disk) · 3 internal error
Docs: README.md (commands, config, JSON) and docs/metrics.md (how each figure is computed)`,
    );

  const scan = program
    .command('scan', { isDefault: true })
    .description('who knows what: authors, truck factor per repository and module')
    .argument('[path]', 'repository to analyse', '.')
    // Checked in the action: `talentrisk handof ada` (a typo of a command, with its argument) was
    // "too many arguments for 'scan'", which says nothing of the typo.
    .allowExcessArguments(true);
  addAnalysisOptions(scan, SCAN_FORMATS, 'table').action(async (target: string, options: ScanOptions, command: Command) => {
    assertNotACommandTypo(target, program, io.cwd);
    if (command.args.length > 1) {
      throw new UsageError(`scan takes one repository folder, and got ${command.args.length} arguments: ${command.args.map((arg) => JSON.stringify(arg)).join(' ')}`, {
        hint: 'quote a path with spaces; name a person with --leaving <who>',
      });
    }
    const { runScan } = await import('./commands/scan.ts');
    setExit(await runScan(target, options, io));
  });

  const explain = program
    .command('explain')
    .description('show FA, DL, AC, DOA and authorship of a file’s developers (every author and the next highest; --format json: all), then its current (decayed) and inactive authors; or a folder’s owners')
    .argument('<path>', 'file or folder, relative to the current folder (or the -C folder), else to the repository root')
    .option('-C, --repo <dir>', 'repository to analyse', valueOf('a repository folder', 'path'), '.');
  addAnalysisOptions(explain, ['table', 'json'], 'table');
  // Shared by the analysing commands, refused by explain with a hint (so not in its --help).
  explain.options.find((option) => option.long === '--leaving')?.hideHelp();
  explain.action(async (target: string, options: ExplainOptions) => {
    const { runExplain } = await import('./commands/explain.ts');
    setExit(await runExplain(target, options, io));
  });

  const check = program
    .command('check')
    .description('fail (exit 1) when a critical system of .talentrisk.yml has fewer owners than its minOwners, or would lose more than its maxKnowledgeLoss to departures — the CI gate')
    .argument('[path]', 'repository to check', '.')
    .option('--changed <base-ref>', 'check only the systems with a file changed between the base and the revision (pull requests); every system when the config file itself changed')
    .option('--new-only', 'with --changed: fail only on what the change makes worse than at the merge base (a rule it breaks newly, or with a worse figure: fewer owners, a larger knowledge loss); what the base already breaks is reported as "already on <base>" and passes. The config of the revision judges both. Not in a shallow clone that cuts the history of the base (exit 2: fetch it whole)')
    .addOption(new Option('--allow-shallow', 'check a shallow clone anyway (the figures cover only the fetched history; a system with no fetched change is not judged, and every verdict says how many commits were read)'));
  addAnalysisOptions(check, CHECK_FORMATS, 'text').action(async (target: string, options: CheckOptions) => {
    const { runCheck } = await import('./commands/check.ts');
    setExit(await runCheck(target, options, io));
  });

  program
    .command('init')
    .description('write a starter .talentrisk.yml: modules, CODEOWNERS paths, bots and test-data excludes found in this repository, as commented candidates')
    .argument('[path]', 'repository', '.')
    .option('-o, --output <file>', `where to write (default: ${CONFIG_FILE} at the repository root; /dev/stdout prints it)`, valueOf('a file to write', 'path'))
    .option('--force', 'replace an existing config file')
    .option('--depth <n>', 'folder depth of the module candidates, 1–10, counting every folder (default: chosen to show 5–30 modules, passing folders that hold only one subfolder)', parseDepth)
    .option('--no-cache', 'do not read or write the cache (parsed history and stored results)')
    .option('-q, --quiet', 'no progress, no warnings on stderr')
    .option('--debug', 'show stack traces of errors')
    .action(async (target: string, options: InitOptions) => {
      const { runInit } = await import('./commands/init.ts');
      setExit(await runInit(target, options, io));
    });

  const handoff = program
    .command('handoff')
    .description('a handoff document for one person: what only they know, successors, what else they worked on, co-change, recent work, a checklist')
    .argument('<who>', 'name, email or alias of the person (`<who>=YYYY-MM-DD` adds their last day, as --leaving does)')
    .option('-C, --repo <dir>', 'repository to analyse', valueOf('a repository folder', 'path'), '.');
  addAnalysisOptions(handoff, HANDOFF_FORMATS, 'markdown').action(async (who: string, options: HandoffOptions) => {
    const { runHandoff } = await import('./commands/handoff.ts');
    setExit(await runHandoff(who, options, io));
  });
  // A command's usage errors point to that command's own --help.
  for (const command of program.commands) command.showHelpAfterError(`  run talentrisk ${command.name()} --help for usage`);
  return program;
}

/**
 * `scan` is the default command, so `talentrisk scna` reads as a folder named "scna". When no such
 * path exists and the word is close to a command (or names a section of the README that is an
 * option), say that instead of "path does not exist".
 */
function assertNotACommandTypo(target: string, program: Command, cwd: string): void {
  if (/[\\/.]/.test(target) || existsSync(path.resolve(cwd, target))) return;
  if (/^(departures?|leaving)$/i.test(target)) {
    throw new UsageError(`no command or folder named ${target}`, { hint: 'departures are an option of scan and check: `talentrisk scan --leaving <who>`' });
  }
  const command = closest(target, program.commands.map((c) => c.name()));
  if (command) throw new UsageError(`no command or folder named ${target}`, { hint: `did you mean \`talentrisk ${command}\`?` });
}
