/**
 * Reader pages and feeds, rendered once and served many times. A post's <article> is
 * rendered once per version (and reused by the page, live events and feeds); a whole page
 * or feed is cached under an ETag made of the page's seq, so a request for an unchanged
 * page costs one indexed lookup and a buffer write, or a 304.
 */
import { DEFAULT_CONTINUATION_NOTICE, POSTS_PER_PAGE, type Page, type PageState } from '../domain/page.js';
import { isVisible, type Post } from '../domain/post.js';
import { findPageById, findPageBySlug, listPages, pageHead } from '../store/pages.js';
import { countNewer, countStream, findPostRow, listKeyEvents, listStream, postFromRow } from '../store/posts.js';
import type { Db, Store } from '../store/store.js';
import type { RenderContext } from '../render/context.js';
import { SITE_NAME } from '../render/document.js';
import { renderFeed, type FeedFormat } from '../render/feeds.js';
import { renderIndexPage } from '../render/index-page.js';
import { Lru } from '../render/lru.js';
import { renderLivePage } from '../render/page.js';
import { renderPageParts, type PageParts } from '../render/parts.js';
import { renderPostHtml } from '../render/post.js';
import { featuredImageUrl, pageDescription } from '../render/structured-data.js';
import { zoneYear } from '../render/time.js';
import { readerCacheControl } from './cache-control.js';

/** Where readers of a continued page should go, and what the notice says. */
function continuation(page: Page): { url: string; notice: string } | null {
  return page.continuedTo ? { url: `/live/${page.continuedTo}`, notice: page.continuationNotice ?? DEFAULT_CONTINUATION_NOTICE } : null;
}

/** Entries in a feed: the newest posts; older ones are on the page and its later pages. */
export const FEED_POSTS = 50;

/**
 * How long a page's seq may be taken from memory. Changes made through this process
 * invalidate it at once (see `changed`); the TTL bounds how late we notice writes by other
 * processes (CLI imports, other nodes), well inside the pages' own max-age.
 */
const HEAD_TTL_MS = 1000;

type Head = NonNullable<Awaited<ReturnType<typeof pageHead>>>;

export interface ReaderPagesOptions {
  publicUrl: string;
  cssHref: string;
  /** The live-update script, or null when it has not been built (the page works without it). */
  scriptHref: string | null;
  /** Changes with every release, so cached pages from an older template are not reused. */
  buildId: string;
  securityHeaders: Record<string, string>;
}

export interface RenderedPage {
  body: Buffer;
  etag: string;
  state: PageState;
  /**
   * Every response header, prepared once as node's flat [name, value, …] array (measurably
   * faster to write than an object): serving the page is writing two buffers.
   */
  headers: (string | number)[];
  /** The same for a 304 Not Modified. */
  notModifiedHeaders: string[];
}

/** A rendered feed and the state its caching follows. */
export interface RenderedFeed {
  body: Buffer;
  etag: string;
  state: PageState;
}

export class ReaderPages {
  private readonly fragments = new Lru<string, string>(20_000);
  private readonly pages = new Lru<string, RenderedPage>(500);
  private readonly feeds = new Lru<string, RenderedFeed>(300);
  private readonly heads = new Lru<string, { head: Head; at: number }>(10_000);
  private readonly years = new Map<string, { year: number; until: number }>();
  /** Bumped by every change, so a head read that raced with one is not cached. */
  private generation = 0;
  private readonly siteOrigin: string;

  private readonly db: Db;
  private readonly publicUrl: string;

  constructor(
    private readonly store: Store,
    private readonly opts: ReaderPagesOptions,
  ) {
    this.db = store.db;
    this.publicUrl = opts.publicUrl;
    this.siteOrigin = new URL(opts.publicUrl).origin;
  }

  /**
   * The ETag and state of page `n`, and its bytes when already rendered: a reader request
   * usually touches neither the database nor the renderer.
   */
  async head(slug: string, n: number): Promise<{ etag: string; state: PageState; cached: RenderedPage | undefined } | undefined> {
    const head = await this.pageHead(slug);
    if (!head) return undefined;
    const etag = this.etag(head.id, head.seq, n, head.timeZone);
    return { etag, state: head.state, cached: this.pages.get(etag) };
  }

  /** A page's id, seq, state and zone: from memory when fresh, else from the store. */
  async pageHead(slug: string): Promise<Head | undefined> {
    return this.freshHead(slug) ?? (await this.fetchHead(slug));
  }

  /** Page `n` from memory alone, when its seq is fresh and its bytes are cached (the fast path). */
  cached(slug: string, n: number): RenderedPage | undefined {
    const head = this.freshHead(slug);
    return head && this.pages.get(this.etag(head.id, head.seq, n, head.timeZone));
  }

  /** Told after a change commits in this process: the next request must see the new seq. */
  changed(_pageId: string): void {
    // Writes are rare next to reads: forgetting every head is simpler than indexing them.
    this.heads.clear();
    this.generation++;
  }

  private freshHead(slug: string): Head | undefined {
    const hit = this.heads.get(slug);
    return hit && Date.now() - hit.at < HEAD_TTL_MS ? hit.head : undefined;
  }

  private async fetchHead(slug: string): Promise<Head | undefined> {
    const generation = this.generation;
    const head = await pageHead(this.db, slug);
    // A read that raced with a change may be older than it: do not keep it.
    if (head && generation === this.generation) this.heads.set(slug, { head, at: Date.now() });
    return head;
  }

  /** Page `n` of a live page; undefined when the page or the page number does not exist. */
  async render(slug: string, n: number): Promise<RenderedPage | undefined> {
    // One snapshot: the page's seq (data-seq, ETag) must describe exactly the posts shown.
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const etag = this.etag(page.id, page.seq, n, page.timeZone);
      const cached = this.pages.get(etag);
      if (cached) return { cached };
      const total = await countStream(db, page.id, page.pinnedPostId);
      const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
      if (n > pageCount) return undefined;
      const rows = await listStream(db, page.id, page.pinnedPostId, POSTS_PER_PAGE, (n - 1) * POSTS_PER_PAGE);
      const pinned = n === 1 ? await this.pinnedPost(db, page) : undefined;
      return { page, etag, pageCount, rows, pinned, keyEvents: await listKeyEvents(db, page.id) };
    });
    if (!snap || 'cached' in snap) return snap?.cached;
    const { page, etag } = snap;
    const ctx = this.context(page);
    const posts = snap.rows.map((r) => postFromRow(r, page.pinnedPostId));
    const html = renderLivePage({
      page,
      pageNo: n,
      pageCount: snap.pageCount,
      postsHtml: posts.map((p) => this.article(p, ctx)),
      pinnedHtml: snap.pinned ? this.article(snap.pinned, ctx) : null,
      posts: snap.pinned ? [snap.pinned, ...posts] : posts,
      publicUrl: this.publicUrl,
      keyEvents: snap.keyEvents,
      continuedTo: continuation(page),
      canonicalUrl: `${this.publicUrl}/live/${page.slug}${n > 1 ? `?page=${n}` : ''}`,
      cssHref: this.opts.cssHref,
      scriptHref: this.opts.scriptHref,
      ctx,
    });
    const body = Buffer.from(html);
    const notModifiedHeaders = [...Object.entries(this.opts.securityHeaders).flat(), 'etag', etag, 'cache-control', readerCacheControl(page.state)];
    const headers = [...notModifiedHeaders, 'content-type', 'text/html; charset=utf-8', 'content-length', body.length];
    const rendered = { body, etag, state: page.state, headers, notModifiedHeaders };
    this.pages.set(etag, rendered);
    return rendered;
  }

  /** A page's feed, newest posts first, rendered once per seq; undefined when there is no such page. */
  async feed(slug: string, format: FeedFormat): Promise<RenderedFeed | undefined> {
    const head = await this.pageHead(slug);
    if (!head) return undefined;
    const hit = this.feeds.get(this.etag(head.id, head.seq, `feed.${format}`, head.timeZone));
    if (hit) return hit;
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      return page && { page, rows: await listStream(db, page.id, null, FEED_POSTS, 0) };
    });
    if (!snap) return undefined;
    const { page } = snap;
    const ctx = this.context(page);
    const body = renderFeed(format, {
      page,
      publicUrl: this.publicUrl,
      description: pageDescription(page),
      image: featuredImageUrl(page.featuredMedia, this.publicUrl),
      siteName: SITE_NAME,
      entries: snap.rows.map((r) => {
        const post = postFromRow(r, page.pinnedPostId);
        return { post, html: this.article(post, ctx) };
      }),
    });
    const feed = { body: Buffer.from(body), etag: this.etag(page.id, page.seq, `feed.${format}`, page.timeZone), state: page.state };
    this.feeds.set(feed.etag, feed);
    return feed;
  }

  /** The page's changing parts (header, summary, notice, pinned post) as live events carry them. */
  async pageParts(db: Db, page: Page): Promise<PageParts> {
    const ctx = this.context(page);
    const pinned = await this.pinnedPost(db, page);
    return renderPageParts({ page, pinnedHtml: pinned ? this.article(pinned, ctx) : null, continuedTo: continuation(page), ctx });
  }

  /** Where a post's permalink leads: its page number and anchor; undefined when readers cannot see it. */
  async permalink(postId: string): Promise<string | undefined> {
    const row = await findPostRow(this.db, postId);
    const page = row && (await findPageById(this.db, row.page_id));
    if (!row || !page) return undefined;
    const post = postFromRow(row, page.pinnedPostId);
    if (!isVisible(post)) return undefined;
    const n = post.pinned ? 1 : Math.floor((await countNewer(this.db, post, page.pinnedPostId)) / POSTS_PER_PAGE) + 1;
    return `/live/${page.slug}${n > 1 ? `?page=${n}` : ''}#post-${post.id}`;
  }

  /** The site's home page: live and recent pages. */
  async index(): Promise<string> {
    return renderIndexPage({ pages: await listPages(this.db, 50), cssHref: this.opts.cssHref });
  }

  /** A post's <article>, rendered once per version, pin state, zone, locale and year. */
  article(post: Post, ctx: RenderContext): string {
    const key = `${post.id}:${post.version}:${post.pinned ? 1 : 0}:${ctx.timeZone}:${ctx.locale}:${this.year(ctx.timeZone)}`;
    let html = this.fragments.get(key);
    if (html === undefined) {
      html = renderPostHtml(post, ctx);
      this.fragments.set(key, html);
    }
    return html;
  }

  context(page: Pick<Page, 'timeZone' | 'locale'>): RenderContext {
    return { timeZone: page.timeZone, locale: page.locale, siteOrigin: this.siteOrigin, now: new Date() };
  }

  private async pinnedPost(db: Db, page: Page): Promise<Post | undefined> {
    if (!page.pinnedPostId) return undefined;
    const row = await findPostRow(db, page.pinnedPostId);
    const post = row && postFromRow(row, page.pinnedPostId);
    return post && isVisible(post) ? post : undefined;
  }

  /**
   * `what` is the page number or the feed. The year is part of the key because post times
   * show it when it is not the current one.
   */
  private etag(pageId: string, seq: number, what: number | string, timeZone: string): string {
    return `"${this.opts.buildId}-${pageId}-${seq}-${what}-${this.year(timeZone)}"`;
  }

  /** The current year in a zone, worked out at most once a minute (Intl is slow on a hot path). */
  private year(timeZone: string): number {
    const now = Date.now();
    let y = this.years.get(timeZone);
    if (!y || now >= y.until) {
      y = { year: zoneYear(timeZone, new Date(now)), until: now + 60_000 };
      this.years.set(timeZone, y);
    }
    return y.year;
  }
}
