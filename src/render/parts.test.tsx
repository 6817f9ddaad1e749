import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTINUATION_NOTICE } from '../domain/page.js';
import { renderPageParts, SLOT_IDS } from './parts.js';
import { renderPostHtml } from './post.js';
import { EVIL, makeCtx, makePage, makePost, textOf } from './test-fixtures.js';

const ctx = makeCtx();
const parts = (o: Partial<Parameters<typeof renderPageParts>[0]> = {}) =>
  renderPageParts({ page: makePage(), pinnedHtml: null, continuedTo: null, ctx, ...o });

describe('renderPageParts', () => {
  it('gives every slot as an element with its stable id, empty when there is nothing to show', () => {
    expect(parts()).toEqual({
      header: `<div id="${SLOT_IDS.header}"><header class="lp-header"><p class="lp-live">Live</p><h1 class="lp-header__title">Ukraine war: latest</h1></header></div>`,
      summary: '<div id="lp-slot-summary"></div>',
      notice: '<div id="lp-slot-notice"></div>',
      pinned: '<div id="lp-slot-pinned"></div>',
    });
  });

  it('drops the Live label once the page has ended', () => {
    expect(textOf(parts({ page: makePage({ state: 'ended' }) }).header)).toBe('Ukraine war: latest');
  });

  it('renders the summary with inline rich text', () => {
    const { summary } = parts({ page: makePage({ summary: ['Talks **resume**', 'Second'] }) });
    expect(summary).toMatch(/^<div id="lp-slot-summary"><section class="lp-summary" aria-labelledby="lp-summary-title">/);
    expect(summary).toContain('<li>Talks <strong>resume</strong></li><li>Second</li>');
  });

  it('renders the continuation notice, with the default wording when blank', () => {
    expect(parts({ continuedTo: { url: '/live/next', notice: 'Over here' } }).notice).toBe(
      '<div id="lp-slot-notice"><aside class="lp-continued" role="note"><p><a class="lp-continued__link" href="/live/next">Over here</a></p></aside></div>',
    );
    expect(textOf(parts({ continuedTo: { url: '/live/next', notice: ' ' } }).notice)).toBe(DEFAULT_CONTINUATION_NOTICE);
  });

  it('wraps the pinned article unchanged', () => {
    const pinned = renderPostHtml(makePost({ id: 'pin', pinned: true }), ctx);
    expect(parts({ pinnedHtml: pinned }).pinned).toContain(`<div>${pinned}</div></section></div>`);
  });

  it('escapes text fields', () => {
    const all = Object.values(parts({ page: makePage({ title: EVIL, description: EVIL, summary: [EVIL] }), continuedTo: { url: '/x', notice: EVIL } })).join('');
    expect(all).not.toContain('<script');
    expect(textOf(all).split(EVIL).length - 1).toBe(4);
  });
});
