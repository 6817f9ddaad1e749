/**
 * Reading third-party HTML for facts only (htmlparser2: a parser, never a browser): a
 * page's oEmbed discovery link, canonical address and OpenGraph / Twitter-card tags, and
 * the plain text of a provider's embed markup. Nothing here keeps or renders HTML: every
 * value comes out as text, to be escaped wherever it is shown.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface PageMeta {
  /** The `<link rel="alternate" type="application/json+oembed">` address, absolute. */
  oembed?: string;
  canonical?: string;
  title?: string;
  description?: string;
  image?: string;
  siteName?: string;
  author?: string;
  handle?: string;
  publishedAt?: string;
  /** og:type ("video.other", "article"…). */
  type?: string;
}

/** The facts of a page's `<head>` (and anywhere else a CMS put its meta tags). */
export function readPageMeta(html: string, baseUrl: string): PageMeta {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const meta = new Map<string, string>();
  let oembed: string | undefined;
  let canonical: string | undefined;
  for (const el of DomUtils.getElementsByTagName('meta', doc)) {
    const key = (el.attribs.property ?? el.attribs.name ?? '').toLowerCase();
    const value = el.attribs.content;
    if (key && value && !meta.has(key)) meta.set(key, value);
  }
  for (const el of DomUtils.getElementsByTagName('link', doc)) {
    const rel = (el.attribs.rel ?? '').toLowerCase().split(/\s+/);
    const href = el.attribs.href;
    if (!href) continue;
    if (!oembed && rel.includes('alternate') && (el.attribs.type ?? '').toLowerCase() === 'application/json+oembed') oembed = absolute(href, baseUrl);
    if (!canonical && rel.includes('canonical')) canonical = absolute(href, baseUrl);
  }
  const titleEl = DomUtils.getElementsByTagName('title', doc)[0];
  const get = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v.trim() !== '');
  const creator = get('twitter:creator');
  return clean({
    oembed,
    canonical: canonical ?? absolute(get('og:url') ?? '', baseUrl),
    title: get('og:title', 'twitter:title') ?? (titleEl ? DomUtils.textContent(titleEl) : undefined),
    description: get('og:description', 'twitter:description', 'description'),
    image: absolute(get('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? '', baseUrl),
    siteName: get('og:site_name', 'application-name'),
    author: get('author', 'article:author'),
    handle: creator && /^@[\w.@-]{1,100}$/.test(creator) ? creator : undefined,
    publishedAt: get('article:published_time', 'og:article:published_time', 'datepublished'),
    type: get('og:type'),
  });
}

export interface MarkupFacts {
  /** The post's words: the paragraphs of the markup's first blockquote. */
  text?: string;
  /** The blockquote's whole text, when it has no paragraphs (Reddit's title and "by u/…"; Threads' "Post by @…"). */
  quoteText?: string;
  /** The date its attribution line links (X, Bluesky, Threads end their quote with it). */
  publishedAt?: string;
  /** Addresses of scripts and frames the markup loads (what its sandbox must allow). */
  loads: string[];
  /** The first frame's address (a player). */
  frameSrc?: string;
}

/** What a provider's embed markup says, as text; `baseUrl` resolves its relative addresses. */
export function readMarkup(html: string, baseUrl: string): MarkupFacts {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const loads = [...DomUtils.getElementsByTagName('script', doc), ...DomUtils.getElementsByTagName('iframe', doc)].flatMap((el) => {
    const src = absolute(el.attribs.src ?? '', baseUrl);
    return src ? [src] : [];
  });
  const frame = DomUtils.getElementsByTagName('iframe', doc)[0];
  const quote = DomUtils.getElementsByTagName('blockquote', doc)[0];
  let text: string | undefined;
  let quoteText: string | undefined;
  let publishedAt: string | undefined;
  if (quote) {
    const paragraphs = DomUtils.getElementsByTagName('p', quote).map(plainText).filter(Boolean);
    text = paragraphs.length ? paragraphs.join('\n') : undefined;
    const links = DomUtils.getElementsByTagName('a', quote);
    const last = links[links.length - 1];
    // Bluesky writes "December 4, 2026 at 9:12 AM", which Date.parse does not read with its "at".
    const when = last ? Date.parse(plainText(last).replace(/ at /, ' ')) : NaN;
    if (!Number.isNaN(when)) publishedAt = new Date(when).toISOString();
    if (!text) quoteText = plainText(quote) || undefined;
  }
  return { text, quoteText, publishedAt, loads, frameSrc: frame ? absolute(frame.attribs.src ?? '', baseUrl) : undefined };
}

/** An element's text with `<br>` as line breaks and whitespace runs made single. */
function plainText(el: Element): string {
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push((n as { data: string }).data);
      else if ('name' in n && (n as Element).name === 'br') parts.push('\n');
      else if ('name' in n && ((n as Element).name === 'script' || (n as Element).name === 'style')) continue;
      else if ('children' in n) walk((n as Element).children);
    }
  };
  walk(el.children);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** An http(s) address made absolute; anything else (javascript:, data:…) is dropped. */
export function absolute(href: string, baseUrl: string): string | undefined {
  if (!href.trim()) return undefined;
  try {
    const u = new URL(href.trim(), baseUrl);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
