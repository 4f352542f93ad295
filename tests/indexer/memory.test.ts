import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSources } from '../../src/ingest/index-articles.js';
import { MemoryArticleIndex } from './memory-index.js';

const TARGET_BYTES = 200 * 1024 * 1024;
const MAX_HEAP_GROWTH = 100 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'indexer-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A collectable heap makes the baseline honest; without --expose-gc, borrow gc from V8.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Writes ~`bytes` of NDJSON articles (about 7 KB each) without holding them in memory. */
async function generate(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  const paragraph = 'The harbour authority said the new cranes would cut waiting times for container ships. '.repeat(
    20,
  );
  // One serialised body reused for every line: the generator must not dominate the test's time.
  const body = JSON.stringify([paragraph, paragraph, paragraph, paragraph].join('\n\n'));
  let written = 0;
  let count = 0;
  while (written < bytes) {
    const line = `{"id":"m-${count}","title":"Article ${count}","body":${body},"section":"Business","tags":["ports"],"publishedAt":"2024-01-02T03:04:05Z"}\n`;
    count += 1;
    written += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

describe('indexSources memory', () => {
  it('when a 200 MB NDJSON file is indexed, then heap growth stays under 100 MB', async () => {
    const file = join(dir, 'big.ndjson');
    const articles = await generate(file, TARGET_BYTES);
    expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET_BYTES);

    // What the run retains, measured after a collection every 32 MB read: the garbage of
    // already indexed batches says nothing about memory staying flat.
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let sampledAt = 0;
    const sample = () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const index = new MemoryArticleIndex({ keepArticles: false });
    const report = await indexSources([file], index, {
      batchSize: 500,
      onProgress: ({ bytesRead }) => {
        if (bytesRead - sampledAt < 32 * 1024 * 1024) return;
        sampledAt = bytesRead;
        sample();
      },
    });
    sample();

    expect(report).toMatchObject({ read: articles, indexed: articles, invalidCount: 0 });
    expect(sampledAt).toBeGreaterThan(TARGET_BYTES * 0.8);
    expect(peak - baseline).toBeLessThan(MAX_HEAP_GROWTH);
  }, 60_000);
});
