/** What readers fetch: the home page, live pages and permalinks (SPEC §1). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../../domain/errors.js';
import { SLUG_PATTERN, type PageState } from '../../domain/page.js';
import { contentEtag, readerCacheControl, sendCacheable, SITE_CACHE_CONTROL } from '../cache-control.js';
import { chooseCoding } from '../accept-encoding.js';
import { codedEtag } from '../encoded-body.js';
import { DEFAULT_VIEW, type StreamView } from '../../render/pagination.js';
import { etagMatches, pageNumber } from '../http.js';
import { permalinkTarget } from '../permalink.js';
import { respond } from '../prepared-responses.js';
import type { AppServices } from '../services.js';
import { postIdParam } from './params.js';

const noSuchPage = () => notFound('page', 'There is no such live page.');

export async function readerRoutes(app: FastifyInstance, { reader, store }: AppServices): Promise<void> {
  app.get('/', async (req, reply) => {
    const body = await reader.index();
    return sendCacheable(req, reply, { etag: contentEtag(body), cacheControl: SITE_CACHE_CONTROL, type: 'text/html; charset=utf-8', body });
  });

  app.get<{ Params: { slug: string }; Querystring: { page?: string; order?: string; only?: string } }>('/live/:slug', async (req, reply) => {
    const n = pageNumber(req.query.page);
    const view = streamView(req.query);
    const { slug } = req.params;
    if (n === null || view === null || !SLUG_PATTERN.test(slug)) throw noSuchPage();
    const head = await reader.head(slug, n, view);
    if (!head) throw noSuchPage();
    // Page 1 always exists; a later page number is known to exist once rendered. Pages are
    // rendered well over COMPRESS_MIN_BYTES, so their coded ETag is known before rendering.
    const exists = n === 1 || head.cached !== undefined;
    const wanted = chooseCoding(req.headers['accept-encoding']);
    if (exists && etagMatches(req.headers['if-none-match'], codedEtag(head.etag, wanted))) return notModified(reply, codedEtag(head.etag, wanted), head.state);
    const page = head.cached ?? (await reader.render(slug, n, view));
    if (!page) throw noSuchPage();
    // The hot path: prepared headers and bytes straight to the socket (HEAD sends no body),
    // in the coding Accept-Encoding chooses, compressed once per version.
    reply.hijack();
    respond(page.responses, req.raw, reply.raw, undefined, (bytes) => (head.cached ? reader.tally.hit(bytes) : reader.tally.miss(bytes)));
    return reply;
  });

  // The brand's colours and fonts (issue 13): named by its content, so cacheable for a year.
  app.get<{ Params: { hash: string } }>('/brand-:hash.css', async (req, reply) => {
    const css = /^[0-9a-f]{12}$/.test(req.params.hash) ? await reader.brand.stylesheet(`/brand-${req.params.hash}.css`) : undefined;
    if (css === undefined) throw notFound('stylesheet', 'There is no such stylesheet.');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css);
  });

  app.get<{ Params: { slug: string; postId: string } }>('/live/:slug/posts/:postId', async (req, reply) => {
    const target = await permalinkTarget(store.db, postIdParam(req.params, 'postId'));
    if (!target) throw notFound('post', 'There is no such post.');
    // Short even once ended: a post moves to a later page as newer ones arrive.
    return reply.header('cache-control', readerCacheControl('live')).redirect(target, 302);
  });
}

/**
 * Writes a prepared response (ReaderPages: node's flat header array and the bytes) straight
 * to the socket, past fastify's hooks: nothing is added to or computed for it per request.
 */
export function sendPrepared(reply: FastifyReply, status: number, headers: (string | number)[], body?: Buffer): FastifyReply {
  reply.hijack();
  reply.raw.writeHead(status, headers).end(body);
  return reply;
}

/** `?order=oldest`, `?only=key-events` (SPEC §1.7); null for a value that names no view (a 404, like a bad page number). */
export function streamView(q: { order?: unknown; only?: unknown }): StreamView | null {
  const order = q.order ?? 'newest';
  const only = q.only ?? 'all';
  if ((order !== 'newest' && order !== 'oldest') || (only !== 'all' && only !== 'key-events')) return null;
  return order === 'newest' && only === 'all' ? DEFAULT_VIEW : { order, only };
}

function notModified(reply: FastifyReply, etag: string, state: PageState): FastifyReply {
  return reply.status(304).header('etag', etag).header('cache-control', readerCacheControl(state)).header('vary', 'Accept-Encoding').send();
}
