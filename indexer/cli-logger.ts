import { pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { PRETTY_LOG_OPTIONS, REDACTED_PATHS, type Logger } from '../src/logger.js';

/**
 * The indexer's logger, on stderr (stdout carries the summary line only). JSON when stderr is
 * a pipe or a file, for whatever collects it; on a terminal, pino-pretty lines handed to
 * `writeLine`, so that the progress display can print them above its bar.
 */
export function createCliLogger(options: {
  level: string;
  pretty: boolean;
  writeLine: (text: string) => void;
}): Logger {
  const settings = { name: 'indexer', level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (!options.pretty) return pino(settings, pino.destination(2));
  // Formatted in this thread rather than by a transport worker: a line must reach the terminal
  // between two redraws of the bar, not in the middle of one.
  const prettify = prettyFactory({ ...PRETTY_LOG_OPTIONS, ignore: 'pid,hostname' });
  return pino(settings, { write: (line: string) => options.writeLine(prettify(line)) });
}
