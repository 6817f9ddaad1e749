/**
 * Serving cached reader pages without entering the framework. A page request whose seq is
 * fresh in memory and whose bytes are rendered is answered here with prepared headers;
 * everything else (misses, other routes, odd URLs) goes on to fastify unchanged. This is
 * what lets one process serve a big story's readers (docs/performance.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagMatches } from './http.js';
import type { ReaderPages } from './reader-pages.js';

/** `/live/{slug}` or `/live/{slug}?page=N` exactly; any other shape takes the full route. */
const PAGE_URL = /^\/live\/([a-z0-9][a-z0-9-]{0,79})(?:\?page=([1-9]\d{0,5}))?$/;

/** Answers the request if it can, from memory; returns false to let fastify handle it. */
export function serveCachedPage(reader: ReaderPages, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const m = PAGE_URL.exec(req.url ?? '');
  if (!m) return false;
  const page = reader.cached(m[1]!, m[2] ? Number(m[2]) : 1);
  if (!page) return false;
  if (etagMatches(req.headers['if-none-match'], page.etag)) res.writeHead(304, page.notModifiedHeaders).end();
  else {
    reader.tally.hit(req.method === 'HEAD' ? 0 : page.body.length);
    res.writeHead(200, page.headers).end(page.body);
  }
  return true;
}
