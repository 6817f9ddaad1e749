/** The site's home page: live coverage first, then recent coverage. */
import type { VNode } from 'preact';
import type { Page } from '../domain/page.js';
import { Document, renderDocument, SiteFooter } from './document.js';
import { formatPublished } from './time.js';

/** What the home page shows. */
export interface IndexPageView {
  pages: Page[];
  cssHref: string;
  siteName?: string;
  /** The render's clock (decides whether update times show a year); defaults to now. */
  now?: Date;
}

/** The complete home page, doctype included. */
export function renderIndexPage(view: IndexPageView): string {
  const siteName = view.siteName ?? 'livepage';
  const now = view.now ?? new Date();
  const byRecent = [...view.pages].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const live = byRecent.filter((p) => p.state === 'live');
  const ended = byRecent.filter((p) => p.state !== 'live');
  return renderDocument(
    <Document lang="en" title={siteName} description={`Live coverage from ${siteName}`} cssHref={view.cssHref}>
      <a class="lp-skip" href="#main">
        Skip to content
      </a>
      <main id="main" class="lp-main lp-index">
        <h1 class="lp-index__title">{siteName}</h1>
        <PageList id="live-now" heading="Live now" pages={live} now={now} empty="Nothing is live right now." />
        <PageList id="recent" heading="Recent coverage" pages={ended} now={now} empty="No earlier coverage yet." />
      </main>
      <SiteFooter />
    </Document>,
  );
}

function PageList(props: { id: string; heading: string; pages: Page[]; now: Date; empty: string }): VNode {
  const headingId = `lp-${props.id}-title`;
  return (
    <section class="lp-index__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.pages.length === 0 ? (
        <p class="lp-index__empty">{props.empty}</p>
      ) : (
        <ul class="lp-index__list">
          {props.pages.map((p) => (
            <PageItem page={p} now={props.now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PageItem({ page, now }: { page: Page; now: Date }): VNode {
  return (
    <li class="lp-index__item">
      {/* Each page's title and times are in its own language, which may not be the site's. */}
      <p class="lp-index__headline">
        <a class="lp-index__link" href={`/live/${page.slug}`} lang={page.locale}>
          {page.title}
        </a>
      </p>
      <p class="lp-index__updated">
        Last updated{' '}
        <time dateTime={page.updatedAt} lang={page.locale}>
          {formatPublished(page.updatedAt, page.timeZone, page.locale, now)}
        </time>
      </p>
    </li>
  );
}
