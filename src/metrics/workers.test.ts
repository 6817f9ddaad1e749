/**
 * Issue 16.2 across processes: `livepage serve --workers 2` with a metrics port and a
 * token. One scrape — of the metrics port (the cluster's primary) or of /metrics on the
 * public port (a worker, which asks the primary) — sums both workers: their readers, their
 * broadcasts. Parsed by an independent text-format parser before, during and after.
 * Needs the build (npm run build): it runs bin/livepage.js.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPost } from '../test/fixtures.js';
import { freePort, run, serve, type Served } from '../test/processes.js';
import { scrape } from '../test/prometheus.js';
import { openRawSse, type RawSse } from '../test/raw-sse.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';

const SLUG = 'demo-storm-coverage';
const TOKEN = 'cluster-metrics-token-0123456789';
const READERS = 20;

describeEachStore('metrics of serve --workers 2', (kind) => {
  let t: TestStore;
  let server: Served;
  let metricsUrl: string;
  let token: string;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.close();
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const env = { LIVEPAGE_DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '', LIVEPAGE_METRICS_PORT: String(port), LIVEPAGE_METRICS_TOKEN: TOKEN };
    server = await serve(env, ['--workers', '2']); // seeds the admin and the demo page
    token = (await run(['token', 'create', '--email', 'admin@livepage.local'], env)).stdout.trim().split('\n').at(-1)!;
  }, 60_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    t.store.close = async () => {};
    await t.dispose();
  });

  it('the metrics port and the public /metrics ask for the token and answer for the whole node', async () => {
    expect(server.output()).toContain(`metrics on ${metricsUrl}`);
    for (const url of [metricsUrl, `${server.url}/metrics`]) {
      const res = await fetch(url);
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await fetch(metricsUrl.replace('/metrics', '/'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);

    const both = () => Promise.all([scrape(metricsUrl, TOKEN), scrape(`${server.url}/metrics`, TOKEN)]);
    const [before, beforePublic] = await both();
    expect(before.value('livepage_readers_connected')).toBe(0);
    expect(beforePublic.value('livepage_readers_connected')).toBe(0);
    expect(before.family('nodejs_eventloop_lag_seconds').type).toBe('GAUGE');
    // Summed over the workers: more than one process's worth of memory.
    expect(before.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    const published = before.value('livepage_events_published_total');
    const fannedOut = before.count('livepage_fanout_seconds');

    const { seq } = (await (await fetch(`${server.url}/api/v1/pages/${SLUG}`)).json()) as { seq: number };
    const readers: RawSse[] = [];
    for (let i = 0; i < READERS; i++) readers.push(await openRawSse(server.url, `/live/${SLUG}/events?since=${seq}`));
    try {
      await expect.poll(async () => (await scrape(metricsUrl, TOKEN)).value('livepage_readers_connected'), { timeout: 10_000 }).toBe(READERS);
      const during = await scrape(`${server.url}/metrics`, TOKEN);
      expect(during.value('livepage_readers_connected')).toBe(READERS);
      expect(during.value('livepage_page_readers', { page: SLUG })).toBe(READERS);

      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${server.url}/api/v1/pages/${SLUG}/posts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(aPost(`Counted ${i}`, { status: 'published' })),
        });
        expect(res.status).toBe(201);
        await Promise.all(readers.map((r) => r.waitFor(i + 1, 5000)));
      }
      const after = await scrape(metricsUrl, TOKEN);
      expect(after.value('livepage_events_published_total') - published).toBe(3);
      // Once per broadcast per process: the node's readers are spread over both workers
      // (node:cluster hands connections round-robin), so each post was fanned out twice.
      expect(after.count('livepage_fanout_seconds') - fannedOut).toBe(6);
      expect(after.count('livepage_publish_request_duration_seconds', { action: 'post.create' })).toBe(3);
    } finally {
      for (const r of readers) r.close();
    }
    await expect.poll(async () => (await scrape(`${server.url}/metrics`, TOKEN)).value('livepage_readers_connected'), { timeout: 10_000 }).toBe(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);
});
