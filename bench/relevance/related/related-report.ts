import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RELATED_METHOD, type MethodScore, type RelatedReport } from './related-eval.js';

/** What `bench/results/related.json` holds. */
export interface RelatedTable extends RelatedReport {
  generatedAt: string;
  method: typeof RELATED_METHOD;
}

/** The report with its date and method text. */
export function toRelatedTable(report: RelatedReport): RelatedTable {
  return { generatedAt: new Date().toISOString(), method: RELATED_METHOD, ...report };
}

/** The figures as fixed-width text: one row per method, ours first. */
export function formatRelatedTable(table: RelatedReport): string {
  const row = (name: string, s: MethodScore) =>
    `${name.padEnd(34)}${s.precisionAt5.toFixed(3).padStart(8)}${s.standardError.toFixed(3).padStart(8)}${String(s.empty).padStart(7)}`;
  return [
    `Related articles on Reuters-21578, topics held back: ${table.sample.size.toLocaleString('en-US')} sources ` +
      `(seed ${table.sample.seed}) of ${table.withTopic.toLocaleString('en-US')} stories with a topic, ` +
      `${table.stories.toLocaleString('en-US')} indexed`,
    `${'method'.padEnd(34)}${'P@5'.padStart(8)}${'± se'.padStart(8)}${'empty'.padStart(7)}`,
    row('ours: /api/articles/:id/related', table.ours),
    row('reference: classic more-like-this', table.classic),
    row('reference: search by the title', table.title),
    'P@5: a returned story counts when it shares a TOPICS label with the source; se: standard error of the mean.',
  ].join('\n');
}

/** Writes `related.json`, pretty-printed. */
export async function writeRelatedTable(path: string, table: RelatedTable): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(table, null, 2)}\n`);
}
