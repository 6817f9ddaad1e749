import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('the desk: presence and readers', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('desk') });
  });
  afterAll(() => s.close());

  const activity = async () => (await s.api('/api/v1/pages/desk/activity', { as: 'editor' })).json();

  it('shows who is editing which post until they stop', async () => {
    const { id } = await (await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'editor', json: aPost('Being edited') })).json();
    expect((await s.api(`/api/v1/posts/${id}/presence`, { method: 'PUT', json: { editing: true } })).status).toBe(401);
    expect((await s.api(`/api/v1/posts/${id}/presence`, { method: 'PUT', as: 'admin', json: { editing: true } })).status).toBe(204);
    const admin = (await (await s.api('/api/v1/me', { as: 'admin' })).json()).user;
    expect((await activity()).editing).toEqual([{ postId: id, names: ['Admin Person'], people: [{ id: admin.id, name: 'Admin Person' }] }]);
    await s.api(`/api/v1/posts/${id}/presence`, { method: 'PUT', as: 'admin', json: { editing: false } });
    expect((await activity()).editing).toEqual([]);
    expect((await s.api(`/api/v1/posts/${id}/presence`, { method: 'PUT', as: 'admin', json: { editing: 'yes' } })).status).toBe(400);
  });

  it('counts the readers connected now and charts readers and posts over the last hour', async () => {
    const readers = await Promise.all(Array.from({ length: 7 }, () => openSse(`${s.url}/live/desk/events`)));
    await expect.poll(async () => (await activity()).readers, { timeout: 3000 }).toBe(7);
    const { history } = await activity();
    expect(history).toHaveLength(60);
    expect(history.at(-1).readers).toBe(7);
    expect(history.reduce((n: number, h: { posts: number }) => n + h.posts, 0)).toBe(1);
    for (const r of readers) r.close();
    await expect.poll(async () => (await activity()).readers, { timeout: 3000 }).toBe(0);
  });
});
