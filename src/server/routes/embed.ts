/**
 * Embeds (SPEC §6): `GET /live/{slug}/embed`, the stream alone for an iframe on another
 * site, and `GET /embed.js`, the script that makes those iframes. The embed view is
 * rendered from the page's cached post fragments, cached whole under an ETag of the
 * page's seq like the reader page, and the only HTML here that other sites may frame.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SLUG_PATTERN } from '../../domain/page.js';
import { EMBED_POSTS, renderEmbedPage } from '../../render/embed.js';
import { renderErrorPage } from '../../render/error-page.js';
import { Lru } from '../../render/lru.js';
import { zoneYear } from '../../render/time.js';
import { findPageBySlug } from '../../store/pages.js';
import { listStream, postFromRow } from '../../store/posts.js';
import { contentEtag, readerCacheControl, sendCacheable } from '../cache-control.js';
import { etagMatches } from '../http.js';
import { embedSecurityHeaders } from '../security-headers.js';
import type { AppServices } from '../services.js';

export interface EmbedOptions {
  /** public/embed.css, versioned. */
  embedCssHref: string;
  /** The reader script (it keeps the embed live), or null when not built. */
  scriptHref: string | null;
  /** Where `/embed.js` is built (public/build/embed.js); missing: a 404. */
  hostScriptFile: string;
  /** Changes with every release (templates, styles, scripts), like the reader pages' ETags. */
  buildId: string;
}

/**
 * `/embed.js` keeps one URL for ever (sites paste it once), so it cannot be cached
 * immutably: browsers and CDNs revalidate it every few minutes.
 */
export const HOST_SCRIPT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

interface RenderedEmbed {
  body: Buffer;
  etag: string;
  headers: (string | number)[];
  notModifiedHeaders: (string | number)[];
}

export async function embedRoutes(app: FastifyInstance, services: AppServices & EmbedOptions): Promise<void> {
  const { store, reader, config } = services;
  const security = Object.entries(embedSecurityHeaders()).flat();
  const rendered = new Lru<string, RenderedEmbed>(500);
  const year = yearMemo();
  // The release covers the templates, the reader's stylesheet and script; the embed's own stylesheet too.
  const release = contentEtag(`${services.buildId} ${services.embedCssHref}`).slice(1, 13);
  const etagOf = (page: { id: string; seq: number; timeZone: string }) => `"${release}-${page.id}-${page.seq}-${year(page.timeZone)}-embed"`;

  async function render(slug: string): Promise<RenderedEmbed | undefined> {
    // One snapshot: data-seq and the ETag must describe exactly the posts shown.
    const snap = await store.read(async (db) => {
      const page = await findPageBySlug(db, slug);
      if (!page) return undefined;
      const cached = rendered.get(etagOf(page));
      if (cached) return { cached };
      const rows = await listStream(db, page.id, page.pinnedPostId, EMBED_POSTS, 0);
      return { page, rows, parts: await reader.pageParts(db, page) };
    });
    if (!snap || 'cached' in snap) return snap?.cached;
    const { page, rows, parts } = snap;
    const ctx = reader.context(page);
    const html = renderEmbedPage({
      page,
      postsHtml: rows.map((r) => reader.article(postFromRow(r, page.pinnedPostId), ctx)),
      noticeSlot: parts.notice,
      pinnedSlot: parts.pinned,
      canonicalUrl: `${config.publicUrl}/live/${page.slug}`,
      cssHref: services.cssHref,
      embedCssHref: services.embedCssHref,
      scriptHref: services.scriptHref,
    });
    const body = Buffer.from(html);
    const etag = etagOf(page);
    // Same caching as the reader page: short while live, long once ended.
    const notModifiedHeaders = [...security, 'etag', etag, 'cache-control', readerCacheControl(page.state, 'page')];
    const headers = [...notModifiedHeaders, 'content-type', 'text/html; charset=utf-8', 'content-length', body.length];
    const result = { body, etag, headers, notModifiedHeaders };
    rendered.set(etag, result);
    return result;
  }

  // Written straight to the socket: the app's onSend hook would add the site-wide
  // X-Frame-Options and `frame-ancestors 'self'` that this view must not carry.
  app.get<{ Params: { slug: string } }>('/live/:slug/embed', async (req, reply) => {
    const { slug } = req.params;
    const head = SLUG_PATTERN.test(slug) ? await reader.pageHead(slug) : undefined;
    if (!head) return notFoundInFrame(reply, security, services.cssHref);
    const known = rendered.get(etagOf(head));
    if (known && etagMatches(req.headers['if-none-match'], known.etag)) return write(reply, 304, known.notModifiedHeaders);
    const view = known ?? (await render(slug));
    if (!view) return notFoundInFrame(reply, security, services.cssHref);
    if (etagMatches(req.headers['if-none-match'], view.etag)) return write(reply, 304, view.notModifiedHeaders);
    return write(reply, 200, view.headers, view.body);
  });

  const host = hostScript(services.hostScriptFile);
  app.get('/embed.js', async (req, reply) => {
    if (!host) return reply.callNotFound();
    // Loaded by <script> on other sites: cross-origin readable (CORP), and CORS for those that use SRI.
    reply.header('cross-origin-resource-policy', 'cross-origin').header('access-control-allow-origin', '*');
    return sendCacheable(req, reply, { etag: host.etag, cacheControl: HOST_SCRIPT_CACHE_CONTROL, type: 'text/javascript; charset=utf-8', body: host.body });
  });
}

function write(reply: FastifyReply, status: number, headers: (string | number)[], body?: Buffer): FastifyReply {
  reply.hijack();
  const res: ServerResponse = reply.raw;
  res.writeHead(status, headers as string[]).end(body);
  return reply;
}

/** A 404 the host page can show in its frame (the site-wide error page could not be framed). */
function notFoundInFrame(reply: FastifyReply, security: string[], cssHref: string): FastifyReply {
  const body = Buffer.from(
    renderErrorPage({ status: 404, title: 'Page not found', message: 'There is no such live page.', cssHref }),
  );
  return write(reply, 404, [...security, 'cache-control', 'no-store', 'content-type', 'text/html; charset=utf-8', 'content-length', body.length], body);
}

function hostScript(file: string): { body: Buffer; etag: string } | undefined {
  try {
    const body = readFileSync(file);
    return { body, etag: contentEtag(body) };
  } catch {
    return undefined; // not built (`npm run build` makes it)
  }
}

/** The current year in a zone, worked out at most once a minute: cached embeds show it in post times. */
function yearMemo(): (timeZone: string) => number {
  const years = new Map<string, { year: number; until: number }>();
  return (timeZone) => {
    const now = Date.now();
    let y = years.get(timeZone);
    if (!y || now >= y.until) {
      y = { year: zoneYear(timeZone, new Date(now)), until: now + 60_000 };
      years.set(timeZone, y);
    }
    return y.year;
  };
}
