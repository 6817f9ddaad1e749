import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('posts API', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('live') });
  });
  afterAll(() => s.close());

  const create = (body: unknown, as: 'admin' | 'editor' | 'contributor' = 'editor') =>
    s.api('/api/v1/pages/live/posts', { method: 'POST', as, json: body });
  const patch = (id: string, body: unknown, version: number | null, as: 'admin' | 'editor' | 'contributor' = 'editor') =>
    s.api(`/api/v1/posts/${id}`, { method: 'PATCH', as, json: body, headers: version === null ? {} : { 'if-match': `"${version}"` } });
  const visibleTitles = async () => ((await (await s.api('/api/v1/pages/live/posts')).json()).posts as { title: string }[]).map((p) => p.title);
  const postCount = async () => Number((await s.test.store.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const eventSeqs = async () => (await s.test.store.db.selectFrom('events').select('seq').orderBy('seq').execute()).map((e) => Number(e.seq));

  it('an editor publishes at once; the response carries id, version, status, times and the seq', async () => {
    const res = await create(aPost('First'));
    expect(res.status).toBe(201);
    const post = await res.json();
    expect(post).toMatchObject({ title: 'First', status: 'published', version: 1, seq: 1, pinned: false, keyEvent: false });
    expect(post.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(post.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(post.url).toBe(`http://livepage.test/live/live/posts/${post.id}`);
  });

  it('markup is stored as text, never interpreted', async () => {
    const evil = '<script>alert(1)</script><b>bold</b>';
    const res = await create(aPost(evil, { contributors: [{ name: evil, role: evil }], body: [{ type: 'quote', text: evil, cite: evil }] }));
    expect(res.status).toBe(201);
    expect((await res.json()).title).toBe(evil);
  });

  it.each([
    ['a javascript: link', { body: [{ type: 'paragraph', text: '[x](javascript:alert(1))' }] }, 'body.0.text'],
    ['a data: link', { body: [{ type: 'list', items: ['ok', '[x](data:text/html;base64,PHNjcmlwdD4=)'] }] }, 'body.0.items.1'],
    ['a relative link', { body: [{ type: 'paragraph', text: '[x](/admin)' }] }, 'body.0.text'],
    ['an image without alt', { body: [{ type: 'image', src: 'https://img.example/a.jpg', alt: '  ' }] }, 'body.0.alt'],
    ['a javascript: image', { body: [{ type: 'image', src: 'javascript:alert(1)', alt: 'x' }] }, 'body.0.src'],
    ['an unknown block', { body: [{ type: 'html', text: '<b>x</b>' }] }, 'body.0.type'],
    ['an unknown block field', { body: [{ type: 'paragraph', text: 'x', html: '<b>' }] }, 'body.0.html'],
    ['no blocks', { body: [] }, 'body'],
    ['101 blocks', { body: Array.from({ length: 101 }, () => ({ type: 'paragraph', text: 'x' })) }, 'body'],
    ['an oversize text', { body: [{ type: 'paragraph', text: 'x'.repeat(10_001) }] }, 'body.0.text'],
    ['an oversize title', { title: 'x'.repeat(201) }, 'title'],
    ['an empty title', { title: '' }, 'title'],
    ['a bad label', { label: 'opinion' }, 'label'],
    ['a wrong type', { keyEvent: 'yes' }, 'keyEvent'],
    ['an unknown field', { html: '<p>' }, 'html'],
    ['a scheduled post without a time', { status: 'scheduled' }, 'scheduledFor'],
    ['a scheduled post in the past', { status: 'scheduled', scheduledFor: '2020-01-01T00:00:00Z' }, 'scheduledFor'],
  ])('%s is a 400 naming the field, and nothing is written', async (_name, extra, field) => {
    const before = [await postCount(), await eventSeqs()];
    const res = await create({ ...aPost('Bad'), ...extra });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.field).toBe(field);
    expect(error.message).toEqual(expect.any(String));
    expect([await postCount(), await eventSeqs()]).toEqual(before);
  });

  it('publishedAt (backdating) is for admins only', async () => {
    const editor = await create(aPost('Backdated', { publishedAt: '2025-02-27T15:16:00Z' }));
    expect(editor.status).toBe(403);
    expect((await editor.json()).error.field).toBe('publishedAt');
    const admin = await create(aPost('Backdated', { publishedAt: '2025-02-27T15:16:00+00:00' }), 'admin');
    expect(admin.status).toBe(201);
    expect((await admin.json()).publishedAt).toBe('2025-02-27T15:16:00.000Z');
  });

  it('a contributor submits for review; an editor approves it', async () => {
    expect((await create(aPost('Sneaky', { status: 'published' }), 'contributor')).status).toBe(403);
    expect((await create(aPost('Pinned', { pinned: true }), 'contributor')).status).toBe(403);
    const res = await create(aPost('From the scene'), 'contributor');
    expect(res.status).toBe(201);
    const post = await res.json();
    expect(post.status).toBe('submitted');
    expect(await visibleTitles()).not.toContain('From the scene');
    expect((await s.api(`/api/v1/posts/${post.id}`)).status).toBe(404);
    expect((await s.api(`/api/v1/posts/${post.id}`, { as: 'contributor' })).status).toBe(200);

    // The author may edit it while unpublished, but not publish it.
    const edited = await patch(post.id, { title: 'From the scene (updated)' }, 1, 'contributor');
    expect(edited.status).toBe(200);
    expect((await patch(post.id, { status: 'published' }, 2, 'contributor')).status).toBe(403);

    const approved = await patch(post.id, { status: 'published' }, 2);
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect(body).toMatchObject({ status: 'published', version: 3, editedAt: null });
    expect(await visibleTitles()).toContain('From the scene (updated)');
    // Once published, the contributor can no longer change it.
    expect((await patch(post.id, { title: 'Mine' }, 3, 'contributor')).status).toBe(403);
  });

  it('edits need the current version: 428 without If-Match, 409 when stale', async () => {
    const { id } = await (await create(aPost('Versioned'))).json();
    const none = await patch(id, { title: 'No version' }, null);
    expect(none.status).toBe(428);
    expect((await none.json()).error.code).toBe('precondition_required');
    const ok = await patch(id, { title: 'Versioned, corrected', label: 'correction' }, 1);
    expect(ok.status).toBe(200);
    const okBody = await ok.json();
    expect(okBody).toMatchObject({ version: 2, label: 'correction' });
    expect(okBody.editedAt).not.toBeNull();
    const stale = await patch(id, { title: 'Overwrites a colleague' }, 1);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('version_conflict');
    expect((await (await s.api(`/api/v1/posts/${id}`)).json()).title).toBe('Versioned, corrected');
    expect((await patch(id, { title: 'x' }, null, 'editor')).status).toBe(428);
    const malformed = await s.api(`/api/v1/posts/${id}`, { method: 'PATCH', as: 'editor', json: { title: 'x' }, headers: { 'if-match': 'banana' } });
    expect(malformed.status).toBe(400);
  });

  it('pinning one post unpins the other; unpublishing keeps the record', async () => {
    const a = await (await create(aPost('Pin A', { pinned: true }))).json();
    expect(a.pinned).toBe(true);
    const b = await (await create(aPost('Pin B'))).json();
    const pinB = await (await patch(b.id, { pinned: true }, 1)).json();
    expect(pinB.pinned).toBe(true);
    expect((await (await s.api('/api/v1/pages/live')).json()).pinnedPostId).toBe(b.id);
    expect((await (await s.api(`/api/v1/posts/${a.id}`)).json()).pinned).toBe(false);

    expect((await s.api(`/api/v1/posts/${b.id}`, { method: 'DELETE', as: 'contributor' })).status).toBe(403);
    const del = await s.api(`/api/v1/posts/${b.id}`, { method: 'DELETE', as: 'editor' });
    expect(del.status).toBe(200);
    expect((await del.json()).status).toBe('unpublished');
    expect((await s.api(`/api/v1/posts/${b.id}`)).status).toBe(404);
    expect((await s.api(`/api/v1/posts/${b.id}`, { as: 'editor' })).status).toBe(200);
    expect((await (await s.api('/api/v1/pages/live')).json()).pinnedPostId).toBeNull();
    expect(await visibleTitles()).not.toContain('Pin B');
  });

  it('the event log is gap-free and matches the page seq', async () => {
    const seqs = await eventSeqs();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await (await s.api('/api/v1/pages/live')).json()).seq).toBe(seqs.length);
  });

  it('concurrent publishes each get their own seq', async () => {
    const before = (await eventSeqs()).length;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => create(aPost(`Burst ${i}`))));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const seqs = (await Promise.all(results.map((r) => r.json()))).map((p) => p.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => before + i + 1));
  });

  it('lists published posts newest first, 20 a page', async () => {
    for (const t of ['Late 1', 'Late 2', 'Late 3', 'Latest']) await create(aPost(t));
    const res = await (await s.api('/api/v1/pages/live/posts')).json();
    expect(res.posts.length).toBe(20);
    expect(res.posts[0].title).toBe('Latest');
    expect(res.total).toBe(22);
    const times = res.posts.map((p: { publishedAt: string }) => p.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = await (await s.api('/api/v1/pages/live/posts?page=2')).json();
    expect(page2).toMatchObject({ page: 2, pageCount: 2 });
    expect(page2.posts.length).toBe(2);
    expect((await s.api('/api/v1/pages/live/posts?page=zero')).status).toBe(400);
  });
});
