/**
 * A post's renderings, made once per version and shared by the reader page, its later
 * pages, the embed, feeds and live events: its <article>, and its JSON-LD part (which parses
 * every block's Markdown, far too slow to repeat for every post of every page render).
 */
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import type { RenderContext } from './context.js';
import { Lru, stringBytes } from './lru.js';
import { continuation, renderPageParts, type PageParts } from './parts.js';
import { renderPostHtml } from './post.js';
import { postLd, type PostLd, type Publisher } from './structured-data.js';
import { dayKey, zoneYear } from './time.js';

/** A post's cached renderings: its <article>, and its JSON-LD part once a page has needed it. */
interface Fragment {
  html: string;
  ld?: PostLd;
}

/** The weight of a fragment: its HTML and, once made, its JSON-LD part (both as strings). */
const fragmentBytes = (f: Fragment): number => stringBytes(f.html) + (f.ld ? stringBytes(JSON.stringify(f.ld)) : 0);

/** At most this much is kept (docs/performance.md); a page render re-renders what fell out. */
export const FRAGMENTS_BUDGET = 32 * 2 ** 20;

export class PostFragments {
  private readonly fragments = new Lru<string, Fragment>({ maxEntries: 20_000, maxBytes: FRAGMENTS_BUDGET, sizeOf: fragmentBytes });
  private readonly years = new Map<string, { year: number; until: number }>();
  private readonly days = new Map<string, { day: string; until: number }>();
  private readonly siteOrigin: string;
  private _publisher: Publisher;

  constructor(private readonly publicUrl: string) {
    this.siteOrigin = new URL(publicUrl).origin;
    this._publisher = { name: 'livepage', url: `${publicUrl}/` };
  }

  /** Who publishes (the brand's publisher): the author of posts without a byline in JSON-LD. */
  get publisher(): Publisher {
    return this._publisher;
  }

  /** A new publisher (the brand changed): JSON-LD parts naming the old one are dropped. */
  setPublisher(name: string, logo?: string): void {
    if (name === this._publisher.name && logo === this._publisher.logo) return;
    this._publisher = { name, url: `${this.publicUrl}/`, logo };
    this.fragments.clear();
  }

  /** Bytes and entries kept (metrics). */
  get bytes(): number {
    return this.fragments.bytes;
  }

  get size(): number {
    return this.fragments.size;
  }

  /** A post's <article>, rendered once per version, pin state, zone, locale and year. */
  article(post: Post, ctx: RenderContext): string {
    return this.fragment(post, ctx).html;
  }

  /** A post's JSON-LD part (headline, dates, plain-text body, authors), kept beside its <article>. */
  postLd(post: Post, ctx: RenderContext): PostLd {
    const key = this.key(post, ctx);
    const fragment = this.fragment(post, ctx);
    if (!fragment.ld) {
      fragment.ld = postLd(post, this._publisher);
      this.fragments.set(key, fragment); // weighed again, with its JSON-LD part
    }
    return fragment.ld;
  }

  /** The page's changing parts (header, summary, notice, pinned post) as the page and live events carry them. */
  pageParts(page: Page, pinned: Post | undefined): PageParts {
    const ctx = this.context(page);
    return renderPageParts({ page, pinnedHtml: pinned ? this.article(pinned, ctx) : null, continuedTo: continuation(page), ctx });
  }

  /** A page's render context; with its slug, posts carry share links to their permalinks. */
  context(page: Pick<Page, 'timeZone' | 'locale'> & { slug?: string }): RenderContext {
    const ctx: RenderContext = { timeZone: page.timeZone, locale: page.locale, siteOrigin: this.siteOrigin, now: new Date() };
    if (page.slug) ctx.pageUrl = `${this.publicUrl}/live/${page.slug}`;
    return ctx;
  }

  /** The current day (`YYYY-MM-DD`) in a zone: key events say the day when it is not today, so pages key on it. */
  day(timeZone: string): string {
    const now = Date.now();
    let d = this.days.get(timeZone);
    if (!d || now >= d.until) {
      d = { day: dayKey(new Date(now), timeZone), until: now + 60_000 };
      this.days.set(timeZone, d);
    }
    return d.day;
  }

  /**
   * The current year in a zone, worked out at most once a minute (Intl is slow on a hot
   * path). Part of every cache key: post times show the year when it is not the current one.
   */
  year(timeZone: string): number {
    const now = Date.now();
    let y = this.years.get(timeZone);
    if (!y || now >= y.until) {
      y = { year: zoneYear(timeZone, new Date(now)), until: now + 60_000 };
      this.years.set(timeZone, y);
    }
    return y.year;
  }

  private key(post: Post, ctx: RenderContext): string {
    return `${post.id}:${post.version}:${post.pinned ? 1 : 0}:${ctx.timeZone}:${ctx.locale}:${this.year(ctx.timeZone)}:${ctx.pageUrl ?? ''}`;
  }

  private fragment(post: Post, ctx: RenderContext): Fragment {
    const key = this.key(post, ctx);
    let fragment = this.fragments.get(key);
    if (fragment === undefined) {
      fragment = { html: renderPostHtml(post, ctx) };
      this.fragments.set(key, fragment);
    }
    return fragment;
  }
}
