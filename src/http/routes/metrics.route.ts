import { Router } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: the app's registry in Prometheus text format; in a cluster worker, `collect`
 * gives the figures of every worker together (counts summed), so a scrape sees the service.
 */
export function metricsRouter(registry: Registry, collect: () => Promise<string> = () => registry.metrics()): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await collect();
    res.type(registry.contentType).send(body);
  });
  return router;
}
