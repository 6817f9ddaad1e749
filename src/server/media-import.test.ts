/**
 * External image addresses become our images (issue 10, item 4): a post naming pictures on
 * another host is published at once, before that host has even answered; the server then
 * imports them in the background and swaps them in with an ordinary post.updated event, so
 * the reader page, the stream and the feeds show our /media/ URLs. A failing host leaves the
 * address and the desk sees why; a journalist's edit in between is never overwritten.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { importPage } from '../commands/importPage.js';
import { exportDocumentSchema } from '../domain/export.js';
import { startImageHost, type ImageHost } from '../test/image-host.js';
import { smallImage } from '../test/images.js';
import { eventually } from '../test/media.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

const MEDIA_SRC = /^\/media\/[0-9a-f]{32}\/\d+\.jpg$/;
const quick = { baseDelayMs: 20, maxDelayMs: 50, pollMs: 100 };

describeEachStore('background import of external images', (kind) => {
  let host: ImageHost;
  let s: TestServer; // 127.0.0.1 stands in for a public host
  let strict: TestServer; // the default policy: loopback refused
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  let n = 0;
  beforeAll(async () => {
    const photo = await smallImage('jpeg', 1600, 900);
    const jpeg = () => ({ headers: { 'content-type': 'image/jpeg' }, body: photo });
    host = await startImageHost({
      '/a.jpg': async () => (await gate, jpeg()),
      '/b.jpg': async () => (await gate, jpeg()),
      '/c.jpg': async () => (await gate, jpeg()),
      '/broken.jpg': () => ({ status: 503, body: 'down' }),
    });
    s = await startTestServer(kind, { media: { isAllowedAddress: (a) => a === '127.0.0.1' }, mediaImports: quick });
    strict = await startTestServer(kind, { mediaImports: quick });
  }, 60_000);
  afterAll(async () => {
    release();
    await Promise.all([s?.close(), strict?.close()]);
    await host?.close();
  });
  beforeEach(() => {
    gate = new Promise((ok) => (release = ok));
  });

  const image = (src: string) => ({ type: 'image', src, alt: 'A street', caption: 'Seen today' });
  async function newPage(server: TestServer, extra: Record<string, unknown> = {}): Promise<string> {
    const slug = `imp-${kind}-${++n}`;
    expect((await server.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { slug, title: 'Imports', ...extra } })).status).toBe(201);
    return slug;
  }
  const post = async (server: TestServer, id: string) => (await (await server.api(`/api/v1/posts/${id}`)).json()) as { version: number; body: Array<{ type: string; src: string; width?: number; mediaId?: string }> };
  const imports = async (server: TestServer, slug: string) =>
    ((await (await server.api(`/api/v1/pages/${slug}/media-imports`, { as: 'contributor' })).json()) as { imports: Array<{ src: string; status: string; error: string | null; attempts: number }> }).imports;

  it('publishes at once, then swaps in our copies: page, stream and feeds show /media/ URLs', async () => {
    const slug = await newPage(s);
    const srcs = ['/a.jpg', '/b.jpg', '/c.jpg'].map((p) => host.url + p);
    const started = Date.now();
    const res = await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: 'Pictures', body: [{ type: 'paragraph', text: 'Three.' }, ...srcs.map(image)] } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; seq: number };
    // Answered while the host still holds every request: publishing did not wait for it.
    await eventually(() => host.hits.filter((h) => h !== '/broken.jpg').length >= 1, 10_000);
    expect((await imports(s, slug)).map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
    expect((await post(s, created.id)).body.slice(1).map((b) => b.src)).toEqual(srcs);
    expect(Date.now() - started).toBeLessThan(30_000);

    const stream = await openSse(`${s.url}/live/${slug}/events`, { 'last-event-id': String(created.seq) });
    release();
    await eventually(async () => (await imports(s, slug)).every((i) => i.status === 'done'));
    const swapped = await post(s, created.id);
    for (const b of swapped.body.slice(1)) {
      expect(b.src).toMatch(MEDIA_SRC);
      expect(b).toMatchObject({ width: 1600, height: 900, mediaId: expect.any(String) });
    }
    // One ordinary post.updated per picture, each with the post's article as readers see it.
    const events = await stream.waitFor(3, 20_000);
    stream.close();
    expect(events.map((e) => e.event)).toEqual(['post.updated', 'post.updated', 'post.updated']);
    expect(String(events[2]!.data.html)).toContain('<picture');
    expect(String(events[2]!.data.html)).not.toContain(host.url);

    const html = await (await s.api(`/live/${slug}`)).text();
    expect(html).not.toContain(host.url);
    expect(html.match(/<picture/g)?.length).toBe(3);
    const feed = await (await s.api(`/live/${slug}/feed.atom`)).text();
    expect(feed).not.toContain(host.url);
    expect(feed).toMatch(/http:\/\/livepage\.test\/media\/[0-9a-f]{32}\/\d+\.jpg/);
  }, 60_000);

  it('never overwrites a journalist\'s edit made before the picture arrived', async () => {
    const slug = await newPage(s);
    const created = (await (await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: 'T', body: [image(`${host.url}/a.jpg`)] } })).json()) as { id: string; version: number };
    const edited = await s.api(`/api/v1/posts/${created.id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': `"${created.version}"` }, json: { body: [{ type: 'paragraph', text: 'No picture after all.' }] } });
    expect(edited.status).toBe(200);
    const version = ((await edited.json()) as { version: number }).version;
    release();
    await eventually(async () => (await imports(s, slug))[0]?.status === 'done');
    expect((await imports(s, slug))[0]!.error).toMatch(/no longer there/);
    const now = await post(s, created.id);
    expect(now.version).toBe(version);
    expect(now.body).toEqual([{ type: 'paragraph', text: 'No picture after all.' }]);
  }, 60_000);

  it('keeps the address of a picture that cannot be fetched, and says why', async () => {
    const slug = await newPage(s);
    const src = `${host.url}/broken.jpg`;
    const created = (await (await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: 'T', body: [image(src)] } })).json()) as { id: string };
    await eventually(async () => (await imports(s, slug))[0]?.status === 'failed');
    const [job] = await imports(s, slug);
    expect(job).toMatchObject({ src, attempts: 5, error: expect.stringMatching(/^fetch_failed: .*503/) });
    expect((await post(s, created.id)).body[0]!.src).toBe(src);
    expect(await (await s.api(`/live/${slug}`)).text()).toContain(`src="${src}"`);
  }, 60_000);

  it('refuses private addresses when they are not allowed (no retries)', async () => {
    const slug = await newPage(strict, { featuredMedia: { type: 'image', src: `${host.url}/a.jpg`, alt: 'A street' } });
    await strict.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: { title: 'T', body: [image(`${host.url}/b.jpg`)] } });
    release();
    await eventually(async () => (await imports(strict, slug)).length === 2 && (await imports(strict, slug)).every((i) => i.status === 'failed'));
    for (const job of await imports(strict, slug)) expect(job).toMatchObject({ attempts: 1, error: expect.stringMatching(/^private_address/) });
  }, 60_000);

  it('imports the external pictures of an imported page, featured media included', async () => {
    const slug = `imp-${kind}-import`;
    const doc = exportDocumentSchema.parse({
      page: { slug, title: 'Imported', featuredMedia: { type: 'image', src: `${host.url}/c.jpg`, alt: 'A square' } },
      posts: [{ title: 'Old', status: 'published', publishedAt: '2025-01-01T10:00:00Z', body: [image(`${host.url}/a.jpg`)] }],
    });
    await importPage(s.ctx, doc, null); // as the CLI does, in its own context: the server's worker finds the jobs
    release();
    await eventually(async () => (await imports(s, slug)).length === 2 && (await imports(s, slug)).every((i) => i.status === 'done'));
    const page = (await (await s.api(`/api/v1/pages/${slug}`)).json()) as { featuredMedia: { src: string; width: number } };
    expect(page.featuredMedia.src).toMatch(/\/media\/[0-9a-f]{32}\/\d+\.jpg$/);
    const html = await (await s.api(`/live/${slug}`)).text();
    expect(html).not.toContain(host.url);
    expect(html).toContain('fetchpriority="high"');
  }, 60_000);
});
