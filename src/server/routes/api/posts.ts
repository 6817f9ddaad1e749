/** `/api/v1/…/posts`: thin routes — validate, authorise, call one command. */
import type { FastifyInstance } from 'fastify';
import { createPost, createPostOnce } from '../../../commands/createPost.js';
import { requirePost } from '../../../commands/load.js';
import { unpublishPost } from '../../../commands/unpublishPost.js';
import { updatePost } from '../../../commands/updatePost.js';
import { notFound } from '../../../domain/errors.js';
import { postCreateSchema, postPatchSchema } from '../../../domain/post.js';
import { can } from '../../../domain/policy.js';
import { callerOf } from '../../auth.js';
import { ifMatchVersion } from '../../http.js';
import { idempotentRequest, sendAnswer } from '../../idempotency-key.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { postIdParam, slugParam } from '../params.js';
import { postJson } from '../../../domain/api-json.js';
import { postOut } from '../../../domain/api-schemas.js';
import { idPath, slugPath } from './doc-params.js';

export async function postRoutes(app: FastifyInstance, { commands, store, config }: AppServices): Promise<void> {
  const url = config.publicUrl;
  const { db } = store;

  const tag = 'Posts';
  app.post('/api/v1/pages/:slug/posts', { config: { action: 'post.create', doc: {
    tag, summary: 'Create a post', description: 'Editors publish (or draft, schedule); a contributor’s post is `submitted` for an editor to approve. Send an Idempotency-Key so that a retry never posts twice.',
    params: slugPath, body: postCreateSchema, headers: ['Idempotency-Key'],
    response: { status: 201, schema: postOut, description: 'The new post.', headers: ['ETag', 'Idempotent-Replayed'] }, errors: ['page_not_found', 'page_ended', 'already_exists'],
  } } }, async (req, reply) => {
    const actor = callerOf(req);
    const slug = slugParam(req.params);
    const input = parse(postCreateSchema, req.body);
    const once = idempotentRequest(req, actor); // a retry with the same key gets the first answer
    if (once) return sendAnswer(reply, await createPostOnce(commands, actor, slug, input, once, (r) => postJson(r.post, r.seq, url, r.slug, actor)));
    const r = await createPost(commands, actor, slug, input);
    return reply.status(201).header('etag', `"${r.post.version}"`).send(postJson(r.post, r.seq, url, r.slug, actor));
  });

  app.get('/api/v1/posts/:id', { config: { action: 'post.read', doc: { tag, summary: 'Read a post', description: 'Anyone may read a published post; the newsroom also reads unpublished ones it may see.', params: idPath, response: { schema: postOut, headers: ['ETag'] }, errors: ['post_not_found'] } } }, async (req, reply) => {
    const actor = req.caller;
    const { page, post } = await requirePost(db, postIdParam(req.params));
    if (!can(actor, 'post.read', post)) throw notFound('post', 'There is no such post.');
    return reply.header('etag', `"${post.version}"`).send(postJson(post, page.seq, url, page.slug, actor));
  });

  app.patch('/api/v1/posts/:id', { config: { action: 'post.edit', doc: {
    tag, summary: 'Change a post', description: 'Any field; `status: "published"` approves a submitted post. Send `If-Match` with the version you edited: a stale one is 409 `version_conflict` (read the post again, merge, retry).',
    params: idPath, body: postPatchSchema, headers: ['If-Match'], response: { schema: postOut, headers: ['ETag'] }, errors: ['post_not_found'],
  } } }, async (req, reply) => {
    const actor = callerOf(req);
    const id = postIdParam(req.params);
    const patch = parse(postPatchSchema, req.body);
    const version = ifMatchVersion(req.headers['if-match']);
    const r = await updatePost(commands, actor, id, patch, version);
    return reply.header('etag', `"${r.post.version}"`).send(postJson(r.post, r.seq, url, r.slug, actor));
  });

  app.delete('/api/v1/posts/:id', { config: { action: 'post.unpublish', doc: { tag, summary: 'Take a post down', description: 'Unpublished, kept for the record.', params: idPath, response: { schema: postOut }, errors: ['post_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    const r = await unpublishPost(commands, actor, postIdParam(req.params));
    return postJson(r.post, r.seq, url, r.slug, actor);
  });
}
