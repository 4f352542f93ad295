import { z } from 'zod';
import type { SuggestInput } from '../../suggest/suggest-plan.js';
import type { Suggestion } from '../../suggest/suggest.schema.js';
import { toArticleSuggestions } from '../../suggest/article-suggestions.js';
import { MeiliDocumentSchema } from './meili-document.js';

const TermHitSchema = z.object({ term: z.string() });
const TitleHitSchema = MeiliDocumentSchema.pick({ id: true, title: true, section: true, publishedAtIso: true });

/** Vocabulary hits (unvalidated JSON) -> their terms, in the order Meilisearch ranked them. */
export function toTerms(hits: readonly unknown[] | undefined): string[] {
  return (hits ?? []).map((hit) => TermHitSchema.parse(hit).term);
}

/**
 * Title hits (unvalidated JSON) -> article suggestions in Meilisearch's order, marked by the
 * shared rule (`toArticleSuggestions`) with the last word's typo candidates.
 * Throws a ZodError when a hit is not one of our documents.
 */
export function fromTitleHits(
  input: SuggestInput,
  hits: readonly unknown[] | undefined,
  typos: readonly string[],
): Suggestion[] {
  const rows = (hits ?? []).map((raw) => {
    const hit = TitleHitSchema.parse(raw);
    return { id: hit.id, title: hit.title, section: hit.section, publishedAt: hit.publishedAtIso };
  });
  return toArticleSuggestions(input, rows, typos);
}
