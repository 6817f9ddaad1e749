/** Loading what a command acts on: found, or a 404 with a stable code. */
import { notFound } from '../domain/errors.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import { findPageById, findPageBySlug } from '../store/pages.js';
import { findPostRow, postFromRow } from '../store/posts.js';
import type { Db } from '../store/store.js';

export async function requirePage(db: Db, slug: string): Promise<Page> {
  const page = await findPageBySlug(db, slug);
  if (!page) throw notFound('page', `There is no page "${slug}".`);
  return page;
}

/** A post with its page (the page decides whether the post is pinned). */
export async function requirePost(db: Db, id: string): Promise<{ page: Page; post: Post }> {
  const row = await findPostRow(db, id);
  if (!row) throw notFound('post', 'There is no such post.');
  const page = await findPageById(db, row.page_id);
  if (!page) throw notFound('post', 'There is no such post.');
  return { page, post: postFromRow(row, page.pinnedPostId) };
}
