import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { buildApp } from './app.js';

// Counts inline Markdown parses: the costly step of a post's JSON-LD (and of its HTML).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../domain/inline.js', async (importOriginal) => {
  const inline = await importOriginal<typeof import('../domain/inline.js')>();
  return {
    ...inline,
    parseInline: (...args: Parameters<typeof inline.parseInline>) => {
      parses.count++;
      return inline.parseInline(...args);
    },
  };
});

type Update = { headline: string; url: string; articleBody: string };
const jsonLd = (html: string): { liveBlogUpdate: Update[] } =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);

describeEachStore('reader pages: what a render redoes, and releases', (kind) => {
  let s: TestServer;
  /** The same site after a release: another build id, the same store. */
  let next: FastifyInstance;
  let nextUrl: string;
  const ids: string[] = [];
  const versions = new Map<string, number>();

  beforeAll(async () => {
    s = await startTestServer(kind);
    // No summary: rendering the page itself then parses no inline text.
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm', { summary: [] }) });
    for (let i = 0; i < 6; i++) {
      const body = [1, 2, 3].map((n) => ({ type: 'paragraph', text: `Post ${i}, paragraph ${n}: **winds** of _90mph_, [advice](https://weather.example.org/${n}).` }));
      const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(`Update ${i}`, { body }) });
      const post = await res.json();
      ids.push(post.id);
      versions.set(post.id, post.version);
    }
    const { dataDir, databaseUrl, store } = s.test;
    next = await buildApp({
      store,
      config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent' },
      logger: false,
      buildId: 'next-release',
    });
    await next.listen({ port: 0, host: '127.0.0.1' });
    const address = next.server.address();
    nextUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await next?.close();
    await s?.close();
  });

  const page = async () => (await fetch(`${s.url}/live/storm`)).text();

  it("re-renders a changed page without re-reading unchanged posts' text for its JSON-LD", async () => {
    await page(); // every post's fragment and JSON-LD part made once
    const res = await s.api('/api/v1/pages/storm', { method: 'PATCH', as: 'editor', json: { title: 'Storm: a new title' } });
    expect(res.status).toBe(200);
    parses.count = 0;
    const html = await page();
    expect(html).toContain('<title>Storm: a new title</title>'); // really rendered again
    const ld = jsonLd(html);
    expect(ld.liveBlogUpdate.map((u) => u.headline)).toEqual(['Update 5', 'Update 4', 'Update 3', 'Update 2', 'Update 1', 'Update 0']);
    expect(ld.liveBlogUpdate[0]!.articleBody).toBe('Post 5, paragraph 1: winds of 90mph, advice.\n\nPost 5, paragraph 2: winds of 90mph, advice.\n\nPost 5, paragraph 3: winds of 90mph, advice.');
    expect(parses.count).toBe(0);
  });

  it('an edited post gets new JSON-LD (the cache follows the version), the others are not re-read', async () => {
    const id = ids[2]!;
    const res = await s.api(`/api/v1/posts/${id}`, {
      method: 'PATCH',
      as: 'editor',
      json: { title: 'Update 2, corrected', body: [{ type: 'paragraph', text: 'Winds of **100mph**, not 90.' }] },
      headers: { 'if-match': `"${versions.get(id)}"` },
    });
    expect(res.status).toBe(200);
    parses.count = 0;
    const ld = jsonLd(await page());
    const edited = ld.liveBlogUpdate.find((u) => u.url.endsWith(`#post-${id}`))!;
    expect(edited).toMatchObject({ headline: 'Update 2, corrected', articleBody: 'Winds of 100mph, not 90.' });
    // The edited post's one block, for its HTML and for its JSON-LD; nothing else.
    expect(parses.count).toBe(2);
  });

  it('every cached reader response changes its ETag with a release, the polling answer included', async () => {
    const paths = ['/live/storm', '/live/storm/embed', '/live/storm/feed.atom', '/live/storm/updates?since=0'];
    for (const path of paths) {
      const before = await fetch(s.url + path);
      const after = await fetch(nextUrl + path);
      expect(before.status, path).toBe(200);
      expect(after.status, path).toBe(200);
      const etag = before.headers.get('etag')!;
      expect(after.headers.get('etag'), path).not.toBe(etag);
      // A cache holding the old release's answer must not be told it is still good.
      const revalidated = await fetch(nextUrl + path, { headers: { 'if-none-match': etag } });
      expect(revalidated.status, path).toBe(200);
      const own = await fetch(nextUrl + path, { headers: { 'if-none-match': after.headers.get('etag')! } });
      expect(own.status, path).toBe(304);
    }
  });
});
