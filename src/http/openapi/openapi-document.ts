import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ArticleInputSchema, ArticleSchema } from '../../articles/article.schema.js';
import {
  FacetSearchParamsSchema,
  FacetSearchPathSchema,
  FacetSearchResponseSchema,
} from '../../search/facet-search.schema.js';
import { FeedParamsSchema } from '../../search/feed/feed.schema.js';
import { RelatedParamsSchema, RelatedResponseSchema } from '../../search/related/related.schema.js';
import { SearchParamsSchema, SearchResponseSchema } from '../../search/search.schema.js';
import { SuggestParamsSchema, SuggestResponseSchema } from '../../search/suggest/suggest.schema.js';
import { ADMIN_LIMITS, WriteRejectedSchema, WriteReportSchema } from '../routes/admin-articles.schema.js';
import { ArticlePathSchema } from '../routes/articles.route.js';
import { HealthResponseSchema, ReadyResponseSchema } from '../routes/health.route.js';
import { toQueryParameters } from './query-parameters.js';
import {
  atomFeedResponse,
  cachedJsonResponse,
  jsonResponse,
  notModified,
  problemResponse,
  readErrors,
} from './responses.js';

/** The body of a write: one article or a batch, each as the indexer reads it (input side). */
const ArticleInputDoc = ArticleInputSchema.meta({ id: 'ArticleInput' });
const WriteBodySchema = z.union([ArticleInputDoc, z.array(ArticleInputDoc).min(1).max(ADMIN_LIMITS.maxArticles)]);

function registerReads(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    operationId: 'search',
    summary: 'Keyword search with filters, facets and highlighting',
    parameters: toQueryParameters(SearchParamsSchema),
    responses: {
      200: cachedJsonResponse('A page of hits, with facets', SearchResponseSchema),
      304: notModified,
      ...readErrors(),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/suggest',
    operationId: 'suggest',
    summary: 'As-you-type suggestions: queries, articles, tags, sections',
    parameters: toQueryParameters(SuggestParamsSchema),
    responses: {
      200: cachedJsonResponse('Suggestions, best first', SuggestResponseSchema),
      304: notModified,
      ...readErrors(),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/facets/{facet}',
    operationId: 'searchFacetValues',
    summary: 'Search the values of one facet, with counts',
    request: { params: FacetSearchPathSchema },
    parameters: toQueryParameters(FacetSearchParamsSchema),
    responses: {
      200: cachedJsonResponse('Matching facet values', FacetSearchResponseSchema),
      304: notModified,
      ...readErrors(),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/articles/{id}',
    operationId: 'getArticle',
    summary: 'One full article',
    request: { params: ArticlePathSchema },
    responses: {
      200: cachedJsonResponse('The article', ArticleSchema),
      304: notModified,
      ...readErrors({ 404: problemResponse('No article has this id', ['article_not_found']) }),
    },
  });
  registerReaderFrontends(registry);
}

/** Related articles and topic feeds: what a newsroom's pages embed. */
function registerReaderFrontends(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/articles/{id}/related',
    operationId: 'relatedArticles',
    summary: 'Articles related to one (more-like-this blended with tags, section, people and time; docs/ranking.md)',
    request: { params: ArticlePathSchema },
    parameters: toQueryParameters(RelatedParamsSchema),
    responses: {
      200: cachedJsonResponse('Related articles, most related first; never the article itself', RelatedResponseSchema),
      304: notModified,
      ...readErrors({ 404: problemResponse('No article has this id', ['article_not_found']) }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/feed',
    operationId: 'topicFeed',
    summary: 'Atom 1.0 feed (RFC 4287) of the newest articles matching a search',
    parameters: toQueryParameters(FeedParamsSchema),
    responses: {
      200: atomFeedResponse('The feed, newest entries first'),
      304: { ...notModified, description: 'Not modified: If-None-Match (or If-Modified-Since) still matches' },
      ...readErrors(),
    },
  });
}

function registerWrites(registry: OpenAPIRegistry): void {
  const bearer = registry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_API_KEY; writes answer 403 writes_disabled when it is not set',
  });
  const writeUnavailable = problemResponse(
    'The engine is unreachable, or another process holds the index; nothing was written, retry after Retry-After',
    ['engine_unavailable', 'index_busy'],
  );
  const authErrors = {
    401: problemResponse('No Authorization: Bearer header', ['unauthorized']),
    403: problemResponse('Wrong key, or writes disabled (ADMIN_API_KEY unset)', ['forbidden', 'writes_disabled']),
  };
  registry.registerPath({
    method: 'post',
    path: '/api/articles',
    operationId: 'writeArticles',
    summary: `Index one article or a batch of up to ${ADMIN_LIMITS.maxArticles} (body at most 10 MB)`,
    security: [{ [bearer.name]: [] }],
    request: { body: { required: true, content: { 'application/json': { schema: WriteBodySchema } } } },
    responses: {
      200: jsonResponse('Every article was indexed', WriteReportSchema),
      207: jsonResponse('Some records were invalid; every valid one was indexed', WriteReportSchema),
      ...readErrors({
        ...authErrors,
        409: problemResponse('The Meilisearch index was built by an older version: rebuild it once', [
          'index_outdated',
        ]),
        413: problemResponse('Body over 10 MB, or more than 1,000 articles', ['payload_too_large']),
        415: problemResponse('The body is not application/json', ['unsupported_media_type']),
        422: problemResponse('No record was valid; nothing was indexed', ['invalid_article'], WriteRejectedSchema),
      }),
      503: writeUnavailable,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/articles/{id}',
    operationId: 'deleteArticle',
    summary: 'Delete one article',
    security: [{ [bearer.name]: [] }],
    request: { params: ArticlePathSchema },
    responses: {
      204: { description: 'Deleted' },
      ...readErrors({
        ...authErrors,
        404: problemResponse('No article has this id', ['article_not_found']),
        409: problemResponse('The Meilisearch index was built by an older version: rebuild it once', [
          'index_outdated',
        ]),
      }),
      503: writeUnavailable,
    },
  });
}

function registerOperations(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness: the process answers',
    responses: { 200: jsonResponse('Alive', HealthResponseSchema) },
  });
  registry.registerPath({
    method: 'get',
    path: '/ready',
    operationId: 'ready',
    summary: 'Readiness: the engine answers',
    responses: {
      200: jsonResponse('Ready, with the article count', ReadyResponseSchema),
      503: problemResponse('The engine cannot answer', ['engine_unavailable', 'timeout']),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    responses: {
      200: {
        description: 'Prometheus text exposition format',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    },
  });
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * type responses, so it cannot say something the code does not do.
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registerReads(registry);
  registerWrites(registry);
  registerOperations(registry);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Article search API',
      version,
      description:
        'Errors are application/problem+json (RFC 9457) with a stable `code`. The search page built on this API is at [/](/).',
    },
  });
  return document as unknown as Record<string, unknown>;
}
