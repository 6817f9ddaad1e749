/**
 * Reader pages, embeds and feeds, rendered once and served many times. They are assembled
 * from each post's cached renderings (post-fragments.ts); a whole page, embed or feed is
 * cached under its ETag (server/reader-keys.ts: the release, the brand and the page's seq),
 * so a request for an unchanged page costs a lookup in memory (server/page-heads.ts) and a
 * buffer write, or a 304.
 */
import { POSTS_PER_PAGE, type PageState } from '../domain/page.js';
import type { Brand } from '../domain/brand.js';
import { findPageBySlug, listPages } from '../store/pages.js';
import { countStream, listKeyEvents, listStream, postFromRow, visiblePinnedPost } from '../store/posts.js';
import { DEFAULT_VIEW, streamUrl, type StreamView } from '../render/pagination.js';
import type { ReadDb, Store } from '../store/store.js';
import { EMBED_POSTS, renderEmbedPage } from '../render/embed.js';
import { renderErrorPage } from '../render/error-page.js';
import { renderFeed, type FeedFormat } from '../render/feeds.js';
import { renderIndexPage } from '../render/index-page.js';
import { Lru } from '../render/lru.js';
import { renderLivePage } from '../render/page.js';
import { withoutShare } from '../render/post.js';
import { continuation } from '../render/parts.js';
import { featuredImageUrl, pageDescription } from '../render/structured-data.js';
import { contentEtag } from './cache-control.js';
import { EncodedBody } from './encoded-body.js';
import { PostFragments } from '../render/post-fragments.js';
import { embedSecurityHeaders } from './security-headers.js';
import type { CacheMemory } from '../metrics/registry.js';
import { CacheCounter } from './metrics.js';
import { PageHeads, type Head } from './page-heads.js';
import { ReaderBrand, type BrandState } from './reader-brand.js';
import { embedEtag, pageEtag, viewKey } from './reader-keys.js';
import { CACHE_BUDGETS, keep, pageBytes, preparedPage, type PreparedResponse, type RenderedFeed, type RenderedPage } from './rendered.js';

/** Entries in a feed: the newest posts; older ones are on the page and its later pages. */
export const FEED_POSTS = 50;

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

export class ReaderPages {
  private readonly pages = new Lru<string, RenderedPage>({ maxEntries: 500, maxBytes: CACHE_BUDGETS.pages, sizeOf: pageBytes });
  private readonly embeds = new Lru<string, RenderedPage>({ maxEntries: 500, maxBytes: CACHE_BUDGETS.embeds, sizeOf: pageBytes });
  private readonly feeds = new Lru<string, RenderedFeed>({ maxEntries: 300, maxBytes: CACHE_BUDGETS.feeds, sizeOf: (f) => f.encoded.bytes });
  private readonly heads: PageHeads;
  /** The brand pages render, re-read at most once a second; its tag is in every ETag. */
  readonly brand: ReaderBrand;
  /** Each post's <article> and JSON-LD part, shared by pages, embeds, feeds and live events. */
  readonly posts: PostFragments;
  /** Reader pages answered from memory or rendered (counted by the fast path and the route). */
  readonly tally = new CacheCounter();
  /** The frameable view's headers (SPEC §6): any site may frame it, unlike everything else. */
  private readonly embedSecurity: string[];
  /** The reader page's headers, flattened once. */
  private readonly pageSecurity: string[];
  /** The embed's ETags name its stylesheet too: it is not part of the build id. */
  private readonly embedRelease: string;
  private embedMissing: PreparedResponse | undefined;

  private readonly db: ReadDb;
  private readonly publicUrl: string;

  constructor(
    private readonly store: Store,
    private readonly opts: ReaderPagesOptions,
  ) {
    this.db = store.db;
    this.publicUrl = opts.publicUrl;
    this.posts = new PostFragments(opts.publicUrl);
    this.heads = new PageHeads(store.db);
    this.brand = new ReaderBrand(store.db, opts.brandDefaults, (brand) => {
      // Feeds and the JSON-LD name the publisher; pages and embeds key on the brand's tag.
      this.feeds.clear();
      this.posts.setPublisher(brand.publisherName, brand.logo ? absoluteUrl(brand.logo.src, this.publicUrl) : undefined);
    });
    this.embedSecurity = Object.entries(embedSecurityHeaders()).flat();
    this.pageSecurity = Object.entries(opts.securityHeaders).flat();
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
    const brand = await this.brand.current();
    const head = await this.heads.get(slug);
    if (!head) return undefined;
    const etag = this.etag(brand, head, viewKey(n, view));
    return { etag, state: head.state, cached: this.pages.get(etag) };
  }

  /** A page's id, seq, state and zone: from memory when fresh, else from the store. */
  pageHead(slug: string): Promise<Head | undefined> {
    return this.heads.get(slug);
  }

  /** Page `n` from memory alone, when its seq is fresh and its bytes are cached (the fast path). */
  cached(slug: string, n: number): RenderedPage | undefined {
    const brand = this.brand.fresh();
    const head = brand && this.heads.fresh(slug);
    return head ? this.pages.get(this.etag(brand, head, n)) : undefined;
  }

  /** Told after a change commits in this process: the next request must see the new seq. */
  changed(_pageId: string): void {
    this.heads.changed();
  }

  /** Page `n` of a live page; undefined when the page or the page number does not exist. */
  async render(slug: string, n: number, view: StreamView = DEFAULT_VIEW): Promise<RenderedPage | undefined> {
    const brand = await this.brand.current();
    // One snapshot: the page's seq (data-seq, ETag) must describe exactly the posts shown.
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const etag = this.etag(brand, page, viewKey(n, view));
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
    const rendered = preparedPage(html, etag, page.state, this.pageSecurity);
    keep(this.pages, rendered);
    return rendered;
  }

  /**
   * The embed view of a page (SPEC §6): its latest posts alone, for other sites' iframes,
   * cached like the page under an ETag of its own; undefined when there is no such page.
   */
  async embed(slug: string): Promise<RenderedPage | undefined> {
    const brand = await this.brand.current();
    const head = await this.heads.get(slug);
    if (!head) return undefined;
    const hit = this.embeds.get(this.embedEtag(brand, head));
    if (hit) return hit;
    // One snapshot: data-seq and the ETag must describe exactly the posts shown.
    const snap = await this.store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const cached = this.embeds.get(this.embedEtag(brand, page));
      if (cached) return { cached };
      const rows = await listStream(db, page.id, page.pinnedPostId, EMBED_POSTS, 0);
      return { page, rows, parts: this.posts.pageParts(page, await visiblePinnedPost(db, page)) };
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
    const rendered = preparedPage(html, this.embedEtag(brand, page), page.state, this.embedSecurity);
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
    const brand = await this.brand.current();
    const head = await this.heads.get(slug);
    if (!head) return undefined;
    const hit = this.feeds.get(this.etag(brand, head, `feed.${format}`));
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
      siteName: brand.brand.publisherName,
      entries: snap.rows.map((r) => {
        const post = postFromRow(r, page.pinnedPostId);
        return { post, html: withoutShare(this.posts.article(post, ctx)) };
      }),
    });
    const feed = { encoded: new EncodedBody(Buffer.from(body)), etag: this.etag(brand, page, `feed.${format}`), state: page.state };
    this.feeds.set(feed.etag, feed);
    // Its Brotli and gzip bytes count in the feeds' budget once made.
    feed.encoded.onGrow = () => this.feeds.reweigh(feed.etag);
    return feed;
  }

  /** The site's home page: live and recent pages. */
  async index(): Promise<string> {
    const { brand, cssHref } = await this.brand.current();
    return renderIndexPage({
      pages: await listPages(this.db, 50),
      cssHref: this.opts.cssHref,
      brand,
      brandCssHref: cssHref,
      locale: this.opts.locale,
      siteOrigin: new URL(this.publicUrl).origin,
    });
  }

  private etag(brand: BrandState, page: { id: string; seq: number; timeZone: string }, what: number | string): string {
    return pageEtag(this.opts.buildId, brand.tag, page, what, this.posts.day(page.timeZone));
  }

  private embedEtag(brand: BrandState, page: { id: string; seq: number; timeZone: string }): string {
    return embedEtag(this.embedRelease, brand.tag, page, this.posts.year(page.timeZone));
  }
}

function absoluteUrl(src: string, publicUrl: string): string {
  return src.startsWith('/') ? `${publicUrl}${src}` : src;
}
