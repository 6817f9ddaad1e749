/** The janitor sweeps what expired out of each store, and nothing else. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import type { CommandContext } from '../commands/context.js';
import { createPage } from '../commands/createPage.js';
import { createPost } from '../commands/createPost.js';
import { setEditing } from '../commands/activity.js';
import { signIn, sessionFor } from '../commands/sessions.js';
import { pageCreateSchema } from '../domain/page.js';
import { postCreateSchema } from '../domain/post.js';
import { aPage, aPost } from '../test/fixtures.js';
import { describeEachStore, openTestStore, type TestStore } from '../test/stores.js';
import { sweepStore } from './janitor.js';

const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;

describeEachStore('janitor', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(() => t.dispose());

  it('removes expired sessions, stale presence, old sign-in attempts and idempotency keys; keeps the live ones', async () => {
    const start = new Date('2026-03-02T06:00:00Z');
    let now = start;
    const ctx: CommandContext = { store: t.store, publicUrl: 'http://livepage.test', now: () => now };
    const { user: editor } = await addUser(ctx, { email: 'desk@example.test', name: 'Desk', role: 'editor', password: PASSWORD });
    await createPage(ctx, pageCreateSchema.parse(aPage('storm')));
    const { post } = await createPost(ctx, editor, 'storm', postCreateSchema.parse(aPost()));
    const old = await signIn(ctx, 'desk@example.test', PASSWORD);
    await setEditing(ctx, { ...editor, name: 'Desk' }, post.id, true);
    const db = t.store.db;
    await t.store.write(async (w) => {
      await w.insertInto('login_attempts').values({ id: 'a1', email: 'x@example.test', address: '192.0.2.1', at: start.toISOString() }).execute();
      await w.insertInto('idempotency_keys').values({ user_id: editor.id, key: 'k-old', fingerprint: 'f', status: 201, body: '{}', created_at: start.toISOString() }).execute();
    });

    now = new Date(start.getTime() + 13 * HOUR); // the first session idled out; presence and attempts are stale
    const fresh = await signIn(ctx, 'desk@example.test', PASSWORD);
    await t.store.write(async (w) => {
      await w.insertInto('login_attempts').values({ id: 'a2', email: 'x@example.test', address: '192.0.2.1', at: now.toISOString() }).execute();
      await w.insertInto('idempotency_keys').values({ user_id: editor.id, key: 'k-new', fingerprint: 'f', status: 201, body: '{}', created_at: now.toISOString() }).execute();
    });

    expect(await sweepStore(t.store, now)).toEqual({ sessions: 1, presence: 1, loginAttempts: 1, idempotencyKeys: 0 });
    expect(await sessionFor(t.store, fresh.token, now)).toBeDefined();
    expect(await sessionFor(t.store, old.token, now)).toBeUndefined();
    expect((await db.selectFrom('login_attempts').select('id').execute()).map((r) => r.id)).toEqual(['a2']);

    now = new Date(start.getTime() + 25 * HOUR); // a day on: the first key is done with, the second is not
    expect((await sweepStore(t.store, now)).idempotencyKeys).toBe(1);
    expect((await db.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key)).toEqual(['k-new']);
    expect(await db.selectFrom('presence').select('post_id').execute()).toEqual([]);
  });
});
