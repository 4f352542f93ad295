/**
 * Child process for one peer library: index the corpus, then time the mix. Run by the
 * runner as `node --max-old-space-size=16384 --expose-gc --import tsx bench/peers/peer-process.ts <peer> <job.json> <out.json>`.
 * It rewrites its output after indexing and after every few queries, so a run the runner
 * kills for overrunning still reports what it got.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { emptyOutput, ownPeakRssBytes, ProbeJobSchema, readJson, timeQueries, writeJson } from '../probes/probe-io.js';
import { createMiniSearchPeer } from './minisearch-peer.js';
import { createOramaPeer } from './orama-peer.js';
import { PEERS, toPeerDoc, toPeerQuery, type PeerDoc, type PeerEngine, type PeerName } from './peer-engine.js';

const BATCH = 1_000;

async function main(): Promise<void> {
  const [name, jobPath, outPath] = process.argv.slice(2);
  if (!PEERS.includes(name as PeerName) || !jobPath || !outPath) {
    throw new Error(`usage: peer-process.ts <${PEERS.join('|')}> <job.json> <out.json>`);
  }
  const job = readJson(ProbeJobSchema, jobPath);
  const out = emptyOutput(job);
  const peer: PeerEngine = name === 'orama' ? createOramaPeer(job) : createMiniSearchPeer();

  const started = performance.now();
  let batch: PeerDoc[] = [];
  let indexed = 0;
  const lines = createInterface({ input: createReadStream(job.ndjsonPath, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push(toPeerDoc(indexed++, JSON.parse(line) as Record<string, unknown>));
    if (batch.length === BATCH) {
      await peer.add(batch);
      batch = [];
      // Progress on disk: if the runner's time bound kills us, it still knows how far we got.
      if (indexed % (BATCH * 10) === 0) {
        Object.assign(out.meta, {
          indexed,
          indexSeconds: (performance.now() - started) / 1000,
          peakRssBytes: ownPeakRssBytes(),
        });
        out.meta.articlesPerSecond = indexed / (out.meta.indexSeconds as number);
        writeJson(outPath, out);
      }
    }
  }
  if (batch.length > 0) await peer.add(batch);
  const indexSeconds = (performance.now() - started) / 1000;
  global.gc?.();
  const memory = process.memoryUsage();
  Object.assign(out.meta, {
    indexed,
    indexSeconds,
    articlesPerSecond: indexed / indexSeconds,
    heapAfterIndexBytes: memory.heapUsed,
    rssAfterIndexBytes: memory.rss,
    peakRssBytes: ownPeakRssBytes(),
    indexingDone: true,
  });
  writeJson(outPath, out);

  let sinceWrite = 0;
  await timeQueries(
    job,
    out,
    (query) => peer.search(toPeerQuery(query.params)),
    () => {
      if (sinceWrite++ % 10 === 0) {
        out.meta.peakRssBytes = ownPeakRssBytes();
        writeJson(outPath, out);
      }
    },
  );
  out.meta.peakRssBytes = ownPeakRssBytes();
  out.meta.queriesDone = true;
  writeJson(outPath, out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
