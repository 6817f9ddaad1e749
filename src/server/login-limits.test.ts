/**
 * Sign-in limits over real HTTP, behind a trusted proxy (clients told apart by
 * X-Forwarded-For) and without one, with counts shared through the store.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../commands/addUser.js';
import { openStore, type Store } from '../store/store.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { CookieJar, openSignInForm, PASSWORD, postLogin } from '../test/sign-in.js';
import { describeEachStore } from '../test/stores.js';
import { buildApp } from './app.js';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS } from './login-limiter.js';

const TOO_MANY = 'Too many sign-in attempts';
const alertOf = async (res: Response) => /role="alert">([^<]+)</.exec(await res.text())?.[1];

describeEachStore('sign-in limits behind a trusted proxy', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    // The proxy is this machine: its X-Forwarded-For names the client.
    s = await startTestServer(kind, { config: { trustProxy: ['127.0.0.1'] } });
  });
  afterAll(() => s.close());

  const attempt = (email: string, password: string, from: string, jar?: CookieJar) => postLogin(s.url, email, password, { from, ...(jar ? { jar } : {}) });
  const fail = async (email: string, from: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await attempt(email, `wrong ${i}`, from)).status).toBe(401);
  };

  it('one account from one address: the 6th attempt is refused with 429 and a Retry-After, the same for an unknown email', async () => {
    await fail('editor@example.test', '203.0.113.1', MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    const blocked = await attempt('editor@example.test', PASSWORD, '203.0.113.1');
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const lockedMessage = await alertOf(blocked);
    expect(lockedMessage).toContain(TOO_MANY);

    // Nothing tells a real account from a made-up one, locked or not.
    await fail('nobody@example.test', '203.0.113.2', MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    const unknown = await attempt('nobody@example.test', PASSWORD, '203.0.113.2');
    expect(unknown.status).toBe(429);
    expect(await alertOf(unknown)).toBe(lockedMessage);
    expect(Math.abs(Number(unknown.headers.get('retry-after')) - retryAfter)).toBeLessThan(60);
  });

  it('the colleague whose account an attacker hammered still signs in from their own address', async () => {
    await fail('contributor@example.test', '198.51.100.66', MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect((await attempt('contributor@example.test', PASSWORD, '198.51.100.66')).status).toBe(429);
    const colleague = await attempt('contributor@example.test', PASSWORD, '192.0.2.10');
    expect(colleague.status).toBe(303);
    expect(colleague.headers.getSetCookie().some((c) => c.startsWith('lp_session='))).toBe(true);
  });

  it('one address, many accounts: the 21st attempt is refused; another client behind the same proxy is not', async () => {
    const from = '203.0.113.50';
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await attempt(`guess${i % 5}@example.test`, 'wrong', from)).status).toBe(401);
    const blocked = await attempt('admin@example.test', PASSWORD, from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('admin@example.test', PASSWORD, '203.0.113.51')).status).toBe(303);
    // An IPv6 client is one client across its /64.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) expect((await attempt('admin@example.test', 'wrong', `2001:db8:1:2::${i + 1}`)).status).toBe(401);
    expect((await attempt('admin@example.test', PASSWORD, '2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await attempt('admin@example.test', PASSWORD, '2001:db8:1:3::1')).status).toBe(303);
  });

  it('a correct password clears that account’s failures from that address', async () => {
    const from = '203.0.113.77';
    await fail('editor@example.test', from, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1);
    expect((await attempt('editor@example.test', PASSWORD, from)).status).toBe(303);
    await fail('editor@example.test', from, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect((await attempt('editor@example.test', PASSWORD, from)).status).toBe(429);
  });

  it('one account from many addresses: strangers are held at 50 failures, a browser that signed in to it before is not', async () => {
    await addUser(s.ctx, { email: 'chief@example.test', name: 'Chief', role: 'editor', password: PASSWORD });
    // The chief signs in once on their laptop: the browser keeps a device cookie.
    const laptop = new CookieJar();
    expect((await attempt('chief@example.test', PASSWORD, '192.0.2.200', laptop)).status).toBe(303);
    expect(laptop.get('lp_device')).toBeTruthy();
    const addresses = MAX_FAILURES_PER_ACCOUNT / MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;
    for (let a = 0; a < addresses; a++) await fail('chief@example.test', `198.18.0.${a + 1}`, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect((await attempt('chief@example.test', PASSWORD, '198.18.1.1')).status).toBe(429);
    // From a new address (the chief's phone network), the laptop's browser still gets in.
    expect((await attempt('chief@example.test', PASSWORD, '198.18.1.2', laptop)).status).toBe(303);
    // The cookie vouches for its own account only, and only as the server signed it.
    const colleague = new CookieJar();
    expect((await attempt('editor@example.test', PASSWORD, '192.0.2.201', colleague)).status).toBe(303);
    expect((await attempt('chief@example.test', PASSWORD, '198.18.1.3', colleague)).status).toBe(429);
    const forged = new CookieJar().set('lp_device', laptop.get('lp_device')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect((await attempt('chief@example.test', PASSWORD, '198.18.1.4', forged)).status).toBe(429);
  }, 120_000);
});

describeEachStore('sign-in limits without a trusted proxy', (kind) => {
  let s: TestServer;
  let second: { app: FastifyInstance; store: Store; url: string };
  beforeAll(async () => {
    s = await startTestServer(kind);
    // A second server process on the same database, as `serve` runs one per core.
    const store = await openStore({ dataDir: s.test.dataDir, databaseUrl: s.test.databaseUrl });
    const app = await buildApp({ store, config: { port: 0, host: '127.0.0.1', dataDir: s.test.dataDir, databaseUrl: s.test.databaseUrl, publicUrl: 'http://livepage.test', logLevel: 'silent' }, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    second = { app, store, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.store.close();
    await s?.close();
  });

  it('ignores X-Forwarded-For: a client cannot pick a new address per guess', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++)
      expect((await postLogin(s.url, 'editor@example.test', 'wrong', { from: `10.9.9.${i}` })).status).toBe(401);
    expect((await postLogin(s.url, 'editor@example.test', PASSWORD, { from: '10.9.9.200' })).status).toBe(429);
  });

  it('every server process counts the same attempts', async () => {
    const servers = [s.url, second.url];
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) expect((await postLogin(servers[i % 2]!, 'contributor@example.test', 'wrong')).status).toBe(401);
    for (const url of servers) expect((await postLogin(url, 'contributor@example.test', PASSWORD)).status).toBe(429);
    // A form from one process is good on the other: they sign with the same secret.
    const { jar, csrf } = await openSignInForm(s.url);
    const res = await fetch(`${second.url}/newsroom/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ email: 'admin@example.test', password: PASSWORD, _csrf: csrf }),
    });
    expect(res.status).toBe(303);
  });

  it('a burst of parallel guesses gets no more than the limit past the check', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => postLogin(second.url, 'burst@example.test', `wrong ${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(12 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
  });
});
