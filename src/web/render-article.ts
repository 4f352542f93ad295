import type { Article } from '../api/types.js';
import { ApiError } from './api-client.js';
import { h } from './dom.js';
import { formatDate } from './format.js';
import type { SearchState } from './search-state.js';
import { renderRelatedSection } from './render-related.js';
import { renderByline, renderTagLinks } from './render-results.js';

/** "Back to results" link, first in the article view. */
function backLink(href: string): HTMLElement {
  return h(
    'p',
    { class: 'article__back' },
    h('a', { href, 'data-nav': true, 'data-key': 'back' }, '← Back to results'),
  );
}

/** The full article; the body's paragraphs are split on blank lines; related articles follow it. */
export function renderArticle(article: Article, backHref: string, state: SearchState): HTMLElement[] {
  const source = safeHttpUrl(article.url);
  return [
    backLink(backHref),
    h(
      'header',
      { class: 'article__header' },
      h(
        'p',
        { class: 'kicker' },
        h('span', { class: 'kicker__section' }, article.section),
        h('span', { class: 'kicker__sep', 'aria-hidden': 'true' }, '·'),
        h('time', { datetime: article.publishedAt }, formatDate(article.publishedAt)),
      ),
      h('h1', { class: 'article__title', id: 'article-title', tabindex: -1 }, article.title),
      article.summary && h('p', { class: 'article__standfirst' }, article.summary),
      article.authors.length > 0 && renderByline(article.authors, state),
    ),
    h('div', { class: 'article__body' }, ...paragraphs(article.body).map((p) => h('p', {}, p))),
    h(
      'footer',
      { class: 'article__footer' },
      article.tags.length > 0 && renderTagLinks(article.tags, state),
      source &&
        h(
          'p',
          {},
          h(
            'a',
            { href: source, rel: 'noopener noreferrer', class: 'article__source' },
            `Read on ${new URL(source).hostname}`,
          ),
        ),
    ),
    renderRelatedSection(),
  ];
}

/** While the article loads. */
export function renderArticleLoading(backHref: string): HTMLElement[] {
  return [
    backLink(backHref),
    h(
      'div',
      { class: 'notice notice--loading' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      'Loading the article…',
    ),
  ];
}

/** The article could not be shown (404: it was removed). */
export function renderArticleError(error: unknown, backHref: string): HTMLElement[] {
  const gone = error instanceof ApiError && error.status === 404;
  const problem = error instanceof ApiError ? error.problem : {};
  return [
    backLink(backHref),
    h(
      'div',
      { class: 'notice notice--error', role: 'alert' },
      h(
        'h1',
        { class: 'notice__title', id: 'article-title', tabindex: -1 },
        gone ? 'This article is no longer available' : (problem.title ?? 'The article could not be loaded'),
      ),
      !gone && problem.detail && h('p', {}, problem.detail),
      !gone && h('button', { type: 'button', class: 'button', 'data-action': 'retry' }, 'Try again'),
    ),
  ];
}

/** Paragraphs of a plain-text body. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The URL when it is http(s), so a stored `javascript:` link can never become clickable. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
