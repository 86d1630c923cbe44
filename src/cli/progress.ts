import type { Ora } from 'ora';
import type { AnalyzeHooks } from '../analyze.ts';
import type { Io } from './io.ts';

/** How often the spinner text may change: enough to look alive, not enough to cost anything. */
const REDRAW_MS = 100;

/** "12,345" */
const count = (n: number) => n.toLocaleString('en-US');

/** "45s", "3m 05s" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/**
 * The progress line of the history walk: commits read, commits per second and, once the rate
 * settles (after a second), the time left. `total` is 0 while the commit list is still unknown.
 */
export function historyProgressText(read: number, total: number, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? read / elapsedSeconds : 0;
  const of = total > 0 ? ` / ${count(total)}` : '';
  const parts = rate > 0 ? [`${count(Math.round(rate))}/s`] : [];
  if (total > 0 && read < total && rate > 0 && elapsedSeconds >= 1) parts.push(`~${formatDuration((total - read) / rate)} left`);
  return `reading history: ${count(read)}${of} commits${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * Maps analysis hooks to a spinner on stderr. Silent unless stderr is an interactive terminal
 * (ora's own check also turns it off in CI and with TERM=dumb), and with --quiet. ora is loaded
 * only when a spinner will be drawn: scans in CI and pipes do not pay for its import.
 */
export function createProgress(io: Io, quiet: boolean, colored = true): AnalyzeHooks & { stop(): void } {
  // A terminal that reports no width (some `docker -t` / `kubectl exec -t` sessions) makes a spinner
  // redraw endlessly: no spinner there.
  const enabled = !quiet && Boolean(io.stderr.isTTY) && !io.env.CI && (io.stderr.columns ?? 0) > 0;
  let spinner: Ora | undefined;
  let stopped = false;
  let pending: string | undefined;
  let createSpinner: ((message: string) => Ora) | undefined;
  const draw = () => {
    if (stopped || pending === undefined) return;
    if (!spinner && createSpinner) spinner = createSpinner(pending);
    if (spinner) spinner.text = pending;
  };
  if (enabled) {
    import('ora').then(
      ({ default: ora }) => {
        // NO_COLOR (https://no-color.org) and --no-color: a plain spinner (ora drew it cyan regardless).
        const color = colored && !io.env.NO_COLOR ? 'cyan' : false;
        createSpinner = (message) => ora({ stream: io.stderr as NodeJS.WritableStream, text: message, color }).start();
        draw();
      },
      () => undefined, // no spinner is no reason to fail a scan
    );
  }
  let started = 0;
  let lastRead = 0;
  let lastDraw = 0;
  const text = (message: string, force = true) => {
    if (!enabled || stopped) return;
    const now = Date.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    pending = message;
    draw();
  };
  return {
    onPhase(phase, detail) {
      // Nothing formatted unless drawn: the first number formatted loads ICU's locale data (10 ms).
      if (!enabled || stopped) return;
      if (phase === 'history') {
        if (!started) started = Date.now();
        text(detail?.commits !== undefined ? historyProgressText(lastRead, detail.commits, (Date.now() - started) / 1000) : 'listing commits');
      } else if (phase === 'authorship') text(`computing authorship (${count(lastRead)} commits read)`);
      else text('computing truck factors');
    },
    onProgress(read, total) {
      lastRead = read;
      if (!started) started = Date.now();
      // The text only when it is drawn: number formatting per chunk cost 13 ms on a rails scan in CI.
      if (enabled && !stopped) text(historyProgressText(read, total, (Date.now() - started) / 1000), read >= total);
    },
    onWarning() {
      // Warnings are printed by the command after the result, not in the middle of the spinner.
    },
    stop() {
      stopped = true;
      spinner?.stop();
    },
  };
}
