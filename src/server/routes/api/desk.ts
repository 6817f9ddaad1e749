/** What the newsroom's desk reads: who I am, the pages, posts by status, contributors, previews. */
import { attachCards } from '../../../commands/embeds.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageActivity, setEditing } from '../../../commands/activity.js';
import { requirePage } from '../../../commands/load.js';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '../../../domain/page.js';
import { newPost, postCreateSchema } from '../../../domain/post.js';
import { renderPostHtml } from '../../../render/post.js';
import { listPages } from '../../../store/pages.js';
import { listContributors } from '../../../store/posts.js';
import { findUserById } from '../../../store/users.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { postIdParam, slugParam } from '../params.js';
import { activityJson, deskJson, pageJson, postJson, savedContributorJson, userJson } from '../../../domain/api-json.js';
import { readDesk, type DeskList } from '../../../commands/readDesk.js';
import type { Post } from '../../../domain/post.js';
import { activityOut, deskOut, savedContributorOut } from '../../../domain/api-desk-schemas.js';
import { pageOut, userOut } from '../../../domain/api-schemas.js';
import { idPath, slugPath } from './doc-params.js';
import { slugSchema } from '../../../domain/page.js';

/** `published:2,draft:3`: how many pages of each list to send. */
const shownSchema = z
  .string()
  .max(200)
  .regex(/^((published|submitted|draft|scheduled|unpublished):[1-9]\d?)?(,(published|submitted|draft|scheduled|unpublished):[1-9]\d?)*$/, 'Use list:pages pairs, e.g. published:2,draft:1.')
  .transform((v) => Object.fromEntries(v ? v.split(',').map((pair) => [pair.split(':')[0] as DeskList, Number(pair.split(':')[1])]) : []) as Partial<Record<DeskList, number>>);


const presenceBody = z.strictObject({ editing: z.boolean() });
const previewQuery = z.object({ page: slugSchema.optional().describe('Render in this page’s time zone and locale.') });
const tag = 'Newsroom desk';

export async function deskRoutes(app: FastifyInstance, { store, config, reader, commands }: AppServices): Promise<void> {
  const { db } = store;
  const url = config.publicUrl;

  app.get('/api/v1/me', { config: { action: 'desk.use', doc: { tag: 'People', summary: 'Who I am', response: { schema: z.object({ user: userOut.nullable() }) } } } }, async (req) => {
    const actor = callerOf(req);
    const user = await findUserById(db, actor.id);
    return { user: user && userJson(user) };
  });

  app.get('/api/v1/pages', { config: { action: 'desk.use', doc: { tag: 'Pages', summary: 'List pages', description: 'The 200 most recent pages.', response: { schema: z.object({ pages: z.array(pageOut) }) } } } }, async () => {
    return { pages: (await listPages(db, 200)).map((p) => pageJson(p, url)) };
  });

  // One request opens a desk: everything it shows (`?shown=published:2,draft:3` after "Show more").
  app.get('/api/v1/pages/:slug/desk', { config: { action: 'desk.use', doc: { tag, summary: 'Everything a desk opens with', params: slugPath, query: z.object({ shown: shownSchema.optional().describe('How many pages of each list, e.g. `published:2,draft:1`.') }), response: { schema: deskOut }, errors: ['page_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    const slug = slugParam(req.params);
    const shown = parse(shownSchema, (req.query as { shown?: unknown }).shown ?? '');
    const at = new Date(); // the desk's live stream picks up from here (?since=at)
    const [desk, me] = await Promise.all([readDesk(store, actor, slug, at, shown), findUserById(db, actor.id)]);
    return deskJson({ ...desk, at, me }, (p: Post) => postJson(p, desk.page.seq, url, slug, actor), url);
  });

  app.get('/api/v1/pages/:slug/activity', { config: { action: 'desk.use', doc: { tag, summary: 'Readers now and who is editing', params: slugPath, response: { schema: activityOut }, errors: ['page_not_found'] } } }, async (req) => {
    return activityJson(await pageActivity(db, slugParam(req.params), new Date()));
  });

  app.put('/api/v1/posts/:id/presence', { config: { action: 'desk.use', doc: { tag, summary: 'Say I am (or stopped) editing a post', params: idPath, body: presenceBody, response: { status: 204, description: 'Noted.' }, errors: ['post_not_found'] } } }, async (req, reply) => {
    const actor = callerOf(req);
    const { editing } = parse(presenceBody, req.body);
    await setEditing(commands, actor, postIdParam(req.params), editing);
    return reply.status(204).send();
  });

  app.get('/api/v1/contributors', { config: { action: 'desk.use', doc: { tag, summary: 'Contributors named on posts', response: { schema: z.object({ contributors: z.array(savedContributorOut) }) } } } }, async () => {
    return { contributors: (await listContributors(db)).map(savedContributorJson) };
  });

  // A preview rendered by the reader page's own renderer, in the page's zone when named.
  app.post('/api/v1/preview', { config: { action: 'post.preview', doc: { tag: 'Posts', summary: 'Preview a post', description: 'The post’s `<article>` as the reader page would render it; nothing is stored.', query: previewQuery, body: postCreateSchema, response: { schema: z.object({ html: z.string() }) }, errors: ['page_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    const input = parse(postCreateSchema, req.body);
    const slug = (req.query as { page?: unknown }).page;
    const page = typeof slug === 'string' ? await requirePage(db, slugParam({ slug })) : undefined;
    const now = new Date().toISOString();
    const body = await attachCards(db, input.body); // the cards readers will see, never the client's
    const post = newPost({ ...input, body, id: 'preview', pageId: page?.id ?? '', authorId: actor.id, status: 'published', publishedAt: input.publishedAt ?? input.scheduledFor ?? now }, now);
    const ctx = reader.posts.context(page ?? { timeZone: DEFAULT_TIME_ZONE, locale: DEFAULT_LOCALE });
    return { html: renderPostHtml(post, ctx) };
  });
}
