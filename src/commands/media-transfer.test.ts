/** `livepage export`/`import` carry a page's pictures: a restore serves them again at the same URLs. */
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportDocumentSchema } from '../domain/export.js';
import type { MediaJson } from '../domain/media.js';
import { parse } from '../server/validate.js';
import { aPage } from '../test/fixtures.js';
import { phoneJpeg, smallImage } from '../test/images.js';
import { local, mediaFootprint, upload } from '../test/media.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { exportPage } from './exportPage.js';
import { importPage } from './importPage.js';

describeEachStore('export and import with media', (kind) => {
  let from: TestServer;
  let to: TestServer;
  let uploaded: MediaJson[];
  let json: string;
  beforeAll(async () => {
    [from, to] = await Promise.all([startTestServer(kind), startTestServer(kind)]);
    expect((await from.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('flood') })).status).toBe(201);
    uploaded = [];
    for (const photo of [await phoneJpeg(1200, 800), await smallImage('png', 300, 300, true)])
      uploaded.push((await (await upload(from, photo, { query: '?page=flood&alt=Rising%20water' })).json()) as MediaJson);
    await upload(from, await smallImage('gif')); // not the page's: stays behind
    json = JSON.stringify(await exportPage(from.test.store.db, 'flood'));
  });
  afterAll(() => Promise.all([from?.close(), to?.close()]));

  it("an export holds the page's originals; an import restores them at the same URLs", async () => {
    const doc = parse(exportDocumentSchema, JSON.parse(json));
    expect(doc.media?.map((m) => m.hash)).toEqual(uploaded.map((m) => m.hash));
    const result = await importPage(to.ctx, doc, null);
    expect(result.media).toBe(2);
    const list = (await (await to.api('/api/v1/media?page=flood', { as: 'contributor' })).json()) as { media: MediaJson[] };
    expect(list.media.map((m) => [m.hash, m.width, m.height, m.type, m.alt]).sort()).toEqual(uploaded.map((m) => [m.hash, m.width, m.height, m.type, 'Rising water']).sort());
    for (const m of uploaded) {
      const res = await fetch(local(to, m.srcset.webp[0]!.src));
      expect(res.status).toBe(200);
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(m.srcset.webp[0]!.width);
    }
  });

  it('a picture that does not match its hash is refused, and nothing is imported', async () => {
    const doc = JSON.parse(json.replace('"slug":"flood"', '"slug":"flood-2"')) as { media: Array<{ data: string }> };
    const bytes = Buffer.from(doc.media[0]!.data, 'base64');
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    doc.media[0]!.data = bytes.toString('base64');
    const before = await mediaFootprint(to);
    await expect(importPage(to.ctx, parse(exportDocumentSchema, doc), null)).rejects.toMatchObject({ status: 400, field: 'media.0.data' });
    expect((await to.api('/api/v1/pages/flood-2')).status).toBe(404);
    expect(await mediaFootprint(to)).toMatchObject({ rows: before.rows, blobs: before.blobs });
  });
});
