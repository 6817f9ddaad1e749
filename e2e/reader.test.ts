/** The reader page in a real Chromium: accessible, readable on a phone, no third-party requests. */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDocument } from '../src/cli/demo-content.js';
import { importPage } from '../src/commands/importPage.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

describeBrowser('reader page in Chromium', () => {
  let s: TestServer;
  let browser: BrowserContext;
  let url: string;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const { page } = await importPage(s.ctx, demoDocument(new Date()), null);
    url = `${s.url}/live/${page.slug}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function open(width: number): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests };
  }

  it('has no accessibility violations (axe-core)', async () => {
    const { page } = await open(1280);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('reads on a 360px phone without sideways scrolling, and shows the key parts', async () => {
    const { page } = await open(360);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Summary' }).isVisible()).toBe(true);
    expect(await page.locator('article[id^="post-"]').count()).toBeGreaterThanOrEqual(10);
    expect(await page.getByText('Live', { exact: true }).first().isVisible()).toBe(true);
    await page.close();
  });

  it('makes no third-party request before the reader asks for an embed', async () => {
    const { page, requests } = await open(1280);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    const origin = new URL(s.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
