import ora, { type Ora } from 'ora';
import type { AnalyzeHooks } from '../analyze.ts';
import type { Io } from './io.ts';

/**
 * Maps analysis hooks to a spinner on stderr. Silent unless stderr is an interactive terminal
 * (ora's own check also turns it off in CI and with TERM=dumb), and with --quiet.
 */
export function createProgress(io: Io, quiet: boolean): AnalyzeHooks & { stop(): void } {
  const enabled = !quiet && Boolean(io.stderr.isTTY) && !io.env.CI;
  let spinner: Ora | undefined;
  let started = 0;
  let lastRead = 0;
  const text = (message: string) => {
    if (!enabled) return;
    spinner ??= ora({ stream: io.stderr as NodeJS.WritableStream, text: message }).start();
    spinner.text = message;
  };
  return {
    onPhase(phase, detail) {
      if (phase === 'history') {
        started = Date.now();
        text(detail?.commits !== undefined ? `reading history: 0 / ${detail.commits} commits` : 'listing commits');
      } else if (phase === 'authorship') text(`computing authorship (${lastRead} commits read)`);
      else text('computing truck factors');
    },
    onProgress(read, total) {
      lastRead = read;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? read / seconds : 0;
      const left = rate > 0 ? Math.ceil((total - read) / rate) : undefined;
      text(`reading history: ${read} / ${total} commits (${Math.round(rate)}/s${left !== undefined && read < total ? `, ~${left}s left` : ''})`);
    },
    onWarning() {
      // Warnings are printed by the command after the result, not in the middle of the spinner.
    },
    stop() {
      spinner?.stop();
    },
  };
}
