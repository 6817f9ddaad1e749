/** Media rows and the blobs of their originals. */
import type { Selectable } from 'kysely';
import type { InputType, Media } from '../domain/media.js';
import type { MediaTable } from './schema.js';
import type { ReadDb, WriteDb } from './store.js';

type MediaRow = Selectable<MediaTable> & { type: string; bytes: number };

export function mediaFromRow(r: MediaRow): Media {
  return {
    id: r.id,
    pageId: r.page_id,
    hash: r.hash,
    type: r.type,
    sourceType: r.source_type as InputType,
    width: Number(r.width),
    height: Number(r.height),
    bytes: Number(r.bytes),
    alt: r.alt,
    color: r.color,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Stores an original once per content hash (a second upload of the same picture shares it). */
export async function insertBlob(db: WriteDb, blob: { hash: string; type: string; data: Buffer }, now: string): Promise<void> {
  await db
    .insertInto('media_blobs')
    .values({ hash: blob.hash, type: blob.type, bytes: blob.data.length, data: blob.data, created_at: now })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function findBlob(db: ReadDb, hash: string): Promise<{ type: string; data: Buffer } | undefined> {
  const row = await db.selectFrom('media_blobs').select(['type', 'data']).where('hash', '=', hash).executeTakeFirst();
  return row && { type: row.type, data: Buffer.from(row.data) };
}

export async function insertMedia(db: WriteDb, m: Media): Promise<void> {
  await db
    .insertInto('media')
    .values({ id: m.id, page_id: m.pageId, hash: m.hash, source_type: m.sourceType, width: m.width, height: m.height, alt: m.alt, color: m.color, created_by: m.createdBy, created_at: m.createdAt })
    .execute();
}

const withBlobFacts = (db: ReadDb) =>
  db.selectFrom('media').innerJoin('media_blobs', 'media_blobs.hash', 'media.hash').selectAll('media').select(['media_blobs.type', 'media_blobs.bytes']);

/** A page's media, newest first: the newsroom's library to reuse pictures from. */
export async function listPageMedia(db: ReadDb, pageId: string, limit: number): Promise<Media[]> {
  const rows = await withBlobFacts(db).where('media.page_id', '=', pageId).orderBy('media.created_at', 'desc').orderBy('media.id', 'desc').limit(limit).execute();
  return rows.map(mediaFromRow);
}

/** A page's media with their originals' bytes, oldest first, for an export. */
export async function pageMediaWithBlobs(db: ReadDb, pageId: string): Promise<Array<Media & { data: Buffer }>> {
  const rows = await withBlobFacts(db).select('media_blobs.data').where('media.page_id', '=', pageId).orderBy('media.created_at').orderBy('media.id').execute();
  return rows.map((r) => ({ ...mediaFromRow(r), data: Buffer.from(r.data) }));
}

export async function findMediaRow(db: ReadDb, id: string): Promise<Media | undefined> {
  const row = await withBlobFacts(db).where('media.id', '=', id).executeTakeFirst();
  return row && mediaFromRow(row);
}
