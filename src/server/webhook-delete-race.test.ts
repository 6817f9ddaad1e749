/**
 * Deleting webhooks while page events queue deliveries for them and the worker sends them:
 * the events' requests never fail, nothing is logged as an error, and the webhooks that
 * stay get every event, in order.
 */
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { EVENT_TYPES } from '../domain/event.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startReceiver } from '../test/receiver.js';
import { startTestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

const PAGES = 6;
const STEPS = 9;
const DOOMED = 12;
/** How long a request to a deleted target hangs before the worker gives up on it. */
const HANG_MS = 2000;

describeEachStore('deleting webhooks during page events', (kind) => {
  it('answers every event request, logs no error and keeps the other webhooks\' deliveries whole', { timeout: 60_000 }, async () => {
    const logged: { level: number; msg?: string; err?: { message?: string } }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    // The doomed targets never answer: their deliveries are in flight when they are deleted,
    // and the worker records each attempt (a timeout) after its delivery is gone.
    const s = await startTestServer(kind, { log, webhooks: { pollMs: 20, timeoutMs: HANG_MS, connectTimeoutMs: HANG_MS, baseDelayMs: 50, maxDelayMs: 100 } });
    const kept = [await startReceiver(() => 200), await startReceiver(() => 200)];
    const hanging = await startReceiver(() => 'hang');
    try {
      const hook = async (url: string) => (await (await s.api('/api/v1/webhooks', { method: 'POST', as: 'admin', json: { url, events: EVENT_TYPES, secret: 'race secret' } })).json()) as { id: string };
      const survivors = [await hook(kept[0]!.url), await hook(kept[1]!.url)];
      const doomed: { id: string }[] = [];
      for (let i = 0; i < DOOMED; i++) doomed.push(await hook(hanging.url));
      const slugs = Array.from({ length: PAGES }, (_, i) => `race-${i}`);
      for (const slug of slugs) expect((await s.api('/api/v1/pages', { method: 'POST', as: 'admin', json: aPage(slug) })).status).toBe(201);

      const statuses: number[] = [];
      const events = new Map(slugs.map((slug) => [slug, 0]));
      // A page's steps: a post, a change, a post, … and at last its end.
      const step = async (slug: string, i: number) => {
        const [method, path, json] =
          i === STEPS - 1 ? ['POST', `/api/v1/pages/${slug}/end`, {}]
          : i % 2 === 0 ? ['POST', `/api/v1/pages/${slug}/posts`, aPost(`${slug} ${i}`)]
          : ['PATCH', `/api/v1/pages/${slug}`, { title: `${slug} after ${i} steps` }];
        const res = await s.api(path, { method, as: 'editor', json });
        statuses.push(res.status);
        if (res.ok) events.set(slug, events.get(slug)! + 1);
      };
      const deleting = (async () => {
        for (const d of doomed) {
          await new Promise((r) => setTimeout(r, 15));
          statuses.push((await s.api(`/api/v1/webhooks/${d.id}`, { method: 'DELETE', as: 'admin' })).status);
        }
      })();
      await Promise.all([deleting, ...slugs.map(async (slug) => {
        for (let i = 0; i < STEPS; i++) await step(slug, i);
      })]);

      expect(statuses.filter((x) => x >= 500)).toEqual([]);
      expect(statuses.filter((x) => x < 200 || x >= 300)).toEqual([]);
      const total = [...events.values()].reduce((a, b) => a + b, 0);
      expect(total).toBe(PAGES * STEPS);
      // Each survivor gets every event of every page once, in seq order per page, and its log says so.
      for (const [i, w] of survivors.entries()) {
        await kept[i]!.waitFor((r) => new Set(r.accepted().map((q) => q.headers['x-livepage-delivery'])).size >= total, 30_000, 'every event');
        // A loaded machine may time out a request the receiver answered: it is sent again, so
        // count each delivery once, at its first arrival.
        const seen = new Set<unknown>();
        const firsts = kept[i]!.requests.filter((q) => !seen.has(q.headers['x-livepage-delivery']) && seen.add(q.headers['x-livepage-delivery']));
        const bodies = firsts.map((q) => JSON.parse(q.body) as { page: string; seq: number });
        for (const slug of slugs) expect(bodies.filter((b) => b.page === slug).map((b) => b.seq)).toEqual(Array.from({ length: STEPS }, (_, n) => n + 1));
        const deliveryLog = async () => ((await (await s.api(`/api/v1/webhooks/${w.id}/deliveries?limit=200`, { as: 'admin' })).json()) as { deliveries: { status: string }[] }).deliveries;
        await expect.poll(async () => (await deliveryLog()).map((d) => d.status), { timeout: 10_000 }).toEqual(Array(total).fill('delivered'));
      }
      // The attempts in flight for deleted targets time out and are recorded (or dropped) now.
      await new Promise((r) => setTimeout(r, HANG_MS + 1000));
      expect(await s.test.store.db.selectFrom('webhook_deliveries').select('id').where('webhook_id', 'in', doomed.map((d) => d.id)).execute()).toEqual([]);
      expect(logged.filter((l) => l.level >= 50).map((l) => `${l.msg}: ${l.err?.message}`)).toEqual([]);
    } finally {
      for (const r of kept) await r.close();
      await hanging.close();
      await s.close();
    }
  });
});
