/**
 * A/B in one process (issue 16): `Int32Array.prototype.filter` against a plain loop (`keep`,
 * src/search/engines/sqlite/id-list.ts) over 640k docs of a 1M index, with the ranker's four
 * kinds of predicate, alternating, 40 rounds; prints the medians.
 *
 *   npx tsx bench/experiments/filter-ab.ts
 */
import { keep } from '../../src/search/engines/sqlite/id-list.js';

const n = 1_000_000;
const docs = Int32Array.from({ length: 640_000 }, (_, i) => Math.floor((i * n) / 640_000));
const scores = new Float64Array(n).map((_, i) => (i % 3 === 0 ? 1 : 0));
const bits = new Uint8Array(n).map((_, i) => (i % 2 === 0 ? 1 : 0));
const predicates = [
  (d: number) => scores[d]! > 0,
  (d: number) => !(scores[d]! > 0),
  (d: number) => bits[d] === 1,
  (d: number) => bits[d] !== 1,
];
const builtin: number[] = [];
const loop: number[] = [];
for (let round = 0; round < 40; round++) {
  for (const test of predicates) {
    let started = performance.now();
    docs.filter(test);
    builtin.push(performance.now() - started);
    started = performance.now();
    keep(docs, test);
    loop.push(performance.now() - started);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  `Int32Array.prototype.filter p50 ${median(builtin).toFixed(2)} ms; keep() p50 ${median(loop).toFixed(2)} ms (640k docs, ${builtin.length} calls each)`,
);
