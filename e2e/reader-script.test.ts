/**
 * The reader script (src/reader/) in a real Chromium, against a page rendered by
 * renderLivePage and a tiny fake server whose SSE and polling endpoints the test
 * drives: events in, DOM changes out. The server-side endpoints have their own tests;
 * this one pins down what the browser does with the wire protocol (SPEC §4).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Block } from '../src/domain/block.js';
import type { Page as LivePage } from '../src/domain/page.js';
import type { Post } from '../src/domain/post.js';
import { renderLivePage } from '../src/render/page.js';
import { renderPageParts } from '../src/render/parts.js';
import { renderPostHtml } from '../src/render/post.js';
import { makeCtx, makePage, makePost } from '../src/render/test-fixtures.js';
import { securityHeaders } from '../src/server/security-headers.js';
import { describeBrowser, launchBrowser } from './browser.js';

const root = join(import.meta.dirname, '..');
const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const SLUG = 'storm';
const MINUTE = 60_000;

interface WireEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/** The fake live-page server: one page, an event log, SSE subscribers. */
class FakeServer {
  seq = 100;
  log: WireEvent[] = [];
  /** When false, the SSE endpoint answers 404 (the script must fall back to polling). */
  sse = true;
  /** When true, the SSE endpoint opens each stream, then resets it before any event. */
  sseResets = false;
  /** Pages are rendered as of this many events ago (to test catching up on load). */
  renderBehind = 0;
  connections = 0;
  updatesRequests: string[] = [];
  readonly clients = new Set<ServerResponse>();
  readonly server: Server;
  url = '';

  constructor(
    private readonly bundle: string,
    private readonly posts: Post[],
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.end();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Appends an event to the log and, unless `send` is false, sends it to every subscriber. */
  push(type: string, data: Record<string, unknown>, send = true): WireEvent {
    const seq = ++this.seq;
    const event = { id: seq, type, data: { ...data, seq } };
    this.log.push(event);
    if (send) for (const c of this.clients) c.write(frame(event));
    return event;
  }

  page(overrides: Partial<LivePage> = {}): LivePage {
    return makePage({ slug: SLUG, title: 'Storm Éowyn: live', summary: ['Winds of **100 mph**'], seq: this.seq, ...overrides });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const headers = securityHeaders();
    if (url.pathname === '/live.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(this.bundle);
    } else if (url.pathname === '/livepage.css') {
      res.writeHead(200, { ...headers, 'content-type': 'text/css' }).end(readFileSync(join(root, 'public', 'livepage.css')));
    } else if (url.pathname === `/live/${SLUG}`) {
      const pageNo = Number(url.searchParams.get('page') ?? 1);
      const ctx = makeCtx({ now: new Date() });
      const html = renderLivePage({
        page: this.page({ seq: this.seq - this.renderBehind }),
        pageNo,
        pageCount: 2,
        postsHtml: this.posts.map((p) => renderPostHtml(p, ctx)),
        pinnedHtml: null,
        keyEvents: [],
        continuedTo: null,
        canonicalUrl: `${this.url}/live/${SLUG}`,
        cssHref: '/livepage.css',
        scriptHref: '/live.js',
        ctx,
      });
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (url.pathname === `/live/${SLUG}/events` && this.sse) {
      const since = Math.max(Number(url.searchParams.get('since') ?? 0), Number(req.headers['last-event-id'] ?? 0));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': ping\n\n');
      if (this.sseResets) {
        this.connections++;
        return void setTimeout(() => res.destroy(), 50);
      }
      for (const e of this.log) if (e.id > since) res.write(frame(e));
      this.clients.add(res);
      this.connections++;
      req.on('close', () => this.clients.delete(res));
    } else if (url.pathname === `/live/${SLUG}/updates`) {
      const since = Number(url.searchParams.get('since') ?? 0);
      this.updatesRequests.push(url.search);
      const etag = `"${since}-${this.seq}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      const body = { seq: this.seq, events: this.log.filter((e) => e.id > since) };
      res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'max-age=2' }).end(JSON.stringify(body));
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }
}

function frame(e: WireEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });

const paragraphs = (n: number, text: string): Block[] => Array.from({ length: n }, () => ({ type: 'paragraph', text }));

describeBrowser('reader script in Chromium', () => {
  const now = Date.now();
  // 12 posts, newest first, 7 minutes apart, each tall enough that the page scrolls.
  const posts = Array.from({ length: 12 }, (_, i) =>
    makePost({
      id: `p${12 - i}`,
      title: `Update ${12 - i}`,
      publishedAt: new Date(now - (i + 1) * 7 * MINUTE).toISOString(),
      body: paragraphs(4, 'The storm brought **heavy** rain and strong winds to the coast overnight, with more to come.'),
    }),
  );
  const ctx = () => makeCtx({ now: new Date() });
  let fake: FakeServer;
  let browser: BrowserContext;
  let buildDir: string;
  const opened: Page[] = [];

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'livepage-reader-'));
    const out = join(buildDir, 'live.js');
    execFileSync(process.execPath, [join(root, 'scripts', 'build-reader.mjs'), out], { stdio: 'pipe' });
    fake = new FakeServer(readFileSync(out, 'utf8'), posts);
    await fake.listen();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  /** Opens the page and waits for its SSE connection (unless SSE is off). */
  async function open(query = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    opened.push(page);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1000, height: 800 });
    const before = fake.connections;
    await page.goto(`${fake.url}/live/${SLUG}${query}`, { waitUntil: 'load' });
    if (fake.sse) await eventually(() => fake.connections).toBeGreaterThan(before);
    return { page, errors };
  }

  const ids = (page: Page) => page.$$eval('.lp-stream__posts > article', (as) => as.map((a) => a.id));
  const post = (overrides: Partial<Post>) => renderPostHtml(makePost({ publishedAt: new Date().toISOString(), ...overrides }), ctx());

  it('inserts a published post at the top without a reload, rich text intact, and announces it', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    fake.push('post.published', {
      id: 'n1',
      html: post({ id: 'n1', title: 'Ferry services suspended', body: [{ type: 'paragraph', text: 'All crossings are **cancelled** today.' }] }),
    });
    await eventually(() => ids(page).then((list) => list[0])).toBe('post-n1');
    expect(await page.textContent('#post-n1 .lp-post__body strong')).toBe('cancelled');
    // The clock stays first; the relative time is the secondary words beside it.
    expect(await page.textContent('#post-n1 .lp-post__clock')).toMatch(/^\d\d:\d\d GMT$/);
    expect(await page.textContent('#post-n1 .lp-post__ago')).toBe('just now');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.isHidden('.lp-new')).toBe(true);
    expect(await page.title()).toBe('Storm Éowyn: live');
    await eventually(() => page.textContent('#lp-announcer')).toBe('New post: Ferry services suspended');
    expect(errors).toEqual([]);
  });

  it('replaces an edited post in place and removes an unpublished one', async () => {
    const { page } = await open();
    const before = await ids(page);
    fake.push('post.updated', { id: 'p10', html: post({ id: 'p10', title: 'Update 10 (corrected)', editedAt: new Date().toISOString(), version: 2 }) });
    await eventually(() => page.textContent('#post-p10 .lp-post__title')).toBe('Update 10 (corrected)');
    expect(await ids(page)).toEqual(before);
    expect(await page.getAttribute('#post-p10', 'data-version')).toBe('2');
    fake.push('post.unpublished', { id: 'p9' });
    await eventually(() => page.locator('#post-p9').count()).toBe(0);
    expect(await ids(page)).toEqual(before.filter((id) => id !== 'post-p9'));
  });

  it('replaces the summary on page.updated', async () => {
    const { page } = await open();
    expect(await page.textContent('#lp-slot-summary li')).toBe('Winds of 100 mph');
    const parts = renderPageParts({ page: fake.page({ summary: ['Gusts of **120 mph** recorded', 'Schools closed'] }), pinnedHtml: null, continuedTo: null, ctx: ctx() });
    fake.push('page.updated', { fields: ['summary'], parts: { header: parts.header, summary: parts.summary, pinned: parts.pinned } });
    await eventually(() => page.$$eval('#lp-slot-summary li', (lis) => lis.map((li) => li.textContent))).toEqual(['Gusts of 120 mph recorded', 'Schools closed']);
    expect(await page.textContent('#lp-slot-summary strong')).toBe('120 mph');
  });

  it('moves a post into the pinned slot and back into the stream in its place', async () => {
    const { page } = await open();
    const pinnedHtml = renderPostHtml(makePost({ ...posts[5]!, pinned: true }), ctx());
    const pin = renderPageParts({ page: fake.page(), pinnedHtml, continuedTo: null, ctx: ctx() });
    fake.push('page.updated', { fields: ['pinnedPostId'], parts: { header: pin.header, summary: pin.summary, pinned: pin.pinned } });
    await eventually(() => page.locator('#lp-slot-pinned .lp-pinned #post-p7').count()).toBe(1);
    expect(await page.locator('#post-p7').count()).toBe(1);
    expect(await ids(page)).not.toContain('post-p7');
    const unpin = renderPageParts({ page: fake.page(), pinnedHtml: null, continuedTo: null, ctx: ctx() });
    fake.push('page.updated', { fields: ['pinnedPostId'], parts: { header: unpin.header, summary: unpin.summary, pinned: unpin.pinned } });
    await eventually(() => page.locator('#lp-slot-pinned > *').count()).toBe(0);
    const list = await ids(page);
    expect(list.slice(list.indexOf('post-p8'), list.indexOf('post-p8') + 3)).toEqual(['post-p8', 'post-p7', 'post-p6']);
  });

  it('shows the continuation notice and drops the Live label on page.continued', async () => {
    const { page } = await open();
    expect(await page.locator('.lp-live').count()).toBe(1);
    const continuedTo = { url: '/live/storm-2', notice: 'Coverage continues on a new page' };
    const parts = renderPageParts({ page: fake.page({ state: 'ended' }), pinnedHtml: null, continuedTo, ctx: ctx() });
    fake.push('page.continued', { to: 'storm-2', ...continuedTo, parts: { header: parts.header, notice: parts.notice } });
    await eventually(() => page.locator('.lp-continued__link').getAttribute('href')).toBe('/live/storm-2');
    expect(await page.textContent('.lp-continued__link')).toBe('Coverage continues on a new page');
    expect(await page.locator('.lp-live').count()).toBe(0);
    expect(await page.textContent('h1')).toBe('Storm Éowyn: live');
    await eventually(() => page.textContent('#lp-announcer')).toBe('Coverage continues on a new page');
  });

  it('holds new posts behind a "1 new post" button when the reader has scrolled down', async () => {
    const { page } = await open();
    await page.evaluate(() => (document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'));
    await page.evaluate(() => document.getElementById('post-p8')!.scrollIntoView());
    const reading = () => page.evaluate(() => Math.round(document.getElementById('post-p8')!.getBoundingClientRect().top));
    const top = await reading();
    fake.push('post.published', { id: 'n2', html: post({ id: 'n2', title: 'Power cuts spread' }) });
    const button = page.getByRole('button', { name: '1 new post' });
    await eventually(() => button.isVisible()).toBe(true);
    expect(await page.title()).toBe('(1) Storm Éowyn: live');
    expect(await page.locator('#post-n2').count()).toBe(0);
    expect(await reading()).toBe(top);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run();
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);

    await button.click();
    await eventually(() => ids(page).then((list) => list[0])).toBe('post-n2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('post-n2');
    expect(await page.title()).toBe('Storm Éowyn: live');
    expect(await button.isVisible()).toBe(false);
    await eventually(() => page.evaluate(() => Math.round(document.getElementById('post-n2')!.getBoundingClientRect().top))).toBeLessThan(50);
  });

  it('keeps what the reader is reading in place when a post above it changes height', async () => {
    const { page } = await open();
    // Without Chromium's own scroll anchoring, as in Safari: the script must hold the place.
    await page.evaluate(() => (document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'));
    await page.evaluate(() => document.getElementById('post-p6')!.scrollIntoView());
    const reading = () => page.evaluate(() => Math.round(document.getElementById('post-p6')!.getBoundingClientRect().top));
    const top = await reading();
    fake.push('post.updated', { id: 'p11', html: post({ id: 'p11', title: 'Update 11', body: paragraphs(12, 'A much longer account of events.') }) });
    await eventually(() => page.locator('#post-p11 .lp-post__body p').count()).toBe(12);
    // Within a pixel: scroll offsets snap to whole pixels, layout does not.
    expect(Math.abs((await reading()) - top)).toBeLessThanOrEqual(1);
    fake.push('post.unpublished', { id: 'p10' });
    await eventually(() => page.locator('#post-p10').count()).toBe(0);
    expect(Math.abs((await reading()) - top)).toBeLessThanOrEqual(1);
  });

  it('counts new posts on page 2 and takes the reader to page 1', async () => {
    const { page } = await open('?page=2');
    fake.push('post.published', { id: 'n3', html: post({ id: 'n3', title: 'Roads closed' }) });
    const button = page.getByRole('button', { name: '1 new post' });
    await eventually(() => button.isVisible()).toBe(true);
    expect(await page.locator('#post-n3').count()).toBe(0);
    expect(await page.title()).toBe('(1) Storm Éowyn: live (page 2 of 2)');
    await Promise.all([page.waitForURL(`${fake.url}/live/${SLUG}`), button.click()]);
  });

  it('keeps the clock time first and adds the relative time as secondary words, the full date in the tooltip', async () => {
    const { page } = await open();
    const time = page.locator('#post-p12 .lp-post__time time');
    expect(await page.textContent('#post-p12 .lp-post__clock')).toMatch(/^\d\d:\d\d GMT$/);
    expect(await time.textContent()).toMatch(/^\d\d:\d\d GMT published at \d\d:\d\d Greenwich Mean Time \d+ \w+$/);
    expect(await page.textContent('#post-p12 .lp-post__ago')).toBe('7 minutes ago');
    expect(await time.getAttribute('title')).toMatch(/^\d\d:\d\d .+ \d+ \w+$/);
    expect(await page.textContent('#post-p1 .lp-post__ago')).toBe('1 hour ago');
    // The permalink is focusable and leads to the post.
    await page.focus('#post-p12 .lp-post__permalink');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#post-p12');
  });

  it('fills a gap in the stream from the polling endpoint, applying each event once, in order', async () => {
    const { page } = await open();
    fake.push('post.published', { id: 'g1', html: post({ id: 'g1', title: 'Gap one' }) }, false);
    fake.push('post.published', { id: 'g2', html: post({ id: 'g2', title: 'Gap two' }) });
    await eventually(() => ids(page).then((list) => list.slice(0, 2))).toEqual(['post-g2', 'post-g1']);
    expect(await page.locator('#post-g1').count()).toBe(1);
  });

  it('polls when SSE is unavailable, and still works without it', async () => {
    fake.sse = false;
    fake.renderBehind = 1;
    try {
      fake.push('post.published', { id: 'q1', html: post({ id: 'q1', title: 'Polled post' }) }, false);
      const requests = fake.updatesRequests.length;
      const { page } = await open();
      await eventually(() => ids(page).then((list) => list[0])).toBe('post-q1');
      expect(fake.updatesRequests.slice(requests)[0]).toBe(`?since=${fake.seq - 1}`);
    } finally {
      fake.sse = true;
      fake.renderBehind = 0;
    }
  });

  it('polls when the stream opens but keeps being reset before delivering anything', async () => {
    fake.sseResets = true;
    fake.renderBehind = 1; // the page is rendered without r1: only a delivered event or a poll brings it
    try {
      fake.push('post.published', { id: 'r1', html: post({ id: 'r1', title: 'Through polling' }) }, false);
      const { page } = await open();
      // Three opens that fail (each `open` fires) and the script polls instead.
      await expect.poll(() => ids(page).then((list) => list[0]), { timeout: 20_000 }).toBe('post-r1');
      expect(fake.connections).toBeGreaterThanOrEqual(3);
    } finally {
      fake.sseResets = false;
      fake.renderBehind = 0;
    }
  }, 40_000);

  it('swaps a YouTube embed link for a privacy-enhanced player on click', async () => {
    const { page } = await open();
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.abort());
    fake.push('post.published', { id: 'e1', html: post({ id: 'e1', title: 'Watch', body: [{ type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }] }) });
    await page.locator('#post-e1 a.lp-embed__load').click();
    await eventually(() => page.locator('#post-e1 iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
  });
});
