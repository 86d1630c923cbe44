import path from 'node:path';
import { historyConcurrency } from '../git/client.ts';
import { openRepository, type Repository } from '../git/repo.ts';
import type { Io } from './io.ts';

// A command that analyses a repository opens it (a round of three git calls) while its own
// modules still load: program.ts starts it as soon as commander has picked the command, and
// loadAnalysis takes it. One slot: a command that never reaches loadAnalysis (a usage error) leaves
// it to be replaced by the next one, and nothing else may take it (another folder, another
// environment).
let slot: { dir: string; env: Io['env']; repository: Promise<Repository> } | undefined;

/** Starts opening the repository at `target` (relative to the working folder). */
export function openEarly(target: string | undefined, io: Io): void {
  const dir = path.resolve(io.cwd, target ?? '.');
  const repository = openRepository(dir, { env: io.env, concurrency: historyConcurrency() });
  repository.catch(() => undefined); // reported where it is awaited
  slot = { dir, env: io.env, repository };
}

/** The repository at `dir` (absolute): the one opened early for it, else opened now. */
export function repositoryAt(dir: string, io: Io): Promise<Repository> {
  const early = slot;
  slot = undefined;
  if (early && early.dir === dir && early.env === io.env) return early.repository;
  return openRepository(dir, { env: io.env, concurrency: historyConcurrency() });
}
