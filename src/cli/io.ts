import type { ChalkInstance } from 'chalk';

/** Everything a command may touch of the outside world; tests pass their own. */
export interface Io {
  /** Reports may come as bytes (a stored report read back). */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  cwd: string;
}

export function createProcessIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Colour is decided once: --no-color/--color > NO_COLOR > FORCE_COLOR > whether stdout is a TTY.
 * chalk 5 ignores NO_COLOR by itself, so we never use its global instance. It is imported here, by
 * the outputs that colour text, so that JSON output does not pay for loading it.
 */
export async function resolveChalk(io: Io, flag: boolean | undefined, stream: 'stdout' | 'stderr' = 'stdout'): Promise<ChalkInstance> {
  let enabled: boolean;
  if (flag !== undefined) enabled = flag;
  else if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') enabled = false;
  else if (io.env.FORCE_COLOR !== undefined) enabled = io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  else enabled = Boolean(io[stream].isTTY) && io.env.TERM !== 'dumb';
  const { Chalk } = await import('chalk');
  return new Chalk({ level: enabled ? 1 : 0 });
}

/**
 * The width tables are laid out for, and whether they are cut to fit it: only in a terminal that
 * reports its width (0 columns, as under `docker -t`, is unknown: 100). Piped output and files
 * keep every name whole.
 */
export function tableLayout(io: Io, toFile: boolean): { width: number; fit: boolean } {
  const columns = io.stdout.columns ?? 0;
  return { width: columns || 100, fit: !toFile && Boolean(io.stdout.isTTY) && columns > 0 };
}
