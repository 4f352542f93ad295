import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { correctionLookups, toSuggestedQuery } from '../../query/did-you-mean.js';
import { parseQuery, type ParsedQuery } from '../../query/parse-query.js';
import type { SearchQuery } from '../../search.schema.js';
import type { Guard } from './meili-errors.js';
import { isSearchableTerm, termsIndexUid } from './title-terms.js';
import { toMeiliQueryText } from './to-meili-search.js';
import { quoteFilterValue, toMeiliFilter } from './to-meili-filter.js';
import { TERM_SORT } from './to-meili-suggest.js';

/**
 * The lookups of `correctionLookups` as one multi-search: each word counted as an exact
 * one-word phrase over the articles (held by some article?), then each typo-able word's most
 * frequent other title word within one typo (the vocabulary index matches one typo from 4
 * letters, a first-letter typo counting 2, as the embedded engine's title vocabulary).
 */
export function toCorrectionQueries(
  parsed: ParsedQuery,
  indexUid: string,
): { queries: MultiSearchQuery[]; words: string[]; typos: string[] } {
  const lookups = correctionLookups(parsed);
  const typos = lookups.typos.filter(isSearchableTerm);
  const queries: MultiSearchQuery[] = [
    ...lookups.words.map((w) => ({ indexUid, q: `"${w}"`, hitsPerPage: 0 })),
    ...typos.map((w) => ({
      indexUid: termsIndexUid(indexUid),
      q: `${w} `,
      filter: [`term != ${quoteFilterValue(w)}`],
      sort: TERM_SORT,
      limit: 1,
      attributesToRetrieve: ['term'],
    })),
  ];
  return { queries, words: lookups.words, typos };
}

/** What `suggestQueryOnMeili` reads through. */
export interface DidYouMeanDeps {
  client: Meilisearch;
  indexUid: string;
  guard: Guard;
}

/**
 * "Did you mean" on Meilisearch, by the shared rule (`toSuggestedQuery`): one multi-search for
 * the lookups, one count of the suggestion under the request's filters (every word required);
 * undefined unless it finds something.
 */
export async function suggestQueryOnMeili(
  query: SearchQuery,
  parsed: ParsedQuery,
  deps: DidYouMeanDeps,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { queries, words, typos } = toCorrectionQueries(parsed, deps.indexUid);
  if (queries.length === 0) return undefined;
  const run = (q: MultiSearchQuery[]) =>
    deps.guard(
      'suggestedQuery',
      async () => (await deps.client.multiSearch({ queries: q }, { signal })).results,
      () => undefined,
    );
  const results = await run(queries);
  if (!results) return undefined;
  const known = new Set(words.filter((_, i) => (results[i]?.totalHits ?? 0) > 0));
  const fixes = new Map<string, string>();
  typos.forEach((w, i) => {
    const term = (results[words.length + i]?.hits[0] as { term?: unknown } | undefined)?.term;
    if (typeof term === 'string') fixes.set(w, term);
  });
  const suggested = toSuggestedQuery(
    parsed,
    (w) => known.has(w),
    (w) => fixes.get(w),
  );
  if (suggested === undefined) return undefined;
  const filter = toMeiliFilter(query.filters);
  const check = await run([
    {
      indexUid: deps.indexUid,
      q: toMeiliQueryText(parseQuery(`${suggested} `)),
      ...(filter.length > 0 && { filter }),
      hitsPerPage: 0,
      matchingStrategy: 'all',
    },
  ]);
  return (check?.[0]?.totalHits ?? 0) > 0 ? suggested : undefined;
}
