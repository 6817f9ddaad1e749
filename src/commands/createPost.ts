import { checkPostRights, checkPostState, defaultStatus } from '../domain/post-rules.js';
import { newPost, type PostCreate } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { inTransaction, newId, type CommandContext } from './context.js';
import { lockPageForChange } from './load.js';
import { insertNewPost, type PostResult } from './savePost.js';

/** Creates a post on a page: published at once by editors, submitted for review by contributors. */
export async function createPost(ctx: CommandContext, actor: Actor, slug: string, input: PostCreate): Promise<PostResult> {
  checkPostRights(actor, input);
  return inTransaction(ctx, async (tx) => {
    const page = await lockPageForChange(tx.db, slug);
    // Asked-for pinning of an unpublished post is refused below, not silently dropped.
    const post = { ...newPost({ ...input, id: newId(), pageId: page.id, authorId: actor.id, status: input.status ?? defaultStatus(actor) }, tx.now), pinned: input.pinned };
    checkPostState(post, tx.now);
    const seq = await insertNewPost(tx, page, post);
    return { post, seq, slug: page.slug };
  });
}
