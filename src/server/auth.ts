/**
 * Who is calling: a bearer token (SPEC §2) or a newsroom session cookie. Cookie-borne
 * writes must carry the session's CSRF token (header `x-csrf-token`, or a form's `_csrf`):
 * another site can make a browser send our cookie, never read the token. Every API route
 * and every write route declares what it does (`config: { action }`, policy.ts); one hook
 * identifies the caller and checks the action's role before the body is read, so an
 * anonymous or under-privileged write costs no body buffering (`accessControl`).
 * A session slides on use; when the browser's cookie needs a later expiry, the reply (any
 * route's) carries it again (`renewSessionCookies`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { sessionFor } from '../commands/sessions.js';
import { userForToken } from '../commands/tokens.js';
import { AppError, notFound, unauthenticated } from '../domain/errors.js';
import { roleRefusal, type Action } from '../domain/policy.js';
import type { Actor } from '../domain/user.js';
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
async function optionalActor(store: Store, req: FastifyRequest): Promise<(Actor & { name: string }) | undefined> {
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

/** A caller the route's access check identified. */
export type Caller = Actor & { name: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route does (src/domain/policy.ts); its least role is checked before the body is read. */
    action?: Action;
    /** The CSRF token may come in a form field (sign-out): checked once the (small) body is read. */
    csrfField?: boolean;
  }
  interface FastifyRequest {
    /** Who is calling, set by the access check on routes that declare an action. */
    caller?: Caller;
  }
}

/** A route's declared action, as the access check sees it. */
export interface RouteAccess {
  method: string;
  url: string;
  action: Action;
}

/**
 * Installs the access check: routes must declare an action (registration fails otherwise,
 * so a new write route cannot be open by omission); each request to one is identified and
 * its role checked in onRequest, before fastify reads the body. Returns the declared routes.
 */
export function accessControl(app: FastifyInstance, store: Store): RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().filter((m) => m !== 'HEAD');
    const action = route.config?.action;
    if (!action && (route.url.startsWith('/api/') || methods.some((m) => !SAFE_METHODS.has(m))))
      throw new Error(`${methods.join(',')} ${route.url} must declare what it does: config.action (src/domain/policy.ts)`);
    if (action) for (const method of methods) routes.push({ method, url: route.url, action });
  });
  const check = async (req: FastifyRequest, reply: FastifyReply) => {
    const action = req.routeOptions.config.action;
    if (req.is404 && hasBody(req)) {
      reply.header('connection', 'close'); // nothing here will read it: do not wait for the body
      throw notFound('route', 'There is nothing at this address.');
    }
    if (!action) return;
    try {
      const caller = await optionalActor(store, req);
      const refused = roleRefusal(caller, action);
      if (refused) throw refused;
      if (caller) req.caller = caller;
    } catch (err) {
      // The body is never read: close the connection after the answer rather than drain it.
      if (hasBody(req)) reply.header('connection', 'close');
      throw err;
    }
  };
  app.addHook('onRequest', async (req, reply) => (req.routeOptions.config.csrfField ? undefined : check(req, reply)));
  app.addHook('preValidation', async (req, reply) => (req.routeOptions.config.csrfField ? check(req, reply) : undefined));
  return routes;
}

/** The caller of a route whose action needs a role (the access check has let them in). */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw unauthenticated();
  return req.caller;
}

const hasBody = (req: FastifyRequest): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

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
