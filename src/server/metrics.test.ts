/**
 * Issue 16.2: /metrics in the Prometheus text format, read by an independent parser before,
 * during and after readers connect and posts publish. Never public by accident (404 with
 * no token configured, 401 without the token), never cached.
 */
import { afterEach, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import type { CommandContext } from '../commands/context.js';
import { createToken } from '../commands/tokens.js';
import { createWebhook } from '../commands/webhooks.js';
import { aPage, aPost } from '../test/fixtures.js';
import { scrape, type Scraped } from '../test/prometheus.js';
import { openRawSse, type RawSse } from '../test/raw-sse.js';
import { startReceiver } from '../test/receiver.js';
import { postLogin } from '../test/sign-in.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';
import { buildApp } from './app.js';
import { TOP_PAGES, topPages } from '../metrics/registry.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describeEachStore('metrics', (kind) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
    cleanup.length = 0;
  });

  async function start(test: TestStore, metrics?: { token: string }) {
    const config = { port: 0, host: '127.0.0.1', dataDir: test.dataDir, databaseUrl: test.databaseUrl, publicUrl: 'http://livepage.test', logLevel: 'silent', ...(metrics ? { metrics: { host: '127.0.0.1', ...metrics } } : {}) };
    const app = await buildApp({ store: test.store, config, logger: false, webhooks: { pollMs: 20, baseDelayMs: 60_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => app.close());
    const address = app.server.address();
    return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  }

  it('without a token configured there is no /metrics on the public port', async () => {
    const test = await openTestStore(kind);
    cleanup.push(() => test.dispose());
    const { url } = await start(test);
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await fetch(`${url}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('livepage_');
    }
  });

  it('asks for the bearer token and is never cached', async () => {
    const test = await openTestStore(kind);
    cleanup.push(() => test.dispose());
    const { url } = await start(test, { token: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const res = await fetch(`${url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).not.toContain('livepage_');
    }
    await scrape(`${url}/metrics`, TOKEN); // 200, the text format, no-store (checked there)
  });

  it('counts readers, events, fan-out, publishing, caches, queues and sign-in limits as they happen', async () => {
    const test = await openTestStore(kind);
    cleanup.push(() => test.dispose());
    const { url } = await start(test, { token: TOKEN });
    const ctx: CommandContext = { store: test.store, publicUrl: 'http://livepage.test', outbox: [], now: () => new Date() };
    await addUser(ctx, { email: 'editor@example.test', name: 'Editor', role: 'editor', password: 'correct horse battery' });
    const { token } = await createToken(ctx, 'editor@example.test');
    const down = await startReceiver(() => 503);
    cleanup.push(() => down.close());
    await createWebhook(ctx, { url: down.url, events: ['post.published'], secret: 'metrics-secret' });
    const api = async (path: string, json: unknown) => {
      const res = await fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) });
      expect(res.status).toBe(201);
    };
    await api('/api/v1/pages', aPage('busy'));
    await api('/api/v1/pages', aPage('quiet'));
    const get = () => scrape(`${url}/metrics`, TOKEN);

    // Before: nobody reads; the Node defaults, event-loop delay and memory are there.
    const before = await get();
    expect(before.value('livepage_readers_connected')).toBe(0);
    expect(before.value('livepage_page_readers', { page: '_other' })).toBe(0);
    expect(before.family('nodejs_eventloop_lag_p99_seconds').type).toBe('GAUGE');
    expect(before.value('process_resident_memory_bytes')).toBeGreaterThan(10 * 2 ** 20);
    expect(before.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    const publishedBefore = before.value('livepage_events_published_total');

    // During: three readers of one page, one of the other.
    const streams: RawSse[] = [];
    for (const slug of ['busy', 'busy', 'busy', 'quiet']) streams.push(await openRawSse(url, `/live/${slug}/events`));
    cleanup.push(async () => streams.forEach((s) => s.close()));
    await expect.poll(async () => (await get()).value('livepage_readers_connected')).toBe(4);
    const during = await get();
    expect(during.value('livepage_page_readers', { page: 'busy' })).toBe(3);
    expect(during.value('livepage_page_readers', { page: 'quiet' })).toBe(1);

    await api('/api/v1/pages/busy/posts', aPost('First', { status: 'published' }));
    await api('/api/v1/pages/busy/posts', aPost('Second', { status: 'published' }));
    await Promise.all(streams.slice(0, 3).map((s) => s.waitFor(2)));
    let after: Scraped = await get();
    expect(after.value('livepage_events_published_total') - publishedBefore).toBe(2);
    // Once per broadcast per process: each post reached its three readers in one broadcast.
    expect(after.count('livepage_fanout_seconds')).toBe(2);
    expect(after.sum('livepage_fanout_seconds')).toBeGreaterThan(0);
    expect(after.sum('livepage_fanout_seconds')).toBeLessThan(2); // seconds: both fanned out in well under one each
    expect(after.count('livepage_publish_request_duration_seconds', { action: 'post.create' })).toBe(2);
    expect(after.count('livepage_publish_request_duration_seconds', { action: 'page.create' })).toBe(2);

    // Caches: the page rendered once, then from memory; the same for a polling answer.
    const page1 = await fetch(`${url}/live/busy`);
    await page1.arrayBuffer();
    const bytes = Number(page1.headers.get('content-length')); // as sent: fetch asks for Brotli and decodes it
    await fetch(`${url}/live/busy`).then((r) => r.arrayBuffer());
    for (let i = 0; i < 2; i++) await fetch(`${url}/live/busy/updates?since=0`).then((r) => r.arrayBuffer());
    after = await get();
    expect(after.value('livepage_cache_requests_total', { cache: 'page', result: 'miss' })).toBe(1);
    expect(after.value('livepage_cache_requests_total', { cache: 'page', result: 'hit' })).toBe(1);
    expect(after.value('livepage_cache_served_bytes_total', { cache: 'page' })).toBe(2 * bytes);
    expect(after.value('livepage_cache_requests_total', { cache: 'poll', result: 'miss' })).toBe(1);
    expect(after.value('livepage_cache_requests_total', { cache: 'poll', result: 'hit' })).toBe(1);
    expect(after.value('livepage_cache_bytes', { cache: 'pages' })).toBeGreaterThanOrEqual(bytes);
    expect(after.value('livepage_cache_entries', { cache: 'poll_answers' })).toBe(1);

    // Queues: the webhook's receiver is down, its first delivery failed and waits for a retry.
    await down.waitFor((r) => r.requests.length >= 1);
    await expect.poll(async () => (await get()).value('livepage_queue_attempt_failures_total', { queue: 'webhooks' }), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    after = await get();
    expect(after.value('livepage_queue_depth', { queue: 'webhooks' })).toBe(2);
    expect(after.value('livepage_queue_oldest_age_seconds', { queue: 'webhooks' })).toBeGreaterThan(0);
    expect(after.value('livepage_queue_failed', { queue: 'webhooks' })).toBe(0);
    expect(after.value('livepage_queue_depth', { queue: 'imports' })).toBe(0);

    // Sign-in limits: five failures from one address for one account, then the sixth is held.
    for (let i = 0; i < 6; i++) await postLogin(url, 'editor@example.test', 'wrong password');
    expect((await get()).value('livepage_sign_in_limited_total')).toBe(1);

    // After: the readers leave; the page that had them is not left with its old count.
    for (const s of streams) s.close();
    await expect.poll(async () => (await get()).value('livepage_readers_connected')).toBe(0);
    const gone = await get();
    expect(gone.samples('livepage_page_readers').map((s) => s.labels?.page)).toEqual(['_other']);
  });
});

it('keeps the per-page label set bounded: the busiest pages and the rest as one', () => {
  const counts = new Map(Array.from({ length: 100 }, (_, i) => [`p${i}`, i] as [string, number]));
  const top = topPages(counts, TOP_PAGES);
  expect(top).toHaveLength(TOP_PAGES + 1);
  expect(top[0]).toEqual(['p99', 99]);
  expect(top.at(-1)).toEqual(['_other', Array.from({ length: 80 }, (_, i) => i).reduce((a, b) => a + b, 0)]);
});
