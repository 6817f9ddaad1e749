/**
 * Webhook deliveries: the durable queue each target's events wait in, and the log of
 * attempts at sending them. Portable SQL only: a delivery is taken by a conditional UPDATE
 * that succeeds for exactly one worker, so any number of server processes may work the
 * queue at once on either store.
 */
import type { Insertable, Selectable } from 'kysely';
import type { WebhookAttemptsTable, WebhookDeliveriesTable } from './schema.js';
import { claimIds, unheld } from './queue.js';
import type { ReadDb, WriteDb } from './store.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

/**
 * Queues deliveries, each after every delivery its target has pending. Call in the
 * transaction that appends their page's event: that transaction holds the page's row, so
 * the one with the page's previous event has committed and its position is seen here. A
 * page's events thus queue in seq order whatever the clocks of the processes that wrote them.
 */
export async function insertDeliveries(db: WriteDb, rows: Omit<Insertable<WebhookDeliveriesTable>, 'queue_position'>[]): Promise<void> {
  if (!rows.length) return;
  const last = await db
    .selectFrom('webhook_deliveries')
    .select(['webhook_id', (eb) => eb.fn.max('queue_position').as('last')])
    .where('webhook_id', 'in', [...new Set(rows.map((r) => r.webhook_id))])
    .where('status', '=', 'pending')
    .groupBy('webhook_id')
    .execute();
  const next = new Map(last.map((r) => [r.webhook_id, Number(r.last)]));
  const positioned = rows.map((r) => {
    const queue_position = (next.get(r.webhook_id) ?? 0) + 1;
    next.set(r.webhook_id, queue_position);
    return { ...r, queue_position };
  });
  await db.insertInto('webhook_deliveries').values(positioned).execute();
}

/** A target's sending order: by position, then id (positions tie only across pages). */
const byQueueOrder = (a: DeliveryRow, b: DeliveryRow): number =>
  Number(a.queue_position) - Number(b.queue_position) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The deliveries that may be sent now: for each active target, its first pending delivery
 * (so a target receives its events in order), if due and not held by a worker.
 */
export async function dueHeads(db: ReadDb, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select('d.id')
    .where('w.active', '=', 1)
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where(unheld(now, 'd.claimed_until'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('webhook_deliveries as o')
            .select('o.id')
            .whereRef('o.webhook_id', '=', 'd.webhook_id')
            .where('o.status', '=', 'pending')
            .where((o) =>
              o.or([
                o('o.queue_position', '<', o.ref('d.queue_position')),
                o.and([o('o.queue_position', '=', o.ref('d.queue_position')), o('o.id', '<', o.ref('d.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .orderBy('d.queue_position')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes pending, due deliveries for one worker until `until`; returns those it got. The
 * conditions in the UPDATE make two workers racing for one delivery end with one owner, and
 * a worker whose list was read before another's failed attempt wait out the backoff.
 */
export async function claimDeliveries(db: WriteDb, ids: string[], now: string, until: string): Promise<DeliveryRow[]> {
  return (await claimIds(db, 'webhook_deliveries', ids, now, until)).sort(byQueueOrder);
}

/** A target's other pending, unheld deliveries queued after `head` (to send in one go). */
export async function pendingAfter(db: ReadDb, head: DeliveryRow, now: string, limit: number): Promise<string[]> {
  const position = Number(head.queue_position);
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('webhook_id', '=', head.webhook_id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('queue_position', '>', position), eb.and([eb('queue_position', '=', position), eb('id', '>', head.id)])]))
    .where(unheld(now))
    .orderBy('queue_position')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The outcome of one attempt at sending deliveries (one request, maybe for many of them). */
export interface AttemptOutcome {
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** The receiver accepted it (2xx). */
  delivered: boolean;
  /** When those not delivered and not out of attempts are tried again. */
  nextAttemptAt: string;
  finishedAt: string;
}

/**
 * Logs the attempt for each delivery sent and moves them on: delivered, failed for good once
 * `maxAttempts` are used up, or pending until `nextAttemptAt` (all alike, so a purge batch
 * stays together); releases the claims. At most three UPDATEs and one INSERT for any batch.
 * A delivery whose webhook was deleted while it was being sent is gone: nothing to record.
 * The UPDATEs come first: they skip such rows and lock the rest, so the attempts' foreign
 * keys hold.
 */
export async function recordAttempt(db: WriteDb, deliveries: DeliveryRow[], outcome: AttemptOutcome, maxAttempts: number, newId: () => string): Promise<void> {
  if (!deliveries.length) return;
  const statusOf = (d: DeliveryRow): DeliveryStatus => (outcome.delivered ? 'delivered' : Number(d.attempts) + 1 >= maxAttempts ? 'failed' : 'pending');
  const kept = new Set<string>();
  for (const status of ['delivered', 'failed', 'pending'] as const) {
    const ids = deliveries.filter((d) => statusOf(d) === status).map((d) => d.id);
    if (!ids.length) continue;
    const updated = await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status,
        next_attempt_at: status === 'pending' ? outcome.nextAttemptAt : outcome.finishedAt,
        claimed_until: null,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        updated_at: outcome.finishedAt,
        delivered_at: status === 'delivered' ? outcome.finishedAt : null,
      }))
      .where('id', 'in', ids)
      .returning('id')
      .execute();
    for (const r of updated) kept.add(r.id);
  }
  const logged = deliveries.filter((d) => kept.has(d.id));
  if (!logged.length) return;
  await db
    .insertInto('webhook_attempts')
    .values(
      logged.map((d) => ({
        id: newId(),
        delivery_id: d.id,
        attempt: Number(d.attempts) + 1,
        started_at: outcome.startedAt,
        duration_ms: Math.round(outcome.durationMs),
        status_code: outcome.statusCode,
        error: outcome.error,
      })),
    )
    .execute();
}

/** Gives deliveries back untried (the server is stopping), so another worker takes them at once. */
export async function releaseDeliveries(db: WriteDb, ids: string[]): Promise<void> {
  if (ids.length) await db.updateTable('webhook_deliveries').set({ claimed_until: null }).where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Forgets finished deliveries (and their attempts) last touched before `before`. */
export async function pruneDeliveries(db: WriteDb, before: string): Promise<number> {
  const r = await db.deleteFrom('webhook_deliveries').where('status', 'in', ['delivered', 'failed']).where('updated_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A target's deliveries, newest first, each with its attempts (oldest first). */
export async function listDeliveries(db: ReadDb, webhookId: string, limit: number): Promise<{ delivery: DeliveryRow; attempts: AttemptRow[]; slug: string | null }[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .leftJoin('pages as p', 'p.id', 'd.page_id')
    .selectAll('d')
    .select('p.slug')
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('delivery_id').orderBy('attempt').execute()
    : [];
  const byDelivery = new Map<string, AttemptRow[]>();
  for (const a of attempts) byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), a]);
  return rows.map(({ slug, ...delivery }) => ({ delivery, attempts: byDelivery.get(delivery.id) ?? [], slug }));
}
