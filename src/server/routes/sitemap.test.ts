import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../../test/server.js';
import { describeEachStore } from '../../test/stores.js';
import { elements, parseXml, textOf } from '../../test/xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

describeEachStore('sitemap and robots.txt', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    for (const slug of ['storm', 'election', 'old-story']) await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(slug) });
    await s.api('/api/v1/pages/old-story/end', { method: 'POST', as: 'editor' });
  });
  afterAll(() => s.close());

  const sitemap = async () => {
    const res = await fetch(`${s.url}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const doc = parseXml(await res.text());
    expect(doc.documentElement.namespaceURI).toBe(SITEMAP_NS);
    return new Map(elements(doc, 'url').map((u) => [textOf(u, 'loc')!, textOf(u, 'lastmod')!]));
  };

  it('lists live and ended pages with their last change', async () => {
    const urls = await sitemap();
    expect([...urls.keys()].sort()).toEqual(['election', 'old-story', 'storm'].map((slug) => `${PUBLIC_URL}/live/${slug}`));
    for (const lastmod of urls.values()) expect(lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('moves a page\'s lastmod to the time of its latest change', async () => {
    const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost() });
    const { updatedAt } = await res.json();
    const lastmod = (await sitemap()).get(`${PUBLIC_URL}/live/storm`)!;
    expect(lastmod).toBe(new Date(updatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('is cacheable: ETag, 304, short max-age with stale-while-revalidate', async () => {
    const res = await fetch(`${s.url}/sitemap.xml`);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect((await fetch(`${s.url}/sitemap.xml`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('robots.txt allows reader pages, keeps crawlers out of the newsroom and the API, and points to the sitemap', async () => {
    const res = await fetch(`${s.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /newsroom');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    expect(lines.some((l) => /^Disallow: \/live\/?$/.test(l) || l === 'Disallow: /')).toBe(false);
  });
});
