/** Presence on posts and reader counts, shared by every server process through the store. */
import type { ReadDb, WriteDb } from './store.js';

export async function setPresence(db: WriteDb, p: { postId: string; pageId: string; userId: string; userName: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('presence')
    .values({ post_id: p.postId, page_id: p.pageId, user_id: p.userId, user_name: p.userName, expires_at: p.expiresAt })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ expires_at: p.expiresAt, user_name: p.userName }))
    .execute();
}

export async function clearPresence(db: WriteDb, postId: string, userId: string): Promise<void> {
  await db.deleteFrom('presence').where('post_id', '=', postId).where('user_id', '=', userId).execute();
}

/** Presence whose editor's browser stopped renewing it (closed, crashed): nobody shows it any more. */
export async function purgePresence(db: WriteDb, now: string): Promise<number> {
  const r = await db.deleteFrom('presence').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Who is editing which post of a page right now. */
export async function listPresence(db: ReadDb, pageId: string, now: string): Promise<{ postId: string; userId: string; name: string }[]> {
  const rows = await db
    .selectFrom('presence')
    .select(['post_id', 'user_id', 'user_name'])
    .where('page_id', '=', pageId)
    .where('expires_at', '>', now)
    .orderBy('user_name')
    .execute();
  return rows.map((r) => ({ postId: r.post_id, userId: r.user_id, name: r.user_name }));
}

/** Records this process's readers of each page for the current minute. */
export async function recordReaders(db: WriteDb, nodeId: string, minute: string, counts: Map<string, number>): Promise<void> {
  for (const [pageId, readers] of counts) {
    await db
      .insertInto('reader_counts')
      .values({ page_id: pageId, node_id: nodeId, minute, readers })
      .onConflict((oc) => oc.columns(['page_id', 'node_id', 'minute']).doUpdateSet({ readers }))
      .execute();
  }
}

/** Readers of a page per minute since `from` (all processes added up), oldest first. */
export async function readersByMinute(db: ReadDb, pageId: string, from: string): Promise<{ minute: string; readers: number }[]> {
  const rows = await db
    .selectFrom('reader_counts')
    .select(['minute', (eb) => eb.fn.sum<number>('readers').as('readers')])
    .where('page_id', '=', pageId)
    .where('minute', '>=', from)
    .groupBy('minute')
    .orderBy('minute')
    .execute();
  return rows.map((r) => ({ minute: r.minute, readers: Number(r.readers) }));
}

/** Old counts are only history nobody shows: drop them. */
export async function pruneReaderCounts(db: WriteDb, before: string): Promise<void> {
  await db.deleteFrom('reader_counts').where('minute', '<', before).execute();
}

/** Publication times of a page's published posts since `from`. */
export async function publishedSince(db: ReadDb, pageId: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
    .select('published_at')
    .where('page_id', '=', pageId)
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .execute();
  return rows.map((r) => r.published_at ?? '');
}
