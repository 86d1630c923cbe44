import type { ChalkInstance } from 'chalk';
import { derived, recordReport, type ReportRequest } from '../../analysis-cache.ts';
import type { LoadedConfig } from '../../config/load.ts';
import { ExitCode } from '../../errors.ts';
import { evaluateCriticalSystems } from '../../model/critical.ts';
import { currentFigures, inactiveDevelopers, projectExperts, type Memo } from '../../model/decay.ts';
import { computeDepartures, resolveDepartures } from '../../model/departures.ts';
import { currentJson, departuresJson } from '../../report/departures-output.ts';
import { renderCurrentSection } from '../../report/departures-current.ts';
import { renderDeparturesSection } from '../../report/departures-table.ts';
import { criticalJson, renderCriticalSection } from '../../report/critical-section.ts';
import { jsonReport } from '../../report/json-pieces.ts';
import { toScanOutput } from '../../report/scan-json.ts';
import { renderScanTable } from '../../report/scan-table.ts';
import { resolveChalk, type Io } from '../io.ts';
import { writeReport, type CommonOptions, type ScanFormat } from '../options.ts';
import { loadAnalysis, printWarnings } from './shared.ts';

export interface ScanOptions extends CommonOptions {
  format: ScanFormat;
}

export async function runScan(target: string | undefined, options: ScanOptions, io: Io): Promise<ExitCode> {
  const toFile = Boolean(options.output);
  const chalk = options.format === 'table' ? await resolveChalk(io, toFile ? false : options.color === false ? false : undefined) : undefined;
  const width = io.stdout.columns ?? 100;
  // What the report's bytes depend on besides the analysis (whose key covers the config's content).
  const request = (config: LoadedConfig): ReportRequest => ({
    name: `scan ${options.format}`,
    dated: options.format === 'json',
    inputs: { leaving: options.leaving ?? [], config: config.name, ...(chalk ? { width, colors: chalk.level } : {}) },
  });
  const loaded = await loadAnalysis(target, options, io, undefined, request);
  // The table prints its warnings itself; a file does not reach the user's eyes, so repeat them.
  const warningsInReport = options.format === 'table' && !toFile;
  if ('report' in loaded) {
    writeReport([loaded.report.bytes], options, io.cwd, io.stdout);
    printWarnings(loaded.report, options, io, warningsInReport);
    return ExitCode.Ok;
  }
  const { analysis, config } = loaded;
  const settings = config.config;
  const critical = evaluateCriticalSystems(analysis, settings.critical);
  const departures = resolveDepartures(analysis.developers, { config: settings.departures, leaving: options.leaving, people: settings.people });
  const inactive = inactiveDevelopers(analysis).map((d) => d.id);
  const leaving = departures.length > 0 ? computeDepartures(analysis, departures, { unavailable: inactive }) : undefined;
  // The "current" (decayed) figures are an extension: the classic model shows the published ones only.
  // They are the costliest part of a scan read from the result cache, so they are stored beside it.
  const memo: Memo = (name, inputs, compute) => derived(analysis, name, inputs, compute);
  const current = analysis.model === 'classic' ? undefined : currentFigures(analysis, { treatInactiveAsDeparted: settings.model.treatInactiveAsDeparted }, memo);
  const projection = current ? projectExperts(analysis, departures, { memo }) : undefined;
  let report: Iterable<string>;
  if (options.format === 'json') {
    const extra = {
      ...(critical.length ? { critical: criticalJson(critical) } : {}),
      ...(leaving ? { departures: departuresJson(leaving) } : {}),
      ...(current && projection ? { current: currentJson(current, projection) } : {}),
    };
    // In pieces: on a large repository the document is tens of MB, which as one string (and then its bytes) topped the scan's memory.
    report = jsonReport(toScanOutput(analysis, extra));
  } else {
    const ctx = { chalk: chalk as ChalkInstance, width };
    const sections = [
      renderCriticalSection(critical, ctx, config.name),
      leaving ? renderDeparturesSection(leaving, ctx) : '',
      current && projection ? renderCurrentSection(current, projection, ctx) : '',
    ];
    report = [renderScanTable(analysis, ctx, sections)];
  }
  // Stored as it is printed, so that the same scan again only has to print it.
  const recorder = recordReport(analysis, request(config));
  try {
    writeReport(recorder ? recorder.pieces(report) : report, options, io.cwd, io.stdout);
  } catch (error) {
    recorder?.abort();
    throw error;
  }
  recorder?.finish();
  printWarnings(analysis, options, io, warningsInReport);
  return ExitCode.Ok;
}
