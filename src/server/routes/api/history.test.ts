import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('post history, restore, corrections and the audit trail', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('vote') });
  });
  afterAll(() => s.close());

  const json = async (res: Promise<Response>) => (await res).json();
  const patch = (id: string, version: number, body: unknown) => s.api(`/api/v1/posts/${id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': `"${version}"` }, json: body });

  it('every version is kept with who and when; restoring makes a new version', async () => {
    const post = await json(s.api('/api/v1/pages/vote/posts', { method: 'POST', as: 'editor', json: aPost('Polls open') }));
    await patch(post.id, 1, { title: 'Polls open at 7am' });
    await patch(post.id, 2, { body: [{ type: 'paragraph', text: 'Turnout is high.' }] });

    const history = await json(s.api(`/api/v1/posts/${post.id}/history`, { as: 'editor' }));
    expect(history.versions.map((v: { version: number; changed: string[]; by: { name: string } }) => [v.version, v.changed, v.by.name])).toEqual([
      [3, ['body'], 'Editor Person'],
      [2, ['title'], 'Editor Person'],
      [1, [], 'Editor Person'],
    ]);
    expect(history.versions[2].data.title).toBe('Polls open');

    const restored = await s.api(`/api/v1/posts/${post.id}/restore`, { method: 'POST', as: 'editor', headers: { 'if-match': '"3"' }, json: { version: 1 } });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ version: 4, title: 'Polls open', body: aPost().body });
    const after = await json(s.api(`/api/v1/posts/${post.id}/history`, { as: 'editor' }));
    expect(after.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]); // nothing rewritten
    expect(after.versions[0].changed).toEqual(['title', 'body']);

    const stale = await s.api(`/api/v1/posts/${post.id}/restore`, { method: 'POST', as: 'editor', headers: { 'if-match': '"3"' }, json: { version: 1 } });
    expect(stale.status).toBe(409);
    const missing = await s.api(`/api/v1/posts/${post.id}/restore`, { method: 'POST', as: 'editor', headers: { 'if-match': '"4"' }, json: { version: 99 } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('version_not_found');
    expect((await s.api(`/api/v1/posts/${post.id}/history`)).status).toBe(401);
  });

  it('a correction note reaches readers with its time; the feed and JSON-LD dateModified follow', async () => {
    const post = await json(s.api('/api/v1/pages/vote/posts', { method: 'POST', as: 'editor', json: aPost('Count begins') }));
    const res = await patch(post.id, 1, { correction: 'This post first gave the wrong count start time.' });
    const fixed = await res.json();
    expect(fixed.correction.text).toBe('This post first gave the wrong count start time.');
    expect(fixed.editedAt).toBe(fixed.correction.at);
    const html = await (await fetch(`${s.url}/live/vote`)).text();
    expect(html).toMatch(/<p class="lp-post__correction" role="note"><strong>Correction:<\/strong> This post first gave the wrong count start time\. <time dateTime="[^"]+">\(\d\d:\d\d\)<\/time><\/p>/i);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    const item = ld.liveBlogUpdate.find((u: { headline: string }) => u.headline === 'Count begins');
    expect(item.dateModified).toBe(fixed.editedAt);
    const feed = await (await fetch(`${s.url}/live/vote/feed.json`)).json();
    const entry = feed.items.find((i: { title: string }) => i.title === 'Count begins');
    expect(entry.date_modified).toBe(fixed.editedAt);
    expect(entry.content_html).toContain('Correction:');
    // Taking the note away is a change too; an oversize note is refused.
    expect((await patch(post.id, 2, { correction: 'x'.repeat(501) })).status).toBe(400);
    expect((await (await patch(post.id, 2, { correction: null })).json()).correction).toBeNull();
  });

  it('admins read a page’s audit trail of publish, pin, unpublish and end; others may not', async () => {
    const post = await json(s.api('/api/v1/pages/vote/posts', { method: 'POST', as: 'editor', json: aPost('Exit poll', { pinned: true }) }));
    await s.api(`/api/v1/posts/${post.id}`, { method: 'DELETE', as: 'admin' });
    await s.api('/api/v1/pages/vote/end', { method: 'POST', as: 'editor' });
    const trail = await json(s.api('/api/v1/pages/vote/audit', { as: 'admin' }));
    const mine = trail.entries.filter((e: { postId: string | null }) => e.postId === post.id || e.postId === null);
    // Newest first; within one transaction in the order it did them.
    expect(mine.map((e: { action: string; by: { name: string } }) => [e.action, e.by.name])).toEqual([
      ['page.end', 'Editor Person'],
      ['post.unpin', 'Admin Person'],
      ['post.unpublish', 'Admin Person'],
      ['post.pin', 'Editor Person'],
      ['post.publish', 'Editor Person'],
    ]);
    expect((await s.api('/api/v1/pages/vote/audit', { as: 'editor' })).status).toBe(403);
  });
});
