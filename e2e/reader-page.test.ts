/**
 * The reader page of issue 13 in a real Chromium, against the real server: clock times
 * first, long posts folded, the newest post on a laptop's first screen, sharing, reading
 * order and filter, "Show more posts", freshness, an Arabic page laid out right to left;
 * at phone and laptop size, with and without JavaScript, light and dark.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { demoDocument } from '../src/cli/demo-content.js';
import { importPage } from '../src/commands/importPage.js';
import { aPage, aPost } from '../src/test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };
const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const shots = mkdtempSync(join(tmpdir(), 'livepage-reader-shots-'));

describeBrowser('issue 13 reader page in Chromium', () => {
  let s: TestServer;
  let withJs: BrowserContext;
  let noJs: BrowserContext;
  let demo: string;
  const opened: Page[] = [];

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const { page } = await importPage(s.ctx, demoDocument(new Date()), null);
    demo = `/live/${page.slug}`;
    // 45 posts: three pages of 20, every third a key event.
    await s.api('/api/v1/pages', { method: 'POST', as: 'admin', json: aPage('long-story') });
    for (let i = 1; i <= 45; i++) {
      const at = new Date(Date.parse('2025-03-08T20:00:00Z') + i * 10 * 60_000).toISOString();
      await s.api('/api/v1/pages/long-story/posts', { method: 'POST', as: 'admin', json: aPost(`Update ${i}`, { publishedAt: at, keyEvent: i % 3 === 0 }) });
    }
    await s.api('/api/v1/pages', { method: 'POST', as: 'admin', json: aPage('arabic', { locale: 'ar-EG', timeZone: 'Asia/Riyadh', title: 'تغطية مباشرة', summary: ['نقطة أولى', 'نقطة ثانية'] }) });
    for (let i = 1; i <= 3; i++) await s.api('/api/v1/pages/arabic/posts', { method: 'POST', as: 'admin', json: aPost(`تحديث ${i}`, { keyEvent: i === 2 }) });
    [withJs, noJs] = [await launchBrowser(), await launchBrowser({ javaScriptEnabled: false })];
  });
  // Each open page holds a stream; Chromium allows six connections to a host: close them.
  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close().catch(() => {});
  });
  afterAll(async () => {
    for (const p of opened) await p.close().catch(() => {});
    await withJs?.close();
    await noJs?.close();
    await s?.close();
  });

  async function open(path: string, { js = true, size = LAPTOP, dark = false } = {}): Promise<Page> {
    const page = await (js ? withJs : noJs).newPage();
    opened.push(page);
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto(s.url + path, { waitUntil: 'load' });
    return page;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  it('has no accessibility violations: the Arabic page in dark mode, a filtered view on a phone, the front page', async () => {
    expect(await axe(await open('/live/arabic', { dark: true }))).toEqual([]);
    expect(await axe(await open('/live/long-story?order=oldest&only=key-events', { size: PHONE }))).toEqual([]);
    const front = await open('/');
    expect(await front.locator('.lp-card').count()).toBe(3);
    expect(await axe(front)).toEqual([]);
  }, 90_000);

  const firstPostTop = (page: Page) => page.$eval('.lp-stream__posts > article', (a) => a.getBoundingClientRect().top);

  it('puts the newest post on the first screen of a 1280×900 laptop, with or without JavaScript, light or dark', async () => {
    for (const [js, dark] of [[true, false], [false, true]] as const) {
      const page = await open(demo, { js, dark });
      expect(await firstPostTop(page)).toBeLessThan(LAPTOP.height);
      // The long pinned post is folded behind "Show more", which opens without a script.
      const more = page.locator('.lp-pinned .lp-more > summary');
      expect(await more.textContent()).toBe('Show moreShow less');
      expect(await page.locator('.lp-pinned .lp-more').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await more.click();
      expect(await page.locator('.lp-pinned .lp-more').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      // Key events sit open in the side column.
      const [main, side] = await Promise.all([page.$eval('.lp-stream', (e) => e.getBoundingClientRect()), page.$eval('.lp-key-events', (e) => e.getBoundingClientRect())]);
      expect(side.left).toBeGreaterThan(main.right);
      expect(await page.locator('.lp-key-events__list').isVisible()).toBe(true);
      await page.screenshot({ path: join(shots, `laptop-${js ? 'js' : 'nojs'}-${dark ? 'dark' : 'light'}.png`) });
    }
  }, 90_000);

  it('on a phone, collapses the key events and reads without sideways scrolling', async () => {
    for (const js of [true, false]) {
      const page = await open(demo, { js, size: PHONE, dark: js });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      expect(await page.locator('.lp-key-events__list').isVisible()).toBe(false);
      await page.click('.lp-key-events__toggle');
      expect(await page.locator('.lp-key-events__list').isVisible()).toBe(true);
    }
  }, 90_000);

  it('shows the clock first; with JavaScript the relative time beside it and the freshness line; without, a note', async () => {
    const page = await open(demo);
    const first = page.locator('.lp-stream__posts > article').first();
    expect(await first.locator('.lp-post__clock').textContent()).toMatch(/^\d\d:\d\d (GMT|BST)$/);
    await expect.poll(() => first.locator('.lp-post__ago').textContent()).toMatch(/ago$|^just now$/);
    await expect.poll(() => page.textContent('#lp-status')).toBe('Updated just now');
    expect(await page.locator('noscript').count()).toBe(1);
    const bare = await open(demo, { js: false });
    expect(await bare.locator('.lp-post__ago').count()).toBe(0);
    expect(await bare.locator('.lp-noscript').textContent()).toBe('This page updates itself when scripts run. Reload it for the latest posts.');
    expect(await bare.locator('.lp-noscript').isVisible()).toBe(true);
  }, 90_000);

  it('says "Reconnecting…" when the stream stays down for a few seconds, and "Updated just now" once back', async () => {
    const page = await withJs.newPage();
    opened.push(page);
    // The stream and the polling endpoint fail, as when the network is down.
    const down = (r: { abort(): Promise<void> }) => r.abort();
    await page.route('**/events**', down);
    await page.route('**/updates**', down);
    await page.goto(s.url + demo);
    await expect.poll(() => page.textContent('#lp-status'), { timeout: 15_000 }).toBe('Reconnecting…');
    expect(await page.getAttribute('#lp-status', 'class')).toContain('lp-status--down');
    await page.unroute('**/events**', down);
    await page.unroute('**/updates**', down);
    await expect.poll(() => page.textContent('#lp-status'), { timeout: 30_000 }).toBe('Updated just now');
  }, 90_000);

  it('shares a post: plain links without JavaScript, copy-link with it, and a shared link lands on the post', async () => {
    const bare = await open(demo, { js: false });
    const share = bare.locator('.lp-stream__posts > article').first().locator('.lp-share');
    await share.locator('summary').click();
    const hrefs = await share.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.map((h) => new URL(h).protocol === 'mailto:' ? 'mailto:' : new URL(h).host)).toEqual(['x.com', 'www.facebook.com', 'wa.me', 'mailto:']);

    const page = await open(demo);
    await withJs.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
    const article = page.locator('.lp-stream__posts > article').nth(3);
    await article.locator('.lp-share__toggle').click();
    await article.locator('.lp-share__copy').click();
    await expect.poll(() => article.locator('.lp-share__copy').textContent()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const id = await article.getAttribute('id');
    expect(copied).toBe(`${PUBLIC_URL}${demo}/posts/${id!.slice(5)}`);

    // The permalink redirects to the post's place, which stays in view while pictures above load.
    const landed = await open(`${demo}/posts/${id!.slice(5)}`);
    expect(landed.url()).toContain(`#${id}`);
    await landed.waitForTimeout(500);
    const top = await landed.$eval(`#${id}`, (a) => a.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
  }, 90_000);

  it('reads oldest first and key events only, without JavaScript, each its own URL', async () => {
    const page = await open('/live/long-story', { js: false });
    await page.click('text=Oldest first');
    expect(page.url()).toMatch(/\?order=oldest$/);
    const titles = () => page.$$eval('.lp-post__title', (h) => h.map((e) => e.textContent));
    expect((await titles()).slice(0, 2)).toEqual(['Update 1', 'Update 2']);
    await page.click('text=Key events only');
    expect(page.url()).toMatch(/\?order=oldest&only=key-events$/);
    expect((await titles()).slice(0, 3)).toEqual(['Update 3', 'Update 6', 'Update 9']);
    expect(await page.locator('.lp-options__link[aria-current]').allTextContents()).toEqual(['Oldest first', 'Key events only']);
    // Midnight in the page's zone (Europe/London) passed between updates 24 and 25.
    await page.goto(`${s.url}/live/long-story?order=oldest&page=2`);
    expect(await page.locator('.lp-day').allTextContents()).toEqual(['Saturday, 8 March 2025', 'Sunday, 9 March 2025']);
  }, 90_000);

  it('"Show more posts" appends the next 20 in place and updates the address; pagination stays for no-JS', async () => {
    const page = await open('/live/long-story');
    expect(await page.locator('.lp-stream__posts > article').count()).toBe(20);
    await page.click('.lp-more-posts');
    await expect.poll(() => page.locator('.lp-stream__posts > article').count()).toBe(40);
    expect(page.url()).toMatch(/\/live\/long-story\?page=2$/);
    expect(await page.textContent('.lp-pagination__status')).toBe('Page 2 of 3');
    // The next page's opening day marker names a day already shown: it is not repeated.
    expect(await page.locator('.lp-day').allTextContents()).toEqual(['Sunday, 9 March 2025', 'Saturday, 8 March 2025']);
    await page.click('.lp-more-posts');
    await expect.poll(() => page.locator('.lp-stream__posts > article').count()).toBe(45);
    expect(await page.locator('.lp-more-posts').count()).toBe(0);
    const bare = await open('/live/long-story', { js: false });
    expect(await bare.locator('.lp-more-posts').count()).toBe(0);
    expect(await bare.locator('.lp-pagination a[rel="next"]').getAttribute('href')).toBe('/live/long-story?page=2');
  }, 90_000);

  it('lays an Arabic page out right to left, in Arabic (screenshot checked)', async () => {
    for (const size of [PHONE, LAPTOP]) {
      const page = await open('/live/arabic', { size });
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.textContent('.lp-summary__title')).toBe('ملخص');
      await expect.poll(() => page.textContent('#lp-status')).toBe('حُدّثت للتو');
      const box = (sel: string) => page.$eval(sel, (e) => e.getBoundingClientRect());
      const [home, status] = [await box('.lp-masthead__home'), await box('#lp-status')];
      // Mirrored: the site name on the right, the status on the left.
      expect(home.left).toBeGreaterThan(status.right);
      const [clock, share] = [await box('.lp-stream__posts > article .lp-post__permalink'), await box('.lp-stream__posts > article .lp-share__toggle')];
      expect(clock.left).toBeGreaterThan(share.right);
      if (size === LAPTOP) expect((await box('.lp-aside')).right).toBeLessThan((await box('.lp-stream')).left);
      const file = join(shots, `arabic-${size.width}.png`);
      await page.screenshot({ path: file });
      expect(file).toMatch(/\.png$/);
    }
  }, 90_000);
});
