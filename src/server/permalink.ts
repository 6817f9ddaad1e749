/** Where a post's permalink (/live/{slug}/posts/{id}) leads: the page number it is on now, and its anchor. */
import { POSTS_PER_PAGE } from '../domain/page.js';
import { isVisible } from '../domain/post.js';
import { findPageById } from '../store/pages.js';
import { countNewer, findPostRow, postFromRow } from '../store/posts.js';
import type { ReadDb } from '../store/store.js';

/** The reader URL showing the post; undefined when readers cannot see it. */
export async function permalinkTarget(db: ReadDb, postId: string): Promise<string | undefined> {
  const row = await findPostRow(db, postId);
  const page = row && (await findPageById(db, row.page_id));
  if (!row || !page) return undefined;
  const post = postFromRow(row, page.pinnedPostId);
  if (!isVisible(post)) return undefined;
  const n = post.pinned ? 1 : Math.floor((await countNewer(db, post, page.pinnedPostId)) / POSTS_PER_PAGE) + 1;
  return `/live/${page.slug}${n > 1 ? `?page=${n}` : ''}#post-${post.id}`;
}
