/**
 * The pages' feeds share one memory budget, however many pages readers have asked for:
 * here a budget of one byte, so every feed is trimmed as soon as it loads. Nothing a
 * reader gets may change: polls and streams read the log instead.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { openSse } from '../test/sse.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('page feeds within one budget', (kind) => {
  let s: TestServer;
  const pages = ['archive-a', 'archive-b', 'archive-c'];
  beforeAll(async () => {
    s = await startTestServer(kind, { hub: { feedsKeepBytes: 1 } });
    for (const slug of pages) {
      await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(slug) });
      for (const n of [1, 2, 3]) await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost(`${slug} ${n}`) });
    }
  });
  afterAll(() => s?.close());

  const poll = async (slug: string, since = 0) => (await (await fetch(`${s.url}/live/${slug}/updates?since=${since}`)).json()) as { events: { id: number }[] };
  const held = () => s.app.hub.memory();
  const seqOf = async (slug: string) => ((await (await s.api(`/api/v1/pages/${slug}`)).json()) as { seq: number }).seq;
  const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('pages once polled keep nothing of their new events beyond the budget, and answer in full', async () => {
    // A poll makes the page's feed; each event after it is loaded into the feed (and kept,
    // up to 8 MiB a page without the shared budget) whether or not anyone still reads it.
    await Promise.all(pages.map((slug) => poll(slug)));
    for (const slug of pages) await s.api(`/api/v1/pages/${slug}/posts`, { method: 'POST', as: 'editor', json: aPost(`${slug}: later`) });
    for (const slug of pages) {
      const seq = await seqOf(slug);
      await expect.poll(async () => (await poll(slug)).events.map((e) => e.id)).toEqual(upTo(1, seq));
      expect((await poll(slug, 1)).events.map((e) => e.id)).toEqual(upTo(2, seq));
    }
    expect(held().bytes).toBeLessThanOrEqual(1);
  });

  it('a followed page loses its frames, not its readers: live posts and resumes still arrive in order', async () => {
    const seq = await seqOf('archive-a');
    const live = await openSse(`${s.url}/live/archive-a/events?since=${seq}`);
    const post = await (await s.api('/api/v1/pages/archive-a/posts', { method: 'POST', as: 'editor', json: aPost('Live after the trim') })).json();
    expect((await live.waitFor(1))[0]).toMatchObject({ id: seq + 1, data: { id: post.id } });
    expect(held().bytes).toBeLessThanOrEqual(1);
    const resumed = await openSse(`${s.url}/live/archive-a/events?since=0`);
    expect((await resumed.waitFor(seq + 1)).map((e) => e.id)).toEqual(upTo(1, seq + 1));
    live.close();
    resumed.close();
  });
});
