import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../commands/addUser.js';
import { createToken } from '../../commands/tokens.js';
import { aPage } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { CookieJar, openSignInForm, PASSWORD, postLogin, signInAs } from '../../test/sign-in.js';
import { describeEachStore } from '../../test/stores.js';

describeEachStore('newsroom sign-in and sessions', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());

  // Each from its own address (behind no proxy, so all are 127.0.0.1): the limits are tested in login-limits.test.ts.
  const login = (email: string, password: string, opts: Parameters<typeof postLogin>[3] = {}) => postLogin(s.url, email, password, opts);
  const signIn = (email: string) => signInAs(s.url, email);
  const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('lp_session='));

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
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/^lp_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/); // no Secure over http
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
    expect(editor).toMatch(/<link rel="stylesheet" href="\/assets\/(?:build\/)?newsroom\.css\?v=[0-9a-f]{12}"\/>/);
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

  it('deactivating a person stops their sessions and revokes their tokens at once; the last admin stays', async () => {
    // Someone of their own, so the shared test people keep their tokens.
    await addUser(s.ctx, { email: 'night@example.test', name: 'Night Desk', role: 'contributor', password: PASSWORD });
    const oldToken = (await createToken(s.ctx, 'night@example.test')).token;
    const asNight = (token: string) => fetch(`${s.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const users = (await (await s.api('/api/v1/users', { as: 'admin' })).json()).users as { id: string; email: string }[];
    const night = users.find((u) => u.email === 'night@example.test')!;
    const admin = users.find((u) => u.email === 'admin@example.test')!;
    const { cookie } = await signIn('night@example.test');
    expect((await asNight(oldToken)).status).toBe(200);
    expect((await s.api(`/api/v1/users/${night.id}`, { method: 'PATCH', as: 'editor', json: { active: false } })).status).toBe(403);
    const res = await s.api(`/api/v1/users/${night.id}`, { method: 'PATCH', as: 'admin', json: { active: false } });
    expect(res.status).toBe(200);
    expect((await asNight(oldToken)).status).toBe(401);
    expect((await fetch(`${s.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login('night@example.test', PASSWORD)).status).toBe(401);
    await s.api(`/api/v1/users/${night.id}`, { method: 'PATCH', as: 'admin', json: { active: true } });
    // Reactivated, they sign in again, but their old tokens stay revoked: they make new ones.
    expect((await asNight(oldToken)).status).toBe(401);
    const tokens = (await (await s.api('/api/v1/tokens', { as: 'admin' })).json()).tokens as { userId: string; revokedAt: string | null }[];
    expect(tokens.filter((t) => t.userId === night.id).map((t) => t.revokedAt !== null)).toEqual([true]);
    const again = await signIn('night@example.test');
    const fresh = await fetch(`${s.url}/api/v1/tokens`, { method: 'POST', headers: { cookie: again.cookie, 'x-csrf-token': again.csrf, 'content-type': 'application/json' }, body: '{"name":"new laptop"}' });
    expect(fresh.status).toBe(201);
    expect((await asNight((await fresh.json()).token)).status).toBe(200);

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
  it('the sign-in form is protected against login CSRF: a browser post needs the form token and the cookie that came with it', async () => {
    const { jar, csrf, html } = await openSignInForm(s.url);
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}"\/>/);
    const form = await fetch(`${s.url}/newsroom`);
    expect(form.headers.getSetCookie().find((c) => c.startsWith('lp_login='))).toMatch(/; Max-Age=86400; Path=\/newsroom; HttpOnly; SameSite=Lax$/);
    const post = (cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${s.url}/newsroom/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        body: new URLSearchParams({ email: 'editor@example.test', password: PASSWORD, ...fields }),
      });
    // Another site's form: no token, no cookie (SameSite keeps it home), and the browser says where it comes from.
    const forged = await post('', {}, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(sessionCookie(forged)).toBeUndefined();
    expect(await forged.text()).toContain('This sign-in form had expired');
    expect((await post('', {}, { origin: 'https://evil.example' })).status).toBe(403); // a browser without Sec-Fetch-Site
    expect((await post('', {}, { origin: 'null' })).status).toBe(403); // a sandboxed frame
    // A token without its cookie, a token from another browser's form, a tampered token.
    expect((await post('', { _csrf: csrf })).status).toBe(403);
    const other = await openSignInForm(s.url);
    expect((await post(jar.header(), { _csrf: other.csrf })).status).toBe(403);
    expect((await post(jar.header(), { _csrf: csrf.slice(0, -1) + (csrf.endsWith('A') ? 'B' : 'A') })).status).toBe(403);
    // The real pair signs in; a form reloaded in the same browser keeps working (several tabs).
    const again = await openSignInForm(s.url, jar);
    expect(again.csrf).toBe(csrf);
    const ok = await post(jar.header(), { _csrf: csrf }, { 'sec-fetch-site': 'same-origin', origin: s.url });
    expect(ok.status).toBe(303);
    expect(sessionCookie(ok)).toBeDefined();
    // A script that is not a browser (no form token, no browser headers) signs in as before.
    const script = await post('', {});
    expect(script.status).toBe(303);
    expect(sessionCookie(script)).toBeDefined();
  });

  it('a script posting wrong passwords (no form, no browser headers) gets 401s, then 429', async () => {
    const attempt = () =>
      fetch(`${s.url}/newsroom/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'script-guesser@example.test', password: 'guess' }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it('sign-in returns to the newsroom page the journalist was on, and never anywhere else', async () => {
    // A session that ended on a desk: the same URL shows the form, which remembers where it was.
    const onDesk = await openSignInForm(s.url, new CookieJar(), '/newsroom/pages/storm');
    expect(onDesk.next).toBe('/newsroom/pages/storm');
    const back = await login('editor@example.test', PASSWORD, { next: onDesk.next });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/newsroom/pages/storm');
    expect((await openSignInForm(s.url, new CookieJar(), '/newsroom?next=/newsroom/people')).next).toBe('/newsroom/people');
    expect((await openSignInForm(s.url)).next).toBeUndefined();

    const hostile = [
      '//evil.example/newsroom',
      '/\\evil.example',
      '/\\/evil.example/',
      'https://evil.example/newsroom',
      'http:/newsroom',
      '/newsroom//evil.example',
      '/newsroom/../live/storm',
      '/newsroom/%2e%2e/x',
      '/newsroom/%2F%2Fevil.example',
      '/newsroom%2F..%2F..%2Fevil',
      '%2F%2Fevil.example',
      '/newsroom\t/x',
      ' /newsroom',
      '/newsroomx',
      '/live/storm',
      'javascript:alert(1)',
    ];
    for (const next of hostile) {
      const res = await login('editor@example.test', PASSWORD, { next });
      expect(res.headers.get('location'), next).toBe('/newsroom');
      const form = await openSignInForm(s.url, new CookieJar(), `/newsroom?next=${encodeURIComponent(next)}`);
      expect(form.next, next).toBeUndefined();
    }
    // Already signed in (another tab): ?next= goes straight there.
    const { cookie } = await signIn('editor@example.test');
    const there = await fetch(`${s.url}/newsroom?next=/newsroom/pages/storm`, { headers: { cookie }, redirect: 'manual' });
    expect(there.status).toBe(303);
    expect(there.headers.get('location')).toBe('/newsroom/pages/storm');
    const nowhere = await fetch(`${s.url}/newsroom?next=//evil.example`, { headers: { cookie }, redirect: 'manual' });
    expect(nowhere.status).toBe(200);
  });

  it('a session in use sends its cookie again once it has slid over an hour past it, not on every request', async () => {
    const { cookie } = await signIn('editor@example.test');
    const id = createHash('sha256').update(cookie.slice('lp_session='.length)).digest('hex');
    const setSession = (values: Record<string, string>) => s.test.store.write((db) => db.updateTable('sessions').set(values).where('id', '=', id).execute());
    // As if signed in two hours ago and last seen then: the browser's cookie has 10 h left.
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();
    const hour = 3_600_000;
    await setSession({ created_at: ago(2 * hour), last_seen_at: ago(2 * hour), expires_at: inFuture(10 * hour), cookie_expires_at: inFuture(10 * hour) });
    const renewed = await fetch(`${s.url}/api/v1/me`, { headers: { cookie } });
    expect(renewed.status).toBe(200);
    const set = sessionCookie(renewed)!;
    expect(set).toMatch(/^lp_session=[^;]+; Max-Age=(\d+); Path=\/; HttpOnly; SameSite=Lax$/);
    expect(set.split(';')[0]).toBe(cookie); // the same session, only a later expiry
    expect(Number(/Max-Age=(\d+)/.exec(set)![1])).toBeGreaterThan(43_190);
    // Used again at once: nothing to resend.
    expect(sessionCookie(await fetch(`${s.url}/api/v1/me`, { headers: { cookie } }))).toBeUndefined();
    // Slid by only half an hour over the browser's copy: not worth a Set-Cookie yet.
    await setSession({ last_seen_at: ago(hour / 2), cookie_expires_at: inFuture(12 * hour - hour / 2) });
    const quiet = await fetch(`${s.url}/api/v1/me`, { headers: { cookie } });
    expect(quiet.status).toBe(200);
    expect(sessionCookie(quiet)).toBeUndefined();
    // The newsroom page itself renews it too.
    await setSession({ last_seen_at: ago(3 * hour), cookie_expires_at: inFuture(9 * hour) });
    expect(sessionCookie(await fetch(`${s.url}/newsroom`, { headers: { cookie } }))).toMatch(/^lp_session=.*Max-Age=43\d{3};/);
    // Signing out clears it, and no renewal puts it back.
    await setSession({ last_seen_at: ago(3 * hour), cookie_expires_at: inFuture(9 * hour) });
    const shell = await (await fetch(`${s.url}/newsroom`, { headers: { cookie } })).text();
    await setSession({ last_seen_at: ago(3 * hour), cookie_expires_at: inFuture(9 * hour) });
    const out = await fetch(`${s.url}/newsroom/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: /data-csrf="([^"]+)"/.exec(shell)![1]! }),
    });
    expect(out.headers.getSetCookie().filter((c) => c.startsWith('lp_session='))).toEqual([expect.stringMatching(/^lp_session=; Max-Age=0;/)]);
  });
});

describeEachStore('newsroom cookies over https', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { config: { publicUrl: 'https://live.example.test' } });
  });
  afterAll(() => s.close());

  it('are Secure when LIVEPAGE_PUBLIC_URL is https', async () => {
    const jar = new CookieJar();
    const res = await postLogin(s.url, 'editor@example.test', PASSWORD, { jar });
    expect(res.status).toBe(303);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('lp_session='))).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies.find((c) => c.startsWith('lp_device='))).toMatch(/; Path=\/newsroom\/login; HttpOnly; Secure; SameSite=Lax$/);
    expect((await fetch(`${s.url}/newsroom`)).headers.getSetCookie()[0]).toMatch(/^lp_login=.*; Secure; SameSite=Lax$/);
  });
});
