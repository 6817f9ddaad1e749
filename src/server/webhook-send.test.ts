import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../test/receiver.js';
import { postOnce, SendTimeout } from './webhook-send.js';
import { describeFailure } from './webhook-worker.js';

const limits = (over: Partial<{ connectTimeoutMs: number; timeoutMs: number; signal: AbortSignal }> = {}) => ({
  connectTimeoutMs: 500,
  timeoutMs: 1500,
  signal: new AbortController().signal,
  ...over,
});

/** A TCP server that accepts and says nothing: a TLS handshake with it never completes. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => void sockets.push(s));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((ok) => (sockets.forEach((s) => s.destroy()), server.close(() => ok()))),
  };
}

describe('postOnce', () => {
  const open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });
  const receiver = async (respond: Parameters<typeof startReceiver>[0]): Promise<Receiver> => {
    const r = await startReceiver(respond);
    open.push(r);
    return r;
  };

  it('sends the body with its headers and resolves with the status', async () => {
    const r = await receiver(() => 503);
    const res = await postOnce(r.url, { 'content-type': 'application/json', 'x-livepage-event': 'post.published' }, '{"a":"é"}', limits());
    expect(res).toEqual({ status: 503, statusText: 'Service Unavailable' });
    expect(r.requests[0]).toMatchObject({ body: '{"a":"é"}', headers: { 'content-length': '10', 'x-livepage-event': 'post.published' } });
  });

  it('gives up on a connection not made within the connect timeout (here: a TLS handshake never answered)', async () => {
    const silent = await silentServer();
    open.push(silent);
    const t0 = performance.now();
    const err = await postOnce(`https://127.0.0.1:${silent.port}/hook`, {}, '{}', limits({ connectTimeoutMs: 300, timeoutMs: 10_000 })).catch((e: unknown) => e);
    const took = performance.now() - t0;
    expect(err).toBeInstanceOf(SendTimeout);
    expect(describeFailure(err, 10_000)).toBe('timeout: no connection within 300 ms');
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(5000); // far below the 10 s total
  });

  it('gives up on an answer not started within the total timeout, though connected', async () => {
    const r = await receiver(() => 'hang');
    const t0 = performance.now();
    const err = await postOnce(r.url, {}, '{}', limits({ connectTimeoutMs: 200, timeoutMs: 800 })).catch((e: unknown) => e);
    expect(describeFailure(err, 800)).toBe('timeout: no response within 800 ms');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(700);
    expect(r.requests).toHaveLength(1);
  });

  it('stops when told to, and says a refused connection plainly', async () => {
    const r = await receiver(() => 'hang');
    const stop = new AbortController();
    const pending = postOnce(r.url, {}, '{}', limits({ signal: stop.signal })).catch((e: unknown) => e);
    await r.waitFor((x) => x.requests.length === 1, 5000);
    stop.abort();
    expect((await pending) as Error).toMatchObject({ name: 'AbortError' });
    const closed = await silentServer();
    await closed.close(); // nothing listens on its port now
    const refused = await postOnce(`http://127.0.0.1:${closed.port}/hook`, {}, '{}', limits()).catch((e: unknown) => e);
    expect(describeFailure(refused, 1500)).toMatch(/^ECONNREFUSED/);
  });

  it('never sends a password from a URL as Basic auth', async () => {
    const r = await receiver(() => 200);
    await expect(postOnce(r.url.replace('http://', 'http://user:pw@'), {}, '{}', limits())).rejects.toThrow('credentials');
    expect(r.requests).toHaveLength(0);
  });
});
