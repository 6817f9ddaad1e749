/** The page event log: every reader-visible change, numbered by the page's gap-free seq. */
import type { EventData, EventType, PageEvent } from '../domain/event.js';
import type { ReadDb, WriteDb } from './store.js';

/**
 * Appends an event and returns its seq. Call inside the transaction that makes the
 * change: the UPDATE … RETURNING locks the page row, so concurrent writers to one page
 * queue up and every seq is used exactly once.
 */
export async function appendEvent(trx: WriteDb, pageId: string, type: EventType, data: EventData, now: string): Promise<number> {
  const { seq } = await trx
    .updateTable('pages')
    .set((eb) => ({ seq: eb('seq', '+', 1), updated_at: now }))
    .where('id', '=', pageId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx.insertInto('events').values({ page_id: pageId, seq, type, data: JSON.stringify(data), created_at: now }).execute();
  return Number(seq);
}

/** Events after `since`, in order (what a reconnecting reader missed). */
export async function eventsSince(db: ReadDb, pageId: string, since: number, limit = 1000): Promise<PageEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('seq', '>', since)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    pageId: r.page_id,
    seq: Number(r.seq),
    type: r.type as EventType,
    data: JSON.parse(r.data) as EventData,
    createdAt: r.created_at,
  }));
}
