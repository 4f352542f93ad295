import { PEERS } from '../peers/peer-engine.js';
import { engineLabel, renderEnginesSection } from './engines-table.js';
import type { BenchResults } from './results.js';
import { ms, renderChecks, renderIndexTable, renderLatencyTable, renderLegend, renderTargets } from './table.js';

/**
 * The printed report: the embedded engine's latency table, indexing/memory table, targets,
 * hit checks; then, with more than one engine, the side-by-side tables; then the legend.
 */
export function renderReport(r: BenchResults): string {
  const peers = PEERS.filter((p) => r.peers[p] !== undefined);
  const facets = r.latency.find((l) => l.key === 'facets-large');
  const share = facets?.hits
    ? `${(facets.hits.share * 100).toFixed(1)} % mean, ${((facets.hits.min / r.corpus.n) * 100).toFixed(1)} % min`
    : '-';
  const sqlite = r.engines.find((e) => e.engine === 'sqlite');
  const label = sqlite ? engineLabel(sqlite) : 'sqlite';
  const sections = [
    `Benchmark: ${r.corpus.name} (${r.corpus.n.toLocaleString('en-US')} articles, ${r.corpus.ndjsonMiB.toFixed(0)} MiB NDJSON), ` +
      `${r.options.runs} run(s), ${r.options.perType} queries per type; ${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.totalMemoryGiB} GiB, node ${r.machine.node}, ` +
      `1-min load average during the run ${r.machine.loadAverage.mean.toFixed(1)} mean, ${r.machine.loadAverage.max.toFixed(1)} max`,
    '',
    `Latency (ms), ${label} (embedded): HTTP, in-process, floor; peers in-process`,
    renderLatencyTable(r.latency, r.suggest, peers, r.related),
    '',
    `Indexing and memory, ${label} and the peers`,
    renderIndexTable(r),
    ...[
      r.indexing
        ? `indexer peak RSS by ${r.indexing.peakRssMethod}; articles in the index: ${r.indexing.articleCount ?? '-'}; CLI said: ${r.indexing.summary}`
        : '',
      r.indexing?.insertFloorPerSecond
        ? `bare FTS5 insert floor over the same corpus (engine tokenizer, prefix '2 3'): ${r.indexing.insertFloorPerSecond.toFixed(0)} articles/s`
        : '',
      r.api
        ? `API start until /ready: ${ms(r.api.startMs)} ms; engine open in-process: ${ms(r.inProcessOpenMs)} ms; failed requests: ${r.api.errors} over HTTP, ${r.api.inProcessErrors} in-process`
        : '',
      r.api?.processes
        ? `API processes: ${r.api.processes} (primary + HTTP workers); RSS after the run ${(r.api.rssEachAfterRunMiB ?? []).map((m) => m.toFixed(0)).join(' + ')} MiB`
        : '',
      r.latency.find((l) => l.key === 'mix')?.httpCostP50 !== undefined
        ? `HTTP cost p50 (each search's latency - its engine time inside the server, Server-Timing): ${ms(r.latency.find((l) => l.key === 'mix')?.httpCostP50)} ms; bare /health round trip p50 ${ms(r.healthP50)} ms`
        : '',
      r.throughput
        ? `Throughput: ${r.throughput.requestsPerSecond.toFixed(0)} searches/s at ${r.throughput.connections} connections for ${r.throughput.durationSeconds} s ` +
          `(median of ${r.throughput.runs}; latency under load p50 ${r.throughput.latencyP50Ms} ms, p99 ${r.throughput.latencyP99Ms} ms; non-2xx ${r.throughput.non2xx}, errors ${r.throughput.errors}, timeouts ${r.throughput.timeouts}; ` +
          `CPU: API ${r.throughput.apiCores?.toFixed(2) ?? '-'} cores, load generator ${r.throughput.clientCores?.toFixed(2) ?? '-'})`
        : '',
      r.throughputSingle
        ? `Throughput at 1 connection: ${r.throughputSingle.requestsPerSecond.toFixed(0)} searches/s (same server, just before); 16 / 1 = ${r.throughputScaling?.toFixed(2) ?? '-'}x`
        : '',
    ].filter((line) => line !== ''),
    ...peers.map((p) => {
      const s = r.peers[p]!;
      return `${p}: ${s.status}, time bound ${s.timeBoundSeconds} s${s.note ? `, ${s.note}` : ''}`;
    }),
    '',
    'Targets',
    renderTargets(r.targets),
    '',
    `Hit counts (large-match facet query: ${share} of the corpus; needs >= 30 %)`,
    renderChecks(r.latency, peers),
    '',
    ...withBlankLine(renderEnginesSection(r)),
    renderLegend(r.options.runs),
  ];
  return sections.join('\n');
}

function withBlankLine(lines: string[]): string[] {
  return lines.length > 0 ? [...lines, ''] : [];
}
