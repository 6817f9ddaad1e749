/** `/api/v1/webhooks` (admins): register targets for page events and read their delivery log. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changeWebhook, createWebhook, deleteWebhook, requireTarget } from '../../../commands/webhooks.js';
import { notFound } from '../../../domain/errors.js';
import { ID_PATTERN } from '../../../domain/post.js';
import { webhookCreateSchema, webhookPatchSchema } from '../../../domain/webhook.js';
import { listWebhooks, publicWebhook, PURGE_TARGET_ID } from '../../../store/webhooks.js';
import { listDeliveries, type AttemptRow, type DeliveryRow } from '../../../store/webhook-deliveries.js';

import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { deliveryOut, webhookOut } from '../../../domain/api-schemas.js';
import { idPath } from './doc-params.js';
import type { RouteDoc } from '../../route-doc.js';

/** A webhook id, or `purge` for the CDN purge hook's log; anything else is simply not there. */
const webhookId = (params: unknown, allowPurge = false): string => {
  const id = (params as { id?: unknown }).id;
  if (typeof id === 'string' && (ID_PATTERN.test(id) || (allowPurge && id === PURGE_TARGET_ID))) return id;
  throw notFound('webhook', 'There is no such webhook.');
};

const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Admins only: the route options every route here declares. */
const opts = (doc: Omit<RouteDoc, 'tag'>) => ({ config: { action: 'webhook.manage' as const, doc: { tag: 'Webhooks', ...doc } } });
const hookPath = z.object({ id: z.string().describe('The webhook’s id (`purge`: the CDN purge hook’s log).') });

export async function webhookRoutes(app: FastifyInstance, { commands, store }: AppServices): Promise<void> {
  const { db } = store;

  app.get('/api/v1/webhooks', opts({ summary: 'List webhooks', response: { schema: z.object({ webhooks: z.array(webhookOut) }) } }), async () => {
    return { webhooks: (await listWebhooks(db)).map(publicWebhook) };
  });

  app.post('/api/v1/webhooks', opts({ summary: 'Register a webhook', description: 'Every matching page event is POSTed to `url`, signed with `secret` (see the webhooks below).', body: webhookCreateSchema, response: { status: 201, schema: webhookOut } }), async (req, reply) => {
    return reply.status(201).send(await createWebhook(commands, parse(webhookCreateSchema, req.body)));
  });

  app.patch('/api/v1/webhooks/:id', opts({ summary: 'Change a webhook', params: idPath, body: webhookPatchSchema, response: { schema: webhookOut }, errors: ['webhook_not_found'] }), async (req) => {
    return changeWebhook(commands, webhookId(req.params), parse(webhookPatchSchema, req.body));
  });

  app.delete('/api/v1/webhooks/:id', opts({ summary: 'Delete a webhook', params: idPath, response: { schema: webhookOut }, errors: ['webhook_not_found'] }), async (req) => {
    return deleteWebhook(commands, webhookId(req.params));
  });

  app.get('/api/v1/webhooks/:id/deliveries', opts({ summary: 'A webhook’s delivery log', params: hookPath, query: deliveriesQuery, response: { schema: z.object({ webhook: webhookOut, deliveries: z.array(deliveryOut) }) }, errors: ['webhook_not_found'] }), async (req) => {
    const webhook = await requireTarget(db, webhookId(req.params, true));
    const { limit } = parse(deliveriesQuery, req.query);
    const rows = await listDeliveries(db, webhook.id, limit);
    return { webhook, deliveries: rows.map(({ delivery, attempts, slug }) => deliveryJson(delivery, attempts, slug)) };
  });
}

/** One delivery in the log: what was sent, where it stands, and every attempt (oldest first). */
function deliveryJson(d: DeliveryRow, attempts: AttemptRow[], slug: string | null) {
  return {
    id: d.id,
    type: d.event_type,
    page: slug,
    seq: Number(d.seq),
    status: d.status,
    attempts: Number(d.attempts),
    lastStatusCode: d.last_status_code === null ? null : Number(d.last_status_code),
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
    createdAt: d.created_at,
    deliveredAt: d.delivered_at,
    log: attempts.map((a) => ({
      attempt: Number(a.attempt),
      at: a.started_at,
      durationMs: Number(a.duration_ms),
      statusCode: a.status_code === null ? null : Number(a.status_code),
      error: a.error,
    })),
  };
}
