import { versionConflict } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { applyPatch, checkPostState } from '../domain/post-rules.js';
import type { PostPatch } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { rememberContributors, replacePost } from '../store/posts.js';
import { inTransaction, newId, type CommandContext } from './context.js';
import { attachCards } from './embeds.js';
import { lockPostForChange } from './load.js';
import { recordPostChange, type PostResult } from './savePost.js';

/**
 * Edits a post the editor last saw at `expectedVersion`; a colleague's newer edit wins
 * and this one is refused with 409, never silently overwritten.
 */
export async function updatePost(
  ctx: CommandContext,
  actor: Actor,
  id: string,
  patch: PostPatch,
  expectedVersion: number,
): Promise<PostResult> {
  return inTransaction(ctx, async (tx) => {
    const { page, post } = await lockPostForChange(tx.db, id);
    authorize(actor, 'post.edit', { post, change: patch }); // the post as it is now, not as the editor last saw it
    if (post.version !== expectedVersion) throw versionConflict(post.version);
    if (patch.body) patch = { ...patch, body: await attachCards(tx.db, patch.body) }; // embed cards are the server's
    const next = applyPatch(post, patch, tx.now);
    checkPostState(next, tx.now);
    if (!(await replacePost(tx.db, next, expectedVersion))) throw versionConflict();
    if (patch.contributors) await rememberContributors(tx.db, next.contributors, tx.now, newId);
    const seq = await recordPostChange(tx, page, post, next, actor.id);
    return { post: next, seq, slug: page.slug };
  });
}
