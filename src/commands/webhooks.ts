/**
 * Webhooks: managing them, and queueing a delivery for every page event a target wants,
 * inside the transaction that appends the event (so none is lost on a crash). Sending is
 * the worker's job (server/webhook-worker.ts), never the publishing request's.
 */
import { uuidv7 } from 'uuidv7';
import { notFound } from '../domain/errors.js';
import { EVENT_TYPES, type EventData, type EventType } from '../domain/event.js';
import type { WebhookCreate, WebhookPatch } from '../domain/webhook.js';
import { pageJson, postJson } from '../domain/api-json.js';
import { findPageById } from '../store/pages.js';
import { findPostRow, postFromRow } from '../store/posts.js';
import type { ReadDb, WriteDb } from '../store/store.js';
import {
  activeTargetsForQueueing,
  deleteWebhook as removeWebhook,
  findWebhook,
  insertWebhook,
  publicWebhook,
  PURGE_TARGET_ID,
  setPurgeTarget,
  updateWebhook,
  type Webhook,
  type WebhookTarget,
} from '../store/webhooks.js';
import { insertDeliveries } from '../store/webhook-deliveries.js';
import type { CommandContext, OutboxWriter } from './context.js';

const noSuchWebhook = () => notFound('webhook', 'There is no such webhook.');

export async function createWebhook(ctx: CommandContext, input: WebhookCreate): Promise<Webhook> {
  const now = ctx.now().toISOString();
  const w: WebhookTarget = { id: uuidv7(), kind: 'webhook', url: input.url, events: input.events, secret: input.secret, active: true, createdAt: now, updatedAt: now };
  await ctx.store.write((db) => insertWebhook(db, w));
  return publicWebhook(w);
}

/** Changes a webhook; switching it off holds its queue, switching it on again resumes it. */
export async function changeWebhook(ctx: CommandContext, id: string, patch: WebhookPatch): Promise<Webhook> {
  return ctx.store.write(async (db) => {
    const w = await findWebhook(db, id);
    if (!w || w.kind !== 'webhook') throw noSuchWebhook();
    const next: WebhookTarget = { ...w, ...patch, updatedAt: ctx.now().toISOString() };
    await updateWebhook(db, next);
    return publicWebhook(next);
  });
}

/** Deletes a webhook with its queue and delivery log. */
export async function deleteWebhook(ctx: CommandContext, id: string): Promise<Webhook> {
  return ctx.store.write(async (db) => {
    const w = await findWebhook(db, id);
    if (!w || w.kind !== 'webhook') throw noSuchWebhook();
    await removeWebhook(db, id);
    return publicWebhook(w);
  });
}

/**
 * A webhook or the purge target, for reading its delivery log. The purge URL comes from the
 * server's environment and may carry a token in its query: that part is not shown.
 */
export async function requireTarget(db: ReadDb, id: string): Promise<Webhook> {
  const w = await findWebhook(db, id);
  if (!w) throw noSuchWebhook();
  return publicWebhook(w.kind === 'purge' ? { ...w, url: w.url.replace(/[?#].*$/s, '?…') } : w);
}

/** Points the built-in purge target at the configured URL (LIVEPAGE_PURGE_URL), or switches it off. */
export async function configurePurgeHook(ctx: CommandContext, url: string | undefined): Promise<void> {
  await ctx.store.write((db) => setPurgeTarget(db, url, EVENT_TYPES, ctx.now().toISOString()));
}

/** What a purge delivery stores: the event; the paths are worked out when it is sent. */
export interface PurgeEvent {
  type: EventType;
  data: EventData;
}

/** The JSON body of a webhook delivery (SPEC §6). */
export interface WebhookPayload {
  type: EventType;
  /** The page's slug. */
  page: string;
  seq: number;
  data: Record<string, unknown>;
}

/** The outbox writer that queues webhook deliveries and purge requests for every appended event. */
export const webhookOutbox =
  (publicUrl: string): OutboxWriter =>
  (db, now, options) =>
    webhookQueue(db, publicUrl, now, { webhooks: options.webhooks ?? true });

/**
 * A queue writer for one transaction: `enqueue` adds a delivery for each active target that
 * wants the event (with `webhooks: false`, for the purge hook only). Targets are read once
 * per transaction, and a body is built only when some webhook wants it. The purge hook gets
 * one delivery per page and event type in a transaction: its paths depend on nothing else.
 */
export function webhookQueue(db: WriteDb, publicUrl: string, now: string, { webhooks = true }: { webhooks?: boolean } = {}) {
  let targets: Promise<WebhookTarget[]> | undefined;
  const purgeQueued = new Set<string>();
  return async function enqueue(pageId: string, seq: number, type: EventType, data: EventData): Promise<void> {
    const purgeKey = `${pageId} ${type}`;
    const wanted = (await (targets ??= activeTargetsForQueueing(db))).filter(
      (t) => t.events.includes(type) && (t.id === PURGE_TARGET_ID ? !purgeQueued.has(purgeKey) : webhooks),
    );
    if (!wanted.length) return;
    purgeQueued.add(purgeKey);
    let body: string | undefined;
    const rows = [];
    for (const t of wanted) {
      const payload = t.id === PURGE_TARGET_ID ? JSON.stringify({ type, data } satisfies PurgeEvent) : (body ??= JSON.stringify(await webhookPayload(db, publicUrl, pageId, seq, type, data)));
      rows.push({ id: uuidv7(), webhook_id: t.id, page_id: pageId, seq, event_type: type, payload, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now });
    }
    await insertDeliveries(db, rows);
  };
}

/**
 * The body for an event, as of the transaction that appends it: post events carry the post
 * as the API returns it to anyone (with its permalink `url`), page events the page. Only
 * published posts produce post.published/updated, so drafts never leave the newsroom.
 */
export async function webhookPayload(db: ReadDb, publicUrl: string, pageId: string, seq: number, type: EventType, data: EventData): Promise<WebhookPayload> {
  const page = await findPageById(db, pageId);
  if (!page) throw new Error(`page ${pageId} vanished inside its own transaction`);
  const base = { type, page: page.slug, seq };
  if (type === 'post.published' || type === 'post.updated') {
    const { id } = data as { id: string };
    const row = await findPostRow(db, id);
    return { ...base, data: row ? postJson(postFromRow(row, page.pinnedPostId), seq, publicUrl, page.slug, undefined) : { id } };
  }
  if (type === 'post.unpublished') return { ...base, data: { id: (data as { id: string }).id } };
  return { ...base, data: { ...data, page: pageJson(page, publicUrl) } };
}
