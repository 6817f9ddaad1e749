/** Hostile and concurrent input found in review: never a 5xx, never a lost or half change. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';
import { loadConfig } from './config.js';

describeEachStore('hardening', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('hard') });
  });
  afterAll(() => s.close());

  it('NUL and control characters are refused with a 400, in bodies and in paths', async () => {
    const res = await s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost('a\u0000b') });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('title');
    const bell = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('bell', { title: 'ring\u0007' }) });
    expect(bell.status).toBe(400);
    for (const path of ['/api/v1/pages/%00', '/api/v1/posts/%00', '/api/v1/pages/a%00/posts', '/live/x/posts/%00', '/live/%00']) {
      const r = await s.api(path);
      expect(r.status, path).toBe(404);
    }
    const patch = await s.api('/api/v1/posts/%00', { method: 'PATCH', as: 'editor', json: { title: 'x' }, headers: { 'if-match': '"1"' } });
    expect(patch.status).toBe(404);
  });

  it('malformed URLs and over-long parameters get our error shape', async () => {
    const api = await s.api('/api/v1/posts/%ZZ');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('route_not_found');
    const reader = await s.api('/live/%ZZ');
    expect(reader.status).toBe(404);
    expect(reader.headers.get('content-type')).toContain('text/html');
    const long = await s.api(`/api/v1/pages/${'a'.repeat(300)}`);
    expect(long.status).toBe(404);
    expect((await long.json()).error).toBeDefined();
  });

  it('two creates of one slug at the same moment: one 201, the rest 409, never a 500', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('race') })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('pinning and unpinning at the same moment never loses the pin', async () => {
    for (let i = 0; i < 5; i++) {
      const x = await (await s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost(`X${i}`, { pinned: true }) })).json();
      const [, yRes] = await Promise.all([
        s.api(`/api/v1/posts/${x.id}`, { method: 'PATCH', as: 'editor', json: { pinned: false }, headers: { 'if-match': `"${x.version}"` } }),
        s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost(`Y${i}`, { pinned: true }) }),
      ]);
      const y = await yRes.json();
      expect(y.pinned).toBe(true);
      expect((await (await s.api('/api/v1/pages/hard')).json()).pinnedPostId).toBe(y.id);
    }
  });

  it('an empty JSON body is no body: a bodiless DELETE works', async () => {
    const post = await (await s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost('To remove') })).json();
    const res = await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'editor', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('unpublished');
    const create = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', headers: { 'content-type': 'application/json' } });
    expect(create.status).toBe(400);
  });

  it('readers do not see who in the newsroom wrote a post', async () => {
    const post = await (await s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost('Public') })).json();
    expect(post.authorId).toEqual(expect.any(String));
    expect(await (await s.api(`/api/v1/posts/${post.id}`)).json()).not.toHaveProperty('authorId');
    const list = await (await s.api('/api/v1/pages/hard/posts')).json();
    expect(list.posts[0]).not.toHaveProperty('authorId');
  });

  it('time zones and locales are stored canonical, without calendar or digit extensions', async () => {
    const res = await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('canon', { timeZone: 'europe/london', locale: 'EN-gb-u-ca-islamic-nu-arab' }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ timeZone: 'Europe/London', locale: 'en-GB' });
  });

  it.skipIf(kind !== 'sqlite')('a writer in another process makes a request wait, not fail', async () => {
    // Another process (say, `livepage import`) holds the write lock for 300 ms.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.exec('begin immediate');
      console.log('locked');
      setTimeout(() => { db.exec('commit'); db.close(); }, 300);
    `, join(s.test.dataDir, 'livepage.db')]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const started = Date.now();
    const write = s.api('/api/v1/pages/hard/posts', { method: 'POST', as: 'editor', json: aPost('Waits') });
    // Meanwhile readers are served: the wait does not block the event loop.
    const read = await s.api('/api/v1/pages/hard');
    expect(read.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(150);
    expect((await write).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThan(150);
  });
});

it('config: IPv6 hosts and empty variables', () => {
  expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://localhost:3000');
  expect(loadConfig({ HOST: 'fd00::1', PORT: '8080' }).publicUrl).toBe('http://[fd00::1]:8080');
  expect(loadConfig({ PORT: '' }).port).toBe(3000);
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(loadConfig({ LIVEPAGE_PUBLIC_URL: 'https://live.example.org/' }).publicUrl).toBe('https://live.example.org');
});
