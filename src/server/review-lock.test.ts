/** Once an editor approves or schedules a contributor's post, only editors change it (issue 9, item 2). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('a reviewed post is the editors’', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('review') });
  });
  afterAll(() => s.close());
  const stored = async (id: string) => s.test.store.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a contributor cannot rewrite or bring forward a post an editor scheduled', async () => {
    const draft = await (await s.api('/api/v1/pages/review/posts', { method: 'POST', as: 'contributor', json: aPost('Checked text') })).json();
    expect(draft.status).toBe('submitted');
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await s.api(`/api/v1/posts/${draft.id}`, { method: 'PATCH', as: 'editor', json: { status: 'scheduled', scheduledFor: inAnHour }, headers: { 'if-match': `"${draft.version}"` } });
    expect(scheduled.status).toBe(200);
    const { version } = await scheduled.json();
    const before = await stored(draft.id);
    const soon = new Date(Date.now() + 60_000).toISOString();
    for (const change of [{ title: 'Unchecked text' }, { body: [{ type: 'paragraph', text: 'Unreviewed claim' }] }, { scheduledFor: soon }, { status: 'draft' }]) {
      const res = await s.api(`/api/v1/posts/${draft.id}`, { method: 'PATCH', as: 'contributor', json: change, headers: { 'if-match': `"${version}"` } });
      expect(res.status, JSON.stringify(change)).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect(await stored(draft.id)).toEqual(before);
  });

  it('nor one an editor approved (published)', async () => {
    const draft = await (await s.api('/api/v1/pages/review/posts', { method: 'POST', as: 'contributor', json: aPost('Approved text') })).json();
    const approved = await (await s.api(`/api/v1/posts/${draft.id}`, { method: 'PATCH', as: 'editor', json: { status: 'published' }, headers: { 'if-match': `"${draft.version}"` } })).json();
    const before = await stored(draft.id);
    const res = await s.api(`/api/v1/posts/${draft.id}`, { method: 'PATCH', as: 'contributor', json: { title: 'Changed after approval' }, headers: { 'if-match': `"${approved.version}"` } });
    expect(res.status).toBe(403);
    expect(await stored(draft.id)).toEqual(before);
  });
});
