/**
 * `/newsroom`: signing in and out, and the shell of the journalists' editor app. The sign-in
 * form carries a login CSRF token (sign-in-tokens.ts); attempts are limited per account and
 * address (login-limiter.ts); after signing in, the journalist returns to the newsroom path
 * they were on (`next`), never anywhere else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidCredentials, sessionFor, signIn, signOut } from '../../commands/sessions.js';
import { AppError } from '../../domain/errors.js';
import { SLUG_PATTERN } from '../../domain/page.js';
import { renderNewsroomShell, renderSignInPage } from '../../render/newsroom-pages.js';
import { serverSecret } from '../../store/server-secrets.js';
import { keepSessionCookieAsSet, SESSION_COOKIE, sessionCookieOptions } from '../auth.js';
import { beginLoginAttempt, loginSucceeded } from '../login-limiter.js';
import { safeReturnPath } from '../return-to.js';
import type { AppServices } from '../services.js';
import { DEVICE_COOKIE, DEVICE_TTL_MS, LOGIN_COOKIE, LOGIN_FORM_TTL_MS, SignInTokens } from '../sign-in-tokens.js';

const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAsUlEQVR42u2XzQnAIAxGHaHQKXrpaG7hRg5RcIyMkUObQwqlIBpriAUP7yLK9/A3umPZnSVuCkwB4YCV8EQkgEAGuM1zHxWBwGFnAeS+3QQ2IlUEv0k89pPAxtN7NgIliZJA+hD+nIkmgdAh/CZIBdbKDVcL5k5HTsB3DL/xEoGoIBAlAqAgABIBVBDAXwmYL4H5JjQ/huYXkflVPMRjNMRzbF6QDFGSDVOUzn/BFFDhAtYLksSkVsCCAAAAAElFTkSuQmCC',
  'base64',
);

export interface NewsroomAssets {
  newsroomCssHref: string;
  scriptHref: string | null;
  /** The app's chunks, preloaded with its script (assets.ts builtModules). */
  modules: string[];
}

/** The sign-in and sign-out forms are a few fields: anyone may post them, so their bodies stay small. */
const FORM_LIMIT = 16 * 1024;
/** A desk's address: its data is asked for as the shell arrives (render/newsroom-pages.tsx). */
const DESK_PATH = /^\/newsroom\/pages\/([^/]+)\/?$/;
const TOO_MANY = 'Too many sign-in attempts. Wait a few minutes, then try again.';
const FORM_EXPIRED = 'This sign-in form had expired. Please sign in again.';

interface SignInState {
  error?: string | undefined;
  email?: string | undefined;
  next?: string | undefined;
}

export async function newsroomRoutes(app: FastifyInstance, services: AppServices & NewsroomAssets): Promise<void> {
  const { store, config, commands, cssHref, newsroomCssHref, scriptHref, modules, metrics } = services;
  const secure = config.publicUrl.startsWith('https:');
  const preSession = (path: string, maxAgeMs: number) => ({ path, httpOnly: true, sameSite: 'lax' as const, secure, maxAge: maxAgeMs / 1000 });
  // Every process signs with the same secret, made once in the store.
  let tokens: Promise<SignInTokens> | undefined;
  const signInTokens = () =>
    (tokens ??= store.write((db) => serverSecret(db, 'sign-in', commands.now().toISOString())).then(
      (secret) => new SignInTokens(secret),
      (err: unknown) => {
        tokens = undefined; // try again on the next request
        throw err;
      },
    ));

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).send(body);

  /** The sign-in form; the browser's login cookie is kept while young, so forms open in several tabs all work. */
  const signInPage = async (req: FastifyRequest, reply: FastifyReply, status: number, state: SignInState = {}) => {
    const t = await signInTokens();
    let login = req.cookies[LOGIN_COOKIE];
    if (!t.loginCookieUsable(login, commands.now(), LOGIN_FORM_TTL_MS / 2)) {
      login = t.newLoginCookie(commands.now());
      reply.setCookie(LOGIN_COOKIE, login, preSession('/newsroom', LOGIN_FORM_TTL_MS));
    }
    return html(reply, status, renderSignInPage({ cssHref, newsroomCssHref, csrfToken: t.formToken(login), ...state }));
  };

  // Forms post urlencoded; the platform's URLSearchParams parses them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const shell = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await sessionFor(store, token, commands.now()) : undefined;
    const asked = safeReturnPath((req.query as { next?: unknown }).next);
    if (!session) {
      // Signed out on a newsroom page (a session that ended mid-shift): come back to it.
      const here = req.url.split('?')[0] === '/newsroom' ? undefined : safeReturnPath(req.url);
      return signInPage(req, reply, 200, { next: asked ?? here });
    }
    if (session.renewCookieFor) reply.setCookie(SESSION_COOKIE, token!, sessionCookieOptions(secure, session.renewCookieFor));
    if (asked) return reply.redirect(asked, 303); // signed in meanwhile (another tab)
    const desk = DESK_PATH.exec(req.url.split('?')[0]!)?.[1];
    return html(reply, 200, renderNewsroomShell({ user: session.user, csrfToken: session.csrfToken, cssHref, newsroomCssHref, scriptHref, modules, deskData: desk && SLUG_PATTERN.test(desk) ? `/api/v1/pages/${desk}/desk` : undefined }));
  };
  app.get('/newsroom', shell);
  app.get('/newsroom/*', shell);

  // Browsers ask every origin for /favicon.ico; a 404 there is a console error on every
  // page (the desk must load without any). A 32×32 red "live" dot.
  app.get('/favicon.ico', async (_req, reply) =>
    reply.headers({ 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }).send(FAVICON),
  );

  app.post('/newsroom/login', { config: { action: 'session.start' }, bodyLimit: FORM_LIMIT }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
    const next = safeReturnPath(body.next);
    const now = commands.now();
    const t = await signInTokens();
    // Login CSRF: a browser signs in only through a form this site served it. A client
    // that sends no form token (a script, not a browser form) is let through unless the
    // browser's own headers say the request comes from another site.
    const formChecked = body._csrf === undefined ? !fromAnotherSite(req) : t.formTokenValid(req.cookies[LOGIN_COOKIE], body._csrf, now);
    if (!formChecked) return signInPage(req, reply, 403, { error: FORM_EXPIRED, email, next });
    const knownDevice = t.knownDevice(req.cookies[DEVICE_COOKIE], email, now);
    const check = await beginLoginAttempt(store, email, req.ip, now, { knownDevice });
    if (!check.allowed) {
      metrics.signInLimited.inc();
      return signInPage(req, reply.header('retry-after', String(check.retryAfterSeconds)), 429, { error: TOO_MANY, email, next });
    }
    try {
      const session = await signIn(commands, email, password);
      await loginSucceeded(store, check.attempt);
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.maxAgeSeconds));
      reply.setCookie(DEVICE_COOKIE, t.deviceCookie(email, now), preSession('/newsroom/login', DEVICE_TTL_MS));
      return reply.redirect(next ?? '/newsroom', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== invalidCredentials().code) throw err;
      return signInPage(req, reply, 401, { error: err.message, email, next }); // the attempt stays counted
    }
  });

  // Its form carries the CSRF token as a field: the access check runs once this small body is read.
  app.post('/newsroom/logout', { config: { action: 'session.end', csrfField: true }, bodyLimit: FORM_LIMIT }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.caller) await signOut(store, token);
    keepSessionCookieAsSet(req);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/newsroom', 303);
  });
}

/** Whether a browser says this request was sent by a page of another site (Sec-Fetch-Site, else Origin). */
export function fromAnotherSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'cross-site' || site === 'same-site';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // "null" and other opaque origins
  }
}
