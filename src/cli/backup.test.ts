/** Issue 16.4: `livepage backup` while posts are published, `livepage restore` into a fresh data directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from '../store/store.js';
import { aPage, aPost } from '../test/fixtures.js';
import { run } from '../test/processes.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describe } from 'vitest';

describe('backup and restore [sqlite]', () => {
  let s: TestServer | undefined;
  const dirs: string[] = [];
  const tempDir = () => (dirs.push(mkdtempSync(join(tmpdir(), 'livepage-backup-'))), dirs.at(-1)!);
  afterEach(async () => {
    await s?.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('copies the store while posts are published; every post acknowledged before it is in the restore', async () => {
    s = await startTestServer('sqlite');
    expect((await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('backup') })).status).toBe(201);
    const acked: string[] = [];
    let publishing = true;
    const posts = (async () => {
      for (let i = 0; publishing; i++) {
        const res = await s!.api('/api/v1/pages/backup/posts', { method: 'POST', as: 'editor', json: aPost(`Update ${i}`, { status: 'published' }) });
        expect(res.status).toBe(201);
        acked.push(((await res.json()) as { id: string }).id);
      }
    })();
    while (acked.length < 20) await new Promise((r) => setTimeout(r, 20));
    const file = join(tempDir(), 'livepage.backup');
    const ackedBefore = acked.length;
    const backup = await run(['backup', file], { LIVEPAGE_DATA_DIR: s.test.dataDir });
    const ackedAfter = acked.length;
    publishing = false;
    await posts;
    expect([backup.code, backup.stderr]).toEqual([0, '']);
    expect(ackedAfter).toBeGreaterThan(ackedBefore); // the copy ran while posts were being published

    const fresh = tempDir();
    const restore = await run(['restore', file], { LIVEPAGE_DATA_DIR: fresh });
    expect([restore.code, restore.stderr]).toEqual([0, '']);
    expect(restore.stdout).toMatch(/1 pages, \d+ posts/);
    const store = await openStore({ dataDir: fresh });
    const restored = (await store.db.selectFrom('posts').select('id').execute()).map((r) => r.id);
    await store.close();
    // One committed state: a prefix of the acknowledged posts, at least all acknowledged before the copy began.
    expect(restored.length).toBeGreaterThanOrEqual(ackedBefore);
    expect(new Set(restored)).toEqual(new Set(acked.slice(0, restored.length)));

    // Restoring over a database needs --force; a file that is not a backup is refused, nothing written.
    const again = await run(['restore', file], { LIVEPAGE_DATA_DIR: fresh });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('--force')]);
    const junk = join(tempDir(), 'junk');
    writeFileSync(junk, 'not a database');
    const bad = await run(['restore', junk, '--force'], { LIVEPAGE_DATA_DIR: fresh });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('is not a livepage backup')]);
    expect((await run(['restore', file, '--force'], { LIVEPAGE_DATA_DIR: fresh })).code).toBe(0);
  }, 120_000);

  it('points PostgreSQL users to pg_dump', async () => {
    const r = await run(['backup', join(tempDir(), 'x')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('pg_dump')]);
  }, 60_000);
});
