/** What creating, editing and unpublishing a post share: the pin, its history and the reader events. */
import { postEventType } from '../domain/post-rules.js';
import type { Post } from '../domain/post.js';
import type { Page } from '../domain/page.js';
import type { AuditDetail } from '../domain/audit.js';
import { insertAudit, insertPostVersion, type AuditAction } from '../store/history.js';
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
export async function insertNewPost(tx: Tx, page: Page, post: Post, by: string | null): Promise<number> {
  await insertPost(tx.db, post);
  await rememberContributors(tx.db, post.contributors, tx.now, newId);
  return recordPostChange(tx, page, null, post, by);
}

/**
 * Appends the events for a post going from `prev` to `next` and keeps the page's pin in
 * step with `next.pinned`; keeps `next` as a version made by `by` (null: the scheduler) and
 * audits publishing, unpublishing and pinning. Returns the page's seq afterwards. The pin
 * is stored first: the post's event carries the post as it is after the change.
 */
export async function recordPostChange(tx: Tx, page: Page, prev: Post | null, next: Post, by: string | null): Promise<number> {
  let seq = page.seq;
  tx.touch(page.id);
  const type = postEventType(prev, next);
  const pinnedPostId = next.pinned ? next.id : page.pinnedPostId === next.id ? null : page.pinnedPostId;
  const pinChanged = pinnedPostId !== page.pinnedPostId;
  if (pinChanged) await updatePage(tx.db, page.id, { pinnedPostId });
  if (type) seq = await tx.append(page.id, type, { id: next.id });
  if (pinChanged) seq = await tx.append(page.id, 'page.updated', { fields: ['pinnedPost'] });
  await insertPostVersion(tx.db, next, by, tx.now);
  const audit = (action: AuditAction, postId: string, detail: AuditDetail = {}) =>
    insertAudit(tx.db, { id: newId(), pageId: page.id, userId: by, action, postId, detail, at: tx.now });
  if (type === 'post.published') await audit('post.publish', next.id, { version: next.version, title: next.title });
  if (type === 'post.unpublished') await audit('post.unpublish', next.id, { version: next.version, title: next.title });
  if (pinChanged && pinnedPostId === next.id) await audit('post.pin', next.id);
  if (pinChanged && pinnedPostId !== next.id) await audit('post.unpin', next.id);
  // Pinning this post unpins the one pinned before.
  if (pinChanged && page.pinnedPostId && page.pinnedPostId !== next.id) await audit('post.unpin', page.pinnedPostId);
  return seq;
}
