/**
 * Nothing on the live path fails silently, and one bad event does not stop a page: an
 * event that cannot be rendered is logged with its page and seq, sent without content,
 * and the events after it flow as usual.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPost } from '../commands/createPost.js';
import { postCreateSchema } from '../domain/post.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('live failures', (kind) => {
  let s: TestServer;
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    s = await startTestServer(kind, { log });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('fragile') });
  });
  afterAll(() => s?.close());

  const publish = async (title: string) =>
    (await s.api('/api/v1/pages/fragile/posts', { method: 'POST', as: 'editor', json: aPost(title) })).json();

  it('an event whose render throws is logged with page and seq; the stream goes on with the next events', async () => {
    const page = await (await s.api('/api/v1/pages/fragile')).json();
    const sse = await openSse(`${s.url}/live/fragile/events?since=${page.seq}`);
    // A post whose stored body no longer parses, its event not yet announced (commands
    // through s.ctx do not notify): the next announced change reads and renders both.
    const { post: broken } = await createPost(s.ctx, { id: 'editor', role: 'editor' }, 'fragile', postCreateSchema.parse(aPost('Broken')));
    await s.test.store.write((db) => db.updateTable('posts').set({ body: '[{"type":' }).where('id', '=', broken.id).execute());
    const after = await publish('After the broken one');
    const [bad, good] = await sse.waitFor(2);
    expect(bad).toEqual({ id: page.seq + 1, event: 'post.published', data: { seq: page.seq + 1 } });
    expect(good).toMatchObject({ id: page.seq + 2, event: 'post.published', data: { id: after.id } });
    expect(good!.data.html).toMatch(/^<article /);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 50, pageId: page.id, seq: page.seq + 1, err: expect.objectContaining({ type: 'SyntaxError' }) }),
    );
    const later = await publish('And the next');
    const all = await sse.waitFor(3);
    expect(all[2]).toMatchObject({ id: page.seq + 3, data: { id: later.id } });
    // Polling gets the same: the event without content, then the rest.
    const polled = await (await fetch(`${s.url}/live/fragile/updates?since=${page.seq}`)).json();
    expect(polled.events.map((e: { id: number; data: object }) => [e.id, 'html' in e.data])).toEqual([
      [page.seq + 1, false],
      [page.seq + 2, true],
      [page.seq + 3, true],
    ]);
    sse.close();
  });
});
