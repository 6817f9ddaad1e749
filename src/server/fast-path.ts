/**
 * Serving cached reader pages without entering the framework. A page request whose seq is
 * fresh in memory and whose bytes are rendered is answered here with prepared headers, in
 * the content coding Accept-Encoding chooses (server/prepared-responses.ts);
 * everything else (misses, other routes, odd URLs) goes on to fastify unchanged. This is
 * what lets one process serve a big story's readers (docs/performance.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { respond } from './prepared-responses.js';
import type { ReaderPages } from './reader-pages.js';

/** `/live/{slug}` or `/live/{slug}?page=N` exactly; any other shape takes the full route. */
const PAGE_URL = /^\/live\/([a-z0-9][a-z0-9-]{0,79})(?:\?page=([1-9]\d{0,5}))?$/;

/**
 * Answers the request if it can, from memory; returns false to let fastify handle it. The
 * request id goes out with the prepared headers: nothing is set on `res` beforehand, so
 * node writes the prepared array as it is.
 */
export function serveCachedPage(reader: ReaderPages, req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const m = PAGE_URL.exec(req.url ?? '');
  if (!m) return false;
  const page = reader.cached(m[1]!, m[2] ? Number(m[2]) : 1);
  if (!page) return false;
  // The coding Accept-Encoding asks for; its bytes are compressed once, on the first ask.
  respond(page.responses, req, res, ['x-request-id', requestId], (bytes) => reader.tally.hit(bytes));
  return true;
}
