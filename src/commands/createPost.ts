import { pageEnded } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { checkPostState, defaultStatus } from '../domain/post-rules.js';
import { newPost, type PostCreate } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { inTransaction, newId, type CommandContext, type Tx } from './context.js';
import { attachCards } from './embeds.js';
import { answerOnce, type Answer, type IdempotentRequest } from './idempotency.js';
import { lockPageForChange } from './load.js';
import { insertNewPost, type PostResult } from './savePost.js';

/** Creates a post on a page: published at once by editors, submitted for review by contributors. */
export async function createPost(ctx: CommandContext, actor: Actor, slug: string, input: PostCreate): Promise<PostResult> {
  authorize(actor, 'post.create', input);
  return inTransaction(ctx, (tx) => insertPostOn(tx, actor, slug, input));
}

/**
 * `createPost` under an idempotency key: the first request creates the post and its answer
 * (`respond`) is kept with the key in the same transaction; a repeat gets that answer back
 * and creates nothing.
 */
export async function createPostOnce(
  ctx: CommandContext,
  actor: Actor,
  slug: string,
  input: PostCreate,
  request: IdempotentRequest,
  respond: (r: PostResult) => Record<string, unknown>,
): Promise<Answer & { replayed: boolean }> {
  return inTransaction(ctx, (tx) =>
    answerOnce(tx, request, async () => {
      authorize(actor, 'post.create', input);
      return { status: 201, body: respond(await insertPostOn(tx, actor, slug, input)) };
    }),
  );
}

async function insertPostOn(tx: Tx, actor: Actor, slug: string, input: PostCreate): Promise<PostResult> {
  const page = await lockPageForChange(tx.db, slug);
  if (page.state === 'ended') throw pageEnded(page.slug);
  // Asked-for pinning of an unpublished post is refused below, not silently dropped.
  const body = await attachCards(tx.db, input.body); // embed cards are the server's
  const post = { ...newPost({ ...input, body, id: newId(), pageId: page.id, authorId: actor.id, status: input.status ?? defaultStatus(actor) }, tx.now), pinned: input.pinned };
  checkPostState(post, tx.now);
  const seq = await insertNewPost(tx, page, post, actor.id);
  return { post, seq, slug: page.slug };
}
