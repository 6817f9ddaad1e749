import { versionConflict } from '../domain/errors.js';
import type { Post } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { replacePost } from '../store/posts.js';
import { inTransaction, type CommandContext } from './context.js';
import { lockPostForChange } from './load.js';
import { recordPostChange, type PostResult } from './savePost.js';

/** Unpublishes a post: readers no longer see it; it is kept for the record. */
export async function unpublishPost(ctx: CommandContext, actor: Actor, id: string): Promise<PostResult> {
  return inTransaction(ctx, async (tx) => {
    const { page, post } = await lockPostForChange(tx.db, id);
    if (post.status === 'unpublished') return { post, seq: page.seq, slug: page.slug };
    const next: Post = { ...post, status: 'unpublished', pinned: false, scheduledFor: null, version: post.version + 1, updatedAt: tx.now };
    if (!(await replacePost(tx.db, next, post.version))) throw versionConflict();
    const seq = await recordPostChange(tx, page, post, next, actor.id);
    return { post: next, seq, slug: page.slug };
  });
}
