import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage, aPost } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { openSse } from '../../../test/sse.js';
import { storedSnapshot } from '../../../test/snapshot.js';
import { describeEachStore } from '../../../test/stores.js';

describeEachStore('the desk: one request to open, changes pushed, bylines and snippets', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('desk') });
  });
  afterAll(() => s.close());

  const json = async (res: Promise<Response>) => (await res).json();
  const auth = (as: 'editor' | 'contributor' | 'admin') => ({ authorization: `Bearer ${s.tokens[as]}` });

  it('one request returns everything a desk opens with; contributors see only their own unpublished posts', async () => {
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'editor', json: aPost('Live one', { pinned: true }) });
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'editor', json: aPost('Editor draft', { status: 'draft' }) });
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'contributor', json: aPost('For review') });
    const desk = await json(s.api('/api/v1/pages/desk/desk', { as: 'editor' }));
    expect(desk.page.slug).toBe('desk');
    expect(desk.me.byline).toMatchObject({ name: 'Editor Person', byDefault: true });
    expect(desk.pinned.title).toBe('Live one');
    expect(Object.fromEntries(Object.entries(desk.lists).map(([k, v]) => [k, (v as { total: number }).total]))).toEqual({ published: 1, submitted: 1, draft: 1, scheduled: 0, unpublished: 0 });
    expect(desk.activity.history).toHaveLength(60);
    expect(desk.bylines.map((b: { name: string }) => b.name)).toEqual(['Admin Person', 'Contributor Person', 'Editor Person']);
    expect(Date.parse(desk.at)).toBeGreaterThan(0);
    const theirs = await json(s.api('/api/v1/pages/desk/desk', { as: 'contributor' }));
    expect(theirs.lists.draft.total).toBe(0); // the editor's draft is not theirs
    expect(theirs.lists.submitted.posts.map((p: { title: string }) => p.title)).toEqual(['For review']);
    expect((await s.api('/api/v1/pages/desk/desk?shown=bogus', { as: 'editor' })).status).toBe(400);
    expect((await s.api('/api/v1/pages/desk/desk')).status).toBe(401);
  });

  it('what one desk does reaches another open desk within a second: a submission, a draft, presence', async () => {
    const at = (await json(s.api('/api/v1/pages/desk/desk', { as: 'editor' }))).at;
    const desk = await openSse(`${s.url}/api/v1/pages/desk/desk/events?since=${encodeURIComponent(at)}`, auth('editor'));
    expect(desk.status).toBe(200);
    expect(desk.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await desk.waitFor(1); // the opening frame: the page and who is editing
    const started = Date.now();
    const submitted = await json(s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'contributor', json: aPost('Pushed submission') }));
    const seen = async (test: (d: Record<string, unknown>) => boolean) => {
      for (let n = desk.events.length; ; n++) {
        const events = await desk.waitFor(n, 3000);
        const hit = events.find((e) => test(e.data));
        if (hit) return hit;
      }
    };
    await seen((d) => (d.posts as { id: string }[]).some((p) => p.id === submitted.id));
    expect(Date.now() - started).toBeLessThan(1000);
    await s.api(`/api/v1/posts/${submitted.id}/presence`, { method: 'PUT', as: 'admin', json: { editing: true } });
    const presence = await seen((d) => Array.isArray(d.editing) && (d.editing as { postId: string }[]).some((e) => e.postId === submitted.id));
    expect((presence.data.editing as { names: string[] }[])[0]!.names).toEqual(['Admin Person']);
    desk.close();

    // A contributor's stream carries no one else's drafts.
    const theirs = await openSse(`${s.url}/api/v1/pages/desk/desk/events`, auth('contributor'));
    await theirs.waitFor(1);
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'editor', json: aPost('Secret draft', { status: 'draft' }) });
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'contributor', json: aPost('My own') });
    const mine = await (async () => {
      for (let n = theirs.events.length + 1; ; n++) {
        const events = await theirs.waitFor(n, 3000);
        if (events.some((e) => (e.data.posts as { title: string }[]).some((p) => p.title === 'My own'))) return events;
      }
    })();
    expect(mine.flatMap((e) => (e.data.posts as { title: string }[]).map((p) => p.title))).not.toContain('Secret draft');
    theirs.close();
    expect((await fetch(`${s.url}/api/v1/pages/desk/desk/events`)).status).toBe(401);
  });

  it('people edit their own byline, admins anyone’s; the byline with its photo reaches reader pages', async () => {
    const me = (await json(s.api('/api/v1/me', { as: 'contributor' }))).user;
    const res = await s.api(`/api/v1/users/${me.id}/byline`, { method: 'PATCH', as: 'contributor', json: { name: 'C. Person', role: 'Defence correspondent', photo: 'https://images.example.org/c.jpg' } });
    expect(res.status).toBe(200);
    expect((await res.json()).user.byline).toEqual({ name: 'C. Person', role: 'Defence correspondent', photo: 'https://images.example.org/c.jpg', byDefault: true });
    const editor = (await json(s.api('/api/v1/me', { as: 'editor' }))).user;
    const before = await storedSnapshot(s.test.store.db);
    const refused = await s.api(`/api/v1/users/${editor.id}/byline`, { method: 'PATCH', as: 'contributor', json: { name: 'Hijacked' } });
    expect(refused.status).toBe(403);
    const bad = await s.api(`/api/v1/users/${me.id}/byline`, { method: 'PATCH', as: 'contributor', json: { photo: 'javascript:alert(1)' } });
    expect(bad.status).toBe(400);
    expect(await storedSnapshot(s.test.store.db)).toEqual(before);
    expect((await s.api(`/api/v1/users/${editor.id}/byline`, { method: 'PATCH', as: 'admin', json: { byDefault: false } })).status).toBe(200);

    const byline = { name: 'C. Person', role: 'Defence correspondent', photo: 'https://images.example.org/c.jpg' };
    await s.api('/api/v1/pages/desk/posts', { method: 'POST', as: 'editor', json: aPost('With a face', { contributors: [byline] }) });
    const html = await (await fetch(`${s.url}/live/desk`)).text();
    expect(html).toMatch(/<img class="lp-contributor__photo" src="https:\/\/images.example.org\/c.jpg" alt(="")? /); // alt: decorative
  });

  it('snippets: editors make, change and delete them; the desk lists the newsroom’s and the page’s', async () => {
    const body = [{ type: 'heading', text: 'What we know so far' }, { type: 'list', ordered: false, items: ['…'] }];
    const shared = await s.api('/api/v1/snippets', { method: 'POST', as: 'editor', json: { name: 'What we know', body } });
    expect(shared.status).toBe(201);
    const own = await json(s.api('/api/v1/snippets', { method: 'POST', as: 'editor', json: { name: 'Explainer', title: 'How the vote works', body: [{ type: 'paragraph', text: 'Each region…' }], page: 'desk' } }));
    expect(own.page).toBe('desk');
    expect((await s.api('/api/v1/snippets', { method: 'POST', as: 'contributor', json: { name: 'x', body } })).status).toBe(403);
    expect((await s.api('/api/v1/snippets', { method: 'POST', as: 'editor', json: { name: 'x', body: [] } })).status).toBe(400);
    expect((await s.api('/api/v1/snippets', { method: 'POST', as: 'editor', json: { name: 'x', body, page: 'no-such' } })).status).toBe(404);
    const renamed = await json(s.api(`/api/v1/snippets/${own.id}`, { method: 'PATCH', as: 'editor', json: { name: 'Standing explainer' } }));
    expect(renamed.name).toBe('Standing explainer');
    const listed = await json(s.api('/api/v1/snippets?page=desk', { as: 'contributor' }));
    expect(listed.snippets.map((x: { name: string }) => x.name)).toEqual(['Standing explainer', 'What we know']);
    expect((await json(s.api('/api/v1/snippets', { as: 'contributor' }))).snippets.map((x: { name: string }) => x.name)).toEqual(['What we know']);
    expect((await json(s.api('/api/v1/pages/desk/desk', { as: 'editor' }))).snippets).toHaveLength(2);
    expect((await s.api(`/api/v1/snippets/${own.id}`, { method: 'DELETE', as: 'editor' })).status).toBe(204);
    const gone = await s.api(`/api/v1/snippets/${own.id}`, { method: 'DELETE', as: 'editor' });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('snippet_not_found');
  });
});
