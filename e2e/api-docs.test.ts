/**
 * Issue 15: the reference docs at /docs/api, rendered from our OpenAPI document by the
 * renderer we serve ourselves, in a real Chromium at a phone's width (390 px): the API's
 * operations are there to read, the page fits the screen, no request leaves our origin and
 * the page's CSP refuses nothing the renderer needs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

describeBrowser('API reference docs', () => {
  let s: TestServer;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    context = await launchBrowser();
    context.on('request', (r) => void requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => void problems.push(e.message));
    await page.setViewportSize({ width: 390, height: 844 });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await s?.close();
  });

  it('renders every tag of the document on a phone, from our origin only', async () => {
    const res = await page.goto(`${s.url}/docs/api`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The document's operations, as the renderer shows them.
    await page.locator('.opblock-summary-description', { hasText: 'Create a post' }).first().waitFor({ timeout: 30_000 });
    const text = await page.evaluate(() => document.body.innerText);
    for (const words of ['livepage API', 'Pages', 'Posts', 'Media', 'Tokens', 'post.published']) expect(text).toContain(words);
    // An operation opened: its parameters, body schema and responses, with their error codes.
    await page.locator('.opblock-summary-description', { hasText: 'Change a post' }).first().click();
    await page.locator('.opblock.is-open .responses-table').first().waitFor();
    expect(await page.locator('.opblock.is-open').first().innerText()).toContain('version_conflict');
    // Readable on a phone: nothing wider than the screen makes the page scroll sideways.
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
    expect(widths.view).toBe(390);
    expect(Math.max(widths.doc, widths.body)).toBeLessThanOrEqual(390);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    if (process.env.LIVEPAGE_SCREENSHOT_DIR) await page.locator('.opblock.is-open').first().screenshot({ path: `${process.env.LIVEPAGE_SCREENSHOT_DIR}/api-docs-390.png` });
    const origin = new URL(s.url).origin;
    const elsewhere = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank');
    expect(elsewhere).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused/i.test(p))).toEqual([]);
  }, 90_000);
});
