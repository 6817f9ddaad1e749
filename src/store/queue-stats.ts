/**
 * The background queues at a glance, for metrics: how many jobs wait, since when, and how
 * many failed for good. One aggregate query per queue (pending and failed rows are few next
 * to delivered ones; the status column leads their indexes' use).
 */
import type { ReadDb } from './store.js';

export interface QueueStats {
  pending: number;
  /** created_at of the oldest pending job (ISO), or null when none waits. */
  oldestPendingAt: string | null;
  failed: number;
}

async function statsOf(db: ReadDb, table: 'webhook_deliveries' | 'media_imports'): Promise<QueueStats> {
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const by = new Map(rows.map((r) => [r.status, r]));
  const pending = by.get('pending');
  return { pending: Number(pending?.n ?? 0), oldestPendingAt: (pending?.oldest as string | null | undefined) ?? null, failed: Number(by.get('failed')?.n ?? 0) };
}

export async function webhookQueueStats(db: ReadDb): Promise<QueueStats> {
  return statsOf(db, 'webhook_deliveries');
}

export async function mediaImportQueueStats(db: ReadDb): Promise<QueueStats> {
  return statsOf(db, 'media_imports');
}
