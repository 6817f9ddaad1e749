/**
 * `GET /api/v1/pages/{slug}/desk/events`: the newsroom's own live stream (not the readers'):
 * what colleagues do on this page — posts in every status, presence, the page — pushed to
 * every open desk as it happens. Each frame carries only what changed since the last one,
 * read from the store, so a desk merges it into its lists instead of refetching them.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { listPresence } from '../../../store/activity.js';
import type { PageActivity } from '../../../commands/activity.js';
import { requirePage } from '../../../commands/load.js';
import { pageJson, postJson } from '../../../domain/api-json.js';
import { can } from '../../../domain/policy.js';
import { isoDateTime } from '../../../domain/schema-helpers.js';
import type { Actor } from '../../../domain/user.js';
import { findPageById } from '../../../store/pages.js';
import { listChangedSince, postFromRow } from '../../../store/posts.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { slugParam } from '../params.js';
import { z } from 'zod';
import { slugPath } from './doc-params.js';

/** A transaction stamps its rows when it starts, and may commit a little later: reread this far back. */
const OVERLAP_MS = 5000;
const HEARTBEAT_MS = 20_000;

export async function deskEventRoutes(app: FastifyInstance, { store, config, desks }: AppServices): Promise<void> {
  app.get('/api/v1/pages/:slug/desk/events', { config: { action: 'desk.use', doc: {
    tag: 'Newsroom desk', summary: 'The desk’s live stream', description: 'Server-Sent Events: `event: desk` frames with what changed since the last one (`posts`, `editing`, `page`).',
    params: slugPath, query: z.object({ since: z.iso.datetime({ offset: true }).optional().describe('The desk snapshot’s `at`.') }),
    response: { contentType: 'text/event-stream', description: 'An endless event stream.' }, errors: ['page_not_found'],
  } } }, async (req, reply) => {
    const actor = callerOf(req);
    const page = await requirePage(store.db, slugParam(req.params));
    const sinceRaw = (req.query as { since?: unknown }).since;
    // The desk's snapshot time (`at` of GET …/desk), so nothing between the two is missed.
    const since = sinceRaw === undefined ? new Date().toISOString() : parse(isoDateTime, sinceRaw);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    const reader = deskReader(store, config.publicUrl, actor, page.id, since);
    let reading = Promise.resolve();
    const send = () => {
      reading = reading.then(async () => {
        const frame = await reader().catch(() => null); // a failed read: the next wake-up tries again
        if (frame && !res.destroyed) res.write(`event: desk\ndata: ${JSON.stringify(frame)}\n\n`);
      });
    };
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const stop = desks.watch(page.id, send, () => res.end());
    res.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
    send(); // what changed since the snapshot, and who is editing now
  });
}

/** Reads what changed for one desk since the last read: posts, presence, the page. Null when nothing did. */
function deskReader(store: AppServices['store'], publicUrl: string, actor: Actor, pageId: string, since: string) {
  let cursor = since;
  const sent = new Map<string, number>(); // post id → version sent
  let lastEditing = '';
  let lastPage = '';
  return async () => {
    const page = await findPageById(store.db, pageId);
    if (!page) return null;
    const from = new Date(Date.parse(cursor) - OVERLAP_MS).toISOString();
    const rows = await listChangedSince(store.db, pageId, from);
    const posts = rows
      .map((r) => postFromRow(r, page.pinnedPostId))
      .filter((p) => sent.get(p.id) !== p.version && can(actor, 'post.read', p) && (p.status === 'published' || can(actor, 'post.publish') || p.authorId === actor.id));
    for (const p of posts) sent.set(p.id, p.version);
    if (rows.length > 0) cursor = rows[rows.length - 1]!.updated_at > cursor ? rows[rows.length - 1]!.updated_at : cursor;
    const editing = await editingNow(store, pageId);
    const editingKey = JSON.stringify(editing);
    const pageKey = `${page.seq}|${page.updatedAt}|${page.pinnedPostId}|${page.state}`;
    const frame = {
      seq: page.seq,
      posts: posts.map((p) => postJson(p, page.seq, publicUrl, page.slug, actor)),
      ...(editingKey !== lastEditing ? { editing } : {}),
      ...(pageKey !== lastPage ? { page: pageJson(page, publicUrl) } : {}),
    };
    lastEditing = editingKey;
    lastPage = pageKey;
    return posts.length > 0 || 'editing' in frame || 'page' in frame ? frame : null;
  };
}

/** Who is editing which post now, as the activity API shows it. */
async function editingNow(store: AppServices['store'], pageId: string): Promise<PageActivity['editing']> {
  const byPost = new Map<string, { id: string; name: string }[]>();
  for (const p of await listPresence(store.db, pageId, new Date().toISOString())) byPost.set(p.postId, [...(byPost.get(p.postId) ?? []), { id: p.userId, name: p.name }]);
  return [...byPost].map(([postId, people]) => ({ postId, names: people.map((p) => p.name), people }));
}
