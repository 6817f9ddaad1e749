/** POST /api/v1/media (uploads) and the derivatives at /media/…: real images, real HTTP, both stores. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MediaJson } from '../../../domain/media.js';
import { aPage } from '../../../test/fixtures.js';
import { phoneJpeg, smallImage } from '../../../test/images.js';
import { eventually, local, mediaFootprint, upload } from '../../../test/media.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('media uploads', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('photos') })).status).toBe(201);
  });
  afterAll(() => s.close());

  it('a phone photo: oriented by its EXIF, every trace of metadata (GPS) gone, derivatives never upscaled', async () => {
    const photo = await phoneJpeg(2400, 1600, 6); // stored sideways, EXIF says "rotate 90°"
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(s, photo, { query: '?page=photos' });
    expect(res.status).toBe(201);
    const m = (await res.json()) as MediaJson;
    expect(m).toMatchObject({ width: 1600, height: 2400, type: 'image/jpeg', sourceType: 'image/jpeg' });
    expect(m.id).toBeTruthy();
    expect(m.bytes).toBeGreaterThan(0);
    expect(m.src).toBe(`http://livepage.test/media/${m.hash}/1600.jpg`);
    expect(m.srcset.avif.map((e) => e.width)).toEqual([320, 640, 960, 1280, 1600]); // 1920 would be upscaling

    const original = await s.test.store.db.selectFrom('media_blobs').select('data').where('hash', '=', m.hash).executeTakeFirstOrThrow();
    const stored = await sharp(Buffer.from(original.data)).metadata();
    expect(stored.exif).toBeUndefined();
    expect([stored.width, stored.height, stored.orientation]).toEqual([1600, 2400, undefined]);

    for (const [format, entries] of Object.entries(m.srcset)) {
      for (const e of entries) {
        const d = await fetch(local(s, e.src));
        expect(d.status).toBe(200);
        expect(d.headers.get('content-type')).toBe(`image/${format}`);
        expect(d.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(d.headers.get('vary')).toBeNull();
        const body = Buffer.from(await d.arrayBuffer());
        expect(Number(d.headers.get('content-length'))).toBe(body.length);
        const meta = await sharp(body).metadata();
        expect(meta.format).toBe(format === 'avif' ? 'heif' : format);
        expect([meta.width, meta.height]).toEqual([e.width, e.height]);
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
      }
    }
    const first = await fetch(local(s, m.src));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}-1600\.jpg"$/);
    const again = await fetch(local(s, m.src), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  }, 90_000);

  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['gif', 'image/gif'],
  ] as const)('a %s comes in, sniffed from its bytes (whatever its name says)', async (format, type) => {
    const res = await upload(s, await smallImage(format, 800, 600), { name: 'picture.bin', type: 'application/octet-stream', query: '?page=photos' });
    expect(res.status).toBe(201);
    const m = (await res.json()) as MediaJson;
    expect(m).toMatchObject({ width: 800, height: 600, sourceType: type, type: 'image/jpeg' });
    expect(m.srcset.webp.map((e) => e.width)).toEqual([320, 640, 800]);
    const d = await fetch(local(s, m.srcset.webp[1]!.src));
    expect([d.status, d.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });

  it('transparency is kept in the original (PNG) and in AVIF and WebP; JPEG gets a white background', async () => {
    const m = (await (await upload(s, await smallImage('png', 400, 300, true))).json()) as MediaJson;
    expect(m.type).toBe('image/png');
    expect((await sharp(Buffer.from(await (await fetch(local(s, m.srcset.webp[0]!.src))).arrayBuffer())).metadata()).hasAlpha).toBe(true);
    expect((await sharp(Buffer.from(await (await fetch(local(s, m.srcset.jpeg[0]!.src))).arrayBuffer())).metadata()).hasAlpha).toBe(false);
  });

  it('derivatives are built at upload and rebuilt from the stored original when the disk cache lost them', async () => {
    const m = (await (await upload(s, await smallImage('jpeg', 1000, 500))).json()) as MediaJson;
    await eventually(async () => (await mediaFootprint(s)).tmp === 0);
    const cacheDir = join(s.test.dataDir, 'media', 'cache', m.hash.slice(0, 2), m.hash);
    await eventually(async () => (await import('node:fs')).existsSync(join(cacheDir, '1000.avif')));
    rmSync(cacheDir, { recursive: true, force: true });
    const d = await fetch(local(s, m.srcset.avif[3]!.src));
    expect(d.status).toBe(200);
    expect((await sharp(Buffer.from(await d.arrayBuffer())).metadata()).width).toBe(1000);
  });

  it('no derivative at other widths, unknown hashes or formats: 404', async () => {
    const m = (await (await upload(s, await smallImage('jpeg', 500, 500))).json()) as MediaJson;
    for (const path of [`/media/${m.hash}/640.jpg`, `/media/${m.hash}/1920.webp`, `/media/${m.hash}/500.png`, `/media/${'0'.repeat(32)}/320.jpg`, `/media/${m.hash}/0320.jpg`, '/media/nothex/320.jpg'])
      expect((await fetch(s.url + path)).status, path).toBe(404);
    expect((await fetch(`${s.url}/media/${m.hash}/500.jpg`)).status).toBe(200);
  });

  it("a page's media library lists its uploads, newest first; only the newsroom may see it", async () => {
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('library') })).status).toBe(201);
    const a = (await (await upload(s, await smallImage('jpeg', 300, 200), { query: '?page=library&alt=First' })).json()) as MediaJson;
    const b = (await (await upload(s, await smallImage('png', 300, 200), { query: '?page=library' })).json()) as MediaJson;
    expect(a.alt).toBe('First');
    const res = await s.api('/api/v1/media?page=library', { as: 'contributor' });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { media: MediaJson[] };
    expect(list.media.map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await s.api('/api/v1/media?page=library')).status).toBe(401);
    expect((await s.api('/api/v1/media', { as: 'contributor' })).status).toBe(400);
    expect((await s.api('/api/v1/media?page=nope', { as: 'contributor' })).status).toBe(404);
  });

  it('an upload for a page that does not exist is a 404 and stores nothing', async () => {
    const before = await mediaFootprint(s);
    const res = await upload(s, await smallImage('jpeg'), { query: '?page=no-such-page' });
    expect(res.status).toBe(404);
    expect(await mediaFootprint(s)).toEqual(before);
  });

  it('the same picture twice: two records, one stored original', async () => {
    const photo = await smallImage('webp', 640, 480);
    const before = await mediaFootprint(s);
    const [a, b] = await Promise.all([upload(s, photo), upload(s, photo)]);
    const [ma, mb] = [(await a.json()) as MediaJson, (await b.json()) as MediaJson];
    expect(ma.hash).toBe(mb.hash);
    expect(ma.id).not.toBe(mb.id);
    const after = await mediaFootprint(s);
    expect([after.rows - before.rows, after.blobs - before.blobs]).toEqual([2, 1]);
  });
});
