/**
 * Resolved addresses and their queue (migration 009). Like media_imports: portable SQL, a
 * job taken by a conditional UPDATE that succeeds for exactly one worker across processes
 * and nodes. The provider's markup is read only by the sandboxed frame's route.
 */
import type { Selectable } from 'kysely';
import type { EmbedCard, EmbedState, EmbedStatus } from '../domain/embed.js';
import type { EmbedsTable } from './schema.js';
import { claimIds, dueIds } from './queue.js';
import type { ReadDb, WriteDb } from './store.js';

export type EmbedRow = Selectable<EmbedsTable>;

export const embedStateFromRow = (r: EmbedRow): EmbedState => ({ id: r.id, url: r.url, status: r.status as EmbedStatus, error: r.error, card: r.card ? (JSON.parse(r.card) as EmbedCard) : null });

export async function findEmbedByUrl(db: ReadDb, url: string): Promise<EmbedRow | undefined> {
  return db.selectFrom('embeds').selectAll().where('url', '=', url).executeTakeFirst();
}

export async function findEmbed(db: ReadDb, id: string): Promise<EmbedRow | undefined> {
  return db.selectFrom('embeds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The cards of those addresses that have one, by address. */
export async function cardsFor(db: ReadDb, urls: string[]): Promise<Map<string, EmbedCard>> {
  if (!urls.length) return new Map();
  const rows = await db.selectFrom('embeds').select(['url', 'card']).where('url', 'in', urls).where('status', '=', 'done').execute();
  return new Map(rows.flatMap((r) => (r.card ? [[r.url, JSON.parse(r.card) as EmbedCard] as const] : [])));
}

/** Queues each address not known yet; returns the ids of every address given (new or known). */
export async function queueEmbeds(db: WriteDb, urls: Array<{ id: string; url: string }>, now: string): Promise<Map<string, string>> {
  for (const u of urls) {
    await db
      .insertInto('embeds')
      .values({ id: u.id, url: u.url, status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, error: null, card: null, markup: null, frame_origins: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('url').doNothing())
      .execute();
  }
  if (!urls.length) return new Map();
  const rows = await db.selectFrom('embeds').select(['id', 'url']).where('url', 'in', urls.map((u) => u.url)).execute();
  return new Map(rows.map((r) => [r.url, r.id]));
}

/** Notes that a post waits for an address (once). */
export async function addWaits(db: WriteDb, waits: Array<{ embedId: string; postId: string; pageId: string }>, now: string): Promise<void> {
  for (const w of waits) {
    await db.insertInto('embed_waits').values({ embed_id: w.embedId, post_id: w.postId, page_id: w.pageId, created_at: now }).onConflict((oc) => oc.columns(['embed_id', 'post_id']).doNothing()).execute();
  }
}

export async function waitingPosts(db: ReadDb, embedId: string): Promise<string[]> {
  const rows = await db.selectFrom('embed_waits').select('post_id').where('embed_id', '=', embedId).orderBy('created_at').execute();
  return rows.map((r) => r.post_id);
}

/** The page of the first post waiting for an address (its thumbnail goes to that page's media). */
export async function firstWaitingPage(db: ReadDb, embedId: string): Promise<string | null> {
  const row = await db.selectFrom('embed_waits').select('page_id').where('embed_id', '=', embedId).orderBy('created_at').limit(1).executeTakeFirst();
  return row?.page_id ?? null;
}

export async function dropWait(db: WriteDb, embedId: string, postId: string): Promise<void> {
  await db.deleteFrom('embed_waits').where('embed_id', '=', embedId).where('post_id', '=', postId).execute();
}

/** Pending jobs due now, not held by a worker, oldest first. */
export const dueEmbeds = (db: ReadDb, now: string, limit: number): Promise<string[]> => dueIds(db, 'embeds', now, limit);

/** Takes the jobs for one worker until `until` (store/queue.ts). */
export const claimEmbeds = (db: WriteDb, ids: string[], now: string, until: string): Promise<EmbedRow[]> => claimIds(db, 'embeds', ids, now, until);

/** Keeps a resolution (done), or records a failed attempt (pending again at `nextAttemptAt`, or failed). */
export async function finishEmbed(
  db: WriteDb,
  id: string,
  change: { status: EmbedStatus; attempts: number; error: string | null; card?: EmbedCard; markup?: string | null; frameOrigins?: string[]; nextAttemptAt?: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('embeds')
    .set({
      status: change.status,
      attempts: change.attempts,
      error: change.error,
      claimed_until: null,
      updated_at: now,
      ...(change.card ? { card: JSON.stringify(change.card), markup: change.markup ?? null, frame_origins: JSON.stringify(change.frameOrigins ?? []) } : {}),
      ...(change.nextAttemptAt ? { next_attempt_at: change.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}
