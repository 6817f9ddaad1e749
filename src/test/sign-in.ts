/**
 * Signing in to the newsroom over real HTTP as a browser's form does: fetch the sign-in page
 * (it sets the `lp_login` cookie and carries the matching `_csrf` field), then post it.
 */
import { expect } from 'vitest';

export const PASSWORD = 'correct horse battery';

/** A browser's cookie jar in miniature: `name=value` pairs from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the cookies a response set (an empty value or Max-Age=0 deletes one). */
  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /;\s*Max-Age=0(;|$)/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  /** The Cookie header, without the cookies named in `except`. */
  header(...except: string[]): string {
    return [...this.cookies].filter(([k]) => !except.includes(k)).map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The sign-in page at `path` for this jar: its login CSRF field and `next` field, if any. */
export async function openSignInForm(baseUrl: string, jar = new CookieJar(), path = '/newsroom'): Promise<{ jar: CookieJar; csrf: string; next: string | undefined; html: string }> {
  // Without the session cookie: a signed-in browser would get the app, not the form.
  const res = await fetch(baseUrl + path, { headers: { cookie: jar.header('lp_session') } });
  const html = await res.text();
  jar.take(res);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf, 'the sign-in form carries a CSRF field').toBeTruthy();
  const next = /name="next" value="([^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  return { jar, csrf: csrf!, next, html };
}

export interface LoginOptions {
  jar?: CookieJar;
  /** Sent as X-Forwarded-For (a client behind the proxy). */
  from?: string;
  next?: string;
}

/** Opens the form and posts it with these credentials; the jar keeps what the server set. */
export async function postLogin(baseUrl: string, email: string, password: string, opts: LoginOptions = {}): Promise<Response> {
  const { jar, csrf } = await openSignInForm(baseUrl, opts.jar);
  const res = await fetch(`${baseUrl}/newsroom/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar.header('lp_session'),
      ...(opts.from ? { 'x-forwarded-for': opts.from } : {}),
    },
    body: new URLSearchParams({ email, password, _csrf: csrf, ...(opts.next !== undefined ? { next: opts.next } : {}) }),
  });
  jar.take(res);
  return res;
}

/** Signs in; returns the session cookie header and the shell's CSRF token for API writes. */
export async function signInAs(baseUrl: string, email: string, opts: LoginOptions = {}): Promise<{ cookie: string; csrf: string; jar: CookieJar }> {
  const jar = opts.jar ?? new CookieJar();
  const res = await postLogin(baseUrl, email, PASSWORD, { ...opts, jar });
  expect(res.status).toBe(303);
  const cookie = `lp_session=${jar.get('lp_session')}`;
  const shell = await (await fetch(`${baseUrl}/newsroom`, { headers: { cookie } })).text();
  const csrf = /data-csrf="([^"]+)"/.exec(shell)![1]!;
  return { cookie, csrf, jar };
}
