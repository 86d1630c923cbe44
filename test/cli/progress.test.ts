import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { createProgress } from '../../src/cli/progress.ts';

const io = (columns: number | undefined, written: string[]): Io => ({
  stdout: { write: () => true },
  stderr: { write: (text: string) => written.push(text), isTTY: true, columns },
  env: {},
  cwd: '.',
});

describe('progress', () => {
  it('draws nothing on a terminal that reports zero columns (it would redraw forever)', async () => {
    const written: string[] = [];
    const progress = createProgress(io(0, written), false);
    progress.onPhase?.('history', { commits: 10 });
    progress.onProgress?.(5, 10);
    await new Promise((resolve) => setTimeout(resolve, 150));
    progress.stop();
    expect(written).toEqual([]);
  });
});
