/**
 * The embed view, `GET /live/{slug}/embed` (SPEC §6): the stream alone, compact, for an
 * `<iframe>` on another site. Posts are the same cached `<article>` strings as the page's
 * and the notice and pinned slots the same strings as live events carry, so the reader
 * script keeps it live exactly as it does the page.
 */
import type { VNode } from 'preact';
import type { Page } from '../domain/page.js';
import { renderDocument } from './document.js';
import { Stream } from './parts.js';

/** How many of the latest posts the embed shows (and keeps, as new ones arrive). */
export const EMBED_POSTS = 10;

/** Everything the embed view shows. */
export interface EmbedView {
  page: Page;
  /** Pre-rendered post articles (renderPostHtml), newest first, at most {@link EMBED_POSTS}. */
  postsHtml: string[];
  /** The notice and pinned slots' outerHTML, as renderPageParts makes them. */
  noticeSlot: string;
  pinnedSlot: string;
  /** The full page's canonical URL. */
  canonicalUrl: string;
  cssHref: string;
  embedCssHref: string;
  /** The reader script; null: the embed is static (still complete). */
  scriptHref: string | null;
}

/**
 * The complete embed document. Its own head: `<base target="_blank">` sends every link
 * (post bodies included) to a new tab instead of navigating the frame, and the page's
 * feeds and structured data have no place in a fragment of someone else's page.
 */
export function renderEmbedPage(view: EmbedView): string {
  const { page } = view;
  const pageUrl = `/live/${page.slug}`;
  return renderDocument(
    <html lang={page.locale} data-seq={page.seq}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{page.title}</title>
        <link rel="canonical" href={view.canonicalUrl} />
        <meta name="color-scheme" content="light dark" />
        <base target="_blank" />
        <link rel="stylesheet" href={view.cssHref} />
        <link rel="stylesheet" href={view.embedCssHref} />
        {view.scriptHref && <script type="module" src={view.scriptHref}></script>}
      </head>
      <body class="lp-embedded">
        {/* data-embed: the reader script reports the height to the host page; data-max: posts kept. */}
        <main id="main" class="lp-main" data-seq={page.seq} data-page={1} data-base={pageUrl} data-embed="" data-max={EMBED_POSTS}>
          <EmbedHeader page={page} href={pageUrl} />
          <div class="lp-embedded__slots" dangerouslySetInnerHTML={{ __html: view.noticeSlot + view.pinnedSlot }} />
          <Stream postsHtml={view.postsHtml} />
          <p class="lp-embedded__more">
            <a href={pageUrl} target="_blank" rel="noopener">
              All updates on the live page
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
}

/** The Live label and the title, linking to the full page; the reader script keeps both current. */
function EmbedHeader({ page, href }: { page: Page; href: string }): VNode {
  return (
    <header class="lp-embedded__header">
      {page.state === 'live' && <p class="lp-live">Live</p>}
      <h1 class="lp-embedded__title">
        <a href={href} target="_blank" rel="noopener">
          {page.title}
        </a>
      </h1>
    </header>
  );
}
