/** Idempotency-Key on POST /api/v1/pages/{slug}/posts and POST /api/v1/pages: a retried request creates one thing. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('idempotent post creation', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('once') })).status).toBe(201);
  });
  afterAll(() => s.close());

  const create = (key: string | undefined, body: unknown, as: 'editor' | 'contributor' | 'admin' = 'editor', slug = 'once') =>
    s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as, json: body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const postCount = async () =>
    (await s.test.store.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const seqOf = async () => (await (await s.api('/api/v1/pages/once')).json()).seq as number;

  it('a repeat with the same key answers the first response and creates nothing', async () => {
    const before = await postCount();
    const first = await create('3f1c7a52-publish-1', aPost('Bridge closed'));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const body = await first.json();
    const seq = await seqOf();
    const again = await create('3f1c7a52-publish-1', aPost('Bridge closed'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await again.json()).toEqual(body);
    expect(Number(await postCount())).toBe(Number(before) + 1);
    expect(await seqOf()).toBe(seq); // no second event for readers either
    const page = await (await s.api('/api/v1/pages/once/posts')).json();
    expect(page.posts.filter((p: { title: string }) => p.title === 'Bridge closed')).toHaveLength(1);
  });

  it('the same key with another body is a 422 and creates nothing', async () => {
    expect((await create('key-reused', aPost('First'))).status).toBe(201);
    const before = await postCount();
    const other = await create('key-reused', aPost('Second'));
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    // …also on another page's posts.
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('twice') })).status).toBe(201);
    expect((await create('key-reused', aPost('First'), 'editor', 'twice')).status).toBe(422);
    expect(await postCount()).toEqual(before);
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(aPost('First')).reverse());
    expect((await create('key-reused', reordered)).status).toBe(201);
  });

  it('keys are per person: another person’s same key is independent', async () => {
    const mine = await (await create('shared-key', aPost('Mine'), 'editor')).json();
    const theirs = await create('shared-key', aPost('Mine'), 'contributor');
    expect(theirs.status).toBe(201);
    const body = await theirs.json();
    expect(body.id).not.toBe(mine.id);
    expect(body.status).toBe('submitted');
  });

  it('parallel retries with one key create one post', async () => {
    const before = Number(await postCount());
    const answers = await Promise.all(Array.from({ length: 6 }, () => create('burst-key', aPost('Once only'))));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).id)));
    expect(ids.size).toBe(1);
    expect(Number(await postCount())).toBe(before + 1);
  });

  it('a request that failed leaves its key unused; a bad key is a 400; no key still creates every time', async () => {
    const missing = await create('retry-after-404', aPost('Early'), 'editor', 'not-yet');
    expect(missing.status).toBe(404);
    const forbidden = await create('retry-after-403', aPost('Pinned', { pinned: true, status: 'draft' }));
    expect(forbidden.status).toBeGreaterThanOrEqual(400);
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('not-yet') })).status).toBe(201);
    expect((await create('retry-after-404', aPost('Early'), 'editor', 'not-yet')).status).toBe(201);
    expect((await create('retry-after-403', aPost('Pinned'))).status).toBe(201);

    for (const bad of ['', 'x'.repeat(256), 'tab\there', 'ünïcode']) {
      const res = await s.api('/api/v1/pages/once/posts', { method: 'POST', as: 'editor', json: aPost('Bad key'), headers: { 'idempotency-key': bad } }).catch(() => undefined);
      if (!res) continue; // fetch itself refuses some header values
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_idempotency_key');
    }
    const before = Number(await postCount());
    await create(undefined, aPost('Twice'));
    await create(undefined, aPost('Twice'));
    expect(Number(await postCount())).toBe(before + 2);
  });

  it('a key older than a day may be used afresh', async () => {
    const first = await (await create('yesterday', aPost('Old news'))).json();
    await s.test.store.write((db) =>
      db
        .updateTable('idempotency_keys')
        .set({ created_at: new Date(Date.now() - 25 * 3_600_000).toISOString() })
        .where('key', '=', 'yesterday')
        .execute(),
    );
    const second = await create('yesterday', aPost('New news'));
    expect(second.status).toBe(201);
    expect((await second.json()).id).not.toBe(first.id);
  });
  it('creating a page: a repeat answers the first 201, not a 409 slug_taken; another body is a 422', async () => {
    const make = (body: unknown, key?: string) => s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: body, headers: key ? { 'idempotency-key': key } : {} });
    const first = await make(aPage('flood-watch'), 'page-key-1');
    expect(first.status).toBe(201);
    const again = await make(aPage('flood-watch'), 'page-key-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await make(aPage('flood-watch'))).status).toBe(409); // without a key: the usual conflict
    const other = await make(aPage('other-watch'), 'page-key-1');
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    expect((await s.api('/api/v1/pages/other-watch')).status).toBe(404);
  });
});
