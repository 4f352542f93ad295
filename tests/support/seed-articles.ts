import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleInputSchema, type Article } from '../../src/articles/article.schema.js';

const SEED = new URL('../../seed/', import.meta.url).pathname;

/** The NDJSON part of the seed corpus, validated (the raw pages need the indexer). */
export function loadSeedArticles(): Article[] {
  return readdirSync(SEED)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(SEED, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ArticleInputSchema.parse(JSON.parse(line))),
    );
}
