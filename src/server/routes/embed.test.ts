import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMBED_POSTS } from '../../render/embed.js';
import { aPage, aPost } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { describeEachStore } from '../../test/stores.js';

const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

describeEachStore('embed view and /embed.js', (kind) => {
  let s: TestServer;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm', { title: `Storm ${EVIL}` }) });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm-2') });
    for (let i = 0; i < 14; i++) {
      const at = new Date(Date.UTC(2025, 1, 27, 12, i)).toISOString();
      const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'admin', json: aPost(`Update ${i} ${EVIL}`, { publishedAt: at }) });
      ids.push((await res.json()).id);
    }
  });
  afterAll(() => s?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(s.url + path, { headers, redirect: 'manual' });
  const articles = (html: string) => [...html.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1]);

  it('any site may frame the embed; the rest of the site still may not be framed', async () => {
    const res = await get('/live/storm/embed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const page = await get('/live/storm');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('is cached like the reader page: ETag of the seq, 304s with the same frame headers, short while live', async () => {
    const res = await get('/live/storm/embed');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(res.headers.get('vary')).toBe('Accept-Encoding'); // one entry per coding in caches between
    expect((await get('/live/storm/embed')).headers.get('etag')).toBe(etag);

    const again = await get('/live/storm/embed', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('x-frame-options')).toBeNull();
    expect(again.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(again.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');

    // The embed's ETag is its own: the reader page's does not match it.
    const pageTag = (await get('/live/storm')).headers.get('etag')!;
    expect((await get('/live/storm/embed', { 'if-none-match': pageTag })).status).toBe(200);
  });

  it('holds the latest posts as the page renders them, a title linking to the full page, links opening in a new tab', async () => {
    const html = await (await get('/live/storm/embed')).text();
    expect(articles(html)).toEqual(ids.slice(-EMBED_POSTS).reverse());
    // The same cached fragments as the reader page.
    const pageHtml = await (await get('/live/storm')).text();
    const first = html.slice(html.indexOf(`<article id="post-${ids.at(-1)}"`), html.indexOf('</article>') + '</article>'.length);
    expect(pageHtml).toContain(first);
    expect(html).toContain('<base target="_blank"/>');
    expect(html).toMatch(/<h1 class="lp-embedded__title"><a href="\/live\/storm" target="_blank" rel="noopener">/);
    expect(html).toContain('<p class="lp-live">Live</p>');
    expect(html).toMatch(/<main id="main" class="lp-main" data-seq="\d+" data-page="1" data-base="\/live\/storm" data-embed data-max="10">/);
    expect(html).toContain('<link rel="canonical" href="http://livepage.test/live/storm"/>');
    expect(html).toMatch(/<script type="module" src="\/assets\/build\/live\.js\?v=/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/(?:build\/)?embed\.css\?v=/);
    expect(html).toContain('id="lp-announcer"');
  });

  it('shows hostile page and post text as text', async () => {
    const html = await (await get('/live/storm/embed')).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Storm &lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>');
    expect(html).toContain('Update 13 &lt;script>alert(1)&lt;/script>');
    // Only our own module script.
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('follows the page: a new post changes the ETag; pinned post and continuation notice show; ended pages cache long', async () => {
    const before = (await get('/live/storm/embed')).headers.get('etag');
    const { id } = await (await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('Pinned briefing', { pinned: true }) })).json();
    const res = await get('/live/storm/embed', { 'if-none-match': before! });
    expect(res.status).toBe(200);
    const html = await res.text();
    const pinned = html.slice(html.indexOf('id="lp-slot-pinned"'), html.indexOf('id="lp-stream"'));
    expect(pinned).toContain(`<article id="post-${id}"`);
    expect(articles(html)).not.toContain(undefined);
    expect(articles(html).filter((a) => a === id)).toHaveLength(1);

    await s.api('/api/v1/pages/storm/continue', { method: 'POST', as: 'editor', json: { to: 'storm-2' } });
    const ended = await get('/live/storm/embed');
    const endedHtml = await ended.text();
    expect(endedHtml).toContain('href="/live/storm-2"');
    expect(endedHtml).not.toContain('<p class="lp-live">Live</p>');
    expect(ended.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
  });

  it('an unknown or malformed page is a 404 page, frameable so the host shows it', async () => {
    for (const path of ['/live/no-such-page/embed', '/live/Bad_Slug/embed', '/live/..%2F..%2Fetc/embed']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    const res = await get('/live/no-such-page/embed');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Page not found');
    // Its link leaves the frame: our other pages refuse to be framed.
    expect(html).toContain('<a href="/" target="_blank" rel="noopener">');
  });

  it('/embed.js: a script any site may load, revalidated every few minutes', async () => {
    const res = await get('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    expect(body).toContain('livepage:height');
    expect(body.length).toBeLessThan(4096);
    const etag = res.headers.get('etag')!;
    const again = await get('/embed.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
  });
});
