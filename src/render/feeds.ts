/**
 * A page's feeds (SPEC §6): Atom 1.0, RSS 2.0 and JSON Feed 1.1, built with the `feed`
 * library. Entries are the page's published posts, newest first; each links to the
 * post's permalink and carries the post's cached `<article>` HTML as its content, with
 * site-relative URLs made absolute (a feed has no base URL to resolve them against).
 */
import { Feed, type Item } from 'feed';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';

export const FEED_FORMATS = ['atom', 'rss', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** The media types for `<link rel="alternate" type=…>`. */
export const FEED_LINK_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  json: 'application/feed+json',
};

/** Where a page's feed is served, relative to the site. */
export const feedPath = (slug: string, format: FeedFormat): string => `/live/${slug}/feed.${format}`;

/** One entry: the post and its rendered `<article>` (the page's cached fragment). */
export interface FeedEntry {
  post: Post;
  html: string;
}

export interface FeedView {
  page: Page;
  /** The site's public base URL, without a trailing slash. */
  publicUrl: string;
  /** Plain-text description of the coverage. */
  description: string;
  /** Absolute featured image URL, if any. */
  image: string | null;
  siteName: string;
  /** Newest first. */
  entries: FeedEntry[];
}

/** The feed in `format`, as the bytes to send. */
export function renderFeed(format: FeedFormat, view: FeedView): string {
  const { page, publicUrl } = view;
  const pageUrl = `${publicUrl}/live/${page.slug}`;
  // RSS readers show channel text as HTML, as they do item titles: escape it the same way
  // (Atom's feed title and subtitle are declared text, JSON Feed's are plain).
  const channelText = format === 'rss' ? htmlAsText : (s: string) => s;
  const feed = new Feed({
    id: stableId(page.id, pageUrl),
    title: channelText(page.title),
    description: channelText(view.description),
    link: pageUrl,
    feedLinks: Object.fromEntries(FEED_FORMATS.map((f) => [f, publicUrl + feedPath(page.slug, f)])),
    language: page.locale,
    updated: new Date(page.updatedAt),
    generator: 'livepage',
    // Atom needs an author on the feed or on every entry; a post without a byline is the site's.
    author: { name: view.siteName, link: `${publicUrl}/` },
    ...(view.image ? { image: view.image } : {}),
  });
  for (const entry of view.entries) feed.addItem(item(format, entry, pageUrl, publicUrl));
  if (format === 'json') return jsonFeed11(feed.json1(), view);
  return xmlSafe(format === 'atom' ? feed.atom1() : feed.rss2());
}

function item(format: FeedFormat, { post, html }: FeedEntry, pageUrl: string, publicUrl: string): Item {
  const names = post.contributors.map((c) => c.name);
  const permalink = `${pageUrl}/posts/${post.id}`;
  const published = new Date(post.publishedAt ?? post.createdAt);
  return {
    // Atom and RSS declare their titles as HTML (Atom: type="html"; RSS readers treat them
    // so): escape, so a title reading "<b>" is shown, not applied. JSON Feed's is plain.
    title: format === 'json' ? post.title : escapeHtml(post.title),
    id: stableId(post.id, permalink),
    link: permalink,
    date: post.editedAt ? new Date(post.editedAt) : published,
    published,
    content: format === 'json' ? absoluteUrls(html, publicUrl) : cdataSafe(absoluteUrls(html, publicUrl)),
    ...byline(format, names),
  };
}

/** The post's contributors, for the item; none when the post has no byline. */
function byline(format: FeedFormat, names: string[]): Pick<Item, 'author' | 'extensions'> {
  if (names.length === 0) return {};
  // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
  if (format === 'rss') return { extensions: [{ name: 'dc:creator', objects: { _text: names.join(', ') } }] };
  return { author: names.map((name) => ({ name })) };
}

/**
 * The `feed` library writes JSON Feed 1.0 (one `author`); version 1.1 has `authors`
 * and `language`. Upgrade its output rather than build the document by hand.
 */
function jsonFeed11(json: string, view: FeedView): string {
  const doc = JSON.parse(json) as { author?: unknown; items: { author?: unknown; authors?: unknown }[] } & Record<string, unknown>;
  doc.version = 'https://jsonfeed.org/version/1.1';
  doc.language = view.page.locale;
  delete doc.author;
  doc.authors = [{ name: view.siteName, url: `${view.publicUrl}/` }];
  doc.items.forEach((it, i) => {
    delete it.author;
    const contributors = view.entries[i]!.post.contributors;
    if (contributors.length > 0) it.authors = contributors.map((c) => ({ name: c.name }));
  });
  return JSON.stringify(doc);
}

/**
 * The post's HTML with its site-relative `src`, `href`, `poster` and `srcset` values (`/uploads/a.jpg`)
 * made absolute: feed readers show a feed's HTML with no base URL, so the page's own images
 * and links would break. Works on the fragment as Preact writes it: attribute values are
 * double-quoted and `"` is escaped in text and values alike, so ` src="/` occurs only as an
 * attribute; a `//host` (protocol-relative) value is left as it is.
 */
export function absoluteUrls(html: string, publicUrl: string): string {
  const base = escapeAttribute(publicUrl);
  return html
    .replace(/(\s(?:src|href|poster)=")\/(?!\/)/g, (_, start: string) => `${start}${base}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_, start: string, list: string) => `${start}${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${base}/`)}"`);
}

/** A URN from our UUIDs: stays the same when the site moves to another address. */
function stableId(id: string, fallback: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? `urn:uuid:${id}` : fallback;
}

/**
 * Drops what XML 1.0 cannot hold at all (C0 controls other than tab and line breaks,
 * U+FFFE/FFFF, lone surrogates), from the whole document at once. The API refuses control
 * characters, but a feed must stay well-formed whatever older data or imports hold.
 */
export function xmlSafe(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * The library wraps HTML in CDATA and splits only the first `]]>`. In HTML, `]]>` can
 * only be text or a quoted attribute value, where `]]&gt;` means the same.
 */
function cdataSafe(html: string): string {
  return html.replaceAll(']]>', ']]&gt;');
}

function escapeAttribute(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

/**
 * `s` escaped for HTML like `escapeHtml`, for a field the `feed` library writes as XML text:
 * its writer (xml-js) turns a literal "&amp;" back into "&" before escaping, so `&` is
 * written as the equivalent `&#38;`, which it leaves alone.
 */
function htmlAsText(s: string): string {
  return s.replace(/&/g, '&#38;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
