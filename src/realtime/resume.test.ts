/**
 * Resuming (SPEC §4): a reader that comes back from any seq gets every missed event, in
 * order, once, then the live ones — however long the backlog — while a reader that stops
 * reading is still dropped with what the server holds for it bounded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPage } from '../commands/importPage.js';
import { exportDocumentSchema } from '../domain/export.js';
import { aPage, aPost } from '../test/fixtures.js';
import { openRawSse } from '../test/raw-sse.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { MAX_BUFFERED_BYTES } from './subscriber.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POSTS = 2000;

describeEachStore('resuming a live stream', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { hub: { drainTimeoutMs: 1500 } });
    // ~1.5 KB of html per post, all in one transaction (an import): fast, and one event each.
    const text = 'The storm surge reached the harbour wall before dawn. '.repeat(25);
    const posts = Array.from({ length: POSTS }, (_, i) => aPost(`Update ${i + 1}`, { body: [{ type: 'paragraph', text }] }));
    await importPage(s.ctx, exportDocumentSchema.parse({ page: aPage('long'), posts }), null);
  }, 120_000);
  afterAll(() => s?.close());

  const publish = async (slug: string, title: string, extra: Record<string, unknown> = {}) =>
    (await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost(title, extra) })).json();

  it('a reader resuming from 0 on a 2,000-post page, reading slowly at first, gets seq 1..N once in order, then live', async () => {
    const sse = await openRawSse(s.url, '/live/long/events', { 'Last-Event-ID': '0' });
    // Slow at first: reads for a moment, then not at all for longer, a few times over.
    for (let i = 0; i < 8; i++) {
      sse.socket.pause();
      await sleep(250);
      sse.socket.resume();
      await sleep(30);
    }
    const got = await sse.waitFor(POSTS, 60_000);
    expect(sse.head).toMatch(/^HTTP\/1\.1 200 /);
    expect(got.length).toBe(POSTS);
    expect(got.map((f) => f.id)).toEqual(Array.from({ length: POSTS }, (_, i) => i + 1));
    expect(JSON.parse(got[POSTS - 1]!.data).html.length).toBeGreaterThan(1400);
    const live = await publish('long', 'After the backlog');
    const all = await sse.waitFor(POSTS + 1);
    expect(all.length).toBe(POSTS + 1);
    expect(all[POSTS]).toMatchObject({ id: POSTS + 1, event: 'post.published' });
    expect(JSON.parse(all[POSTS]!.data).id).toBe(live.id);
    sse.close();
  }, 90_000);

  it('a reader that stops reading during its backlog is dropped, and what the server holds for it stays bounded', async () => {
    // ~900 KB per post: the backlog is far more than the kernel's socket buffers can hold.
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('heavy') });
    const big = { body: Array.from({ length: 90 }, () => ({ type: 'paragraph', text: 'x'.repeat(10_000) })) };
    for (let i = 0; i < 16; i++) await publish('heavy', `Heavy ${i}`, big);
    const before = s.app.hub.connections;
    const stuck = await openRawSse(s.url, '/live/heavy/events?since=0');
    stuck.socket.pause(); // never reads again
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, s.app.hub.bufferedBytes())), 10);
    try {
      await expect.poll(() => s.app.hub.connections, { timeout: 60_000 }).toBe(before + 1);
      await expect.poll(() => s.app.hub.connections, { timeout: 60_000 }).toBe(before); // the server gave up on it
    } finally {
      clearInterval(watch);
    }
    // One piece of backlog at most (here one post's frame) beyond the write buffer's mark.
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThan(1_000_000 + MAX_BUFFERED_BYTES);
    stuck.socket.resume(); // read what the kernel held, then the server's close
    await stuck.closed;
    expect(stuck.frames.length).toBeLessThan(16);
  }, 150_000);
});
