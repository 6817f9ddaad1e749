#!/usr/bin/env node
/**
 * Media benchmark (issue 10): phone photos (12 MP JPEGs with EXIF) uploaded to a livepage
 * server (one process: `serve --workers 1`, with the allocator setting `serve` gives its
 * workers: MALLOC_ARENA_MAX=2 unless set), while readers keep fetching a live page. First `--single` uploads
 * one at a time (the time until every derivative is on disk), then `--uploads` at once.
 *
 *   npm run bench:media [-- --single 5 --uploads 10 --width 4000 --height 3000 --ceiling 1024]
 *
 * Progress goes to stderr; the last line of stdout is one JSON object:
 *   {"megapixels", "single_ready_p50_ms", "single_ready_p99_ms" (one upload alone: until
 *    every derivative is on disk), "uploads", "upload_p50_ms", "upload_p99_ms" (concurrent:
 *    until the 201), "ready_p50_ms", "ready_p99_ms", "peak_rss_mb" (the server's high-water
 *    mark), "idle_rss_mb", "rss_ceiling_mb", "page_p99_idle_ms", "page_p99_during_ms",
 *    "page_p99_ratio" (during / idle), "malloc_arena_max", "ok" (peak under the ceiling)}
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { armCleanup, freePort, run, runMain, sleep, startChild, waitForOk } from './lib/processes.mjs';
import { benchDocument } from './page-content.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const SLUG = 'bench-photos';
const log = (msg) => process.stderr.write(`[bench:media] ${msg}\n`);

const { values: opts } = parseArgs({
  options: {
    single: { type: 'string', default: '5' },
    uploads: { type: 'string', default: '10' },
    // What we promise operators (docs/operations.md): one process stays under this, whatever the uploads.
    ceiling: { type: 'string', default: '1024' },
    width: { type: 'string', default: '4000' },
    height: { type: 'string', default: '3000' },
    keep: { type: 'boolean', default: false },
  },
});
const UPLOADS = Number(opts.uploads);
const SINGLE = Number(opts.single);
const CEILING_MB = Number(opts.ceiling);
/** Upload to all derivatives on disk; past this something is wrong (the old bench waited for ever). */
const READY_DEADLINE_MS = 10 * 60_000;
const [W, H] = [Number(opts.width), Number(opts.height)];

let tmpDir;
armCleanup({ log, tmpDir: () => tmpDir, keep: opts.keep });

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]) : null;
};

/** A phone photo: textured like one, rotated by EXIF, with a GPS position; `seed` makes each distinct. */
async function phonePhoto(seed) {
  const noise = await sharp({ create: { width: W / 4, height: H / 4, channels: 3, background: { r: seed * 20, g: 120, b: 160 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png({ compressionLevel: 0 }).toBuffer();
  return sharp(noise)
    .resize(W, H, { fit: 'fill', kernel: 'linear' })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer();
}

/** Reader page requests, `concurrency` at a time, until stop() is called: their latencies. */
function readers(url, concurrency = 4) {
  const times = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
  });
  return { times, stop: async () => ((running = false), await Promise.all(loops)) };
}

/** `serve --workers 1` runs the server in the process started (no cluster primary): that is the one measured. */
const rssOf = (pid, field) => Number(/\d+/.exec(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field)))[0]) / 1024;

async function main() {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-bench-media-'));
  const dataDir = path.join(tmpDir, 'data');
  mkdirSync(dataDir);
  const env = { ...process.env, LIVEPAGE_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  env.MALLOC_ARENA_MAX ??= '2'; // what `serve` gives the workers it forks (src/cli/serve.ts)
  delete env.DATABASE_URL;
  writeFileSync(path.join(tmpDir, 'page.json'), JSON.stringify(benchDocument(50, { slug: SLUG })));
  await run(process.execPath, [CLI, 'import', path.join(tmpDir, 'page.json')], { env });
  await run(process.execPath, [CLI, 'user', 'add', '--email', 'photo@bench.test', '--name', 'Photo Desk', '--role', 'contributor'], { env });
  const token = (await run(process.execPath, [CLI, 'token', 'create', '--email', 'photo@bench.test'], { env })).stdout.trim().split('\n').pop();
  env.PORT = String(await freePort());
  const server = startChild(process.execPath, [CLI, 'serve', '--workers', '1'], { env, logFile: path.join(tmpDir, 'livepage.log'), name: 'livepage' });
  const base = `http://127.0.0.1:${env.PORT}`;
  const pageUrl = `${base}/live/${SLUG}`;
  await waitForOk(() => fetch(pageUrl), { child: server, name: 'livepage', what: pageUrl, timeoutMs: 30_000 });

  log(`making ${UPLOADS} photos of ${((W * H) / 1e6).toFixed(0)} MP`);
  const photos = [];
  for (let i = 0; i < UPLOADS; i++) photos.push(await phonePhoto(i));

  const idle = readers(pageUrl);
  await sleep(3000);
  await idle.stop();
  const idleRss = rssOf(server.pid, 'VmRSS');

  const cache = path.join(dataDir, 'media', 'cache');
  /** Uploads one photo and waits until every derivative its record lists is on disk. */
  async function uploadAndWait(photo, i) {
    const t0 = performance.now();
    const form = new FormData();
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), `photo-${i}.jpg`);
    const res = await fetch(`${base}/api/v1/media?page=${SLUG}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
    const m = await res.json();
    const uploaded = performance.now() - t0;
    const dir = path.join(cache, m.hash.slice(0, 2), m.hash);
    // One file per width and format the record names (each width once: see derivativeWidths).
    const expected = new Set(Object.values(m.srcset).flat().map((e) => path.basename(new URL(e.src).pathname)));
    const missing = () => (existsSync(dir) ? [...expected].filter((f) => !readdirSync(dir).includes(f)) : [...expected]);
    while (missing().length) {
      if (performance.now() - t0 > READY_DEADLINE_MS) throw new Error(`upload ${i}: derivatives still missing after ${READY_DEADLINE_MS / 1000} s: ${missing().join(', ')}`);
      await sleep(50);
    }
    return { uploaded, ready: performance.now() - t0 };
  }

  log(`uploading ${SINGLE} one at a time`);
  const single = [];
  for (let i = 0; i < SINGLE; i++) single.push(await uploadAndWait(await phonePhoto(100 + i), `single-${i}`));

  log(`uploading ${UPLOADS} at once (${(photos.reduce((n, p) => n + p.length, 0) / 1e6).toFixed(0)} MB)`);
  const during = readers(pageUrl);
  const results = await Promise.all(photos.map(uploadAndWait));
  await during.stop();
  const peak = rssOf(server.pid, 'VmHWM');
  const idleP99 = quantile(idle.times, 0.99);
  const duringP99 = quantile(during.times, 0.99);
  return {
    megapixels: Math.round((W * H) / 1e6),
    single_ready_p50_ms: quantile(single.map((r) => r.ready), 0.5),
    single_ready_p99_ms: quantile(single.map((r) => r.ready), 0.99),
    uploads: UPLOADS,
    upload_p50_ms: quantile(results.map((r) => r.uploaded), 0.5),
    upload_p99_ms: quantile(results.map((r) => r.uploaded), 0.99),
    ready_p50_ms: quantile(results.map((r) => r.ready), 0.5),
    ready_p99_ms: quantile(results.map((r) => r.ready), 0.99),
    peak_rss_mb: Math.round(peak),
    idle_rss_mb: Math.round(idleRss),
    rss_ceiling_mb: CEILING_MB,
    page_p99_idle_ms: idleP99,
    page_p99_during_ms: duringP99,
    page_p99_ratio: Math.round((duringP99 / idleP99) * 10) / 10,
    page_requests_during: during.times.length,
    malloc_arena_max: process.env.MALLOC_ARENA_MAX ?? '2',
    ok: peak <= CEILING_MB,
  };
}

await runMain(main, { showLogs: () => {} });
