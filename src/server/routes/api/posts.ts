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

export async function postRoutes(app: FastifyInstance, { commands, store, config }: AppServices): Promise<void> {
  const url = config.publicUrl;
  const { db } = store;

  app.post('/api/v1/pages/:slug/posts', { config: { action: 'post.create' } }, async (req, reply) => {
    const actor = callerOf(req);
    const slug = slugParam(req.params);
    const input = parse(postCreateSchema, req.body);
    const once = idempotentRequest(req, actor); // a retry with the same key gets the first answer
    if (once) return sendAnswer(reply, await createPostOnce(commands, actor, slug, input, once, (r) => postJson(r.post, r.seq, url, r.slug, actor)));
    const r = await createPost(commands, actor, slug, input);
    return reply.status(201).header('etag', `"${r.post.version}"`).send(postJson(r.post, r.seq, url, r.slug, actor));
  });

  app.get('/api/v1/posts/:id', { config: { action: 'post.read' } }, async (req, reply) => {
    const actor = req.caller;
    const { page, post } = await requirePost(db, postIdParam(req.params));
    if (!can(actor, 'post.read', post)) throw notFound('post', 'There is no such post.');
    return reply.header('etag', `"${post.version}"`).send(postJson(post, page.seq, url, page.slug, actor));
  });

  app.patch('/api/v1/posts/:id', { config: { action: 'post.edit' } }, async (req, reply) => {
    const actor = callerOf(req);
    const id = postIdParam(req.params);
    const patch = parse(postPatchSchema, req.body);
    const version = ifMatchVersion(req.headers['if-match']);
    const r = await updatePost(commands, actor, id, patch, version);
    return reply.header('etag', `"${r.post.version}"`).send(postJson(r.post, r.seq, url, r.slug, actor));
  });

  app.delete('/api/v1/posts/:id', { config: { action: 'post.unpublish' } }, async (req) => {
    const actor = callerOf(req);
    const r = await unpublishPost(commands, actor, postIdParam(req.params));
    return postJson(r.post, r.seq, url, r.slug, actor);
  });
}
