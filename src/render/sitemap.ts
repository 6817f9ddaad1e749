/**
 * `/sitemap.xml` (sitemaps.org 0.9) and `/robots.txt`. No library: a sitemap is a flat
 * list of URLs and dates, and every value goes through {@link xmlText}.
 */

/** One page in the sitemap: its URL and when it last changed. */
export interface SitemapEntry {
  url: string;
  lastModified: string;
}

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${xmlText(e.url)}</loc><lastmod>${xmlText(w3cDate(e.lastModified))}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Crawlers may read the reader pages; the newsroom, the API and the live streams (which
 * never end) are not for them.
 */
export function renderRobots(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /newsroom',
    'Disallow: /api/',
    'Disallow: /live/*/events',
    'Disallow: /live/*/updates',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

/** Escapes the five XML special characters. */
export function xmlText(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** W3C Datetime in UTC, seconds precision, as sitemaps.org shows it. */
function w3cDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
