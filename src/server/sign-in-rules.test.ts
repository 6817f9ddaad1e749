/** The small pure rules behind signing in: return paths, addresses, limits, trusted proxies, form tokens. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, loadConfig, parseTrustProxy } from './config.js';
import { addressKey, LOGIN_WINDOW_MS, loginRetryAfter } from './login-limiter.js';
import { safeReturnPath } from './return-to.js';
import { DEVICE_TTL_MS, LOGIN_FORM_TTL_MS, SignInTokens } from './sign-in-tokens.js';

describe('safeReturnPath', () => {
  it.each(['/newsroom', '/newsroom/', '/newsroom/pages/storm-2026', '/newsroom/people', '/newsroom/pages/storm?post=0190a&x=1'])('keeps %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    '//evil.example',
    '//evil.example/newsroom',
    '/\\evil.example',
    '\\\\evil.example',
    '/newsroom/\\evil',
    'https://evil.example/newsroom',
    'HTTPS://evil.example',
    '//newsroom',
    '/newsroom//evil.example',
    '/newsroom/./people',
    '/newsroom/../live/x',
    '/newsroom/..',
    '/newsroom/%2e%2e/live',
    '/newsroom/%2F%2Fevil.example',
    '/newsroom%2f%2fevil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/newsroom\n/x',
    '/newsroom\t',
    '/newsroom x',
    '/newsroomx',
    '/newsroom@evil.example',
    '/newsroom#//evil',
    '/live/storm',
    '/',
    '',
    'javascript:alert(1)',
    '/newsroom/' + 'a'.repeat(1000),
  ])('refuses %j', (path) => {
    expect(safeReturnPath(path)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, ['/newsroom'], { toString: () => '/newsroom' }]) expect(safeReturnPath(v)).toBeUndefined();
  });
});

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('loginRetryAfter', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const ago = (min: number) => new Date(now.getTime() - min * 60_000).toISOString();
  const me = { id: 'me', email: 'e@x', address: '192.0.2.1' };
  const rows = (n: number, email: string, address: string, startMin = 14) =>
    Array.from({ length: n }, (_, i) => ({ id: `${email}${address}${i}`, email, address, at: ago(startMin - i) }));
  const self = { ...me, at: now.toISOString() };

  it('allows up to the limits and waits for the attempt that frees a place', () => {
    expect(loginRetryAfter([...rows(4, 'e@x', '192.0.2.1'), self], me, now, { knownDevice: false })).toBeUndefined();
    // Five failures 14..10 minutes ago: the oldest leaves the window in a minute.
    expect(loginRetryAfter([...rows(5, 'e@x', '192.0.2.1'), self], me, now, { knownDevice: false })).toBe(60);
    // Six (a race let one more in): two must leave, the second in two minutes.
    expect(loginRetryAfter([...rows(6, 'e@x', '192.0.2.1'), self], me, now, { knownDevice: false })).toBe(120);
  });

  it('counts the address over all accounts, and the account over all addresses unless the browser is known', () => {
    const perAddress = Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, email: `g${i}@x`, address: '192.0.2.1', at: ago(10) }));
    expect(loginRetryAfter([...perAddress, self], me, now, { knownDevice: true })).toBe(5 * 60);
    const perAccount = Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, email: 'e@x', address: `198.18.0.${i}`, at: ago(1) }));
    expect(loginRetryAfter([...perAccount, self], me, now, { knownDevice: false })).toBe(14 * 60);
    expect(loginRetryAfter([...perAccount, self], me, now, { knownDevice: true })).toBeUndefined();
    expect(LOGIN_WINDOW_MS).toBe(15 * 60_000);
  });
});

describe('LIVEPAGE_TRUST_PROXY', () => {
  it('is off unless set; takes a hop count or addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LIVEPAGE_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8, loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    expect(loadConfig({ LIVEPAGE_TRUST_PROXY: '10.1.2.3' }).trustProxy).toEqual(['10.1.2.3']);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '::/129', 'proxy.example', '11', '10.0.0.1/8/8', '10.0.0.1,,'])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ LIVEPAGE_TRUST_PROXY: value })).toThrow(/LIVEPAGE_TRUST_PROXY/);
  });

  it('a hop count trusts that many proxies nearest the server', () => {
    const trust = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('192.0.2.1', hop))).toEqual([true, true, false]);
    expect(fastifyTrustProxy(0)).toBe(false);
    expect(fastifyTrustProxy(undefined)).toBe(false);
  });
});

describe('SignInTokens', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  const tokens = new SignInTokens(randomBytes(32));

  it('a form token belongs to its login cookie, for a day, under this secret only', () => {
    const cookie = tokens.newLoginCookie(now);
    const token = tokens.formToken(cookie);
    expect(tokens.formTokenValid(cookie, token, later(LOGIN_FORM_TTL_MS - 1000))).toBe(true);
    expect(tokens.formTokenValid(cookie, token, later(LOGIN_FORM_TTL_MS + 1000))).toBe(false);
    expect(tokens.formTokenValid(tokens.newLoginCookie(now), token, now)).toBe(false);
    expect(tokens.formTokenValid(cookie, tokens.formToken(tokens.newLoginCookie(now)), now)).toBe(false);
    expect(tokens.formTokenValid(undefined, token, now)).toBe(false);
    expect(tokens.formTokenValid(cookie, undefined, now)).toBe(false);
    expect(tokens.formTokenValid(cookie, [token], now)).toBe(false);
    expect(new SignInTokens(randomBytes(32)).formTokenValid(cookie, token, now)).toBe(false);
    expect(tokens.loginCookieUsable('not.a-cookie', now)).toBe(false);
  });

  it('a device cookie vouches for one account for 30 days', () => {
    const cookie = tokens.deviceCookie('desk@example.test', now);
    expect(tokens.knownDevice(cookie, 'desk@example.test', later(DEVICE_TTL_MS - 1000))).toBe(true);
    expect(tokens.knownDevice(cookie, 'desk@example.test', later(DEVICE_TTL_MS + 1000))).toBe(false);
    expect(tokens.knownDevice(cookie, 'chief@example.test', now)).toBe(false);
    expect(tokens.knownDevice(undefined, 'desk@example.test', now)).toBe(false);
    expect(tokens.knownDevice(`${now.getTime().toString(36)}.${'A'.repeat(43)}`, 'desk@example.test', now)).toBe(false);
  });
});
