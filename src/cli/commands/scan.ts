import path from 'node:path';
import { recordReport, type ReportRequest } from '../../analysis-cache.ts';
import type { LoadedConfig } from '../../config/load.ts';
import { ExitCode } from '../../errors.ts';
import { resolveChalk, tableLayout, type Io } from '../io.ts';
import { writeReport, type CommonOptions, type ScanFormat } from '../options.ts';
import { declaredDepartures, loadAnalysis, printWarnings, reportWritten } from './shared.ts';

export interface ScanOptions extends CommonOptions {
  format: ScanFormat;
}

export async function runScan(target: string | undefined, options: ScanOptions, io: Io): Promise<ExitCode> {
  const toFile = Boolean(options.output);
  const chalk = options.format === 'table' ? await resolveChalk(io, toFile ? false : options.color === false ? false : undefined) : undefined;
  const { width, fit } = tableLayout(io, toFile);
  // What the report's bytes depend on besides the analysis (whose key covers the config's content).
  const request = (config: LoadedConfig): ReportRequest => ({
    name: `scan ${options.format}`,
    dated: options.format === 'json',
    // Only a table fitted to a terminal depends on its width: piped, paths and names are whole.
    inputs: { leaving: options.leaving ?? [], config: config.name, node: process.version, ...(chalk ? { colors: chalk.level, fit, ...(fit ? { width } : {}) } : {}) },
  });
  // Not awaited: an import that fails is reported by the import below.
  const whileWalking = () => void import('./scan-report.ts').catch(() => undefined);
  const loaded = await loadAnalysis(target, options, io, { whileWalking }, request);
  // The table prints its warnings itself; a file does not reach the user's eyes, so repeat them.
  const warningsInReport = options.format === 'table' && !toFile;
  // What to run next, for the folder as given (not stored: the report serves every folder).
  const next = async (config: LoadedConfig) => {
    if (!chalk || toFile) return;
    const { renderNextSteps } = await import('../../report/scan-table.ts');
    const given = target === undefined || path.resolve(io.cwd, target) === io.cwd ? undefined : target;
    io.stdout.write(renderNextSteps(given, config.file !== undefined, { chalk, width, fit }));
  };
  if ('report' in loaded) {
    const written = writeReport([loaded.report.bytes], options, io.cwd, io.stdout);
    await next(loaded.config);
    printWarnings(loaded.report, options, io, warningsInReport);
    reportWritten(written, 'the scan', options, io);
    return ExitCode.Ok;
  }
  const { analysis, config, repository } = loaded;
  const { scanReport, codeTestForNotes } = await import('./scan-report.ts');
  const departures = await declaredDepartures(repository, analysis, config, options.leaving);
  const depthGiven = options.depth !== undefined ? 'option' : config.config.modules.depth !== undefined ? 'config' : undefined;
  const isCode = await codeTestForNotes(analysis, options.onlyCode === true);
  const report = scanReport(analysis, config, { departures, depthGiven, format: options.format, table: chalk ? { chalk, width, fit } : undefined, isCode });
  // Stored as it is printed, so that the same scan again only has to print it.
  const recorder = recordReport(analysis, request(config));
  let written: boolean;
  try {
    written = writeReport(recorder ? recorder.pieces(report) : report, options, io.cwd, io.stdout);
  } catch (error) {
    recorder?.abort();
    throw error;
  }
  const storing = recorder?.finish() ?? [];
  await next(config);
  printWarnings(analysis, options, io, warningsInReport);
  // Not in the report: what went wrong storing it (a full disk).
  printWarnings({ warnings: storing }, options, io, false);
  reportWritten(written, 'the scan', options, io);
  return ExitCode.Ok;
}
