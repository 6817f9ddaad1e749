/**
 * Social posts on a reader page in Chromium at phone size (issue 11): ten embeds served by
 * local fake providers show as cards with no request to any provider and no layout shift;
 * "Show X post" puts the provider's markup in a sandboxed frame with an opaque origin that
 * cannot reach our DOM, cookies or storage, and fits its content; a reader's "always show"
 * is remembered per provider.
 */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeProviders, type FakeProviders } from '../src/test/embed-providers.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

describeBrowser('embeds on a reader page, in Chromium at 390 px', () => {
  let p: FakeProviders;
  let s: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    p = await startFakeProviders();
    s = await startTestServer('sqlite', { media: { isAllowedAddress: (a) => a === '127.0.0.1' }, embeds: { registry: p.registry, timeoutMs: 2_000 } });
    expect((await fetch(`${s.url}/assets/build/live.js`)).status, 'public/build/live.js: run npm run build').toBe(200);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: { slug: 'storm', title: 'Storm live' } });
    const urls = [
      `${p.x.url}/ministry/status/1`,
      `${p.youtube.url}/watch?v=abcdefghijk`,
      `${p.mastodon.url}/@alice/1`,
      `${p.news.url}/story`,
      `${p.telegram.url}/newsroom/42`,
    ];
    // Ten embeds: each kind twice, in ten posts.
    for (let i = 0; i < 10; i++) {
      const body = [{ type: 'paragraph', text: `Update ${i}.` }, { type: 'embed', url: urls[i % urls.length], caption: `Source ${i}` }];
      expect((await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: { title: `Post ${i}`, body } })).status).toBe(201);
    }
    const resolved = async () => {
      const { posts } = (await (await s.api('/api/v1/pages/storm/posts')).json()) as { posts: Array<{ body: Array<{ card?: unknown }> }> };
      return posts.filter((x) => x.body[1]?.card).length;
    };
    for (const until = Date.now() + 20_000; (await resolved()) < 10; ) {
      if (Date.now() > until) throw new Error('the embeds were not resolved');
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    page.on('request', (r) => requests.push(r.url()));
    // Layout shifts from the first paint on, and what the sandboxed frames tell the page.
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number; __escapes: unknown[] };
      w.__cls = 0;
      w.__escapes = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      addEventListener('message', (e) => {
        if ((e.data as { livepageEmbed?: string })?.livepageEmbed === 'escapes') w.__escapes.push({ ...(e.data as object), messageOrigin: e.origin });
      });
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await p?.close();
  });

  const ours = (u: string) => new URL(u).origin === new URL(s.url).origin;

  it('ten cards: readable, no third-party request, no layout shift', async () => {
    await page.goto(`${s.url}/live/storm`, { waitUntil: 'load' });
    await page.evaluate(() => (document.cookie = 'reader_secret=1; path=/'));
    await page.evaluate(() => localStorage.setItem('reader_storage', 'mine'));
    await page.mouse.wheel(0, 20_000); // every card in view once (lazy thumbnails load)
    await page.waitForTimeout(800);
    expect(await page.locator('.lp-embed-card').count()).toBe(10);
    await expect.poll(() => page.locator('.lp-embed-card__text').first().textContent()).toBeTruthy();
    expect(requests.filter((u) => !ours(u))).toEqual([]);
    expect(p.hits()).not.toContain(expect.stringContaining('widgets.js'));
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    // Every card fits the phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Accessible: axe-core finds nothing on the page of cards.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run('.lp-embed')).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('"Show X post": the markup in a sandbox with an opaque origin, no way to our DOM, cookies or storage; sized to its content', async () => {
    const before = requests.length;
    const popups: Page[] = [];
    browser.on('page', (p2) => popups.push(p2));
    const card = page.locator('.lp-embed-card[data-embed-provider="x"]').first();
    await card.getByRole('link', { name: 'Show X post' }).click();
    const frame = page.locator('iframe.lp-embed__sandbox').first();
    await expect.poll(() => frame.count()).toBe(1);
    const sandbox = await frame.getAttribute('sandbox');
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    expect(sandbox).not.toContain('allow-top-navigation');
    // The provider's widget ran in the frame and tried its way out.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __escapes: unknown[] }).__escapes.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const [escapes] = (await page.evaluate(() => (window as unknown as { __escapes: unknown[] }).__escapes)) as Array<{ escapes: Record<string, unknown>; origin: string; messageOrigin: string }>;
    expect(escapes!.origin).toBe('null'); // opaque
    expect(escapes!.messageOrigin).toBe('null');
    expect(escapes!.escapes.parentDom).toBe(false);
    expect(escapes!.escapes.cookie).toBe('blocked');
    expect(escapes!.escapes.storage).toBe(false);
    expect(escapes!.escapes.navigatedTop).toBe(false);
    // A form it submits never leaves the frame (no allow-forms, form-action 'none').
    expect(escapes!.escapes.formSubmitted).toBe('tried');
    await page.waitForTimeout(300);
    expect(p.hits()).not.toContainEqual(expect.stringContaining('/form-hit'));
    // A popup it opens (a link to the provider in a new tab) cannot reach or navigate our page through its opener.
    await expect.poll(() => popups.length).toBeGreaterThan(0);
    for (const popup of popups) {
      await expect.poll(() => popup.title(), { timeout: 5_000 }).toMatch(/^\{/);
      expect(JSON.parse(await popup.title())).toEqual({ openerDom: false, navigatedOpener: false });
      await popup.close();
    }
    expect(await page.evaluate(() => document.body.hasAttribute('data-pwned'))).toBe(false);
    expect(page.url()).toBe(`${s.url}/live/storm`);
    // Its markup is in the frame's document, never in ours.
    expect(await page.evaluate(() => document.querySelector('.twitter-tweet, #rendered'))).toBeNull();
    // Resized to what it reported (a 420 px post plus its quote).
    await expect.poll(async () => (await frame.boundingBox())!.height, { timeout: 5_000 }).toBeGreaterThan(420);
    // Only now, and only that provider.
    const after = requests.slice(before).filter((u) => !ours(u));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((u) => u.startsWith(p.x.url))).toBe(true);
  });

  it('a video plays in place from the privacy-enhanced host', async () => {
    await page.route('https://www.youtube-nocookie.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>player</title>' }));
    const card = page.locator('.lp-embed-card[data-embed-provider="youtube"]').first();
    await card.getByRole('link', { name: 'Play YouTube video' }).click();
    const src = await page.locator('.lp-embed__frame iframe:not(.lp-embed__sandbox)').first().getAttribute('src');
    expect(src).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1');
  });

  it('"Always show" is remembered per provider: the next visit shows that provider\'s posts, not the others\'', async () => {
    const card = page.locator('.lp-embed-card[data-embed-provider="mastodon"]').first();
    await card.getByLabel('Always show Mastodon content').check();
    await card.getByRole('link', { name: 'Show Mastodon post' }).click();
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('.lp-embed-card[data-embed-provider="mastodon"]').count()).toBe(0);
    expect(await page.locator('iframe.lp-embed__sandbox').count()).toBe(2);
    expect(await page.locator('.lp-embed-card[data-embed-provider="x"]').count()).toBe(2);
  });

  it('"Always show" ticked while reading applies to posts pushed live afterwards, without a reload', async () => {
    await page.route('https://telegram.org/**', (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await page.evaluate(() => localStorage.clear()); // no choice made yet when the page loads
    await page.reload({ waitUntil: 'load' });
    const card = page.locator('.lp-embed-card[data-embed-provider="telegram"]').first();
    await card.getByLabel('Always show Telegram content').check();
    await card.getByRole('link', { name: 'Show Telegram post' }).click();
    const frames = await page.locator('iframe.lp-embed__sandbox').count();
    const res = await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: { title: 'Pushed live', body: [{ type: 'embed', url: `${p.telegram.url}/newsroom/42` }] } });
    expect(res.status).toBe(201);
    const pushed = page.locator('article', { hasText: 'Pushed live' });
    await expect.poll(() => pushed.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => pushed.locator('iframe.lp-embed__sandbox').count(), { timeout: 5_000 }).toBe(1);
    expect(await pushed.locator('.lp-embed-card').count()).toBe(0);
    expect(await page.locator('iframe.lp-embed__sandbox').count()).toBe(frames + 1);
  });
});
