/**
 * Embeds end to end over HTTP (issue 11): a post naming an address is published at once;
 * the server resolves it in the background and gives the post its card by an ordinary
 * post.updated; readers, feeds and JSON-LD carry the card's text and link; the provider's
 * markup is served only by the sandboxed frame; a client cannot forge a card; the
 * composer's preview resolves at once and errors say why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeProviders, type FakeProviders } from '../test/embed-providers.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { storedSnapshot } from '../test/snapshot.js';
import { describeEachStore } from '../test/stores.js';

const quick = { baseDelayMs: 20, maxDelayMs: 50, pollMs: 100 };

/** The first defined value `get` gives within `ms`. */
async function eventually<T>(get: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeEachStore('embeds', (kind) => {
  let p: FakeProviders;
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    p = await startFakeProviders();
    s = await startTestServer(kind, { media: { isAllowedAddress: (a) => a === '127.0.0.1' }, embeds: { registry: p.registry, timeoutMs: 1_000, worker: quick } });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await p?.close();
  });

  async function newPage(): Promise<string> {
    const slug = `emb-${kind}-${++n}`;
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { slug, title: 'Embeds' } })).status).toBe(201);
    return slug;
  }
  const publish = async (slug: string, body: unknown[]) => {
    const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: 'Quoted', body } });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; version: number; body: Array<Record<string, unknown>> };
  };
  const getPost = async (id: string) => (await (await s.api(`/api/v1/posts/${id}`)).json()) as { version: number; body: Array<{ type: string; card?: Record<string, unknown>; url?: string }> };

  it('publishes at once, resolves in the background and updates the post: page, feeds and JSON-LD carry the card', async () => {
    const slug = await newPage();
    const url = `${p.x.url}/ministry/status/1`;
    const post = await publish(slug, [{ type: 'embed', url, caption: 'The ministry said' }]);
    expect(post.body[0]!.card).toBeUndefined(); // publishing did not wait on X
    const after = await eventually(async () => {
      const now = await getPost(post.id);
      return now.body[0]!.card ? now : undefined;
    });
    expect(after.version).toBe(2); // an ordinary edit, by the server
    expect(after.body[0]!.card).toMatchObject({ provider: 'X', handle: '@ministry', text: 'Roads closed near the bridge & station.\nAvoid the area.' });
    const frame = after.body[0]!.card!.frame as string;
    expect(frame).toMatch(/^[0-9a-f-]{36}$/);

    const page = await (await fetch(`${s.url}/live/${slug}`)).text();
    expect(page).toContain('Ministry &lt;b>of Roads&lt;/b>'); // the author name as text
    expect(page).toContain('Show X post');
    expect(page).toContain(`data-embed-frame="/embeds/${frame}"`);
    expect(page).not.toContain('twitter-tweet'); // the provider's markup never in our page
    expect(page).not.toContain('widgets.js');
    expect(page).not.toMatch(new RegExp(`(src|srcset)="${p.x.url}`)); // nothing loads from the provider

    // The embed view other sites frame shows the same card.
    const view = await (await fetch(`${s.url}/live/${slug}/embed`)).text();
    expect(view).toContain('Roads closed near the bridge');
    expect(view).toContain('Show X post');

    const feed = await (await fetch(`${s.url}/live/${slug}/feed.json`)).text();
    expect(feed).toContain('Roads closed near the bridge');
    expect(feed).toContain(`${p.x.url}/ministry/status/1`);
    expect(page).toMatch(/"articleBody":"[^"]*Roads closed near the bridge[^"]*ministry\/status\/1/);
  });

  it('the frame: the provider markup under a sandbox CSP (opaque origin) allowing only that provider', async () => {
    const slug = await newPage();
    const post = await publish(slug, [{ type: 'embed', url: `${p.x.url}/ministry/status/1` }]);
    const card = (await eventually(async () => (await getPost(post.id)).body[0]!.card))!;
    const res = await fetch(`${s.url}/embeds/${card.frame as string}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation;/);
    expect(csp).not.toContain('allow-same-origin');
    expect(csp).toMatch(new RegExp(`script-src 'nonce-[^']+' [^;]*${p.x.url.replace(/[.]/g, '\\.')}`));
    expect(csp).not.toContain("'self'");
    const body = await res.text();
    expect(body).toContain('twitter-tweet');
    expect((await fetch(`${s.url}/embeds/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    expect((await fetch(`${s.url}/embeds/..%2F..%2Fetc`)).status).toBe(404);
  });

  it('a card a client sends is never kept: the server\'s (or none) replaces it', async () => {
    const slug = await newPage();
    const forged = { provider: 'X', providerKey: 'x', kind: 'post', url: 'https://example.org/fake', text: 'Forged words' };
    const post = await publish(slug, [{ type: 'embed', url: `${p.news.url}/story`, card: forged }]);
    expect(post.body[0]!.card).toBeUndefined();
    const card = await eventually(async () => (await getPost(post.id)).body[0]!.card);
    expect(card).toMatchObject({ kind: 'link', title: 'Bridge closed after storm' });
    expect((card as { thumbnail?: { src: string } }).thumbnail?.src).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.jpg$/); // our copy
    // Editing the post keeps the server's card, whatever the client sends back.
    const now = await getPost(post.id);
    const res = await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': `"${now.version}"` }, json: { body: [{ type: 'embed', url: `${p.news.url}/story`, card: forged }] } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { body: Array<{ card: unknown }> }).body[0]!.card).toEqual(card);
  });

  it('the composer\'s preview resolves at once; publishing then carries the card without waiting', async () => {
    const slug = await newPage();
    const url = `${p.youtube.url}/watch?v=abcdefghijk`;
    const res = await s.api('/api/v1/embeds/preview', { method: 'POST', as: 'contributor', json: { url, page: slug } });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { status: string; card: Record<string, unknown> };
    expect(preview).toMatchObject({ status: 'done', card: { provider: 'YouTube', kind: 'video', player: 'https://www.youtube-nocookie.com/embed/abcdefghijk' } });
    const post = await publish(slug, [{ type: 'embed', url }]);
    expect(post.body[0]!.card).toEqual(preview.card);
    const page = await (await fetch(`${s.url}/live/${slug}`)).text();
    expect(page).toContain('Play YouTube video');
    expect(page).toContain('data-embed-player="https://www.youtube-nocookie.com/embed/abcdefghijk"');
  });

  it('bad addresses: a clear 4xx and nothing stored', async () => {
    const before = await storedSnapshot(s.test.store.db);
    const cases: Array<[unknown, number, string]> = [
      [{ url: 'javascript:alert(1)' }, 400, 'invalid_input'],
      [{ url: `${p.hostile.url}/malformed/post/1` }, 422, 'embed_malformed'],
      [{ url: `${p.instagram.url}/p/abc` }, 422, 'meta_token_missing'],
      [{ url: `${p.hostile.url}/r1` }, 422, 'fetch_failed'],
      [{ url: `${p.hostile.url}/huge` }, 422, 'embed_unusable'],
    ];
    for (const [json, status, code] of cases) {
      const res = await s.api('/api/v1/embeds/preview', { method: 'POST', as: 'contributor', json });
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await storedSnapshot(s.test.store.db)).toEqual(before);
    expect((await s.api('/api/v1/embeds/preview', { method: 'POST', json: { url: `${p.x.url}/ministry/status/1` } })).status).toBe(401);
  });

  it('a hostile provider: its words are text on the page, its address and markup never in our DOM', async () => {
    const slug = await newPage();
    const post = await publish(slug, [{ type: 'embed', url: `${p.hostile.url}/evil/post/1` }]);
    await eventually(async () => (await getPost(post.id)).body[0]!.card);
    const page = await (await fetch(`${s.url}/live/${slug}`)).text();
    expect(page).toContain('&lt;script>alert(&quot;a&quot;)&lt;/script>Eve');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('onerror=alert(1)>'); // only ever as &lt;img…
  });

  it('a provider that stays down: retried with backoff, then failed, the plain link kept', async () => {
    const slug = await newPage();
    const post = await publish(slug, [{ type: 'embed', url: `${p.hostile.url}/down/post/7` }]);
    const row = await eventually(async () => {
      const r = await s.test.store.db.selectFrom('embeds').selectAll().where('url', '=', `${p.hostile.url}/down/post/7`).executeTakeFirst();
      return r?.status === 'failed' ? r : undefined;
    }, 15_000);
    expect(Number(row.attempts)).toBe(5);
    expect(row.error).toMatch(/^fetch_failed: .*503/);
    expect((await getPost(post.id)).body[0]!.card).toBeUndefined();
    expect(await (await fetch(`${s.url}/live/${slug}`)).text()).toContain(`href="${p.hostile.url}/down/post/7"`);
  });
});
