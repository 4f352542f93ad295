import { ArticleInputSchema, type Article } from '../../src/articles/article.schema.js';
import { loadSeedArticles } from '../support/seed-articles.js';

/**
 * The contract corpus: the seed articles plus a few written to pin edge cases (HTML in
 * text, accents, a tag that differs from a section only in case, labels full of filter syntax).
 */
export function contractArticles(): Article[] {
  const extra = [
    {
      id: 'contract-html',
      title: 'Hackers hid <script> tags & "quotes" in cyber adverts',
      summary: 'Researchers found <b>markup</b> smuggled into advertising banners.',
      body: 'The adverts carried a <script>alert(1)</script> payload that browsers ran when the banner loaded. Cyber teams removed them.',
      section: 'Technology',
      tags: ['cyber-security', 'advertising'],
      authors: ['Contract Writer'],
      publishedAt: '2021-06-01T10:00:00Z',
    },
    {
      id: 'contract-accents',
      title: 'Émile Zola café in Münster reopens',
      body: 'The café named after Émile Zola reopened in Münster after a long renovation. Regulars returned at once.',
      section: 'Culture',
      tags: ['cafes'],
      authors: ['Contract Writer'],
      publishedAt: '2021-06-02T10:00:00Z',
    },
    {
      // Labels that would break a filter built by pasting: quotes, a backslash, filter keywords.
      id: 'contract-filter-syntax',
      title: 'Readers ask the desk about quotes and backslashes',
      body: 'An explainer on how the desk writes labels. Nothing else.',
      section: 'Q&A "Desk" \\ OR',
      tags: ['a"b', 'c\\d', 'x = y'],
      authors: ['O\'Brien, Jr. \\ "The Boss"'],
      publishedAt: '2021-06-03T10:00:00Z',
    },
  ];
  return [...loadSeedArticles(), ...extra.map((a) => ArticleInputSchema.parse(a))];
}
