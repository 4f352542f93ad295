import { z } from 'zod';
import { tokenize } from '../../text/normalize.js';
import type { ParsedQuery, QueryTerm } from './parse-query.js';

/**
 * A synonyms file: a JSON array of groups, each a list of terms that mean the same
 * (`[["U.S.", "US", "United States"], ...]`). A term is one or more words; case, accents and
 * punctuation do not matter (terms are split as the index splits text).
 */
export const SynonymGroupsSchema = z
  .array(z.array(z.string().trim().min(1).max(100)).min(2).max(20))
  .max(10_000)
  .describe('Groups of terms that mean the same');
export type SynonymGroups = z.output<typeof SynonymGroupsSchema>;

/** What the service ships for news (SYNONYMS=default). */
export const DEFAULT_SYNONYMS: SynonymGroups = [
  ['U.S.', 'US', 'United States'],
  ['U.N.', 'UN', 'United Nations'],
  ['U.K.', 'UK', 'United Kingdom'],
  ['E.U.', 'EU', 'European Union'],
  ['N. Korea', 'North Korea'],
  ['S. Korea', 'South Korea'],
];

/** Longest synonym key in words (Meilisearch looks at 1-3 consecutive words). */
export const MAX_SYNONYM_WORDS = 3;

/** Folded word lists by key ("united states" -> [["us"], ["u", "s"]]): how a query finds them. */
export type SynonymIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

/**
 * Groups -> every member's equivalents, members as folded word lists.
 * @example toSynonymIndex([['US', 'United States']]) -> Map { 'us' => [['united', 'states']], 'united states' => [['us']] }
 */
export function toSynonymIndex(groups: SynonymGroups): SynonymIndex {
  const index = new Map<string, string[][]>();
  for (const group of groups) {
    const members = uniqueMembers(group);
    for (const member of members) {
      const key = member.join(' ');
      const others = members.filter((m) => m.join(' ') !== key);
      const known = index.get(key) ?? [];
      for (const o of others) if (!known.some((k) => k.join(' ') === o.join(' '))) known.push(o);
      index.set(key, known);
    }
  }
  return index;
}

function uniqueMembers(group: readonly string[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const term of group) {
    const words = tokenize(term);
    const key = words.join(' ');
    if (words.length === 0 || words.length > MAX_SYNONYM_WORDS || seen.has(key)) continue;
    seen.add(key);
    out.push(words);
  }
  return out;
}

/**
 * Meilisearch's `synonyms` setting: each member -> its equivalents, as our folded words
 * (Meilisearch splits the same way: `separatorTokens`).
 * @example toMeiliSynonyms([['US', 'United States']]) -> { us: ['united states'], 'united states': ['us'] }
 */
export function toMeiliSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, others] of toSynonymIndex(groups)) out[key] = others.map((o) => o.join(' '));
  return out;
}

/**
 * Applies synonyms to a parsed query, as Meilisearch does at query time: a finished word, or
 * two or three consecutive finished words, that are a synonym key gain the equivalents as
 * alternatives. Several words become one term holding them as a phrase (so "united states"
 * matches the phrase, "us" or "u s"); the word being typed is left alone.
 * @example applySynonyms(parseQuery('us trade '), index).terms[0] -> { kind: 'word', text: 'us', prefix: false, synonyms: [['united', 'states'], ['u', 's']] }
 */
export function applySynonyms(parsed: ParsedQuery, index: SynonymIndex): ParsedQuery {
  if (index.size === 0) return parsed;
  const terms: QueryTerm[] = [];
  const source = parsed.terms;
  for (let i = 0; i < source.length;) {
    const own = source[i]!;
    if (own.kind === 'phrase') {
      // An acronym or compound ("u s" = "us") or a quoted phrase that is itself a synonym key.
      const keys = [own.words, ...(own.synonyms ?? [])].map((w) => w.join(' '));
      const more = keys.flatMap((k) => index.get(k) ?? []).filter((s) => !keys.includes(s.join(' ')));
      terms.push(more.length ? { ...own, synonyms: [...(own.synonyms ?? []), ...more.map((s) => [...s])] } : own);
      i++;
      continue;
    }
    let matched = false;
    for (let n = Math.min(MAX_SYNONYM_WORDS, source.length - i); n >= 1 && !matched; n--) {
      const run = source.slice(i, i + n);
      if (!run.every((t) => t.kind === 'word' && !t.prefix)) continue;
      const words = run.map((t) => (t.kind === 'word' ? t.text : ''));
      const synonyms = index.get(words.join(' '));
      if (!synonyms) continue;
      const copies = synonyms.map((s) => [...s]);
      terms.push(
        n === 1
          ? { kind: 'word', text: words[0]!, prefix: false, synonyms: copies }
          : { kind: 'phrase', words, synonyms: copies },
      );
      i += n;
      matched = true;
    }
    if (!matched) terms.push(source[i++]!);
  }
  return { ...parsed, terms };
}
