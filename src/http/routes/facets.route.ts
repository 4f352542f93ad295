import { Router } from 'express';
import {
  FacetSearchParamsSchema,
  FacetSearchPathSchema,
  type FacetSearchResponse,
} from '../../search/facet-search.schema.js';
import type { SearchEngine } from '../../search/search-engine.js';
import { parseRequest } from '../validate.js';
import { elapsedMs } from './search.route.js';

/** `GET /api/facets/:facet`: search the values of one facet, with counts. */
export function facetsRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/facets/:facet', async (req, res) => {
    const started = performance.now();
    const { facet } = parseRequest(FacetSearchPathSchema, req.params);
    const query = parseRequest(FacetSearchParamsSchema, req.query);
    const values = await engine.searchFacetValues({ facet, ...query });
    const body: FacetSearchResponse = { facet, values, processingTimeMs: elapsedMs(started) };
    res.json(body);
  });
  return router;
}
