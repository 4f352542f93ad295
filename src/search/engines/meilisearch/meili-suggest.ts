import type { Meilisearch, MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import type { Logger } from '../../../logger.js';
import { planSuggestions, typedSuggestionText, type SuggestInput } from '../../suggest/suggest-plan.js';
import type { Suggestion, SuggestQuery } from '../../suggest/suggest.schema.js';
import { toFacetSuggestions } from './facet-suggestions.js';
import {
  candidateTexts,
  lastWordForms,
  phraseCompletions,
  toQuerySuggestions,
  type LastWordForm,
} from '../../suggest/query-completions.js';
import { fromTitleHits, toTerms } from './from-meili-suggest.js';
import type { Guard } from './meili-errors.js';
import { termsIndexUid } from './title-terms.js';
import { asksVocabulary, toCountQueries, toSuggestPlan, type SuggestPlan } from './to-meili-suggest.js';

/** What `suggestOnMeili` reads through. */
export interface MeiliSuggestDeps {
  client: Meilisearch;
  indexUid: string;
  guard: Guard;
  logger: Logger;
  /** Budget of the whole call, both round trips included. */
  timeoutMs: number;
}

type Results = MultiSearchResult<RecordAny>[];

/**
 * Autocomplete on Meilisearch, following the same contract as the embedded engine.
 *
 * Round trips: when the last word needs the title vocabulary (an open word, or a finished one
 * of 4+ letters, whose typo candidates are looked up), two multi-searches: the first asks the
 * vocabulary and, alongside, the section/tag counts and the matching titles; the second counts
 * the candidate texts, one query each. Otherwise the only candidate is the word as typed and
 * everything goes in one multi-search.
 *
 * @remarks An index built before autocomplete existed has no `<uid>_terms` until the next
 * indexing run: suggestions then come without completions (sections, tags and articles still
 * work), at the cost of one more round trip, and a warning is logged.
 */
export async function suggestOnMeili(query: SuggestQuery, deps: MeiliSuggestDeps): Promise<Suggestion[]> {
  const input = typedSuggestionText(query.q);
  if (!input) return [];
  const signal = AbortSignal.timeout(deps.timeoutMs);
  const run = (queries: MultiSearchQuery[]) =>
    deps.guard(
      'suggest',
      async () => (await deps.client.multiSearch({ queries }, { signal })).results as Results,
      () => undefined,
    );

  const plan = toSuggestPlan(query, input, deps.indexUid);
  if (asksVocabulary(plan)) {
    const first = await run(plan.queries);
    if (first) {
      const terms = (at: number | undefined) => (at === undefined ? [] : toTerms(first[at]?.hits));
      const { forms, typos } = await deps.guard('suggest', async () => {
        const typoTerms = terms(plan.at.typos);
        const phrases = phraseCompletions(input, titlesOf(first[plan.at.titles]?.hits));
        return { forms: lastWordForms(input, terms(plan.at.completions), typoTerms, phrases), typos: typoTerms };
      });
      const texts = candidateTexts(input, forms);
      let counts = forms.length === 0 ? [] : await run(toCountQueries(texts, query.filters, deps.indexUid));
      if (!counts) return [];
      // Under filters no title may hold a candidate while the articles' text does: counted there.
      if (hasAnyFilter(query) && counts.every((c) => (c.totalHits ?? 0) === 0) && texts.length > 0)
        counts = (await run(toCountQueries(texts, query.filters, deps.indexUid, 'anywhere'))) ?? counts;
      return deps.guard('suggest', async () => assemble(query, input, { plan, results: first, forms, counts, typos }));
    }
  }
  // No vocabulary to ask: an open word has no completions, a finished one is its own candidate.
  const local = asksVocabulary(plan) ? toSuggestPlan(query, input, deps.indexUid, false) : plan;
  const forms = lastWordForms(input, [], []);
  const results = await run([
    ...local.queries,
    ...toCountQueries(candidateTexts(input, forms), query.filters, deps.indexUid),
  ]);
  if (!results) return [];
  // The articles are there, so it was the vocabulary that was missing.
  if (local !== plan)
    deps.logger.warn(
      { op: 'suggest', indexUid: termsIndexUid(deps.indexUid) },
      'title vocabulary missing; suggesting without it',
    );
  const counts = results.slice(local.queries.length);
  return deps.guard('suggest', async () => assemble(query, input, { plan: local, results, forms, counts, typos: [] }));
}

/** The titles of title hits, for phrase completions (hits that are not ours are skipped). */
function titlesOf(hits: readonly unknown[] | undefined): string[] {
  return (hits ?? []).flatMap((hit) => {
    const title = (hit as { title?: unknown }).title;
    return typeof title === 'string' ? [title] : [];
  });
}

/** Whether any filter narrows the request. */
function hasAnyFilter({ filters }: SuggestQuery): boolean {
  const { sections, tags, authors } = filters;
  return sections.length + tags.length + authors.length > 0 || 'from' in filters || 'to' in filters;
}

interface Answers {
  plan: SuggestPlan;
  results: Results;
  forms: LastWordForm[];
  /** One count-only result per form, in the same order. */
  counts: Results;
  typos: string[];
}

/** The answers -> suggestions, the limit shared by `planSuggestions` as on every engine. */
function assemble(
  query: SuggestQuery,
  input: SuggestInput,
  { plan, results, forms, counts, typos }: Answers,
): Suggestion[] {
  const { at } = plan;
  return planSuggestions(query.limit, {
    queries: () =>
      toQuerySuggestions(
        input,
        forms,
        counts.map((r) => r.totalHits ?? 0),
      ),
    facets: () =>
      toFacetSuggestions(
        input.words.join(' '),
        results[at.sections]?.facetDistribution,
        results[at.tags]?.facetDistribution,
        results[at.authors]?.facetDistribution,
      ),
    articles: (limit) => fromTitleHits(input, results[at.titles]?.hits.slice(0, Math.max(0, limit)), typos),
  });
}
