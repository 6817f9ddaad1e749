/**
 * Reader pages, embeds and feeds, rendered once and served many times. They are assembled
 * from each post's cached renderings (post-fragments.ts); a whole page, embed or feed is
 * cached under an ETag made of the release
 * and the page's seq, so a request for an unchanged page costs one indexed lookup and a
 * buffer write, or a 304.
 */
import { POSTS_PER_PAGE, type Page, type PageState } from '../domain/page.js';
import { isVisible } from '../domain/post.js';
import { findPageById, findPageBySlug, listPages, pageHead } from '../store/pages.js';
import { countNewer, countStream, findPostRow, listKeyEvents, listStream, postFromRow, visiblePinnedPost } from '../store/posts.js';
import { readBrandSettings } from '../store/site-settings.js';
import { resolveBrand, type Brand, type BrandSettings } from '../domain/brand.js';
import { brandCss, brandCssHref } from '../render/brand.js';
import { DEFAULT_VIEW, streamUrl, type StreamView } from '../render/pagination.js';
import type { ReadDb, Store } from '../store/store.js';
import { EMBED_POSTS, renderEmbedPage } from '../render/embed.js';
import { renderErrorPage } from '../render/error-page.js';
import { renderFeed, type FeedFormat } from '../render/feeds.js';
import { renderIndexPage } from '../render/index-page.js';
import { Lru } from '../render/lru.js';
import { renderLivePage } from '../render/page.js';
import { withoutShare } from '../render/post.js';
import { continuation, type PageParts } from '../render/parts.js';
import { featuredImageUrl, pageDescription } from '../render/structured-data.js';
import { contentEtag, readerCacheControl } from './cache-control.js';
import { EncodedBody } from './encoded-body.js';
import { PreparedResponses } from './prepared-responses.js';
import { PostFragments } from '../render/post-fragments.js';
import { embedSecurityHeaders } from './security-headers.js';
import type { CacheMemory } from '../metrics/registry.js';
import { CacheCounter } from './metrics.js';

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
  /** The embed view's own stylesheet (public/embed.css), versioned. */
  embedCssHref: string;
  /** The live-update script, or null when it has not been built (the page works without it). */
  scriptHref: string | null;
  /** Changes with every release, so cached pages from an older template are not reused. */
  buildId: string;
  securityHeaders: Record<string, string>;
  /** The brand until admins set one (the environment's); the product's own when absent. */
  brandDefaults?: Partial<Brand>;
  /** The front page's language. */
  locale?: string;
}

/** The brand as this node renders it, with what its stylesheet and cache keys need. */
interface BrandState {
  brand: Brand;
  css: string;
  cssHref: string | null;
  /** Part of every page's ETag: a new brand is a new page. */
  tag: string;
  at: number;
}

/** A prepared response: status line aside, everything `writeHead` and `end` need. */
export interface PreparedResponse {
  body: Buffer;
  headers: (string | number)[];
}

export interface RenderedPage {
  /** The identity representation's ETag; each coding's is this with a suffix. */
  etag: string;
  state: PageState;
  /**
   * Every response, per content coding (Brotli and gzip compressed once, on first ask),
   * its headers prepared as node's flat [name, value, …] array (measurably faster to write
   * than an object): serving the page is writing two buffers.
   */
  responses: PreparedResponses;
}

/** A rendered feed and the state its caching follows. */
export interface RenderedFeed {
  /** Its bytes, and once asked for, Brotli and gzip of them. */
  encoded: EncodedBody;
  etag: string;
  state: PageState;
}

/** A prepared page's weight: its bytes in every coding made and, roughly, its prepared headers. */
const pageBytes = (r: RenderedPage): number => r.responses.bytes;

/**
 * What each cache may hold (docs/performance.md): readers choose the URLs, so each is
 * bounded in bytes, not only in entries. Entries are per page and seq (and page number or
 * format), so only real pages fill them; the budgets cap a site with many busy pages.
 */
export const CACHE_BUDGETS = {
  pages: 32 * 2 ** 20,
  embeds: 8 * 2 ** 20,
  feeds: 16 * 2 ** 20,
} as const;

export class ReaderPages {
  private readonly pages = new Lru<string, RenderedPage>({ maxEntries: 500, maxBytes: CACHE_BUDGETS.pages, sizeOf: pageBytes });
  private readonly embeds = new Lru<string, RenderedPage>({ maxEntries: 500, maxBytes: CACHE_BUDGETS.embeds, sizeOf: pageBytes });
  private readonly feeds = new Lru<string, RenderedFeed>({ maxEntries: 300, maxBytes: CACHE_BUDGETS.feeds, sizeOf: (f) => f.encoded.bytes });
  /** Only pages that exist are kept (a few hundred bytes each), so a count bounds it. */
  private readonly heads = new Lru<string, { head: Head; at: number }>(10_000);
  /** Bumped by every change, so a head read that raced with one is not cached. */
  private generation = 0;
  /** Each post's <article> and JSON-LD part, shared by pages, embeds, feeds and live events. */
  readonly posts: PostFragments;
  /** Reader pages answered from memory or rendered (counted by the fast path and the route). */
  readonly tally = new CacheCounter();
  /** The frameable view's headers (SPEC §6): any site may frame it, unlike everything else. */
  private readonly embedSecurity: string[];
  /** The embed's ETags name its stylesheet too: it is not part of the build id. */
  private readonly embedRelease: string;
  private embedMissing: PreparedResponse | undefined;
  private brandState: BrandState | undefined;
  private brandRead: Promise<BrandState> | undefined;

  private readonly db: ReadDb;
  private readonly publicUrl: string;

  constructor(
    private readonly store: Store,
    private readonly opts: ReaderPagesOptions,
  ) {
    this.db = store.db;
    this.publicUrl = opts.publicUrl;
    this.posts = new PostFragments(opts.publicUrl);
    this.embedSecurity = Object.entries(embedSecurityHeaders()).flat();
    this.embedRelease = contentEtag(`${opts.buildId} ${opts.embedCssHref}`).slice(1, 13);
  }

  /** What the caches hold, in bytes as their budgets count them (every coding made so far included): metrics. */
  memory(): CacheMemory[] {
    return [
      { cache: 'pages', bytes: this.pages.bytes, entries: this.pages.size },
      { cache: 'embeds', bytes: this.embeds.bytes, entries: this.embeds.size },
      { cache: 'feeds', bytes: this.feeds.bytes, entries: this.feeds.size },
      { cache: 'post_fragments', bytes: this.posts.bytes, entries: this.posts.size },
    ];
  }

  /** Changes with every release: ETags of anything rendered from templates carry it. */
  get buildId(): string {
    return this.opts.buildId;
  }

  /**
   * The ETag and state of page `n`, and its bytes when already rendered: a reader request
   * usually touches neither the database nor the renderer.
   */
  async head(slug: string, n: number, view: StreamView = DEFAULT_VIEW): Promise<{ etag: string; state: PageState; cached: RenderedPage | undefined } | undefined> {
    await this.brand();
    const head = await this.pageHead(slug);
    if (!head) return undefined;
    const etag = this.etag(head.id, head.seq, viewKey(n, view), head.timeZone);
    return { etag, state: head.state, cached: this.pages.get(etag) };
  }

  /** A page's id, seq, state and zone: from memory when fresh, else from the store. */
  async pageHead(slug: string): Promise<Head | undefined> {
    return this.freshHead(slug) ?? (await this.fetchHead(slug));
  }

  /** Page `n` from memory alone, when its seq is fresh and its bytes are cached (the fast path). */
  cached(slug: string, n: number): RenderedPage | undefined {
    const head = this.freshBrand() && this.freshHead(slug);
    return head ? this.pages.get(this.etag(head.id, head.seq, n, head.timeZone)) : undefined;
  }

  /** The brand's defaults (the environment's), for the newsroom's form. */
  get brandDefaults(): Partial<Brand> {
    return this.opts.brandDefaults ?? {};
  }

  /** Stored settings over the defaults: what pages render. */
  resolveBrand(settings: BrandSettings): Brand {
    return resolveBrand(settings, this.opts.brandDefaults);
  }

  /**
   * The brand, re-read from the store at most once a second (like page heads): a change
   * made on another node shows here within that, and at once when the bus says so.
   */
  async brand(): Promise<BrandState> {
    const fresh = this.freshBrand();
    if (fresh) return fresh;
    this.brandRead ??= readBrandSettings(this.db)
      .then((settings) => {
        const brand = this.resolveBrand(settings);
        const tag = contentEtag(JSON.stringify(brand)).slice(1, 9);
        const state = { brand, css: brandCss(brand), cssHref: brandCssHref(brand), tag, at: Date.now() };
        if (state.tag !== this.brandState?.tag) {
          // Feeds and the JSON-LD name the publisher; pages and embeds key on the tag.
          this.feeds.clear();
          this.posts.setPublisher(brand.publisherName, brand.logo ? absoluteUrl(brand.logo.src, this.publicUrl) : undefined);
        }
        this.brandState = state;
        return state;
      })
      .finally(() => (this.brandRead = undefined));
    return this.brandRead;
  }

  /** The brand's stylesheet when `href` is its current address (else undefined: a stale or made-up name). */
  async brandStylesheet(href: string): Promise<string | undefined> {
    const state = await this.brand();
    return state.cssHref === href ? state.css : undefined;
  }

  /** Told that the brand changed (here or, through the bus, on another node): re-read it now. */
  brandChanged(): void {
    if (this.brandState) this.brandState.at = 0;
    this.generation++;
  }

  private freshBrand(): BrandState | undefined {
    const b = this.brandState;
    return b && Date.now() - b.at < HEAD_TTL_MS ? b : undefined;
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
  async render(slug: string, n: number, view: StreamView = DEFAULT_VIEW): Promise<RenderedPage | undefined> {
    const brand = await this.brand();
    // One snapshot: the page's seq (data-seq, ETag) must describe exactly the posts shown.
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const etag = this.etag(page.id, page.seq, viewKey(n, view), page.timeZone);
      const cached = this.pages.get(etag);
      if (cached) return { cached };
      // The pinned post leads page 1 of the usual view; an order or filter a reader chose has it in its place.
      const usual = viewKey(1, view) === '1';
      const apart = usual ? page.pinnedPostId : null;
      const total = await countStream(db, page.id, apart, view);
      const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
      if (n > pageCount) return undefined;
      const rows = await listStream(db, page.id, apart, POSTS_PER_PAGE, (n - 1) * POSTS_PER_PAGE, view);
      const pinned = n === 1 && usual ? await visiblePinnedPost(db, page) : undefined;
      return { page, etag, pageCount, rows, pinned, keyEvents: await listKeyEvents(db, page.id) };
    });
    if (!snap || 'cached' in snap) return snap?.cached;
    const { page, etag } = snap;
    const ctx = this.posts.context(page);
    const posts = snap.rows.map((r) => postFromRow(r, page.pinnedPostId));
    const html = renderLivePage({
      page,
      pageNo: n,
      pageCount: snap.pageCount,
      postsHtml: posts.map((p) => this.posts.article(p, ctx)),
      pinnedHtml: snap.pinned ? this.posts.article(snap.pinned, ctx) : null,
      posts: snap.pinned ? [snap.pinned, ...posts] : posts,
      postLd: (p) => this.posts.postLd(p, ctx),
      publicUrl: this.publicUrl,
      keyEvents: snap.keyEvents,
      continuedTo: continuation(page),
      canonicalUrl: `${this.publicUrl}${streamUrl(`/live/${page.slug}`, n, view)}`,
      cssHref: this.opts.cssHref,
      scriptHref: this.opts.scriptHref,
      ctx,
      brand: brand.brand,
      brandCssHref: brand.cssHref,
      view,
    });
    const rendered = prepared(html, etag, page.state, Object.entries(this.opts.securityHeaders).flat());
    keep(this.pages, rendered);
    return rendered;
  }

  /**
   * The embed view of a page (SPEC §6): its latest posts alone, for other sites' iframes,
   * cached like the page under an ETag of its own; undefined when there is no such page.
   */
  async embed(slug: string): Promise<RenderedPage | undefined> {
    await this.brand();
    const head = await this.pageHead(slug);
    if (!head) return undefined;
    const hit = this.embeds.get(this.embedEtag(head));
    if (hit) return hit;
    // One snapshot: data-seq and the ETag must describe exactly the posts shown.
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const cached = this.embeds.get(this.embedEtag(page));
      if (cached) return { cached };
      const rows = await listStream(db, page.id, page.pinnedPostId, EMBED_POSTS, 0);
      return { page, rows, parts: await this.pageParts(db, page) };
    });
    if (!snap || 'cached' in snap) return snap?.cached;
    const { page, parts } = snap;
    const ctx = this.posts.context(page);
    const html = renderEmbedPage({
      page,
      postsHtml: snap.rows.map((r) => this.posts.article(postFromRow(r, page.pinnedPostId), ctx)),
      noticeSlot: parts.notice,
      pinnedSlot: parts.pinned,
      canonicalUrl: `${this.publicUrl}/live/${page.slug}`,
      cssHref: this.opts.cssHref,
      embedCssHref: this.opts.embedCssHref,
      scriptHref: this.opts.scriptHref,
    });
    // Same caching as the reader page: short while live, long once ended.
    const rendered = prepared(html, this.embedEtag(page), page.state, this.embedSecurity);
    keep(this.embeds, rendered);
    return rendered;
  }

  /** The 404 for an embed of no page, framable so the host page can show it (rendered once). */
  embedNotFound(): PreparedResponse {
    if (!this.embedMissing) {
      const body = Buffer.from(renderErrorPage({ status: 404, title: 'Page not found', message: 'There is no such live page.', cssHref: this.opts.cssHref, framed: true }));
      const headers = [...this.embedSecurity, 'cache-control', 'no-store', 'content-type', 'text/html; charset=utf-8', 'content-length', body.length];
      this.embedMissing = { body, headers };
    }
    return this.embedMissing;
  }

  /** A page's feed, newest posts first, rendered once per seq; undefined when there is no such page. */
  async feed(slug: string, format: FeedFormat): Promise<RenderedFeed | undefined> {
    const brand = (await this.brand()).brand;
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
    const ctx = this.posts.context(page);
    const body = renderFeed(format, {
      page,
      publicUrl: this.publicUrl,
      description: pageDescription(page),
      image: featuredImageUrl(page.featuredMedia, this.publicUrl),
      siteName: brand.publisherName,
      entries: snap.rows.map((r) => {
        const post = postFromRow(r, page.pinnedPostId);
        return { post, html: withoutShare(this.posts.article(post, ctx)) };
      }),
    });
    const feed = { encoded: new EncodedBody(Buffer.from(body)), etag: this.etag(page.id, page.seq, `feed.${format}`, page.timeZone), state: page.state };
    this.feeds.set(feed.etag, feed);
    // Its Brotli and gzip bytes count in the feeds' budget once made.
    feed.encoded.onGrow = () => this.feeds.reweigh(feed.etag);
    return feed;
  }

  /** The page's changing parts (header, summary, notice, pinned post) as live events carry them. */
  async pageParts(db: ReadDb, page: Page): Promise<PageParts> {
    return this.posts.pageParts(page, await visiblePinnedPost(db, page));
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
    const { brand, cssHref } = await this.brand();
    return renderIndexPage({
      pages: await listPages(this.db, 50),
      cssHref: this.opts.cssHref,
      brand,
      brandCssHref: cssHref,
      locale: this.opts.locale,
      siteOrigin: new URL(this.publicUrl).origin,
    });
  }

  /** `what` is the page number or the feed; the year as in every post's cache key. */
  private etag(pageId: string, seq: number, what: number | string, timeZone: string): string {
    return `"${this.opts.buildId}-${this.brandState?.tag ?? ''}-${pageId}-${seq}-${what}-${this.posts.day(timeZone)}"`;
  }

  private embedEtag(page: { id: string; seq: number; timeZone: string }): string {
    return `"${this.embedRelease}-${this.brandState?.tag ?? ''}-${page.id}-${page.seq}-${this.posts.year(page.timeZone)}-embed"`;
  }
}

/** The part of a page's cache key that names its number and view: `2`, `1-oldest-key-events`. */
function viewKey(n: number, view: StreamView): string {
  return view.order === 'newest' && view.only === 'all' ? String(n) : `${n}-${view.order}-${view.only}`;
}

function absoluteUrl(src: string, publicUrl: string): string {
  return src.startsWith('/') ? `${publicUrl}${src}` : src;
}

/** A rendered HTML document with its 200 and 304 responses prepared, per coding, as node's flat arrays. */
function prepared(html: string, etag: string, state: PageState, security: string[]): RenderedPage {
  const responses = new PreparedResponses(Buffer.from(html), etag, [...security, 'cache-control', readerCacheControl(state)], 'text/html; charset=utf-8');
  return { etag, state, responses };
}

/** Caches a page under its ETag; its compressed bytes count in the cache's budget once made. */
function keep(cache: Lru<string, RenderedPage>, page: RenderedPage): void {
  cache.set(page.etag, page);
  page.responses.encoded.onGrow = () => cache.reweigh(page.etag);
}
