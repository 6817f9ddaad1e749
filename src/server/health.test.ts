/** Issue 16.1: liveness and readiness, each failed check named, never cached. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachStore } from '../test/stores.js';
import { startTestServer, type TestServer } from '../test/server.js';

describeEachStore('health and readiness', (kind) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer(kind);
  });
  afterEach(async () => {
    await s.close();
  });

  it('answers /healthz and /readyz with 200, uncached, every check ok', async () => {
    const live = await s.api('/healthz');
    expect([live.status, live.headers.get('cache-control'), await live.json()]).toEqual([200, 'no-store', { status: 'ok' }]);
    const ready = await s.api('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ready', ready: true, failed: [], checks: { store: 'ok', bus: 'ok', draining: 'ok' } });
  });

  it('is not ready, naming the store, once the store cannot answer; still alive', async () => {
    await s.test.store.close();
    const ready = await s.api('/readyz');
    const body = await ready.json();
    expect([ready.status, body.failed]).toEqual([503, ['store']]);
    expect(body.checks.store).toMatch(/^failed: /);
    expect((await s.api('/healthz')).status).toBe(200);
  });

  it('is not ready, naming draining, while the node drains', async () => {
    s.app.node.draining = true;
    const ready = await s.api('/readyz');
    expect([ready.status, (await ready.json()).failed]).toEqual([503, ['draining']]);
    s.app.node.draining = false;
    expect((await s.api('/readyz')).status).toBe(200);
  });
});
