import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '../domain/brand.js';
import { renderIndexPage } from './index-page.js';
import { EVIL, attrValues, makePage, textOf } from './test-fixtures.js';

const now = new Date('2025-03-01T12:00:00Z');
const pages = [
  makePage({ slug: 'old-story', title: 'Old story', state: 'ended', updatedAt: '2025-01-10T10:00:00.000Z' }),
  makePage({ slug: 'ukraine-live', title: 'Ukraine war: latest', updatedAt: '2025-02-27T15:46:00.000Z' }),
  makePage({
    slug: 'election',
    title: 'Election night',
    updatedAt: '2025-02-28T22:10:00.000Z',
    summary: ['Polls **closed** at 22:00', 'Second point'],
    featuredMedia: { type: 'image', src: '/media/0123456789abcdef0123456789abcdef/1280.jpg', alt: 'Count', width: 1600, height: 900 },
  }),
];

describe('renderIndexPage', () => {
  it('shows a card per page, live ones first by last update, then recent coverage', () => {
    const html = renderIndexPage({ pages, cssHref: '/static/livepage.css', now });
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(attrValues(html, 'href').filter((h) => h.startsWith('/live/'))).toEqual(['/live/election', '/live/ukraine-live', '/live/old-story']);
    const text = textOf(html);
    expect(text).toContain('Live now Live Election night Polls closed at 22:00 Last updated 22:10 Greenwich Mean Time 28 February');
    expect(text).not.toContain('Second point');
    expect(text).toContain('Recent coverage Old story Last updated 10:00 Greenwich Mean Time 10 January');
  });

  it("gives a card its page's picture (decorative: the headline names the card)", () => {
    const html = renderIndexPage({ pages, cssHref: '/c.css', now, siteOrigin: 'http://localhost:3000' });
    const card = html.slice(html.indexOf('<li class="lp-card lp-card--image"'), html.indexOf('</li>', html.indexOf('lp-card--image')));
    expect(card).toContain('<picture');
    // An empty alt, which Preact writes as a bare attribute.
    expect(card).toMatch(/<img [^>]* alt[ />]/);
    expect(html.match(/lp-card--image/g)).toHaveLength(1);
  });

  it("uses the newsroom's brand and says when nothing is live", () => {
    const brand = { ...DEFAULT_BRAND, siteName: 'Daily News', poweredBy: false, footerLinks: [{ label: 'Contact', url: 'https://daily.example/contact' }] };
    const html = renderIndexPage({ pages: [], cssHref: '/c.css', brand, brandCssHref: '/brand-aaaaaaaaaaaa.css', now });
    expect(html).toContain('<title>Daily News</title>');
    expect(html).toContain('<link rel="stylesheet" href="/brand-aaaaaaaaaaaa.css"/>');
    expect(textOf(html)).toContain('Nothing is live right now.');
    expect(textOf(html)).not.toContain('Powered by livepage');
    expect(textOf(html)).toContain('Contact');
  });

  it("writes each card in its page's language and direction", () => {
    const html = renderIndexPage({ pages: [makePage({ locale: 'ar-EG', title: 'عنوان' })], cssHref: '/c.css', now });
    expect(html).toContain('<li class="lp-card" lang="ar-EG" dir="rtl">');
    expect(textOf(html)).toContain('مباشر');
  });

  it('escapes page titles', () => {
    const html = renderIndexPage({ pages: [makePage({ title: EVIL })], cssHref: '/c.css', brand: { ...DEFAULT_BRAND, siteName: EVIL }, now });
    expect(html).not.toMatch(/<script|<b>/);
    expect(textOf(html)).toContain(EVIL);
  });
});
