/**
 * Content codings over real HTTP (issue 13 item 7): every cached reader document — page,
 * embed, feed, polling answer — is compressed once per version and coding, whatever the
 * number of readers; each coding has its own ETag and answers 304s; Accept-Encoding's
 * q-values are honoured, identity is the fallback; the SSE stream is never compressed;
 * per-request bodies (API JSON) are compressed when big enough.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { rawRequest, type RawResponse } from '../test/raw-http.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { compressionsMade } from './encoded-body.js';
import { ReaderPages } from './reader-pages.js';

const cacheBytes = (reader: ReaderPages, cache: string) => reader.memory().find((m) => m.cache === cache)!.bytes;

type Raw = RawResponse;
const raw = (base: string, path: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(`${base}${path}`, headers, method);

/** The body as sent, decoded by its Content-Encoding. */
function decoded(r: Raw): Buffer {
  const coding = r.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(r.body);
  if (coding === 'gzip') return gunzipSync(r.body);
  expect(coding).toBeUndefined();
  return r.body;
}

describeEachStore('content codings', (kind) => {
  let s: TestServer;
  const page = '/live/storm';

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    for (let i = 0; i < 8; i++) {
      const body = [1, 2].map((n) => ({ type: 'paragraph', text: `Update ${i}, paragraph ${n}: winds of 90mph along the coast, roads closed.` }));
      await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(`Update ${i}`, { body }) });
    }
  });
  afterAll(() => s?.close());

  const addPost = (title: string) => s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(title) });

  it('serves one document in Brotli, gzip and identity by Accept-Encoding: the same bytes, each with its own ETag, all Vary', async () => {
    const plain = await raw(s.url, page);
    const br = await raw(s.url, page, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await raw(s.url, page, { 'accept-encoding': 'gzip' });
    expect([plain.status, br.status, gz.status]).toEqual([200, 200, 200]);
    expect([plain.headers['content-encoding'], br.headers['content-encoding'], gz.headers['content-encoding']]).toEqual([undefined, 'br', 'gzip']);
    expect(decoded(br).equals(plain.body)).toBe(true);
    expect(decoded(gz).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    for (const r of [plain, br, gz]) {
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    const etag = plain.headers.etag!;
    expect(br.headers.etag).toBe(`${etag.slice(0, -1)}-br"`);
    expect(gz.headers.etag).toBe(`${etag.slice(0, -1)}-gz"`);
  });

  it('compresses a version once, however many readers ask, on the fast path and the full route alike; a change is compressed once again', async () => {
    await addPost('A new version');
    await raw(s.url, page); // renders it (identity needs no compression)
    const before = compressionsMade();
    // Concurrent first askers share the one compression; then the fast path serves the kept bytes.
    const first = await Promise.all(Array.from({ length: 10 }, () => raw(s.url, page, { 'accept-encoding': 'br' })));
    const later = await Promise.all(Array.from({ length: 10 }, () => raw(s.url, `${page}?page=1`, { 'accept-encoding': 'br' }))); // ?page=1: the fastify route
    expect(compressionsMade() - before).toBe(1);
    for (const r of [...first, ...later]) expect(r.body.equals(first[0]!.body)).toBe(true);
    await raw(s.url, page, { 'accept-encoding': 'gzip' });
    await raw(s.url, page, { 'accept-encoding': 'gzip' });
    expect(compressionsMade() - before).toBe(2);

    await addPost('Another version');
    const changed = await raw(s.url, page, { 'accept-encoding': 'br' });
    expect(changed.headers.etag).not.toBe(first[0]!.headers.etag);
    await raw(s.url, page, { 'accept-encoding': 'br' });
    expect(compressionsMade() - before).toBe(3);
  });

  it('answers 304 for the representation the client holds, and only that one', async () => {
    const br = await raw(s.url, page, { 'accept-encoding': 'br' });
    const plain = await raw(s.url, page);
    const brTag = br.headers.etag!;
    const notModified = await raw(s.url, page, { 'accept-encoding': 'br', 'if-none-match': brTag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(brTag);
    expect(notModified.headers.vary).toBe('Accept-Encoding');
    expect(notModified.headers['cache-control']).toBe(br.headers['cache-control']);
    // Holding the Brotli bytes but now asking for gzip: the gzip bytes, not a 304.
    const other = await raw(s.url, page, { 'accept-encoding': 'gzip', 'if-none-match': brTag });
    expect([other.status, other.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect((await raw(s.url, page, { 'if-none-match': plain.headers.etag! })).status).toBe(304);
    expect((await raw(s.url, page, { 'if-none-match': brTag })).status).toBe(200); // no Accept-Encoding: identity's tag
    expect((await raw(s.url, `${page}?page=1`, { 'accept-encoding': 'br', 'if-none-match': brTag })).status).toBe(304); // the full route too
  });

  it('honours q=0 refusals and falls back to identity when nothing else is acceptable', async () => {
    const coding = async (ae: string) => (await raw(s.url, page, { 'accept-encoding': ae })).headers['content-encoding'] ?? 'identity';
    expect(await coding('br;q=0, gzip')).toBe('gzip');
    expect(await coding('gzip;q=0')).toBe('identity');
    expect(await coding('*;q=0.1, br;q=0')).toBe('gzip');
    expect(await coding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(await coding('*;q=0')).toBe('identity');
    expect(await coding('identity;q=0, deflate')).toBe('identity');
    expect(await coding('zstd')).toBe('identity');
  });

  it('answers HEAD with the coded headers and no body', async () => {
    const get = await raw(s.url, page, { 'accept-encoding': 'br' });
    for (const path of [page, `${page}?page=1`, `${page}/feed.atom`]) {
      const head = await raw(s.url, path, { 'accept-encoding': 'br' }, 'HEAD');
      expect(head.status, path).toBe(200);
      expect(head.body.length, path).toBe(0);
      expect(head.headers['content-encoding'], path).toBe('br');
      expect(head.headers.vary, path).toBe('Accept-Encoding');
    }
    expect((await raw(s.url, page, { 'accept-encoding': 'br' }, 'HEAD')).headers['content-length']).toBe(String(get.body.length));
  });

  it('compresses feeds, the embed and polling answers once per version, with 304s per coding', async () => {
    await addPost('A version no one has fetched yet');
    const seq = Number(/data-seq="(\d+)"/.exec((await raw(s.url, page)).body.toString())![1]);
    for (const path of [`${page}/feed.atom`, `${page}/feed.json`, `${page}/embed`, `${page}/updates?since=0`]) {
      const plain = await raw(s.url, path);
      const before = compressionsMade();
      const br = await Promise.all([1, 2, 3].map(() => raw(s.url, path, { 'accept-encoding': 'br' })));
      await raw(s.url, path, { 'accept-encoding': 'br' });
      expect(compressionsMade() - before, path).toBe(1);
      expect(br[0]!.headers['content-encoding'], path).toBe('br');
      expect(br[0]!.headers.vary, path).toBe('Accept-Encoding');
      expect(decoded(br[0]!).equals(plain.body), path).toBe(true);
      expect(br[0]!.headers.etag, path).toBe(`${plain.headers.etag!.slice(0, -1)}-br"`);
      expect((await raw(s.url, path, { 'accept-encoding': 'br', 'if-none-match': br[0]!.headers.etag! })).status, path).toBe(304);
      expect((await raw(s.url, path, { 'accept-encoding': 'gzip', 'if-none-match': br[0]!.headers.etag! })).status, path).toBe(200);
    }
    // A polling answer with no events is a few bytes: sent as it is, still Vary.
    const empty = await raw(s.url, `${page}/updates?since=${seq}`, { 'accept-encoding': 'br' });
    expect(empty.headers['content-encoding']).toBeUndefined();
    expect(empty.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(empty.body.toString())).toEqual({ seq, events: [] });
  });

  it('never compresses the SSE stream', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get(`${s.url}${page}/events`, { headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' }, agent: false }, resolve);
      req.on('error', reject);
    });
    try {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.headers['content-encoding']).toBeUndefined();
    } finally {
      res.destroy();
    }
  });

  it('compresses API JSON above the threshold per request, leaves small bodies alone', async () => {
    const auth = { authorization: `Bearer ${s.tokens.editor}` };
    const plain = await raw(s.url, '/api/v1/pages/storm/posts', auth);
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await raw(s.url, '/api/v1/pages/storm/posts', { ...auth, 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(JSON.parse(decoded(br).toString())).toEqual(JSON.parse(plain.body.toString()));
    const small = await raw(s.url, '/api/v1/pages/nope', { ...auth, 'accept-encoding': 'br' });
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('counts every coding made in the cache budgets', async () => {
    const reader = new ReaderPages(s.test.store, { publicUrl: PUBLIC_URL, cssHref: '/c.css', embedCssHref: '/e.css', scriptHref: null, buildId: 'budget', securityHeaders: {} });
    const rendered = (await reader.render('storm', 1))!;
    const identity = cacheBytes(reader, 'pages');
    expect(identity).toBeGreaterThanOrEqual(rendered.responses.encoded.identity.length);
    const br = await rendered.responses.get('br');
    const gz = await rendered.responses.get('gzip');
    expect(cacheBytes(reader, 'pages')).toBe(identity + br.body.length + gz.body.length);
    const feed = (await reader.feed('storm', 'atom'))!;
    const feedBytes = cacheBytes(reader, 'feeds');
    const feedBr = await feed.encoded.get('br');
    expect(cacheBytes(reader, 'feeds')).toBe(feedBytes + feedBr.length);
  });
});
