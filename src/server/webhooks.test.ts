/**
 * Webhooks and the purge hook against a real server and real HTTP receivers: signed
 * deliveries, retries recorded in the log, slow targets, restarts, URL checks, roles.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import { importPage } from '../commands/importPage.js';
import { createToken } from '../commands/tokens.js';
import { exportDocumentSchema } from '../domain/export.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startReceiver, type Receiver } from '../test/receiver.js';
import { PUBLIC_URL } from '../test/server.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { WebhookWorkerOptions } from './webhook-worker.js';
import { webhookOutbox } from '../commands/webhooks.js';

/** Quick retries so that tests wait for conditions, not for the production backoff. */
const QUICK: Partial<WebhookWorkerOptions> = { baseDelayMs: 50, maxDelayMs: 200, pollMs: 50 };
const SECRET = 'correct-horse-battery-staple';

type Who = 'admin' | 'editor' | 'contributor';

interface Running {
  url: string;
  app: FastifyInstance;
  api(path: string, init?: RequestInit & { as?: Who; json?: unknown }): Promise<Response>;
}

describeEachStore('webhooks', (kind) => {
  let test: TestStore;
  let tokens: Record<Who, string>;
  const open: { close(): Promise<unknown> }[] = [];
  let n = 0;

  beforeAll(async () => {
    test = await openTestStore(kind);
    const ctx = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
    tokens = {} as Record<Who, string>;
    for (const role of ['admin', 'editor', 'contributor'] as const) {
      await addUser(ctx, { email: `${role}@example.test`, name: role, role, password: 'correct horse battery' });
      tokens[role] = (await createToken(ctx, `${role}@example.test`)).token;
    }
  });
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
    await test.store.write((db) => db.deleteFrom('webhooks').execute()); // each test counts only its own targets
  });
  afterAll(() => test.dispose());

  /** A server on the shared store; several may run one after another (a restart). */
  async function start(webhooks: Partial<WebhookWorkerOptions> = QUICK, purgeUrl?: string): Promise<Running> {
    const config = { port: 0, host: '127.0.0.1', dataDir: test.dataDir, databaseUrl: test.databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent', purgeUrl };
    const app = await buildApp({ store: test.store, config, logger: false, webhooks });
    await app.listen({ port: 0, host: '127.0.0.1' });
    open.push(app);
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    return {
      url,
      app,
      api(path, { as, json, ...init } = {}) {
        const headers = new Headers(init.headers);
        if (as) headers.set('authorization', `Bearer ${tokens[as]}`);
        if (json !== undefined) headers.set('content-type', 'application/json');
        return fetch(url + path, { ...init, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
      },
    };
  }

  async function receiver(respond?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
    const r = await startReceiver(respond);
    open.push(r);
    return r;
  }

  async function newPage(s: Running): Promise<string> {
    const slug = `hooks-${++n}`;
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(slug) })).status).toBe(201);
    return slug;
  }

  async function addWebhook(s: Running, url: string, events = ['post.published']): Promise<{ id: string }> {
    const res = await s.api('/api/v1/webhooks', { method: 'POST', as: 'admin', json: { url, events, secret: SECRET } });
    expect(res.status).toBe(201);
    return res.json();
  }

  async function publish(s: Running, slug: string, title: string): Promise<{ id: string; seq: number }> {
    const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost(title) });
    expect(res.status).toBe(201);
    return res.json();
  }

  const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

  it('a receiver that fails the first delivery gets every post, signed, in order; the log shows the failure and the retry', async () => {
    const s = await start();
    const hook = await receiver((i) => (i === 0 ? 500 : 200));
    const webhook = await addWebhook(s, hook.url);
    expect(webhook).not.toHaveProperty('secret');
    const slug = await newPage(s);
    const posts = [];
    for (const title of ['First <b>post</b>', 'Second post', 'Third post']) posts.push(await publish(s, slug, title));

    await hook.waitFor((r) => r.accepted().length === 3, 15_000, 'three deliveries');
    const bodies = hook.accepted().map((q) => {
      expect(q.headers['x-livepage-signature']).toBe(sign(q.body));
      expect(q.headers['content-type']).toBe('application/json');
      expect(q.headers['x-livepage-event']).toBe('post.published');
      return JSON.parse(q.body);
    });
    expect(bodies.map((b) => b.seq)).toEqual(posts.map((p) => p.seq));
    for (const [i, b] of bodies.entries()) {
      expect(Object.keys(b).sort()).toEqual(['data', 'page', 'seq', 'type']);
      expect(b).toMatchObject({ type: 'post.published', page: slug, data: { id: posts[i]!.id, status: 'published', url: `${PUBLIC_URL}/live/${slug}/posts/${posts[i]!.id}` } });
      expect(b.data).not.toHaveProperty('authorId');
    }
    expect(bodies[0].data.title).toBe('First <b>post</b>');
    // The retry is the same delivery, byte for byte: receivers can drop duplicates by its id.
    expect(hook.requests[0]!.body).toBe(hook.requests[1]!.body);
    expect(hook.requests[0]!.headers['x-livepage-delivery']).toBe(hook.requests[1]!.headers['x-livepage-delivery']);

    const log = await (await s.api(`/api/v1/webhooks/${webhook.id}/deliveries`, { as: 'admin' })).json();
    expect(log.deliveries.map((d: { seq: number }) => d.seq)).toEqual(posts.map((p) => p.seq).reverse()); // newest first
    const first = log.deliveries.at(-1);
    expect(first).toMatchObject({ type: 'post.published', page: slug, status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
    expect(first.log).toMatchObject([
      { attempt: 1, statusCode: 500, error: expect.stringContaining('500') },
      { attempt: 2, statusCode: 200, error: null },
    ]);
    expect(first.log[1].at >= first.log[0].at).toBe(true);
    expect(typeof first.log[0].durationMs).toBe('number');
    for (const d of log.deliveries.slice(0, 2)) expect(d).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('a post published pinned is sent as pinned, and as unpinned when an edit unpins it', async () => {
    const s = await start();
    const hook = await receiver();
    await addWebhook(s, hook.url, ['post.published', 'post.updated']);
    const slug = await newPage(s);
    const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost('Read this first', { pinned: true }) });
    expect(res.status).toBe(201);
    const post = await res.json();
    expect(post.pinned).toBe(true);
    await hook.waitFor((r) => r.accepted().length === 1, 10_000, 'the published post');
    expect(JSON.parse(hook.accepted()[0]!.body).data).toMatchObject({ id: post.id, pinned: true });
    const unpin = await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: 'editor', json: { pinned: false, title: 'Read this, no longer pinned' }, headers: { 'if-match': `"${post.version}"` } });
    expect(unpin.status).toBe(200);
    await hook.waitFor((r) => r.accepted().length === 2, 10_000, 'the update');
    expect(JSON.parse(hook.accepted()[1]!.body)).toMatchObject({ type: 'post.updated', data: { id: post.id, pinned: false } });
  });

  it('only http(s) targets, known event types, a secret of sensible length and no unknown fields are accepted', async () => {
    const s = await start();
    const post = (json: unknown) => s.api('/api/v1/webhooks', { method: 'POST', as: 'admin', json });
    // Port 9 (discard) on loopback: nothing listens, so nothing ever leaves this machine.
    const ok = { url: 'https://127.0.0.1:9/livepage', events: ['post.published'], secret: SECRET };
    const withPassword = 'http://user:s3cret-pw@127.0.0.1:9/x';
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hi', 'ftp://example.org/x', 'not a url', '//example.org/x', withPassword, 'https://token@127.0.0.1:9/x']) {
      const res = await post({ ...ok, url });
      expect(res.status, url).toBe(400);
      expect((await res.json()).error).toMatchObject({ field: 'url' });
    }
    const bad: [unknown, string][] = [
      [{ ...ok, events: [] }, 'events'],
      [{ ...ok, events: ['post.deleted'] }, 'events.0'],
      [{ ...ok, events: 'post.published' }, 'events'],
      [{ ...ok, secret: 'abc' }, 'secret'],
      [{ ...ok, secret: 'x'.repeat(257) }, 'secret'],
      [{ ...ok, admin: true }, 'admin'],
      [{ url: ok.url, events: ok.events }, 'secret'],
    ];
    for (const [json, field] of bad) {
      const res = await post(json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect((await s.api('/api/v1/webhooks', { as: 'admin' })).status).toBe(200);
    expect((await (await s.api('/api/v1/webhooks', { as: 'admin' })).json()).webhooks).toEqual([]);

    const created = await (await post(ok)).json();
    const listed = await (await s.api('/api/v1/webhooks', { as: 'admin' })).json();
    expect(listed.webhooks).toEqual([created]);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect((await s.api(`/api/v1/webhooks/${created.id}`, { method: 'PATCH', as: 'admin', json: { url: 'file:///x' } })).status).toBe(400);
    const patched = await s.api(`/api/v1/webhooks/${created.id}`, { method: 'PATCH', as: 'admin', json: { url: withPassword } });
    expect(patched.status).toBe(400);
    expect((await patched.json()).error).toMatchObject({ field: 'url' });
    expect((await s.api('/api/v1/webhooks/../users/deliveries', { as: 'admin' })).status).toBe(404);
    expect((await s.api('/api/v1/webhooks/00000000-0000-0000-0000-000000000000/deliveries', { as: 'admin' })).status).toBe(404);
  });

  it('a target that hangs neither delays publishing nor the other targets, and is timed out and retried', async () => {
    const s = await start({ ...QUICK, timeoutMs: 3000 });
    const slow = await receiver((i) => (i === 0 ? 'hang' : 200));
    const fast = await receiver();
    const slowHook = await addWebhook(s, slow.url);
    await addWebhook(s, fast.url);
    const slug = await newPage(s);
    const took: number[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      const t0 = performance.now();
      await publish(s, slug, title);
      took.push(performance.now() - t0);
    }
    await fast.waitFor((r) => r.accepted().length === 3, 10_000, 'the fast target');
    // The slow target was sent the first post and is still holding it: publishing went on regardless.
    expect(slow.requests.map((q) => q.answer)).toEqual(['hang']);
    expect(Math.max(...took)).toBeLessThan(1500); // waiting for the hanging target would take 3 s or more

    await slow.waitFor((r) => r.accepted().length === 3, 15_000, 'the slow target after its timeout');
    expect(slow.accepted().map((q) => JSON.parse(q.body).data.title)).toEqual(['One', 'Two', 'Three']);
    const log = await (await s.api(`/api/v1/webhooks/${slowHook.id}/deliveries`, { as: 'admin' })).json();
    expect(log.deliveries.at(-1).log[0]).toMatchObject({ attempt: 1, statusCode: null, error: expect.stringMatching(/^timeout/) });
    expect(log.deliveries.at(-1).log[0].durationMs).toBeGreaterThanOrEqual(2900);
  });

  it('deliveries wait in the store across a restart and arrive once the server is back', async () => {
    let down = true;
    const hook = await receiver(() => (down ? 503 : 200));
    const first = await start();
    const webhook = await addWebhook(first, hook.url, ['post.published', 'page.updated']);
    const slug = await newPage(first);
    await publish(first, slug, 'Before the restart');
    await publish(first, slug, 'Also before');
    expect((await first.api(`/api/v1/pages/${slug}`, { method: 'PATCH', as: 'editor', json: { title: 'Renamed' } })).status).toBe(200);
    await hook.waitFor((r) => r.requests.length >= 2, 10_000, 'failed attempts');
    await first.app.close();
    const pending = await test.store.db.selectFrom('webhook_deliveries').select(['status', 'event_type']).where('webhook_id', '=', webhook.id).execute();
    expect(pending).toHaveLength(3);
    expect(pending.every((d) => d.status === 'pending')).toBe(true);

    down = false;
    const failedBefore = hook.requests.length;
    await start();
    await hook.waitFor((r) => r.accepted().length === 3, 15_000, 'deliveries after the restart');
    expect(hook.requests.length).toBe(failedBefore + 3);
    const bodies = hook.accepted().map((q) => JSON.parse(q.body));
    expect(bodies.map((b) => b.type)).toEqual(['post.published', 'post.published', 'page.updated']);
    expect(bodies.map((b) => b.seq)).toEqual([...bodies.map((b) => b.seq)].sort((a, b) => a - b));
    expect(bodies[2].data).toMatchObject({ fields: ['title'], page: { slug, title: 'Renamed' } });
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    const s = await start({ ...QUICK, maxAttempts: 3 });
    const hook = await receiver(() => 500);
    const webhook = await addWebhook(s, hook.url);
    const slug = await newPage(s);
    await publish(s, slug, 'Never accepted');
    await hook.waitFor((r) => r.requests.length === 3, 10_000, 'three attempts');
    let log: { deliveries: { status: string; attempts: number; log: unknown[] }[] } = { deliveries: [] };
    for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      log = await (await s.api(`/api/v1/webhooks/${webhook.id}/deliveries`, { as: 'admin' })).json();
      if (log.deliveries[0]?.status === 'failed') break;
    }
    expect(log.deliveries[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500, nextAttemptAt: null });
    expect(log.deliveries[0]!.log).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 400)); // well past the longest backoff: no fourth try
    expect(hook.requests).toHaveLength(3);
  });

  it('a switched-off or deleted webhook receives nothing more', async () => {
    const s = await start();
    const hook = await receiver();
    const webhook = await addWebhook(s, hook.url);
    const slug = await newPage(s);
    expect((await s.api(`/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', as: 'admin', json: { active: false } })).status).toBe(200);
    await publish(s, slug, 'While off');
    expect((await s.api(`/api/v1/webhooks/${webhook.id}`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect((await s.api(`/api/v1/webhooks/${webhook.id}/deliveries`, { as: 'admin' })).status).toBe(404);
    const other = await receiver();
    await addWebhook(s, other.url);
    await publish(s, slug, 'After');
    await other.waitFor((r) => r.accepted().length === 1);
    expect(hook.requests).toHaveLength(0);
  });

  it('the purge hook is told the paths a change made stale, bursts in one request', async () => {
    let down = false;
    const cdn = await receiver(() => (down ? 503 : 200));
    const s = await start({ ...QUICK, maxAttempts: 1000 }, `${cdn.url}?token=purge-token`); // must not give up while held down
    const slug = await newPage(s);
    await publish(s, slug, 'One');
    await cdn.waitFor((r) => r.accepted().length === 1, 10_000, 'a purge');
    const { paths } = JSON.parse(cdn.accepted()[0]!.body);
    expect(cdn.accepted()[0]!.headers['x-livepage-event']).toBe('purge');
    expect(paths).toEqual([`/live/${slug}`, `/live/${slug}/feed.atom`, `/live/${slug}/feed.rss`, `/live/${slug}/feed.json`, `/live/${slug}/updates`, `/live/${slug}/embed`, '/', '/sitemap.xml']);

    // While the CDN is unreachable, changes queue; the next attempt purges them all at once.
    down = true;
    for (let i = 0; i < 24; i++) await publish(s, slug, `Burst ${i}`);
    // Two failed attempts after the burst: the second was claimed after the first failed, so
    // after every post of the burst was queued (on a slow machine the first may have been
    // claimed mid-burst and would otherwise reach the CDN once it is back, a partial purge).
    const after = cdn.requests.length;
    await cdn.waitFor((r) => r.requests.length >= after + 2, 10_000, 'failed purges');
    down = false;
    await cdn.waitFor((r) => r.accepted().length === 2, 10_000, 'the coalesced purge');
    await new Promise((r) => setTimeout(r, 300));
    expect(cdn.accepted()).toHaveLength(2); // 24 posts, one purge
    expect(JSON.parse(cdn.accepted()[1]!.body).paths).toEqual(expect.arrayContaining([`/live/${slug}`, `/live/${slug}?page=2`, '/sitemap.xml']));

    // An edit of a post on page 2 changes page 1 too: making it a key event puts it in the
    // "Key events" list that every page shows.
    const oldest = (await (await s.api(`/api/v1/pages/${slug}/posts?page=2`)).json()).posts.at(-1);
    const edit = await s.api(`/api/v1/posts/${oldest.id}`, { method: 'PATCH', as: 'editor', json: { keyEvent: true }, headers: { 'if-match': `"${oldest.version}"` } });
    expect(edit.status).toBe(200);
    await cdn.waitFor((r) => r.accepted().length === 3, 10_000, 'the purge for an edit');
    const edited = JSON.parse(cdn.accepted()[2]!.body).paths as string[];
    expect(edited).toEqual(expect.arrayContaining([`/live/${slug}`, `/live/${slug}?page=2`, `/live/${slug}/feed.atom`]));
    expect(edited).not.toContain(`/live/${slug}?page=3`); // 25 posts: two pages
    // Page 1 now links the oldest post (on page 2) in its key events: a cached copy is stale.
    expect(await (await s.api(`/live/${slug}`)).text()).toContain(`href="/live/${slug}/posts/${oldest.id}"`);

    // Its log is readable by admins; it is not one of the API's webhooks.
    const log = await (await s.api('/api/v1/webhooks/purge/deliveries', { as: 'admin' })).json();
    expect(log.deliveries.length).toBeGreaterThanOrEqual(26);
    expect(log.webhook).toMatchObject({ kind: 'purge', url: `${cdn.url}?…` });
    expect(JSON.stringify(log)).not.toContain('purge-token');
    expect((await (await s.api('/api/v1/webhooks', { as: 'admin' })).json()).webhooks).toEqual([]);
    expect((await s.api('/api/v1/webhooks/purge', { method: 'DELETE', as: 'admin' })).status).toBe(404);
  });

  it('an imported page is not news: webhooks are not sent its history, the CDN is told in one purge', async () => {
    const cdn = await receiver();
    const s = await start(QUICK, cdn.url);
    const hook = await receiver();
    await addWebhook(s, hook.url, ['post.published', 'page.updated', 'page.ended']);
    const slug = `imported-${++n}`;
    const posts = Array.from({ length: 30 }, (_, i) => aPost(`Archived ${i}`, { publishedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), pinned: i === 3 }));
    const ctx = { store: test.store, publicUrl: PUBLIC_URL, outbox: [webhookOutbox(PUBLIC_URL)], now: () => new Date() };
    const { page } = await importPage(ctx, exportDocumentSchema.parse({ page: aPage(slug), posts }), null);
    await publish(s, slug, 'After the move');

    // Deliveries go out in order: had the import queued any, they would arrive before this one.
    await hook.waitFor((r) => r.accepted().length >= 1, 15_000, 'the post after the import');
    expect(hook.requests.map((q) => JSON.parse(q.body).data.title)).toEqual(['After the move']);
    // One purge or two (the worker may send the import's and the new post's together).
    const purged = () => cdn.accepted().flatMap((q) => JSON.parse(q.body).paths as string[]);
    await cdn.waitFor(() => purged().includes(`/live/${slug}?page=2`), 15_000, 'a purge of the imported page');
    expect(purged()).toEqual(expect.arrayContaining([`/live/${slug}`, `/live/${slug}/feed.atom`]));
    const queued = (target: 'purge' | 'webhook') =>
      test.store.db
        .selectFrom('webhook_deliveries')
        .select('event_type')
        .where('page_id', '=', page.id)
        .where('webhook_id', target === 'purge' ? '=' : '!=', 'purge')
        .orderBy('seq')
        .execute()
        .then((rows) => rows.map((r) => r.event_type));
    // The import's 30 posts and its pin: one purge for each kind of event; then the new post.
    expect(await queued('purge')).toEqual(['post.published', 'page.updated', 'post.published']);
    expect(await queued('webhook')).toEqual(['post.published']);
  });

  it('reading webhooks and their logs is for admins only', async () => {
    const s = await start();
    const webhook = await addWebhook(s, 'http://127.0.0.1:9/x');
    for (const path of ['/api/v1/webhooks', `/api/v1/webhooks/${webhook.id}/deliveries`]) {
      expect((await s.api(path)).status, path).toBe(401);
      expect((await s.api(path, { as: 'contributor' })).status, path).toBe(403);
      expect((await s.api(path, { as: 'editor' })).status, path).toBe(403);
      expect((await s.api(path, { as: 'admin' })).status, path).toBe(200);
    }
  });
});

describe('LIVEPAGE_PURGE_URL', () => {
  it('is optional, and only an http(s) URL', () => {
    expect(loadConfig({}).purgeUrl).toBeUndefined();
    expect(loadConfig({ LIVEPAGE_PURGE_URL: '' }).purgeUrl).toBeUndefined();
    expect(loadConfig({ LIVEPAGE_PURGE_URL: 'https://purger.internal/livepage?token=abc' }).purgeUrl).toBe('https://purger.internal/livepage?token=abc');
    expect(() => loadConfig({ LIVEPAGE_PURGE_URL: 'file:///tmp/purge' })).toThrow(/LIVEPAGE_PURGE_URL/);
  });

  it('refuses a user name or password (every purge would fail), without repeating it', () => {
    for (const url of ['https://purge:s3cret-pw@purger.internal/livepage', 'https://s3cret-pw@purger.internal/livepage']) {
      expect(() => loadConfig({ LIVEPAGE_PURGE_URL: url })).toThrow(/LIVEPAGE_PURGE_URL.*password/);
      expect(() => loadConfig({ LIVEPAGE_PURGE_URL: url })).not.toThrow(/s3cret/);
    }
  });
});
