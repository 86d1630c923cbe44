import path from 'node:path';
import { analyze } from '../../analyze.ts';
import { loadConfig, type LoadedConfig } from '../../config/load.ts';
import { openRepository } from '../../git/repo.ts';
import type { Analysis } from '../../model/types.ts';
import type { Io } from '../io.ts';
import { assertOutputWritable, type CommonOptions } from '../options.ts';
import { createProgress } from '../progress.ts';

export interface LoadedAnalysis {
  analysis: Analysis;
  config: LoadedConfig;
}

/** Config → analysis, with progress on stderr. Shared by scan, check, explain and handoff. */
export async function loadAnalysis(target: string | undefined, options: CommonOptions, io: Io): Promise<LoadedAnalysis> {
  assertOutputWritable(options, io.cwd);
  const dir = path.resolve(io.cwd, target ?? '.');
  // Find the repository first, so the config is read from its root and errors name the repository.
  const repo = await openRepository(dir, { env: io.env });
  const config = loadConfig(repo.info.root, options.config ? path.resolve(io.cwd, options.config) : undefined, io.cwd);
  const progress = createProgress(io, Boolean(options.quiet));
  try {
    const analysis = await analyze(
      { path: repo.info.root, rev: options.rev, until: options.until, model: options.model, config: config.config, depth: options.depth, env: io.env, cache: options.cache !== false, onlyCode: options.onlyCode },
      progress,
    );
    return { analysis, config };
  } finally {
    progress.stop();
  }
}

export function printWarnings(analysis: Analysis, options: CommonOptions, io: Io, alreadyInReport: boolean): void {
  if (options.quiet || alreadyInReport) return;
  for (const warning of analysis.warnings) io.stderr.write(`talentrisk: warning: ${warning}\n`);
}
