import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toReutersArticle } from '../../../indexer/reuters/reuters-story.js';
import { ArticleInputSchema } from '../../../src/articles/article.schema.js';

/** The one section every story gets: the topics are held back, and sections are derived from them. */
export const HELD_BACK_SECTION = 'News';

/** A Reuters story as indexed (topics, places, people... held back) and the topics it was labelled with. */
export interface TopicStory {
  id: string;
  title: string;
  /** One NDJSON line of article input: no section of its own, no tags. */
  line: string;
  topics: string[];
}

/**
 * Every Reuters-21578 story the project's converter keeps (`toReutersArticle`), with its
 * TOPICS labels read beside it. The indexed article keeps title, body, date and byline; its
 * section is the same for all and it has no tags, so nothing but the text and the date can
 * tell the engine what a story is about.
 */
export async function loadTopicStories(dir: string): Promise<TopicStory[]> {
  const files = (await readdir(dir)).filter((name) => /^reut2-\d+\.sgm$/.test(name)).sort();
  if (files.length === 0) throw new Error(`no reut2-*.sgm files in ${dir}`);
  const stories: TopicStory[] = [];
  for (const name of files) {
    const text = await readFile(join(dir, name), 'latin1');
    for (const chunk of text.split('</REUTERS>')) {
      const start = chunk.indexOf('<REUTERS');
      if (start === -1) continue;
      const sgml = `${chunk.slice(start)}</REUTERS>`;
      const converted = toReutersArticle(sgml, new Map());
      if (!('article' in converted)) continue;
      const { id, title, body, authors, publishedAt, source } = converted.article;
      const input = { id, title, body, section: HELD_BACK_SECTION, authors, publishedAt, source };
      if (!ArticleInputSchema.safeParse(input).success) continue;
      stories.push({ id, title, line: JSON.stringify(input), topics: topicsOf(sgml) });
    }
  }
  return stories;
}

/**
 * The `<D>` values of a story's TOPICS element.
 * @example topicsOf('<TOPICS><D>cocoa</D><D>coffee</D></TOPICS>') -> ['cocoa', 'coffee']
 */
export function topicsOf(sgml: string): string[] {
  const list = /<TOPICS>([\s\S]*?)<\/TOPICS>/.exec(sgml)?.[1] ?? '';
  return Array.from(list.matchAll(/<D>([^<]*)<\/D>/g), (m) => (m[1] ?? '').trim()).filter((t) => t !== '');
}
