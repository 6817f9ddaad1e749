/**
 * Caching rules for everything readers fetch, in one place so pages, feeds, polling JSON,
 * embeds and the sitemap agree (docs/operations.md shows the CDN side). Every such
 * response carries a strong ETag and answers If-None-Match with a 304; `Vary` is never
 * set here: responses differ by URL alone (no cookies, no content negotiation), and a
 * proxy that compresses adds `Vary: Accept-Encoding` itself.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageState } from '../domain/page.js';
import { etagMatches } from './http.js';

/** What is cached: polling is asked every few seconds, so it is kept fresher than pages. */
export type CacheKind = 'page' | 'poll';

/**
 * Short while the coverage is live, so readers without JavaScript (and the CDN) see news
 * within seconds; long once it has ended or moved on. `stale-while-revalidate` lets a CDN
 * answer at once while it fetches the next version.
 */
export function readerCacheControl(state: PageState, kind: CacheKind = 'page'): string {
  if (state !== 'live') return 'public, max-age=300, stale-while-revalidate=86400';
  return kind === 'poll' ? 'public, max-age=2, stale-while-revalidate=10' : 'public, max-age=5, stale-while-revalidate=30';
}

/** Site-wide documents that change with any page (home page, sitemap). */
export const SITE_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=60';

/** Documents that change only with a release or the configuration (robots.txt). */
export const STATIC_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

/** An ETag from the bytes themselves, for documents without a seq of their own. */
export function contentEtag(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** A reader response that can be cached: its bytes, type, ETag and policy. */
export interface Cacheable {
  /** A strong ETag, quotes included: `"…"`. */
  etag: string;
  cacheControl: string;
  /** Content-Type, charset included. */
  type: string;
  body: Buffer | string;
}

/**
 * Sends a cacheable reader response: ETag and Cache-Control on the 200 and on the 304
 * that answers a matching If-None-Match. Routes that build their own bodies (feeds,
 * embeds, the sitemap) use this; cached reader pages have their headers prepared.
 */
export function sendCacheable(req: FastifyRequest, reply: FastifyReply, res: Cacheable): FastifyReply {
  reply.header('etag', res.etag).header('cache-control', res.cacheControl);
  if (etagMatches(req.headers['if-none-match'], res.etag)) return reply.status(304).send();
  return reply.type(res.type).send(res.body);
}
