/**
 * The reader page, `GET /live/{slug}` (SPEC §1): complete without JavaScript. Posts
 * arrive as cached `<article>` strings and are concatenated once, never re-rendered.
 */
import { DEFAULT_BRAND, type Brand } from '../domain/brand.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import { BrandFooter, Masthead } from './brand.js';
import { ClientStrings } from './client-strings.js';
import type { RenderContext } from './context.js';
import { withDayMarkers } from './day-markers.js';
import { Document, renderDocument } from './document.js';
import { messages } from './i18n.js';
import { articleIds, KeyEvents, ReadingOptions, type KeyEventLink } from './page-aside.js';
import { DistributionHead } from './page-head.js';
import { DEFAULT_VIEW, Pagination, type StreamView } from './pagination.js';
import { Slot, SLOT_IDS, slotContents, Stream } from './parts.js';
import { eagerFirstPicture } from './picture.js';
import { pageDescription, type PostLd } from './structured-data.js';

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
  const sv: StreamView = view.view ?? DEFAULT_VIEW;
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
