import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../../test/server.js';
import { describeEachStore } from '../../test/stores.js';

type Update = { '@type': string; headline: string; url: string; datePublished: string; dateModified: string; articleBody: string; author: { '@type': string; name: string }[] };

/** The page's one JSON-LD block, parsed as a search engine would. */
function jsonLd(html: string): Record<string, unknown> & { liveBlogUpdate: Update[] } {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!);
}

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describeEachStore('reader page: canonical, Open Graph and JSON-LD', (kind) => {
  let s: TestServer;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind);
    const featuredMedia = { type: 'image', src: '/uploads/storm.jpg', alt: 'Waves over the harbour wall' };
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm', { title: 'Storm Éowyn', description: 'Red warning for wind.', featuredMedia }) });
    // 23 posts: page 1 holds the newest 20, page 2 the oldest 3.
    for (let i = 0; i < 23; i++) {
      const at = new Date(Date.UTC(2025, 0, 24, 9, i)).toISOString();
      const res = await s.api('/api/v1/pages/storm/posts', {
        method: 'POST',
        as: 'admin',
        json: aPost(`Update ${i}`, { publishedAt: at, contributors: [{ name: `Reporter ${i}`, role: 'Correspondent' }, { name: 'Second Byline' }] }),
      });
      ids.push((await res.json()).id);
    }
  });
  afterAll(() => s.close());

  const page = async (path: string) => (await fetch(s.url + path)).text();

  it('page 1 lists its own posts as BlogPostings with headline, anchor, dates, body and authors', async () => {
    const html = await page('/live/storm');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/live/storm"/>`);
    const ld = jsonLd(html);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Storm Éowyn',
      description: 'Red warning for wind.',
      url: `${PUBLIC_URL}/live/storm`,
      image: [`${PUBLIC_URL}/uploads/storm.jpg`],
      publisher: { '@type': 'Organization', name: 'livepage' },
    });
    expect(typeof ld.datePublished).toBe('string');
    expect(ld.coverageStartTime).toBe(ld.datePublished);
    expect(ld).not.toHaveProperty('coverageEndTime');
    const shown = [...html.matchAll(/<article id="post-([^"]+)"/g)].map((m) => m[1]);
    expect(ld.liveBlogUpdate.map((u) => u.url)).toEqual(shown.map((id) => `${PUBLIC_URL}/live/storm#post-${id}`));
    expect(ld.liveBlogUpdate).toHaveLength(20);
    expect(ld.liveBlogUpdate[0]).toEqual({
      '@type': 'BlogPosting',
      url: `${PUBLIC_URL}/live/storm#post-${ids[22]}`,
      headline: 'Update 22',
      datePublished: '2025-01-24T09:22:00.000Z',
      dateModified: '2025-01-24T09:22:00.000Z',
      articleBody: 'Text with bold, italic and a link.',
      author: [
        { '@type': 'Person', name: 'Reporter 22' },
        { '@type': 'Person', name: 'Second Byline' },
      ],
    });
  });

  it('page 2 lists its own posts, with its own canonical URL', async () => {
    const html = await page('/live/storm?page=2');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/live/storm?page=2"/>`);
    const ld = jsonLd(html);
    expect(ld.url).toBe(`${PUBLIC_URL}/live/storm?page=2`);
    expect(ld.liveBlogUpdate.map((u) => u.headline)).toEqual(['Update 2', 'Update 1', 'Update 0']);
    expect(ld.liveBlogUpdate[0]!.url).toBe(`${PUBLIC_URL}/live/storm?page=2#post-${ids[2]}`);
  });

  it('has Open Graph and Twitter card tags with the featured image', async () => {
    const html = await page('/live/storm');
    expect(meta(html, 'og:title')).toBe('Storm Éowyn');
    expect(meta(html, 'og:description')).toBe('Red warning for wind.');
    expect(meta(html, 'og:url')).toBe(`${PUBLIC_URL}/live/storm`);
    expect(meta(html, 'og:image')).toBe(`${PUBLIC_URL}/uploads/storm.jpg`);
    expect(meta(html, 'og:image:alt')).toBe('Waves over the harbour wall');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(`${PUBLIC_URL}/uploads/storm.jpg`);
  });

  it('follows edits and new posts (the cached page is replaced, the JSON-LD with it)', async () => {
    await page('/live/storm'); // cached now, and served by the fast path
    const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('Fresh update') });
    const id = (await res.json()).id;
    const ld = jsonLd(await page('/live/storm'));
    expect(ld.liveBlogUpdate[0]).toMatchObject({ headline: 'Fresh update', url: `${PUBLIC_URL}/live/storm#post-${id}` });
    const v = (await (await s.api(`/api/v1/posts/${id}`)).json()).version;
    await s.api(`/api/v1/posts/${id}`, { method: 'PATCH', as: 'editor', json: { title: 'Corrected update' }, headers: { 'if-match': `"${v}"` } });
    const edited = jsonLd(await page('/live/storm')).liveBlogUpdate[0]!;
    expect(edited.headline).toBe('Corrected update');
    expect(Date.parse(edited.dateModified)).toBeGreaterThanOrEqual(Date.parse(edited.datePublished));
  });

  it('stays valid JSON with hostile text, with no way out of the script element', async () => {
    const evil = '</script><script>alert(1)</script><!-- \u2028\u2029 & "q" \\';
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('hostile', { title: evil, description: evil }) });
    await s.api('/api/v1/pages/hostile/posts', {
      method: 'POST',
      as: 'editor',
      json: aPost(evil, { contributors: [{ name: evil }], body: [{ type: 'paragraph', text: evil }] }),
    });
    const html = await page('/live/hostile');
    expect(html).not.toContain('<script>alert');
    const ld = jsonLd(html);
    expect(ld.headline).toBe(evil);
    expect(ld.liveBlogUpdate[0]).toMatchObject({ headline: evil, articleBody: evil, author: [{ '@type': 'Person', name: evil }] });
  });

  it('has coverageEndTime once the coverage has ended', async () => {
    await s.api('/api/v1/pages/storm/end', { method: 'POST', as: 'editor' });
    const ld = jsonLd(await page('/live/storm'));
    expect(typeof ld.coverageEndTime).toBe('string');
    expect(Date.parse(ld.coverageEndTime as string)).toBeGreaterThanOrEqual(Date.parse(ld.coverageStartTime as string));
  });
});
