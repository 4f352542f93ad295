import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths that may hold secrets; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'apiKey',
  'config.MEILI_API_KEY',
  'config.ADMIN_API_KEY',
  '*.apiKey',
  '*.MEILI_API_KEY',
  '*.ADMIN_API_KEY',
];

/** How pino-pretty renders logs on a terminal, in the server and the indexer alike. */
export const PRETTY_LOG_OPTIONS = { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } as const;

/**
 * Structured JSON logs; human-readable when written to a terminal.
 * @remarks Messages are constant strings; data goes in fields so logs can be queried. With
 * `mixin`, every line gets its fields (the request id of the request being served).
 */
export function createLogger(options: {
  level: string;
  pretty?: boolean;
  name?: string;
  mixin?: () => object;
}): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    name: options.name ?? 'article-search',
    level: options.level,
    ...(options.mixin ? { mixin: options.mixin } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: PRETTY_LOG_OPTIONS } } : {}),
  });
}

/** A logger that drops everything, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
