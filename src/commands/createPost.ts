import { checkPostRights, checkPostState, defaultStatus } from '../domain/post-rules.js';
import type { Post, PostCreate } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { insertPost, rememberContributors } from '../store/posts.js';
import { inTransaction, newId, type CommandContext } from './context.js';
import { requirePage } from './load.js';
import { recordPostChange, type PostResult } from './savePost.js';

/** Creates a post on a page: published at once by editors, submitted for review by contributors. */
export async function createPost(ctx: CommandContext, actor: Actor, slug: string, input: PostCreate): Promise<PostResult> {
  checkPostRights(actor, input);
  return inTransaction(ctx, async (tx) => {
    const page = await requirePage(tx.db, slug);
    const status = input.status ?? defaultStatus(actor);
    const post: Post = {
      id: newId(),
      pageId: page.id,
      title: input.title,
      label: input.label ?? null,
      contributors: input.contributors,
      body: input.body,
      keyEvent: input.keyEvent,
      pinned: input.pinned,
      status,
      scheduledFor: status === 'scheduled' ? (input.scheduledFor ?? null) : null,
      publishedAt: input.publishedAt ?? (status === 'published' ? tx.now : null),
      editedAt: null,
      createdAt: tx.now,
      updatedAt: tx.now,
      authorId: actor.id,
      version: 1,
    };
    checkPostState(post, tx.now);
    await insertPost(tx.db, post);
    await rememberContributors(tx.db, post.contributors, tx.now, newId);
    const seq = await recordPostChange(tx, page, null, post);
    return { post, seq, slug: page.slug };
  });
}
