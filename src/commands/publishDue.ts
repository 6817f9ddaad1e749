import { isVisible } from '../domain/post.js';
import { listDue, replacePost } from '../store/posts.js';
import { inTransaction, type CommandContext } from './context.js';
import { lockPostForChange } from './load.js';
import { recordPostChange } from './savePost.js';

/**
 * Publishes every scheduled post whose time has come, each in its own transaction, dated
 * at its scheduled time. Safe to run in every server process at once: the page lock and
 * the status check make exactly one of them publish each post.
 */
export async function publishDue(ctx: CommandContext): Promise<number> {
  const due = await listDue(ctx.store.db, ctx.now().toISOString());
  let published = 0;
  for (const { id } of due) {
    const done = await inTransaction(ctx, async (tx) => {
      const { page, post } = await lockPostForChange(tx.db, id);
      if (post.status !== 'scheduled' || !post.scheduledFor || post.scheduledFor > tx.now) return false;
      const next = { ...post, status: 'published' as const, publishedAt: post.scheduledFor, scheduledFor: null, version: post.version + 1, updatedAt: tx.now };
      if (!(await replacePost(tx.db, next, post.version))) return false;
      await recordPostChange(tx, page, post, next, null);
      return isVisible(next);
    });
    if (done) published++;
  }
  return published;
}
