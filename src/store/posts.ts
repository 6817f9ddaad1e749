/** Post rows ↔ domain posts, and the reader stream's queries. */
import type { Selectable, Updateable } from 'kysely';
import type { Block } from '../domain/block.js';
import type { Page } from '../domain/page.js';
import { isVisible, type Contributor, type Correction, type Label, type Post, type PostStatus } from '../domain/post.js';
import type { PostsTable } from './schema.js';
import type { ReadDb, WriteDb } from './store.js';

type PostRow = Selectable<PostsTable>;

/** `pinnedPostId` is the page's: a post is pinned when its page says so. */
export function postFromRow(r: PostRow, pinnedPostId: string | null): Post {
  return {
    id: r.id,
    pageId: r.page_id,
    title: r.title,
    label: r.label as Label | null,
    contributors: JSON.parse(r.contributors) as Contributor[],
    body: JSON.parse(r.body) as Block[],
    keyEvent: Number(r.key_event) === 1,
    pinned: pinnedPostId === r.id,
    status: r.status as PostStatus,
    scheduledFor: r.scheduled_for,
    publishedAt: r.published_at,
    editedAt: r.edited_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    authorId: r.author_id,
    version: Number(r.version),
    correction: r.correction ? (JSON.parse(r.correction) as Correction) : null,
  };
}

function toRow(p: Post): PostRow {
  return {
    id: p.id,
    page_id: p.pageId,
    title: p.title,
    label: p.label,
    contributors: JSON.stringify(p.contributors),
    body: JSON.stringify(p.body),
    key_event: p.keyEvent ? 1 : 0,
    status: p.status,
    scheduled_for: p.scheduledFor,
    published_at: p.publishedAt,
    edited_at: p.editedAt,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    author_id: p.authorId,
    version: p.version,
    correction: p.correction ? JSON.stringify(p.correction) : null,
  };
}

export async function insertPost(db: WriteDb, p: Post): Promise<void> {
  await db.insertInto('posts').values(toRow(p)).execute();
}

/**
 * Writes `next` only if the stored version is still `expectedVersion`; false when a
 * colleague's edit got there first (optimistic locking, no lost updates).
 */
export async function replacePost(db: WriteDb, next: Post, expectedVersion: number): Promise<boolean> {
  const { id, ...rest } = toRow(next);
  const changes: Updateable<PostsTable> = rest;
  const result = await db
    .updateTable('posts')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findPostRow(db: ReadDb, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The posts with these ids (any page, any status), in no particular order. */
/** The page's pinned post while readers can see it. */
export async function visiblePinnedPost(db: ReadDb, page: Pick<Page, 'pinnedPostId'>): Promise<Post | undefined> {
  if (!page.pinnedPostId) return undefined;
  const row = await findPostRow(db, page.pinnedPostId);
  const post = row && postFromRow(row, page.pinnedPostId);
  return post && isVisible(post) ? post : undefined;
}

export async function findPostRows(db: ReadDb, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('posts').selectAll().where('id', 'in', ids).execute();
}

/** All posts of a page, any status, newest first (exports, the newsroom). */
export async function listAllPosts(db: ReadDb, pageId: string): Promise<PostRow[]> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('page_id', '=', pageId)
    .orderBy('published_at', (ob) => ob.desc().nullsLast())
    .orderBy('created_at', 'desc')
    .execute();
}

/** The reader stream: published posts newest first, without the pinned one (shown apart). */
function stream(db: ReadDb, pageId: string, pinnedPostId: string | null) {
  let q = db.selectFrom('posts').where('page_id', '=', pageId).where('status', '=', 'published');
  if (pinnedPostId) q = q.where('id', '!=', pinnedPostId);
  return q;
}

/** Which stream posts, in which order: newest or oldest first, all or key events only (reader page views). */
export interface StreamOrder {
  order: 'newest' | 'oldest';
  only: 'all' | 'key-events';
}

const ALL_NEWEST: StreamOrder = { order: 'newest', only: 'all' };

/** The stream narrowed to key events when asked (the flag or the label, as listKeyEvents). */
function viewOf(db: ReadDb, pageId: string, pinnedPostId: string | null, view: StreamOrder) {
  const q = stream(db, pageId, pinnedPostId);
  return view.only === 'key-events' ? q.where((eb) => eb.or([eb('key_event', '=', 1), eb('label', '=', 'key-event')])) : q;
}

export async function listStream(db: ReadDb, pageId: string, pinnedPostId: string | null, limit: number, offset: number, view: StreamOrder = ALL_NEWEST): Promise<PostRow[]> {
  const dir = view.order === 'oldest' ? 'asc' : 'desc';
  return viewOf(db, pageId, pinnedPostId, view)
    .selectAll()
    .orderBy('published_at', dir)
    .orderBy('id', dir)
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countStream(db: ReadDb, pageId: string, pinnedPostId: string | null, view: StreamOrder = ALL_NEWEST): Promise<number> {
  const { n } = await viewOf(db, pageId, pinnedPostId, view).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** How many stream posts come before `post` (newest first): its position in the stream. */
export async function countNewer(db: ReadDb, post: Post, pinnedPostId: string | null): Promise<number> {
  const at = post.publishedAt ?? '';
  const { n } = await stream(db, post.pageId, pinnedPostId)
    .where((eb) => eb.or([eb('published_at', '>', at), eb.and([eb('published_at', '=', at), eb('id', '>', post.id)])]))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A page's posts with one status, newest first; `authorId` narrows to one author's. */
function withStatus(db: ReadDb, pageId: string, status: string, authorId?: string) {
  let q = db.selectFrom('posts').where('page_id', '=', pageId).where('status', '=', status);
  if (authorId) q = q.where('author_id', '=', authorId);
  return q;
}

export async function listWithStatus(db: ReadDb, pageId: string, status: string, authorId: string | undefined, limit: number, offset: number): Promise<PostRow[]> {
  return withStatus(db, pageId, status, authorId)
    .selectAll()
    .orderBy((eb) => eb.fn.coalesce('published_at', 'scheduled_for', 'created_at'), 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countWithStatus(db: ReadDb, pageId: string, status: string, authorId?: string): Promise<number> {
  const { n } = await withStatus(db, pageId, status, authorId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** A page's posts (any status) changed at or after `since` (ISO time), oldest change first. */
export async function listChangedSince(db: ReadDb, pageId: string, since: string, limit = 200): Promise<PostRow[]> {
  return db.selectFrom('posts').selectAll().where('page_id', '=', pageId).where('updated_at', '>=', since).orderBy('updated_at').orderBy('id').limit(limit).execute();
}

/** Saved contributor profiles, by name. */
export async function listContributors(db: ReadDb): Promise<{ name: string; role: string | undefined }[]> {
  const rows = await db.selectFrom('contributors').select(['name', 'role']).orderBy('name').orderBy('role').limit(1000).execute();
  return rows.map((r) => ({ name: r.name, role: r.role || undefined }));
}

/** Scheduled posts whose time has come, oldest first. */
export async function listDue(db: ReadDb, now: string, limit = 50): Promise<{ id: string }[]> {
  return db
    .selectFrom('posts')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', now)
    .orderBy('scheduled_for')
    .limit(limit)
    .execute();
}

/** Published key events of a page, newest first (the "Key events" list). */
export async function listKeyEvents(db: ReadDb, pageId: string, limit = 30): Promise<{ id: string; title: string; publishedAt: string }[]> {
  const rows = await db
    .selectFrom('posts')
    .select(['id', 'title', 'published_at'])
    .where('page_id', '=', pageId)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('key_event', '=', 1), eb('label', '=', 'key-event')]))
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at ?? '' }));
}

/** Saves contributor profiles seen on posts, so the newsroom can pick them again. */
export async function rememberContributors(db: WriteDb, contributors: Contributor[], now: string, newId: () => string): Promise<void> {
  for (const c of contributors) {
    await db
      .insertInto('contributors')
      .values({ id: newId(), name: c.name, role: c.role ?? '', created_at: now })
      .onConflict((oc) => oc.columns(['name', 'role']).doNothing())
      .execute();
  }
}
