/** Stable codes of the failures that stop an indexing run (the CLI exits 1). */
export const IndexerErrorCode = {
  invalidOption: 'invalid_option',
  pathNotFound: 'path_not_found',
  pathUnreadable: 'path_unreadable',
  syncRefused: 'sync_refused',
  invalidSourceSettings: 'invalid_source_settings',
  interrupted: 'interrupted',
} as const;
export type IndexerErrorCode = (typeof IndexerErrorCode)[keyof typeof IndexerErrorCode];

/**
 * A fatal indexing error caused by the input or the options, with a message safe to show
 * to the operator. Adapter failures are not wrapped: they propagate as they are.
 */
export class IndexerError extends Error {
  constructor(
    readonly code: IndexerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IndexerError';
  }
}
