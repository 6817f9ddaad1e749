/** A page's feeds (SPEC §6): `/live/{slug}/feed.atom`, `feed.rss` and `feed.json`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../domain/errors.js';
import { FEED_FORMATS, FEED_LINK_TYPES } from '../../render/feeds.js';
import { readerCacheControl, sendCacheable } from '../cache-control.js';
import type { RouteDoc } from '../route-doc.js';
import type { AppServices } from '../services.js';
import { slugParam } from './params.js';

export async function feedRoutes(app: FastifyInstance, { reader }: AppServices): Promise<void> {
  for (const format of FEED_FORMATS) {
    const doc: RouteDoc = {
      tag: 'Readers',
      summary: `A page’s ${format === 'json' ? 'JSON Feed' : format.toUpperCase()} feed`,
      params: z.object({ slug: z.string().describe('The page’s slug.') }),
      response: { contentType: FEED_LINK_TYPES[format] },
      errors: ['page_not_found'],
    };
    app.get(`/live/:slug/feed.${format}`, { config: { doc } }, async (req, reply) => {
      const feed = await reader.feed(slugParam(req.params), format);
      if (!feed) throw notFound('page', 'There is no such live page.');
      const type = `${FEED_LINK_TYPES[format]}; charset=utf-8`;
      return sendCacheable(req, reply, { etag: feed.etag, cacheControl: readerCacheControl(feed.state), type, body: feed.encoded });
    });
  }
}
