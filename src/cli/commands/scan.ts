import type { Command } from 'commander';
import { ExitCode } from '../../errors.ts';
import { evaluateCriticalSystems } from '../../model/critical.ts';
import { criticalJson, renderCriticalSection } from '../../report/critical-section.ts';
import { toScanOutput, renderJson } from '../../report/scan-json.ts';
import { renderScanTable } from '../../report/scan-table.ts';
import { resolveChalk, type Io } from '../io.ts';
import { addAnalysisOptions, writeReport, type CommonOptions } from '../options.ts';
import { loadAnalysis, printWarnings } from './shared.ts';

export const SCAN_FORMATS = ['table', 'json'] as const;

export interface ScanOptions extends CommonOptions {
  format: (typeof SCAN_FORMATS)[number];
}

export async function runScan(target: string | undefined, options: ScanOptions, io: Io): Promise<ExitCode> {
  const { analysis, config } = await loadAnalysis(target, options, io);
  const critical = evaluateCriticalSystems(analysis, config.config.critical);
  const toFile = Boolean(options.output);
  if (options.format === 'json') {
    writeReport(renderJson(toScanOutput(analysis, critical.length ? { critical: criticalJson(critical) } : {})), options, io.cwd, io.stdout);
    printWarnings(analysis, options, io, false);
  } else {
    const chalk = resolveChalk(io, toFile ? false : options.color === false ? false : undefined);
    const ctx = { chalk, width: io.stdout.columns ?? 100 };
    writeReport(renderScanTable(analysis, ctx, [renderCriticalSection(critical, ctx)]), options, io.cwd, io.stdout);
    // The table prints its warnings itself; a file does not reach the user's eyes, so repeat them.
    printWarnings(analysis, options, io, !toFile);
  }
  return ExitCode.Ok;
}

export function registerScan(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  const command = program
    .command('scan', { isDefault: true })
    .description('who knows what: authors, truck factor per repository and module')
    .argument('[path]', 'repository to analyse', '.');
  addAnalysisOptions(command, SCAN_FORMATS, 'table').action(async (target: string, options: ScanOptions) => {
    setExit(await runScan(target, options, io));
  });
}
