/** What creating, editing and unpublishing a post share: the pin and the reader events. */
import { postEventType } from '../domain/post-rules.js';
import type { Post } from '../domain/post.js';
import type { Page } from '../domain/page.js';
import { updatePage } from '../store/pages.js';
import { insertPost, rememberContributors } from '../store/posts.js';
import { newId, type Tx } from './context.js';

/** What a post command answers: the post, the page's seq after the change and the page's slug. */
export interface PostResult {
  post: Post;
  seq: number;
  slug: string;
}

/** Stores a new post, remembers its contributors and records its events; returns the seq. */
export async function insertNewPost(tx: Tx, page: Page, post: Post): Promise<number> {
  await insertPost(tx.db, post);
  await rememberContributors(tx.db, post.contributors, tx.now, newId);
  return recordPostChange(tx, page, null, post);
}

/**
 * Appends the events for a post going from `prev` to `next` and keeps the page's pin in
 * step with `next.pinned`. Returns the page's seq afterwards. The pin is stored first: the
 * post's event carries the post as it is after the change (a webhook body says `pinned`).
 */
export async function recordPostChange(tx: Tx, page: Page, prev: Post | null, next: Post): Promise<number> {
  let seq = page.seq;
  const type = postEventType(prev, next);
  const pinnedPostId = next.pinned ? next.id : page.pinnedPostId === next.id ? null : page.pinnedPostId;
  const pinChanged = pinnedPostId !== page.pinnedPostId;
  if (pinChanged) await updatePage(tx.db, page.id, { pinnedPostId });
  if (type) seq = await tx.append(page.id, type, { id: next.id });
  if (pinChanged) seq = await tx.append(page.id, 'page.updated', { fields: ['pinnedPost'] });
  return seq;
}
