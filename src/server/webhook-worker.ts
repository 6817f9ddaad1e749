/**
 * Sends queued webhook deliveries (SPEC §6) and CDN purges, outside any publishing request.
 * Each target gets its deliveries one at a time, in queue order (so in seq order per page):
 * one request in flight per target. Different targets are served side by side, each on its
 * own connection, up to `concurrency` at once — far more than a site has targets, so one
 * target's hanging requests never take a slot another target needs — each request bounded by
 * `connectTimeoutMs` and `timeoutMs`. The queue lives in the store: deliveries survive
 * restarts, and several server processes may share the work.
 */
import { uuidv7 } from 'uuidv7';
import type { PurgeEvent } from '../commands/webhooks.js';
import { retryDelay, signature, type RetryPolicy } from '../domain/webhook.js';
import type { Store } from '../store/store.js';
import { findWebhook, PURGE_TARGET_ID, type WebhookTarget } from '../store/webhooks.js';
import { claimDeliveries, dueHeads, pendingAfter, pruneDeliveries, recordAttempt, releaseDeliveries, type DeliveryRow } from '../store/webhook-deliveries.js';
import { purgePaths } from './purge-paths.js';
import { postOnce, SendTimeout } from './webhook-send.js';

export interface WebhookWorkerOptions extends RetryPolicy {
  /** How long one request may take, connection to response headers. */
  timeoutMs: number;
  /** How long making the connection (DNS, TCP, TLS) may take: a dead address fails fast. */
  connectTimeoutMs: number;
  /** Requests in flight at once from this process, one per target at most. */
  concurrency: number;
  /** How often to look for due retries (new events wake the worker at once). */
  pollMs: number;
  /** How long finished deliveries stay in the log. */
  keepDays: number;
  /** Told of failed attempts (metrics): `n` deliveries sent together failed. */
  onAttemptFailed?: ((n: number) => void) | undefined;
}

/**
 * 12 attempts over one to two and a half hours: the first retry within seconds (most
 * failures are a blip or a deploy), then waits doubling from 5 s up to an hour, jittered.
 */
export const WEBHOOK_DEFAULTS: WebhookWorkerOptions = {
  maxAttempts: 12,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  timeoutMs: 10_000,
  connectTimeoutMs: 3_000,
  // Each request is a socket and a little memory; 256 targets may hang at once before a
  // healthy one waits for a slot (docs/operations.md).
  concurrency: 256,
  pollMs: 1000,
  keepDays: 30,
};

/** How many queued purges one purge request may stand for. */
const PURGE_BATCH = 500;

export interface WebhookWorker {
  /** Looks for work now (after an event was appended, here or in another process). */
  wake(): void;
  /** Stops: requests in flight are abandoned and their deliveries left for the next start. */
  stop(): Promise<void>;
}

type SendResult = { statusCode: number | null; error: string | null } | 'stopped';

export function startWebhookWorker(store: Store, onError: (err: unknown) => void, options: Partial<WebhookWorkerOptions> = {}): WebhookWorker {
  const opts = { ...WEBHOOK_DEFAULTS, ...options };
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let ticking: Promise<void> | undefined;
  let again = false;
  let prunedAt = 0;

  const tick = (): void => {
    if (stopping.signal.aborted) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      if (Date.now() - prunedAt > 3_600_000) {
        prunedAt = Date.now();
        const before = new Date(prunedAt - opts.keepDays * 86_400_000).toISOString();
        await store.write((db) => pruneDeliveries(db, before));
      }
      do {
        again = false;
        const free = opts.concurrency - inFlight.size;
        if (free <= 0 || stopping.signal.aborted) break;
        const now = new Date();
        const until = new Date(now.getTime() + opts.timeoutMs + 30_000).toISOString();
        // Looking is a plain read; only a find takes the write lock (SQLite has one writer).
        const due = await dueHeads(store.db, now.toISOString(), free);
        if (!due.length) break;
        const claimed = await store.write((db) => claimDeliveries(db, due, now.toISOString(), until));
        for (const d of claimed) {
          const job: Promise<void> = deliver(d, until)
            .catch(onError)
            .finally(() => {
              inFlight.delete(job);
              tick(); // the target's next delivery is now at the head of its queue
            });
          inFlight.add(job);
        }
      } while (again);
    })()
      .catch(onError)
      .finally(() => (ticking = undefined));
  };

  /** One attempt at a claimed delivery (for the purge target: with every purge queued after it). */
  async function deliver(head: DeliveryRow, until: string): Promise<void> {
    const target = await findWebhook(store.db, head.webhook_id);
    if (!target || !target.active || stopping.signal.aborted) return store.write((db) => releaseDeliveries(db, [head.id]));
    let batch = [head];
    let body = head.payload;
    if (target.id === PURGE_TARGET_ID) {
      const now = new Date().toISOString();
      batch = [head, ...(await store.write(async (db) => claimDeliveries(db, await pendingAfter(db, head, now, PURGE_BATCH), now, until)))];
      const events = batch.map((d) => ({ pageId: d.page_id, event: JSON.parse(d.payload) as PurgeEvent }));
      body = JSON.stringify({ paths: await purgePaths(store.db, events) });
    }
    const started = Date.now();
    const result = await send(target, body, head.id, target.id === PURGE_TARGET_ID ? 'purge' : head.event_type);
    if (result === 'stopped') return store.write((db) => releaseDeliveries(db, batch.map((d) => d.id)));
    const finished = Date.now();
    const delivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    // One wait for the whole batch (the head's, the oldest): its deliveries are retried together.
    const wait = retryDelay(Number(head.attempts) + 1, opts);
    const outcome = {
      startedAt: new Date(started).toISOString(),
      durationMs: finished - started,
      statusCode: result.statusCode,
      error: result.error,
      delivered,
      nextAttemptAt: new Date(finished + wait).toISOString(),
      finishedAt: new Date(finished).toISOString(),
    };
    await whileClaimed(until, () => store.write((db) => recordAttempt(db, batch, outcome, opts.maxAttempts, uuidv7)));
    if (!delivered) opts.onAttemptFailed?.(batch.length);
  }

  /**
   * Records what happened while the claim still holds, trying again if the store is away for
   * a moment (PostgreSQL restarting): given up, the delivery would wait out its claim and be
   * sent a second time by whichever process took it next.
   */
  async function whileClaimed(until: string, record: () => Promise<void>): Promise<void> {
    for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
      try {
        return await record();
      } catch (err) {
        if (stopping.signal.aborted || Date.now() + wait >= Date.parse(until)) throw err;
        onError(err);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** POSTs the body; 2xx is success, anything else (a redirect too) a failure to retry. */
  async function send(target: WebhookTarget, body: string, deliveryId: string, event: string): Promise<SendResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'livepage-webhooks/1',
      'x-livepage-event': event,
      'x-livepage-delivery': deliveryId,
    };
    if (target.secret) headers['x-livepage-signature'] = signature(body, target.secret);
    try {
      const res = await postOnce(target.url, headers, body, { connectTimeoutMs: opts.connectTimeoutMs, timeoutMs: opts.timeoutMs, signal: stopping.signal });
      const ok = res.status >= 200 && res.status < 300;
      return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    } catch (err) {
      if (stopping.signal.aborted) return 'stopped';
      return { statusCode: null, error: describeFailure(err, opts.timeoutMs) };
    }
  }

  const timer = setInterval(tick, opts.pollMs);
  timer.unref();
  tick(); // deliveries left over from before a restart go out at once

  return {
    wake: tick,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await ticking;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * A short, stable description of why a request failed (for the delivery log). Never with a
 * URL: the target's may carry a token or a password, and admins read the log over the API.
 */
export function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err instanceof SendTimeout) return `timeout: ${err.message}`;
  if (e?.name === 'TimeoutError') return `timeout: no response within ${timeoutMs} ms`;
  // node:http's errors carry their code themselves, fetch's in `cause`.
  const cause = e?.cause ?? (e?.code ? e : undefined);
  const text = cause?.code ? `${cause.code}${cause.message ? `: ${cause.message}` : ''}` : String(cause?.message ?? e?.message ?? err);
  return withoutUrls(text).slice(0, 500);
}

/** Replaces every absolute URL (scheme://… up to the next space) with `<url>`. */
const withoutUrls = (text: string): string => text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '<url>');
