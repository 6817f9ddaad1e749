/**
 * One slow receiver never holds up the others: with many targets that accept a connection
 * and never answer, a healthy target still gets each event within seconds, with the
 * worker's production settings (no test overrides of its concurrency or timeouts).
 */
import { expect, it } from 'vitest';
import type { CommandContext } from '../commands/context.js';
import { createPage } from '../commands/createPage.js';
import { createPost } from '../commands/createPost.js';
import { webhookOutbox, createWebhook } from '../commands/webhooks.js';
import { pageCreateSchema } from '../domain/page.js';
import { postCreateSchema } from '../domain/post.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startReceiver, type Receiver } from '../test/receiver.js';
import { PUBLIC_URL } from '../test/server.js';
import { describeEachStore, openTestStore } from '../test/stores.js';
import { startWebhookWorker, type WebhookWorker } from './webhook-worker.js';

const HANGING = 40;
const EVENTS = 3;
/** The promise to the healthy target, per event (the bound). */
const WITHIN_MS = 2000;

describeEachStore('webhook isolation', (kind) => {
  it(`${HANGING} receivers that never answer do not delay a healthy one: each event within ${WITHIN_MS / 1000} s`, { timeout: 60_000 }, async () => {
    const test = await openTestStore(kind);
    const hanging = await Promise.all(Array.from({ length: HANGING }, () => startReceiver(() => 'hang')));
    const healthy = await startReceiver();
    const errors: unknown[] = [];
    let worker: WebhookWorker | undefined;
    try {
      const ctx: CommandContext = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date(), onEvent: () => worker?.wake() };
      // The hanging targets come first: in queue order they are served before the healthy one.
      for (const r of [...hanging, healthy]) await createWebhook(ctx, { url: r.url, events: ['post.published'], secret: 'isolation-secret' });
      await createPage(ctx, pageCreateSchema.parse(aPage('isolated')));
      worker = startWebhookWorker(test.store, (err) => errors.push(err));
      const editor = { id: 'editor', role: 'editor' } as const;
      const took: number[] = [];
      for (let i = 1; i <= EVENTS; i++) {
        const t0 = performance.now();
        await createPost(ctx, editor, 'isolated', postCreateSchema.parse(aPost(`Event ${i}`)));
        await healthy.waitFor((r) => r.accepted().length === i, 20_000, `event ${i} at the healthy target`);
        took.push(performance.now() - t0);
      }
      console.log(`[webhook isolation ${kind}] healthy target, ms per event with ${HANGING} hanging: ${took.map(Math.round).join(', ')}`);
      expect(Math.max(...took)).toBeLessThan(WITHIN_MS);
      expect(healthy.accepted().map((q) => JSON.parse(q.body).data.title)).toEqual(['Event 1', 'Event 2', 'Event 3']);
      // Every hanging target was sent its first event at once (not queued behind the others).
      await waitForAll(hanging, 5000);
      expect(errors).toEqual([]);
    } finally {
      await worker?.stop();
      await Promise.all([...hanging, healthy].map((r) => r.close()));
      await test.dispose();
    }
  });
});

async function waitForAll(receivers: Receiver[], ms: number): Promise<void> {
  await Promise.all(receivers.map((r) => r.waitFor((x) => x.requests.length >= 1, ms, 'a hanging target')));
}
