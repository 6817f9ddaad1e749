/**
 * External image addresses become our images (issue 10, item 4). The outbox writer queues
 * an import for every external image a published post or a page's featured media names, in
 * the transaction that appends the event, so publishing never waits on a third party and a
 * crash loses nothing. Once the worker has the picture, `applyMediaImport` swaps the address
 * for our copy: an ordinary edit with an ordinary event, applied only where the address is
 * still there (a journalist's newer edit is never overwritten).
 */
import { AppError } from '../domain/errors.js';
import { externalBlockSrcs, externalFeaturedSrc, localImageFacts, swapBlockSrc, swapFeaturedSrc, type MediaImportKind } from '../domain/media-import.js';
import type { Media } from '../domain/media.js';
import { applyPatch } from '../domain/post-rules.js';
import { finishImport, queueImports } from '../store/media-imports.js';
import { findPageById, lockPage, updatePage } from '../store/pages.js';
import { findPostRow, postFromRow, replacePost } from '../store/posts.js';
import { inTransaction, newId, type CommandContext, type OutboxWriter, type Tx } from './context.js';
import { recordPostChange } from './savePost.js';

/** The outbox writer the app registers: imports for the external images an event's post or page shows. */
export const mediaImportOutbox =
  (publicUrl: string): OutboxWriter =>
  (db, now) => {
    const pagesSeen = new Set<string>(); // the featured media is looked at once per page and transaction
    return async (pageId, _seq, type, data) => {
      const jobs: Array<{ id: string; pageId: string; kind: MediaImportKind; subjectId: string; src: string }> = [];
      if (type === 'post.published' || type === 'post.updated') {
        const row = await findPostRow(db, (data as { id: string }).id);
        const post = row && postFromRow(row, null);
        if (post) for (const src of externalBlockSrcs(post.body, publicUrl)) jobs.push({ id: newId(), pageId, kind: 'post', subjectId: post.id, src });
      }
      // Any event of the page: an imported or newly created page's featured media has no event of its own.
      if (!pagesSeen.has(pageId)) {
        pagesSeen.add(pageId);
        const page = await findPageById(db, pageId);
        const src = page && externalFeaturedSrc(page.featuredMedia, publicUrl);
        if (src) jobs.push({ id: newId(), pageId, kind: 'page', subjectId: pageId, src });
      }
      await queueImports(db, jobs, now);
    };
  };

/** A claimed import job, as the worker hands it over. */
export interface ImportJob {
  id: string;
  kind: MediaImportKind;
  subjectId: string;
  src: string;
  attempts: number;
}

/**
 * Points the post's image blocks (or the page's featured image) still showing `job.src` at
 * `media`, and marks the job done, in one transaction. Returns false when the address had
 * gone meanwhile (edited away, or the post deleted): nothing is changed but the job.
 */
export async function applyMediaImport(ctx: CommandContext, job: ImportJob, media: Media): Promise<boolean> {
  const facts = localImageFacts(media);
  return inTransaction(ctx, async (tx) => {
    const swapped = job.kind === 'post' ? await swapInPost(tx, job, facts) : await swapInPage(tx, job, facts);
    const error = swapped ? null : 'The address was no longer there when the picture arrived; nothing was changed.';
    await finishImport(tx.db, job.id, { status: 'done', attempts: job.attempts + 1, error, mediaId: media.id }, tx.now);
    return swapped;
  });
}

type Facts = ReturnType<typeof localImageFacts>;

async function swapInPost(tx: Tx, job: ImportJob, facts: Facts): Promise<boolean> {
  const first = await findPostRow(tx.db, job.subjectId);
  const page = first && (await lockPage(tx.db, { id: first.page_id }));
  const row = page && (await findPostRow(tx.db, job.subjectId)); // as it is now that the page is held
  if (!page || !row) return false;
  const post = postFromRow(row, page.pinnedPostId);
  const body = swapBlockSrc(post.body, job.src, facts);
  if (!body) return false;
  // Our copy of the same picture is not an editorial change: readers see no "edited" mark.
  const next = { ...applyPatch(post, { body }, tx.now), editedAt: post.editedAt };
  if (!(await replacePost(tx.db, next, post.version))) return false;
  await recordPostChange(tx, page, post, next, null); // by the server: the version history says so
  return true;
}

async function swapInPage(tx: Tx, job: ImportJob, facts: Facts): Promise<boolean> {
  const page = (await findPageById(tx.db, job.subjectId)) && (await lockPage(tx.db, { id: job.subjectId }));
  const featuredMedia = page && swapFeaturedSrc(page.featuredMedia, job.src, facts);
  if (!page || !featuredMedia) return false;
  await updatePage(tx.db, page.id, { featuredMedia });
  await tx.append(page.id, 'page.updated', { fields: ['featuredMedia'] });
  return true;
}

/** Records a failed attempt: tried again at `retryAt`, or failed for good (the original address stays). */
export async function failMediaImport(ctx: CommandContext, job: ImportJob, err: unknown, retryAt: string | null): Promise<void> {
  const now = ctx.now().toISOString();
  const error = importFailure(err);
  await ctx.store.write((db) =>
    finishImport(db, job.id, retryAt ? { status: 'pending', attempts: job.attempts + 1, error, mediaId: null, nextAttemptAt: retryAt } : { status: 'failed', attempts: job.attempts + 1, error, mediaId: null }, now),
  );
}

/** Whether trying again may help: a network failure may pass; a refused address or a file that is not a picture will not. */
export const isRetryable = (err: unknown): boolean => !(err instanceof AppError) || err.code === 'fetch_failed';

/** What the desk is told: our own error messages say why; anything else is summed up without addresses. */
export function importFailure(err: unknown): string {
  if (err instanceof AppError) return `${err.code}: ${err.message}`;
  return 'fetch_failed: ' + String((err as Error)?.message ?? err).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '<url>').slice(0, 300);
}
