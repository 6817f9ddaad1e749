/** Signing in and out of the newsroom, and recognising a session cookie. */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { AppError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { deleteSession, findSession, insertSession, touchSession } from '../store/sessions.js';
import { findUserByEmail } from '../store/users.js';
import type { Db } from '../store/store.js';
import { hashPassword } from './addUser.js';
import type { CommandContext } from './context.js';

/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Sliding expiry is written back at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** Compared against when the email is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined;

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'That email and password do not match an active account.');

/** Checks a password; returns a new session's cookie secret and CSRF token. */
export async function signIn(
  ctx: CommandContext,
  email: string,
  password: string,
): Promise<{ token: string; csrfToken: string; user: User }> {
  const found = await findUserByEmail(ctx.store.db, email.trim());
  const ok = found
    ? await verify(found.passwordHash, password).catch(() => false)
    : await verify(await (decoyHash ??= hashPassword(secret())), password).catch(() => false);
  if (!found || !ok || !found.active) throw invalidCredentials();
  const token = secret();
  const csrfToken = secret();
  const now = ctx.now();
  await insertSession(ctx.store.db, {
    id: sha256(token),
    userId: found.id,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
  });
  const { passwordHash: _omit, ...user } = found;
  return { token, csrfToken, user };
}

/** The signed-in person behind a cookie secret, with the session's CSRF token; extends the session. */
export async function sessionFor(db: Db, token: string, now = new Date()): Promise<{ user: User; csrfToken: string; id: string } | undefined> {
  if (token.length > 100) return undefined;
  const found = await findSession(db, sha256(token), now.toISOString());
  if (!found) return undefined;
  if (now.getTime() - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS)
    await touchSession(db, found.session.id, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  return { user: found.user, csrfToken: found.session.csrfToken, id: found.session.id };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, sha256(token));
}
