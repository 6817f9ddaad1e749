/**
 * What the reader caches hold (server/reader-pages.ts): rendered pages and embeds with their
 * responses prepared per content coding, feeds with their codings, and each cache's budget.
 */
import type { PageState } from '../domain/page.js';
import type { Lru } from '../render/lru.js';
import { readerCacheControl } from './cache-control.js';
import type { EncodedBody } from './encoded-body.js';
import { PreparedResponses } from './prepared-responses.js';

/** A prepared response: status line aside, everything `writeHead` and `end` need. */
export interface PreparedResponse {
  body: Buffer;
  headers: (string | number)[];
}

export interface RenderedPage {
  /** The identity representation's ETag; each coding's is this with a suffix. */
  etag: string;
  state: PageState;
  /**
   * Every response, per content coding (Brotli and gzip compressed once, on first ask),
   * its headers prepared as node's flat [name, value, …] array (measurably faster to write
   * than an object): serving the page is writing two buffers.
   */
  responses: PreparedResponses;
}

/** A rendered feed and the state its caching follows. */
export interface RenderedFeed {
  /** Its bytes, and once asked for, Brotli and gzip of them. */
  encoded: EncodedBody;
  etag: string;
  state: PageState;
}

/**
 * What each cache may hold (docs/performance.md): readers choose the URLs, so each is
 * bounded in bytes, not only in entries. Entries are per page and seq (and page number or
 * format), so only real pages fill them; the budgets cap a site with many busy pages.
 */
export const CACHE_BUDGETS = {
  pages: 32 * 2 ** 20,
  embeds: 8 * 2 ** 20,
  feeds: 16 * 2 ** 20,
} as const;

/** A prepared page's weight: its bytes in every coding made and, roughly, its prepared headers. */
export const pageBytes = (r: RenderedPage): number => r.responses.bytes;

/** A rendered HTML document with its 200 and 304 responses prepared, per coding, as node's flat arrays. */
export function preparedPage(html: string, etag: string, state: PageState, security: string[]): RenderedPage {
  const responses = new PreparedResponses(Buffer.from(html), etag, [...security, 'cache-control', readerCacheControl(state)], 'text/html; charset=utf-8');
  return { etag, state, responses };
}

/** Caches a page under its ETag; its compressed bytes count in the cache's budget once made. */
export function keep(cache: Lru<string, RenderedPage>, page: RenderedPage): void {
  cache.set(page.etag, page);
  page.responses.encoded.onGrow = () => cache.reweigh(page.etag);
}
