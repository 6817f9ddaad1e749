/**
 * Resolves queued addresses in the background (issue 11), the way media-import-worker.ts
 * imports images: claims (one owner per job across processes and nodes), resolves through
 * embed-resolve.ts, retries failures with backoff, then records them for the desk.
 */
import { failEmbed, isRetryable } from '../commands/embeds.js';
import { retryDelay, type RetryPolicy } from '../domain/webhook.js';
import { claimEmbeds, dueEmbeds, firstWaitingPage, type EmbedRow } from '../store/embeds.js';
import { resolveAndKeep, type EmbedResolving } from './embed-resolve.js';

export interface EmbedWorkerOptions extends RetryPolicy {
  concurrency: number;
  pollMs: number;
  claimMs: number;
}

/** 5 attempts over about a minute, like image imports: a provider down for longer leaves the plain link, and the desk sees why. */
export const EMBED_WORKER_DEFAULTS: EmbedWorkerOptions = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 30_000, concurrency: 4, pollMs: 1_000, claimMs: 2 * 60_000 };

export interface EmbedWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startEmbedWorker(r: EmbedResolving, onError: (err: unknown) => void, options: Partial<EmbedWorkerOptions> = {}): EmbedWorker {
  const opts = { ...EMBED_WORKER_DEFAULTS, ...options };
  const { store } = r.commands;
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
        const due = await dueEmbeds(store.db, now.toISOString(), free);
        if (!due.length) break;
        const until = new Date(now.getTime() + opts.claimMs).toISOString();
        for (const row of await store.write((db) => claimEmbeds(db, due, now.toISOString(), until))) {
          const job: Promise<void> = run(row)
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

  async function run(row: EmbedRow): Promise<void> {
    try {
      // The thumbnail belongs to the page of the first post waiting (the media library shows it there).
      await resolveAndKeep(r, row.url, await firstWaitingPage(store.db, row.id));
    } catch (err) {
      const attempt = Number(row.attempts) + 1;
      const retry = isRetryable(err) && attempt < opts.maxAttempts;
      await failEmbed(r.commands, row, err, retry ? new Date(Date.now() + retryDelay(attempt, opts)).toISOString() : null);
    }
  }

  const timer = setInterval(tick, opts.pollMs);
  timer.unref();
  tick();

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
