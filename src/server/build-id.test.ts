import { appendFileSync, cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { PUBLIC_URL, startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { buildApp } from './app.js';
import { CODE_DIR, currentBuildId, PUBLIC_DIR, releaseId } from './build-id.js';

/** A copy of the code this test runs (src/ under vitest, dist/ when built) and of public/. */
function copyRelease(): { code: string; pub: string; id: () => string; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'livepage-release-'));
  const code = join(root, 'code');
  const pub = join(root, 'public');
  cpSync(CODE_DIR, code, { recursive: true });
  cpSync(PUBLIC_DIR, pub, { recursive: true });
  return { code, pub, id: () => releaseId([code, pub]), done: () => rmSync(root, { recursive: true, force: true }) };
}

/** `dir/name.ts`, `.tsx` or `.js`: whichever this tree has. */
const source = (dir: string, name: string) => ['.ts', '.tsx', '.js'].map((ext) => join(dir, name + ext)).find((p) => existsSync(p))!;

describe('release id', () => {
  it('the default covers all the running code and public/, not only render/', () => {
    for (const dir of ['render', 'server', 'domain', 'realtime']) expect(existsSync(join(CODE_DIR, dir))).toBe(true);
    expect(currentBuildId()).toBe(releaseId([CODE_DIR, PUBLIC_DIR]));
  });

  it('changes with any file that shapes reader output, and only then', () => {
    const r = copyRelease();
    try {
      const ids = [r.id()];
      expect(r.id()).toBe(ids[0]); // stable
      appendFileSync(source(join(r.code, 'domain'), 'inline'), '\n// a link rule changed\n');
      ids.push(r.id());
      appendFileSync(source(join(r.code, 'server'), 'security-headers'), '\n');
      ids.push(r.id());
      appendFileSync(source(join(r.code, 'render'), 'post'), '\n');
      ids.push(r.id());
      appendFileSync(join(r.pub, 'livepage.css'), '\n');
      ids.push(r.id());
      writeFileSync(join(r.pub, 'build-new.js'), 'x'); // a new built script
      ids.push(r.id());
      renameSync(join(r.pub, 'build-new.js'), join(r.pub, 'build-other.js')); // same bytes, another name
      ids.push(r.id());
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      r.done();
    }
  });

  it('counts a missing directory as empty', () => {
    expect(releaseId([join(tmpdir(), 'livepage-no-such-dir')])).toBe(releaseId([join(tmpdir(), 'livepage-no-such-dir-2')]));
  });
});

describeEachStore('ETags across a release', (kind) => {
  let s: TestServer;
  const apps: FastifyInstance[] = [];
  const r = copyRelease();

  /** The same store served by a release built from the copied tree as it is now. */
  async function serveRelease(): Promise<string> {
    const { dataDir, databaseUrl, store } = s.test;
    const config = { port: 0, host: '127.0.0.1', dataDir, databaseUrl, publicUrl: PUBLIC_URL, logLevel: 'silent' };
    const app = await buildApp({ store, config, logger: false, buildId: r.id() });
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('storm') });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await s?.close();
    r.done();
  });

  it('a changed renderer gives a new ETag: the old one is answered with the page, not a 304', async () => {
    const before = await serveRelease();
    const etag = (await fetch(`${before}/live/storm`)).headers.get('etag')!;
    expect((await fetch(`${before}/live/storm`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    appendFileSync(source(join(r.code, 'domain'), 'inline'), '\n// external links get another marker\n');
    const after = await serveRelease();
    const res = await fetch(`${after}/live/storm`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    for (const path of ['/live/storm/feed.atom', '/live/storm/embed', '/live/storm/updates?since=0']) {
      const old = (await fetch(before + path)).headers.get('etag')!;
      expect((await fetch(after + path, { headers: { 'if-none-match': old } })).status, path).toBe(200);
    }
  });
});
