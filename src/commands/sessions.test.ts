/** Session lifetimes, on each store, with the command context's clock moved forward. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStore, describeEachStore, type TestStore } from '../test/stores.js';
import { addUser } from './addUser.js';
import type { CommandContext } from './context.js';
import { COOKIE_RENEW_AFTER_MS, SESSION_IDLE_MS, SESSION_MAX_MS, sessionFor, signIn, slideSession } from './sessions.js';

const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;

describeEachStore('session expiry', (kind) => {
  let t: TestStore;
  let clock: Date;
  let ctx: CommandContext;
  beforeAll(async () => {
    t = await openTestStore(kind);
    clock = new Date('2026-03-02T06:00:00Z');
    ctx = { store: t.store, publicUrl: 'http://livepage.test', now: () => clock };
    await addUser(ctx, { email: 'desk@example.test', name: 'Desk', role: 'editor', password: PASSWORD });
  });
  afterAll(() => t.dispose());

  const at = (ms: number) => new Date(clock.getTime() + ms);

  it('ends after 12 hours without use', async () => {
    const { token, maxAgeSeconds } = await signIn(ctx, 'desk@example.test', PASSWORD);
    expect(maxAgeSeconds).toBe(SESSION_IDLE_MS / 1000);
    expect(await sessionFor(t.store, token, at(SESSION_IDLE_MS - 60_000))).toBeDefined();
    const { token: other } = await signIn(ctx, 'desk@example.test', PASSWORD);
    expect(await sessionFor(t.store, other, at(SESSION_IDLE_MS + 1000))).toBeUndefined();
  });

  it('slides while used through a long shift, sending the cookie again, but ends 7 days after sign-in whatever', async () => {
    const start = clock;
    const { token } = await signIn(ctx, 'desk@example.test', PASSWORD);
    const renewals: number[] = [];
    // Used every 11 hours (never 12 idle) for a week.
    let now = start.getTime();
    for (;;) {
      now += 11 * HOUR;
      if (now >= start.getTime() + SESSION_MAX_MS) break;
      const session = await sessionFor(t.store, token, new Date(now));
      expect(session, `still signed in after ${(now - start.getTime()) / HOUR} h`).toBeDefined();
      if (session!.renewCookieFor) renewals.push(session!.renewCookieFor);
    }
    // Every use here added 11 hours over the browser's cookie: each sent it again, none past the week.
    expect(renewals.length).toBeGreaterThan(10);
    expect(renewals.slice(0, -1).every((s) => s === SESSION_IDLE_MS / 1000)).toBe(true);
    expect(renewals.at(-1)!).toBeLessThanOrEqual(SESSION_IDLE_MS / 1000);
    // Used a moment ago, but a week has passed since signing in: over.
    expect(await sessionFor(t.store, token, new Date(start.getTime() + SESSION_MAX_MS - 60_000))).toBeDefined();
    expect(await sessionFor(t.store, token, new Date(start.getTime() + SESSION_MAX_MS + 1000))).toBeUndefined();
  });

  it('does not send the cookie again on every use', async () => {
    const { token } = await signIn(ctx, 'desk@example.test', PASSWORD);
    // Within the write-back interval: nothing changes.
    expect((await sessionFor(t.store, token, at(60_000)))!.renewCookieFor).toBeUndefined();
    // Ten minutes on: the session slides, but the browser's cookie is still good for long enough.
    expect((await sessionFor(t.store, token, at(10 * 60_000)))!.renewCookieFor).toBeUndefined();
    // Two hours on: the session gained more than an hour over the cookie.
    expect((await sessionFor(t.store, token, at(2 * HOUR)))!.renewCookieFor).toBe(SESSION_IDLE_MS / 1000);
    // …and the next use soon after does not resend it.
    expect((await sessionFor(t.store, token, at(2 * HOUR + 10 * 60_000)))!.renewCookieFor).toBeUndefined();
  });
});

it('slideSession caps the expiry at the absolute end and resends the cookie only past the threshold', () => {
  const created = '2026-03-02T06:00:00.000Z';
  const t0 = Date.parse(created);
  const plain = slideSession({ createdAt: created, cookieExpiresAt: null }, new Date(t0 + COOKIE_RENEW_AFTER_MS));
  expect(plain).toEqual({ expiresAt: new Date(t0 + COOKIE_RENEW_AFTER_MS + SESSION_IDLE_MS).toISOString(), renewCookie: false });
  expect(slideSession({ createdAt: created, cookieExpiresAt: null }, new Date(t0 + COOKIE_RENEW_AFTER_MS + 1)).renewCookie).toBe(true);
  const late = slideSession({ createdAt: created, cookieExpiresAt: new Date(t0 + SESSION_MAX_MS - 2 * HOUR).toISOString() }, new Date(t0 + SESSION_MAX_MS - HOUR));
  expect(late.expiresAt).toBe(new Date(t0 + SESSION_MAX_MS).toISOString());
  expect(late.renewCookie).toBe(true);
});
