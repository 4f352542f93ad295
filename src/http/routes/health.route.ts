import { Router } from 'express';
import { z } from 'zod';
import type { SearchEngine } from '../../search/search-engine.js';

export const HealthResponseSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ReadyResponseSchema = z
  .object({ status: z.literal('ready'), engine: z.string(), articleCount: z.number().int() })
  .meta({ id: 'Ready' });

/** `/health` says the process is alive; `/ready` that the engine answers. */
export function healthRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' } satisfies z.output<typeof HealthResponseSchema>);
  });
  router.get('/ready', async (_req, res) => {
    const { articleCount } = await engine.ready();
    res.json({ status: 'ready', engine: engine.kind, articleCount } satisfies z.output<typeof ReadyResponseSchema>);
  });
  return router;
}
