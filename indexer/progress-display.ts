import cliProgress from 'cli-progress';
import { articlesPerSecond, formatProgressLine } from './cli-output.js';
import type { IndexProgress } from '../src/ingest/index-articles.js';

/** Where progress goes while a run is going on. */
export interface ProgressDisplay {
  update(progress: IndexProgress): void;
  /** Writes a line (a log line, ending in a newline) without breaking the bar. */
  log(text: string): void;
  stop(): void;
}

/** Seconds between plain progress lines when the output is not a terminal (CI logs, pipes). */
export const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

/**
 * A progress bar over the bytes read (with rate and ETA) on a terminal, else a plain line
 * every 5 s. Both go to stderr so that stdout carries only the summary line. On a terminal,
 * logged lines are printed above the bar, which is then drawn again below them.
 */
export function createProgressDisplay(options: { interactive: boolean; stream: NodeJS.WriteStream }): ProgressDisplay {
  const started = Date.now();
  let latest: IndexProgress | undefined;
  if (!options.interactive) {
    const timer = setInterval(() => {
      if (latest) options.stream.write(`${formatProgressLine(latest, Date.now() - started)}\n`);
    }, PLAIN_PROGRESS_INTERVAL_MS);
    timer.unref();
    return {
      update: (progress) => (latest = progress),
      log: (text) => options.stream.write(text),
      stop: () => clearInterval(timer),
    };
  }
  // A MultiBar of one: its log() is cli-progress's own way to print above the bars.
  const bars = new cliProgress.MultiBar(
    {
      stream: options.stream,
      format:
        '{bar} {percentage}% | {read} read, {indexed} indexed, {invalid} invalid | {rate} articles/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      // Redraw on every tick, changed or not: a log line just printed has taken the bar's place.
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(progress) {
      const rate = articlesPerSecond(progress.read, Date.now() - started);
      const payload = { read: progress.read, indexed: progress.indexed, invalid: progress.invalid, rate };
      if (!bar) bar = bars.create(Math.max(progress.bytesTotal, 1), progress.bytesRead, payload);
      else bar.update(progress.bytesRead, payload);
    },
    log(text) {
      if (bar) bars.log(text);
      else options.stream.write(text);
    },
    stop() {
      if (!bar) return;
      bars.update(); // prints the lines logged since the last tick
      bars.stop();
      bar = undefined;
    },
  };
}
