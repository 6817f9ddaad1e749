/**
 * Resolves queued addresses in the background (issue 11), the way media-import-worker.ts
 * imports images (the loop is queue-worker.ts): resolves through embed-resolve.ts, retries
 * network failures with backoff, then records them for the desk.
 */
import { failEmbed, isRetryable } from '../commands/embeds.js';
import { retryDelay, type RetryPolicy } from '../domain/webhook.js';
import { claimEmbeds, dueEmbeds, firstWaitingPage, type EmbedRow } from '../store/embeds.js';
import { resolveAndKeep, type EmbedResolving } from './embed-resolve.js';
import { startQueueWorker, type QueueLoopOptions, type QueueWorker } from './queue-worker.js';

export interface EmbedWorkerOptions extends RetryPolicy, QueueLoopOptions {}

/** 5 attempts over about a minute, like image imports: a provider down for longer leaves the plain link, and the desk sees why. */
export const EMBED_WORKER_DEFAULTS: EmbedWorkerOptions = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 30_000, concurrency: 4, pollMs: 1_000, claimMs: 2 * 60_000 };

export function startEmbedWorker(r: EmbedResolving, onError: (err: unknown) => void, options: Partial<EmbedWorkerOptions> = {}): QueueWorker {
  const opts = { ...EMBED_WORKER_DEFAULTS, ...options };
  const { store } = r.commands;
  return startQueueWorker<EmbedRow>(
    opts,
    {
      due: (now, limit) => dueEmbeds(store.db, now, limit),
      claim: (ids, now, until) => store.write((db) => claimEmbeds(db, ids, now, until)),
      async run(row) {
        try {
          // The thumbnail belongs to the page of the first post waiting (its media library shows it).
          await resolveAndKeep(r, row.url, await firstWaitingPage(store.db, row.id));
        } catch (err) {
          const attempt = Number(row.attempts) + 1;
          const retry = isRetryable(err) && attempt < opts.maxAttempts;
          await failEmbed(r.commands, row, err, retry ? new Date(Date.now() + retryDelay(attempt, opts)).toISOString() : null);
        }
      },
    },
    onError,
  );
}
