/**
 * Sign-in attempts, limited so that guessing passwords is slow, while an attacker cannot
 * cheaply lock a colleague (or a whole office behind one address) out:
 *
 * - one account from one address: 5 failures in 15 minutes (a correct password clears it);
 * - one address, any accounts: 20 in 15 minutes;
 * - one account from all addresses: 50 in 15 minutes — a soft limit: a browser that has
 *   signed in to the account before (a signed device cookie) is not held by it, so a flood
 *   from elsewhere slows strangers down without shutting the journalist out.
 *
 * The counts live in the store, so every worker and every node shares them. Each attempt is
 * recorded *before* its password is checked and counted together with those before it, so
 * a burst of parallel guesses cannot all slip past the check; a refused attempt is not kept.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { newId } from '../commands/context.js';
import {
  deleteLoginAttempt,
  deleteLoginAttemptsOf,
  insertLoginAttempt,
  relatedLoginAttempts,
  type LoginAttemptRow,
} from '../store/login-attempts.js';
import type { Store } from '../store/store.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_ACCOUNT = 50;

export interface LoginAttempt {
  id: string;
  email: string;
  address: string;
}

export type LoginCheck = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

/**
 * Records an attempt to sign in as `email` from `ip` and says whether it may go ahead; when
 * it may not, how many seconds until it could.
 */
export async function beginLoginAttempt(store: Store, email: string, ip: string, now: Date, opts: { knownDevice: boolean }): Promise<LoginCheck> {
  const attempt = { id: newId(), email, address: addressKey(ip) };
  await store.write((db) => insertLoginAttempt(db, { ...attempt, at: now.toISOString() }));
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const rows = await relatedLoginAttempts(store.db, attempt.email, attempt.address, since);
  const retryAfterSeconds = loginRetryAfter(rows, attempt, now, opts);
  if (retryAfterSeconds === undefined) return { allowed: true, attempt };
  await store.write((db) => deleteLoginAttempt(db, attempt.id)); // refused attempts do not prolong the wait
  return { allowed: false, retryAfterSeconds };
}

/** A correct password: this account's failures from this address are forgotten. */
export async function loginSucceeded(store: Store, attempt: LoginAttempt): Promise<void> {
  await store.write((db) => deleteLoginAttemptsOf(db, attempt.email, attempt.address));
}

/**
 * Undefined when `attempt` (one of `rows`, the attempts in the window sharing its email or
 * address) is within every limit; otherwise the seconds until enough of the attempts that
 * hold it back have left the window.
 */
export function loginRetryAfter(rows: LoginAttemptRow[], attempt: LoginAttempt, now: Date, opts: { knownDevice: boolean }): number | undefined {
  const others = rows.filter((r) => r.id !== attempt.id);
  const limits: [LoginAttemptRow[], number][] = [
    [others.filter((r) => r.email === attempt.email && r.address === attempt.address), MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS],
    [others.filter((r) => r.address === attempt.address), MAX_FAILURES_PER_ADDRESS],
  ];
  if (!opts.knownDevice) limits.push([others.filter((r) => r.email === attempt.email), MAX_FAILURES_PER_ACCOUNT]);
  let blocked = false;
  let wait = 0;
  for (const [earlier, max] of limits) {
    if (earlier.length < max) continue;
    blocked = true;
    // Allowed again once only max - 1 of them remain in the window (`rows` are oldest first).
    const freeing = earlier[earlier.length - max]!;
    wait = Math.max(wait, Date.parse(freeing.at) + LOGIN_WINDOW_MS - now.getTime());
  }
  return blocked ? Math.max(1, Math.ceil(wait / 1000)) : undefined;
}

/**
 * The address a limit counts: IPv4 as is (also when mapped into IPv6); IPv6 by its /64,
 * since one subscriber usually holds a whole /64 and could otherwise change address at will.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown'; // a socket already gone has no address; it still counts somewhere
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const groups = expandIPv6(ip);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lowercase hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase().replace(/%.*$/, ''); // no zone index
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16).toString(16));
}
