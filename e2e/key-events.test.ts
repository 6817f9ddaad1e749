/**
 * The "Key events" list on an open reader page follows the newsroom live, against the
 * real server, and ends up exactly as a reload would render it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

describeBrowser('key events list in a real browser', () => {
  let s: TestServer;
  let browser: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost('An ordinary post') });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${s.url}/live/storm`);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const titles = () => page.locator('.lp-key-events__title').allTextContents();
  const publish = async (title: string, extra: Record<string, unknown> = {}) =>
    (await (await s.api('/api/v1/pages/storm/posts', { method: 'POST', as: 'editor', json: aPost(title, extra) })).json()) as { id: string; version: number };
  /** The list as a fresh load of the page renders it (null: no list). */
  const reloaded = async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${s.url}/live/storm`);
    const html = await fresh.locator('.lp-key-events').evaluateAll((els) => els[0]?.outerHTML ?? null);
    await fresh.close();
    return html;
  };
  const live = () => page.locator('.lp-key-events').evaluateAll((els) => els[0]?.outerHTML ?? null);

  it('publishing, editing and unpublishing key events update the list without reload', async () => {
    expect(await page.locator('.lp-key-events').count()).toBe(0);

    const first = await publish('Evacuation <ordered>', { keyEvent: true });
    await expect.poll(titles, { timeout: 5000 }).toEqual(['Evacuation <ordered>']);
    expect(await page.locator('.lp-key-events a').getAttribute('href')).toBe(`#post-${first.id}`);
    // Same markup as the server renders, so a reload looks the same.
    expect(await live()).toBe(await reloaded());

    // Not a key event: the list does not change.
    await publish('Just an update');
    const second = await publish('Bridge closed', { label: 'key-event' });
    await expect.poll(titles, { timeout: 5000 }).toEqual(['Bridge closed', 'Evacuation <ordered>']);
    expect(await page.locator(`#post-${second.id}`).count()).toBe(1);
    expect(await live()).toBe(await reloaded());

    // An edit that keeps it a key event updates the entry; one that drops the flag removes it.
    let res = await s.api(`/api/v1/posts/${first.id}`, { method: 'PATCH', as: 'editor', json: { title: 'Evacuation ordered' }, headers: { 'if-match': `"${first.version}"` } });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as { version: number };
    await expect.poll(titles, { timeout: 5000 }).toEqual(['Bridge closed', 'Evacuation ordered']);
    res = await s.api(`/api/v1/posts/${first.id}`, { method: 'PATCH', as: 'editor', json: { keyEvent: false }, headers: { 'if-match': `"${edited.version}"` } });
    expect(res.status).toBe(200);
    await expect.poll(titles, { timeout: 5000 }).toEqual(['Bridge closed']);
    expect(await page.locator(`#post-${first.id}`).count()).toBe(1);
    expect(await live()).toBe(await reloaded());

    // Unpublishing the last one removes the entry and the section with it.
    res = await s.api(`/api/v1/posts/${second.id}`, { method: 'DELETE', as: 'editor' });
    expect(res.ok).toBe(true);
    await expect.poll(() => page.locator('.lp-key-events').count(), { timeout: 5000 }).toBe(0);
    expect(await reloaded()).toBeNull();
  });
});
