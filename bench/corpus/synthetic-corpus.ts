import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../../src/articles/article.schema.js';
import { aliasSampler, mulberry32, randomInt, zipfWeights, type Random } from '../lib/random.js';
import {
  evenSample,
  readCorpusStats,
  toCounted,
  writeCorpusStats,
  type Corpus,
  type CorpusStats,
} from './corpus-stats.js';
import { buildVocabulary, capitalize, type Vocabulary } from './vocabulary.js';

/** Size and shape of a synthetic corpus; the cache key is all three. */
export interface SyntheticOptions {
  n: number;
  seed: number;
  /** Mean body length in words (350 by default; the 1M runs use about 150). */
  bodyWords: number;
}

const DATE_FROM = Date.UTC(2015, 0, 1);
const DATE_TO = Date.UTC(2025, 0, 1); // exclusive: ten whole years
const TITLE_SAMPLE = 400;

/**
 * A deterministic article source: article `i` depends only on the seed and the articles
 * before it. Also counts what the query picker needs (document frequency per word rank).
 */
export function createSyntheticSource(options: SyntheticOptions) {
  const vocabulary = buildVocabulary(options.seed);
  const random = mulberry32(options.seed);
  const nextWord = aliasSampler(zipfWeights(vocabulary.words.length), random);
  const nextTag = aliasSampler(zipfWeights(vocabulary.tags.length), random);
  const nextSection = aliasSampler(zipfWeights(vocabulary.sections.length), random);
  const df = new Uint32Array(vocabulary.words.length);
  const lastDoc = new Int32Array(vocabulary.words.length).fill(-1);
  const counts = {
    sections: new Map<string, number>(),
    tags: new Map<string, number>(),
    authors: new Map<string, number>(),
  };
  const titles: string[] = [];

  const words = (doc: number, count: number): string[] => {
    const out = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      const rank = nextWord();
      if (lastDoc[rank] !== doc) {
        lastDoc[rank] = doc;
        df[rank]!++;
      }
      out[k] = vocabulary.words[rank]!;
    }
    return out;
  };

  const article = (i: number): ArticleInput => {
    const title = capitalize(words(i, randomInt(random, 6, 14)).join(' '));
    const summary = `${capitalize(words(i, randomInt(random, 25, 35)).join(' '))}.`;
    const bodyCount = Math.max(10, Math.round(options.bodyWords * (0.85 + random() * 0.3)));
    const body = toProse(random, words(i, bodyCount));
    const section = vocabulary.sections[nextSection()]!;
    const tags = distinct(randomInt(random, 0, 6), () => vocabulary.tags[nextTag()]!);
    const authors = distinct(
      random() < 0.85 ? 1 : 2,
      () => vocabulary.authors[randomInt(random, 0, vocabulary.authors.length - 1)]!,
    );
    const publishedAt = new Date(
      DATE_FROM + Math.floor((random() * (DATE_TO - DATE_FROM)) / 1000) * 1000,
    ).toISOString();
    bump(counts.sections, section);
    tags.forEach((t) => bump(counts.tags, t));
    authors.forEach((a) => bump(counts.authors, a));
    titles.push(title);
    const url = `https://bench.example/${options.seed}/${i}`;
    return {
      url,
      title,
      summary,
      body,
      section,
      tags,
      authors,
      publishedAt: publishedAt.replace('.000Z', 'Z'),
      language: 'en',
    };
  };

  const stats = (): CorpusStats => ({
    corpus: 'synthetic',
    n: options.n,
    seed: options.seed,
    bodyWords: options.bodyWords,
    words: vocabulary.words.map((w, rank) => [w, df[rank]!] as [string, number]),
    sections: toCounted(counts.sections),
    tags: toCounted(counts.tags),
    authors: toCounted(counts.authors),
    minDate: new Date(DATE_FROM).toISOString(),
    maxDate: new Date(DATE_TO - 1000).toISOString(),
    titles: evenSample(titles, TITLE_SAMPLE),
  });

  return { vocabulary: vocabulary as Vocabulary, article, stats };
}

/** Words -> sentences of 6-18 words and paragraphs of about 5 sentences. */
function toProse(random: Random, words: string[]): string {
  const parts: string[] = [];
  let i = 0;
  let sentences = 0;
  while (i < words.length) {
    const length = randomInt(random, 6, 18);
    const sentence = words.slice(i, i + length);
    i += length;
    parts.push(`${capitalize(sentence.join(' '))}.`, ++sentences % 5 === 0 ? '\n\n' : ' ');
  }
  return parts.join('').trim();
}

function distinct(count: number, draw: () => string): string[] {
  const out = new Set<string>();
  // Bounded: a heavy Zipf head can repeat the same value many times in a row.
  for (let tries = 0; out.size < count && tries < count * 20; tries++) out.add(draw());
  return [...out];
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** `synthetic-100000-s42-b350`: the cache key of a synthetic corpus. */
export function syntheticName(options: SyntheticOptions): string {
  return `synthetic-${options.n}-s${options.seed}-b${options.bodyWords}`;
}

/**
 * Writes (or reuses) `<dir>/<name>.ndjson` and `<name>.stats.json`. The stats file is
 * written last, so its presence marks a complete corpus.
 */
export function ensureSyntheticCorpus(dir: string, options: SyntheticOptions, log: (line: string) => void): Corpus {
  const name = syntheticName(options);
  const ndjsonPath = join(dir, `${name}.ndjson`);
  const statsPath = join(dir, `${name}.stats.json`);
  if (existsSync(ndjsonPath) && existsSync(statsPath)) return { name, ndjsonPath, stats: readCorpusStats(statsPath) };

  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const source = createSyntheticSource(options);
  const fd = openSync(`${ndjsonPath}.tmp`, 'w');
  try {
    let chunk: string[] = [];
    for (let i = 0; i < options.n; i++) {
      chunk.push(JSON.stringify(source.article(i)));
      if (chunk.length === 1000 || i === options.n - 1) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(`${ndjsonPath}.tmp`, ndjsonPath);
  const stats = source.stats();
  writeCorpusStats(statsPath, stats);
  log(`generated ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { name, ndjsonPath, stats };
}
