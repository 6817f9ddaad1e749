import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '../domain/brand.js';
import { DEFAULT_CONTINUATION_NOTICE } from '../domain/page.js';
import { articleIds } from './page-aside.js';
import { renderLivePage, type LivePageView } from './page.js';
import { paginationLinks } from './pagination.js';
import { renderPageParts } from './parts.js';
import { renderPostHtml } from './post.js';
import { EVIL, attrValues, makeCtx, makePage, makePost, textOf } from './test-fixtures.js';

const ctx = makeCtx();

function makeView(overrides: Partial<LivePageView> = {}): LivePageView {
  return {
    page: makePage(),
    pageNo: 1,
    pageCount: 1,
    postsHtml: [renderPostHtml(makePost({ id: 'p2', title: 'Second' }), ctx), renderPostHtml(makePost({ id: 'p1', title: 'First' }), ctx)],
    pinnedHtml: null,
    keyEvents: [],
    continuedTo: null,
    canonicalUrl: 'http://localhost:3000/live/ukraine-live',
    cssHref: '/static/livepage.css',
    ctx,
    ...overrides,
  };
}

const render = (o: Partial<LivePageView> = {}) => renderLivePage(makeView(o));
/** Script elements that run: the JSON-LD data block is not one. */
const scriptTags = (html: string) => (html.match(/<script[^>]*>/g) ?? []).filter((t) => !t.includes('type="application/ld+json"'));
/** The text of the element that starts at `marker`, up to its matching close tag name. */
const section = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)) + close.length);

describe('renderLivePage', () => {
  it('is a complete document with the head tags a reader page needs', () => {
    const html = render();
    expect(html).toMatch(/^<!doctype html><html lang="en-GB" dir="ltr" data-seq="42"><head><meta charset="utf-8"\/>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<title>Ukraine war: latest</title>');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/live/ukraine-live"/>');
    expect(html).toContain('<link rel="stylesheet" href="/static/livepage.css"/>');
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(attrValues(html, 'name="description" content')).toEqual(['Live coverage: Ukraine war: latest']);
    expect(html).toMatch(/<\/html>$/);
  });

  it('carries the page seq on <html> and <main> for the reader script', () => {
    const html = render({ page: makePage({ seq: 1234 }) });
    expect(html).toContain('<html lang="en-GB" dir="ltr" data-seq="1234">');
    expect(html).toContain(
      '<main id="main" class="lp-main lp-main--aside" data-seq="1234" data-page="1" data-pages="1" data-base="/live/ukraine-live" data-tz="Europe/London" data-order="newest" data-only="all">',
    );
    expect(render({ pageNo: 2, pageCount: 3 })).toContain('data-page="2"');
  });

  it('links its feeds and carries Open Graph, Twitter card and JSON-LD in the head', () => {
    const posts = [makePost({ id: 'p2', title: 'Second' }), makePost({ id: 'p1', title: 'First' })];
    const html = render({
      posts,
      publicUrl: 'https://live.example.org',
      page: makePage({ featuredMedia: { type: 'image', src: '/uploads/a.jpg', alt: 'A tank' } }),
    });
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="alternate" type="application/atom+xml" title="Ukraine war: latest (Atom)" href="/live/ukraine-live/feed.atom"/>');
    expect(head).toContain('<link rel="alternate" type="application/rss+xml" title="Ukraine war: latest (RSS)" href="/live/ukraine-live/feed.rss"/>');
    expect(head).toContain('<link rel="alternate" type="application/feed+json" title="Ukraine war: latest (JSON Feed)" href="/live/ukraine-live/feed.json"/>');
    expect(attrValues(head, 'property="og:image" content')).toEqual(['https://live.example.org/uploads/a.jpg']);
    expect(attrValues(head, 'property="og:url" content')).toEqual(['http://localhost:3000/live/ukraine-live']);
    expect(attrValues(head, 'name="twitter:card" content')).toEqual(['summary_large_image']);
    expect(attrValues(head, 'name="twitter:image:alt" content')).toEqual(['A tank']);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]![1]!);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.liveBlogUpdate.map((u: { headline: string; url: string }) => [u.headline, u.url])).toEqual([
      ['Second', 'http://localhost:3000/live/ukraine-live#post-p2'],
      ['First', 'http://localhost:3000/live/ukraine-live#post-p1'],
    ]);
    expect(attrValues(render(), 'name="twitter:card" content')).toEqual(['summary']);
  });

  it('loads the reader script as a module only when given one, never inline', () => {
    expect(scriptTags(render())).toEqual([]);
    const html = render({ scriptHref: '/static/build/live.js' });
    expect(html).toContain('<link rel="stylesheet" href="/static/livepage.css"/><script type="module" src="/static/build/live.js"></script></head>');
    // Plus the script's words, as a JSON data block that runs nothing.
    expect(scriptTags(html)).toEqual(['<script type="module" src="/static/build/live.js">', '<script type="application/json" id="lp-strings">']);
  });

  it('always has the four live slots, empty when there is nothing to show, in page order', () => {
    const html = render();
    for (const id of ['lp-slot-summary', 'lp-slot-notice', 'lp-slot-pinned']) expect(html).toContain(`<div id="${id}"></div>`);
    const order = ['lp-slot-header', 'lp-slot-notice', 'lp-slot-summary', 'lp-slot-pinned', 'lp-stream'].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('contains the very bytes renderPageParts gives the live events', () => {
    const view = makeView({
      page: makePage({ summary: ['Talks **resume**'], description: 'Rolling coverage', featuredMedia: { type: 'image', src: '/a.jpg', alt: 'A' } }),
      pinnedHtml: renderPostHtml(makePost({ id: 'pin', pinned: true }), ctx),
      continuedTo: { url: '/live/next', notice: 'Follow us' },
    });
    const html = renderLivePage(view);
    const parts = renderPageParts(view);
    for (const part of Object.values(parts)) expect(html).toContain(part);
    expect(parts.header).toMatch(/^<div id="lp-slot-header"><header class="lp-header">.*<\/header><div class="lp-featured">.*<\/div><\/div>$/);
  });

  it('starts with a skip link to the main content', () => {
    const html = render();
    expect(html.indexOf('href="#main"')).toBeLessThan(html.indexOf('<main'));
  });

  it('shows the title as h1 with a Live label while live, and none once ended', () => {
    const live = render();
    expect(live).toContain('<h1 class="lp-header__title">Ukraine war: latest</h1>');
    expect(textOf(section(live, '<header class="lp-header"', '</header>'))).toBe('Live Ukraine war: latest');
    const ended = render({ page: makePage({ state: 'ended' }) });
    expect(textOf(section(ended, '<header class="lp-header"', '</header>'))).toBe('Ukraine war: latest');
    expect(ended).not.toContain('class="lp-live"');
  });

  it('shows the description under the title and uses it as meta description', () => {
    const html = render({ page: makePage({ description: 'Russia and Ukraine at war' }) });
    expect(textOf(section(html, '<header class="lp-header"', '</header>'))).toContain('Russia and Ukraine at war');
    expect(attrValues(html, 'name="description" content')).toEqual(['Russia and Ukraine at war']);
  });

  it('shows a featured video with a "Media caption, " prefix, fetching nothing before play', () => {
    const html = render({ page: makePage({ featuredMedia: { type: 'video', src: 'https://v.example.org/a.mp4', caption: 'Watch: the scene' } }) });
    expect(html).toContain('preload="none"');
    expect(textOf(section(html, '<div class="lp-featured"', '</figcaption>'))).toMatch(/Media caption, Watch: the scene$/);
  });

  it('shows a featured image with alt, credit and caption', () => {
    const html = render({
      page: makePage({ featuredMedia: { type: 'image', src: '/uploads/a.jpg', alt: 'Rescuers', caption: 'In Kyiv', credit: 'EPA' } }),
    });
    const fig = section(html, '<div class="lp-featured"', '</figure>');
    expect(attrValues(fig, 'alt')).toEqual(['Rescuers']);
    // What the reader sees first is not lazy-loaded.
    expect(fig).toContain('loading="eager"');
    expect(textOf(fig)).toBe('Image source, EPA In Kyiv');
  });

  it('shows the summary box with inline key points, and omits it when empty', () => {
    const html = render({ page: makePage({ summary: ['Talks **resume**', 'See [police](https://police.example.com/)'] }) });
    const box = section(html, '<section class="lp-summary"', '</section>');
    expect(box).toContain('aria-labelledby="lp-summary-title"');
    expect(box).toContain('<h2 class="lp-summary__title" id="lp-summary-title">Summary</h2>');
    expect(box).toContain('<li>Talks <strong>resume</strong></li>');
    expect(attrValues(box, 'aria-label')).toEqual(['police, external']);
    expect(render()).not.toContain('lp-summary');
  });

  it('shows the continuation notice as a link to the new page, defaulting its wording', () => {
    const html = render({ continuedTo: { url: '/live/ukraine-live-2', notice: 'Follow us here' } });
    expect(html).toMatch(/<aside class="lp-continued" role="note"><p><a class="lp-continued__link" href="\/live\/ukraine-live-2">Follow us here<\/a>/);
    const dflt = render({ continuedTo: { url: '/live/next', notice: '' } });
    expect(textOf(section(dflt, '<aside', '</aside>'))).toBe(DEFAULT_CONTINUATION_NOTICE);
    expect(render()).not.toContain('<aside');
  });

  it('lists key events in a collapsible list, linking on-page posts by fragment', () => {
    const html = render({
      keyEvents: [
        { id: 'p1', title: 'First', publishedAt: '2025-02-27T15:46:00.000Z' },
        { id: 'old', title: 'Older one', publishedAt: '2025-02-26T09:00:00.000Z' },
      ],
    });
    const list = section(html, '<details class="lp-key-events"', '</details>');
    expect(list).toContain('<summary class="lp-key-events__toggle">Key events</summary>');
    expect(attrValues(list, 'href')).toEqual(['#post-p1', '/live/ukraine-live/posts/old']);
    // The render's day is 1 March: both events were on other days, so they say which.
    expect(textOf(list)).toBe('Key events 27 Feb 15:46 First 26 Feb 09:00 Older one');
    const sameDay = render({ ctx: makeCtx({ now: new Date('2025-02-27T20:00:00Z') }), keyEvents: [{ id: 'p1', title: 'First', publishedAt: '2025-02-27T15:46:00.000Z' }] });
    expect(textOf(section(sameDay, '<details class="lp-key-events"', '</details>'))).toBe('Key events 15:46 First');
    expect(render()).not.toContain('<details class="lp-key-events"');
  });

  it('shows the pinned post before the stream', () => {
    const pinned = renderPostHtml(makePost({ id: 'pin', title: 'Pinned one', pinned: true }), ctx);
    const html = render({ pinnedHtml: pinned });
    expect(html).toContain(`<section class="lp-pinned" aria-labelledby="lp-pinned-title"><p class="lp-pinned__title" id="lp-pinned-title">Pinned post</p><div>${pinned}</div></section>`);
    expect(html.indexOf('lp-pinned')).toBeLessThan(html.indexOf('lp-stream'));
  });

  it('inserts the cached post articles unchanged, in the given order, inside the stream', () => {
    const view = makeView();
    const html = renderLivePage(view);
    const day = '<h2 class="lp-day" data-day="2025-02-27"><time datetime="2025-02-27">Thursday 27 February</time></h2>';
    expect(html).toContain(`<section class="lp-stream" id="lp-stream" aria-label="Live updates"><div class="lp-stream__posts">${day}${view.postsHtml.join('')}</div></section>`);
    expect(html.indexOf('id="post-p2"')).toBeLessThan(html.indexOf('id="post-p1"'));
  });

  it('says so when there are no posts yet', () => {
    expect(textOf(render({ postsHtml: [] }))).toContain('No updates have been posted yet.');
  });

  it('has an empty polite live region from page load', () => {
    expect(render()).toContain('<div aria-live="polite" aria-atomic="false" class="visually-hidden" id="lp-announcer"></div>');
  });

  it('paginates with Newest, Previous, Next, Oldest and "Page N of M"', () => {
    const html = render({ pageNo: 2, pageCount: 3 });
    const nav = section(html, '<nav class="lp-pagination" aria-label="Pagination"', '</nav>');
    expect(textOf(nav)).toBe('Newest Previous Page 2 of 3 Next Oldest');
    expect(attrValues(nav, 'href')).toEqual(['/live/ukraine-live', '/live/ukraine-live', '/live/ukraine-live?page=3', '/live/ukraine-live?page=3']);
    expect(html).toContain('<title>Ukraine war: latest (page 2 of 3)</title>');
  });

  it('disables the links that do not apply, and drops the nav for a single page', () => {
    const first = section(render({ pageNo: 1, pageCount: 3 }), '<nav class="lp-pagination"', '</nav>');
    expect(attrValues(first, 'href')).toEqual(['/live/ukraine-live?page=2', '/live/ukraine-live?page=3']);
    expect(textOf(first)).toBe('Newest Previous Page 1 of 3 Next Oldest');
    expect(first.match(/lp-pagination__link--disabled/g)).toHaveLength(2);
    expect(render({ pageCount: 1 })).not.toContain('<nav class="lp-pagination"');
  });

  it('ends with the footer', () => {
    expect(textOf(section(render(), '<footer class="lp-footer"', '</footer>'))).toBe('Powered by livepage');
  });

  it('escapes markup in the title, description, summary and captions', () => {
    const html = render({
      page: makePage({
        title: EVIL, description: EVIL, summary: [EVIL],
        featuredMedia: { type: 'image', src: '/a.jpg', alt: EVIL, caption: EVIL, credit: EVIL },
      }),
      keyEvents: [{ id: 'p1', title: EVIL, publishedAt: '2025-02-27T15:46:00.000Z' }],
      continuedTo: { url: '/live/x', notice: EVIL },
      postsHtml: [],
    });
    expect(scriptTags(html)).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(textOf(html).split(EVIL).length - 1).toBeGreaterThanOrEqual(8);
  });

  it('has no iframe, script or third-party request anywhere', () => {
    const post = renderPostHtml(
      makePost({
        body: [
          { type: 'embed', url: 'https://www.youtube.com/watch?v=1' },
          { type: 'video', src: 'https://video.example.org/v.mp4', poster: 'https://video.example.org/p.jpg' },
        ],
      }),
      ctx,
    );
    const html = render({ postsHtml: [post], page: makePage({ featuredMedia: { type: 'video', src: '/v.mp4', poster: 'https://t.example.com/p.jpg' } }) });
    expect(html).not.toMatch(/<iframe|poster=/);
    expect(scriptTags(html)).toEqual([]);
  });

  it('marks where the stream crosses midnight in the page zone, DST included', () => {
    const tz = makeCtx({ timeZone: 'America/New_York', locale: 'en-US', now: new Date('2025-03-10T12:00:00Z') });
    const posts = ['2025-03-09T07:30:00Z', '2025-03-09T04:59:00Z', '2025-03-09T05:00:00Z'].map((at, i) => renderPostHtml(makePost({ id: `p${i}`, publishedAt: at }), tz));
    // Newest first: 03:30 EDT on the 9th (after the spring-forward), then 00:00 EST on the 9th, then 23:59 EST on the 8th.
    const html = render({ ctx: tz, postsHtml: [posts[0]!, posts[2]!, posts[1]!] });
    const days = [...html.matchAll(/<h2 class="lp-day" data-day="([^"]+)"><time datetime="[^"]+">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(days).toEqual([
      ['2025-03-09', 'Sunday, March 9'],
      ['2025-03-08', 'Saturday, March 8'],
    ]);
    expect(/lp-post__clock[^>]*>([^<]+)</.exec(posts[0]!)?.[1]).toBe('03:30 EDT');
    expect(/lp-post__clock[^>]*>([^<]+)</.exec(posts[1]!)?.[1]).toBe('23:59 EST');
  });

  it('offers newest or oldest first and key events only as plain links, the current one marked', () => {
    const html = render({ view: { order: 'oldest', only: 'all' }, pageNo: 1, pageCount: 2 });
    const nav = section(html, '<nav class="lp-options"', '</nav>');
    expect(attrValues(nav, 'href')).toEqual(['/live/ukraine-live', '/live/ukraine-live?order=oldest', '/live/ukraine-live?order=oldest', '/live/ukraine-live?order=oldest&only=key-events']);
    expect(attrValues(nav, 'aria-current')).toEqual(['true', 'true']);
    expect(textOf(nav)).toBe('Newest first Oldest first All posts Key events only');
    // Pagination keeps the view; the ends swap their words, and the view is not indexed on its own.
    const pages = section(html, '<nav class="lp-pagination"', '</nav>');
    expect(attrValues(pages, 'href')).toEqual(['/live/ukraine-live?order=oldest&page=2', '/live/ukraine-live?order=oldest&page=2']);
    expect(textOf(pages)).toBe('Oldest Previous Page 1 of 2 Next Newest');
    expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(render()).not.toContain('name="robots"');
  });

  it('speaks the page language: Spanish words, Arabic right to left', () => {
    const es = render({ ctx: makeCtx({ locale: 'es-ES' }), page: makePage({ locale: 'es-ES', summary: ['Uno'] }), pageNo: 2, pageCount: 3 });
    expect(es).toContain('<h2 class="lp-summary__title" id="lp-summary-title">Resumen</h2>');
    expect(textOf(section(es, '<nav class="lp-pagination"', '</nav>'))).toBe('Más recientes Anterior Página 2 de 3 Siguiente Más antiguas');
    expect(es).toContain('<title>Ukraine war: latest (página 2 de 3)</title>');
    const ar = render({ ctx: makeCtx({ locale: 'ar-EG' }), page: makePage({ locale: 'ar-EG' }) });
    expect(ar).toMatch(/^<!doctype html><html lang="ar-EG" dir="rtl"/);
    expect(ar).toContain('>انتقل إلى المحتوى</a>');
  });

  it('gives the reader script its words and plural forms in the page language', () => {
    const html = render({ scriptHref: '/live.js', ctx: makeCtx({ locale: 'ar-EG' }) });
    const json = JSON.parse(/<script type="application\/json" id="lp-strings">([^<]*)<\/script>/.exec(html)![1]!);
    expect(Object.keys(json.newPosts)).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(json.reconnecting).toBe('جارٍ إعادة الاتصال…');
  });

  it("shows the newsroom's brand: name or logo, publisher, footer links, stylesheet", () => {
    const brand = { ...DEFAULT_BRAND, siteName: 'Daily Planet', publisherName: 'Planet Media Ltd', logo: { src: '/media/logo.png', width: 120, height: 32 }, footerLinks: [{ label: 'About us', url: '/about' }], poweredBy: false };
    const html = render({ brand, brandCssHref: '/brand-0123456789ab.css', publicUrl: 'https://planet.example' });
    expect(html).toContain('<a class="lp-masthead__home" href="/"><img class="lp-masthead__logo" src="/media/logo.png" alt="Daily Planet" width="120" height="32"/></a>');
    expect(html).toContain('<link rel="stylesheet" href="/static/livepage.css"/><link rel="stylesheet" href="/brand-0123456789ab.css"/>');
    expect(attrValues(html, 'property="og:site_name" content')).toEqual(['Daily Planet']);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Planet Media Ltd', url: 'https://planet.example/', logo: { '@type': 'ImageObject', url: 'https://planet.example/media/logo.png' } });
    expect(textOf(section(html, '<footer class="lp-footer"', '</footer>'))).toBe('About us');
  });

  it('tells readers without scripts that the page updates itself when scripts run', () => {
    expect(textOf(section(render(), '<noscript>', '</noscript>'))).toBe('This page updates itself when scripts run. Reload it for the latest posts.');
  });
});

describe('paginationLinks', () => {
  it('has no newer links on page 1 and no older links on the last page', () => {
    expect(paginationLinks('/live/x', 1, 1)).toEqual({ newest: null, previous: null, next: null, oldest: null });
    expect(paginationLinks('/live/x', 3, 3)).toEqual({ newest: '/live/x', previous: '/live/x?page=2', next: null, oldest: null });
  });
});

describe('articleIds', () => {
  it('reads the post ids of rendered articles', () => {
    const html = renderPostHtml(makePost({ id: 'a-1' }), ctx);
    expect([...articleIds([html, '<p>not a post</p>'])]).toEqual(['a-1']);
  });
});
