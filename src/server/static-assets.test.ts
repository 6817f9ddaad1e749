/**
 * Stylesheets and scripts: minified, linked by content-hashed URLs, cached immutably for a
 * year, and sent in the Brotli or gzip the build made once (scripts/build-reader.mjs), by
 * Accept-Encoding, with Vary. Needs `npm run build` (npm test runs it first).
 */
import { existsSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { rawRequest } from '../test/raw-http.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { PUBLIC_DIR } from './build-id.js';

const raw = rawRequest;

describe('static assets', () => {
  let s: TestServer;
  let css: string;
  let js: string;

  beforeAll(async () => {
    if (!existsSync(`${PUBLIC_DIR}build/livepage.css.br`)) throw new Error('public/build is not built: run `npm run build` first (npm test does)');
    s = await startTestServer('sqlite');
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
    const html = (await raw(`${s.url}/live/storm`)).body.toString();
    css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    js = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
  });
  afterAll(() => s?.close());

  it('links the minified stylesheet and the script by content-hashed URLs', () => {
    expect(css).toMatch(/^\/assets\/build\/livepage\.css\?v=[0-9a-f]{12}$/);
    expect(js).toMatch(/^\/assets\/build\/live\.js\?v=[0-9a-f]{12}$/);
  });

  it('sends each in Brotli, gzip or as it is, cached for a year, immutable, Vary', async () => {
    for (const path of [css, js]) {
      const plain = await raw(`${s.url}${path}`);
      const br = await raw(`${s.url}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
      const gz = await raw(`${s.url}${path}`, { 'accept-encoding': 'gzip' });
      const refused = await raw(`${s.url}${path}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      expect([plain.status, br.status, gz.status, refused.status], path).toEqual([200, 200, 200, 200]);
      expect([plain.headers['content-encoding'], br.headers['content-encoding'], gz.headers['content-encoding'], refused.headers['content-encoding']], path).toEqual([
        undefined,
        'br',
        'gzip',
        undefined,
      ]);
      expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
      expect(gunzipSync(gz.body).equals(plain.body), path).toBe(true);
      expect(br.body.length, path).toBeLessThan(plain.body.length / 2);
      for (const r of [plain, br, gz]) {
        expect(r.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
        expect(r.headers.vary, path).toBe('Accept-Encoding');
        expect(r.headers['content-type'], path).toMatch(path.includes('.css') ? /^text\/css/ : /^(?:text|application)\/javascript/);
      }
      // Each coding is its own representation: its own ETag, its own 304.
      expect(br.headers.etag, path).not.toBe(plain.headers.etag);
      expect((await raw(`${s.url}${path}`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status, path).toBe(304);
      const head = await raw(`${s.url}${path}`, { 'accept-encoding': 'br' }, 'HEAD');
      expect([head.status, head.body.length, head.headers['content-encoding']], path).toEqual([200, 0, 'br']);
    }
  });

  it('minifies the stylesheet', async () => {
    const body = (await raw(`${s.url}${css}`)).body.toString();
    expect(body).not.toMatch(/\n\s+/);
    expect(body).toContain('.lp-main');
  });
});
