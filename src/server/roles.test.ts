/**
 * Every write route × every kind of caller, over real HTTP: each answers as the policy says,
 * and every refusal leaves the stored data as it was. The table must name every write route
 * the app has: a new one fails here until it is added.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import { createToken } from '../commands/tokens.js';
import type { Role } from '../domain/user.js';
import { aPage, aPost } from '../test/fixtures.js';
import { SOCIAL_ROUTES } from '../test/embed-providers.js';
import { startImageHost, type ImageHost } from '../test/image-host.js';
import { smallImage } from '../test/images.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { signInAs } from '../test/sign-in.js';
import { describeEachStore } from '../test/stores.js';
import { storedSnapshot } from '../test/snapshot.js';

/** Who calls: the three roles by token, and the ways a call fails to be someone. */
const CALLERS = ['anonymous', 'bad token', 'deactivated admin', 'cookie without CSRF', 'contributor', 'editor', 'admin', 'cookie with CSRF'] as const;
type Caller = (typeof CALLERS)[number];
const ROLE_OF: Partial<Record<Caller, Role>> = { contributor: 'contributor', editor: 'editor', admin: 'admin', 'cookie with CSRF': 'admin' };
const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

type Outcome = 'allowed' | 401 | 403 | 404;
type Req = { method: string; path: string; json?: unknown; headers?: Record<string, string> };
interface Row {
  route: string; // as fastify names it: `${method} ${url}`
  needs: Role;
  /** Answers that differ from the role rule (another's token is "not found", not "forbidden"). */
  except?: Partial<Record<Caller, Outcome>>;
  request(): Promise<Req>;
}

/** The outcome the role rule gives, before a row's exceptions. */
function expected(row: Row, caller: Caller): Outcome {
  if (row.except?.[caller] !== undefined) return row.except[caller]!;
  if (caller === 'anonymous' || caller === 'bad token' || caller === 'deactivated admin') return 401;
  if (caller === 'cookie without CSRF') return 403;
  return RANK[ROLE_OF[caller]!] >= RANK[row.needs] ? 'allowed' : 403;
}

const CODE: Record<number, string> = { 401: 'unauthenticated', 404: 'token_not_found' };

describeEachStore('who may write what', (kind) => {
  let s: TestServer;
  let cookie: { cookie: string; csrf: string };
  let deactivatedToken: string;
  let images: ImageHost;
  let n = 0;
  beforeAll(async () => {
    const png = await smallImage('png', 40, 30);
    images = await startImageHost({ '/a.png': () => ({ headers: { 'content-type': 'image/png' }, body: png }), ...SOCIAL_ROUTES });
    // The image host is on loopback: this server may fetch from it.
    s = await startTestServer(kind, { media: { isAllowedAddress: (a) => a === '127.0.0.1' } });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('roles') });
    await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('roles-next') });
    cookie = await signInAs(s.url, 'admin@example.test');
    // Deactivated behind the commands' back, its token not revoked: the check itself must refuse it.
    const gone = await addUser(s.ctx, { email: 'gone@example.test', name: 'Gone', role: 'admin', password: 'correct horse battery' });
    deactivatedToken = (await createToken(s.ctx, 'gone@example.test')).token;
    await s.test.store.write((db) => db.updateTable('users').set({ active: 0 }).where('id', '=', gone.user.id).execute());
  });
  afterAll(async () => {
    await s.close();
    await images.close();
  });

  function send(caller: Caller, { method, path, json, headers = {} }: Req): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (caller === 'bad token') h.authorization = 'Bearer lp_forged0000000000000000000000000000000000000';
    if (caller === 'deactivated admin') h.authorization = `Bearer ${deactivatedToken}`;
    if (caller.startsWith('cookie')) h.cookie = cookie.cookie;
    if (caller === 'cookie with CSRF') h['x-csrf-token'] = cookie.csrf;
    const as = caller === 'contributor' || caller === 'editor' || caller === 'admin' ? caller : undefined;
    return s.api(path, { method, headers: h, ...(as ? { as } : {}), ...(json !== undefined ? { json } : {}) });
  }

  const created = async (res: Promise<Response>) => (await res).json();
  const post = async () => (await created(s.api('/api/v1/pages/roles/posts', { method: 'POST', as: 'editor', json: aPost('Target') }))).id as string;
  const page = async (prefix: string) => (await created(s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage(`${prefix}${++n}`) }))).slug as string;
  const webhook = async () =>
    // Loopback port 9: nothing listens there, so deliveries fail locally and go nowhere.
    (await created(s.api('/api/v1/webhooks', { method: 'POST', as: 'admin', json: { url: 'http://127.0.0.1:9/hook', events: ['post.published'], secret: 'role-table-secret' } }))).id as string;
  const user = async () => (await created(s.api('/api/v1/users', { method: 'POST', as: 'admin', json: { email: `u${++n}@example.test`, name: `U ${n}`, role: 'contributor' } }))).user.id as string;
  const snippet = async () => (await created(s.api('/api/v1/snippets', { method: 'POST', as: 'editor', json: { name: `s${++n}`, body: [{ type: 'paragraph', text: 'x' }] } }))).id as string;
  const adminToken = async () => {
    await s.api('/api/v1/tokens', { method: 'POST', as: 'admin', json: { name: `t${++n}` } });
    return ((await created(s.api('/api/v1/tokens', { as: 'admin' }))).tokens as { id: string; name: string }[]).find((t) => t.name === `t${n}`)!.id;
  };

  const table: Row[] = [
    { route: 'POST /api/v1/pages', needs: 'editor', request: async () => ({ method: 'POST', path: '/api/v1/pages', json: aPage(`p${++n}`) }) },
    { route: 'PATCH /api/v1/pages/:slug', needs: 'editor', request: async () => ({ method: 'PATCH', path: '/api/v1/pages/roles', json: { title: `Renamed ${++n}` } }) },
    { route: 'POST /api/v1/pages/:slug/continue', needs: 'editor', request: async () => ({ method: 'POST', path: `/api/v1/pages/${await page('c')}/continue`, json: { to: 'roles-next' } }) },
    { route: 'POST /api/v1/pages/:slug/end', needs: 'editor', request: async () => ({ method: 'POST', path: `/api/v1/pages/${await page('e')}/end` }) },
    { route: 'POST /api/v1/pages/:slug/posts', needs: 'contributor', request: async () => ({ method: 'POST', path: '/api/v1/pages/roles/posts', json: aPost('New') }) },
    { route: "PATCH /api/v1/posts/:id", needs: 'editor', request: async () => ({ method: 'PATCH', path: `/api/v1/posts/${await post()}`, json: { title: 'Edited' }, headers: { 'if-match': '"1"' } }) },
    { route: 'DELETE /api/v1/posts/:id', needs: 'editor', request: async () => ({ method: 'DELETE', path: `/api/v1/posts/${await post()}` }) },
    { route: 'POST /api/v1/posts/:id/restore', needs: 'editor', request: async () => ({ method: 'POST', path: `/api/v1/posts/${await post()}/restore`, json: { version: 1 }, headers: { 'if-match': '"1"' } }) },
    { route: 'PUT /api/v1/posts/:id/presence', needs: 'contributor', request: async () => ({ method: 'PUT', path: `/api/v1/posts/${await post()}/presence`, json: { editing: true } }) },
    { route: 'POST /api/v1/preview', needs: 'contributor', request: async () => ({ method: 'POST', path: '/api/v1/preview', json: aPost('Preview') }) },
    { route: 'POST /api/v1/embeds/preview', needs: 'contributor', request: async () => ({ method: 'POST', path: '/api/v1/embeds/preview', json: { url: `${images.url}/social?${++n}` } }) },
    { route: 'POST /api/v1/media', needs: 'contributor', request: async () => ({ method: 'POST', path: '/api/v1/media', json: { url: `${images.url}/a.png`, page: 'roles' } }) },
    { route: 'PATCH /api/v1/users/:id/byline', needs: 'admin', except: { contributor: 403, editor: 403 }, request: async () => ({ method: 'PATCH', path: `/api/v1/users/${await user()}/byline`, json: { role: 'Reporter' } }) },
    { route: 'POST /api/v1/snippets', needs: 'editor', request: async () => ({ method: 'POST', path: '/api/v1/snippets', json: { name: `s${++n}`, body: [{ type: 'paragraph', text: 'x' }] } }) },
    { route: 'PATCH /api/v1/snippets/:id', needs: 'editor', request: async () => ({ method: 'PATCH', path: `/api/v1/snippets/${await snippet()}`, json: { name: 'Renamed' } }) },
    { route: 'DELETE /api/v1/snippets/:id', needs: 'editor', request: async () => ({ method: 'DELETE', path: `/api/v1/snippets/${await snippet()}` }) },
    { route: 'POST /api/v1/users', needs: 'admin', request: async () => ({ method: 'POST', path: '/api/v1/users', json: { email: `x${++n}@example.test`, name: 'X', role: 'editor' } }) },
    { route: 'PATCH /api/v1/users/:id', needs: 'admin', request: async () => ({ method: 'PATCH', path: `/api/v1/users/${await user()}`, json: { role: 'editor' } }) },
    { route: 'POST /api/v1/tokens', needs: 'contributor', request: async () => ({ method: 'POST', path: '/api/v1/tokens', json: { name: 'mine' } }) },
    { route: 'DELETE /api/v1/tokens/:id', needs: 'contributor', except: { contributor: 404, editor: 404 }, request: async () => ({ method: 'DELETE', path: `/api/v1/tokens/${await adminToken()}` }) },
    { route: 'POST /api/v1/webhooks', needs: 'admin', request: async () => ({ method: 'POST', path: '/api/v1/webhooks', json: { url: 'http://127.0.0.1:9/hook', events: ['post.published'], secret: 'role-table-secret' } }) },
    { route: 'PATCH /api/v1/webhooks/:id', needs: 'admin', request: async () => ({ method: 'PATCH', path: `/api/v1/webhooks/${await webhook()}`, json: { active: false } }) },
    { route: 'DELETE /api/v1/webhooks/:id', needs: 'admin', request: async () => ({ method: 'DELETE', path: `/api/v1/webhooks/${await webhook()}` }) },
    { route: 'PATCH /api/v1/brand', needs: 'admin', request: async () => ({ method: 'PATCH', path: '/api/v1/brand', json: { siteName: `Roles News ${++n}` } }) },
  ];
  /** The sign-in and sign-out forms are for anyone; their own tests are in routes/newsroom.test.ts, and below. */
  const FORMS = ['POST /newsroom/login', 'POST /newsroom/logout'];

  it('the table names every write route the app has, and nothing else', () => {
    const writes = s.app.routeAccess.filter((r) => !['GET', 'HEAD'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    expect(writes.sort()).toEqual([...table.map((r) => r.route), ...FORMS].sort());
  });

  for (const row of table) {
    it(`${row.route}: ${row.needs} or above, checked before anything is stored`, async () => {
      const actual: Record<string, Outcome | number> = {};
      for (const caller of CALLERS) {
        const req = await row.request();
        const before = await storedSnapshot(s.test.store.db);
        const res = await send(caller, req);
        const want = expected(row, caller);
        actual[caller] = res.status < 300 ? 'allowed' : res.status;
        if (want === 'allowed' || res.status < 300) continue;
        const { error } = await res.json();
        expect(error.code, `${caller}: ${error.message}`).toBe(want === 403 ? (caller === 'cookie without CSRF' ? 'csrf_failed' : 'forbidden') : CODE[want]);
        expect(await storedSnapshot(s.test.store.db), `${caller} changed nothing`).toEqual(before);
      }
      expect(actual).toEqual(Object.fromEntries(CALLERS.map((c) => [c, expected(row, c)])));
    });
  }

  it('signing out with the session cookie needs the form’s CSRF field; signing out anonymously is harmless', async () => {
    const me = await signInAs(s.url, 'editor@example.test');
    const out = (body: Record<string, string>) =>
      fetch(`${s.url}/newsroom/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const refused = await out({});
    expect(refused.status).toBe(403);
    expect((await fetch(`${s.url}/api/v1/me`, { headers: { cookie: me.cookie } })).status).toBe(200);
    expect((await out({ _csrf: me.csrf })).status).toBe(303);
    expect((await fetch(`${s.url}/api/v1/me`, { headers: { cookie: me.cookie } })).status).toBe(401);
    expect((await fetch(`${s.url}/newsroom/logout`, { method: 'POST', redirect: 'manual' })).status).toBe(303);
  });

  it('the forms anyone may post take small bodies only', async () => {
    const big = new URLSearchParams({ email: 'x@example.test', password: 'p'.repeat(20_000) });
    for (const path of ['/newsroom/login', '/newsroom/logout']) {
      const res = await fetch(`${s.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
      expect(res.status, path).toBe(413);
    }
  });
});
