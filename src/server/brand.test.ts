/**
 * The newsroom's brand (issue 13 item 1) through the API, on two nodes sharing one store:
 * admins set it, a failing accent or an SVG logo is refused with nothing stored, and the
 * other node's cached pages, feeds and JSON-LD follow within its one-second freshness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store.js';
import { aPage, aPost } from '../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { storedSnapshot } from '../test/snapshot.js';
import { describeEachStore } from '../test/stores.js';
import { buildApp } from './app.js';

async function eventually(read: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await read())) {
    if (Date.now() > until) throw new Error('not within time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachStore('brand settings', (kind) => {
  let a: TestServer;
  let b: { app: FastifyInstance; store: Store; url: string; dataDir: string };
  beforeAll(async () => {
    a = await startTestServer(kind);
    const dataDir = mkdtempSync(join(tmpdir(), 'livepage-brand-b-'));
    const store = await openStore({ dataDir: a.test.dataDir, databaseUrl: a.test.databaseUrl });
    const app = await buildApp({
      store,
      logger: false,
      config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl: a.test.databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent', brand: { siteName: 'Env Name' } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    b = { app, store, dataDir, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
    await a.api('/api/v1/pages', { method: 'POST', as: 'admin', json: aPage('brand-story') });
    await a.api('/api/v1/pages/brand-story/posts', { method: 'POST', as: 'admin', json: aPost('Unsigned update', { contributors: [] }) });
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.store.close();
    if (b) rmSync(b.dataDir, { recursive: true, force: true });
    await a?.close();
  });

  const get = async (base: string, path: string) => (await fetch(base + path)).text();

  it('is for admins only', async () => {
    expect((await a.api('/api/v1/brand', { as: 'editor' })).status).toBe(403);
    expect((await a.api('/api/v1/brand', { method: 'PATCH', as: 'editor', json: { siteName: 'X' } })).status).toBe(403);
  });

  it('refuses an accent that fails WCAG AA, and an SVG logo, storing nothing', async () => {
    const before = await storedSnapshot(a.test.store.db);
    const pale = await a.api('/api/v1/brand', { method: 'PATCH', as: 'admin', json: { siteName: 'Pale', accent: '#ffdd00' } });
    expect(pale.status).toBe(422);
    expect((await pale.json()).error).toMatchObject({ code: 'accent_contrast', field: 'accent' });
    const svg = await a.api('/api/v1/brand', { method: 'PATCH', as: 'admin', json: { logo: { src: '/media/logo.svg' } } });
    expect(svg.status).toBe(415);
    expect((await svg.json()).error.code).toBe('svg_not_allowed');
    const bad = await a.api('/api/v1/brand', { method: 'PATCH', as: 'admin', json: { fontStack: 'x;}*{display:none' } });
    expect(bad.status).toBe(400);
    expect(await storedSnapshot(a.test.store.db)).toEqual(before);
  });

  it("shows on the other node's pages, feeds, JSON-LD and front page within a second", async () => {
    // Node B has the page, the feed and the front page cached with its environment's name.
    expect(await get(b.url, '/live/brand-story')).toContain('>Env Name</a>');
    expect(await get(b.url, '/live/brand-story/feed.json')).toContain('"name":"Env Name"');
    const res = await a.api('/api/v1/brand', {
      method: 'PATCH',
      as: 'admin',
      json: { siteName: 'Daily Planet', publisherName: 'Planet Media', accent: '#B80000', footerLinks: [{ label: 'About us', url: '/about' }], poweredBy: false },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.settings).toMatchObject({ siteName: 'Daily Planet', accent: '#b80000' });
    expect(body.brand.accentDark).toMatch(/^#[0-9a-f]{6}$/);

    await eventually(async () => (await get(b.url, '/live/brand-story')).includes('>Daily Planet</a>'));
    const html = await get(b.url, '/live/brand-story');
    expect(html).not.toContain('Powered by livepage');
    expect(html).toContain('<a href="/about">About us</a>');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(ld.publisher.name).toBe('Planet Media');
    // A post without a byline is the publisher's.
    expect(ld.liveBlogUpdate[0].author).toEqual([{ '@type': 'Organization', name: 'Planet Media', url: `${PUBLIC_URL}/` }]);
    expect(await get(b.url, '/live/brand-story/feed.json')).toContain('"name":"Planet Media"');
    expect(await get(b.url, '/')).toContain('<title>Daily Planet</title>');

    // The colours come as a stylesheet of their own, cached for a year.
    const href = /<link rel="stylesheet" href="(\/brand-[0-9a-f]{12}\.css)"\/>/.exec(html)![1]!;
    const css = await fetch(b.url + href);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('--lp-accent:#b80000');
    expect((await fetch(b.url + '/brand-000000000000.css')).status).toBe(404);
  });

  it('resets a field to the default when sent as null', async () => {
    await a.api('/api/v1/brand', { method: 'PATCH', as: 'admin', json: { siteName: null, poweredBy: null } });
    const got = await (await a.api('/api/v1/brand', { as: 'admin' })).json();
    expect(got.settings.siteName).toBeUndefined();
    expect(got.brand).toMatchObject({ poweredBy: true });
    await eventually(async () => (await get(a.url, '/live/brand-story')).includes('Powered by livepage'));
  });
});
