/** Polling answers joined from cached events are the answers a cold process makes. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { buildApp } from './app.js';

describeEachStore('polling answers', (kind) => {
  let s: TestServer;
  let seq = 0;

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('polled') });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await (await s.api('/api/v1/pages/polled/posts', { method: 'POST', as: 'editor', json: aPost(`Post ${i}`) })).json()).id);
    const edited = await s.api(`/api/v1/posts/${ids[3]}`, { method: 'PATCH', as: 'editor', json: { title: 'Post 3, corrected' }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    // An edit and a withdrawal: replays must show the post as it is now, and nothing of the withdrawn one.
    expect((await s.api(`/api/v1/posts/${ids[5]}`, { method: 'DELETE', as: 'editor' })).status).toBeLessThan(300);
    await s.api('/api/v1/pages/polled', { method: 'PATCH', as: 'editor', json: { title: 'Polled, renamed' } });
    seq = Number(/data-seq="(\d+)"/.exec(await (await fetch(`${s.url}/live/polled`)).text())![1]);
  });
  afterAll(() => s?.close());

  /** A fresh process on the same store: nothing cached, every answer read and rendered. */
  async function cold(): Promise<{ url: string; app: FastifyInstance }> {
    const { dataDir, databaseUrl, store } = s.test;
    const app = await buildApp({ store, config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent' }, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, app };
  }
  const poll = async (base: string, since: number) => (await fetch(`${base}/live/polled/updates?since=${since}`)).text();

  it('every since, warm (joined from cached events) and cold, gives the same bytes', async () => {
    await poll(s.url, 0); // caches every event's JSON at this seq
    const fresh = await cold();
    try {
      for (let since = seq + 2; since >= 0; since--) {
        const warm = await poll(s.url, since);
        expect(warm, `since=${since}`).toBe(await poll(fresh.url, since));
        const body = JSON.parse(warm) as { seq: number; events: { id: number; type: string; data: { html?: string } }[] };
        expect(body.seq).toBe(seq);
        expect(body.events.map((e) => e.id)).toEqual(Array.from({ length: Math.max(0, seq - since) }, (_, i) => since + 1 + i));
      }
      const all = JSON.parse(await poll(s.url, 0)) as { events: { type: string; data: { html?: string } }[] };
      const html = all.events.map((e) => e.data.html ?? '').join('');
      expect(html).toContain('Post 3, corrected');
      expect(html).not.toContain('Post 5<');
    } finally {
      await fresh.app.close();
    }
  });

  it('a since past the page is answered like the page\'s own seq, and junk is a 400', async () => {
    expect(JSON.parse(await poll(s.url, seq + 1000))).toEqual({ seq, events: [] });
    expect((await fetch(`${s.url}/live/polled/updates?since=-1`)).status).toBe(400);
    expect((await fetch(`${s.url}/live/polled/updates?since=1e3`)).status).toBe(400);
  });
});
