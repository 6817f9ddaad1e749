/** The API's idempotency keys: per person, the first response to a request, for 24 hours. */
import type { ReadDb, WriteDb } from './store.js';

export interface IdempotencyRecord {
  fingerprint: string;
  /** 0 while the first request's transaction is still running. */
  status: number;
  body: string;
  createdAt: string;
}

/**
 * Takes the key for this request: true when it is new (or its record is older than
 * `staleBefore`). Inside a transaction: on PostgreSQL a concurrent request with the same
 * key waits here until the first one commits (then finds its record) or rolls back.
 */
export async function claimIdempotencyKey(
  db: WriteDb,
  k: { userId: string; key: string; fingerprint: string; createdAt: string; staleBefore: string },
): Promise<boolean> {
  const r = await db
    .insertInto('idempotency_keys')
    .values({ user_id: k.userId, key: k.key, fingerprint: k.fingerprint, status: 0, body: '', created_at: k.createdAt })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'key'])
        .doUpdateSet({ fingerprint: k.fingerprint, status: 0, body: '', created_at: k.createdAt })
        .where('idempotency_keys.created_at', '<', k.staleBefore),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findIdempotencyKey(db: ReadDb, userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'body', 'created_at'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { fingerprint: row.fingerprint, status: Number(row.status), body: row.body, createdAt: row.created_at };
}

export async function saveIdempotentResponse(db: WriteDb, userId: string, key: string, status: number, body: string): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status, body }).where('user_id', '=', userId).where('key', '=', key).execute();
}

export async function purgeIdempotencyKeys(db: WriteDb, before: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
