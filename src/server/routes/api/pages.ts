/** `/api/v1/pages…`: thin routes — validate, authorise, call one command. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { continuePage } from '../../../commands/continuePage.js';
import { createPage } from '../../../commands/createPage.js';
import { endPage } from '../../../commands/endPage.js';
import { requirePage } from '../../../commands/load.js';
import { updatePage } from '../../../commands/updatePage.js';
import { continueSchema, pageCreateSchema, pagePatchSchema } from '../../../domain/page.js';
import { countStream, listStream, postFromRow } from '../../../store/posts.js';
import { requireRole } from '../../auth.js';
import { requirePageNumber } from '../../http.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { pageJson, postJson } from './json.js';

const PER_PAGE = 20;
const slugParam = z.object({ slug: z.string().max(80) });

export async function pageRoutes(app: FastifyInstance, { commands, db, config }: AppServices): Promise<void> {
  const url = config.publicUrl;

  app.post('/api/v1/pages', async (req, reply) => {
    await requireRole(db, req, 'editor');
    const page = await createPage(commands, parse(pageCreateSchema, req.body));
    return reply.status(201).send(pageJson(page, url));
  });

  app.get('/api/v1/pages/:slug', async (req) => {
    const { slug } = parse(slugParam, req.params);
    return pageJson(await requirePage(db, slug), url);
  });

  app.patch('/api/v1/pages/:slug', async (req) => {
    await requireRole(db, req, 'editor');
    const { slug } = parse(slugParam, req.params);
    return pageJson(await updatePage(commands, slug, parse(pagePatchSchema, req.body)), url);
  });

  app.post('/api/v1/pages/:slug/continue', async (req) => {
    await requireRole(db, req, 'editor');
    const { slug } = parse(slugParam, req.params);
    return pageJson(await continuePage(commands, slug, parse(continueSchema, req.body)), url);
  });

  app.post('/api/v1/pages/:slug/end', async (req) => {
    await requireRole(db, req, 'editor');
    const { slug } = parse(slugParam, req.params);
    if (req.body !== undefined && req.body !== null) parse(z.strictObject({}), req.body);
    return pageJson(await endPage(commands, slug), url);
  });

  app.get('/api/v1/pages/:slug/posts', async (req) => {
    const { slug } = parse(slugParam, req.params);
    const n = requirePageNumber((req.query as Record<string, unknown>).page);
    const page = await requirePage(db, slug);
    const total = await countStream(db, page.id, null);
    const rows = await listStream(db, page.id, null, PER_PAGE, (n - 1) * PER_PAGE);
    return {
      seq: page.seq,
      page: n,
      pageCount: Math.max(1, Math.ceil(total / PER_PAGE)),
      total,
      posts: rows.map((r) => postJson(postFromRow(r, page.pinnedPostId), page.seq, url, slug)),
    };
  });
}
