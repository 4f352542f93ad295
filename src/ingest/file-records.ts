import { basename, extname, relative, resolve, sep } from 'node:path';
import { pathArticleId } from '../articles/article-id.js';
import { readSource } from './sources/read-source.js';
import { fileError, type SourceRecord } from './sources/source-record.js';
import type { IndexWarning } from './index-report.schema.js';
import type { PlannedFile } from './sources/walk-sources.js';

/** Formats that hold one article per file: without an id or URL, the article is named by its path. */
const ONE_ARTICLE_PER_FILE = new Set(['.txt', '.html', '.htm']);
/** Formats whose times are written without a zone (raw pages). */
const ZONELESS = new Set(['.txt']);

/** The zones a run knows: the run's own (`--timezone`) and the fallback (RAW_PAGE_TIMEZONE). */
export interface RunZones {
  run?: string | undefined;
  fallback: string;
}

/** One file as the run reads it. */
export interface FileReading {
  records: AsyncIterable<SourceRecord>;
  /** Set when the file's times are read in the fallback zone because nothing else named one. */
  inFallbackZone: boolean;
}

/**
 * Reads a planned file in its zone (its folder's `source.json`, else the run's, else the
 * fallback) and gives one-article files their path id.
 */
export function readPlannedFile(file: PlannedFile, zones: RunZones, onBytes: (bytes: number) => void): FileReading {
  const error = file.error;
  if (error !== undefined) {
    return {
      records: (async function* () {
        yield fileError(file.path, error);
      })(),
      inFallbackZone: false,
    };
  }
  const timezone = file.timezone ?? zones.run ?? zones.fallback;
  const extension = extname(file.path).toLowerCase();
  const records = readSource(file.path, { timezone, onBytes });
  return {
    records: ONE_ARTICLE_PER_FILE.has(extension) ? withPathIds(records, pathKey(file)) : records,
    inFallbackZone: ZONELESS.has(extension) && file.timezone === undefined && zones.run === undefined,
  };
}

/**
 * The path a one-article file is named by: its source folder's name, then the path below it,
 * `/`-separated on every system. The folder's name keeps `siteA/x.txt` and `siteB/x.txt` of
 * one run apart.
 * @example pathKey({ path: "seed/pages/a.txt", idRoot: "/repo/seed/pages" }) -> "pages/a.txt" (run from /repo)
 */
export function pathKey(file: Pick<PlannedFile, 'path' | 'idRoot'>): string {
  const below = relative(file.idRoot, resolve(file.path)).split(sep).join('/');
  const folder = basename(file.idRoot);
  return folder === '' ? below : `${folder}/${below}`;
}

async function* withPathIds(records: AsyncIterable<SourceRecord>, key: string): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    yield record.kind === 'value' ? { ...record, value: withPathId(record.value, key) } : record;
  }
}

/**
 * Gives a page's fields the id of its path, unless the page has an id or a URL of its own.
 * @example withPathId({ title: "T" }, "a.txt") -> { id: pathArticleId("a.txt"), title: "T" }
 */
export function withPathId(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const fields = value as Record<string, unknown>;
  if (isGiven(fields.id) || isGiven(fields.url)) return value;
  return { id: pathArticleId(key), ...fields };
}

const isGiven = (field: unknown) => field !== undefined && field !== null && field !== '';

/** The one warning about raw pages read in the fallback zone: how many, the first one's folder, what to do. */
export function fallbackZoneWarning({ count, folder }: { count: number; folder: string }, zone: string): IndexWarning {
  const pages = count === 1 ? '1 raw page' : `${count.toLocaleString('en-US')} raw pages`;
  return {
    source: folder,
    message:
      `${pages} read in ${zone}, the default zone (RAW_PAGE_TIMEZONE): if the pages' times are another zone's, ` +
      `pass --timezone ZONE or put a source.json with { "timezone": "ZONE" } beside the pages`,
  };
}
