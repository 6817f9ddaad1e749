#!/usr/bin/env node
/**
 * Image bytes of a photo-heavy live page on a phone (issue 10's target): a 20-post page
 * whose posts name 13 photos (1600×900 JPEG originals, ~230 KB each) on another server —
 * here a local image host — is imported through the CLI; the server imports the photos in
 * the background; then Chromium as a 390 px phone at DPR 3 loads page 1, and every image
 * response is counted from the network events: before scrolling, and after scrolling to the
 * bottom. With `--lighthouse DIR` (a folder where `npm i -E lighthouse@12.2.3` was run), the
 * mobile Lighthouse performance score of the same page too.
 *
 *   npm run bench:media-page [-- --photos 13 --posts 20 --lighthouse /tmp/lh]
 *
 * The last line of stdout is one JSON object:
 *   {"posts", "photos", "original_kb" (the originals together), "before_scroll_kb",
 *    "total_kb", "image_requests", "third_party_image_requests", "formats",
 *    "lighthouse_performance" (with --lighthouse)}
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { agencyPhoto } from './lib/photos.mjs';
import { armCleanup, freePort, run, runMain, sleep, startChild, waitForOk } from './lib/processes.mjs';
import { benchDocument } from './page-content.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const SLUG = 'bench-photo-page';
const log = (msg) => process.stderr.write(`[bench:media-page] ${msg}\n`);

const { values: opts } = parseArgs({
  options: {
    photos: { type: 'string', default: '13' },
    posts: { type: 'string', default: '20' },
    lighthouse: { type: 'string' },
    chromium: { type: 'string', default: process.env.LIVEPAGE_CHROMIUM || '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});
const PHOTOS = Number(opts.photos);
const POSTS = Number(opts.posts);

let tmpDir;
armCleanup({ log, tmpDir: () => tmpDir, keep: opts.keep });

/** Another site's image host: the originals, at /photo-N.jpg. */
async function imageHost(photos) {
  const server = createServer((req, res) => {
    const m = /^\/photo-(\d+)\.jpg$/.exec(req.url ?? '');
    const body = m && photos[Number(m[1])];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** The page: the benchmark's story, its own pictures taken out, a photo in `photos` of its posts, spread over the page. */
function photoDocument(hostUrl) {
  const doc = benchDocument(POSTS, { slug: SLUG });
  doc.posts.forEach((p) => (p.body = p.body.filter((b) => b.type !== 'image')));
  delete doc.page.featuredMedia; // the story's own (an address nobody serves): the 13 photos are the posts'
  const every = POSTS / PHOTOS;
  for (let i = 0; i < PHOTOS; i++) {
    const post = doc.posts[Math.min(POSTS - 1, Math.floor(i * every))];
    post.body.splice(1, 0, { type: 'image', src: `${hostUrl}/photo-${i}.jpg`, alt: `Photo ${i + 1} from the count`, caption: 'At the count tonight', credit: 'Agency' });
  }
  return doc;
}

/** Loads the page as a phone and sums the image bytes that arrive, before and after scrolling to the bottom. */
async function measure(pageUrl) {
  const browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const images = [];
    page.on('requestfinished', async (req) => {
      if (req.resourceType() !== 'image') return;
      const sizes = await req.sizes().catch(() => null);
      const res = await req.response();
      images.push({ url: req.url(), bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, type: res?.headers()['content-type'] ?? '' });
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    await sleep(1000);
    const before = images.reduce((n, i) => n + i.bytes, 0);
    for (let y = 0; ; y += 600) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (y > height) break;
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await sleep(150);
    }
    await page.waitForLoadState('networkidle');
    await sleep(1000);
    const total = images.reduce((n, i) => n + i.bytes, 0);
    const origin = new URL(pageUrl).origin;
    return {
      before_scroll_kb: Math.round(before / 1024),
      total_kb: Math.round(total / 1024),
      image_requests: images.length,
      third_party_image_requests: images.filter((i) => new URL(i.url).origin !== origin).length,
      formats: [...new Set(images.map((i) => i.type))],
      widths: [...new Set(images.map((i) => /\/(\d+)\.\w+$/.exec(i.url)?.[1]).filter(Boolean))],
    };
  } finally {
    await browser.close();
  }
}

async function lighthouse(dir, url) {
  const bin = path.join(dir, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const out = path.join(tmpDir, 'lighthouse.json');
  // The default config is the mobile one (a Moto G Power, slow 4G, 4× CPU slowdown).
  await promisify(execFile)(process.execPath, [bin, url, '--only-categories=performance', '--output=json', `--output-path=${out}`, '--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
    env: { ...process.env, CHROME_PATH: opts.chromium },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const audit = (id) => report.audits[id]?.numericValue;
  return { score: Math.round(report.categories.performance.score * 100), lcp_ms: Math.round(audit('largest-contentful-paint')), cls: audit('cumulative-layout-shift') };
}

async function main() {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-bench-media-page-'));
  const dataDir = path.join(tmpDir, 'data');
  mkdirSync(dataDir);
  log(`making ${PHOTOS} photos of 1600×900`);
  const photos = [];
  for (let i = 0; i < PHOTOS; i++) photos.push(await agencyPhoto(i + 1));
  const host = await imageHost(photos);
  const env = { ...process.env, LIVEPAGE_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS: '1' };
  delete env.DATABASE_URL;
  env.PORT = String(await freePort());
  const base = `http://127.0.0.1:${env.PORT}`;
  env.LIVEPAGE_PUBLIC_URL = base;
  writeFileSync(path.join(tmpDir, 'page.json'), JSON.stringify(photoDocument(host.url)));
  await run(process.execPath, [CLI, 'import', path.join(tmpDir, 'page.json')], { env });
  const server = startChild(process.execPath, [CLI, 'serve'], { env, logFile: path.join(tmpDir, 'livepage.log'), name: 'livepage' });
  const pageUrl = `${base}/live/${SLUG}`;
  await waitForOk(() => fetch(pageUrl), { child: server, name: 'livepage', what: pageUrl, timeoutMs: 30_000 });

  log('waiting for the background import of every photo');
  const started = Date.now();
  while ((await (await fetch(pageUrl)).text()).includes(host.url)) {
    if (Date.now() - started > 600_000) throw new Error('the photos were not imported within 10 minutes');
    await sleep(500);
  }
  log(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring as a 390 px phone at DPR 3`);
  await measure(pageUrl); // a first visit builds any derivative not made yet: measure the second
  const result = { posts: POSTS, photos: PHOTOS, original_kb: Math.round(photos.reduce((n, p) => n + p.length, 0) / 1024), ...(await measure(pageUrl)) };
  if (opts.lighthouse) {
    log('running Lighthouse (mobile)');
    const lh = await lighthouse(opts.lighthouse, pageUrl);
    Object.assign(result, { lighthouse_performance: lh.score, lighthouse_lcp_ms: lh.lcp_ms, lighthouse_cls: lh.cls });
  }
  host.close();
  // The targets: ≤ 250 KB before scrolling, ≤ 1 MB in all, nothing from the other host.
  return { ...result, ok: result.before_scroll_kb <= 250 && result.total_kb <= 1024 && result.third_party_image_requests === 0 };
}

await runMain(main, { showLogs: () => {} });
