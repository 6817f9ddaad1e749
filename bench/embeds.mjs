#!/usr/bin/env node
/**
 * Embeds (issue 11's targets): a local "social network" (discovery link, oEmbed with markup,
 * a 640×360 thumbnail) stands in for a provider. In Chromium as a 390 px phone, an editor
 * pastes N addresses, each alone on its line, into the composer; each sample is the time
 * from the paste to the card's text in the editor (server: page fetch, oEmbed fetch,
 * thumbnail through the photo pipeline, stored). The peer, measured in the same run: the
 * provider's own answers fetched directly by Node (page + oEmbed + thumbnail), the floor
 * any resolver pays. Then the page of 10 published embeds is loaded as a reader: requests
 * to any other origin before a click, and the layout shift (CLS).
 *
 *   npm run bench:embeds [-- --samples 20]
 *
 * Last line of stdout, one JSON object:
 *   {"samples", "paste_to_card_p50_ms", "paste_to_card_p95_ms", "provider_direct_p50_ms",
 *    "ratio_p50" (paste→card / direct), "reader_third_party_requests", "reader_cls",
 *    "reader_cards", "ok" (p50 < 300 ms, 0 third-party requests, CLS 0)}
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { agencyPhoto } from './lib/photos.mjs';
import { armCleanup, freePort, run, runMain, startChild, waitForOk } from './lib/processes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const SLUG = 'bench-embeds';
const PASSWORD = 'bench embeds password';
const log = (msg) => process.stderr.write(`[bench:embeds] ${msg}\n`);

const { values: opts } = parseArgs({
  options: {
    samples: { type: 'string', default: '20' },
    chromium: { type: 'string', default: process.env.LIVEPAGE_CHROMIUM || '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});
const SAMPLES = Number(opts.samples);

let tmpDir;
armCleanup({ log, tmpDir: () => tmpDir, keep: opts.keep });

/** The local provider: /post/N (a page with its discovery link), /oembed, /thumb-N.jpg. */
async function provider(thumb) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `http://127.0.0.1:${server.address().port}`;
    const post = /^\/post\/(\d+)$/.exec(url.pathname);
    if (post) {
      const oembed = `${base}/oembed?url=${encodeURIComponent(`${base}/post/${post[1]}`)}&format=json`;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>Post ${post[1]}</title><link rel="alternate" type="application/json+oembed" href="${oembed.replace(/&/g, '&amp;')}"><meta property="og:description" content="Post number ${post[1]} from the scene."></head><body></body></html>`);
    }
    if (url.pathname === '/oembed') {
      const n = /\/post\/(\d+)$/.exec(url.searchParams.get('url') ?? '')?.[1] ?? '0';
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'rich', version: '1.0', provider_name: 'Local Social', author_name: 'Reporter', author_url: `${base}/@reporter`, thumbnail_url: `${base}/thumb-${n}.jpg`, html: `<blockquote><p>Water is rising at the harbour, post ${n}.</p>&mdash; Reporter <a href="${base}/post/${n}">December 5, 2026</a></blockquote><script async src="${base}/widget.js"></script>` }));
    }
    if (/^\/thumb-\d+\.jpg$/.test(url.pathname)) return res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': thumb.length }).end(thumb);
    res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};

/** The provider's three answers fetched directly, one after another: what resolving cannot go below. */
async function direct(base, n) {
  const t = performance.now();
  await (await fetch(`${base}/post/${n}`)).text();
  await (await fetch(`${base}/oembed?url=${encodeURIComponent(`${base}/post/${n}`)}&format=json`)).json();
  await (await fetch(`${base}/thumb-${n}.jpg`)).arrayBuffer();
  return performance.now() - t;
}

async function main() {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-bench-embeds-'));
  const dataDir = path.join(tmpDir, 'data');
  mkdirSync(dataDir);
  // A small thumbnail of realistic content (a provider's 640×360 preview).
  const thumb = await agencyPhoto(1, 640, 360);
  const social = await provider(thumb);
  const env = { ...process.env, LIVEPAGE_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS: '1' };
  delete env.DATABASE_URL;
  env.PORT = String(await freePort());
  const base = `http://127.0.0.1:${env.PORT}`;
  env.LIVEPAGE_PUBLIC_URL = base;
  writeFileSync(path.join(tmpDir, 'page.json'), JSON.stringify({ page: { slug: SLUG, title: 'Embeds bench' }, posts: [] }));
  await run(process.execPath, [CLI, 'import', path.join(tmpDir, 'page.json')], { env });
  await run(process.execPath, [CLI, 'user', 'add', '--email', 'desk@bench.test', '--name', 'Desk', '--role', 'editor', '--password-stdin'], { env, input: `${PASSWORD}\n` });
  const token = (await run(process.execPath, [CLI, 'token', 'create', '--email', 'desk@bench.test'], { env })).stdout.trim().split('\n').pop();
  const server = startChild(process.execPath, [CLI, 'serve', '--workers', '1'], { env, logFile: path.join(tmpDir, 'livepage.log'), name: 'livepage' });
  await waitForOk(() => fetch(`${base}/live/${SLUG}`), { child: server, name: 'livepage', what: base, timeoutMs: 30_000 });

  const peer = [];
  for (let i = 0; i < SAMPLES; i++) peer.push(await direct(social.url, 10_000 + i));

  const browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  const result = { samples: SAMPLES };
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${base}/newsroom`);
    await page.getByLabel('Email').fill('desk@bench.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Embeds bench' }).click();
    await page.getByRole('toolbar', { name: 'Formatting' }).first().waitFor({ timeout: 30_000 });
    const editor = page.getByRole('textbox', { name: 'Body' }).first();
    await editor.click();
    log(`pasting ${SAMPLES} addresses`);
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const url = `${social.url}/post/${i}`;
      const ms = await page.evaluate(
        ({ url, i }) =>
          new Promise((done, fail) => {
            const root = document.querySelector('#nr-new-body .ProseMirror');
            const data = new DataTransfer();
            data.setData('text/plain', url);
            const t = performance.now();
            const seen = () => [...root.querySelectorAll('.nr-embed__text')].some((p) => p.textContent.includes(`post ${i}.`));
            const watch = new MutationObserver(() => {
              if (!seen()) return;
              watch.disconnect();
              done(performance.now() - t);
            });
            watch.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            setTimeout(() => fail(new Error(`no card for ${url} within 10 s`)), 10_000);
          }),
        { url, i },
      );
      times.push(ms);
    }
    log(`paste → card, in order (ms): ${times.map((t) => Math.round(t)).join(' ')}`);
    Object.assign(result, { paste_to_card_p50_ms: pct(times, 50), paste_to_card_p95_ms: pct(times, 95), provider_direct_p50_ms: pct(peer, 50) });
    result.ratio_p50 = Math.round((result.paste_to_card_p50_ms / Math.max(1, result.provider_direct_p50_ms)) * 10) / 10;

    // Ten published embeds (the addresses just previewed: their cards are attached at once).
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${base}/api/v1/pages/${SLUG}/posts`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: `Update ${i}`, body: [{ type: 'paragraph', text: `Update ${i}.` }, { type: 'embed', url: `${social.url}/post/${i}` }] }) });
      if (res.status !== 201) throw new Error(`publishing answered ${res.status}`);
    }
    const reader = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const rp = await reader.newPage();
    const requests = [];
    rp.on('request', (r) => requests.push(r.url()));
    await rp.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await rp.goto(`${base}/live/${SLUG}`, { waitUntil: 'networkidle' });
    for (let y = 0; y < 20_000; y += 600) await rp.evaluate((top) => window.scrollTo(0, top), y);
    await rp.waitForLoadState('networkidle');
    Object.assign(result, {
      reader_cards: await rp.locator('.lp-embed-card').count(),
      reader_third_party_requests: requests.filter((u) => new URL(u).origin !== base).length,
      reader_cls: await rp.evaluate(() => window.__cls),
    });
  } finally {
    await browser.close();
    social.close();
  }
  return { ...result, ok: result.paste_to_card_p50_ms < 300 && result.reader_third_party_requests === 0 && result.reader_cls === 0 && result.reader_cards === 10 };
}

await runMain(main, { showLogs: () => {} });
