/**
 * The reader page, `GET /live/{slug}` (SPEC §1): complete without JavaScript. Posts
 * arrive as cached `<article>` strings and are concatenated once, never re-rendered.
 */
import type { VNode } from 'preact';
import { inlineToPlain, parseInline } from '../domain/inline.js';
import { DEFAULT_CONTINUATION_NOTICE, type FeaturedMedia, type Page } from '../domain/page.js';
import type { Block } from '../domain/block.js';
import { BlockView } from './blocks.js';
import type { RenderContext } from './context.js';
import { Document, renderDocument, SiteFooter } from './document.js';
import { Inline } from './inline.js';
import { Pagination } from './pagination.js';
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
  cssHref: string;
  ctx: RenderContext;
  /** Shown in the masthead; defaults to "livepage". */
  siteName?: string;
}

/** The complete reader page, doctype included. */
export function renderLivePage(view: LivePageView): string {
  const { page, ctx } = view;
  const basePath = `/live/${page.slug}`;
  const onThisPage = articleIds(view.pinnedHtml ? [view.pinnedHtml, ...view.postsHtml] : view.postsHtml);
  return renderDocument(
    <Document
      lang={ctx.locale}
      title={view.pageNo > 1 ? `${page.title} (page ${view.pageNo} of ${view.pageCount})` : page.title}
      description={metaDescription(page)}
      canonicalUrl={view.canonicalUrl}
      cssHref={view.cssHref}
      htmlAttrs={{ 'data-seq': page.seq }}
    >
      <a class="lp-skip" href="#main">
        Skip to content
      </a>
      <header class="lp-masthead">
        <a class="lp-masthead__home" href="/">
          {view.siteName ?? 'livepage'}
        </a>
      </header>
      <main id="main" class="lp-main" data-seq={page.seq}>
        <PageHeader page={page} />
        {page.featuredMedia && <Featured media={page.featuredMedia} ctx={ctx} />}
        <Summary points={page.summary} ctx={ctx} />
        {view.continuedTo && <ContinuationNotice {...view.continuedTo} />}
        <KeyEvents events={view.keyEvents} basePath={basePath} onThisPage={onThisPage} ctx={ctx} />
        {view.pinnedHtml && (
          <section class="lp-pinned" aria-labelledby="lp-pinned-title">
            <p class="lp-pinned__title" id="lp-pinned-title">
              Pinned post
            </p>
            <div dangerouslySetInnerHTML={{ __html: view.pinnedHtml }} />
          </section>
        )}
        <section class="lp-stream" id="lp-stream" aria-label="Live updates">
          {view.postsHtml.length === 0 && <p class="lp-stream__empty">No updates have been posted yet.</p>}
          <div class="lp-stream__posts" dangerouslySetInnerHTML={{ __html: view.postsHtml.join('') }} />
        </section>
        {/* Present from load: screen readers ignore live regions inserted later. */}
        <div aria-live="polite" aria-atomic="false" class="visually-hidden" id="lp-announcer"></div>
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

function metaDescription(page: Page): string {
  if (page.description) return page.description;
  const first = page.summary[0];
  return first ? inlineToPlain(parseInline(first)) : `Live coverage: ${page.title}`;
}

function PageHeader({ page }: { page: Page }): VNode {
  return (
    <header class="lp-header">
      {page.state === 'live' && <p class="lp-live">Live</p>}
      <h1 class="lp-header__title">{page.title}</h1>
      {page.description && <p class="lp-header__description">{page.description}</p>}
    </header>
  );
}

function Featured({ media, ctx }: { media: FeaturedMedia; ctx: RenderContext }): VNode {
  // Same markup as body blocks, so captions, credits and the poster rule match.
  const block: Block =
    media.type === 'video'
      ? { type: 'video', src: media.src, caption: media.caption, credit: media.credit, poster: media.poster }
      : { type: 'image', src: media.src, alt: media.alt ?? '', caption: media.caption, credit: media.credit };
  return (
    <div class="lp-featured">
      <BlockView block={block} ctx={ctx} priority />
    </div>
  );
}

function Summary({ points, ctx }: { points: string[]; ctx: RenderContext }): VNode | null {
  if (points.length === 0) return null;
  return (
    <section class="lp-summary" aria-labelledby="lp-summary-title">
      <h2 class="lp-summary__title" id="lp-summary-title">
        Summary
      </h2>
      <ul class="lp-summary__list">
        {points.map((p) => (
          <li>
            <Inline text={p} ctx={ctx} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ContinuationNotice({ url, notice }: { url: string; notice: string }): VNode {
  return (
    <aside class="lp-continued" role="note">
      <p>
        <a class="lp-continued__link" href={url}>
          {notice.trim() || DEFAULT_CONTINUATION_NOTICE}
        </a>
      </p>
    </aside>
  );
}

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
