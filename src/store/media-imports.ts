/**
 * The queue of external images to import (migration 008). Portable SQL only: a job is taken
 * by a conditional UPDATE that succeeds for exactly one worker, so any number of processes
 * and nodes may work the queue on either store.
 */
import type { Selectable } from 'kysely';
import type { MediaImport, MediaImportKind, MediaImportStatus } from '../domain/media-import.js';
import type { MediaImportsTable } from './schema.js';
import { claimIds, dueIds } from './queue.js';
import type { ReadDb, WriteDb } from './store.js';

export type MediaImportRow = Selectable<MediaImportsTable>;

export function mediaImportFromRow(r: MediaImportRow): MediaImport {
  return {
    id: r.id,
    pageId: r.page_id,
    kind: r.kind as MediaImportKind,
    subjectId: r.subject_id,
    src: r.src,
    status: r.status as MediaImportStatus,
    attempts: Number(r.attempts),
    error: r.error,
    mediaId: r.media_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Queues an import per address not yet known for this subject (an edit never queues one twice). */
export async function queueImports(db: WriteDb, jobs: Array<{ id: string; pageId: string; kind: MediaImportKind; subjectId: string; src: string }>, now: string): Promise<void> {
  for (const j of jobs) {
    await db
      .insertInto('media_imports')
      .values({ id: j.id, page_id: j.pageId, kind: j.kind, subject_id: j.subjectId, src: j.src, status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, error: null, media_id: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['kind', 'subject_id', 'src']).doNothing())
      .execute();
  }
}

/** Pending jobs due now, not held by a worker, oldest first. */
export const dueImports = (db: ReadDb, now: string, limit: number): Promise<string[]> => dueIds(db, 'media_imports', now, limit);

/** Takes the jobs for one worker until `until` (store/queue.ts). */
export const claimImports = (db: WriteDb, ids: string[], now: string, until: string): Promise<MediaImportRow[]> => claimIds(db, 'media_imports', ids, now, until);

/** Records how a job ended or when it is tried again; releases its claim. */
export async function finishImport(
  db: WriteDb,
  id: string,
  change: { status: MediaImportStatus; attempts: number; error: string | null; mediaId: string | null; nextAttemptAt?: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('media_imports')
    .set({
      status: change.status,
      attempts: change.attempts,
      error: change.error,
      media_id: change.mediaId,
      claimed_until: null,
      updated_at: now,
      ...(change.nextAttemptAt ? { next_attempt_at: change.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** A page's imports, newest first: what the desk shows (a failed one keeps the original address). */
export async function listPageImports(db: ReadDb, pageId: string, limit: number): Promise<MediaImport[]> {
  const rows = await db.selectFrom('media_imports').selectAll().where('page_id', '=', pageId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(mediaImportFromRow);
}
