/**
 * Memory stays bounded under hostile reads: a real `livepage serve` process with a 700-post
 * page is sent 5,000 distinct anonymous URLs (every polling `?since=N`, page numbers, feeds,
 * embeds, junk queries, unknown slugs) and its RSS, sampled every 100 ms, stays under the
 * ceiling. Every cache readers can fill is bounded in bytes (docs/performance.md); before
 * that, the polling cache alone took this process from ~130 to ~650 MiB. Uses the build
 * (`npm test` builds first); `npm run bench:memory` is the same run as a benchmark.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { hostileReads, hostileUrls } from '../../bench/lib/hostile-reads.mjs';
import { benchDocument } from '../../bench/page-content.mjs';
import { run, serve } from '../test/processes.js';
import { describeEachStore, openTestStore } from '../test/stores.js';

const POSTS = 700;
const URLS = 5000;
/** Resident memory the server process must stay under, and the most it may grow. */
const CEILING_MIB = 400;
const GROWTH_MIB = 250;

describeEachStore('memory under hostile reads', (kind) => {
  it(`RSS stays under ${CEILING_MIB} MiB while ${URLS} distinct hostile URLs are read`, { timeout: 300_000 }, async () => {
    const test = await openTestStore(kind);
    await test.store.close(); // the CLI processes open their own
    test.store.close = async () => {};
    const env = { LIVEPAGE_DATA_DIR: test.dataDir, DATABASE_URL: test.databaseUrl ?? '' };
    try {
      const file = join(test.dataDir, 'import.json');
      writeFileSync(file, JSON.stringify(benchDocument(POSTS, { slug: 'hostile' })));
      const imported = await run(['import', file], env);
      expect(imported.code, imported.stderr).toBe(0);
      const server = await serve(env, ['--workers', '1']);
      try {
        const page = await (await fetch(`${server.url}/live/hostile`)).text();
        const seq = Number(/data-seq="(\d+)"/.exec(page)![1]);
        expect(seq).toBeGreaterThan(POSTS);
        const urls = hostileUrls('hostile', seq, URLS);
        expect(new Set(urls).size).toBe(URLS);
        const r = await hostileReads({ baseUrl: server.url, urls, pid: server.child.pid!, concurrency: 8 });
        console.log(`[hostile reads ${kind}] RSS ${r.rssStartMib} → peak ${r.rssPeakMib} → ${r.rssEndMib} MiB, ${r.requests} URLs in ${r.seconds.toFixed(1)} s`);
        expect(Object.keys(r.statuses).sort()).toEqual(['200', '404']); // never a 5xx
        expect(r.rssPeakMib).toBeLessThan(CEILING_MIB);
        expect(r.rssPeakMib - r.rssStartMib).toBeLessThan(GROWTH_MIB);
        // Still serving the real answers afterwards.
        const poll = await (await fetch(`${server.url}/live/hostile/updates?since=${seq - 1}`)).json();
        expect(poll).toMatchObject({ seq, events: [{ id: seq }] });
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await test.dispose();
    }
  });
});
