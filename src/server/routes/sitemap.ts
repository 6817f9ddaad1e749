/** `/sitemap.xml` (SPEC §6) and `/robots.txt`, for search engines. */
import type { FastifyInstance } from 'fastify';
import { renderRobots, renderSitemap } from '../../render/sitemap.js';
import { listPages } from '../../store/pages.js';
import { contentEtag, SITE_CACHE_CONTROL, sendCacheable, STATIC_CACHE_CONTROL } from '../cache-control.js';
import type { AppServices } from '../services.js';

/** Pages listed, most recently changed first (every live page, in practice). */
export const SITEMAP_PAGES = 1000;

export async function sitemapRoutes(app: FastifyInstance, { store, config }: AppServices): Promise<void> {
  app.get('/sitemap.xml', async (req, reply) => {
    const pages = await listPages(store.db, SITEMAP_PAGES);
    const body = renderSitemap(pages.map((p) => ({ url: `${config.publicUrl}/live/${p.slug}`, lastModified: p.updatedAt })));
    return sendCacheable(req, reply, { etag: contentEtag(body), cacheControl: SITE_CACHE_CONTROL, type: 'application/xml; charset=utf-8', body });
  });

  const robots = renderRobots(config.publicUrl);
  const robotsEtag = contentEtag(robots);
  app.get('/robots.txt', async (req, reply) =>
    sendCacheable(req, reply, { etag: robotsEtag, cacheControl: STATIC_CACHE_CONTROL, type: 'text/plain; charset=utf-8', body: robots }),
  );
}
