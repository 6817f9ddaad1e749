/** A reader's open page in Chromium follows the newsroom live, against the real server. */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

describeBrowser('live updates in a real browser', () => {
  let s: TestServer;
  let browser: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm-2') });
    await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('First post') });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${s.url}/live/storm`);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const firstTitle = () => page.locator('.lp-stream article h2').first().textContent();

  it('a published post appears at the top without reload, bold intact', async () => {
    const res = await s.api('/api/v1/pages/storm/posts', {
      method: 'POST',
      as: 'editor',
      json: aPost('Live from the harbour', { body: [{ type: 'paragraph', text: 'Waves are **very high** now.' }] }),
    });
    const { id } = await res.json();
    await expect.poll(firstTitle, { timeout: 3000 }).toBe('Live from the harbour');
    expect(await page.locator(`#post-${id} strong`).textContent()).toBe('very high');
    // Announcements are gathered for a moment, so a burst is read out once.
    await expect.poll(() => page.locator('#lp-announcer').textContent(), { timeout: 4000 }).toContain('Live from the harbour');
  });

  it('edits and removals apply in place; summary changes show', async () => {
    const { id, version } = await (await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('Typo in titel') })).json();
    await expect.poll(firstTitle).toBe('Typo in titel');
    await s.api(`/api/v1/posts/${id}`, { method: 'PATCH', as: 'editor', json: { title: 'Typo in title' }, headers: { 'if-match': `"${version}"` } });
    await expect.poll(() => page.locator(`#post-${id} h2`).textContent()).toBe('Typo in title');
    await s.api(`/api/v1/posts/${id}`, { method: 'DELETE', as: 'editor' });
    await expect.poll(() => page.locator(`#post-${id}`).count()).toBe(0);
    await s.api('/api/v1/pages/storm', { method: 'PATCH', as: 'editor', json: { summary: ['Evacuation **ordered**'] } });
    await expect.poll(() => page.locator('#lp-slot-summary').textContent()).toContain('Evacuation ordered');
  });

  it('continuing the page shows the notice and removes the Live label', async () => {
    await s.api('/api/v1/pages/storm/continue', { method: 'POST', as: 'editor', json: { to: 'storm-2' } });
    await expect.poll(() => page.locator('#lp-slot-notice a').getAttribute('href')).toBe('/live/storm-2');
    expect(await page.locator('#lp-slot-header').textContent()).not.toMatch(/\bLive\b/);
  });
});
