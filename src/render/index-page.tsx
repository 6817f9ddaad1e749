/**
 * The site's front page: a card for each live page first, then recent coverage; each
 * card with its Live badge, picture, first summary point and last update time, in the
 * newsroom's brand.
 */
import type { VNode } from 'preact';
import { DEFAULT_BRAND, type Brand } from '../domain/brand.js';
import type { Page } from '../domain/page.js';
import { BrandFooter, Masthead } from './brand.js';
import { Document, renderDocument } from './document.js';
import { around, direction, messages } from './i18n.js';
import { Inline } from './inline.js';
import { Picture } from './picture.js';
import { formatPublished } from './time.js';

/** What the home page shows. */
export interface IndexPageView {
  pages: Page[];
  cssHref: string;
  brandCssHref?: string | null;
  brand?: Brand;
  /** The site's language (LIVEPAGE_LOCALE); each card is in its page's own. */
  locale?: string;
  /** The site's origin: pictures on it get responsive sources. */
  siteOrigin?: string;
  /** The render's clock (decides whether update times show a year); defaults to now. */
  now?: Date;
}

/** Cards across the front page: how wide one is at most (public/livepage.css .lp-cards). */
const CARD_SIZES = '(min-width: 64rem) 20rem, (min-width: 40rem) 50vw, 100vw';

/** The complete home page, doctype included. */
export function renderIndexPage(view: IndexPageView): string {
  const brand = view.brand ?? DEFAULT_BRAND;
  const locale = view.locale ?? 'en';
  const m = messages(locale);
  const now = view.now ?? new Date();
  const byRecent = [...view.pages].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const live = byRecent.filter((p) => p.state === 'live');
  const ended = byRecent.filter((p) => p.state !== 'live');
  const card = { now, siteOrigin: view.siteOrigin ?? 'http://localhost' };
  return renderDocument(
    <Document
      lang={locale}
      dir={m.dir}
      title={brand.siteName}
      description={m.t('liveCoverageFrom', { site: brand.siteName })}
      cssHref={view.cssHref}
      moreCss={view.brandCssHref ? [view.brandCssHref] : undefined}
    >
      <a class="lp-skip" href="#main">
        {m.t('skipToContent')}
      </a>
      <Masthead brand={brand} />
      <main id="main" class="lp-main lp-index">
        <h1 class="lp-index__title">{brand.siteName}</h1>
        <PageCards id="live-now" heading={m.t('liveNow')} pages={live} empty={m.t('nothingLive')} {...card} />
        <PageCards id="recent" heading={m.t('recentCoverage')} pages={ended} empty={m.t('noEarlierCoverage')} {...card} />
      </main>
      <BrandFooter brand={brand} locale={locale} />
    </Document>,
  );
}

function PageCards(props: { id: string; heading: string; pages: Page[]; now: Date; empty: string; siteOrigin: string }): VNode {
  const headingId = `lp-${props.id}-title`;
  return (
    <section class="lp-index__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.pages.length === 0 ? (
        <p class="lp-index__empty">{props.empty}</p>
      ) : (
        <ul class="lp-cards">
          {props.pages.map((p, i) => (
            <PageCard page={p} now={props.now} siteOrigin={props.siteOrigin} priority={props.id === 'live-now' && i === 0} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PageCard({ page, now, siteOrigin, priority }: { page: Page; now: Date; siteOrigin: string; priority: boolean }): VNode {
  // Each page's words are in its own language, which may not be the site's.
  const m = messages(page.locale);
  const image = page.featuredMedia?.type === 'image' ? page.featuredMedia : null;
  const lead = page.summary[0];
  const ctx = { timeZone: page.timeZone, locale: page.locale, siteOrigin, now };
  const updated = around(m, 'lastUpdated', 'time');
  return (
    <li class={image ? 'lp-card lp-card--image' : 'lp-card'} lang={page.locale} dir={direction(page.locale)}>
      {image && (
        <div class="lp-card__media">
          {/* The headline names the card: the picture adds nothing a screen reader needs. */}
          <Picture src={image.src} alt="" width={image.width} height={image.height} color={image.color} siteOrigin={siteOrigin} priority={priority} sizes={CARD_SIZES} />
        </div>
      )}
      <div class="lp-card__text">
        {page.state === 'live' && <p class="lp-live lp-card__live">{m.t('live')}</p>}
        <h3 class="lp-card__headline">
          <a class="lp-index__link lp-card__link" href={`/live/${page.slug}`}>
            {page.title}
          </a>
        </h3>
        {lead && (
          <p class="lp-card__lead">
            <Inline text={lead} ctx={ctx} />
          </p>
        )}
        <p class="lp-index__updated lp-card__updated">
          {updated[0]}
          <time dateTime={page.updatedAt}>{formatPublished(page.updatedAt, page.timeZone, page.locale, now)}</time>
          {updated[1]}
        </p>
      </div>
    </li>
  );
}
