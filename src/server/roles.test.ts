/** Every write route × every role × anonymous: each answers as its role rule says. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../domain/user.js';
import { aPage, aPost } from '../test/fixtures.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { describeEachStore } from '../test/stores.js';

type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', 'contributor', 'editor', 'admin'];
const RANK: Record<Who, number> = { anonymous: 0, contributor: 1, editor: 2, admin: 3 };

describeEachStore('roles on every write route', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('roles') });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('roles-next') });
  });
  afterAll(() => s.close());

  /** Fresh targets per call, so one role's success does not change the next role's case. */
  async function target(what: 'post' | 'user' | 'token' | 'webhook'): Promise<string> {
    if (what === 'post') return (await (await s.api('/api/v1/pages/roles/posts', { method: 'POST', as: 'editor', json: aPost('Target') })).json()).id;
    if (what === 'webhook') {
      // Loopback port 9: nothing listens there, so deliveries fail locally and go nowhere.
      const res = await s.api('/api/v1/webhooks', { method: 'POST', as: 'admin', json: { url: 'http://127.0.0.1:9/hook', events: ['post.published'], secret: 'role-table-secret' } });
      return (await res.json()).id;
    }
    if (what === 'user') {
      const res = await s.api('/api/v1/users', { method: 'POST', as: 'admin', json: { email: `u${++n}@example.test`, name: `U ${n}`, role: 'contributor' } });
      return (await res.json()).user.id;
    }
    await s.api('/api/v1/tokens', { method: 'POST', as: 'admin', json: { name: `t${++n}` } });
    return ((await (await s.api('/api/v1/tokens', { as: 'admin' })).json()).tokens as { id: string }[])[0]!.id;
  }

  const routes: { name: string; needs: Role; request: () => Promise<[string, string, unknown?, Record<string, string>?]> }[] = [
    { name: 'POST /pages', needs: 'editor', request: async () => ['POST', '/api/v1/pages', aPage(`p${++n}`)] },
    { name: 'PATCH /pages/{slug}', needs: 'editor', request: async () => ['PATCH', '/api/v1/pages/roles', { title: 'Renamed' }] },
    { name: 'POST /pages/{slug}/continue', needs: 'editor', request: async () => {
      await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(`c${++n}`) });
      return ['POST', `/api/v1/pages/c${n}/continue`, { to: 'roles-next' }];
    } },
    { name: 'POST /pages/{slug}/end', needs: 'editor', request: async () => {
      await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(`e${++n}`) });
      return ['POST', `/api/v1/pages/e${n}/end`];
    } },
    { name: 'POST /pages/{slug}/posts', needs: 'contributor', request: async () => ['POST', '/api/v1/pages/roles/posts', aPost('New')] },
    { name: "PATCH /posts/{id} (an editor's published post)", needs: 'editor', request: async () => ['PATCH', `/api/v1/posts/${await target('post')}`, { title: 'Edited' }, { 'if-match': '"1"' }] },
    { name: 'DELETE /posts/{id}', needs: 'editor', request: async () => ['DELETE', `/api/v1/posts/${await target('post')}`] },
    { name: 'POST /preview', needs: 'contributor', request: async () => ['POST', '/api/v1/preview', aPost('Preview')] },
    { name: 'POST /users', needs: 'admin', request: async () => ['POST', '/api/v1/users', { email: `x${++n}@example.test`, name: 'X', role: 'editor' }] },
    { name: 'PATCH /users/{id}', needs: 'admin', request: async () => ['PATCH', `/api/v1/users/${await target('user')}`, { role: 'editor' }] },
    { name: 'POST /webhooks', needs: 'admin', request: async () => ['POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['post.published'], secret: 'role-table-secret' }] },
    { name: 'PATCH /webhooks/{id}', needs: 'admin', request: async () => ['PATCH', `/api/v1/webhooks/${await target('webhook')}`, { active: false }] },
    { name: 'DELETE /webhooks/{id}', needs: 'admin', request: async () => ['DELETE', `/api/v1/webhooks/${await target('webhook')}`] },
    { name: 'POST /tokens', needs: 'contributor', request: async () => ['POST', '/api/v1/tokens', { name: 'mine' }] },
  ];

  for (const route of routes) {
    it(`${route.name}: ${route.needs} or above`, async () => {
      const seen: Record<string, number> = {};
      for (const who of WHO) {
        const [method, path, json, headers] = await route.request();
        const res = await s.api(path, { method, ...(who === 'anonymous' ? {} : { as: who }), ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) });
        seen[who] = res.status;
      }
      const expected = Object.fromEntries(WHO.map((who) => [who, who === 'anonymous' ? 401 : RANK[who] >= RANK[route.needs] ? 'allowed' : 403]));
      const actual = Object.fromEntries(WHO.map((who) => [who, seen[who]! < 300 ? 'allowed' : seen[who]]));
      expect(actual).toEqual(expected);
    });
  }

  it('DELETE /tokens/{id}: only the owner or an admin', async () => {
    const id = await target('token'); // the admin's
    expect((await s.api(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await s.api(`/api/v1/tokens/${id}`, { method: 'DELETE', as: 'contributor' })).status).toBe(404);
    expect((await s.api(`/api/v1/tokens/${id}`, { method: 'DELETE', as: 'editor' })).status).toBe(404);
    expect((await s.api(`/api/v1/tokens/${id}`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
  });
});
