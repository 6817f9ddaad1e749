/**
 * What the background queues' tables share (media_imports, embeds, webhook_deliveries: status, next_attempt_at,
 * claimed_until): the jobs due now, and taking them. Portable SQL: a job is taken by a
 * conditional UPDATE that succeeds for exactly one worker, on either store, across nodes.
 */
import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Database } from './schema.js';
import type { ReadDb, WriteDb } from './store.js';

/** Tables whose rows are jobs a worker claims (the webhook deliveries pick their own due order: by target). */
export type QueueTable = 'media_imports' | 'embeds' | 'webhook_deliveries';

/**
 * Not held by a worker: never claimed, or its claim ran out before `now` (a worker that
 * died mid-job lets go this way). Every queue table, the webhook deliveries too, names its
 * claim `claimed_until`; `column` is it under an alias (`d.claimed_until`).
 */
export function unheld(now: string, column = 'claimed_until'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} < ${now})`;
}

/** Pending jobs due now and not held by a worker, oldest first. */
export async function dueIds(db: ReadDb, table: QueueTable, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom(table as 'embeds') // the columns read are the same in every queue table
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where(unheld(now))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes the jobs for one worker until `until`; returns those it got (two racing workers: one owner each). */
export async function claimIds<T extends QueueTable>(db: WriteDb, table: T, ids: string[], now: string, until: string): Promise<Array<Selectable<Database[T]>>> {
  if (!ids.length) return [];
  const rows = await db
    .updateTable(table as 'embeds')
    .set({ claimed_until: until })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where(unheld(now))
    .returningAll()
    .execute();
  return rows as unknown as Array<Selectable<Database[T]>>;
}
