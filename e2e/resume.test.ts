/**
 * A reader who drops off the network while the newsroom keeps publishing gets every post
 * when it comes back: its EventSource resumes with Last-Event-ID and the server sends the
 * whole backlog (far more than the slow-reader limit) as the socket takes it.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../src/test/fixtures.js';
import { startTestServer, type TestServer } from '../src/test/server.js';
import { describeBrowser, launchBrowser } from './browser.js';

describeBrowser('resuming after being offline, in a real browser', () => {
  let s: TestServer;
  let browser: BrowserContext;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('outage') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('offline while 60 posts go out, then online: all 60 shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.url}/live/outage`);
    await expect.poll(() => s.app.hub.connections, { timeout: 5000 }).toBe(1);
    // Offline: new requests fail at once. Chromium's emulation leaves open streams be, so
    // the network drop that takes them down is played by the server cutting its connections.
    await browser.setOffline(true);
    s.cutConnections();
    await expect.poll(() => s.app.hub.connections).toBe(0);
    // ~1.5 KB of html each: 60 of them are well over the 64 KB a live reader may fall behind.
    const text = 'The storm surge reached the harbour wall before dawn. '.repeat(25);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      // Cutting them also cut this test's own keep-alive connection to the server: a
      // request sent on it fails ("fetch failed"), so each post carries an Idempotency-Key and
      // is sent again, as the newsroom does, without being published twice.
      const init = { method: 'POST', as: 'editor' as const, headers: { 'idempotency-key': `outage-${i}` }, json: aPost(`While away ${i + 1}`, { body: [{ type: 'paragraph', text }] }) };
      const res = await s.api('/api/v1/pages/outage/posts', init).catch(() => s.api('/api/v1/pages/outage/posts', init));
      ids.push((await res.json()).id);
    }
    const shown = () => page.$$eval('.lp-stream article[id^="post-"]', (as) => as.map((a) => a.id));
    await new Promise((r) => setTimeout(r, 500));
    expect(await shown()).toEqual([]); // none arrived while offline
    await browser.setOffline(false);
    await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBe(60);
    expect(await shown()).toEqual(ids.reverse().map((id) => `post-${id}`)); // newest first, each once
    await page.close();
  }, 60_000);
});
