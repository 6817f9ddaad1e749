/** `/api/v1/pages…`: thin routes — validate, authorise, call one command. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { continuePage } from '../../../commands/continuePage.js';
import { createPage, createPageOnce } from '../../../commands/createPage.js';
import { endPage } from '../../../commands/endPage.js';
import { requirePage } from '../../../commands/load.js';
import { updatePage } from '../../../commands/updatePage.js';
import { continueSchema, pageCreateSchema, pagePatchSchema, POSTS_PER_PAGE } from '../../../domain/page.js';
import { authorize, can } from '../../../domain/policy.js';
import { countWithStatus, listWithStatus, postFromRow } from '../../../store/posts.js';
import { callerOf } from '../../auth.js';
import { requirePageNumber } from '../../http.js';
import { idempotentRequest, sendAnswer } from '../../idempotency-key.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { slugParam } from '../params.js';
import { pageJson, postJson } from '../../../domain/api-json.js';

const listStatus = z.enum(['published', 'draft', 'submitted', 'scheduled', 'unpublished']);

export async function pageRoutes(app: FastifyInstance, { commands, store, config }: AppServices): Promise<void> {
  const url = config.publicUrl;
  const { db } = store;

  app.post('/api/v1/pages', { config: { action: 'page.create' } }, async (req, reply) => {
    const actor = callerOf(req);
    const input = parse(pageCreateSchema, req.body);
    const once = idempotentRequest(req, actor); // a retry with the same key gets the first answer
    if (once) return sendAnswer(reply, await createPageOnce(commands, input, once, (page) => pageJson(page, url)));
    const page = await createPage(commands, input);
    return reply.status(201).send(pageJson(page, url));
  });

  app.get('/api/v1/pages/:slug', { config: { action: 'page.read' } }, async (req) => pageJson(await requirePage(db, slugParam(req.params)), url));

  app.patch('/api/v1/pages/:slug', { config: { action: 'page.change' } }, async (req) => {
    return pageJson(await updatePage(commands, slugParam(req.params), parse(pagePatchSchema, req.body)), url);
  });

  // The ended page, with the page the coverage continues on (made here when `to` describes it).
  app.post('/api/v1/pages/:slug/continue', { config: { action: 'page.change' } }, async (req) => {
    const { page, next } = await continuePage(commands, callerOf(req), slugParam(req.params), parse(continueSchema, req.body));
    return { ...pageJson(page, url), next: pageJson(next, url) };
  });

  app.post('/api/v1/pages/:slug/end', { config: { action: 'page.change' } }, async (req) => {
    if (req.body !== undefined) parse(z.strictObject({}), req.body);
    return pageJson(await endPage(commands, callerOf(req), slugParam(req.params)), url);
  });

  // Published posts for anyone; the newsroom may ask for another status (contributors: their own).
  app.get('/api/v1/pages/:slug/posts', { config: { action: 'post.list' } }, async (req) => {
    const query = req.query as Record<string, unknown>;
    const { status } = parse(z.object({ status: listStatus }), { status: query.status ?? 'published' });
    const actor = req.caller;
    authorize(actor, 'post.list', { status });
    const author = actor && status !== 'published' && !can(actor, 'post.publish') ? actor.id : undefined; // contributors: their own
    const slug = slugParam(req.params);
    const n = requirePageNumber(query.page);
    // One snapshot, so `seq` describes exactly the posts listed.
    return store.read(async (trx) => {
      const page = await requirePage(trx, slug);
      const total = await countWithStatus(trx, page.id, status, author);
      const rows = await listWithStatus(trx, page.id, status, author, POSTS_PER_PAGE, (n - 1) * POSTS_PER_PAGE);
      return {
        seq: page.seq,
        page: n,
        pageCount: Math.max(1, Math.ceil(total / POSTS_PER_PAGE)),
        total,
        posts: rows.map((r) => postJson(postFromRow(r, page.pinnedPostId), page.seq, url, slug, actor)),
      };
    });
  });
}
