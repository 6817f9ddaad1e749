/** Page rows ↔ domain pages. */
import type { Selectable, Updateable } from 'kysely';
import type { FeaturedMedia, Page, PageState } from '../domain/page.js';
import type { PagesTable } from './schema.js';
import type { ReadDb, WriteDb } from './store.js';

type PageRow = Selectable<PagesTable>;

export function pageFromRow(r: PageRow): Page {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    timeZone: r.time_zone,
    locale: r.locale,
    summary: JSON.parse(r.summary) as string[],
    featuredMedia: r.featured_media ? (JSON.parse(r.featured_media) as FeaturedMedia) : null,
    state: r.state as PageState,
    continuedTo: r.continued_to,
    continuationNotice: r.continuation_notice,
    continuedFrom: r.continued_from,
    pinnedPostId: r.pinned_post_id,
    seq: Number(r.seq),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
  };
}

/** The columns for a change to a page's domain fields. */
export function pageChanges(p: Partial<Page>): Updateable<PagesTable> {
  const c: Updateable<PagesTable> = {};
  if (p.title !== undefined) c.title = p.title;
  if (p.description !== undefined) c.description = p.description;
  if (p.timeZone !== undefined) c.time_zone = p.timeZone;
  if (p.locale !== undefined) c.locale = p.locale;
  if (p.summary !== undefined) c.summary = JSON.stringify(p.summary);
  if (p.featuredMedia !== undefined) c.featured_media = p.featuredMedia ? JSON.stringify(p.featuredMedia) : null;
  if (p.state !== undefined) c.state = p.state;
  if (p.continuedTo !== undefined) c.continued_to = p.continuedTo;
  if (p.continuationNotice !== undefined) c.continuation_notice = p.continuationNotice;
  if (p.continuedFrom !== undefined) c.continued_from = p.continuedFrom;
  if (p.pinnedPostId !== undefined) c.pinned_post_id = p.pinnedPostId;
  if (p.updatedAt !== undefined) c.updated_at = p.updatedAt;
  if (p.endedAt !== undefined) c.ended_at = p.endedAt;
  return c;
}

export async function findPageBySlug(db: ReadDb, slug: string): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && pageFromRow(row);
}

export async function findPageById(db: ReadDb, id: string): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && pageFromRow(row);
}

/**
 * Reads a page and locks its row for the rest of the transaction, so concurrent changes to
 * one page (pin, end, continue) queue up instead of overwriting each other. Portable: a
 * no-op UPDATE takes the row lock on PostgreSQL and the write lock on SQLite.
 */
export async function lockPage(db: WriteDb, by: { slug: string } | { id: string }): Promise<Page | undefined> {
  const row = await db
    .updateTable('pages')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('slug' in by ? 'slug' : 'id', '=', 'slug' in by ? by.slug : by.id)
    .returningAll()
    .executeTakeFirst();
  return row && pageFromRow(row);
}

export async function insertPage(db: WriteDb, p: Page): Promise<void> {
  await db
    .insertInto('pages')
    .values({
      id: p.id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      time_zone: p.timeZone,
      locale: p.locale,
      summary: JSON.stringify(p.summary),
      featured_media: p.featuredMedia ? JSON.stringify(p.featuredMedia) : null,
      state: p.state,
      continued_to: p.continuedTo,
      continuation_notice: p.continuationNotice,
      continued_from: p.continuedFrom,
      pinned_post_id: p.pinnedPostId,
      seq: p.seq,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      ended_at: p.endedAt,
    })
    .execute();
}

export async function updatePage(db: WriteDb, id: string, changes: Partial<Page>): Promise<void> {
  await db.updateTable('pages').set(pageChanges(changes)).where('id', '=', id).execute();
}

/** Pages for the site's index, most recently changed first. */
export async function listPages(db: ReadDb, limit = 50): Promise<Page[]> {
  const rows = await db.selectFrom('pages').selectAll().orderBy('updated_at', 'desc').limit(limit).execute();
  return rows.map(pageFromRow);
}

/** A page's current seq, by id. */
export async function pageHeadById(db: ReadDb, id: string): Promise<{ seq: number } | undefined> {
  const row = await db.selectFrom('pages').select('seq').where('id', '=', id).executeTakeFirst();
  return row && { seq: Number(row.seq) };
}

/** A page's id, seq and state: the cheap check behind cached reader responses. */
export async function pageHead(db: ReadDb, slug: string): Promise<{ id: string; seq: number; state: PageState; timeZone: string } | undefined> {
  const row = await db.selectFrom('pages').select(['id', 'seq', 'state', 'time_zone']).where('slug', '=', slug).executeTakeFirst();
  return row && { id: row.id, seq: Number(row.seq), state: row.state as PageState, timeZone: row.time_zone };
}

/** Slugs of pages by id (labels for the readers-per-page metric); unknown ids are left out. */
export async function slugsOf(db: ReadDb, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('pages').select(['id', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.slug]));
}
