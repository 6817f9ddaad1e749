/** A post's versions and restoring one; a page's audit trail (admins). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requirePage, requirePost } from '../../../commands/load.js';
import { restorePost } from '../../../commands/restorePost.js';
import { auditEntryJson, postJson, postVersionJson } from '../../../domain/api-json.js';
import { notFound } from '../../../domain/errors.js';
import { changedFields } from '../../../domain/post-history.js';
import { can } from '../../../domain/policy.js';
import { listAudit, listPostVersions } from '../../../store/history.js';
import { callerOf } from '../../auth.js';
import { ifMatchVersion } from '../../http.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { postIdParam, slugParam } from '../params.js';
import { auditOut, historyOut } from '../../../domain/api-desk-schemas.js';
import { postOut } from '../../../domain/api-schemas.js';
import { idPath, slugPath } from './doc-params.js';

const restoreSchema = z.strictObject({ version: z.number().int().min(1) });

export async function historyRoutes(app: FastifyInstance, { commands, store, config }: AppServices): Promise<void> {
  const { db } = store;
  const url = config.publicUrl;

  // Newest first, each with what it changed from the one before.
  app.get('/api/v1/posts/:id/history', { config: { action: 'post.history', doc: { tag: 'Posts', summary: 'A post’s versions', description: 'Newest first, each with the fields it changed.', params: idPath, response: { schema: historyOut }, errors: ['post_not_found'] } } }, async (req) => {
    const actor = callerOf(req);
    const { post } = await requirePost(db, postIdParam(req.params));
    if (!can(actor, 'post.read', post)) throw notFound('post', 'There is no such post.');
    const versions = await listPostVersions(db, post.id);
    const described = versions.map((v, i) => postVersionJson(v, changedFields(versions[i - 1]?.data ?? null, v.data)));
    return { postId: post.id, version: post.version, versions: described.reverse() };
  });

  app.post('/api/v1/posts/:id/restore', { config: { action: 'post.edit', doc: { tag: 'Posts', summary: 'Restore an earlier version', description: 'Its content comes back as a new version.', params: idPath, body: restoreSchema, headers: ['If-Match'], response: { schema: postOut, headers: ['ETag'] }, errors: ['post_not_found', 'version_not_found'] } } }, async (req, reply) => {
    const actor = callerOf(req);
    const id = postIdParam(req.params);
    const { version } = parse(restoreSchema, req.body);
    const r = await restorePost(commands, actor, id, version, ifMatchVersion(req.headers['if-match']));
    return reply.header('etag', `"${r.post.version}"`).send(postJson(r.post, r.seq, url, r.slug, actor));
  });

  app.get('/api/v1/pages/:slug/audit', { config: { action: 'audit.read', doc: { tag: 'Pages', summary: 'A page’s audit trail', params: slugPath, response: { schema: auditOut }, errors: ['page_not_found'] } } }, async (req) => {
    const page = await requirePage(db, slugParam(req.params));
    return { page: page.slug, entries: (await listAudit(db, page.id)).map(auditEntryJson) };
  });
}
