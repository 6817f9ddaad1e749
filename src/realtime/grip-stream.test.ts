/**
 * What a node publishes to its GRIP proxy, seen by a local HTTP server standing in for the
 * proxy's publish endpoint: every event of a commit, chained by prev-id, so the proxy never
 * mistakes a commit of several events for a gap (each held stream would then recover).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { signGripSig } from './grip.js';

interface Item {
  channel: string;
  id: string;
  'prev-id': string;
  formats: { 'http-stream': { content: string } };
}

const KEY = 'grip-stream-test-key';

describeEachStore('publishing to a GRIP proxy', (kind) => {
  let s: TestServer;
  let proxy: http.Server;
  const published: Item[][] = [];

  beforeAll(async () => {
    proxy = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/publish/') published.push((JSON.parse(body) as { items: Item[] }).items);
        res.end('Published\n');
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const { port } = proxy.address() as AddressInfo;
    s = await startTestServer(kind, { config: { grip: { url: `http://127.0.0.1:${port}/`, key: KEY } } });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('gripped') });
  });
  afterAll(async () => {
    await s.close();
    await new Promise((r) => proxy.close(r));
  });

  const waitForPublishes = async (n: number) => {
    for (const deadline = Date.now() + 5000; published.length < n; ) {
      if (Date.now() > deadline) throw new Error(`${published.length} of ${n} publishes arrived`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100)); // a publish too many would be here by now
    return published.splice(0);
  };

  it('publishes each commit once with all its events, chained by prev-id from the seq before', async () => {
    const page = (await (await s.api('/api/v1/pages/gripped')).json()) as { id: string; seq: number };
    const post = (await (await s.api('/api/v1/pages/gripped/posts', { method: 'POST', as: 'editor', json: aPost('One event') })).json()) as { seq: number };
    expect(post.seq).toBe(page.seq + 1);
    const [one] = await waitForPublishes(1);
    expect(one!.map((i) => [i.channel, i.id, i['prev-id']])).toEqual([[`lp-${page.id}`, String(page.seq + 1), String(page.seq)]]);
    expect(one![0]!.formats['http-stream'].content).toMatch(new RegExp(`^id: ${page.seq + 1}\nevent: post.published\n`));

    // Published and pinned in one save: two events (post.published, page.updated) in one commit.
    const pinned = (await (await s.api('/api/v1/pages/gripped/posts', { method: 'POST', as: 'editor', json: aPost('Two events', { pinned: true }) })).json()) as { seq: number };
    expect(pinned.seq).toBe(page.seq + 3);
    const got = await waitForPublishes(1);
    expect(got).toHaveLength(1);
    expect(got[0]!.map((i) => [i.id, i['prev-id']])).toEqual([
      [String(page.seq + 2), String(page.seq + 1)],
      [String(page.seq + 3), String(page.seq + 2)],
    ]);
    expect(got[0]!.map((i) => /\nevent: ([a-z.]+)\n/.exec(i.formats['http-stream'].content)?.[1])).toEqual(['post.published', 'page.updated']);
  });

  // The fast path takes /events?since=N; any other shape goes to fastify's route. Both hold
  // a request the proxy signed, with its backlog, and both stream an unsigned one directly.
  it.each([
    ['the fast path', (since: number) => `/live/gripped/events?since=${since}`],
    ["fastify's route", (since: number) => `/live/gripped/events?since=${since}&from=proxy`],
  ])('holds a signed stream request for the proxy through %s', async (_, url) => {
    const page = (await (await s.api('/api/v1/pages/gripped')).json()) as { id: string; seq: number };
    const held = await fetch(s.url + url(page.seq - 1), { headers: { 'grip-sig': signGripSig(KEY) } });
    expect(held.status).toBe(200);
    expect(held.headers.get('grip-hold')).toBe('stream');
    expect(held.headers.get('grip-channel')).toBe(`lp-${page.id}; prev-id=${page.seq}`);
    const body = await held.text(); // the proxy's answer ends: the proxy holds the reader
    expect(body).toMatch(new RegExp(`^retry: (1\\d00|2000)\n\nid: ${page.seq}\n`));

    const direct = new AbortController();
    const unsigned = await fetch(s.url + url(page.seq), { headers: { 'grip-sig': signGripSig('not the key') }, signal: direct.signal });
    expect(unsigned.headers.get('grip-hold')).toBeNull();
    expect(unsigned.headers.get('content-type')).toMatch(/^text\/event-stream/);
    direct.abort();
  });
});
