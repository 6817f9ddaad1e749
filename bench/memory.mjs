#!/usr/bin/env node
/**
 * Memory under hostile reads: one server process (`serve --workers 1`) with a page of N
 * posts, sent M distinct anonymous reader URLs (bench/lib/hostile-reads.mjs: every polling
 * `?since=N`, page numbers, feeds, embeds, junk queries, unknown slugs) while its RSS is
 * sampled. Every cache readers can fill has a byte budget, so RSS must stay under the ceiling
 * (docs/performance.md says what the budgets are and where the ceiling comes from).
 *
 *   npm run bench:memory [-- --posts 700 --urls 5000 --ceiling 400 --concurrency 8]
 *
 * Progress goes to stderr; the last line of stdout is one JSON object:
 *   {"posts", "urls", "seconds", "statuses", "rss_start_mib", "rss_peak_mib", "rss_end_mib", "ceiling_mib", "ok"}
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hostileReads, hostileUrls } from './lib/hostile-reads.mjs';
import { armCleanup, freePort, run, runMain, startChild, waitForOk } from './lib/processes.mjs';
import { benchDocument } from './page-content.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const SLUG = 'bench-hostile-reads';

const { values: opts } = parseArgs({
  options: {
    posts: { type: 'string', default: '700' },
    urls: { type: 'string', default: '5000' },
    ceiling: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    keep: { type: 'boolean', default: false },
  },
});
const [POSTS, URLS, CEILING, CONCURRENCY] = ['posts', 'urls', 'ceiling', 'concurrency'].map((k) => {
  const n = Number(opts[k]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench:memory: --${k} must be a positive integer\n`);
    process.exit(2);
  }
  return n;
});

const log = (msg) => process.stderr.write(`[bench:memory] ${msg}\n`);
let tmpDir;
armCleanup({ log, tmpDir: () => tmpDir, keep: opts.keep });

async function main() {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-bench-memory-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LIVEPAGE_DATA_DIR: path.join(tmpDir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const importFile = path.join(tmpDir, 'import.json');
  writeFileSync(importFile, JSON.stringify(benchDocument(POSTS, { slug: SLUG })));
  log(`importing a ${POSTS}-post page`);
  await run(process.execPath, [CLI, 'import', importFile], { env });
  const logFile = path.join(tmpDir, 'server.log');
  const server = startChild(process.execPath, [CLI, 'serve', '--workers', '1'], { env, logFile, name: 'livepage' });
  const base = `http://127.0.0.1:${port}`;
  const page = await waitForOk(() => fetch(`${base}/live/${SLUG}`).then(async (r) => ({ status: r.status, text: await r.text() })), {
    child: server,
    name: 'livepage',
    what: 'its page',
    timeoutMs: 30_000,
  });
  const seq = Number(/data-seq="(\d+)"/.exec(page.text)?.[1]);
  const urls = hostileUrls(SLUG, seq, URLS);
  log(`page at seq ${seq}; sending ${urls.length} distinct URLs, ${CONCURRENCY} at a time`);
  const r = await hostileReads({ baseUrl: base, urls, pid: server.pid, concurrency: CONCURRENCY });
  log(`RSS ${r.rssStartMib} → peak ${r.rssPeakMib} → ${r.rssEndMib} MiB in ${r.seconds.toFixed(1)} s; statuses ${JSON.stringify(r.statuses)}`);
  return {
    posts: POSTS,
    seq,
    urls: r.requests,
    seconds: r.seconds,
    statuses: r.statuses,
    rss_start_mib: r.rssStartMib,
    rss_peak_mib: r.rssPeakMib,
    rss_end_mib: r.rssEndMib,
    ceiling_mib: CEILING,
    ok: r.rssPeakMib < CEILING && !Object.keys(r.statuses).some((s) => Number(s) >= 500),
  };
}

await runMain(main, { showLogs: () => log(`server log: ${tmpDir}/server.log`) });
