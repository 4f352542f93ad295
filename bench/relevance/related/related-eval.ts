import { z } from 'zod';
import { mulberry32, randomInt } from '../../lib/random.js';
import { serveArticleLines } from '../api-ranker.js';
import { openClassicMlt } from './classic-mlt.js';
import { loadTopicStories, type TopicStory } from './reuters-topics.js';

/** Related articles judged per source: the top 5, as a page would show them. */
export const RELATED_K = 5;
/** Default sample: source stories with a topic, drawn once with a fixed seed. */
export const RELATED_SAMPLE = { size: 1_000, seed: 17 } as const;

/** How the related figures were made; printed and stored with them. */
export const RELATED_METHOD = {
  corpus:
    'Reuters-21578 (../shared), every story the converter keeps, indexed through indexSources into a fresh embedded index ' +
    'with its topic labels held back: one section for all, no tags (title, body, date and byline kept).',
  sample: 'Source stories with at least one TOPICS label, shuffled with mulberry32(seed), the first `size` taken.',
  judgement:
    'A returned story counts when it shares a TOPICS label with the source. precision@5 = counted / 5 (a short list is not rewarded).',
  ours: 'GET /api/articles/:id/related?limit=5 of createApp on 127.0.0.1.',
  title:
    'Search by the title: GET /api/search?q=<title + space>&pageSize=6 (default ranking), the source dropped, first 5.',
  classic:
    'Lucene MoreLikeThis defaults (minTermFreq 2, minDocFreq 5, maxQueryTerms 25, tf x idf with 1 + ln(N/(df+1)), no boost), NLTK stop words, OR query ranked by FTS5 bm25() over title + body of the same stories.',
} as const;

/** Mean precision@5 of one method over the sample, with its standard error. */
export interface MethodScore {
  precisionAt5: number;
  standardError: number;
  /** Sources for which the method returned nothing. */
  empty: number;
}

/** What `npm run eval` prints and stores for related articles. */
export interface RelatedReport {
  stories: number;
  withTopic: number;
  sample: { size: number; seed: number };
  ours: MethodScore;
  title: MethodScore;
  classic: MethodScore;
}

const RelatedAnswerSchema = z.object({ hits: z.array(z.object({ id: z.string() })) });
const SearchAnswerSchema = z.object({ hits: z.array(z.object({ id: z.string() })) });

/** Loads Reuters, serves it with topics held back, and scores the three methods over one sample. */
export async function evaluateRelated(
  reutersDir: string,
  sample: { size: number; seed: number } = RELATED_SAMPLE,
): Promise<RelatedReport> {
  const stories = await loadTopicStories(reutersDir);
  const byId = new Map(stories.map((s) => [s.id, s]));
  const sources = drawSample(stories, sample);
  const api = await serveArticleLines(stories.map((s) => s.line));
  const classic = openClassicMlt(
    stories.map((s) => ({ id: s.id, title: s.title, body: (JSON.parse(s.line) as { body: string }).body })),
  );
  const lists = { ours: [] as string[][], title: [] as string[][], classic: [] as string[][] };
  try {
    for (const source of sources) {
      lists.ours.push(
        await getIds(`${api.base}/api/articles/${source.id}/related?limit=${RELATED_K}`, RelatedAnswerSchema),
      );
      const q = `${source.title.replace(/["]/g, ' ').replace(/(^|\s)-+/g, '$1')} `;
      const found = await getIds(
        `${api.base}/api/search?${new URLSearchParams({ q, pageSize: String(RELATED_K + 1) })}`,
        SearchAnswerSchema,
      );
      lists.title.push(found.filter((id) => id !== source.id).slice(0, RELATED_K));
      lists.classic.push(classic.related(source.id, RELATED_K));
    }
  } finally {
    classic.close();
    await api.close();
  }
  const score = (ranked: string[][]) => scoreMethod(sources, ranked, byId);
  return {
    stories: stories.length,
    withTopic: stories.filter((s) => s.topics.length > 0).length,
    sample,
    ours: score(lists.ours),
    title: score(lists.title),
    classic: score(lists.classic),
  };
}

/** The seeded sample of source stories that have a topic (same seed, same stories). */
export function drawSample(
  stories: readonly TopicStory[],
  { size, seed }: { size: number; seed: number },
): TopicStory[] {
  const pool = stories.filter((s) => s.topics.length > 0);
  const random = mulberry32(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size);
}

/** precision@5 per source, averaged, with the standard error of that mean. */
export function scoreMethod(
  sources: readonly TopicStory[],
  ranked: readonly string[][],
  byId: ReadonlyMap<string, TopicStory>,
): MethodScore {
  const values = sources.map((source, i) => {
    const topics = new Set(source.topics);
    const top = [...new Set(ranked[i] ?? [])].filter((id) => id !== source.id).slice(0, RELATED_K);
    return top.filter((id) => byId.get(id)?.topics.some((t) => topics.has(t))).length / RELATED_K;
  });
  const n = Math.max(values.length, 1);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(n - 1, 1);
  return {
    precisionAt5: mean,
    standardError: Math.sqrt(variance / n),
    empty: ranked.filter((r) => r.length === 0).length,
  };
}

async function getIds(url: string, schema: typeof RelatedAnswerSchema): Promise<string[]> {
  const res = await fetch(url);
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return schema.parse(body).hits.map((h) => h.id);
}
