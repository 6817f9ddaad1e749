import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { signInAs } from '../test/sign-in.js';
import { describeEachStore } from '../test/stores.js';
import { holdWriteLock } from '../test/write-lock.js';

/** How long another process holds the write lock: far below the store's busy wait (5 s). */
const HOLD_MS = 300;

describeEachStore('writes while another process holds the write lock', (kind) => {
  let s: TestServer;
  let postId: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('locked') });
    postId = (await (await s.api('/api/v1/pages/locked/posts', { method: 'POST', as: 'editor', json: aPost() })).json()).id;
  });
  afterAll(() => s.close());

  it('waits for the lock on presence and on a session touch instead of answering 503', async () => {
    const { cookie } = await signInAs(s.url, 'editor@example.test');
    // A session last used 10 minutes ago: the next request slides it (a write).
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await s.test.store.write((db) => db.updateTable('sessions').set({ last_seen_at: tenMinutesAgo }).execute());
    const lock = await holdWriteLock(s.test, HOLD_MS);
    const [presence, me] = await Promise.all([
      s.api(`/api/v1/posts/${postId}/presence`, { method: 'PUT', as: 'editor', json: { editing: true } }),
      s.api('/api/v1/me', { headers: { cookie } }),
    ]);
    await lock.released;
    expect([presence.status, me.status]).toEqual([204, 200]);
    const seen = await s.test.store.read((db) => db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow());
    expect(seen.last_seen_at > tenMinutesAgo).toBe(true); // the touch was written, not skipped
  });
});
