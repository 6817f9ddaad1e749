import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

const LIVE = 'public, max-age=5, stale-while-revalidate=30';
const LIVE_POLL = 'public, max-age=2, stale-while-revalidate=10';
const ENDED = 'public, max-age=300, stale-while-revalidate=86400';

/** Everything a reader (or a CDN on their behalf) fetches for one page. */
const READER_URLS = ['/live/storm', '/live/storm?page=2', '/live/storm/feed.atom', '/live/storm/feed.rss', '/live/storm/feed.json', '/live/storm/updates?since=3'];

describeEachStore('caching of what readers fetch', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    for (let i = 0; i < 22; i++) await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(`Update ${i}`) });
  });
  afterAll(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(s.url + path, { method, headers, redirect: 'manual' });

  /** Fetches twice (the second often from the fast path or a render cache), then revalidates. */
  async function expectCacheable(path: string, cacheControl: string) {
    const first = await get(path);
    expect(first.status, path).toBe(200);
    const second = await get(path);
    for (const res of [first, second]) {
      expect(res.headers.get('etag'), path).toMatch(/^"[^"]+"$/);
      expect(res.headers.get('cache-control'), path).toBe(cacheControl);
      // Responses differ by URL and content coding alone: no cookie to split the cache.
      expect(res.headers.get('vary'), path).toBe('Accept-Encoding');
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
    const etag = second.headers.get('etag')!;
    expect(first.headers.get('etag'), path).toBe(etag);
    const revalidated = await get(path, { 'if-none-match': etag });
    expect(revalidated.status, path).toBe(304);
    expect(revalidated.headers.get('etag'), path).toBe(etag);
    expect(revalidated.headers.get('cache-control'), path).toBe(cacheControl);
    expect(await revalidated.text(), path).toBe('');
    // What a compressing proxy sends back after weakening the tag.
    expect((await get(path, { 'if-none-match': `W/${etag}` })).status, path).toBe(304);
    expect((await get(path, { 'if-none-match': '"something-else"' })).status, path).toBe(200);
    const head = await get(path, {}, 'HEAD');
    expect(head.status, path).toBe(200);
    expect(head.headers.get('etag'), path).toBe(etag);
    return etag;
  }

  it('while live: short max-age with stale-while-revalidate, ETags and 304s everywhere', async () => {
    for (const path of READER_URLS) await expectCacheable(path, path.includes('/updates') ? LIVE_POLL : LIVE);
  });

  it('a change gives pages and feeds a new ETag, so a revalidation gets the new version', async () => {
    const before = await Promise.all(READER_URLS.slice(0, 5).map(async (p) => (await get(p)).headers.get('etag')!));
    await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('Newest') });
    for (const [i, path] of READER_URLS.slice(0, 5).entries()) {
      const res = await get(path, { 'if-none-match': before[i]! });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).not.toBe(before[i]);
    }
  });

  it('once ended: long max-age for pages, later pages, feeds and polling', async () => {
    await s.api('/api/v1/pages/storm/end', { method: 'POST', as: 'editor' });
    for (const path of READER_URLS) await expectCacheable(path, ENDED);
  });

  it('the home page and the sitemap carry ETags too', async () => {
    for (const path of ['/', '/sitemap.xml', '/robots.txt']) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      const etag = res.headers.get('etag')!;
      expect((await get(path, { 'if-none-match': etag })).status, path).toBe(304);
    }
  });

  it('the live stream itself is never cached', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${s.url}/live/storm/events`, { signal: ctrl.signal });
    expect(res.headers.get('cache-control')).toMatch(/no-cache|no-store/);
    ctrl.abort();
  });
});
