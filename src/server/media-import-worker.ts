/**
 * Imports external images in the background (issue 10, item 4): claims queued jobs (safe
 * across processes and nodes: a conditional UPDATE gives each job one owner), fetches each
 * through the guarded fetcher into the one pipeline, and swaps the post's address for our
 * copy through a command. At most `concurrency` fetches at once (the pipeline's own queue
 * bounds the decoding); failures are retried with backoff, then recorded for the desk.
 */
import { rm } from 'node:fs/promises';
import type { CommandContext } from '../commands/context.js';
import { applyMediaImport, failMediaImport, isRetryable, type ImportJob } from '../commands/mediaImports.js';
import { uploadMedia } from '../commands/uploadMedia.js';
import { retryDelay, type RetryPolicy } from '../domain/webhook.js';
import { fetchImageToTempFile } from '../media/fetch-image.js';
import type { ReceivedFile } from '../media/receive.js';
import type { MediaService } from '../media/service.js';
import { claimImports, dueImports, type MediaImportRow } from '../store/media-imports.js';
import { startQueueWorker, type QueueLoopOptions, type QueueWorker } from './queue-worker.js';

export interface MediaImportOptions extends RetryPolicy, QueueLoopOptions {
  /** Told of each failed attempt (metrics). */
  onAttemptFailed?: (() => void) | undefined;
}

/** 5 attempts over about a minute: a host that is down for longer keeps its address, and the desk sees why. */
export const MEDIA_IMPORT_DEFAULTS: MediaImportOptions = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 30_000, concurrency: 4, pollMs: 1_000, claimMs: 5 * 60_000 };

export type MediaImportWorker = QueueWorker;

export function startMediaImportWorker(ctx: CommandContext, media: MediaService, onError: (err: unknown) => void, options: Partial<MediaImportOptions> = {}): MediaImportWorker {
  const opts = { ...MEDIA_IMPORT_DEFAULTS, ...options };

  async function run(job: ImportJob, pageId: string): Promise<void> {
    let file: ReceivedFile | undefined;
    try {
      file = await fetchImageToTempFile(job.src, media);
      const record = await uploadMedia(ctx, media, { file, pageId, alt: null, createdBy: null });
      await applyMediaImport(ctx, job, record);
    } catch (err) {
      const attempt = job.attempts + 1;
      const retry = isRetryable(err) && attempt < opts.maxAttempts;
      await failMediaImport(ctx, job, err, retry ? new Date(Date.now() + retryDelay(attempt, opts)).toISOString() : null);
      opts.onAttemptFailed?.();
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  }

  return startQueueWorker<MediaImportRow>(
    opts,
    {
      due: (now, limit) => dueImports(ctx.store.db, now, limit), // a plain read; only a find takes the write lock
      claim: (ids, now, until) => ctx.store.write((db) => claimImports(db, ids, now, until)),
      run: (row) => run(toJob(row), row.page_id),
    },
    onError,
  );
}

const toJob = (r: MediaImportRow): ImportJob => ({ id: r.id, kind: r.kind as ImportJob['kind'], subjectId: r.subject_id, src: r.src, attempts: Number(r.attempts) });
