/**
 * Embeds (SPEC §6): `GET /live/{slug}/embed`, the stream alone for an iframe on another
 * site, and `GET /embed.js`, the script that makes those iframes. The embed view is
 * rendered and cached by ReaderPages like the reader page; it is the only HTML here that
 * other sites may frame.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { SLUG_PATTERN } from '../../domain/page.js';
import { contentEtag, sendCacheable } from '../cache-control.js';
import { respond } from '../prepared-responses.js';
import type { AppServices } from '../services.js';
import { sendPrepared } from './reader.js';

export interface EmbedOptions {
  /** Where `/embed.js` is built (public/build/embed.js); missing: a 404. */
  hostScriptFile: string;
}

/**
 * `/embed.js` keeps one URL for ever (sites paste it once), so it cannot be cached
 * immutably: browsers and CDNs revalidate it every few minutes.
 */
export const HOST_SCRIPT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

export async function embedRoutes(app: FastifyInstance, services: AppServices & EmbedOptions): Promise<void> {
  const { reader } = services;

  // Written straight to the socket: the app's onSend hook would add the site-wide
  // X-Frame-Options and `frame-ancestors 'self'` that this view must not carry.
  app.get<{ Params: { slug: string } }>('/live/:slug/embed', async (req, reply) => {
    const { slug } = req.params;
    const view = SLUG_PATTERN.test(slug) ? await reader.embed(slug) : undefined;
    if (!view) {
      const missing = reader.embedNotFound();
      return sendPrepared(reply, 404, missing.headers, missing.body);
    }
    reply.hijack();
    respond(view.responses, req.raw, reply.raw);
    return reply;
  });

  const host = hostScript(services.hostScriptFile);
  app.get('/embed.js', async (req, reply) => {
    if (!host) return reply.callNotFound();
    // Loaded by <script> on other sites: cross-origin readable (CORP), and CORS for those that use SRI.
    reply.header('cross-origin-resource-policy', 'cross-origin').header('access-control-allow-origin', '*');
    return sendCacheable(req, reply, { etag: host.etag, cacheControl: HOST_SCRIPT_CACHE_CONTROL, type: 'text/javascript; charset=utf-8', body: host.body });
  });
}

function hostScript(file: string): { body: Buffer; etag: string } | undefined {
  try {
    const body = readFileSync(file);
    return { body, etag: contentEtag(body) };
  } catch {
    return undefined; // not built (`npm run build` makes it)
  }
}
