/**
 * Everything a desk opens with, in one read: the page, its posts by status (each list's
 * first pages and total), readers and presence, the pinned post's title, the colleagues'
 * bylines and saved contributors, and the snippets. One snapshot, so `seq` describes it all.
 */
import type { Page } from '../domain/page.js';
import { POSTS_PER_PAGE } from '../domain/page.js';
import { can } from '../domain/policy.js';
import { DESK_LISTS, type DeskList, type Post } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { findPostRow, listContributors, countWithStatus, listWithStatus, postFromRow } from '../store/posts.js';
import { listSnippets } from '../store/snippets.js';
import type { Store } from '../store/store.js';
import { listBylines } from '../store/users.js';
import { pageActivity, type PageActivity } from './activity.js';
import { requirePage } from './load.js';

export { DESK_LISTS, type DeskList };

export interface DeskSnapshot {
  page: Page;
  lists: Record<DeskList, { posts: Post[]; total: number; more: boolean }>;
  activity: PageActivity;
  pinned: { id: string; title: string } | null;
  bylines: Awaited<ReturnType<typeof listBylines>>;
  contributors: Awaited<ReturnType<typeof listContributors>>;
  snippets: Awaited<ReturnType<typeof listSnippets>>;
}

/** `shown`: how many pages of each list the desk shows ("Show more" grows it); 1 when absent. */
export async function readDesk(store: Store, actor: Actor, slug: string, now: Date, shown: Partial<Record<DeskList, number>> = {}): Promise<DeskSnapshot> {
  // Contributors see their own unpublished posts only, as the lists API shows them.
  const author = can(actor, 'post.publish') ? undefined : actor.id;
  return store.read(async (db) => {
    const page = await requirePage(db, slug);
    const lists = {} as DeskSnapshot['lists'];
    for (const status of DESK_LISTS) {
      const pages = Math.min(Math.max(shown[status] ?? 1, 1), 50);
      const mine = status === 'published' ? undefined : author;
      const [total, rows] = await Promise.all([countWithStatus(db, page.id, status, mine), listWithStatus(db, page.id, status, mine, pages * POSTS_PER_PAGE, 0)]);
      lists[status] = { posts: rows.map((r) => postFromRow(r, page.pinnedPostId)), total, more: total > rows.length };
    }
    const pinnedRow = page.pinnedPostId ? await findPostRow(db, page.pinnedPostId) : undefined;
    const [activity, bylines, contributors, snippets] = await Promise.all([pageActivity(db, slug, now), listBylines(db), listContributors(db), listSnippets(db, page.id)]);
    return { page, lists, activity, pinned: pinnedRow ? { id: pinnedRow.id, title: pinnedRow.title } : null, bylines, contributors, snippets };
  });
}
