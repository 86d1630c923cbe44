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

describe('progress colour', () => {
  const drawn = async (env: Record<string, string>, colored: boolean) => {
    const written: string[] = [];
    const stream = { ...io(80, written).stderr, clearLine: () => true, cursorTo: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream };
    const progress = createProgress({ ...io(80, written), stderr: stream, env }, false, colored);
    progress.onPhase?.('history', { commits: 10 });
    progress.onProgress?.(5, 10);
    // Until the spinner has drawn: it starts once ora is imported, which took over 250 ms in a
    // loaded CI run (a fixed wait saw nothing drawn, and failed).
    const deadline = Date.now() + 10_000;
    await new Promise((resolve) => setTimeout(resolve, 250));
    while (!written.join('').includes('reading history') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    progress.stop();
    return written.join('');
  };

  it('draws the spinner without colour under NO_COLOR or --no-color (ora drew it cyan)', async () => {
    // ora colours through chalk, which reads FORCE_COLOR when ora is first imported (here, in the
    // first spinner of this file): set, so that a coloured spinner is possible at all.
    const saved = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = '1';
    try {
      expect(await drawn({}, true)).toContain('\u001b[36m');
      const plain = await drawn({ NO_COLOR: '1' }, true);
      expect(plain).toContain('reading history');
      expect(plain).not.toContain('\u001b[36m');
      expect(await drawn({}, false)).not.toContain('\u001b[36m');
    } finally {
      if (saved === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = saved;
    }
  });
});
