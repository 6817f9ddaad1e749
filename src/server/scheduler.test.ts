import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('scheduled posts', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('sched') });
  });
  afterAll(() => s.close());

  it('a post scheduled 2 s ahead stays hidden, then goes live on time and is pushed to readers', async () => {
    const { seq } = await (await s.api('/api/v1/pages/sched')).json();
    const sse = await openSse(`${s.url}/live/sched/events?since=${seq}`);
    const at = new Date(Date.now() + 2000);
    const res = await s.api('/api/v1/pages/sched/posts', { method: 'POST', as: 'editor', json: aPost('On the hour', { status: 'scheduled', scheduledFor: at.toISOString() }) });
    expect(res.status).toBe(201);
    const post = await res.json();
    expect(post).toMatchObject({ status: 'scheduled', publishedAt: null });
    expect(await (await fetch(`${s.url}/live/sched`)).text()).not.toContain('On the hour');
    const [event] = await sse.waitFor(1, 5000);
    const late = Date.now() - at.getTime();
    expect(event).toMatchObject({ event: 'post.published', data: { id: post.id } });
    expect(late).toBeGreaterThanOrEqual(-50);
    expect(late).toBeLessThan(1000);
    const live = await (await s.api(`/api/v1/posts/${post.id}`)).json();
    expect(live).toMatchObject({ status: 'published', publishedAt: at.toISOString(), scheduledFor: null });
    sse.close();
  });

  it('contributors cannot schedule; editors cannot schedule in the past', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect((await s.api('/api/v1/pages/sched/posts', { method: 'POST', as: 'contributor', json: aPost('x', { status: 'scheduled', scheduledFor: soon }) })).status).toBe(403);
    expect((await s.api('/api/v1/pages/sched/posts', { method: 'POST', as: 'editor', json: aPost('x', { status: 'scheduled', scheduledFor: '2001-01-01T00:00:00Z' }) })).status).toBe(400);
  });
});
