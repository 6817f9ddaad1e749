/**
 * The reader page, `GET /live/{slug}` (SPEC §1): complete without JavaScript. Posts
 * arrive as cached `<article>` strings and are concatenated once, never re-rendered.
 */
import type { VNode } from 'preact';
import { DEFAULT_BRAND, type Brand } from '../domain/brand.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import { BrandFooter, Masthead } from './brand.js';
import type { RenderContext } from './context.js';
import { Document, renderDocument } from './document.js';
import { FEED_FORMATS, FEED_LINK_TYPES, feedPath } from './feeds.js';
import { messages, pluralForms, type Messages } from './i18n.js';
import { Pagination, streamUrl, type StreamView } from './pagination.js';
import { Slot, SLOT_IDS, slotContents, Stream } from './parts.js';
import { eagerFirstPicture } from './picture.js';
import { featuredImageUrl, jsonLdText, liveBlogPosting, pageDescription, type PostLd } from './structured-data.js';
import { dayKey, formatDay, formatEventTime } from './time.js';

export type { StreamView } from './pagination.js';

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
  /** Pre-rendered post articles (renderPostHtml), in the view's order. */
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
  /** The newsroom's brand (site name, logo, colours, footer, publisher); the product's own when absent. */
  brand?: Brand;
  /** The brand's stylesheet (brandCssHref), after the main one. */
  brandCssHref?: string | null;
  /** Reading order and filter (`?order=oldest`, `?only=key-events`); newest first, everything, when absent. */
  view?: StreamView;
  /**
   * The reader script (`public/build/live.js` as served), loaded as a deferred module
   * script; null or absent: no script, the page works without it.
   */
  scriptHref?: string | null;
}

/** The complete reader page, doctype included. */
export function renderLivePage(view: LivePageView): string {
  const { page, ctx } = view;
  const m = messages(ctx.locale);
  const brand = view.brand ?? DEFAULT_BRAND;
  const sv: StreamView = view.view ?? { order: 'newest', only: 'all' };
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
      dir={m.dir}
      title={view.pageNo > 1 ? m.t('titlePageOf', { title: page.title, n: view.pageNo, count: view.pageCount }) : page.title}
      description={description}
      canonicalUrl={view.canonicalUrl}
      cssHref={view.cssHref}
      moreCss={view.brandCssHref ? [view.brandCssHref] : undefined}
      scriptHref={view.scriptHref ?? undefined}
      htmlAttrs={{ 'data-seq': page.seq }}
      head={<DistributionHead view={view} brand={brand} description={description} />}
      robots={sv.order !== 'newest' || sv.only !== 'all' ? 'noindex, follow' : undefined}
    >
      <a class="lp-skip" href="#main">
        {m.t('skipToContent')}
      </a>
      <Masthead brand={brand}>
        {/* Filled by the reader script: "Updated just now", or "Reconnecting…" while the stream is down. */}
        <p class="lp-status" id="lp-status" hidden></p>
      </Masthead>
      {/* data-page, data-base and data-tz tell the reader script where it is, where to listen and which day it is. */}
      <main
        id="main"
        class="lp-main lp-main--aside"
        data-seq={page.seq}
        data-page={view.pageNo}
        data-pages={view.pageCount}
        data-base={basePath}
        data-tz={ctx.timeZone}
        data-order={sv.order}
        data-only={sv.only}
      >
        {/* The slots are always present, even empty: live events replace them whole. */}
        <Slot id={SLOT_IDS.header} html={slots.header} />
        <noscript>
          <p class="lp-noscript">{m.t('noScript')}</p>
        </noscript>
        <Slot id={SLOT_IDS.notice} html={slots.notice} />
        {/* Beside the stream on wide screens (public/livepage.css), in this order above it on phones. */}
        <div class="lp-aside">
          <Slot id={SLOT_IDS.summary} html={slots.summary} />
          <KeyEvents events={view.keyEvents} basePath={basePath} onThisPage={onThisPage} ctx={ctx} m={m} />
          <ReadingOptions basePath={basePath} view={sv} m={m} />
        </div>
        <Slot id={SLOT_IDS.pinned} html={slots.pinned} />
        <Stream postsHtml={postsHtml} locale={ctx.locale} html={withDayMarkers(postsHtml, ctx)} />
        <Pagination basePath={basePath} pageNo={view.pageNo} pageCount={view.pageCount} view={sv} locale={ctx.locale} />
      </main>
      <BrandFooter brand={brand} locale={ctx.locale} />
      {view.scriptHref && <ClientStrings m={m} />}
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

/** A post fragment's publication instant: its first `<time datetime>` (the clock leads the article). */
function publishedOf(html: string): string | undefined {
  return /<time datetime="([^"]+)"/.exec(html)?.[1];
}

/** The day marker the stream shows before the first post of each day (in the page's zone). */
export function dayMarker(iso: string, ctx: RenderContext): string {
  const key = dayKey(iso, ctx.timeZone);
  return `<h2 class="lp-day" data-day="${key}"><time datetime="${key}">${escapeText(formatDay(iso, ctx.timeZone, ctx.locale, ctx.now))}</time></h2>`;
}

/**
 * The stream's articles with a day marker wherever the day changes in the page's zone,
 * and before the first: a reader scrolling back through a night of coverage sees when
 * "09:12" was.
 */
export function withDayMarkers(postsHtml: string[], ctx: RenderContext): string {
  let out = '';
  let day: string | undefined;
  for (const html of postsHtml) {
    const at = publishedOf(html);
    const key = at && dayKey(at, ctx.timeZone);
    if (at && key !== day) {
      out += dayMarker(at, ctx);
      day = key;
    }
    out += html;
  }
  return out;
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Feed links, Open Graph and Twitter card tags, and the JSON-LD. Part of the cached page
 * (it changes with the seq like the rest); live updates never need to touch it.
 */
function DistributionHead({ view, brand, description }: { view: LivePageView; brand: Brand; description: string }): VNode {
  const { page } = view;
  const publicUrl = view.publicUrl ?? view.ctx.siteOrigin;
  const image = featuredImageUrl(page.featuredMedia, publicUrl);
  const imageAlt = page.featuredMedia?.type === 'image' ? page.featuredMedia.alt : undefined;
  const jsonLd = liveBlogPosting({
    page,
    url: view.canonicalUrl,
    description,
    image,
    publisher: { name: brand.publisherName, url: `${publicUrl}/`, logo: brand.logo ? absolute(brand.logo.src, publicUrl) : undefined },
    posts: view.posts ?? [],
    postLd: view.postLd,
  });
  return (
    <>
      {FEED_FORMATS.map((f) => (
        <link rel="alternate" type={FEED_LINK_TYPES[f]} title={`${page.title} (${FEED_NAMES[f]})`} href={feedPath(page.slug, f)} />
      ))}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={brand.siteName} />
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

function absolute(src: string, publicUrl: string): string {
  return src.startsWith('/') ? `${publicUrl}${src}` : src;
}

const FEED_NAMES = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' } as const;

/**
 * The reader script's words in the page's language, as a JSON data block (nothing runs;
 * the CSP is untouched): the script stays small and carries no catalog of its own.
 * Plurals go as their forms by category, picked in the browser with Intl.PluralRules.
 */
function ClientStrings({ m }: { m: Messages }): VNode {
  const strings = {
    newPosts: pluralForms(m, 'newPosts'),
    newPost: m.source('newPost'),
    pageMoved: m.t('pageMoved'),
    reconnecting: m.t('reconnecting'),
    updatedJustNow: m.t('updatedJustNow'),
    updatedAgo: m.source('updatedAgo'),
    copyLink: m.t('copyLink'),
    linkCopied: m.t('linkCopied'),
    share: m.t('share'),
    showMorePosts: m.t('showMorePosts'),
    keyEvents: m.t('keyEvents'),
  };
  return <script type="application/json" id="lp-strings" dangerouslySetInnerHTML={{ __html: jsonLdText(strings) }} />;
}

/**
 * Newest or oldest first, everything or key events only: plain links (they work without
 * the script, and each view is its own cached URL), the current choice marked.
 */
function ReadingOptions({ basePath, view, m }: { basePath: string; view: StreamView; m: Messages }): VNode {
  const link = (to: StreamView, text: string) => {
    const current = to.order === view.order && to.only === view.only;
    return (
      <li>
        <a class="lp-options__link" href={streamUrl(basePath, 1, to)} aria-current={current ? 'true' : undefined}>
          {text}
        </a>
      </li>
    );
  };
  return (
    <nav class="lp-options" aria-label={m.t('readingOptions')}>
      <ul class="lp-options__list">
        {link({ ...view, order: 'newest' }, m.t('newestFirst'))}
        {link({ ...view, order: 'oldest' }, m.t('oldestFirst'))}
      </ul>
      <ul class="lp-options__list">
        {link({ ...view, only: 'all' }, m.t('allPosts'))}
        {link({ ...view, only: 'key-events' }, m.t('keyEventsOnly'))}
      </ul>
    </nav>
  );
}

function KeyEvents(props: { events: KeyEventLink[]; basePath: string; onThisPage: Set<string>; ctx: RenderContext; m: Messages }): VNode | null {
  if (props.events.length === 0) return null;
  const { timeZone, locale, now } = props.ctx;
  // Closed on phones (a tap opens it); wide screens show it open in the side column (CSS).
  return (
    <details class="lp-key-events">
      <summary class="lp-key-events__toggle">{props.m.t('keyEvents')}</summary>
      <ul class="lp-key-events__list">
        {props.events.map((e) => (
          <li>
            <a href={props.onThisPage.has(e.id) ? `#post-${e.id}` : `${props.basePath}/posts/${e.id}`}>
              <time class="lp-key-events__time" dateTime={e.publishedAt}>
                {formatEventTime(e.publishedAt, timeZone, locale, now)}
              </time>{' '}
              <span class="lp-key-events__title">{e.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
