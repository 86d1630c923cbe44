import { vi } from 'vitest';
import type { Repository } from '../../src/git/repo.ts';

const COMMIT_ID = /^[0-9a-f]{40}$/;

/**
 * Watches every git call a repository makes (its queues and its streams) and tells the most commit
 * ids one of them had on its command line: Windows caps a command line at 32K characters (~780 ids),
 * so lists of commits must go to git on stdin.
 */
export function watchCommandLines(repo: Repository): { mostIds: () => number } {
  const spies = [vi.spyOn(repo.git, 'raw'), vi.spyOn(repo.side, 'raw'), vi.spyOn(repo, 'stream')];
  return {
    mostIds: () => Math.max(0, ...spies.flatMap((spy) => spy.mock.calls.map((call) => (call[0] as unknown as string[]).filter((arg) => COMMIT_ID.test(arg)).length))),
  };
}
