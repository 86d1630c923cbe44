import { analyze, type AnalyzeHooks, type AnalyzeOptions } from '../../src/analyze.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import type { Analysis, FileOwnership } from '../../src/model/types.ts';

/** Analyses a fixture repository in-process, with a fixed clock. */
export async function analyzeRepo(dir: string, options: Partial<Omit<AnalyzeOptions, 'config'>> & { config?: ConfigInput } = {}, hooks: AnalyzeHooks = {}): Promise<Analysis> {
  return analyze(
    {
      path: dir,
      rev: 'HEAD',
      model: 'talentrisk',
      now: new Date('2025-01-01T00:00:00Z'),
      ...options,
      config: configSchema.parse(options.config ?? {}),
    },
    hooks,
  );
}

export function fileOf(analysis: Analysis, path: string): FileOwnership {
  const file = analysis.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not analysed (have: ${analysis.files.map((f) => f.path).join(', ')})`);
  return file;
}

/** Contribution of a developer (by email) on a file. */
export function contributionOf(analysis: Analysis, path: string, email: string) {
  const c = fileOf(analysis, path).contributions.find((x) => x.developer === email);
  if (!c) throw new Error(`${email} has no event on ${path}`);
  return c;
}
