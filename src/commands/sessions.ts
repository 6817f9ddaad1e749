/** Signing in and out of the newsroom, and recognising a session cookie. */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { AppError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { deleteSession, findSession, insertSession, touchSession } from '../store/sessions.js';
import { findUserByEmail } from '../store/users.js';
import type { Store } from '../store/store.js';
import { hashPassword } from './addUser.js';
import type { CommandContext } from './context.js';

/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and this long after signing in, however much it is used (a stolen cookie does not live for ever). */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written back at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;
/**
 * The browser's cookie carries a Max-Age, so sliding the session on the server alone would
 * let the browser drop it mid-shift: the cookie is sent again once the session has gained
 * this much time over it (not on every request).
 */
export const COOKIE_RENEW_AFTER_MS = 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** Compared against when the email is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined;

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'That email and password do not match an active account.');

/** Checks a password; returns a new session's cookie secret, CSRF token and cookie lifetime. */
export async function signIn(
  ctx: CommandContext,
  email: string,
  password: string,
): Promise<{ token: string; csrfToken: string; user: User; maxAgeSeconds: number }> {
  const found = await findUserByEmail(ctx.store.db, email.trim());
  const ok = found
    ? await verify(found.passwordHash, password).catch(() => false)
    : await verify(await (decoyHash ??= hashPassword(secret())), password).catch(() => false);
  if (!found || !ok || !found.active) throw invalidCredentials();
  const token = secret();
  const csrfToken = secret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  const session = {
    id: sha256(token),
    userId: found.id,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
    cookieExpiresAt: expiresAt,
  };
  await ctx.store.write((db) => insertSession(db, session));
  const { passwordHash: _omit, ...user } = found;
  return { token, csrfToken, user, maxAgeSeconds: SESSION_IDLE_MS / 1000 };
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
  id: string;
  /** Set when the browser's cookie must be sent again: its new Max-Age, in seconds. */
  renewCookieFor?: number | undefined;
}

/** The signed-in person behind a cookie secret, with the session's CSRF token; extends the session. */
export async function sessionFor(store: Store, token: string, now = new Date()): Promise<ActiveSession | undefined> {
  if (token.length > 100) return undefined;
  const found = await findSession(store.db, sha256(token), now.toISOString());
  if (!found) return undefined;
  const { session } = found;
  let renewCookieFor: number | undefined;
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    const slid = slideSession(session, now);
    const touch = { lastSeenAt: now.toISOString(), expiresAt: slid.expiresAt, cookieExpiresAt: slid.renewCookie ? slid.expiresAt : undefined };
    await store.write((db) => touchSession(db, session.id, touch));
    if (slid.renewCookie) renewCookieFor = Math.max(1, Math.floor((Date.parse(slid.expiresAt) - now.getTime()) / 1000));
  }
  return { user: found.user, csrfToken: session.csrfToken, id: session.id, renewCookieFor };
}

/**
 * A session used at `now`: it ends SESSION_IDLE_MS later, but never past SESSION_MAX_MS after
 * sign-in; the cookie is sent again when that is over an hour beyond the browser's copy.
 */
export function slideSession(
  s: { createdAt: string; cookieExpiresAt: string | null },
  now: Date,
): { expiresAt: string; renewCookie: boolean } {
  const created = Date.parse(s.createdAt);
  const expires = Math.min(now.getTime() + SESSION_IDLE_MS, created + SESSION_MAX_MS);
  const cookieExpires = s.cookieExpiresAt ? Date.parse(s.cookieExpiresAt) : created + SESSION_IDLE_MS;
  return { expiresAt: new Date(expires).toISOString(), renewCookie: expires - cookieExpires > COOKIE_RENEW_AFTER_MS };
}

export async function signOut(store: Store, token: string): Promise<void> {
  await store.write((db) => deleteSession(db, sha256(token)));
}
