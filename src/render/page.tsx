/**
 * The reader page, `GET /live/{slug}` (SPEC §1): complete without JavaScript. Posts
 * arrive as cached `<article>` strings and are concatenated once, never re-rendered.
 */
import type { VNode } from 'preact';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import type { RenderContext } from './context.js';
import { Document, renderDocument, SITE_NAME, SiteFooter } from './document.js';
import { FEED_FORMATS, FEED_LINK_TYPES, feedPath } from './feeds.js';
import { Pagination } from './pagination.js';
import { Slot, SLOT_IDS, slotContents, Stream } from './parts.js';
import { eagerFirstPicture } from './picture.js';
import { featuredImageUrl, jsonLdText, liveBlogPosting, pageDescription, type PostLd } from './structured-data.js';
import { formatClock } from './time.js';

/** A key event in the "Key events" list. */
export interface KeyEventLink {
  id: string;
  title: string;
  publishedAt: string;
}

/** Everything the reader page shows; the server assembles it from the store and caches. */
export interface LivePageView {
  page: Page;
  /** 1-based. */
  pageNo: number;
  pageCount: number;
  /** Pre-rendered post articles (renderPostHtml), newest first. */
  postsHtml: string[];
  /** The pinned post's article; only on page 1. */
  pinnedHtml: string | null;
  keyEvents: KeyEventLink[];
  continuedTo: { url: string; notice: string } | null;
  canonicalUrl: string;
  /**
   * The site's public base URL (LIVEPAGE_PUBLIC_URL), for absolute image URLs and the
   * publisher; defaults to the context's origin.
   */
  publicUrl?: string;
  /**
   * The posts whose articles this page shows, in the same order (pinned first): the
   * JSON-LD lists them (none when absent). The HTML comes from the cached fragments.
   */
  posts?: Post[];
  /** Each post's JSON-LD part, cached per post version by the server (computed when absent). */
  postLd?: (post: Post) => PostLd;
  cssHref: string;
  ctx: RenderContext;
  /** Shown in the masthead and named as publisher; defaults to "livepage". */
  siteName?: string;
  /**
   * The reader script (`public/build/live.js` as served), loaded as a deferred module
   * script; null or absent: no script, the page works without it.
   */
  scriptHref?: string | null;
}

/** The complete reader page, doctype included. */
export function renderLivePage(view: LivePageView): string {
  const { page, ctx } = view;
  const basePath = `/live/${page.slug}`;
  const onThisPage = articleIds(view.pinnedHtml ? [view.pinnedHtml, ...view.postsHtml] : view.postsHtml);
  // Without a featured image, the top post's picture is above the fold on page 1: loaded first.
  const promote = view.pageNo === 1 && page.featuredMedia?.type !== 'image';
  const slots = slotContents(view);
  let postsHtml = view.postsHtml;
  if (promote && slots.pinned) slots.pinned = eagerFirstPicture(slots.pinned);
  else if (promote && postsHtml[0]) postsHtml = [eagerFirstPicture(postsHtml[0]), ...postsHtml.slice(1)];
  const description = pageDescription(page);
  return renderDocument(
    <Document
      lang={ctx.locale}
      title={view.pageNo > 1 ? `${page.title} (page ${view.pageNo} of ${view.pageCount})` : page.title}
      description={description}
      canonicalUrl={view.canonicalUrl}
      cssHref={view.cssHref}
      scriptHref={view.scriptHref ?? undefined}
      htmlAttrs={{ 'data-seq': page.seq }}
      head={<DistributionHead view={view} description={description} />}
    >
      <a class="lp-skip" href="#main">
        Skip to content
      </a>
      <header class="lp-masthead">
        <a class="lp-masthead__home" href="/">
          {view.siteName ?? SITE_NAME}
        </a>
      </header>
      {/* data-page and data-base tell the reader script where it is and where to listen. */}
      <main id="main" class="lp-main" data-seq={page.seq} data-page={view.pageNo} data-base={basePath}>
        {/* The slots are always present, even empty: live events replace them whole. */}
        <Slot id={SLOT_IDS.header} html={slots.header} />
        <Slot id={SLOT_IDS.summary} html={slots.summary} />
        <Slot id={SLOT_IDS.notice} html={slots.notice} />
        <KeyEvents events={view.keyEvents} basePath={basePath} onThisPage={onThisPage} ctx={ctx} />
        <Slot id={SLOT_IDS.pinned} html={slots.pinned} />
        <Stream postsHtml={postsHtml} />
        <Pagination basePath={basePath} pageNo={view.pageNo} pageCount={view.pageCount} />
      </main>
      <SiteFooter />
    </Document>,
  );
}

/**
 * The post ids whose articles are in these fragments. Key events on other pages of the
 * stream link to their permalink instead of a `#post-…` fragment that is not here.
 */
export function articleIds(fragments: string[]): Set<string> {
  const ids = new Set<string>();
  for (const html of fragments) {
    const m = /^\s*<article id="post-([^"]+)"/.exec(html);
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

/**
 * Feed links, Open Graph and Twitter card tags, and the JSON-LD. Part of the cached page
 * (it changes with the seq like the rest); live updates never need to touch it.
 */
function DistributionHead({ view, description }: { view: LivePageView; description: string }): VNode {
  const { page } = view;
  const siteName = view.siteName ?? SITE_NAME;
  const publicUrl = view.publicUrl ?? view.ctx.siteOrigin;
  const image = featuredImageUrl(page.featuredMedia, publicUrl);
  const imageAlt = page.featuredMedia?.type === 'image' ? page.featuredMedia.alt : undefined;
  const jsonLd = liveBlogPosting({
    page,
    url: view.canonicalUrl,
    description,
    image,
    publisher: { name: siteName, url: `${publicUrl}/` },
    posts: view.posts ?? [],
    postLd: view.postLd,
  });
  return (
    <>
      {FEED_FORMATS.map((f) => (
        <link rel="alternate" type={FEED_LINK_TYPES[f]} title={`${page.title} (${FEED_NAMES[f]})`} href={feedPath(page.slug, f)} />
      ))}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:title" content={page.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={view.canonicalUrl} />
      <meta property="og:locale" content={page.locale.replace('-', '_')} />
      {image && <meta property="og:image" content={image} />}
      {image && imageAlt && <meta property="og:image:alt" content={imageAlt} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={page.title} />
      <meta name="twitter:description" content={description} />
      {image && <meta name="twitter:image" content={image} />}
      {image && imageAlt && <meta name="twitter:image:alt" content={imageAlt} />}
      {/* A data block, not a script: the CSP does not apply and nothing runs. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd) }} />
    </>
  );
}

const FEED_NAMES = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' } as const;

function KeyEvents(props: {
  events: KeyEventLink[];
  basePath: string;
  onThisPage: Set<string>;
  ctx: RenderContext;
}): VNode | null {
  if (props.events.length === 0) return null;
  const { timeZone, locale } = props.ctx;
  return (
    <details class="lp-key-events">
      <summary class="lp-key-events__toggle">Key events</summary>
      <ul class="lp-key-events__list">
        {props.events.map((e) => (
          <li>
            <a href={props.onThisPage.has(e.id) ? `#post-${e.id}` : `${props.basePath}/posts/${e.id}`}>
              <time class="lp-key-events__time" dateTime={e.publishedAt}>
                {formatClock(e.publishedAt, timeZone, locale)}
              </time>{' '}
              <span class="lp-key-events__title">{e.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
