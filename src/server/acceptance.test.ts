/**
 * A long live page replayed through the API as an admin import (issue 2's check): it must
 * read exactly as SPEC §1 says, before and after it is continued on a new page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

const CREDITS = ['EPA', 'Reuters', 'Getty Images', 'AFP', 'PA Media', 'AP', 'BBC', 'Ukrinform', 'Anadolu', 'NurPhoto', 'Sipa'];

/** 20 posts, oldest first, one every 6 minutes from 14:00 GMT on 27 February 2025. */
function posts() {
  let image = 0;
  return Array.from({ length: 20 }, (_, i) => {
    const body: unknown[] = [{ type: 'paragraph', text: `Update ${i}: officials say **talks continue**; read [the statement](https://gov.example.org/statement-${i}).` }];
    if (i < 13) {
      const credit = CREDITS[image];
      body.push({ type: 'image', src: `https://images.example.org/${i}.jpg`, alt: `Scene ${i}`, caption: `Caption ${i}`, ...(credit ? { credit } : {}) });
      image++;
    }
    if (i === 5) body.push({ type: 'list', ordered: false, items: ['first point', 'second point'] });
    if (i === 7) body.push({ type: 'quote', text: 'Nothing is agreed until everything is agreed.', cite: 'A spokesman' });
    return {
      title: `Post ${i}`,
      ...(i === 12 ? { label: 'analysis' } : {}),
      contributors: [{ name: `Reporter ${i}`, role: i % 2 ? 'Defence correspondent' : 'Reporting from the White House' }],
      body,
      publishedAt: new Date(Date.UTC(2025, 1, 27, 14, i * 6)).toISOString(),
    };
  });
}

describeEachStore('a long live page, replayed as an admin import', (kind) => {
  let s: TestServer;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind);
    const created = await s.api('/api/v1/pages', {
      method: 'POST',
      as: 'admin',
      json: {
        slug: 'ukraine-talks',
        title: 'Ukraine talks: live',
        description: 'Follow the latest.',
        summary: ['Talks resumed in **Geneva**', 'See the [UN briefing](https://un.example.org/briefing)'],
        featuredMedia: { type: 'video', src: 'https://video.example.org/v.mp4', caption: 'Watch: the press conference' },
      },
    });
    expect(created.status).toBe(201);
    for (const p of posts()) {
      const res = await s.api('/api/v1/pages/ukraine-talks/posts', { method: 'POST', as: 'admin', json: p });
      expect(res.status).toBe(201);
      ids.push((await res.json()).id);
    }
  });
  afterAll(() => s.close());

  const page = async (path = '/live/ukraine-talks') => (await fetch(s.url + path)).text();
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  it('reads as SPEC §1 says', async () => {
    const html = await page();
    const t = text(html);
    expect(html).toMatch(/<h1[^>]*>Ukraine talks: live<\/h1>/);
    expect(html).toMatch(/>Live</);
    expect(t).toContain('Media caption, Watch: the press conference');
    expect(html).toMatch(/<h2[^>]*>Summary<\/h2>/);
    expect(html).toContain('<strong>Geneva</strong>');

    const articles = [...html.matchAll(/<article id="post-([^"]+)"[\s\S]*?<\/article>/g)];
    expect(articles.map((m) => m[1])).toEqual([...ids].reverse());
    expect(t).not.toContain('Page 1 of');

    const newest = articles[0]![0];
    expect(text(newest)).toContain('published at 15:54 Greenwich Mean Time 27 February 2025');
    expect(newest).toContain('datetime="2025-02-27T15:54:00.000Z"');
    expect(text(newest)).toMatch(/Reporter 19\s*Defence correspondent/);

    const analysis = articles.find((m) => m[1] === ids[12])![0];
    expect(text(analysis).indexOf('Analysis')).toBeLessThan(text(analysis).indexOf('Post 12'));

    expect(t.match(/Image source, /g)).toHaveLength(11);
    for (const credit of CREDITS) expect(t).toContain(`Image source, ${credit}`);
    expect(html.match(/<figure[^>]*>\s*<img/g) ?? html.match(/<img /g)).toHaveLength(13);
    expect(html).toMatch(/<ul[^>]*><li>first point<\/li><li>second point<\/li><\/ul>/);
    expect(html).toMatch(/<blockquote[\s\S]*Nothing is agreed until everything is agreed\.[\s\S]*A spokesman[\s\S]*<\/blockquote>/);
    expect(html).toContain('aria-label="the statement, external"');
    // No third-party player or script: only our own script, from our own origin.
    expect(html).not.toMatch(/<iframe/);
    // (The JSON-LD block is data, not a script: nothing runs, the CSP does not apply.)
    // The reader script's words (#lp-strings) are a JSON data block too.
    const data = ['<script type="application/ld+json">', '<script type="application/json" id="lp-strings">'];
    const scripts = (html.match(/<script[^>]*>/g) ?? []).filter((tag) => !data.includes(tag));
    for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\//);
  });

  it('is continued on a new page: notice with a link, no Live label, permalinks still work', async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'admin', json: { slug: 'ukraine-talks-2', title: 'Ukraine talks: day two' } });
    const res = await s.api('/api/v1/pages/ukraine-talks/continue', { method: 'POST', as: 'admin', json: { to: 'ukraine-talks-2' } });
    expect(res.status).toBe(200);
    const html = await page();
    expect(html).not.toMatch(/>Live</);
    expect(html).toMatch(/<a[^>]*href="\/live\/ukraine-talks-2"[^>]*>We(&#39;|')re moving our live coverage to a new page - follow this link to stay with us\.<\/a>/);
    const link = await fetch(`${s.url}/live/ukraine-talks/posts/${ids[0]}`, { redirect: 'manual' });
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe(`/live/ukraine-talks#post-${ids[0]}`);
  });
});
