/** Loading what a command acts on: found, or a 404 with a stable code. */
import { notFound } from '../domain/errors.js';
import type { Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import { findPageById, findPageBySlug, lockPage } from '../store/pages.js';
import { findPostRow, postFromRow } from '../store/posts.js';
import type { ReadDb, WriteDb } from '../store/store.js';

const noSuchPage = (slug: string) => notFound('page', `There is no page "${slug}".`);
const noSuchPost = () => notFound('post', 'There is no such post.');

/** A page, for reading. */
export async function requirePage(db: ReadDb, slug: string): Promise<Page> {
  const page = await findPageBySlug(db, slug);
  if (!page) throw noSuchPage(slug);
  return page;
}

/** A page about to change, locked for the rest of the transaction. */
export async function lockPageForChange(db: WriteDb, slug: string): Promise<Page> {
  const page = await lockPage(db, { slug });
  if (!page) throw noSuchPage(slug);
  return page;
}

/** A post with its page (the page decides whether the post is pinned). */
export async function requirePost(db: ReadDb, id: string): Promise<{ page: Page; post: Post }> {
  const row = await findPostRow(db, id);
  const page = row && (await findPageById(db, row.page_id));
  if (!row || !page) throw noSuchPost();
  return { page, post: postFromRow(row, page.pinnedPostId) };
}

/** A post about to change: its page is locked first, then the post is read as it now is. */
export async function lockPostForChange(db: WriteDb, id: string): Promise<{ page: Page; post: Post }> {
  const first = await findPostRow(db, id);
  const page = first && (await lockPage(db, { id: first.page_id }));
  const row = page && (await findPostRow(db, id));
  if (!page || !row) throw noSuchPost();
  return { page, post: postFromRow(row, page.pinnedPostId) };
}
