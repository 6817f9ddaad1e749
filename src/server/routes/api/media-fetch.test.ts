/**
 * POST /api/v1/media with {url}: the server fetches the image through the guarded fetcher.
 * Private and loopback addresses are refused unless allowed; a redirect to one is refused
 * before connecting; anything else that goes wrong is a 4xx; nothing is left behind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MediaJson } from '../../../domain/media.js';
import { startImageHost, type ImageHost } from '../../../test/image-host.js';
import { smallImage } from '../../../test/images.js';
import { mediaFootprint } from '../../../test/media.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('media fetched from an address', (kind) => {
  let host: ImageHost;
  let inner: ImageHost; // "the internal network": must never be reached
  let strict: TestServer; // the default: public addresses only
  let lenient: TestServer; // 127.0.0.1 stands in for a public host
  let open: TestServer; // LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS=1
  beforeAll(async () => {
    const photo = await smallImage('webp', 900, 600);
    inner = await startImageHost({ '/secret.jpg': () => ({ headers: { 'content-type': 'image/jpeg' }, body: photo }) }, '127.0.0.2');
    host = await startImageHost({
      '/photo.webp': () => ({ headers: { 'content-type': 'image/webp' }, body: photo }),
      '/unlabelled': () => ({ body: photo }),
      '/page.html': () => ({ headers: { 'content-type': 'text/html' }, body: '<html></html>' }),
      '/to-inner': () => ({ status: 302, headers: { location: `${inner.url}/secret.jpg` } }),
      '/to-metadata': () => ({ status: 301, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }),
      '/to-photo': (base) => ({ status: 307, headers: { location: `${base}/photo.webp` } }),
      '/loop': () => ({ status: 302, headers: { location: '/loop' } }),
      '/huge': () => ({ headers: { 'content-type': 'image/jpeg', 'content-length': String(100 * 1024 * 1024) }, body: '' }),
    });
    strict = await startTestServer(kind);
    lenient = await startTestServer(kind, { media: { isAllowedAddress: (a) => a === '127.0.0.1' } });
    open = await startTestServer(kind, { config: { media: { allowPrivateHosts: true } } });
  });
  afterAll(async () => {
    await Promise.all([strict?.close(), lenient?.close(), open?.close(), host?.close(), inner?.close()]);
  });

  const fetchVia = (s: TestServer, url: string) => s.api('/api/v1/media', { method: 'POST', as: 'contributor', json: { url } });
  async function refused(s: TestServer, url: string, status: number, code: string): Promise<void> {
    const { rows, blobs } = await mediaFootprint(s);
    const res = await fetchVia(s, url);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code], body.error.message).toEqual([status, code]);
    // (the cache may still be filling with an earlier test's derivatives)
    expect(await mediaFootprint(s)).toMatchObject({ rows, blobs, tmp: 0 });
  }

  it('loopback and private addresses are refused by default, before any connection', async () => {
    const hits = host.hits.length;
    await refused(strict, `${host.url}/photo.webp`, 422, 'private_address');
    await refused(strict, host.url.replace('127.0.0.1', 'localhost') + '/photo.webp', 422, 'private_address');
    await refused(strict, `http://[::1]:${new URL(host.url).port}/photo.webp`, 422, 'private_address');
    await refused(strict, 'http://10.1.2.3/a.jpg', 422, 'private_address');
    await refused(strict, 'http://[::ffff:127.0.0.1]/a.jpg', 422, 'private_address');
    expect(host.hits.length).toBe(hits);
  });

  it('LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS lets the server fetch from them', async () => {
    const res = await fetchVia(open, `${host.url}/photo.webp`);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ width: 900, height: 600, sourceType: 'image/webp' });
  });

  it('from an allowed host: 201, after redirects, with or without a Content-Type', async () => {
    for (const path of ['/photo.webp', '/to-photo', '/unlabelled']) {
      const res = await fetchVia(lenient, host.url + path);
      expect(res.status, path).toBe(201);
      expect(((await res.json()) as MediaJson).sourceType).toBe('image/webp');
    }
  });

  it('a redirect to a private address is refused, and that address is never contacted', async () => {
    await refused(lenient, `${host.url}/to-inner`, 422, 'private_address');
    await refused(lenient, `${host.url}/to-metadata`, 422, 'private_address');
    expect(inner.hits).toEqual([]);
  });

  it('not an image, not there, endless redirects, too big, not http: clear 4xx', async () => {
    await refused(lenient, `${host.url}/page.html`, 415, 'unsupported_media_type');
    await refused(lenient, `${host.url}/missing.jpg`, 422, 'fetch_failed');
    await refused(lenient, `${host.url}/loop`, 422, 'fetch_failed');
    await refused(lenient, `${host.url}/huge`, 413, 'media_too_large');
    await refused(lenient, 'ftp://example.org/a.jpg', 400, 'invalid_input');
    await refused(lenient, 'http://no-such-host.invalid/a.jpg', 422, 'fetch_failed');
  });
});
