import { Router } from 'express';
import type { SearchEngine } from '../../search/search-engine.js';
import { SuggestParamsSchema, type SuggestResponse } from '../../search/suggest/suggest.schema.js';
import { parseRequest } from '../validate.js';
import { elapsedMs } from './search.route.js';

/** `GET /api/suggest`: as-you-type suggestions. */
export function suggestRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/suggest', async (req, res) => {
    const started = performance.now();
    const query = parseRequest(SuggestParamsSchema, req.query);
    const suggestions = query.q.trim() === '' ? [] : await engine.suggest(query);
    const body: SuggestResponse = { q: query.q, suggestions, processingTimeMs: elapsedMs(started) };
    res.json(body);
  });
  return router;
}
