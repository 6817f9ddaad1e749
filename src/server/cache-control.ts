/**
 * Caching rules for everything readers fetch, in one place so pages, feeds, polling JSON,
 * embeds and the sitemap agree (docs/operations.md shows the CDN side). Every such
 * response carries a strong ETag per representation and answers If-None-Match with a 304.
 * Responses differ by URL and by content coding alone (no cookies): each says
 * `Vary: Accept-Encoding`, and its Brotli or gzip bytes are made once per version.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageState } from '../domain/page.js';
import { chooseCoding } from './accept-encoding.js';
import { codedEtag, EncodedBody } from './encoded-body.js';
import { etagMatches } from './http.js';
import { Lru } from '../render/lru.js';

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
  /** The bytes; an EncodedBody when the caller caches it (its codings then live in the caller's cache). */
  body: Buffer | string | EncodedBody;
}

/**
 * Codings of bodies their routes do not cache (the home page, sitemap, robots.txt, the
 * embed script): kept by ETag, so an unchanged document is still compressed only once.
 */
export const ENCODED_BUDGET = 8 * 2 ** 20;
const encodedByEtag = new Lru<string, EncodedBody>({ maxEntries: 500, maxBytes: ENCODED_BUDGET, sizeOf: (e) => e.bytes });

function encodedOf(res: Cacheable): EncodedBody {
  if (res.body instanceof EncodedBody) return res.body;
  const key = `${res.type} ${res.etag}`;
  let e = encodedByEtag.get(key);
  if (!e) {
    const made = new EncodedBody(Buffer.from(res.body));
    made.onGrow = () => encodedByEtag.reweigh(key);
    encodedByEtag.set(key, made);
    e = made;
  }
  return e;
}

/**
 * Sends a cacheable reader response in the coding Accept-Encoding chooses: that
 * representation's ETag, Cache-Control and Vary on the 200 and on the 304 that answers a
 * matching If-None-Match. Routes that build their own bodies (feeds, polling, the sitemap)
 * use this; cached reader pages and embeds have their responses prepared.
 */
export async function sendCacheable(req: FastifyRequest, reply: FastifyReply, res: Cacheable): Promise<FastifyReply> {
  const encoded = encodedOf(res);
  const coding = encoded.served(chooseCoding(req.headers['accept-encoding']));
  const etag = codedEtag(res.etag, coding);
  reply.header('etag', etag).header('cache-control', res.cacheControl).header('vary', 'Accept-Encoding');
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.status(304).send();
  let body: Buffer;
  try {
    body = await encoded.get(coding);
    if (coding !== 'identity') reply.header('content-encoding', coding);
  } catch {
    body = encoded.identity; // a failed compression (it should not) sends the bytes as they are
    reply.header('etag', res.etag);
  }
  return reply.type(res.type).send(body);
}
