/** Once an editor approves or schedules a contributor's post, only editors change it (issue 9, item 2). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import { createToken } from '../commands/tokens.js';
import type { PostStatus } from '../domain/post.js';
import { aPage, aPost } from '../test/fixtures.js';
import { storedSnapshot } from '../test/snapshot.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('a reviewed post is the editors’', (kind) => {
  let s: TestServer;
  let otherToken: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('review') });
    await addUser(s.ctx, { email: 'other@example.test', name: 'Other Contributor', role: 'contributor', password: 'correct horse battery' });
    otherToken = (await createToken(s.ctx, 'other@example.test')).token;
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

  /** A post by the contributor (or another one) brought to `status` the way the newsroom does. */
  async function postIn(status: PostStatus, mine: boolean): Promise<{ id: string; version: number }> {
    const auth = mine ? { as: 'contributor' as const } : { headers: { authorization: `Bearer ${otherToken}` } };
    let post = await (await s.api('/api/v1/pages/review/posts', { method: 'POST', ...auth, json: aPost(`In ${status}`) })).json();
    const change = (json: unknown, who: object) => s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', ...who, json, headers: { ...(who as { headers?: object }).headers, 'if-match': `"${post.version}"` } });
    if (status === 'draft') post = await (await change({ status: 'draft' }, auth)).json();
    if (status === 'scheduled') post = await (await change({ status: 'scheduled', scheduledFor: new Date(Date.now() + 3_600_000).toISOString() }, { as: 'editor' })).json();
    if (status === 'published' || status === 'unpublished') post = await (await change({ status: 'published' }, { as: 'editor' })).json();
    if (status === 'unpublished') post = await (await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'editor' })).json();
    expect(post.status).toBe(status);
    return post;
  }

  const STATUSES: PostStatus[] = ['draft', 'submitted', 'scheduled', 'published', 'unpublished'];
  it('a contributor edits only their own draft or submitted post; editors and admins edit any; refusals change nothing', async () => {
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const status of STATUSES) {
      for (const [who, mine] of [['contributor', true], ['contributor', false], ['editor', false], ['admin', false]] as const) {
        const post = await postIn(status, mine);
        const before = await storedSnapshot(s.test.store.db);
        const res = await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: who, json: { title: 'Rewritten' }, headers: { 'if-match': `"${post.version}"` } });
        const key = `${who} ${mine ? 'own' : 'other’s'} ${status}`;
        actual[key] = res.status;
        expected[key] = who !== 'contributor' || (mine && (status === 'draft' || status === 'submitted')) ? 200 : 403;
        if (res.status !== 200) expect(await storedSnapshot(s.test.store.db), key).toEqual(before);
        // Taking a post down is the editors' whatever its status or author.
        const del = await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'contributor' });
        expect(del.status, `DELETE ${key}`).toBe(403);
      }
    }
    expect(actual).toEqual(expected);
  });

  it.each([
    ['publish', { status: 'published' }, 'status'],
    ['schedule', { status: 'scheduled', scheduledFor: '2099-01-01T00:00:00Z' }, 'status'],
    ['set a time to go live', { scheduledFor: '2099-01-01T00:00:00Z' }, 'scheduledFor'],
    ['pin', { pinned: true }, 'pinned'],
    ['backdate', { publishedAt: '2020-01-01T00:00:00Z' }, 'publishedAt'],
  ])('a contributor cannot %s, in a new post or an edit of their own draft', async (_what, fields, field) => {
    const before = await storedSnapshot(s.test.store.db);
    const created = await s.api('/api/v1/pages/review/posts', { method: 'POST', as: 'contributor', json: aPost('Asks too much', fields) });
    expect(created.status).toBe(403);
    expect((await created.json()).error).toMatchObject({ code: 'forbidden', field });
    expect(await storedSnapshot(s.test.store.db)).toEqual(before);
    const draft = await postIn('draft', true);
    const edited = await s.api(`/api/v1/posts/${draft.id}`, { method: 'PATCH', as: 'contributor', json: fields, headers: { 'if-match': `"${draft.version}"` } });
    expect(edited.status).toBe(403);
    expect((await edited.json()).error).toMatchObject({ code: 'forbidden', field });
  });

  it('only an admin backdates; an editor may not', async () => {
    const asEditor = await s.api('/api/v1/pages/review/posts', { method: 'POST', as: 'editor', json: aPost('Old news', { publishedAt: '2020-01-01T00:00:00Z' }) });
    expect(asEditor.status).toBe(403);
    const asAdmin = await s.api('/api/v1/pages/review/posts', { method: 'POST', as: 'admin', json: aPost('Old news', { publishedAt: '2020-01-01T00:00:00Z' }) });
    expect(asAdmin.status).toBe(201);
  });
});
