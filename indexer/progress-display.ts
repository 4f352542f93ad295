import cliProgress from 'cli-progress';
import { articlesPerSecond, formatProgressLine } from './cli-output.js';
import type { IndexProgress } from '../src/ingest/index-articles.js';

/** Where progress goes while a run is going on. */
export interface ProgressDisplay {
  update(progress: IndexProgress): void;
  stop(): void;
}

/** Seconds between plain progress lines when the output is not a terminal (CI logs, pipes). */
export const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

/**
 * A progress bar over the bytes read (with rate and ETA) on a terminal, else a plain line
 * every 5 s. Both go to stderr so that stdout carries only the summary line.
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
      stop: () => clearInterval(timer),
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream,
      format:
        '{bar} {percentage}% | {read} read, {indexed} indexed, {invalid} invalid | {rate} articles/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    update(progress) {
      const rate = articlesPerSecond(progress.read, Date.now() - started);
      const payload = { read: progress.read, indexed: progress.indexed, invalid: progress.invalid, rate };
      if (!running) bar.start(Math.max(progress.bytesTotal, 1), progress.bytesRead, payload);
      else bar.update(progress.bytesRead, payload);
      running = true;
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
