/**
 * The Brand page of the newsroom (issue 13 item 1) in a real Chromium: an admin sets the
 * site name and accent, a failing accent is refused next to its field, and the reader
 * page shows the brand.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser } from './browser.js';
import { createPage, journalist, type Journalist } from './newsroom-helpers.js';

describeBrowser('the newsroom brand page', () => {
  let s: TestServer;
  let admin: Journalist;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await createPage(s, 'branded');
    admin = await journalist(s.url, 'admin@example.test');
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await s?.close();
  });

  it('sets the site name and accent; a colour readers could not read is refused beside its field', async () => {
    const page = admin.page;
    await page.goto(`${s.url}/newsroom/brand`);
    await page.getByLabel('Site name').fill('Daily Planet');
    await page.getByLabel('Accent colour', { exact: true }).fill('#ffdd00');
    await page.getByRole('button', { name: 'Save brand' }).click();
    const accent = page.getByLabel('Accent colour', { exact: true });
    await expect.poll(() => accent.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#nr-brand-accent-error').textContent()).toMatch(/contrast of 1\.\d\d:1 against the light background/);
    await accent.fill('#b80000');
    await page.getByRole('button', { name: 'Save brand' }).click();
    await expect.poll(() => page.getByText('Brand saved').count()).toBe(1);
    const reader = await admin.browser.newPage();
    await expect
      .poll(async () => {
        await reader.goto(`${s.url}/live/branded`);
        return reader.textContent('.lp-masthead__home');
      })
      .toBe('Daily Planet');
    expect(await reader.$eval('.lp-live', (e) => getComputedStyle(e).backgroundColor)).toBe('rgb(184, 0, 0)');
    await reader.close();
  }, 120_000);
});
