import { Router } from 'express';
import type { SearchEngine } from '../../search/search-engine.js';
import { SearchParamsSchema, type SearchResponse } from '../../search/search.schema.js';
import { parseRequest } from '../validate.js';

/** `GET /api/search`: keyword search with facets and highlighting. */
export function searchRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const started = performance.now();
    const query = parseRequest(SearchParamsSchema, req.query);
    const engineStarted = performance.now();
    const result = await engine.search(query);
    // The engine's share of the answer (W3C Server-Timing): the rest is the HTTP layer's.
    res.setHeader('Server-Timing', `engine;dur=${(performance.now() - engineStarted).toFixed(2)}`);
    const body: SearchResponse = {
      q: query.q,
      hits: result.hits,
      page: query.page,
      pageSize: query.pageSize,
      totalHits: result.totalHits,
      fullMatches: result.fullMatches,
      ...(result.suggestedQuery !== undefined && { suggestedQuery: result.suggestedQuery }),
      totalPages: Math.ceil(result.totalHits / query.pageSize),
      sort: query.sort,
      facets: result.facets,
      ...(result.dateInterval ? { dateInterval: result.dateInterval } : {}),
      processingTimeMs: elapsedMs(started),
    };
    res.json(body);
  });
  return router;
}

/** Milliseconds since `started`, to 0.1 ms. */
export function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
