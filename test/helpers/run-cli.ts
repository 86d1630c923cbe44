import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/talentrisk.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs the built CLI (npm test builds first) as a user would, with NO_COLOR unless env says otherwise.
 * `stdio` hands it descriptors of the test's own (a file as stdout or stderr); what goes there is
 * not in the result. `timeoutMs` kills a run that hangs (its exit code is then -1).
 */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; stdio?: [stdin: 'ignore', stdout: number | 'pipe', stderr: number | 'pipe']; timeoutMs?: number }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    ...(options.stdio ? { stdio: options.stdio } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', exitCode: result.status ?? -1 };
}
