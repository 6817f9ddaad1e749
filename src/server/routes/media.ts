/**
 * `/media/{hash}/{width}.{avif|webp|jpg}`: derivatives, from this node's disk cache (built
 * from the stored original when missing). The URL names the content, so it is cached for
 * ever; each format has its own URL, so nothing is negotiated and no `Vary` is sent.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.js';
import { EXTENSION_FORMAT, FORMAT_TYPE, HASH_PATTERN } from '../../domain/media.js';
import { etagMatches } from '../http.js';
import type { AppServices } from '../services.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const FILE_PATTERN = /^([1-9]\d{0,4})\.(avif|webp|jpg)$/;

export async function mediaRoutes(app: FastifyInstance, { media }: Pick<AppServices, 'media'>): Promise<void> {
  app.get('/media/:hash/:file', async (req, reply) => {
    const { hash, file } = req.params as { hash: string; file: string };
    const match = FILE_PATTERN.exec(file);
    if (!HASH_PATTERN.test(hash) || !match) throw notFound('media', 'There is no such image.');
    const format = EXTENSION_FORMAT[match[2]!]!;
    const etag = `"${hash}-${file}"`;
    reply.header('etag', etag).header('cache-control', IMMUTABLE);
    if (etagMatches(req.headers['if-none-match'], etag)) return reply.status(304).send();
    const path = await media.cache.file(hash, Number(match[1]), format);
    if (!path) {
      reply.removeHeader('etag').removeHeader('cache-control');
      throw notFound('media', 'There is no such image.');
    }
    const { size } = await stat(path);
    return reply.type(FORMAT_TYPE[format]).header('content-length', size).send(createReadStream(path));
  });
}
