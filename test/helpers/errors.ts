import { UsageError } from '../../src/errors.ts';

/** The UsageError `fn` throws; any other error is rethrown, and none at all fails the test. */
export function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

/** usageErrorOf for a promise: the UsageError it rejects with. */
export async function usageErrorOfPromise(promise: Promise<unknown>): Promise<UsageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}
