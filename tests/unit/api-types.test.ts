import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../../src/api/types.js';
import type {
  ApiGetRoutes,
  Article,
  FacetSearchParams,
  FacetSearchResponse,
  FeedParams,
  ProblemDetails,
  RelatedHit,
  RelatedParams,
  RelatedResponse,
  SearchHit,
  SearchParams,
  SearchResponse,
  SearchableFacet,
  Suggestion,
  SuggestParams,
  SuggestResponse,
  WriteRejected,
  WriteReport,
} from '../../src/api/types.js';

describe('src/api/types.ts', () => {
  it('when imported, then it carries no runtime code', () => {
    expect(Object.keys(api)).toEqual([]);
  });

  it('when a client builds query parameters, then they are the strings of the URL, not the parsed values', () => {
    expectTypeOf<{ q: string; page: string; section: string[]; highlight: 'false' }>().toExtend<SearchParams>();
    expectTypeOf<{ q: string; limit: string }>().toExtend<SuggestParams>();
    expectTypeOf<{ q: string; query: string; tag: string }>().toExtend<FacetSearchParams>();
    // @ts-expect-error -- a number is what the server parses page into, not what a client sends.
    expectTypeOf<{ page: number }>().toExtend<SearchParams>();
    // @ts-expect-error -- an unknown parameter is rejected by the API, and by the type.
    expectTypeOf<{ sortt: string }>().toExtend<SearchParams>();
    expectTypeOf<SearchableFacet>().toEqualTypeOf<'tags' | 'section' | 'authors'>();
    expectTypeOf<{ limit: string; tag: string[]; from: string }>().toExtend<RelatedParams>();
    expectTypeOf<{ q: string; limit: string; section: string }>().toExtend<FeedParams>();
  });

  it('when a client reads responses, then they are the output types of the response schemas', () => {
    expectTypeOf<SearchResponse['hits'][number]>().toEqualTypeOf<SearchHit>();
    expectTypeOf<SearchResponse['totalHits']>().toBeNumber();
    expectTypeOf<SuggestResponse['suggestions'][number]>().toEqualTypeOf<Suggestion>();
    expectTypeOf<Extract<Suggestion, { type: 'article' }>>().toHaveProperty('id');
    expectTypeOf<FacetSearchResponse['values'][number]>().toHaveProperty('highlight');
    expectTypeOf<Article['publishedAt']>().toBeString();
    expectTypeOf<ApiGetRoutes['/api/search']['response']>().toEqualTypeOf<SearchResponse>();
    expectTypeOf<RelatedResponse['hits'][number]>().toEqualTypeOf<RelatedHit>();
    expectTypeOf<RelatedHit>().not.toHaveProperty('highlight');
  });

  it('when a client handles errors and writes, then problem details and reports are typed', () => {
    expectTypeOf<ProblemDetails['code']>().toBeString();
    expectTypeOf<ProblemDetails['errors']>().toEqualTypeOf<{ path: string; message: string }[] | undefined>();
    expectTypeOf<WriteReport['invalid'][number]>().toHaveProperty('line');
    expectTypeOf<WriteRejected['indexed']>().toEqualTypeOf<0>();
  });
});
