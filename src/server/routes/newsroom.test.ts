import { afterAll, beforeAll, expect, it } from 'vitest';
import { aPage } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { describeEachStore } from '../../test/stores.js';

const PASSWORD = 'correct horse battery';

describeEachStore('newsroom sign-in and sessions', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());

  const login = (email: string, password: string) =>
    fetch(`${s.url}/newsroom/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }),
    });
  const signIn = async (email: string) => {
    const res = await login(email, PASSWORD);
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const shell = await (await fetch(`${s.url}/newsroom`, { headers: { cookie } })).text();
    const csrf = /data-csrf="([^"]+)"/.exec(shell)![1]!;
    return { cookie, csrf };
  };

  it('shows a labelled sign-in form, and the same message for a wrong password or an unknown email', async () => {
    const form = await (await fetch(`${s.url}/newsroom`)).text();
    expect(form).toMatch(/<label for="nr-email">Email<\/label>/);
    expect(form).toMatch(/<label for="nr-password">Password<\/label>/);
    expect(form).toMatch(/<button type="submit">Sign in<\/button>/);
    const wrong = await login('editor@example.test', 'not the password');
    const unknown = await login('nobody@example.test', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => /role="alert">([^<]+)</.exec(html)?.[1];
    expect(message(await wrong.text())).toBe(message(await unknown.text()));
  });

  it('signing in sets an httpOnly SameSite cookie; the app shell carries the user and a CSRF token', async () => {
    const res = await login('Editor@Example.test', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsroom');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lp_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const { cookie: c, csrf } = await signIn('editor@example.test');
    const shell = await (await fetch(`${s.url}/newsroom/pages/x`, { headers: { cookie: c } })).text();
    expect(shell).toContain('id="newsroom-app"');
    expect(shell).toContain(csrf);
    const me = await (await fetch(`${s.url}/api/v1/me`, { headers: { cookie: c } })).json();
    expect(me.user).toMatchObject({ email: 'editor@example.test', role: 'editor' });
  });

  it('the shell links the views a role may use and loads the app with its stylesheet', async () => {
    const shellFor = async (email: string) => (await (await fetch(`${s.url}/newsroom`, { headers: { cookie: (await signIn(email)).cookie } })).text());
    const admin = await shellFor('admin@example.test');
    const editor = await shellFor('editor@example.test');
    expect(admin).toContain('<a href="/newsroom/people">People</a>');
    expect(editor).not.toContain('/newsroom/people');
    expect(editor).toContain('<a href="/newsroom/tokens">API tokens</a>');
    expect(editor).toMatch(/<link rel="stylesheet" href="\/assets\/newsroom\.css\?v=[0-9a-f]{12}"\/>/);
    expect(editor).toMatch(/<form method="post" action="\/newsroom\/logout"/);
    // The user's name is data for the app, escaped like any other text.
    expect(editor).toContain('data-user="{&quot;id&quot;');
  });

  it('answers /favicon.ico, so no page logs a 404 for it', async () => {
    const res = await fetch(`${s.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('cookie-authenticated writes need the CSRF token', async () => {
    const { cookie, csrf } = await signIn('editor@example.test');
    const body = JSON.stringify(aPage('csrf-page'));
    const without = await fetch(`${s.url}/api/v1/pages`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(without.status).toBe(403);
    expect((await without.json()).error.code).toBe('csrf_failed');
    const forged = await fetch(`${s.url}/api/v1/pages`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(csrf.length) }, body });
    expect(forged.status).toBe(403);
    const ok = await fetch(`${s.url}/api/v1/pages`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf }, body });
    expect(ok.status).toBe(201);
  });

  it('signing out ends the session', async () => {
    const { cookie, csrf } = await signIn('contributor@example.test');
    const out = await fetch(`${s.url}/newsroom/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/lp_session=;/);
    expect((await fetch(`${s.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('deactivating a person stops their sessions and tokens at once; the last admin stays', async () => {
    const users = (await (await s.api('/api/v1/users', { as: 'admin' })).json()).users as { id: string; email: string }[];
    const contributor = users.find((u) => u.email === 'contributor@example.test')!;
    const admin = users.find((u) => u.email === 'admin@example.test')!;
    const { cookie } = await signIn('contributor@example.test');
    expect((await s.api('/api/v1/me', { as: 'contributor' })).status).toBe(200);
    expect((await s.api(`/api/v1/users/${contributor.id}`, { method: 'PATCH', as: 'editor', json: { active: false } })).status).toBe(403);
    const res = await s.api(`/api/v1/users/${contributor.id}`, { method: 'PATCH', as: 'admin', json: { active: false } });
    expect(res.status).toBe(200);
    expect((await s.api('/api/v1/me', { as: 'contributor' })).status).toBe(401);
    expect((await fetch(`${s.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login('contributor@example.test', PASSWORD)).status).toBe(401);
    await s.api(`/api/v1/users/${contributor.id}`, { method: 'PATCH', as: 'admin', json: { active: true } });
    expect((await s.api('/api/v1/me', { as: 'contributor' })).status).toBe(200);

    const last = await s.api(`/api/v1/users/${admin.id}`, { method: 'PATCH', as: 'admin', json: { role: 'editor' } });
    expect(last.status).toBe(409);
    expect((await last.json()).error.code).toBe('last_admin');
  });

  it('people add tokens for themselves and revoke them; revoked tokens stop working', async () => {
    const created = await s.api('/api/v1/tokens', { method: 'POST', as: 'editor', json: { name: 'desk laptop' } });
    expect(created.status).toBe(201);
    const { token } = await created.json();
    const list = (await (await s.api('/api/v1/tokens', { as: 'editor' })).json()).tokens as { id: string; name: string; userName: string }[];
    expect(list.every((t) => t.userName === 'Editor Person')).toBe(true);
    const mine = list.find((t) => t.name === 'desk laptop')!;
    const me = () => fetch(`${s.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    expect((await s.api(`/api/v1/tokens/${mine.id}`, { method: 'DELETE', as: 'contributor' })).status).toBe(404);
    expect((await s.api(`/api/v1/tokens/${mine.id}`, { method: 'DELETE', as: 'editor' })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });

  it('repeated wrong passwords for an account get 429, even with the right one after', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin@example.test', `wrong ${i}`)).status).toBe(401);
    const blocked = await login('admin@example.test', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Too many sign-in attempts');
  });
});
