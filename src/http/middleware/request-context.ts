import type { RequestHandler } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<{ reqId: string }>();

/**
 * Makes the request id reachable from code that has no `req`: an engine adapter logging with
 * the process logger. Must run after pino-http (which assigns `req.id`).
 */
export const requestContext: RequestHandler = (req, _res, next) => {
  context.run({ reqId: String(req.id) }, next);
};

/**
 * Fields to add to a log line written while a request is being handled, for pino's `mixin`:
 * `pino({ mixin: requestLogBindings })` puts `reqId` on every line, adapters' lines included.
 * @example inside a request -> { reqId: "3f2c…" }; outside -> {}
 */
export function requestLogBindings(): { reqId?: string } {
  return context.getStore() ?? {};
}
