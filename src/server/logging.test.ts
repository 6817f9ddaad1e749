/** Issue 16.5: a structured line per request (id, route, status, duration), and no secret in any line. */
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { PASSWORD, postLogin, signInAs } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { createLogger } from './logging.js';

describeEachStore('request logs', (kind) => {
  let s: TestServer;
  afterEach(async () => {
    await s.close();
  });

  it('writes one line per API request with its id, route, status and duration; no token, password or cookie anywhere', async () => {
    let text = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((text += chunk), done()) });
    s = await startTestServer(kind, { log: createLogger('info', sink) });
    const lines = () => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

    const { cookie, csrf } = await signInAs(s.url, 'editor@example.test');
    expect((await postLogin(s.url, 'editor@example.test', 'wrong password')).status).toBe(401);
    const me = await s.api('/api/v1/me', { headers: { cookie } });
    const created = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('logs') });
    const bad = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { title: '' } });
    const byCookie = await s.api('/api/v1/pages', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, json: aPage('logs-2') });
    expect([me.status, created.status, bad.status, byCookie.status]).toEqual([200, 201, 400, 201]);
    await s.api('/healthz');
    await s.api('/readyz');
    await new Promise((r) => setTimeout(r, 100)); // onResponse runs after the answer is sent

    for (const [res, route, status] of [[me, '/api/v1/me', 200], [created, '/api/v1/pages', 201], [bad, '/api/v1/pages', 400]] as const) {
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[\w.:-]+$/);
      const line = lines().filter((l) => l.reqId === id && l.msg === 'request');
      expect(line).toEqual([expect.objectContaining({ route, status, method: expect.any(String), ms: expect.any(Number), level: 30 })]);
    }
    expect(lines().filter((l) => l.route === '/healthz' || l.route === '/readyz')).toEqual([]); // balancer checks: debug only

    // Nothing secret in the whole log: passwords, API tokens, the session cookie, the CSRF token.
    const session = cookie.slice('lp_session='.length);
    for (const secret of [PASSWORD, 'wrong password', ...Object.values(s.tokens), session, csrf]) expect(text).not.toContain(secret);
    expect(lines().length).toBeGreaterThanOrEqual(6);
  });

  it('gives cached reader pages and streams a request id too, and keeps a proxy-given one', async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('ids') });
    await s.api('/live/ids');
    const cached = await s.api('/live/ids'); // served from memory, before fastify
    const ids = new Set([cached.headers.get('x-request-id'), (await s.api('/live/ids')).headers.get('x-request-id')]);
    expect(ids.size).toBe(2);
    expect([...ids].every((id) => /^[0-9a-f]{8}-[0-9a-z]+$/.test(id ?? ''))).toBe(true);
    const abort = new AbortController();
    const stream = await fetch(`${s.url}/live/ids/events`, { signal: abort.signal });
    expect(stream.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-/);
    abort.abort();
    const given = await s.api('/api/v1/pages/ids', { headers: { 'x-request-id': 'nginx-abc123' } });
    expect(given.headers.get('x-request-id')).toBe('nginx-abc123');
    const odd = await s.api('/api/v1/pages/ids', { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-/);
  });
});
