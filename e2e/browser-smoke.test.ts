/** Proves the browser harness: a real Chromium loads a page from a local server and runs its script. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser } from './browser.js';

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>smoke</title></head>
<body>
  <p id="status">waiting</p>
  <button type="button" id="go">Go</button>
  <script>
    document.getElementById('go').addEventListener('click', () => {
      document.getElementById('status').textContent = 'clicked';
    });
  </script>
</body>
</html>`;

describeBrowser('browser harness', () => {
  let server: Server;
  let baseUrl: string;
  let context: BrowserContext;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HTML);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    context = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('loads a page and runs its script on click', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await expect(page.locator('#status').textContent()).resolves.toBe('waiting');
    await page.locator('#go').click();
    await expect(page.locator('#status').textContent()).resolves.toBe('clicked');
  });
});
