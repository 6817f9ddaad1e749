import { describe, expect, it } from 'vitest';
import { renderIndexPage } from './index-page.js';
import { EVIL, attrValues, makePage, textOf } from './test-fixtures.js';

const now = new Date('2025-03-01T12:00:00Z');
const pages = [
  makePage({ slug: 'old-story', title: 'Old story', state: 'ended', updatedAt: '2025-01-10T10:00:00.000Z' }),
  makePage({ slug: 'ukraine-live', title: 'Ukraine war: latest', updatedAt: '2025-02-27T15:46:00.000Z' }),
  makePage({ slug: 'election', title: 'Election night', updatedAt: '2025-02-28T22:10:00.000Z' }),
];

describe('renderIndexPage', () => {
  it('lists live pages, most recently updated first, then recent coverage', () => {
    const html = renderIndexPage({ pages, cssHref: '/static/livepage.css', now });
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(attrValues(html, 'href').filter((h) => h.startsWith('/live/'))).toEqual([
      '/live/election', '/live/ukraine-live', '/live/old-story',
    ]);
    const text = textOf(html);
    expect(text).toContain('Live now Election night Last updated 22:10 Greenwich Mean Time 28 February');
    expect(text).toContain('Recent coverage Old story Last updated 10:00 Greenwich Mean Time 10 January');
  });

  it('uses the site name and says when nothing is live', () => {
    const html = renderIndexPage({ pages: [], cssHref: '/c.css', siteName: 'Daily News', now });
    expect(html).toContain('<title>Daily News</title>');
    expect(textOf(html)).toContain('Nothing is live right now.');
  });

  it('escapes page titles', () => {
    const html = renderIndexPage({ pages: [makePage({ title: EVIL })], cssHref: '/c.css', siteName: EVIL, now });
    expect(html).not.toMatch(/<script|<b>/);
    expect(textOf(html)).toContain(EVIL);
  });
});
