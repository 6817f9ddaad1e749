import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { storedSnapshot } from '../../../test/snapshot.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('continuing coverage in one step; an ended page takes no new posts', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());

  const media = { type: 'image', src: 'https://images.example.org/storm.jpg', alt: 'Waves over the harbour wall' };
  const json = async (res: Promise<Response>) => (await res).json();

  it('one request creates the new page with the summary, media and pinned post, ends the old one and links both ways', async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('flood', { featuredMedia: media, timeZone: 'Europe/Paris' }) });
    const pinned = await json(s.api('/api/v1/pages/flood/posts', { method: 'POST', as: 'editor', json: aPost('What we know', { pinned: true }) }));
    await s.api('/api/v1/pages/flood/posts', { method: 'POST', as: 'editor', json: aPost('Older news') });

    const res = await s.api('/api/v1/pages/flood/continue', { method: 'POST', as: 'editor', json: { to: { slug: 'flood-2', title: 'Flood: day two' } } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ slug: 'flood', state: 'ended', continuedTo: 'flood-2' });
    expect(body.next).toMatchObject({ slug: 'flood-2', title: 'Flood: day two', state: 'live', continuedFrom: 'flood', timeZone: 'Europe/Paris', featuredMedia: media, summary: aPage('x').summary });

    const next = await json(s.api('/api/v1/pages/flood-2'));
    expect(next.pinnedPostId).toBeTruthy();
    expect(next.pinnedPostId).not.toBe(pinned.id); // a copy: the old page keeps its own post
    const posts = await json(s.api('/api/v1/pages/flood-2/posts'));
    expect(posts.posts.map((p: { title: string; pinned: boolean }) => [p.title, p.pinned])).toEqual([['What we know', true]]);

    // Readers: the old page's notice points on (and stays in view), the new one links back.
    const oldHtml = await (await fetch(`${s.url}/live/flood`)).text();
    expect(oldHtml).toContain('class="lp-continued__link" href="/live/flood-2"');
    const newHtml = await (await fetch(`${s.url}/live/flood-2`)).text();
    expect(newHtml).toContain('class="lp-earlier__link" href="/live/flood"');
  });

  it('copies are optional', async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('quake', { featuredMedia: media }) });
    await s.api('/api/v1/pages/quake/posts', { method: 'POST', as: 'editor', json: aPost('Pinned', { pinned: true }) });
    const body = await json(s.api('/api/v1/pages/quake/continue', { method: 'POST', as: 'editor', json: { to: { slug: 'quake-2', title: 'Quake' }, copy: { summary: false, featuredMedia: false, pinned: false }, notice: 'Follow us here' } }));
    expect(body).toMatchObject({ continuationNotice: 'Follow us here', next: { summary: [], featuredMedia: null, pinnedPostId: null, seq: 0 } });
  });

  it('a taken slug, a bad slug or continuing onto itself is refused and changes nothing', async () => {
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('fire') });
    for (const [to, status, code, field] of [
      [{ slug: 'flood', title: 'Taken' }, 409, 'slug_taken', 'to.slug'],
      [{ slug: 'Bad Slug', title: 'x' }, 400, 'invalid_input', 'to'],
      [{ slug: 'fire', title: 'Itself' }, 400, 'invalid_target', 'to'],
      [{ slug: 'fire-2' }, 400, 'invalid_input', 'to'],
    ] as const) {
      const before = await storedSnapshot(s.test.store.db);
      const res = await s.api('/api/v1/pages/fire/continue', { method: 'POST', as: 'editor', json: { to } });
      expect(res.status, JSON.stringify(to)).toBe(status);
      const { error } = await res.json();
      expect(error.code).toBe(code);
      expect(error.field?.startsWith(field)).toBe(true);
      expect(await storedSnapshot(s.test.store.db)).toEqual(before);
    }
  });

  it('an ended page answers 409 page_ended to new posts, and its posts can still be corrected', async () => {
    const post = await json(s.api('/api/v1/pages/fire/posts', { method: 'POST', as: 'editor', json: aPost('Before the end') }));
    await s.api('/api/v1/pages/fire/end', { method: 'POST', as: 'editor' });
    for (const as of ['editor', 'contributor'] as const) {
      const before = await storedSnapshot(s.test.store.db);
      const res = await s.api('/api/v1/pages/fire/posts', { method: 'POST', as, json: aPost('Too late') });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('page_ended');
      expect(await storedSnapshot(s.test.store.db)).toEqual(before);
    }
    const fixed = await s.api(`/api/v1/posts/${post.id}`, { method: 'PATCH', as: 'editor', headers: { 'if-match': '"1"' }, json: { correction: 'An earlier version misnamed the street.' } });
    expect(fixed.status).toBe(200);
    expect((await fixed.json()).correction).toMatchObject({ text: 'An earlier version misnamed the street.' });
  });
});
