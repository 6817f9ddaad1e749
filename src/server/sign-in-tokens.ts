/**
 * Tokens of the sign-in form, before there is a session, signed with a secret every server
 * process shares (kept in the store):
 *
 * - Login CSRF: without it another site could post its own credentials to our form and
 *   sign the browser in as someone else. The form page sets a random `lp_login` cookie
 *   and puts its HMAC in the form (`_csrf`); a post must bring both (signed double submit).
 *   Another site can neither read the form nor, on a cross-site post, send the cookie.
 * - Known device: after a successful sign-in, an `lp_device` cookie vouches that this browser
 *   signed in to that account before, so the account-wide limit of the login limiter does
 *   not hold it back.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const LOGIN_COOKIE = 'lp_login';
export const DEVICE_COOKIE = 'lp_device';
/** How long a sign-in form may stay open before it must be reloaded. */
export const LOGIN_FORM_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a browser is remembered as one the person signed in with. */
export const DEVICE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export class SignInTokens {
  constructor(private readonly secret: Buffer) {}

  /** A fresh value for the `lp_login` cookie: random, with the time it was made. */
  newLoginCookie(now: Date): string {
    return `${randomBytes(16).toString('base64url')}.${now.getTime().toString(36)}`;
  }

  /** True when `cookie` is a login cookie of ours' shape, younger than `maxAgeMs`. */
  loginCookieUsable(cookie: string | undefined, now: Date, maxAgeMs = LOGIN_FORM_TTL_MS): cookie is string {
    const m = cookie === undefined ? null : /^[A-Za-z0-9_-]{22}\.([0-9a-z]{1,12})$/.exec(cookie);
    return m !== null && withinAge(parseInt(m[1]!, 36), now, maxAgeMs);
  }

  /** The form's `_csrf` for a login cookie. */
  formToken(loginCookie: string): string {
    return this.mac('login', loginCookie);
  }

  /** Whether a posted form's token belongs to the login cookie that came with it. */
  formTokenValid(loginCookie: string | undefined, sent: unknown, now: Date): boolean {
    return this.loginCookieUsable(loginCookie, now) && typeof sent === 'string' && same(sent, this.formToken(loginCookie));
  }

  /** An `lp_device` cookie for the person who just signed in as `email`. */
  deviceCookie(email: string, now: Date): string {
    const t = now.getTime().toString(36);
    return `${t}.${this.mac('device', email, t)}`;
  }

  /** True when `cookie` was given to a browser that signed in as `email`, not too long ago. */
  knownDevice(cookie: string | undefined, email: string, now: Date): boolean {
    const m = cookie === undefined ? null : /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
    if (!m || !withinAge(parseInt(m[1]!, 36), now, DEVICE_TTL_MS)) return false;
    return same(m[2]!, this.mac('device', email, m[1]!));
  }

  private mac(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url');
  }
}

const withinAge = (t: number, now: Date, ttl: number) => Number.isFinite(t) && t <= now.getTime() + 60_000 && now.getTime() - t < ttl;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
