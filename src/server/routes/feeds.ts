/** A page's feeds (SPEC §6): `/live/{slug}/feed.atom`, `feed.rss` and `feed.json`. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.js';
import { FEED_FORMATS, FEED_LINK_TYPES } from '../../render/feeds.js';
import { readerCacheControl, sendCacheable } from '../cache-control.js';
import type { AppServices } from '../services.js';
import { slugParam } from './params.js';

export async function feedRoutes(app: FastifyInstance, { reader }: AppServices): Promise<void> {
  for (const format of FEED_FORMATS) {
    app.get(`/live/:slug/feed.${format}`, async (req, reply) => {
      const feed = await reader.feed(slugParam(req.params), format);
      if (!feed) throw notFound('page', 'There is no such live page.');
      const type = `${FEED_LINK_TYPES[format]}; charset=utf-8`;
      return sendCacheable(req, reply, { etag: feed.etag, cacheControl: readerCacheControl(feed.state), type, body: feed.encoded });
    });
  }
}
