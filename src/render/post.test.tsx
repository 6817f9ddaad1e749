import { describe, expect, it } from 'vitest';
import { LABELS } from '../domain/post.js';
import { postLabel, renderPostHtml } from './post.js';
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
    expect(html).toContain(
      '<time datetime="2025-02-27T15:46:00.000Z">published at 15:46 Greenwich Mean Time 27 February</time>',
    );
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
  });

  it('puts the label above the title', () => {
    const html = renderPostHtml(makePost({ label: 'breaking' }), ctx);
    expect(textOf(html)).toMatch(/^Breaking Ceasefire talks resume published at/);
    expect(html).toContain('lp-label--breaking');
  });

  it('has reader-facing text for every label', () => {
    const texts = LABELS.map((label) => textOf(renderPostHtml(makePost({ label, title: 'T' }), ctx)).split(' T ')[0]);
    expect(texts).toEqual(['Breaking', 'Analysis', 'Explainer', 'Correction', 'Key event']);
  });

  it('labels an unlabelled key event "Key event", and keeps an explicit label', () => {
    expect(postLabel({ label: null, keyEvent: true })).toBe('key-event');
    expect(postLabel({ label: 'analysis', keyEvent: true })).toBe('analysis');
    expect(postLabel({ label: null, keyEvent: false })).toBeNull();
    const html = renderPostHtml(makePost({ keyEvent: true }), ctx);
    expect(textOf(html)).toMatch(/^Key event /);
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
    expect(textOf(html)).toContain('27 February A. Reporter Defence correspondent B. Writer Talks resumed');
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
});
