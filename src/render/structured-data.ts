/**
 * What search engines and link previews read from a reader page (SPEC §6): a schema.org
 * `LiveBlogPosting` whose `liveBlogUpdate` lists the posts of that HTML page, and the
 * plain-text pieces (headline, body, image) that Open Graph and feeds reuse. Pure. A post's
 * part ({@link postLd}: headline and plain text parse every block's Markdown) is the costly
 * bit: the server caches it per post version beside the post's HTML, so a page render only
 * assembles.
 */
import { cardPlainText } from '../domain/embed.js';
import { ownMediaHash, shareJpeg } from './picture.js';
import type { Block } from '../domain/block.js';
import { inlineToPlain, parseInline } from '../domain/inline.js';
import type { FeaturedMedia, Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';

/** Who publishes the coverage: the site. */
export interface Publisher {
  name: string;
  url: string;
  /** The newsroom's logo, absolute (schema.org Organization `logo`). */
  logo?: string | undefined;
}

export interface LiveBlogInput {
  page: Page;
  /** This HTML page's canonical URL (with `?page=N` after page 1). */
  url: string;
  description: string;
  /** Absolute URL of the featured image, if any. */
  image: string | null;
  publisher: Publisher;
  /** The posts this HTML page shows, in the order shown (pinned first on page 1). */
  posts: Post[];
  /** Each post's {@link postLd}, from a cache; computed here when absent. */
  postLd?: (post: Post) => PostLd;
}

type Json = Record<string, unknown>;

/**
 * A post's `BlogPosting` without its `url` (which names the HTML page showing it, so it
 * differs between page 1 and later pages): what depends on the post's version alone.
 */
export interface PostLd {
  headline: string;
  datePublished: string;
  dateModified: string;
  articleBody: string;
  author: Json[];
}

/** The page's `LiveBlogPosting`, ready for {@link jsonLdText}. */
export function liveBlogPosting(input: LiveBlogInput): Json {
  const { page, url, publisher } = input;
  const org = organization(publisher);
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    // No mainEntityOfPage or @id: both would repeat `url`, and schema.org reads this as the page's own entity.
    url,
    headline: page.title,
    description: input.description,
    inLanguage: page.locale,
    datePublished: iso(page.createdAt),
    dateModified: iso(page.updatedAt),
    coverageStartTime: iso(page.createdAt),
    ...(page.state === 'ended' && page.endedAt ? { coverageEndTime: iso(page.endedAt) } : {}),
    ...(input.image ? { image: [input.image] } : {}),
    publisher: org,
    liveBlogUpdate: input.posts.map((post) => ({
      '@type': 'BlogPosting',
      url: `${url}#post-${post.id}`,
      ...(input.postLd ? input.postLd(post) : postLd(post, publisher)),
    })),
  };
}

/**
 * The post's `BlogPosting` fields other than `url`: headline, dates, plain-text body and
 * authors. Parses every block's inline Markdown, so callers serving pages cache it per
 * post version.
 */
export function postLd(post: Post, publisher: Publisher): PostLd {
  const published = iso(post.publishedAt ?? post.createdAt);
  const articleBody = postPlainText(post);
  return {
    headline: postHeadline(post, articleBody),
    datePublished: published,
    dateModified: post.editedAt ? iso(post.editedAt) : published,
    articleBody,
    // A post without a byline is the newsroom's: the publisher stands as its author.
    author: post.contributors.length > 0 ? post.contributors.map((c) => ({ '@type': 'Person', name: c.name })) : [organization(publisher)],
  };
}

function organization(p: Publisher): Json {
  return { '@type': 'Organization', name: p.name, url: p.url, ...(p.logo ? { logo: { '@type': 'ImageObject', url: p.logo } } : {}) };
}

/** Longest fallback headline, as search engines truncate longer ones anyway. */
const HEADLINE_MAX = 110;

/** The post's title, or the start of its text when it has none (`text`: its plain text, if already made). */
export function postHeadline(post: Post, text?: string): string {
  const title = post.title.trim();
  return title || excerpt(text ?? postPlainText(post), HEADLINE_MAX) || 'Update';
}

/** Cuts text at a word boundary within `max` characters, marking the cut with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The post's words as plain text, block by block (for `articleBody`). */
export function postPlainText(post: Pick<Post, 'body'>): string {
  return post.body.map(blockText).filter((t) => t !== '').join('\n\n');
}

const plain = (text: string | undefined) => (text ? inlineToPlain(parseInline(text)) : '');

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return plain(block.text);
    case 'list':
      return block.items.map(plain).join('\n');
    case 'quote':
      return block.cite ? `${plain(block.text)}\n${block.cite}` : plain(block.text);
    case 'image':
      return plain(block.caption);
    case 'video':
      return plain(block.caption);
    case 'embed':
      // The card's words and link, as readers of the page see them.
      return [plain(block.caption), block.card ? cardPlainText(block.card) : block.url].filter(Boolean).join('\n');
  }
}

/** The page's description for meta tags and feeds: its own, else its first key point. */
export function pageDescription(page: Pick<Page, 'description' | 'summary' | 'title'>): string {
  if (page.description) return page.description;
  const first = page.summary[0];
  return first ? plain(first) : `Live coverage: ${page.title}`;
}

/**
 * The featured image (or a video's poster) as an absolute URL, for previews and JSON-LD:
 * on our own media, a large JPEG derivative (every reader of a feed or card takes JPEG).
 */
export function featuredImageUrl(media: FeaturedMedia | null, publicUrl: string): string | null {
  let src = media?.type === 'image' ? media.src : media?.poster;
  if (!src) return null;
  const hash = media?.type === 'image' && media.width ? ownMediaHash(src, publicUrl) : null;
  if (hash) src = shareJpeg(hash, media!.width!);
  try {
    return new URL(src, `${publicUrl}/`).href;
  } catch {
    return null;
  }
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` as `\u` escapes
 * so no text can close the element or open a comment, and U+2028/2029 escaped for old
 * JavaScript parsers. The result is still exactly the same JSON value.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** ISO 8601 UTC with milliseconds, the form the rest of the page uses. */
function iso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
