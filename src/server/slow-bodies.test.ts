/**
 * Slow clients cannot pin the server's memory or sockets: an anonymous write is refused
 * before its body is read (and the connection closed), and any request must arrive whole
 * within the request timeout, while SSE streams, long-lived responses, are not cut.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

const SOCKETS = 500;
const CHUNK = Buffer.alloc(16 * 1024, 'a');
const CHUNKS_PER_SOCKET = 32; // 512 KB each: 250 MB if every body were kept
const MB = 1024 * 1024;

/** A client that sends headers announcing a 1 MB JSON body, then trickles it; resolves when the server closes it. */
function trickle(port: number, path: string, headers: Record<string, string>, started: number): Promise<{ closedAfterMs: number; answer: string }> {
  return new Promise((resolve) => {
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(port, '127.0.0.1', () => {
      const head = Object.entries({ host: 'livepage.test', 'content-type': 'application/json', 'content-length': String(MB), ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n{"title":"`);
      timer = setInterval(() => {
        if (sent++ < CHUNKS_PER_SOCKET && socket.writable) socket.write(CHUNK);
      }, 40);
    });
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (answer += d));
    socket.on('error', () => {}); // a reset while we write is one way of being closed
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ closedAfterMs: Date.now() - started, answer });
    });
  });
}

describeEachStore('slow request bodies', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { timeouts: { headersTimeout: 1_000, requestTimeout: 2_000, checkEveryMs: 250 } });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('slow') });
  });
  afterAll(() => s.close());
  const port = () => Number(new URL(s.url).port);

  it(`${SOCKETS} anonymous sockets trickling bodies add little memory and are closed within seconds`, async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = Date.now();
    const cap = new Promise<'open'>((r) => setTimeout(() => r('open'), 10_000).unref());
    const clients = Array.from({ length: SOCKETS }, (_, i) =>
      trickle(port(), i % 2 ? '/api/v1/pages/slow/posts' : `/api/v1/posts/0190a3c2-0000-7000-8000-00000000000${i % 10}`, {}, started),
    );
    const all = await Promise.race([Promise.all(clients), cap]);
    clearInterval(sample);
    const growthMb = Math.round((peak - before) / MB);
    const closed = all === 'open' ? [] : all;
    console.log(JSON.stringify({ kind, sockets: SOCKETS, rss_growth_mb: growthMb, closed: closed.length, slowest_close_ms: Math.max(0, ...closed.map((c) => c.closedAfterMs)) }));
    expect(all, 'every socket closed within 10 s').not.toBe('open');
    expect(closed.every((c) => c.answer.startsWith('HTTP/1.1 401'))).toBe(true);
    expect(Math.max(...closed.map((c) => c.closedAfterMs))).toBeLessThan(5_000);
    expect(growthMb).toBeLessThan(50);
  }, 30_000);

  it('a signed-in client that trickles its body is answered 408 and closed after the request timeout', async () => {
    const started = Date.now();
    const r = await trickle(port(), '/api/v1/pages/slow/posts', { authorization: `Bearer ${s.tokens.editor}` }, started);
    expect(r.answer).toMatch(/^HTTP\/1.1 408/);
    expect(r.closedAfterMs).toBeGreaterThan(1_500);
    expect(r.closedAfterMs).toBeLessThan(6_000);
  }, 15_000);

  it('headers that never end are cut after the headers timeout', async () => {
    const started = Date.now();
    const closedAfterMs = await new Promise<number>((resolve) => {
      const socket = connect(port(), '127.0.0.1', () => socket.write('POST /api/v1/pages HTTP/1.1\r\nhost: x\r\n'));
      const drip = setInterval(() => socket.writable && socket.write('x-slow: 1\r\n'), 100);
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(drip);
        resolve(Date.now() - started);
      });
    });
    expect(closedAfterMs).toBeLessThan(5_000);
  }, 15_000);

  it('an SSE stream outlives the request and headers timeouts and still gets events', async () => {
    const sse = await openSse(`${s.url}/live/slow/events`);
    try {
      expect(sse.status).toBe(200);
      await new Promise((r) => setTimeout(r, 3_500)); // past both timeouts and several checks
      const seq = (await (await s.api('/api/v1/pages/slow', { method: 'PATCH', as: 'editor', json: { title: 'Still live' } })).json()).seq;
      const events = await sse.waitFor(1, 5_000);
      expect(events.at(-1)!.id).toBe(seq);
    } finally {
      sse.close();
    }
  }, 15_000);
});
