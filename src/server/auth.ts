/**
 * Who is calling: a bearer token (SPEC §2) or a newsroom session cookie. Cookie-borne
 * writes must carry the session's CSRF token (header `x-csrf-token`, or a form's `_csrf`):
 * another site can make a browser send our cookie, never read the token. Every write route
 * states the role it needs with `requireRole`; reads that anyone may do use `optionalActor`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionFor } from '../commands/sessions.js';
import { userForToken } from '../commands/tokens.js';
import { AppError, forbidden, unauthenticated } from '../domain/errors.js';
import { hasRole, type Actor, type Role } from '../domain/user.js';
import type { Db } from '../store/store.js';

export const SESSION_COOKIE = 'lp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfFailed = () =>
  new AppError(403, 'csrf_failed', 'This request did not carry the page’s security token; reload the page and try again.');

/** The actor behind the request's credentials; undefined when none were sent; 401 when a token is bad. */
export async function optionalActor(db: Db, req: FastifyRequest): Promise<(Actor & { name: string }) | undefined> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match ? await userForToken(db, match[1]!) : undefined;
    if (!user) throw unauthenticated();
    return { id: user.id, role: user.role, name: user.name };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const session = cookie ? await sessionFor(db, cookie) : undefined;
  if (!session) return undefined;
  if (!SAFE_METHODS.has(req.method) && !sameToken(csrfSent(req), session.csrfToken)) throw csrfFailed();
  return { id: session.user.id, role: session.user.role, name: session.user.name };
}

/** The actor, who must hold at least `role`: 401 without credentials, 403 with too small a role. */
export async function requireRole(db: Db, req: FastifyRequest, role: Role): Promise<Actor & { name: string }> {
  const actor = await optionalActor(db, req);
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
