/**
 * Slow clients cannot pin the server's memory or sockets: an anonymous write is refused
 * before its body is read (and the connection closed), and any request must arrive whole
 * within the request timeout, while SSE streams, long-lived responses, are not cut.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

const SOCKETS = 500;
const CHUNKS_PER_SOCKET = 32; // 16 KB each: 512 KB a socket, 250 MB if every body were kept
const MB = 1024 * 1024;
const CLIENTS = fileURLToPath(new URL('../test/trickle-clients.mjs', import.meta.url));

interface Trickled {
  status: string;
  closedAfterMs: number | null;
}
type Request = { method: string; path: string; headers?: Record<string, string> };

/** Runs the slow clients in another process (its memory is not the server's); resolves with each socket's fate. */
function trickle(port: number, requests: Request[], capMs = 10_000): Promise<Trickled[]> {
  const args = JSON.stringify({ port, requests, chunks: CHUNKS_PER_SOCKET, everyMs: 40, capMs });
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [CLIENTS, args], { maxBuffer: 16 * MB }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as Trickled[]))),
  );
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
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    // A write route, one with a post id, and no route at all (a 404 must not read the body either).
    const targets = [['POST', '/api/v1/pages/slow/posts', '401'], ['PATCH', '/api/v1/posts/0190a3c2-0000-7000-8000-000000000001', '401'], ['POST', '/api/v1/nowhere', '404']] as const;
    const results = await trickle(port(), Array.from({ length: SOCKETS }, (_, i) => ({ method: targets[i % 3]![0], path: targets[i % 3]![1] })));
    clearInterval(sample);
    const growthMb = Math.round((peak - before) / MB);
    const closedAfter = results.map((r) => r.closedAfterMs ?? Infinity);
    console.log(JSON.stringify({ kind, sockets: SOCKETS, rss_growth_mb: growthMb, still_open: closedAfter.filter((t) => t === Infinity).length, slowest_close_ms: Math.max(...closedAfter) }));
    expect(closedAfter.filter((t) => t === Infinity).length, 'sockets still open after 10 s').toBe(0);
    expect(Math.max(...closedAfter)).toBeLessThan(8_000); // about 1 s on an idle machine; generous for a loaded one
    // Answered before the body was read; a client still writing may see the close as a reset first.
    results.forEach((r, i) => expect(['', targets[i % 3]![2]]).toContain(r.status));
    expect(results.filter((r) => r.status !== '').length).toBeGreaterThan(SOCKETS / 2);
    expect(growthMb).toBeLessThan(50);
  }, 30_000);

  it('a signed-in client that trickles its body is answered 408 and closed after the request timeout', async () => {
    const [r] = await trickle(port(), [{ method: 'POST', path: '/api/v1/pages/slow/posts', headers: { authorization: `Bearer ${s.tokens.editor}` } }]);
    expect(r!.status).toBe('408');
    expect(r!.closedAfterMs).toBeGreaterThan(1_500);
    expect(r!.closedAfterMs).toBeLessThan(6_000);
  }, 15_000);

  it('headers that never end, or never start, are cut after the headers timeout', async () => {
    const closedAfter = (send: (socket: ReturnType<typeof connect>) => void) => {
      const started = Date.now();
      return new Promise<number>((resolve) => {
        const socket = connect(port(), '127.0.0.1', () => send(socket));
        socket.on('error', () => {});
        socket.on('close', () => resolve(Date.now() - started));
      });
    };
    const dripping = closedAfter((socket) => {
      socket.write('POST /api/v1/pages HTTP/1.1\r\nhost: x\r\n');
      const drip = setInterval(() => (socket.writable ? socket.write('x-slow: 1\r\n') : clearInterval(drip)), 100);
      socket.on('close', () => clearInterval(drip));
    });
    const silent = closedAfter(() => {});
    for (const ms of await Promise.all([dripping, silent])) expect(ms).toBeLessThan(5_000);
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
