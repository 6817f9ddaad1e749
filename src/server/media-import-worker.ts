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

export interface MediaImportOptions extends RetryPolicy {
  /** Images fetched at once by this process. */
  concurrency: number;
  /** How often to look for due retries (commits wake the worker at once). */
  pollMs: number;
  /** How long a claim holds: longer than a fetch and its processing take. */
  claimMs: number;
  /** Told of each failed attempt (metrics). */
  onAttemptFailed?: (() => void) | undefined;
}

/** 5 attempts over about a minute: a host that is down for longer keeps its address, and the desk sees why. */
export const MEDIA_IMPORT_DEFAULTS: MediaImportOptions = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 30_000, concurrency: 4, pollMs: 1_000, claimMs: 5 * 60_000 };

export interface MediaImportWorker {
  wake(): void;
  /** Stops taking jobs and waits for those in flight (their claims lapse if a process dies instead). */
  stop(): Promise<void>;
}

export function startMediaImportWorker(ctx: CommandContext, media: MediaService, onError: (err: unknown) => void, options: Partial<MediaImportOptions> = {}): MediaImportWorker {
  const opts = { ...MEDIA_IMPORT_DEFAULTS, ...options };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let ticking: Promise<void> | undefined;
  let again = false;

  const tick = (): void => {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      do {
        again = false;
        const free = opts.concurrency - inFlight.size;
        if (free <= 0 || stopped) break;
        const now = new Date();
        const due = await dueImports(ctx.store.db, now.toISOString(), free); // a plain read; only a find takes the write lock
        if (!due.length) break;
        const until = new Date(now.getTime() + opts.claimMs).toISOString();
        for (const row of await ctx.store.write((db) => claimImports(db, due, now.toISOString(), until))) {
          const job: Promise<void> = run(toJob(row), row.page_id)
            .catch(onError)
            .finally(() => {
              inFlight.delete(job);
              tick();
            });
          inFlight.add(job);
        }
      } while (again);
    })()
      .catch(onError)
      .finally(() => (ticking = undefined));
  };

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

  const timer = setInterval(tick, opts.pollMs);
  timer.unref();
  tick(); // jobs left from before a restart

  return {
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      await Promise.allSettled([...inFlight]);
    },
  };
}

const toJob = (r: MediaImportRow): ImportJob => ({ id: r.id, kind: r.kind as ImportJob['kind'], subjectId: r.subject_id, src: r.src, attempts: Number(r.attempts) });
