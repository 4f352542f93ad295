import { endOfUtcDay, parseIsoDate } from '../../src/articles/dates.js';
import type { ProbeJob } from '../probes/probe-io.js';

/** The peers the benchmark knows, by the name used on the command line and in the table. */
export const PEERS = ['minisearch', 'orama'] as const;
export type PeerName = (typeof PEERS)[number];

/** One corpus article as the peers index it (numeric id and date, the text fields as-is). */
export interface PeerDoc {
  id: number;
  title: string;
  summary: string;
  body: string;
  section: string;
  tags: string[];
  authors: string[];
  publishedAt: number;
}

/** A query as the peers see it: the same URL parameters, decoded once. */
export interface PeerQuery {
  text: string;
  /** The last word completes as a prefix (no trailing space), as in the public contract. */
  lastIsPrefix: boolean;
  section?: string;
  from?: number;
  to?: number;
  facets: string[];
}

/**
 * A library a user would otherwise embed. `search` returns the total hit count, or
 * undefined for a query type the library cannot answer (no facets, no browse).
 */
export interface PeerEngine {
  add(docs: readonly PeerDoc[]): Promise<void> | void;
  search(query: PeerQuery): Promise<number | undefined> | number | undefined;
}

/**
 * URL parameters -> peer query; `to` as a bare date covers the whole day, as in the API.
 * @example toPeerQuery({ q: "alpha be", facets: "" }) -> { text: "alpha be", lastIsPrefix: true, facets: [] }
 */
export function toPeerQuery(params: ProbeJob['measured'][number]['params']): PeerQuery {
  const q = params.q ?? '';
  const query: PeerQuery = {
    text: q.trim(),
    lastIsPrefix: q.length > 0 && !/\s$/u.test(q),
    facets: (params.facets ?? 'section,tags,date').split(',').filter((f) => f.length > 0),
  };
  if (params.section) query.section = params.section;
  if (params.from) query.from = parseIsoDate(params.from);
  if (params.to) {
    const to = parseIsoDate(params.to);
    query.to = to === undefined ? undefined : endOfUtcDay(to);
  }
  return query;
}

/** NDJSON record (our article shape) -> peer document. */
export function toPeerDoc(id: number, record: Record<string, unknown>): PeerDoc {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  const list = (key: string) => (Array.isArray(record[key]) ? (record[key] as unknown[]).map(String) : []);
  return {
    id,
    title: text('title'),
    summary: text('summary'),
    body: text('body'),
    section: text('section'),
    tags: list('tags'),
    authors: list('authors'),
    publishedAt: parseIsoDate(text('publishedAt')) ?? 0,
  };
}
