/**
 * Social posts and links (issue 11): `POST /api/v1/embeds/preview` resolves an address for
 * the composer (at once; kept, so publishing attaches the card without waiting) and
 * `GET /embeds/{id}`, the sandboxed document a provider's markup runs in when a reader
 * asks for it (render/embed-frame.ts, docs/adr/010).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { embedPreviewOut } from '../../domain/api-schemas.js';
import { z } from 'zod';
import { requirePage } from '../../commands/load.js';
import { embedPreviewJson } from '../../domain/api-json.js';
import { embedKey } from '../../domain/embed.js';
import { httpUrl } from '../../domain/schema-helpers.js';
import { embedFrameCsp, embedFrameDocument } from '../../render/embed-frame.js';
import { embedStateFromRow, findEmbed, findEmbedByUrl } from '../../store/embeds.js';
import { resolveAndKeep, type EmbedResolving } from '../embed-resolve.js';
import type { AppServices } from '../services.js';
import { parse } from '../validate.js';
import { slugParam } from './params.js';

const previewSchema = z.strictObject({ url: httpUrl, page: z.string().max(200).optional() });
const ID = /^[0-9a-f-]{36}$/;

export async function embedApiRoutes(app: FastifyInstance, services: AppServices & { embeds: EmbedResolving }): Promise<void> {
  const { store } = services;
  // What a pasted address will show: the kept card at once, else resolved now (errors said plainly, 422).
  app.post('/api/v1/embeds/preview', { config: { action: 'post.preview', doc: { tag: 'Embeds', summary: 'Preview an address as a card', description: 'Resolves the address now (or answers the card already kept): what the composer shows when a URL is pasted.', body: previewSchema, response: { schema: embedPreviewOut }, errors: ['page_not_found', 'embed_unusable', 'embed_malformed', 'meta_token_missing', 'private_address', 'fetch_failed'] } } }, async (req) => {
    const input = parse(previewSchema, req.body);
    const page = input.page ? await requirePage(store.db, slugParam({ slug: input.page })) : undefined;
    const kept = await findEmbedByUrl(store.db, embedKey(input.url));
    if (kept?.status === 'done') return embedPreviewJson(embedStateFromRow(kept));
    const { id, card } = await resolveAndKeep(services.embeds, input.url, page?.id ?? null);
    return embedPreviewJson({ id, url: embedKey(input.url), status: 'done', error: null, card });
  });
}

export async function embedFrameRoutes(app: FastifyInstance, { store }: AppServices): Promise<void> {
  app.get<{ Params: { id: string } }>('/embeds/:id', async (req, reply) => {
    const row = ID.test(req.params.id) ? await findEmbed(store.db, req.params.id) : undefined;
    if (!row?.markup) return reply.callNotFound();
    const nonce = randomBytes(16).toString('base64');
    const origins = JSON.parse(row.frame_origins ?? '[]') as string[];
    // Our own headers only: the site's CSP (frame-ancestors 'self', our sources) is not this document's.
    return reply
      .header('content-security-policy', embedFrameCsp(origins, nonce))
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .header('cross-origin-resource-policy', 'same-site')
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(embedFrameDocument(row.markup, nonce));
  });
}
