/**
 * docs/examples/cms-publish.ts runs as written against a real server over HTTP, on both
 * stores: an update sent twice (a retry) is published once, and an edit that meets a
 * journalist's change reapplies itself on the current version without losing theirs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cmsClient, LivepageError } from '../../docs/examples/cms-publish.js';
import { aPage } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

describeEachStore('the CMS example (docs/examples/cms-publish.ts)', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('cms') });
  });
  afterAll(async () => s?.close());

  it('publishes once per update, and edits through a conflict', async () => {
    // The first attempt's answer is lost on the way back: the client retries with the same key.
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (calls++ === 0) throw new TypeError('fetch failed (connection reset)');
      return res;
    };
    const cms = cmsClient({ baseUrl: s.url, token: s.tokens.editor, fetch: flaky });
    const update = { title: 'Polls close', body: [{ type: 'paragraph' as const, text: 'Counting begins at **22:00**.' }], label: 'breaking' as const };
    const first = await cms.publish('cms', 'story-42-update-1', update);
    expect(first.replayed).toBe(true); // the retry got the first request's answer
    const again = await cmsClient({ baseUrl: s.url, token: s.tokens.editor }).publish('cms', 'story-42-update-1', update);
    expect(again.post.id).toBe(first.post.id);
    const list = await (await s.api('/api/v1/pages/cms/posts')).json();
    expect(list.posts.filter((p: { title: string }) => p.title === 'Polls close')).toHaveLength(1);

    // A journalist corrects the body meanwhile; the CMS then changes the title from version 1.
    const edited = await s.api(`/api/v1/posts/${first.post.id}`, { method: 'PATCH', as: 'editor', json: { body: [{ type: 'paragraph', text: 'Counting begins at **22:30**.' }] }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    const cmsUpdate = await cmsClient({ baseUrl: s.url, token: s.tokens.editor }).update(first.post.id, first.post.version, { title: 'Polls have closed' });
    expect(cmsUpdate).toMatchObject({ title: 'Polls have closed', version: 3 });
    expect(cmsUpdate.body).toEqual([{ type: 'paragraph', text: 'Counting begins at **22:30**.' }]);

    // Errors keep their stable code.
    const refused = await cmsClient({ baseUrl: s.url, token: s.tokens.contributor }).update(first.post.id, 3, { title: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LivepageError);
    expect((refused as LivepageError).code).toBe('forbidden');
  });
});
