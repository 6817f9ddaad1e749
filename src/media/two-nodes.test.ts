/**
 * Two nodes on one store, each with its own disk: a picture uploaded through one is served
 * by the other, which builds the derivative from the original in the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MediaJson } from '../domain/media.js';
import { buildApp } from '../server/app.js';
import { openStore, type Store } from '../store/store.js';
import { smallImage } from '../test/images.js';
import { filesUnder, upload } from '../test/media.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('media across nodes', (kind) => {
  let a: TestServer;
  let b: { app: FastifyInstance; store: Store; url: string; dataDir: string };
  beforeAll(async () => {
    a = await startTestServer(kind);
    const dataDir = mkdtempSync(join(tmpdir(), 'livepage-node-b-'));
    // Node B: the same database (PostgreSQL, or the same SQLite file), its own data directory.
    const store = await openStore({ dataDir: a.test.dataDir, databaseUrl: a.test.databaseUrl });
    const app = await buildApp({ store, logger: false, config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl: a.test.databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    b = { app, store, dataDir, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.store.close();
    if (b) rmSync(b.dataDir, { recursive: true, force: true });
    await a?.close();
  });

  it('uploaded to node A, served by node B from the stored original', async () => {
    const res = await upload(a, await smallImage('jpeg', 1400, 700));
    expect(res.status).toBe(201);
    const m = (await res.json()) as MediaJson;
    expect(filesUnder(join(b.dataDir, 'media'))).toEqual([]);
    for (const entry of [m.srcset.avif[1]!, m.srcset.jpeg[3]!]) {
      const path = new URL(entry.src).pathname;
      const res = await fetch(b.url + path);
      expect(res.status, path).toBe(200);
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(entry.width);
    }
    expect(filesUnder(join(b.dataDir, 'media', 'cache')).map((f) => basename(f)).sort()).toEqual(['1280.jpg', '640.avif']);
  });
});
