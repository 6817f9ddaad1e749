/**
 * A reader page sent in Brotli renders in a real Chromium: the HTML, the minified
 * stylesheet and the script all arrive compressed (br), styles apply, and the script runs
 * (a new post is pushed in over the uncompressed SSE stream).
 */
import type { BrowserContext, Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDocument } from '../src/cli/demo-content.js';
import { importPage } from '../src/commands/importPage.js';
import { aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

describeBrowser('a Brotli page in Chromium', () => {
  let s: TestServer;
  let browser: BrowserContext;
  let url: string;
  let slug: string;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    ({ slug } = (await importPage(s.ctx, demoDocument(new Date()), null)).page);
    url = `${s.url}/live/${slug}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('renders, styles and updates a page whose HTML, CSS and script came in Brotli', async () => {
    const page = await browser.newPage();
    // Ask for Brotli whatever this Chromium offers by default (br over HTTPS and localhost).
    await page.setExtraHTTPHeaders({ 'accept-encoding': 'br' });
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(url, { waitUntil: 'load' });
    const coding = async (pattern: RegExp) => {
      const r = responses.find((x) => pattern.test(x.url()));
      expect(r, String(pattern)).toBeDefined();
      return (await r!.allHeaders())['content-encoding'];
    };
    expect(await coding(new RegExp(`/live/${slug}$`))).toBe('br');
    expect(await coding(/\/assets\/build\/livepage\.css\?v=/)).toBe('br'); // minified and precompressed
    expect(await coding(/\/assets\/build\/live\.js\?v=/)).toBe('br');
    expect(await page.locator('article[id^="post-"]').count()).toBeGreaterThanOrEqual(10);
    // The stylesheet applied: the page's main column is laid out by it, not the browser's defaults.
    expect(await page.locator('main').evaluate((m) => getComputedStyle(m).maxWidth)).not.toBe('none');
    // The script runs: a new post is pushed in without a reload.
    await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost('Pushed to a Brotli page') });
    await expect.poll(() => page.getByRole('heading', { name: 'Pushed to a Brotli page' }).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });
});
