/**
 * Embeds in a real Chromium (SPEC §6): a partner's page on another origin includes
 * `/embed.js` and two `<div data-livepage>`; the script makes the iframes, the embed
 * views report their height, and a post published through the API arrives without a
 * reload. Messages from anyone but the frame itself, at its origin, change nothing.
 */
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const INITIAL_HEIGHT = 400;
const MIN_HEIGHT = 150;

/** The partner's page: two embeds, a bad one that must stay a link, the script last. */
function hostPage(livepage: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner news</title></head>
<body style="margin:0;font:16px sans-serif">
<h1>Partner news</h1>
<div id="storm" data-livepage="${livepage}/live/storm"><a href="${livepage}/live/storm">Follow the storm live</a></div>
<p>Between the embeds.</p>
<div id="quake" data-livepage="${livepage}/live/quake"></div>
<div id="bad" data-livepage="javascript:alert(1)//live/storm">Not an embed</div>
<div id="later"></div>
<script src="${livepage}/embed.js" async></script>
</body></html>`;
}

describeBrowser('embeds on another site, in Chromium', () => {
  let s: TestServer;
  let host: Server;
  let hostUrl: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    expect((await fetch(`${s.url}/embed.js`)).status, 'public/build/embed.js: run npm run build').toBe(200);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm', { title: 'Storm live' }) });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('quake', { title: 'Quake live' }) });
    // A long stream (taller than the frame's first height) and a short one (shorter).
    for (let i = 0; i < 6; i++) {
      const body = [{ type: 'paragraph', text: `Update number ${i}. `.repeat(12) }];
      await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(`Storm update ${i}`, { body }) });
    }
    await s.api('/api/v1/pages/quake/posts', { method: 'POST', as: 'editor', json: aPost('Tremor felt downtown') });

    // Another origin: same address, another port.
    host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(s.url)));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    expect(new URL(hostUrl).origin).not.toBe(new URL(s.url).origin);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 800, height: 1200 });
    await page.goto(hostUrl, { waitUntil: 'load' });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await s?.close();
  });

  const frameOf = async (slug: string): Promise<Frame> => {
    await expect.poll(() => page.frames().some((f) => f.url() === `${s.url}/live/${slug}/embed`), { timeout: 10_000 }).toBe(true);
    const frame = page.frames().find((f) => f.url() === `${s.url}/live/${slug}/embed`)!;
    await frame.waitForLoadState('load');
    return frame;
  };
  /** The iframe's height on the host page, in CSS pixels. */
  const frameHeight = (id: string) => page.$eval(`#${id} iframe`, (f) => f.getBoundingClientRect().height);
  /** The embed document's own content height. */
  const contentHeight = (frame: Frame) => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);

  it('turns each data-livepage div into an iframe of the embed view, named after the page; a bad URL stays a div', async () => {
    const frames = await page.$$eval('[data-livepage] iframe', (fs) =>
      fs.map((f) => ({ parent: f.parentElement!.id, src: f.getAttribute('src'), loading: f.getAttribute('loading'), border: getComputedStyle(f).borderTopWidth })),
    );
    expect(frames).toEqual([
      { parent: 'storm', src: `${s.url}/live/storm/embed`, loading: 'lazy', border: '0px' },
      { parent: 'quake', src: `${s.url}/live/quake/embed`, loading: 'lazy', border: '0px' },
    ]);
    // The fallback link gave way; the frame is as wide as the div.
    expect(await page.$$eval('#storm > *', (els) => els.map((e) => e.tagName))).toEqual(['IFRAME']);
    expect(await page.$eval('#storm iframe', (f) => f.getBoundingClientRect().width)).toBe(800);
    expect(await page.textContent('#bad')).toBe('Not an embed');
    // The accessible name becomes the page's title once the embed has told it.
    await expect.poll(() => page.getAttribute('#storm iframe', 'title'), { timeout: 10_000 }).toBe('Storm live');
    await expect.poll(() => page.getAttribute('#quake iframe', 'title')).toBe('Quake live');
    const storm = await frameOf('storm');
    expect(await storm.$$eval('.lp-stream article h2', (hs) => hs.map((h) => h.textContent))).toEqual([5, 4, 3, 2, 1, 0].map((i) => `Storm update ${i}`));
    expect(await storm.getAttribute('.lp-embedded__title a', 'target')).toBe('_blank');
  });

  it('fits each frame to its content: the long one grows, the short one shrinks', async () => {
    const storm = await frameOf('storm');
    const quake = await frameOf('quake');
    await expect.poll(async () => Math.abs((await frameHeight('storm')) - (await contentHeight(storm))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await expect.poll(async () => Math.abs((await frameHeight('quake')) - Math.max(MIN_HEIGHT, await contentHeight(quake))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await frameHeight('storm')).toBeGreaterThan(INITIAL_HEIGHT);
    expect(await frameHeight('quake')).toBeLessThan(INITIAL_HEIGHT);
    expect(await frameHeight('quake')).toBeGreaterThan(MIN_HEIGHT);
    // Fitted: the embed has nothing to scroll.
    expect(await storm.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
  });

  it('a post published through the API arrives in the embed without a reload, and the frame grows with it', async () => {
    const storm = await frameOf('storm');
    const quake = await frameOf('quake');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await storm.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    // The embed is live once its stream is open (it resumes from data-seq either way).
    await expect.poll(async () => (await (await s.api('/api/v1/pages/storm')).json()).seq).toBeGreaterThan(0);
    const before = await frameHeight('storm');
    const quakeBefore = await frameHeight('quake');

    const body = [{ type: 'paragraph', text: 'The sea wall has **held** overnight. '.repeat(8) }];
    const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('Sea wall holds', { body }) });
    expect(res.status).toBe(201);
    const { id } = await res.json();

    await expect.poll(() => storm.textContent('.lp-stream article h2'), { timeout: 15_000 }).toBe('Sea wall holds');
    expect(await storm.textContent(`#post-${id} strong`)).toBe('held');
    await expect.poll(() => frameHeight('storm'), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(async () => Math.abs((await frameHeight('storm')) - (await contentHeight(storm))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    // No reload anywhere, and the other embed is untouched.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await storm.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await quake.$$eval('.lp-stream article', (as) => as.length)).toBe(1);
    expect(await frameHeight('quake')).toBe(quakeBefore);
  });

  it('ignores height messages from any other window or origin', async () => {
    const before = await frameHeight('storm');
    const origin = new URL(s.url).origin;
    const result = await page.evaluate(
      async ({ origin }) => {
        const frame = document.querySelector<HTMLIFrameElement>('#storm iframe')!;
        const data = { type: 'livepage:height', id: frame.name, height: 3000, title: 'Hijacked' };
        const heights: string[] = [];
        // The right window, the wrong origin (as if the frame had been navigated elsewhere).
        dispatchEvent(new MessageEvent('message', { data, origin: 'http://evil.example', source: frame.contentWindow }));
        heights.push(frame.style.height);
        // The right origin, the wrong window.
        dispatchEvent(new MessageEvent('message', { data, origin, source: window }));
        heights.push(frame.style.height);
        // A real message from the host page itself; our listener runs after embed.js's.
        await new Promise<void>((resolve) => {
          addEventListener('message', () => resolve(), { once: true });
          postMessage(data, '*');
        });
        heights.push(frame.style.height);
        return { heights, title: frame.title };
      },
      { origin },
    );
    expect(result.heights).toEqual([`${before}px`, `${before}px`, `${before}px`]);
    expect(result.title).toBe('Storm live');
    expect(await frameHeight('storm')).toBe(before);
  });

  it('picks up a div added later', async () => {
    await page.evaluate((url) => {
      const div = document.createElement('div');
      div.setAttribute('data-livepage', url);
      document.getElementById('later')!.append(div);
      div.scrollIntoView();
    }, `${s.url}/live/quake`);
    await expect.poll(() => page.$$eval('#later iframe', (fs) => fs.map((f) => f.getAttribute('src'))), { timeout: 10_000 }).toEqual([`${s.url}/live/quake/embed`]);
    await expect.poll(() => page.getAttribute('#later iframe', 'title'), { timeout: 10_000 }).toBe('Quake live');
  });

  it('the embed view has no accessibility violations (axe-core)', async () => {
    const own = await browser.newPage();
    try {
      await own.goto(`${s.url}/live/storm/embed`, { waitUntil: 'load' });
      await own.evaluate(axeSource);
      const violations = await own.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run();
        return result.violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
