/**
 * The parts of a reader page that change while readers watch (SPEC §4): the header
 * (with the featured media), the summary, the continuation notice and the pinned post.
 * Each sits in a slot element that is always on the page, even when empty, so a
 * `page.updated` / `page.continued` / `page.ended` event can carry a slot's outerHTML
 * and the reader script swaps it in. The page renders its slots with these very
 * functions, so the page and the events agree byte for byte.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Block } from '../domain/block.js';
import { DEFAULT_CONTINUATION_NOTICE, type FeaturedMedia, type Page } from '../domain/page.js';
import { BlockView } from './blocks.js';
import type { RenderContext } from './context.js';
import { messages } from './i18n.js';
import { Inline } from './inline.js';

/** The ids of the slot elements; the reader script looks them up by these. */
export const SLOT_IDS = {
  header: 'lp-slot-header',
  summary: 'lp-slot-summary',
  notice: 'lp-slot-notice',
  pinned: 'lp-slot-pinned',
} as const;

/** What the dynamic parts depend on: the same fields as {@link LivePageView}'s. */
export interface PagePartsInput {
  page: Page;
  /** The pinned post's article (renderPostHtml), or null when nothing is pinned. */
  pinnedHtml: string | null;
  continuedTo: { url: string; notice: string } | null;
  ctx: RenderContext;
}

/** Where readers of a continued page should go, and what the notice says. */
export function continuation(page: Page): { url: string; notice: string } | null {
  return page.continuedTo ? { url: `/live/${page.continuedTo}`, notice: page.continuationNotice ?? DEFAULT_CONTINUATION_NOTICE } : null;
}

/** Each slot's outerHTML (`<div id="lp-slot-…">…</div>`), as the page contains it. */
export interface PageParts {
  header: string;
  summary: string;
  notice: string;
  pinned: string;
}

/** Renders every slot; `page.*` events carry these strings in `parts`. */
export function renderPageParts(input: PagePartsInput): PageParts {
  const inner = slotContents(input);
  return {
    header: slotHtml(SLOT_IDS.header, inner.header),
    summary: slotHtml(SLOT_IDS.summary, inner.summary),
    notice: slotHtml(SLOT_IDS.notice, inner.notice),
    pinned: slotHtml(SLOT_IDS.pinned, inner.pinned),
  };
}

/** The inside of each slot (empty string for an empty slot). */
export function slotContents({ page, pinnedHtml, continuedTo, ctx }: PagePartsInput): PageParts {
  return {
    header: renderToString(<HeaderPart page={page} ctx={ctx} />),
    summary: page.summary.length > 0 ? renderToString(<Summary points={page.summary} ctx={ctx} />) : '',
    notice: continuedTo
      ? renderToString(<ContinuationNotice {...continuedTo} />)
      : page.continuedFrom
        ? renderToString(<EarlierCoverage slug={page.continuedFrom} text={messages(ctx.locale).t('earlierCoverage')} />)
        : '',
    pinned: pinnedHtml ? renderToString(<Pinned html={pinnedHtml} title={messages(ctx.locale).t('pinnedPost')} />) : '',
  };
}

/**
 * A slot element around pre-rendered HTML. The page and {@link renderPageParts} both
 * go through here, so the bytes are the same.
 */
export function Slot({ id, html }: { id: string; html: string }): VNode {
  return <div id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The stream of cached post fragments and the polite live region that announces new ones;
 * the reader script finds both by id, on the reader page and in the embed alike.
 */
export function Stream({ postsHtml, locale = 'en', html }: { postsHtml: string[]; locale?: string; html?: string }): VNode {
  const m = messages(locale);
  return (
    <>
      <section class="lp-stream" id="lp-stream" aria-label={m.t('liveUpdates')}>
        {postsHtml.length === 0 && <p class="lp-stream__empty">{m.t('noUpdates')}</p>}
        <div class="lp-stream__posts" dangerouslySetInnerHTML={{ __html: html ?? postsHtml.join('') }} />
      </section>
      {/* Present from load: screen readers ignore live regions inserted later. */}
      <div aria-live="polite" aria-atomic="false" class="visually-hidden" id="lp-announcer"></div>
    </>
  );
}

function slotHtml(id: string, html: string): string {
  return renderToString(<Slot id={id} html={html} />);
}

function HeaderPart({ page, ctx }: { page: Page; ctx: RenderContext }): VNode {
  return (
    <>
      <header class="lp-header">
        {page.state === 'live' && <p class="lp-live">{messages(ctx.locale).t('live')}</p>}
        <h1 class="lp-header__title">{page.title}</h1>
        {page.description && <p class="lp-header__description">{page.description}</p>}
      </header>
      {page.featuredMedia && <Featured media={page.featuredMedia} ctx={ctx} />}
    </>
  );
}

function Featured({ media, ctx }: { media: FeaturedMedia; ctx: RenderContext }): VNode {
  // Same markup as body blocks, so captions, credits and the poster rule match.
  const block: Block =
    media.type === 'video'
      ? { type: 'video', src: media.src, caption: media.caption, credit: media.credit, poster: media.poster }
      : { type: 'image', src: media.src, alt: media.alt ?? '', caption: media.caption, credit: media.credit, width: media.width, height: media.height, color: media.color };
  return (
    <div class="lp-featured">
      <BlockView block={block} ctx={ctx} priority />
    </div>
  );
}

function Summary({ points, ctx }: { points: string[]; ctx: RenderContext }): VNode {
  return (
    <section class="lp-summary" aria-labelledby="lp-summary-title">
      <h2 class="lp-summary__title" id="lp-summary-title">
        {messages(ctx.locale).t('summary')}
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

/** The link back from a page that continues another page's coverage. */
function EarlierCoverage({ slug, text }: { slug: string; text: string }): VNode {
  return (
    <p class="lp-earlier">
      <a class="lp-earlier__link" href={`/live/${slug}`}>
        {text}
      </a>
    </p>
  );
}

function Pinned({ html, title }: { html: string; title: string }): VNode {
  return (
    <section class="lp-pinned" aria-labelledby="lp-pinned-title">
      <p class="lp-pinned__title" id="lp-pinned-title">
        {title}
      </p>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
