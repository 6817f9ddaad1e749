/** The delivery queue shared by several server processes: each delivery is sent once, in order. */
import type { KyselyPlugin } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../commands/context.js';
import { createPage } from '../commands/createPage.js';
import { createPost } from '../commands/createPost.js';
import { webhookOutbox, configurePurgeHook, createWebhook } from '../commands/webhooks.js';
import { pageCreateSchema } from '../domain/page.js';
import { postCreateSchema } from '../domain/post.js';
import { openStore, type Store } from '../store/store.js';
import { claimDeliveries, dueHeads, recordAttempt } from '../store/webhook-deliveries.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startReceiver } from '../test/receiver.js';
import { PUBLIC_URL } from '../test/server.js';
import { describeEachStore, openTestStore } from '../test/stores.js';
import { describeFailure, startWebhookWorker } from './webhook-worker.js';

describeEachStore('webhook worker', (kind) => {
  it('two workers on their own connections to one store send every delivery exactly once, each target in seq order', async () => {
    const test = await openTestStore(kind);
    const other = await openStore({ dataDir: test.dataDir, databaseUrl: test.databaseUrl }); // as a second server process would
    const receivers = await Promise.all([1, 2, 3].map(() => startReceiver()));
    const errors: unknown[] = [];
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
      for (const r of receivers) await createWebhook(ctx, { url: r.url, events: ['post.published'], secret: 'shared-queue-secret' });
      const editor = { id: 'editor', role: 'editor' } as const;
      for (const slug of ['queue-a', 'queue-b']) {
        await createPage(ctx, pageCreateSchema.parse(aPage(slug)));
        for (let i = 0; i < 10; i++) await createPost(ctx, editor, slug, postCreateSchema.parse(aPost(`${slug} ${i}`)));
      }
      const workers = [test.store, other].map((store) => startWebhookWorker(store, (err) => errors.push(err), { pollMs: 20, concurrency: 2 }));
      try {
        for (const r of receivers) await r.waitFor((x) => x.accepted().length >= 20, 20_000, 'twenty deliveries');
        await new Promise((r) => setTimeout(r, 200)); // a duplicate would arrive in this time
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      for (const r of receivers) {
        const ids = r.requests.map((q) => q.headers['x-livepage-delivery']);
        expect(new Set(ids).size).toBe(20);
        expect(ids).toHaveLength(20);
        const bodies = r.requests.map((q) => JSON.parse(q.body) as { page: string; seq: number });
        for (const slug of ['queue-a', 'queue-b']) {
          const seqs = bodies.filter((b) => b.page === slug).map((b) => b.seq);
          expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
        }
      }
      expect(errors).toEqual([]);
    } finally {
      await Promise.all(receivers.map((r) => r.close()));
      await other.close();
      await test.dispose();
    }
  });

  it('sends a page\'s events in seq order even when the process that wrote the later one has a clock running behind', async () => {
    const test = await openTestStore(kind);
    const hook = await startReceiver();
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
      await createWebhook(ctx, { url: hook.url, events: ['post.published'], secret: 'skewed-clock-secret' });
      await createPage(ctx, pageCreateSchema.parse(aPage('skewed')));
      const editor = { id: 'editor', role: 'editor' } as const;
      await createPost(ctx, editor, 'skewed', postCreateSchema.parse(aPost('Written first')));
      // The next post comes from another server process whose clock is a minute behind.
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(Date.now() - 60_000);
        await createPost(ctx, editor, 'skewed', postCreateSchema.parse(aPost('Written second')));
      } finally {
        vi.useRealTimers();
      }
      const worker = startWebhookWorker(test.store, () => {}, { pollMs: 20 });
      try {
        await hook.waitFor((r) => r.accepted().length === 2, 15_000, 'both posts');
      } finally {
        await worker.stop();
      }
      expect(hook.requests.map((q) => JSON.parse(q.body).seq)).toEqual([1, 2]);
    } finally {
      await hook.close();
      await test.dispose();
    }
  });

  it('a worker that read the queue before another one\'s failed attempt does not resend before the backoff', async () => {
    const test = await openTestStore(kind);
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
      await createWebhook(ctx, { url: 'http://127.0.0.1:9/never-called', events: ['post.published'], secret: 'stale-read-secret' });
      await createPage(ctx, pageCreateSchema.parse(aPage('stale-read')));
      await createPost(ctx, { id: 'editor', role: 'editor' }, 'stale-read', postCreateSchema.parse(aPost('Held back')));
      const at = (ms: number) => new Date(Date.now() + ms).toISOString();
      const stale = await dueHeads(test.store.db, at(0), 10); // worker B looks…
      expect(stale).toHaveLength(1);
      // …while worker A takes the delivery, fails, and sets the next attempt a minute out.
      const [taken] = await test.store.write((db) => claimDeliveries(db, stale, at(0), at(30_000)));
      const failure = { startedAt: at(0), durationMs: 5, statusCode: 503, error: 'HTTP 503', delivered: false, nextAttemptAt: at(60_000), finishedAt: at(0) };
      await test.store.write((db) => recordAttempt(db, [taken!], failure, 12, uuidv7));
      // Worker B acts on what it read: it must not get the delivery before the minute is up.
      expect(await test.store.write((db) => claimDeliveries(db, stale, at(0), at(30_000)))).toEqual([]);
      expect(await test.store.write((db) => claimDeliveries(db, stale, at(61_000), at(90_000)))).toHaveLength(1);
    } finally {
      await test.dispose();
    }
  });

  it('a purge batch that fails and is retried costs a few statements under the write lock, not two per delivery', async () => {
    const test = await openTestStore(kind);
    const cdn = await startReceiver((i) => (i === 0 ? 503 : 200));
    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => (statements++, args.node),
      transformResult: async (args) => args.result,
    };
    // The worker's writes, counted: the same store, each transaction's queries seen by the plugin.
    const store: Store = { ...test.store, write: (fn) => test.store.write((db) => fn(db.withPlugin(counting))) };
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
      await configurePurgeHook(ctx, cdn.url);
      await createPage(ctx, pageCreateSchema.parse(aPage('purge-batch')));
      for (let i = 0; i < 60; i++) await createPost(ctx, { id: 'editor', role: 'editor' }, 'purge-batch', postCreateSchema.parse(aPost(`Post ${i}`)));
      const worker = startWebhookWorker(store, () => {}, { pollMs: 20, baseDelayMs: 50, maxDelayMs: 100 });
      try {
        await cdn.waitFor((r) => r.accepted().length === 1, 15_000, 'the purge after its retry');
        const delivered = async () => (await test.store.db.selectFrom('webhook_deliveries').select('status').where('status', '=', 'delivered').execute()).length;
        for (const end = Date.now() + 5000; (await delivered()) < 60 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
      } finally {
        await worker.stop();
      }
      expect(cdn.requests.map((q) => q.answer)).toEqual([503, 200]); // the 60 purges stayed one batch
      const rows = await test.store.db.selectFrom('webhook_deliveries').select(['status', 'attempts']).execute();
      expect(rows).toHaveLength(60);
      expect(rows.every((r) => r.status === 'delivered' && Number(r.attempts) === 2)).toBe(true);
      expect(await test.store.db.selectFrom('webhook_attempts').select('id').execute()).toHaveLength(120);
      // Per attempt: claim the head, find and claim the rest, log and update; and one prune.
      expect(statements).toBeLessThanOrEqual(12);
    } finally {
      await cdn.close();
      await test.dispose();
    }
  });

  it('forgets finished deliveries after the retention time and keeps pending ones', async () => {
    const test = await openTestStore(kind);
    const ok = await startReceiver(() => 200);
    const down = await startReceiver(() => 503);
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
      await createWebhook(ctx, { url: ok.url, events: ['post.published'], secret: 'retention-secret' });
      const stuck = await createWebhook(ctx, { url: down.url, events: ['post.published'], secret: 'retention-secret' });
      await createPage(ctx, pageCreateSchema.parse(aPage('retention')));
      await createPost(ctx, { id: 'editor', role: 'editor' }, 'retention', postCreateSchema.parse(aPost('Kept a while')));
      const first = startWebhookWorker(test.store, () => {}, { pollMs: 20, baseDelayMs: 60_000 });
      await ok.waitFor((r) => r.accepted().length === 1);
      await down.waitFor((r) => r.requests.length === 1);
      const rows = () => test.store.db.selectFrom('webhook_deliveries').select(['webhook_id', 'status']).execute();
      // The receiver has answered; the worker records it a moment later (stopping first would abandon it).
      await expect.poll(async () => (await rows()).map((r) => r.status).sort(), { timeout: 10_000 }).toEqual(['delivered', 'pending']);
      await first.stop();

      const second = startWebhookWorker(test.store, () => {}, { pollMs: 20, keepDays: 0 });
      for (const end = Date.now() + 5000; (await rows()).length > 1 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
      await second.stop();
      expect(await rows()).toEqual([{ webhook_id: stuck.id, status: 'pending' }]);
      expect(await test.store.db.selectFrom('webhook_attempts').select('delivery_id').execute()).toHaveLength(1); // the pending one's
    } finally {
      await ok.close();
      await down.close();
      await test.dispose();
    }
  });
});

describe('describeFailure', () => {
  it('never repeats a URL (it may hold a password or a token), only why the request failed', async () => {
    const refused = await fetch('http://user:s3cret-pw@127.0.0.1:9/hook?token=t0ken').catch((err: unknown) => err);
    const text = describeFailure(refused, 1000);
    expect(text).toContain('credentials');
    expect(text).not.toMatch(/s3cret|t0ken|127\.0\.0\.1/);
    expect(describeFailure(new Error('connect to https://a.example/x?key=k3y failed'), 1000)).toBe('connect to <url> failed');
  });
});
