import { afterAll, beforeAll, expect, it } from 'vitest';
import { decode } from '../../render/test-fixtures.js';
import { aPage, aPost } from '../../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../../test/server.js';
import { withoutShare } from '../../render/post.js';
import { describeEachStore } from '../../test/stores.js';
import { elements, parseXml, textOf } from '../../test/xml.js';

describeEachStore('feeds', (kind) => {
  let s: TestServer;
  const ids: string[] = [];
  const hidden: string[] = [];
  const post = async (slug: string, body: unknown, as: 'admin' | 'editor' | 'contributor' = 'admin') => {
    const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as, json: body });
    expect(res.status).toBe(201);
    return (await res.json()).id as string;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm', { title: 'Storm Éowyn' }) });
    for (let i = 0; i < 3; i++) {
      const at = new Date(Date.UTC(2025, 0, 24, 9, i)).toISOString();
      ids.push(await post('storm', aPost(`Update ${i}`, { publishedAt: at, contributors: [{ name: `Reporter ${i}` }] })));
    }
    // Readers never see these: a draft, a contributor's submission and an unpublished post.
    hidden.push(await post('storm', aPost('A draft', { status: 'draft' }), 'editor'));
    hidden.push(await post('storm', aPost('A submission'), 'contributor'));
    const gone = await post('storm', aPost('Withdrawn'), 'editor');
    expect((await s.api(`/api/v1/posts/${gone}`, { method: 'DELETE', as: 'editor' })).status).toBeLessThan(300);
    hidden.push(gone);
  });
  afterAll(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(s.url + path, { headers, redirect: 'manual' });
  const permalink = (id: string) => `${PUBLIC_URL}/live/storm/posts/${id}`;
  const newestFirst = () => [...ids].reverse();

  it('Atom: the published posts, newest first, with permalinks, authors and their HTML', async () => {
    const res = await get('/live/storm/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const doc = parseXml(await res.text());
    expect(textOf(doc.documentElement, 'title')).toBe('Storm Éowyn');
    const entries = elements(doc, 'entry');
    expect(entries.map((e) => elements(e, 'link')[0]!.getAttribute('href'))).toEqual(newestFirst().map(permalink));
    expect(entries.map((e) => textOf(e, 'title'))).toEqual(['Update 2', 'Update 1', 'Update 0']);
    expect(entries.map((e) => textOf(e, 'id'))).toEqual(newestFirst().map((id) => `urn:uuid:${id}`));
    expect(textOf(elements(entries[0]!, 'author')[0]!, 'name')).toBe('Reporter 2');
    expect(textOf(entries[2]!, 'published')).toBe('2025-01-24T09:00:00.000Z');
    // The entry's content is the very <article> the reader page shows, less its share control.
    const page = await (await get('/live/storm')).text();
    const content = textOf(entries[0]!, 'content')!;
    expect(content).toMatch(new RegExp(`^<article id="post-${ids[2]}"`));
    expect(content).not.toContain('lp-share');
    expect(withoutShare(page)).toContain(content);
  });

  it('RSS: the same posts, newest first, with permalinks', async () => {
    const res = await get('/live/storm/feed.rss');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const doc = parseXml(await res.text());
    const items = elements(doc, 'item');
    expect(items.map((i) => textOf(i, 'link'))).toEqual(newestFirst().map(permalink));
    expect(items.map((i) => textOf(i, 'dc:creator'))).toEqual(['Reporter 2', 'Reporter 1', 'Reporter 0']);
    expect(textOf(items[0]!, 'content:encoded')).toMatch(new RegExp(`^<article id="post-${ids[2]}"`));
  });

  it('JSON Feed 1.1: the same posts, newest first, with permalinks', async () => {
    const res = await get('/live/storm/feed.json');
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = await res.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.home_page_url).toBe(`${PUBLIC_URL}/live/storm`);
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual(newestFirst().map(permalink));
    expect(feed.items[0].authors).toEqual([{ name: 'Reporter 2' }]);
  });

  it('leaves out drafts, submissions and unpublished posts', async () => {
    for (const f of ['atom', 'rss', 'json']) {
      const body = await (await get(`/live/storm/feed.${f}`)).text();
      for (const id of hidden) expect(body, f).not.toContain(id);
      expect(body).not.toMatch(/A draft|A submission|Withdrawn/);
    }
  });

  it('each permalink leads to the post on the page', async () => {
    const res = await get(permalink(ids[0]!).slice(PUBLIC_URL.length));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/live/storm#post-${ids[0]}`);
  });

  it('the reader page links all three feeds', async () => {
    const html = await (await get('/live/storm')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="alternate" type="application/atom+xml" title="Storm Éowyn (Atom)" href="/live/storm/feed.atom"/>');
    expect(head).toContain('type="application/rss+xml"');
    expect(head).toContain('type="application/feed+json"');
  });

  it('an unknown or malformed slug is a 404', async () => {
    for (const path of ['/live/no-such-page/feed.atom', '/live/no-such-page/feed.json', '/live/..%2Fx/feed.rss', '/live/storm/feed.xml']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('a new post changes the feeds: a new ETag, and the post on top', async () => {
    const before = await get('/live/storm/feed.atom');
    const etag = before.headers.get('etag')!;
    expect((await get('/live/storm/feed.atom', { 'if-none-match': etag })).status).toBe(304);
    const id = await post('storm', aPost('Update 3'), 'editor');
    ids.push(id);
    const after = await get('/live/storm/feed.atom', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(textOf(elements(parseXml(await after.text()), 'entry')[0]!, 'title')).toBe('Update 3');
  });

  it("uploads in a post point at the site in every feed, while the page keeps its own paths", async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('uploads') });
    const body = [
      { type: 'image', src: '/uploads/harbour.jpg', alt: 'Waves over the harbour wall' },
      { type: 'video', src: '/uploads/storm.mp4', poster: '/uploads/storm.jpg', caption: 'The sea front at noon' },
    ];
    await post('uploads', aPost('Pictures from the harbour', { body }), 'editor');
    const page = await (await get('/live/uploads')).text();
    expect(page).toContain('<img src="/uploads/harbour.jpg"');
    const atom = textOf(elements(parseXml(await (await get('/live/uploads/feed.atom')).text()), 'entry')[0]!, 'content')!;
    const rss = textOf(elements(parseXml(await (await get('/live/uploads/feed.rss')).text()), 'item')[0]!, 'content:encoded')!;
    const json = (await (await get('/live/uploads/feed.json')).json()).items[0].content_html as string;
    for (const content of [atom, rss, json]) {
      expect(content).toContain(`<img src="${PUBLIC_URL}/uploads/harbour.jpg"`);
      expect(content).toContain(`src="${PUBLIC_URL}/uploads/storm.mp4" poster="${PUBLIC_URL}/uploads/storm.jpg"`);
      expect(content).not.toMatch(/(?:src|href|poster)="\/(?!\/)/);
    }
  });

  it('hostile text stays well-formed in every feed', async () => {
    const evil = '<script>alert(1)</script> ]]> & ]]> "q" \'a\' </entry></item>';
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('hostile', { title: evil, description: evil }) });
    await post('hostile', aPost(evil, { contributors: [{ name: evil, role: evil }], body: [{ type: 'paragraph', text: `${evil} ]]> end` }] }), 'editor');
    // Control characters never get in (the API refuses them), so feeds cannot carry them.
    const refused = await s.api('/api/v1/pages/hostile/posts', { method: 'POST', as: 'editor', json: aPost('bell \u0007') });
    expect(refused.status).toBe(400);
    const atom = parseXml(await (await get('/live/hostile/feed.atom')).text());
    expect(textOf(atom.documentElement, 'title')).toBe(evil);
    expect(elements(atom, 'entry')).toHaveLength(1);
    expect(textOf(elements(atom, 'entry')[0]!, 'title')).toBe(evil.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const rss = parseXml(await (await get('/live/hostile/feed.rss')).text());
    expect(textOf(elements(rss, 'item')[0]!, 'dc:creator')).toBe(evil);
    // RSS readers show channel text as HTML, like item titles: both escaped, both read as typed.
    for (const text of [textOf(rss, 'title')!, textOf(rss, 'description')!, textOf(elements(rss, 'item')[0]!, 'title')!]) {
      expect(text).not.toMatch(/[<>]/);
      expect(decode(text)).toBe(evil);
    }
    const json = await (await get('/live/hostile/feed.json')).json();
    expect(json.items[0].title).toBe(evil);
    expect(json.items[0].content_html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
