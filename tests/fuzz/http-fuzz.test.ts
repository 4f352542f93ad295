import fc from 'fast-check';
import { Agent, createServer, type Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from '../../src/http/middleware/client-error.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

/**
 * Hostile requests against the public read endpoints, over the seed corpus. Whatever comes in,
 * only 200, 400, 404 or 431 go out (431 when the URL is over Node's 16 KiB header limit), every
 * 4xx is problem+json, and nothing takes longer than the request timeout.
 *
 * FUZZ_SEED=<number> replays a run; FUZZ_SEED=random draws a new seed (printed either way).
 * FUZZ_RUNS sets the number of requests per endpoint (default 1,250 x 4 endpoints = 5,000).
 */
const DEFAULT_SEED = 20_251_128;
const seed = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${process.env.FUZZ_SEED}`);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_250);
const TIMEOUT_MS = 5_000;
const ALLOWED = [200, 400, 404, 431];

let server: Server;
/** Reused connections: the fuzz measures the service, not TCP set-up. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** Answers by status, printed at the end so a run shows it reached the engine and not only the validator. */
const tally = new Map<number, number>();
let cleanup: () => Promise<void>;

beforeAll(async () => {
  console.log(`http-fuzz: seed ${seed}, ${RUNS} requests per endpoint (replay with FUZZ_SEED=${seed})`);
  const created = await createSqliteEngine(loadSeedArticles());
  cleanup = created.cleanup;
  server = createServer(createTestApp(created.engine, { REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) }));
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  console.log(
    `http-fuzz: answers by status ${JSON.stringify(Object.fromEntries([...tally].sort(([a], [b]) => a - b)))}`,
  );
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  await cleanup();
});

/**
 * Percent-encodes every byte outside the unreserved set, writing lone surrogates as the bytes
 * a careless client would send (WTF-8: "\uD800" -> "%ED%A0%80"), which encodeURIComponent refuses.
 */
function encodeHostile(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    for (const byte of utf8Bytes(cp)) {
      const char = String.fromCharCode(byte);
      out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** Text that means something to FTS5, SQL, filters or paths, plus every kind of Unicode trouble. */
const HOSTILE_TEXT = [
  'NEAR(',
  'NEAR(a b, 2)',
  '*',
  '"',
  '""',
  '"unclosed',
  'AND',
  'OR',
  'NOT',
  'a AND b',
  'title:x',
  '{title}:x',
  '^start',
  '(',
  ')',
  '(a OR b)',
  '-',
  '--',
  '-"',
  "' OR 1=1 --",
  '; DROP TABLE articles; --',
  "x' UNION SELECT * FROM sqlite_master --",
  '\\',
  '%',
  '%%',
  '$where',
  '../../etc/passwd',
  '..\\..\\windows',
  '\u0000',
  '\u0001\u0002\u001f',
  '\u007f',
  '\r\n',
  '\t',
  '\u202e\u202dRTL',
  'שלום עולם',
  'مرحبا',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0360\u0338\u0336',
  '😀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\u{1D11E}',
  '\u{10FFFF}',
  '\uFEFF',
  '\u200B',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uD800',
  'korea',
  'government',
  'cyber secur',
  'goverment',
  '2024-01-01',
  '2024-13-45',
  '0',
  '-1',
  '1e9',
  '999999999999',
  'NaN',
  'true',
  'section,tags',
];
/** Sent as they are, unencoded: broken percent-encoding and already-encoded traversal. */
const RAW_FRAGMENTS = [
  '%',
  '%G1',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  'a+b',
  '%2B',
  '%25',
  '%u0041',
];
const SEARCH_NAMES = [
  'q',
  'section',
  'tag',
  'author',
  'from',
  'to',
  'sort',
  'page',
  'pageSize',
  'facets',
  'facetLimit',
  'dateInterval',
  'highlight',
];
const SUGGEST_NAMES = ['q', 'limit', 'section', 'tag', 'author', 'from', 'to'];
const FACET_NAMES = ['q', 'query', 'limit', 'section', 'tag', 'author', 'from', 'to'];
const HOSTILE_NAMES = [
  'q[]',
  'q[a]',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '',
  'Q',
  'q ',
  'page[0]',
  '\u0000',
  '😀',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        { maxLength: 4 },
      )
      .map((a) => a.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE_TEXT), { minLength: 2, maxLength: 8 }).map((a) => a.join(' ')),
  },
  { weight: 1, arbitrary: fc.constantFrom(600, 5_000, 100_000).map((n) => 'a'.repeat(n)) },
);
/** One encoded or raw piece of a URL. */
const urlPiece = fc.oneof(
  { weight: 5, arbitrary: text.map(encodeHostile) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_FRAGMENTS) },
);
const queryString = (names: readonly string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...names).map(encodeHostile) },
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
        ),
        urlPiece,
      ),
      {
        maxLength: 6,
      },
    )
    .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`));

/** `?q=<hostile>` alone: most of these pass validation and reach the engine's query parser. */
const qOnly = urlPiece.map((value) => `?q=${value}`);
const endpoints = {
  '/api/search': fc.oneof(queryString(SEARCH_NAMES), qOnly).map((qs) => `/api/search${qs}`),
  '/api/suggest': fc.oneof(queryString(SUGGEST_NAMES), qOnly).map((qs) => `/api/suggest${qs}`),
  '/api/facets/:facet': fc
    .tuple(fc.oneof(fc.constantFrom('tags', 'section', 'authors', 'date', 'TAGS'), urlPiece), queryString(FACET_NAMES))
    .map(([facet, qs]) => `/api/facets/${facet}${qs}`),
  '/api/articles/:id': fc
    .oneof(fc.constantFrom('u-cuDa74of56jcKaKA1lgUXG', 'nope', 'a'.repeat(128), 'a'.repeat(129)), urlPiece)
    .map((id) => `/api/articles/${id}`),
};

/** Sends one URL and checks the one rule every answer must keep. */
async function expectWellBehaved(url: string): Promise<void> {
  const started = performance.now();
  const res = await request(server)
    .get(url)
    .agent(agent)
    .timeout({ response: TIMEOUT_MS + 1_000 });
  tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
  const context = `GET ${url.length > 200 ? `${url.slice(0, 200)}… (${url.length} chars)` : url} -> ${res.status}`;
  expect(ALLOWED, context).toContain(res.status);
  expect(performance.now() - started, context).toBeLessThan(TIMEOUT_MS + 1_000);
  if (res.status >= 400) {
    expect(res.headers['content-type'], context).toMatch(/^application\/problem\+json/);
    expect(res.body, context).toMatchObject({ status: res.status, code: expect.any(String), type: expect.any(String) });
  } else {
    expect(res.headers['content-type'], context).toMatch(/^application\/json/);
  }
}

describe('http fuzz', () => {
  it('when encodeHostile meets a lone surrogate, then it writes the bytes encodeURIComponent refuses', () => {
    expect(encodeHostile('\uD800')).toBe('%ED%A0%80');
    expect(encodeHostile('a é😀')).toBe(encodeURIComponent('a é😀'));
  });

  it.each(Object.keys(endpoints) as (keyof typeof endpoints)[])(
    'when %s gets hostile input, then only 200/400/404/431 come back, 4xx as problem+json',
    async (name) => {
      await fc.assert(fc.asyncProperty(endpoints[name], expectWellBehaved), {
        seed,
        numRuns: RUNS,
        endOnFailure: true,
      });
    },
    120_000,
  );

  it('when known nasty requests are sent, then they behave too', async () => {
    for (const url of [
      '/api/search?q=a&q=b',
      '/api/search?q[]=x',
      '/api/search?q=%ED%A0%80',
      '/api/search?q=NEAR(a%20b',
      '/api/search?q=%22%22%22',
      '/api/search?facets=section&facets=tags',
      '/api/suggest?q=%00%00',
      '/api/facets/..%2F..%2Fetc%2Fpasswd',
      '/api/articles/..%2F..%2Fetc%2Fpasswd',
      '/api/articles/%ED%A0%80',
      '/api/articles/%',
      `/api/search?q=${'a'.repeat(100_000)}`,
    ]) {
      await expectWellBehaved(url);
    }
  });
});
