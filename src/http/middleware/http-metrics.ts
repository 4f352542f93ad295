import type { RequestHandler } from 'express';
import type { Metrics } from '../../metrics/metrics.js';

/** Route label of requests no route matched (404s, static files): one label, not one per URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Remembers where a router is mounted, so the route label survives errors.
 * @remarks Express resets `req.baseUrl` when an error leaves a router, but keeps `req.route`;
 * the mount path is kept in `res.locals` instead.
 */
export function mountedAt(prefix: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.routePrefix = prefix;
    next();
  };
}

/**
 * Times every request into `article_search_http_request_duration_seconds`, labelled by
 * method, route pattern (`/api/articles/:id`, never the raw URL) and status.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const pattern: unknown = req.route?.path;
      const prefix = typeof res.locals.routePrefix === 'string' ? res.locals.routePrefix : '';
      const route = typeof pattern === 'string' ? `${prefix}${pattern}` : UNMATCHED_ROUTE;
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
