/**
 * Which reader URLs a batch of page events made stale, for the CDN purge hook
 * (LIVEPAGE_PURGE_URL). Worked out when the purge is sent, from the pages as they are then,
 * so a burst of events becomes one purge of the current state.
 */
import type { PurgeEvent } from '../commands/webhooks.js';
import { POSTS_PER_PAGE, type Page } from '../domain/page.js';
import { countStream } from '../store/posts.js';
import { findPageById } from '../store/pages.js';
import type { ReadDb } from '../store/store.js';

/** The paths to purge for events on pages (by page id), pages first, site-wide last. */
export async function purgePaths(db: ReadDb, events: { pageId: string; event: PurgeEvent }[]): Promise<string[]> {
  const byPage = new Map<string, PurgeEvent[]>();
  for (const { pageId, event } of events) byPage.set(pageId, [...(byPage.get(pageId) ?? []), event]);
  const paths: string[] = [];
  for (const [pageId, pageEvents] of byPage) {
    const page = await findPageById(db, pageId);
    if (!page) continue;
    const base = `/live/${page.slug}`;
    for (const n of await stalePageNumbers(db, page, pageEvents)) paths.push(n === 1 ? base : `${base}?page=${n}`);
    paths.push(`${base}/feed.atom`, `${base}/feed.rss`, `${base}/feed.json`, `${base}/updates`, `${base}/embed`);
  }
  if (paths.length) paths.push('/', '/sitemap.xml'); // both list pages with their last change
  return [...new Set(paths)];
}

/**
 * The HTML pages (1-based) whose content changed: all of them, for any event. A new or
 * withdrawn post moves every later post, the header is on every page, and so is the "Key
 * events" list, which an edit changes too (a post marked or unmarked as a key event, a key
 * event retitled). A withdrawal may leave the old last page empty: it is purged as well.
 */
async function stalePageNumbers(db: ReadDb, page: Page, events: PurgeEvent[]): Promise<number[]> {
  const streamPages = Math.max(1, Math.ceil((await countStream(db, page.id, page.pinnedPostId)) / POSTS_PER_PAGE));
  const last = streamPages + (events.some((e) => e.type === 'post.unpublished') ? 1 : 0);
  return Array.from({ length: last }, (_, i) => i + 1);
}
