/**
 * Social posts and links (issue 11). An embed block's card is the server's: every write
 * sets it from the stored resolution of its address (`attachCards`), so a client's card is
 * never kept. An address not resolved yet is queued by the outbox writer in the
 * transaction that appends the post's event (publishing never waits on a provider); once
 * it is resolved (the worker, or the composer's preview), `keepEmbed` stores it and gives
 * every waiting post its card by an ordinary post.updated, in the same transaction.
 */
import { embedUrls, setCard, unresolvedEmbedUrls, withCards, type EmbedCard } from '../domain/embed.js';
import type { Block } from '../domain/block.js';
import { applyPatch } from '../domain/post-rules.js';
import { addWaits, cardsFor, dropWait, finishEmbed, findEmbedByUrl, queueEmbeds, waitingPosts, type EmbedRow } from '../store/embeds.js';
import { findPostRow, postFromRow, replacePost } from '../store/posts.js';
import { lockPage } from '../store/pages.js';
import type { ReadDb } from '../store/store.js';
import { inTransaction, newId, type CommandContext, type OutboxWriter, type Tx } from './context.js';
import { importFailure, isRetryable } from './mediaImports.js';
import { recordPostChange } from './savePost.js';

/** The body with each embed's card as stored for its address (none when it has none yet). */
export async function attachCards<B extends Block>(db: ReadDb, body: B[]): Promise<B[]> {
  const urls = embedUrls(body);
  return urls.length ? withCards(body, await cardsFor(db, urls)) : body;
}

/** The outbox writer the app registers: a published or edited post's unresolved addresses are queued. */
export const embedOutbox: OutboxWriter = (db, now) => async (pageId, _seq, type, data) => {
  if (type !== 'post.published' && type !== 'post.updated') return;
  const row = await findPostRow(db, (data as { id: string }).id);
  const post = row && postFromRow(row, null);
  const urls = post ? unresolvedEmbedUrls(post.body) : [];
  if (!post || !urls.length) return;
  const ids = await queueEmbeds(db, urls.map((url) => ({ id: newId(), url })), now);
  await addWaits(db, urls.flatMap((url) => (ids.has(url) ? [{ embedId: ids.get(url)!, postId: post.id, pageId }] : [])), now);
};

/** A resolution to keep: the card with our thumbnail, the provider's markup aside. */
export interface KeptEmbed {
  url: string;
  card: Omit<EmbedCard, 'frame'>;
  markup?: string;
  frameOrigins: string[];
}

/**
 * Stores the resolution of `url` (new, or over a pending or failed one) and gives the
 * posts waiting for it their card. Returns the card as stored (with its frame id).
 */
export async function keepEmbed(ctx: CommandContext, kept: KeptEmbed, attempts = 1): Promise<{ id: string; card: EmbedCard }> {
  return inTransaction(ctx, async (tx) => {
    const existing = await findEmbedByUrl(tx.db, kept.url);
    const id = existing?.id ?? newId();
    if (!existing) await queueEmbeds(tx.db, [{ id, url: kept.url }], tx.now);
    const card: EmbedCard = { ...kept.card, ...(kept.markup ? { frame: id } : {}) };
    await finishEmbed(tx.db, id, { status: 'done', attempts: Number(existing?.attempts ?? 0) + attempts, error: null, card, markup: kept.markup ?? null, frameOrigins: kept.frameOrigins }, tx.now);
    for (const postId of await waitingPosts(tx.db, id)) {
      await giveCard(tx, postId, kept.url, card);
      await dropWait(tx.db, id, postId);
    }
    return { id, card };
  });
}

async function giveCard(tx: Tx, postId: string, url: string, card: EmbedCard): Promise<void> {
  const first = await findPostRow(tx.db, postId);
  const page = first && (await lockPage(tx.db, { id: first.page_id }));
  const row = page && (await findPostRow(tx.db, postId)); // as it is now that the page is held
  if (!page || !row) return;
  const post = postFromRow(row, page.pinnedPostId);
  const body = setCard(post.body, url, card);
  if (!body) return; // edited away meanwhile
  // The card is the server's reading of the address, not an editorial change: no "edited" mark.
  const next = { ...applyPatch(post, { body }, tx.now), editedAt: post.editedAt };
  if (await replacePost(tx.db, next, post.version)) await recordPostChange(tx, page, post, next, null);
}

/** Records a failed attempt: tried again at `retryAt`, or failed for good (readers keep the plain link). */
export async function failEmbed(ctx: CommandContext, row: Pick<EmbedRow, 'id' | 'attempts'>, err: unknown, retryAt: string | null): Promise<void> {
  const now = ctx.now().toISOString();
  const error = importFailure(err);
  const attempts = Number(row.attempts) + 1;
  await ctx.store.write((db) => finishEmbed(db, row.id, retryAt ? { status: 'pending', attempts, error, nextAttemptAt: retryAt } : { status: 'failed', attempts, error }, now));
}

export { isRetryable };
