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
import { pageOut, postListOut } from '../../../domain/api-schemas.js';
import { slugPath } from './doc-params.js';

const listStatus = z.enum(['published', 'draft', 'submitted', 'scheduled', 'unpublished']);
/** The query of a page's post list (`page` is checked by requirePageNumber, with the same rule). */
const listQuery = z.object({
  status: listStatus.default('published').describe('Which posts: the newsroom may ask for unpublished ones (contributors get their own).'),
  page: z.string().regex(/^[1-9]\d{0,5}$/).optional().describe('1-based, 20 posts a page.'),
});
const endBody = z.strictObject({}).optional();
const continuedOut = pageOut.extend({ next: pageOut });

export async function pageRoutes(app: FastifyInstance, { commands, store, config }: AppServices): Promise<void> {
  const url = config.publicUrl;
  const { db } = store;

  const tag = 'Pages';
  app.post('/api/v1/pages', { config: { action: 'page.create', doc: {
    tag, summary: 'Create a page', body: pageCreateSchema, headers: ['Idempotency-Key'],
    response: { status: 201, schema: pageOut, description: 'The new page.', headers: ['Idempotent-Replayed'] }, errors: ['slug_taken', 'already_exists'],
  } } }, async (req, reply) => {
    const actor = callerOf(req);
    const input = parse(pageCreateSchema, req.body);
    const once = idempotentRequest(req, actor); // a retry with the same key gets the first answer
    if (once) return sendAnswer(reply, await createPageOnce(commands, input, once, (page) => pageJson(page, url)));
    const page = await createPage(commands, input);
    return reply.status(201).send(pageJson(page, url));
  });

  app.get('/api/v1/pages/:slug', { config: { action: 'page.read', doc: { tag, summary: 'Read a page', params: slugPath, response: { schema: pageOut }, errors: ['page_not_found'] } } }, async (req) => pageJson(await requirePage(db, slugParam(req.params)), url));

  app.patch('/api/v1/pages/:slug', { config: { action: 'page.change', doc: { tag, summary: 'Change a page', description: 'Title, description, summary, featured media, time zone or locale: only the fields sent change.', params: slugPath, body: pagePatchSchema, response: { schema: pageOut }, errors: ['page_not_found'] } } }, async (req) => {
    return pageJson(await updatePage(commands, slugParam(req.params), parse(pagePatchSchema, req.body)), url);
  });

  // The ended page, with the page the coverage continues on (made here when `to` describes it).
  app.post('/api/v1/pages/:slug/continue', { config: { action: 'page.change', doc: {
    tag, summary: 'Continue the coverage on another page', description: 'Ends this page and points readers to `to`: an existing page’s slug, or a new page to create in the same step.',
    params: slugPath, body: continueSchema, response: { schema: continuedOut, description: 'The ended page, with the page the coverage continues on (`next`).' },
    errors: ['page_not_found', 'already_ended', 'invalid_target', 'unknown_page', 'slug_taken', 'already_exists'],
  } } }, async (req) => {
    const { page, next } = await continuePage(commands, callerOf(req), slugParam(req.params), parse(continueSchema, req.body));
    return { ...pageJson(page, url), next: pageJson(next, url) };
  });

  app.post('/api/v1/pages/:slug/end', { config: { action: 'page.change', doc: { tag, summary: 'End the coverage', params: slugPath, body: endBody, response: { schema: pageOut }, errors: ['page_not_found', 'already_ended'] } } }, async (req) => {
    parse(endBody, req.body);
    return pageJson(await endPage(commands, callerOf(req), slugParam(req.params)), url);
  });

  // Published posts for anyone; the newsroom may ask for another status (contributors: their own).
  app.get('/api/v1/pages/:slug/posts', { config: { action: 'post.list', doc: { tag: 'Posts', summary: 'List a page’s posts', description: 'Newest first, 20 a page; `seq` is the page’s seq at the moment of the list.', params: slugPath, query: listQuery, response: { schema: postListOut }, errors: ['page_not_found'] } } }, async (req) => {
    const query = req.query as Record<string, unknown>;
    const { status } = parse(listQuery.pick({ status: true }), { status: query.status });
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
