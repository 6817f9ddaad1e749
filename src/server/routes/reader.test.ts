import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { describeEachStore } from '../../test/stores.js';

describeEachStore('reader page', (kind) => {
  let s: TestServer;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('ukraine', { title: 'Ukraine talks <live>' }) });
    // 45 posts, one a minute, published on 27 February 2025 (backdated by an admin).
    for (let i = 0; i < 45; i++) {
      const at = new Date(Date.UTC(2025, 1, 27, 12, i)).toISOString();
      const res = await s.api('/api/v1/pages/ukraine/posts', { method: 'POST', as: 'admin', json: aPost(`Update ${i}`, { publishedAt: at }) });
      ids.push((await res.json()).id);
    }
  });
  afterAll(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(s.url + path, { headers, redirect: 'manual' });

  it('page 1 shows the newest 20 posts, newest first, with times in the page zone', async () => {
    const res = await get('/live/ukraine');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const shown = [...html.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(ids.slice(25).reverse());
    expect(html).toContain('published at 12:44 Greenwich Mean Time 27 February 2025');
    expect(html).toContain('Ukraine talks &lt;live>');
    expect(html).toContain('Page 1 of 3');
    expect(html).toMatch(/data-seq="45"/);
  });

  it('reads oldest first and key events only, each view its own cached page; other values are 404 pages', async () => {
    const oldest = await get('/live/ukraine?order=oldest');
    expect(oldest.status).toBe(200);
    const html = await oldest.text();
    expect([...html.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1])).toEqual(ids.slice(0, 20));
    expect(html).toContain('<link rel="canonical" href="http://livepage.test/live/ukraine?order=oldest"/>');
    const etag = oldest.headers.get('etag')!;
    expect(etag).not.toBe((await get('/live/ukraine')).headers.get('etag'));
    expect((await get('/live/ukraine?order=oldest', { 'if-none-match': etag })).status).toBe(304);
    const p3 = await (await get('/live/ukraine?order=oldest&page=3')).text();
    expect([...p3.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1])).toEqual(ids.slice(40));
    // No key events yet: an empty view, still a page.
    expect((await get('/live/ukraine?only=key-events')).status).toBe(200);
    for (const bad of ['order=sideways', 'only=everything', 'order=', 'only=key-events&page=2']) {
      expect((await get(`/live/ukraine?${bad}`)).status, bad).toBe(404);
    }
  });

  it('pages 2 and 3 hold the older posts; out-of-range or malformed pages are 404 pages', async () => {
    const p3 = await (await get('/live/ukraine?page=3')).text();
    expect([...p3.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1])).toEqual(ids.slice(0, 5).reverse());
    for (const bad of ['4', '0', '-1', 'abc', '1.5', '99999999999']) {
      const res = await get(`/live/ukraine?page=${bad}`);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect((await get('/live/no-such-page')).status).toBe(404);
    expect((await get('/live/..%2F..%2Fetc')).status).toBe(404);
  });

  it('permalinks redirect to the page holding the post', async () => {
    const res = await get(`/live/ukraine/posts/${ids[3]}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/live/ukraine?page=3#post-${ids[3]}`);
    const newest = await get(`/live/ukraine/posts/${ids[44]}`);
    expect(newest.headers.get('location')).toBe(`/live/ukraine#post-${ids[44]}`);
    expect((await get('/live/ukraine/posts/nope')).status).toBe(404);
  });

  it('answers 304 for an unchanged page and a new ETag after a change', async () => {
    const first = await get('/live/ukraine');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+.*stale-while-revalidate/);
    expect((await get('/live/ukraine', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/live/ukraine?page=99', { 'if-none-match': '*' })).status).toBe(404);
    await s.api('/api/v1/pages/ukraine', { method: 'PATCH', as: 'editor', json: { summary: ['Changed'] } });
    const after = await get('/live/ukraine', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('the pinned post comes first on page 1 and is not repeated in the stream', async () => {
    const pinned = ids[10]!;
    const v = (await (await s.api(`/api/v1/posts/${pinned}`)).json()).version;
    await s.api(`/api/v1/posts/${pinned}`, { method: 'PATCH', as: 'editor', json: { pinned: true }, headers: { 'if-match': `"${v}"` } });
    const html = await (await get('/live/ukraine')).text();
    const shown = [...html.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1]);
    expect(shown[0]).toBe(pinned);
    expect(shown.filter((id) => id === pinned)).toHaveLength(1);
    expect((await get(`/live/ukraine/posts/${pinned}`)).headers.get('location')).toBe(`/live/ukraine#post-${pinned}`);
  });

  it('hostile text is shown as text, links are marked external, and no script runs', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await s.api('/api/v1/pages/ukraine/posts', {
      method: 'POST',
      as: 'editor',
      json: aPost(evil, {
        contributors: [{ name: evil, role: evil }],
        body: [
          { type: 'paragraph', text: `${evil} and [police say](https://police.example.org/statement)` },
          { type: 'image', src: 'https://img.example/a.jpg', alt: evil, caption: evil, credit: 'EPA' },
          { type: 'quote', text: evil, cite: evil },
        ],
      }),
    });
    const html = await (await get('/live/ukraine')).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('aria-label="police say, external"');
    expect(html).toMatch(/Image source, <\/span>EPA/);
  });

  it('continuing the page removes the Live label and shows the notice with a link', async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('ukraine-2') });
    const before = await (await get('/live/ukraine')).text();
    expect(before).toMatch(/>Live</);
    await s.api('/api/v1/pages/ukraine/continue', { method: 'POST', as: 'editor', json: { to: 'ukraine-2' } });
    const res = await get('/live/ukraine');
    const html = await res.text();
    expect(html).not.toMatch(/>Live</);
    expect(html).toContain("We&#39;re moving our live coverage to a new page - follow this link to stay with us.".replace('&#39;', html.includes('&#39;') ? '&#39;' : "'"));
    expect(html).toContain('href="/live/ukraine-2"');
    expect(res.headers.get('cache-control')).toContain('max-age=300');
  });

  it('the home page lists the pages', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('href="/live/ukraine"');
    expect(html).toContain('href="/live/ukraine-2"');
  });
});
