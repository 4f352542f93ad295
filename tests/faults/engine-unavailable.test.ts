import type { Express } from 'express';
import { closeSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import { withSeedEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

/**
 * Faults of the embedded engine's database file, through HTTP. The SQLite adapter turns
 * failures into EngineUnavailableError (503); these tests check the app around it: fast 503s,
 * /ready saying so, and recovery without a restart.
 */
let app: Express;
let path: string;
withSeedEngine((created) => {
  path = created.path;
  app = createTestApp(created.engine);
});

/** Writes `bytes` back into the same file (same inode), as restoring it from a backup in place would. */
function restore(bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
}

describe('engine unavailable', () => {
  it('when the database file loses its content, then 503 problem+json within 2 s, /ready 503, and recovery once it is back', async () => {
    await request(app).get('/api/search?q=korea').expect(200);
    const bytes = readFileSync(path);
    truncateSync(path, 0);
    try {
      for (const url of ['/api/search?q=korea', '/api/suggest?q=kor', '/api/facets/tags', '/api/articles/anything']) {
        const started = performance.now();
        const res = await request(app)
          .get(url)
          .expect(503)
          .expect('content-type', /problem\+json/);
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(res.body).toMatchObject({ status: 503, code: 'engine_unavailable' });
        expect(res.headers['retry-after']).toBeDefined();
        expect(JSON.stringify(res.body)).not.toMatch(/sqlite|malformed|disk image/i);
      }
      expect((await request(app).get('/ready').expect(503)).body.code).toBe('engine_unavailable');
      await request(app).get('/health').expect(200);
    } finally {
      restore(bytes);
    }
    await request(app).get('/ready').expect(200);
    const res = await request(app).get('/api/search?q=korea').expect(200);
    expect(res.body.totalHits).toBeGreaterThan(0);
  });

  it('when a writer holds the database lock for a whole rebuild, then reads still answer from the last committed index', async () => {
    // WAL readers never wait for a writer; an exclusive lock cannot even be taken while the engine is attached.
    const index = await openSqliteIndex({ path, logger: silentLogger() });
    await index.begin({ rebuild: true });
    try {
      const started = performance.now();
      const res = await request(app).get('/api/search?q=korea').expect(200);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(res.body.totalHits).toBeGreaterThan(0);
      await request(app).get('/ready').expect(200);
    } finally {
      await index.close();
    }
  });

  it('when the file is unlinked while the engine holds it open, then it keeps serving (POSIX keeps the inode), so that is not an outage', async () => {
    const bytes = readFileSync(path);
    rmSync(path);
    try {
      await request(app).get('/api/search?q=korea').expect(200);
    } finally {
      // A copy at the path again, for the cleanup; the engine keeps reading the unlinked inode.
      writeFileSync(path, bytes);
    }
  });
});
