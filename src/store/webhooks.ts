/**
 * Webhook targets: the API-managed webhooks and the built-in CDN purge target. Their
 * delivery queue and log are in store/webhook-deliveries.ts.
 */
import type { Selectable } from 'kysely';
import type { EventType } from '../domain/event.js';
import type { WebhooksTable } from './schema.js';
import { locksRows, type ReadDb, type WriteDb } from './store.js';

export type WebhookKind = 'webhook' | 'purge';

/** A target as the worker and the API see it (the secret is never sent back out). */
export interface Webhook {
  id: string;
  kind: WebhookKind;
  url: string;
  events: EventType[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookTarget extends Webhook {
  secret: string;
}

/** The id of the built-in target that the CDN purge hook (LIVEPAGE_PURGE_URL) uses. */
export const PURGE_TARGET_ID = 'purge';

function targetFromRow(r: Selectable<WebhooksTable>): WebhookTarget {
  return {
    id: r.id,
    kind: r.kind as WebhookKind,
    url: r.url,
    events: JSON.parse(r.events) as EventType[],
    secret: r.secret,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Drops the secret: what the API may show. */
export const publicWebhook = ({ secret: _secret, ...w }: WebhookTarget): Webhook => w;

export async function insertWebhook(db: WriteDb, w: WebhookTarget): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({ id: w.id, kind: w.kind, url: w.url, events: JSON.stringify(w.events), secret: w.secret, active: w.active ? 1 : 0, created_at: w.createdAt, updated_at: w.updatedAt })
    .execute();
}

export async function findWebhook(db: ReadDb, id: string): Promise<WebhookTarget | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && targetFromRow(row);
}

/** The API-managed webhooks, oldest first. */
export async function listWebhooks(db: ReadDb): Promise<WebhookTarget[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('kind', '=', 'webhook').orderBy('created_at').orderBy('id').execute();
  return rows.map(targetFromRow);
}

/**
 * Every target that receives events now (webhooks and the purge hook), for queueing
 * deliveries to them. On PostgreSQL the rows are locked FOR KEY SHARE until the transaction
 * ends: a webhook deleted meanwhile is either skipped here or deleted after this commits
 * (with the deliveries queued), never gone under the insert (a foreign-key error). Such
 * locks do not block each other, nor changes to a webhook's other columns.
 */
export async function activeTargetsForQueueing(db: WriteDb): Promise<WebhookTarget[]> {
  const query = db.selectFrom('webhooks').selectAll().where('active', '=', 1);
  return (await (locksRows(db) ? query.forKeyShare() : query).execute()).map(targetFromRow);
}

export async function updateWebhook(db: WriteDb, w: WebhookTarget): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ url: w.url, events: JSON.stringify(w.events), secret: w.secret, active: w.active ? 1 : 0, updated_at: w.updatedAt })
    .where('id', '=', w.id)
    .execute();
}

/** Removes a webhook with its queue and log. */
export async function deleteWebhook(db: WriteDb, id: string): Promise<boolean> {
  const r = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Points the built-in purge target at `url` (or switches it off when there is none);
 * its past deliveries stay in the log.
 */
export async function setPurgeTarget(db: WriteDb, url: string | undefined, events: readonly EventType[], now: string): Promise<void> {
  if (!url) {
    await db.updateTable('webhooks').set({ active: 0, updated_at: now }).where('id', '=', PURGE_TARGET_ID).where('active', '=', 1).execute();
    return;
  }
  const values = { url, events: JSON.stringify(events), active: 1, updated_at: now };
  await db
    .insertInto('webhooks')
    .values({ id: PURGE_TARGET_ID, kind: 'purge', secret: '', created_at: now, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
