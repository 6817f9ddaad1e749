import { describe, expect, it } from 'vitest';
import { LABELS } from '../domain/post.js';
import { foldBody, postLabel, renderPostHtml } from './post.js';
import { EVIL, attrValues, makeCtx, makePost, postWith, textOf } from './test-fixtures.js';

const ctx = makeCtx();

describe('renderPostHtml', () => {
  it('is an article with the post id and version', () => {
    const html = renderPostHtml(makePost({ id: 'abc', version: 7 }), ctx);
    expect(html).toMatch(/^<article id="post-abc" class="lp-post" data-version="7"/);
    expect(html).toMatch(/<\/article>$/);
  });

  it('shows the title as h2 and the publication time in the page zone', () => {
    const html = renderPostHtml(makePost(), ctx);
    expect(html).toContain('>Ceasefire talks resume</h2>');
    // The clock on screen, the full words for screen readers and as the tooltip.
    expect(html).toContain(
      '<time datetime="2025-02-27T15:46:00.000Z" title="15:46 Greenwich Mean Time 27 February"><span class="lp-post__clock" aria-hidden="true">15:46 GMT</span> <span class="visually-hidden">published at 15:46 Greenwich Mean Time 27 February</span></time>',
    );
  });

  it('puts the clock first, above the label and title, as a focusable permalink', () => {
    const html = renderPostHtml(makePost({ id: 'p1', label: 'breaking' }), ctx);
    expect(html.indexOf('lp-post__clock')).toBeLessThan(html.indexOf('lp-label'));
    expect(html).toContain('<a class="lp-post__permalink" href="#post-p1">');
  });

  it('says BST in summer and GMT in winter for Europe/London (DST)', () => {
    const clock = (iso: string) => /lp-post__clock[^>]*>([^<]+)</.exec(renderPostHtml(makePost({ publishedAt: iso }), ctx))?.[1];
    expect(clock('2025-03-30T00:59:00Z')).toBe('00:59 GMT');
    expect(clock('2025-03-30T01:00:00Z')).toBe('02:00 BST');
    expect(clock('2025-10-26T00:59:00Z')).toBe('01:59 BST');
    expect(clock('2025-10-26T01:00:00Z')).toBe('01:00 GMT');
  });

  it('adds the year once the post is from a previous year', () => {
    const html = renderPostHtml(makePost(), makeCtx({ now: new Date('2026-01-05T10:00:00Z') }));
    expect(textOf(html)).toContain('published at 15:46 Greenwich Mean Time 27 February 2025');
  });

  it('normalises the datetime attribute to UTC', () => {
    const html = renderPostHtml(makePost({ publishedAt: '2025-07-04T10:05:00+02:00' }), ctx);
    expect(attrValues(html, 'datetime')).toEqual(['2025-07-04T08:05:00.000Z']);
    expect(textOf(html)).toContain('published at 09:05 British Summer Time 4 July');
  });

  it('falls back to createdAt when publishedAt is missing', () => {
    const html = renderPostHtml(makePost({ publishedAt: null }), ctx);
    expect(attrValues(html, 'datetime')).toEqual(['2025-02-27T15:40:00.000Z']);
  });

  it('shows "updated at" for edited posts only', () => {
    expect(textOf(renderPostHtml(makePost(), ctx))).not.toContain('updated at');
    const html = renderPostHtml(makePost({ editedAt: '2025-02-27T16:02:00Z' }), ctx);
    expect(html).toContain('<time class="lp-post__updated" datetime="2025-02-27T16:02:00.000Z">updated at 16:02</time>');
    expect(textOf(html)).toContain('27 February updated at 16:02');
    expect(textOf(renderPostHtml(makePost({ editedAt: '2025-02-27T16:02:00Z' }), makeCtx({ locale: 'es-ES', timeZone: 'Europe/Madrid' })))).toContain('actualizado a las 17:02');
  });

  it('puts the label above the title', () => {
    const html = renderPostHtml(makePost({ label: 'breaking' }), ctx);
    expect(textOf(html)).toMatch(/^15:46 GMT published at 15:46 Greenwich Mean Time 27 February Breaking Ceasefire talks resume/);
    expect(html).toContain('lp-label--breaking');
  });

  it('has reader-facing text for every label', () => {
    const label = (l: (typeof LABELS)[number], locale = 'en-GB') => /lp-label--[^"]+">([^<]+)</.exec(renderPostHtml(makePost({ label: l, title: 'T' }), makeCtx({ locale })))?.[1];
    expect(LABELS.map((l) => label(l))).toEqual(['Breaking', 'Analysis', 'Explainer', 'Correction', 'Key event']);
    expect(LABELS.map((l) => label(l, 'es-ES'))).toEqual(['Última hora', 'Análisis', 'Claves', 'Corrección', 'Momento clave']);
    expect(label('breaking', 'ar-EG')).toBe('عاجل');
  });

  it('labels an unlabelled key event "Key event", and keeps an explicit label', () => {
    expect(postLabel({ label: null, keyEvent: true })).toBe('key-event');
    expect(postLabel({ label: 'analysis', keyEvent: true })).toBe('analysis');
    expect(postLabel({ label: null, keyEvent: false })).toBeNull();
    const html = renderPostHtml(makePost({ keyEvent: true }), ctx);
    expect(textOf(html)).toMatch(/ February Key event Ceasefire/);
    expect(html).toContain('class="lp-post lp-post--key-event"');
  });

  it('marks pinned posts for styling', () => {
    expect(renderPostHtml(makePost({ pinned: true }), ctx)).toContain('lp-post--pinned');
  });

  it('shows each contributor name then role, after the time and before the body', () => {
    const html = renderPostHtml(
      makePost({
        contributors: [
          { name: 'A. Reporter', role: 'Defence correspondent' },
          { name: 'B. Writer' },
        ],
      }),
      ctx,
    );
    expect(textOf(html)).toContain('Ceasefire talks resume A. Reporter Defence correspondent B. Writer Talks resumed');
    expect(renderPostHtml(makePost(), ctx)).not.toContain('lp-byline');
  });

  it('renders the body blocks in order', () => {
    const html = renderPostHtml(
      postWith({ type: 'heading', text: 'First' }, { type: 'paragraph', text: 'Second' }),
      ctx,
    );
    expect(html).toContain('<div class="lp-post__body"><h3>First</h3><p>Second</p></div>');
  });

  it('escapes markup in the title and contributors', () => {
    const html = renderPostHtml(
      makePost({ title: EVIL, contributors: [{ name: EVIL, role: EVIL }], body: [{ type: 'paragraph', text: EVIL }] }),
      ctx,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(textOf(html).split(EVIL).length - 1).toBe(4);
  });

  it('offers plain share links to the permalink, with no script, when the page address is known', () => {
    expect(renderPostHtml(makePost(), ctx)).not.toContain('lp-share');
    const html = renderPostHtml(makePost({ id: 'p9', title: 'Talks & more' }), makeCtx({ pageUrl: 'https://news.example/live/talks' }));
    const u = encodeURIComponent('https://news.example/live/talks/posts/p9');
    expect(html).toContain('<details class="lp-share" data-url="https://news.example/live/talks/posts/p9">');
    expect(attrValues(html, 'href')).toEqual([
      '#post-p9',
      `https://x.com/intent/post?url=${u}&text=Talks%20%26%20more`,
      `https://www.facebook.com/sharer/sharer.php?u=${u}`,
      `https://wa.me/?text=Talks%20%26%20more%20${u}`,
      `mailto:?subject=Talks%20%26%20more&body=${u}`,
    ]);
    expect(html).not.toContain('<script');
  });
});

describe('foldBody', () => {
  const para = (n: number) => ({ type: 'paragraph' as const, text: 'x'.repeat(n) });
  it('shows a short post whole', () => {
    expect(foldBody([para(300), para(300)], false)).toEqual([[para(300), para(300)], []]);
  });

  it('folds a long post after about fourteen lines, keeping at least its first block', () => {
    const body = Array.from({ length: 8 }, () => para(450));
    const [shown, folded] = foldBody(body, false);
    expect(shown.length).toBe(3);
    expect(folded.length).toBe(5);
    expect(foldBody([para(9000), para(9000)], false)[0]).toEqual([para(9000)]);
  });

  it('folds a long pinned post whole behind "Show more", a short one not at all', () => {
    expect(foldBody([para(300), para(300), para(300)], true)).toEqual([[], [para(300), para(300), para(300)]]);
    expect(foldBody([para(100)], true)).toEqual([[para(100)], []]);
  });

  it('renders the folded blocks in a details element with localised words', () => {
    const body = Array.from({ length: 8 }, () => para(450));
    const html = renderPostHtml(makePost({ body }), makeCtx({ locale: 'es-ES' }));
    expect(html).toContain('<details class="lp-more"><summary class="lp-more__toggle"><span class="lp-more__open">Mostrar más</span><span class="lp-more__close">Mostrar menos</span></summary>');
  });
});
