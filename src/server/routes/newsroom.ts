/** `/newsroom`: signing in and out, and the shell of the journalists' editor app. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidCredentials, sessionFor, signIn, signOut, SESSION_IDLE_MS } from '../../commands/sessions.js';
import { AppError } from '../../domain/errors.js';
import { renderNewsroomShell, renderSignInPage } from '../../render/newsroom-pages.js';
import { optionalActor, SESSION_COOKIE } from '../auth.js';
import { LoginLimiter } from '../login-limiter.js';
import type { AppServices } from '../services.js';

const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAsUlEQVR42u2XzQnAIAxGHaHQKXrpaG7hRg5RcIyMkUObQwqlIBpriAUP7yLK9/A3umPZnSVuCkwB4YCV8EQkgEAGuM1zHxWBwGFnAeS+3QQ2IlUEv0k89pPAxtN7NgIliZJA+hD+nIkmgdAh/CZIBdbKDVcL5k5HTsB3DL/xEoGoIBAlAqAgABIBVBDAXwmYL4H5JjQ/huYXkflVPMRjNMRzbF6QDFGSDVOUzn/BFFDhAtYLksSkVsCCAAAAAElFTkSuQmCC',
  'base64',
);

export interface NewsroomAssets {
  newsroomCssHref: string;
  scriptHref: string | null;
}

export async function newsroomRoutes(app: FastifyInstance, services: AppServices & NewsroomAssets): Promise<void> {
  const { store, config, commands, cssHref, newsroomCssHref, scriptHref } = services;
  const limiter = new LoginLimiter();
  const secure = config.publicUrl.startsWith('https:');
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).send(body);
  const signInPage = (reply: FastifyReply, status: number, error?: string, email?: string) =>
    html(reply, status, renderSignInPage({ cssHref, newsroomCssHref, error, email }));

  // Forms post urlencoded; the platform's URLSearchParams parses them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const shell = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await sessionFor(store.db, token) : undefined;
    if (!session) return signInPage(reply, 200);
    return html(reply, 200, renderNewsroomShell({ user: session.user, csrfToken: session.csrfToken, cssHref, newsroomCssHref, scriptHref }));
  };
  app.get('/newsroom', shell);
  app.get('/newsroom/*', shell);

  // Browsers ask every origin for /favicon.ico; a 404 there is a console error on every
  // page (the desk must load without any). A 32×32 red "live" dot.
  app.get('/favicon.ico', async (_req, reply) =>
    reply.headers({ 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }).send(FAVICON),
  );

  app.post('/newsroom/login', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
    if (limiter.blocked(email, req.ip))
      return signInPage(reply.header('retry-after', '900'), 429, 'Too many sign-in attempts. Wait a few minutes, then try again.', email);
    try {
      const { token } = await signIn(commands, email, password);
      limiter.succeeded(email);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_IDLE_MS / 1000 });
      return reply.redirect('/newsroom', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== invalidCredentials().code) throw err;
      limiter.failed(email, req.ip);
      return signInPage(reply, 401, err.message, email);
    }
  });

  app.post('/newsroom/logout', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && (await optionalActor(store.db, req))) await signOut(store.db, token); // checks the CSRF field
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/newsroom', 303);
  });
}
