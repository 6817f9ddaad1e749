/**
 * Who is calling: a bearer token (SPEC §2) or a newsroom session cookie. Cookie-borne
 * writes must carry the session's CSRF token (header `x-csrf-token`, or a form's `_csrf`):
 * another site can make a browser send our cookie, never read the token. Every write route
 * states the role it needs with `requireRole`; reads that anyone may do use `optionalActor`.
 * A session slides on use; when the browser's cookie needs a later expiry, the reply (any
 * route's) carries it again (`renewSessionCookies`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest, onSendHookHandler } from 'fastify';
import { sessionFor } from '../commands/sessions.js';
import { userForToken } from '../commands/tokens.js';
import { AppError, forbidden, unauthenticated } from '../domain/errors.js';
import { hasRole, type Actor, type Role } from '../domain/user.js';
import type { Store } from '../store/store.js';

export const SESSION_COOKIE = 'lp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie's attributes: never readable by scripts, not sent on cross-site posts. */
export const sessionCookieOptions = (secure: boolean, maxAgeSeconds: number): CookieSerializeOptions => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure,
  maxAge: maxAgeSeconds,
});

/** Requests whose session cookie is to be sent again: the cookie's secret and new Max-Age. */
const renewals = new WeakMap<FastifyRequest, { token: string; maxAgeSeconds: number }>();

/** An onSend hook that sends again the session cookies `optionalActor` found due for renewal. */
export function renewSessionCookies(secure: boolean): onSendHookHandler {
  return (req, reply, payload, done) => {
    const renewal = renewals.get(req);
    if (renewal) reply.setCookie(SESSION_COOKIE, renewal.token, sessionCookieOptions(secure, renewal.maxAgeSeconds));
    done(null, payload);
  };
}

/** For routes that set or clear the session cookie themselves (sign-out). */
export function keepSessionCookieAsSet(req: FastifyRequest): void {
  renewals.delete(req);
}

const csrfFailed = () =>
  new AppError(403, 'csrf_failed', 'This request did not carry the page’s security token; reload the page and try again.');

/** The actor behind the request's credentials; undefined when none were sent; 401 when a token is bad. */
export async function optionalActor(store: Store, req: FastifyRequest): Promise<(Actor & { name: string }) | undefined> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match ? await userForToken(store.db, match[1]!) : undefined;
    if (!user) throw unauthenticated();
    return { id: user.id, role: user.role, name: user.name };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const session = cookie ? await sessionFor(store, cookie) : undefined;
  if (!session) return undefined;
  // Renewed whatever follows: the store now expects the browser to hold the later expiry.
  if (session.renewCookieFor) renewals.set(req, { token: cookie!, maxAgeSeconds: session.renewCookieFor });
  if (!SAFE_METHODS.has(req.method) && !sameToken(csrfSent(req), session.csrfToken)) throw csrfFailed();
  return { id: session.user.id, role: session.user.role, name: session.user.name };
}

/** The actor, who must hold at least `role`: 401 without credentials, 403 with too small a role. */
export async function requireRole(store: Store, req: FastifyRequest, role: Role): Promise<Actor & { name: string }> {
  const actor = await optionalActor(store, req);
  if (!actor) throw unauthenticated();
  if (!hasRole(actor.role, role)) throw forbidden(`This needs the ${role} role or higher.`);
  return actor;
}

function csrfSent(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const field = (req.body as { _csrf?: unknown } | undefined)?._csrf;
  return typeof field === 'string' ? field : undefined;
}

function sameToken(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
