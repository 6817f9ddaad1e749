import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPost } from '../commands/createPost.js';
import { unpublishPost } from '../commands/unpublishPost.js';
import { postCreateSchema } from '../domain/post.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('live updates', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('live') });
  });
  afterAll(() => s.close());

  const events = (since?: number, headers: Record<string, string> = {}) =>
    openSse(`${s.url}/live/live/events${since === undefined ? '' : `?since=${since}`}`, headers);
  const publish = async (title: string, extra: Record<string, unknown> = {}) =>
    (await s.api('/api/v1/pages/live/posts', { method: 'POST', as: 'editor', json: aPost(title, extra) })).json();

  it('streams a publish, an edit, an unpublish and a summary change as typed events with the page html', async () => {
    const seq0 = (await (await s.api('/api/v1/pages/live')).json()).seq;
    const sse = await events(seq0);
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    expect(sse.headers.get('cache-control')).toContain('no-transform');

    const post = await publish('Breaking: **bold** news', { body: [{ type: 'paragraph', text: 'It is **bold**.' }] });
    const [published] = await sse.waitFor(1);
    expect(published).toMatchObject({ id: seq0 + 1, event: 'post.published', data: { id: post.id, seq: seq0 + 1 } });
    const html = published!.data.html as string;
    expect(html).toMatch(new RegExp(`^<article id="post-${post.id}"`));
    expect(html).toContain('<strong>bold</strong>');
    const page = await (await fetch(`${s.url}/live/live`)).text();
    expect(page).toContain(html);

    await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: 'editor', json: { title: 'Corrected title' }, headers: { 'if-match': '"1"' } });
    const [, updated] = await sse.waitFor(2);
    expect(updated!.data.html).toMatch(new RegExp(`^<article id="post-${post.id}"[\\s\\S]*Corrected title`));
    await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'editor' });
    await s.api('/api/v1/pages/live', { method: 'PATCH', as: 'editor', json: { summary: ['A **new** key point'] } });
    const all = await sse.waitFor(4);
    expect(all.map((e) => [e.id, e.event])).toEqual([
      [seq0 + 1, 'post.published'],
      [seq0 + 2, 'post.updated'],
      [seq0 + 3, 'post.unpublished'],
      [seq0 + 4, 'page.updated'],
    ]);
    expect(all[2]!.data).toEqual({ id: post.id, seq: seq0 + 3 });
    expect((all[3]!.data.parts as { summary: string }).summary).toContain('A <strong>new</strong> key point');
    sse.close();

    // Replayed later, a withdrawn post's html is never sent again.
    const replay = await events(seq0);
    const again = await replay.waitFor(4);
    expect(again.map((e) => e.data.html ?? null)).toEqual(['', '', null, null]);
    replay.close();
  });

  it('a reader that was away gets exactly the missed events, in order, then live ones', async () => {
    const seq0 = (await (await s.api('/api/v1/pages/live')).json()).seq;
    const a = await publish('Missed one');
    await publish('Missed two');
    // The header wins over the query: EventSource keeps its first URL when it reconnects.
    const sse = await events(0, { 'last-event-id': String(seq0) });
    await sse.waitFor(2);
    const c = await publish('Live three');
    const got = await sse.waitFor(3);
    expect(got.map((e) => e.id)).toEqual([seq0 + 1, seq0 + 2, seq0 + 3]);
    expect(got[0]!.data.id).toBe(a.id);
    expect(got[2]!.data.id).toBe(c.id);
    sse.close();
  });

  it('an event a poll loaded first still reaches every stream (failover runs lost the last post)', async () => {
    const seq0 = (await (await s.api('/api/v1/pages/live')).json()).seq;
    const sse = await events(seq0);
    // A post committed without telling the hub (commands through s.ctx do not notify): a
    // poll, the GRIP proxy or a resync may load it into the page's feed before the
    // notification comes. The stream's readers must get it all the same, and in order.
    const { post } = await createPost(s.ctx, { id: 'editor', role: 'editor' }, 'live', postCreateSchema.parse(aPost('Seen by a poll first')));
    const polled = await (await fetch(`${s.url}/live/live/updates?since=${seq0}`)).json();
    expect(polled.events.map((e: { id: number }) => e.id)).toEqual([seq0 + 1]);
    expect((await sse.waitFor(1))[0]).toMatchObject({ id: seq0 + 1, data: { id: post.id } });
    const next = await publish('And the next, notified');
    const all = await sse.waitFor(2);
    expect(all.map((e) => [e.id, e.data.id])).toEqual([
      [seq0 + 1, post.id],
      [seq0 + 2, next.id],
    ]);
    sse.close();
  });

  it('a post published and withdrawn in one load reaches live readers without its html', async () => {
    const seq0 = (await (await s.api('/api/v1/pages/live')).json()).seq;
    const sse = await events(seq0);
    // Both committed before the hub hears of either (s.ctx does not notify): one load, in
    // which each event is rendered from the post as it is now.
    const editor = { id: 'editor', role: 'editor' } as const;
    const { post } = await createPost(s.ctx, editor, 'live', postCreateSchema.parse(aPost('Withdrawn at once')));
    await unpublishPost(s.ctx, editor, post.id);
    await publish('Then this one');
    const got = await sse.waitFor(3);
    expect(got.map((e) => [e.id, e.event])).toEqual([
      [seq0 + 1, 'post.published'],
      [seq0 + 2, 'post.unpublished'],
      [seq0 + 3, 'post.published'],
    ]);
    expect(got[0]!.data.html).toBe('');
    sse.close();
  });

  it('HEAD of a stream is its head alone: the connection goes on to the next request', async () => {
    const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.write('HEAD /live/live/events HTTP/1.1\r\nhost: x\r\n\r\nGET /healthz HTTP/1.1\r\nhost: x\r\n\r\n');
    await expect.poll(() => text.split('HTTP/1.1 200').length - 1).toBe(2);
    socket.destroy();
    const [head, next] = text.split(/(?=HTTP\/1\.1 )/);
    expect(head).toMatch(/content-type: text\/event-stream/i);
    expect(head).toMatch(/\r\n\r\n$/); // nothing after the head…
    expect(next).toMatch(/^HTTP\/1\.1 200 /); // …and the next answer is the health check's
  });

  it('?since=0 replays the whole log', async () => {
    const { seq } = await (await s.api('/api/v1/pages/live')).json();
    const sse = await events(0);
    const got = await sse.waitFor(seq);
    expect(got.map((e) => e.id)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    sse.close();
  });

  it('a stream asked for in another URL shape (extra query, HTTP/1.0) gets the same events', async () => {
    const seq0 = (await (await s.api('/api/v1/pages/live')).json()).seq;
    await publish('For every shape');
    const extra = await openSse(`${s.url}/live/live/events?since=${seq0}&utm_source=x`);
    const [e] = await extra.waitFor(1);
    expect(e).toMatchObject({ id: seq0 + 1, event: 'post.published' });
    extra.close();
    // HTTP/1.0 has no chunked bodies: the frames come as they are, until the server closes.
    const { port } = new URL(s.url);
    const raw = connect({ port: Number(port), host: '127.0.0.1' });
    raw.write(`GET /live/live/events?since=${seq0} HTTP/1.0\r\nHost: x\r\n\r\n`);
    let text = '';
    raw.on('data', (d) => (text += d.toString()));
    const arrived = () => {
      const at = text.indexOf(`id: ${seq0 + 1}\n`);
      return at >= 0 && text.indexOf('\n\n', at) >= 0;
    };
    for (let i = 0; i < 200 && !arrived(); i++) await new Promise((r) => setTimeout(r, 50));
    raw.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).not.toMatch(/transfer-encoding/i);
    expect(text).toMatch(new RegExp(`\r\n\r\nretry: (1\\d00|2000)\n\nid: ${seq0 + 1}\nevent: post.published\ndata: \\{"seq":${seq0 + 1},`));
  });

  it('rejects a malformed since and unknown pages', async () => {
    expect((await fetch(`${s.url}/live/live/events?since=abc`)).status).toBe(400);
    expect((await fetch(`${s.url}/live/live/events`, { headers: { 'last-event-id': '-1' } })).status).toBe(400);
    expect((await fetch(`${s.url}/live/nope/events`)).status).toBe(404);
  });

  it('polling: the same JSON for every reader at a seq, cacheable, validated', async () => {
    const { seq } = await (await s.api('/api/v1/pages/live')).json();
    const res = await fetch(`${s.url}/live/live/updates?since=${seq - 2}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
    const body = await res.json();
    expect(body.seq).toBe(seq);
    expect(body.events.map((e: { id: number }) => e.id)).toEqual([seq - 1, seq]);
    expect(body.events[0]).toMatchObject({ type: expect.stringMatching(/^(post|page)\./), data: { seq: seq - 1 } });
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${s.url}/live/live/updates?since=${seq - 2}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const other = await fetch(`${s.url}/live/live/updates?since=${seq - 2}`);
    expect(await other.text()).toBe(JSON.stringify(body));
    const none = await (await fetch(`${s.url}/live/live/updates?since=${seq}`)).json();
    expect(none).toEqual({ seq, events: [] });
    for (const bad of ['', 'x', '-1', '1.5']) expect((await fetch(`${s.url}/live/live/updates?since=${bad}`)).status, bad).toBe(400);
    expect((await fetch(`${s.url}/live/live/updates`)).status).toBe(400);
  });

  it.skipIf(kind !== 'sqlite')('a reader that stops reading is dropped; the others get everything', async () => {
    const { seq } = await (await s.api('/api/v1/pages/live')).json();
    const { port } = new URL(s.url);
    // A reader that connects, then never reads again.
    const stuck = connect({ port: Number(port), host: '127.0.0.1' });
    stuck.write(`GET /live/live/events?since=${seq} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise((r) => stuck.once('data', r));
    stuck.pause();
    const closed = new Promise((r) => stuck.once('close', r));
    const fast = await events(seq);
    const big = { body: Array.from({ length: 90 }, () => ({ type: 'paragraph', text: 'x'.repeat(10_000) })) };
    for (let i = 0; i < 8; i++) await publish(`Big ${i}`, big);
    const got = await fast.waitFor(8, 15_000);
    expect(got.map((e) => e.id)).toEqual(Array.from({ length: 8 }, (_, i) => seq + i + 1));
    stuck.resume(); // drain what the kernel held, then see the server's close
    await closed;
    fast.close();
  }, 30_000);

  it('hundreds of readers each get every post exactly once', async () => {
    const { seq } = await (await s.api('/api/v1/pages/live')).json();
    const readers = await Promise.all(Array.from({ length: 200 }, () => events(seq)));
    for (let i = 0; i < 10; i++) await publish(`Fan-out ${i}`);
    for (const r of readers) {
      const got = await r.waitFor(10);
      expect(got.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => seq + i + 1));
      r.close();
    }
  });
});
