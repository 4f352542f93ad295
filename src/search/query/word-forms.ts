import { stemmer } from 'stemmer';

/** Endings tried on a word and on its stem; a form is kept only when it has the same English stem. */
const ENDINGS = ['', 's', 'es', 'e', 'ed', 'ing'];

/**
 * The forms of an excluded word: itself and the inflections that share its English (Porter)
 * stem, the forms partial matching finds for the same word (its stem as a prefix). Case and
 * accents are folded already. Generated rather than looked up, so both engines exclude the
 * same words: the embedded engine as FTS5 words, Meilisearch as `-word`s (it has no stemming
 * and its negative words match exactly). Words under 4 letters, or not plain a-z, stay as they are.
 * @example exclusionForms('missiles') -> ['missiles', 'missil', 'missils', 'missile', 'missiled', 'missiling']
 */
export function exclusionForms(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
  const stem = stemmer(word);
  const forms = new Set([word]);
  // "studies" -> "studi": the y form is a base too ("study", "studying").
  const bases = new Set([stem, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : stem]);
  for (const base of bases) {
    for (const ending of ENDINGS) {
      const form = base + ending;
      if (stemmer(form) === stem) forms.add(form);
    }
  }
  return [...forms];
}
