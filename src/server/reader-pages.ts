/**
 * Reader pages, rendered once and served many times. A post's <article> is rendered once
 * per version (and reused by the page, later by live events and feeds); a whole page is
 * cached under an ETag made of the page's seq, so a request for an unchanged page costs
 * one indexed lookup and a buffer write, or a 304.
 */
import { DEFAULT_CONTINUATION_NOTICE, type Page, type PageState } from '../domain/page.js';
import { isVisible, type Post } from '../domain/post.js';
import { findPageById, findPageBySlug, listPages, pageHead } from '../store/pages.js';
import { countNewer, countStream, findPostRow, listKeyEvents, listStream, postFromRow } from '../store/posts.js';
import type { Db } from '../store/store.js';
import type { RenderContext } from '../render/context.js';
import { renderIndexPage } from '../render/index-page.js';
import { Lru } from '../render/lru.js';
import { renderLivePage } from '../render/page.js';
import { renderPostHtml } from '../render/post.js';
import { zoneYear } from '../render/time.js';

export const POSTS_PER_PAGE = 20;

export interface RenderedPage {
  body: Buffer;
  etag: string;
  state: PageState;
}

export class ReaderPages {
  private readonly fragments = new Lru<string, string>(20_000);
  private readonly pages = new Lru<string, RenderedPage>(500);
  private readonly siteOrigin: string;

  constructor(
    private readonly db: Db,
    private readonly publicUrl: string,
    private readonly cssHref: string,
    /** Changes with every release, so cached pages from an older template are not reused. */
    private readonly buildId: string,
  ) {
    this.siteOrigin = new URL(publicUrl).origin;
  }

  /** The ETag and state of page `n` of a live page, without rendering; undefined if no such page. */
  async head(slug: string, n: number): Promise<{ etag: string; state: PageState } | undefined> {
    const head = await pageHead(this.db, slug);
    return head && { etag: this.etag(head.id, head.seq, n, head.timeZone), state: head.state };
  }

  /** Page `n` of a live page; undefined when the page or the page number does not exist. */
  async render(slug: string, n: number): Promise<RenderedPage | undefined> {
    const page = await findPageBySlug(this.db, slug);
    if (!page) return undefined;
    const etag = this.etag(page.id, page.seq, n, page.timeZone);
    const cached = this.pages.get(etag);
    if (cached) return cached;

    const total = await countStream(this.db, page.id, page.pinnedPostId);
    const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
    if (n > pageCount) return undefined;
    const ctx = this.context(page);
    const rows = await listStream(this.db, page.id, page.pinnedPostId, POSTS_PER_PAGE, (n - 1) * POSTS_PER_PAGE);
    const pinned = n === 1 ? await this.pinnedPost(page) : undefined;
    const html = renderLivePage({
      page,
      pageNo: n,
      pageCount,
      postsHtml: rows.map((r) => this.article(postFromRow(r, page.pinnedPostId), ctx)),
      pinnedHtml: pinned ? this.article(pinned, ctx) : null,
      keyEvents: await listKeyEvents(this.db, page.id),
      continuedTo: page.continuedTo
        ? { url: `/live/${page.continuedTo}`, notice: page.continuationNotice ?? DEFAULT_CONTINUATION_NOTICE }
        : null,
      canonicalUrl: `${this.publicUrl}/live/${page.slug}${n > 1 ? `?page=${n}` : ''}`,
      cssHref: this.cssHref,
      ctx,
    });
    const rendered = { body: Buffer.from(html), etag, state: page.state };
    this.pages.set(etag, rendered);
    return rendered;
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
    return renderIndexPage({ pages: await listPages(this.db, 50), cssHref: this.cssHref });
  }

  /** A post's <article>, rendered once per version, pin state, zone, locale and year. */
  article(post: Post, ctx: RenderContext): string {
    const key = `${post.id}:${post.version}:${post.pinned ? 1 : 0}:${ctx.timeZone}:${ctx.locale}:${zoneYear(ctx.timeZone, ctx.now)}`;
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

  private async pinnedPost(page: Page): Promise<Post | undefined> {
    if (!page.pinnedPostId) return undefined;
    const row = await findPostRow(this.db, page.pinnedPostId);
    const post = row && postFromRow(row, page.pinnedPostId);
    return post && isVisible(post) ? post : undefined;
  }

  /** The year is part of the key because post times show it when it is not the current one. */
  private etag(pageId: string, seq: number, n: number, timeZone: string): string {
    return `"${this.buildId}-${pageId}-${seq}-${n}-${zoneYear(timeZone, new Date())}"`;
  }
}
