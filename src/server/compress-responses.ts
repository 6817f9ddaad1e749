/**
 * Compression of the responses that are made per request (API JSON, newsroom pages, error
 * pages): Brotli or gzip by Accept-Encoding, at a quality fast enough to pay on every
 * request. Cached reader documents never come here: their codings are made once per
 * version and kept (server/prepared-responses.ts, sendCacheable), and they either set
 * Content-Encoding or are written past fastify's hooks. Streams (the SSE endpoints, static
 * files, media) are left alone: only whole string or Buffer bodies are compressed.
 */
import type { FastifyInstance } from 'fastify';
import { chooseCoding } from './accept-encoding.js';
import { compress, COMPRESS_MIN_BYTES } from './encoded-body.js';

/** Brotli quality per request: about gzip's size at its speed (docs/performance.md), not the cached documents' 11. */
export const PER_REQUEST_BROTLI_QUALITY = 4;

/** Text worth compressing; images and other media are compressed already. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?(?:json|xml|javascript)|text\/)/i;

export function compressResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    // Whatever the size, the answer depends on Accept-Encoding for a body like this.
    const vary = reply.getHeader('vary');
    if (!vary) reply.header('vary', 'Accept-Encoding');
    else if (!/accept-encoding/i.test(String(vary))) reply.header('vary', `${String(vary)}, Accept-Encoding`);
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    if (bytes.length < COMPRESS_MIN_BYTES) return payload;
    const coding = chooseCoding(req.headers['accept-encoding']);
    if (coding === 'identity') return payload;
    const body = await compress(bytes, coding, PER_REQUEST_BROTLI_QUALITY);
    reply.header('content-encoding', coding).removeHeader('content-length');
    return body;
  });
}
