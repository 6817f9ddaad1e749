/**
 * Every kind of embed issue 11 names on one reader page, in Chromium at 390 px, against
 * local fakes shaped like the real providers (src/test/embed-kinds.ts): each card readable
 * with no request to any provider; each "Show …" (in that provider's words) loads from that
 * provider only; YouTube and Vimeo play in place from their privacy-enhanced hosts.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { META_TOKEN, startEmbedKinds, type EmbedKinds } from '../src/test/embed-kinds.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

/** The real hosts a shown embed loads from, answered here so nothing leaves the machine. */
const REAL = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://telegram.org'];

describeBrowser('every kind of embed on a reader page, in Chromium at 390 px', () => {
  let k: EmbedKinds;
  let s: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    k = await startEmbedKinds();
    s = await startTestServer('sqlite', { config: { metaOembedToken: META_TOKEN }, media: { isAllowedAddress: (a) => a === '127.0.0.1' }, embeds: { registry: k.registry, timeoutMs: 2_000 } });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { slug: 'kinds', title: 'Storm live' } });
    for (const c of k.cases) {
      const res = await s.api('/api/v1/pages/kinds/posts', { method: 'POST', as: 'editor', json: { title: `From ${c.provider}`, body: [{ type: 'embed', url: c.url }] } });
      expect(res.status).toBe(201);
    }
    for (const until = Date.now() + 30_000; ; ) {
      const { posts } = (await (await s.api('/api/v1/pages/kinds/posts')).json()) as { posts: Array<{ body: Array<{ card?: unknown }> }> };
      if (posts.filter((x) => x.body[0]?.card).length === k.cases.length) break;
      if (Date.now() > until) throw new Error('the embeds were not resolved');
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const origin of REAL) await page.route(`${origin}/**`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>provider</title>' }));
    page.on('request', (r) => requests.push(r.url()));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await k?.close();
  });

  const ours = (u: string) => new URL(u).origin === new URL(s.url).origin;

  it('every card is readable at 390 px and nothing loads from any provider', async () => {
    await page.goto(`${s.url}/live/kinds`, { waitUntil: 'load' });
    await page.mouse.wheel(0, 40_000);
    await page.waitForTimeout(800);
    for (const c of k.cases) {
      const card = page.locator(`.lp-embed-card:has(a.lp-embed-card__link[href="${c.url}"])`);
      expect(await card.count(), c.provider).toBe(1);
      expect(await card.locator('.lp-embed-card__provider').textContent(), c.provider).toBe(c.provider);
      if (c.author) expect(await card.locator('.lp-embed-card__author').textContent(), c.provider).toBe(c.author);
      expect(await card.textContent(), c.provider).toContain(c.text);
      if (c.thumbnail) expect(ours(await card.locator('.lp-embed-card__thumb img').evaluate((i: HTMLImageElement) => i.currentSrc)), c.provider).toBe(true);
      if (c.label) expect(await card.getByRole('link', { name: c.label }).count(), c.provider).toBe(1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(requests.filter((u) => !ours(u))).toEqual([]);
  });

  it('each "Show …" loads from that provider only; videos play in place from privacy-enhanced hosts', async () => {
    for (const c of k.cases.filter((x) => x.label)) {
      const before = requests.length;
      const card = page.locator(`.lp-embed-card:has(a.lp-embed-card__link[href="${c.url}"])`);
      // The click replaces the card with the frame: hold the figure around it, not a locator through the card.
      const figure = (await page.locator('figure', { has: card }).elementHandle())!;
      const show = card.getByRole('link', { name: c.label });
      // The frames shown before still resize to their content: click once this link has stopped moving.
      await show.scrollIntoViewIfNeeded();
      await expect.poll(async () => { const a = await show.boundingBox(); await page.waitForTimeout(250); return JSON.stringify(a) === JSON.stringify(await show.boundingBox()); }).toBe(true);
      await show.click();
      await expect.poll(async () => (await figure.$$('.lp-embed__frame iframe')).length, { timeout: 5_000, message: c.provider }).toBe(1);
      const frame = (await figure.$('.lp-embed__frame iframe'))!;
      if (c.player) {
        expect(await frame.getAttribute('src'), c.provider).toBe(`${c.player}${c.player.includes('?') ? '&' : '?'}autoplay=1`);
        expect(await frame.getAttribute('sandbox'), c.provider).not.toContain('allow-top-navigation');
      } else {
        expect(await frame.getAttribute('sandbox'), c.provider).not.toContain('allow-same-origin');
      }
      await page.waitForTimeout(600); // the provider's script and what it draws
      const theirs = requests.slice(before).filter((u) => !ours(u));
      const allowed = [c.host.url, ...(c.frameSource ? [c.frameSource] : []), ...(c.player ? [new URL(c.player).origin] : [])];
      expect(theirs.length, `${c.provider} loaded something`).toBeGreaterThan(0);
      expect(theirs.filter((u) => !allowed.some((a) => u.startsWith(a))), `${c.provider} loaded only from itself`).toEqual([]);
    }
  }, 120_000);
});
