/**
 * Sweeps what has stopped mattering out of the store now and then: expired sessions, stale
 * "is editing" presence, sign-in attempts older than the limiter's window and idempotency
 * keys older than a day. Every process may sweep; deleting twice is harmless.
 */
import { IDEMPOTENCY_TTL_MS } from '../commands/idempotency.js';
import { purgePresence } from '../store/activity.js';
import { purgeIdempotencyKeys } from '../store/idempotency.js';
import { purgeLoginAttempts } from '../store/login-attempts.js';
import { purgeExpiredSessions } from '../store/sessions.js';
import type { Store } from '../store/store.js';
import { LOGIN_WINDOW_MS } from './login-limiter.js';

export const JANITOR_EVERY_MS = 10 * 60 * 1000;
/** The first sweep waits a little, so starting many workers at once does not sweep N times. */
const FIRST_AFTER_MS = 30_000;

export interface Swept {
  sessions: number;
  presence: number;
  loginAttempts: number;
  idempotencyKeys: number;
}

/** Deletes what expired before `now`; says how many rows of each went. */
export async function sweepStore(store: Store, now: Date): Promise<Swept> {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  return store.write(async (db) => ({
    sessions: await purgeExpiredSessions(db, now.toISOString()),
    presence: await purgePresence(db, now.toISOString()),
    loginAttempts: await purgeLoginAttempts(db, at(LOGIN_WINDOW_MS)),
    idempotencyKeys: await purgeIdempotencyKeys(db, at(IDEMPOTENCY_TTL_MS)),
  }));
}

/** Sweeps shortly after start, then every `everyMs`; returns a stop function. */
export function startJanitor(store: Store, onError: (err: unknown) => void, everyMs = JANITOR_EVERY_MS): () => void {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    sweepStore(store, new Date())
      .catch(onError)
      .finally(() => (running = false));
  };
  const first = setTimeout(sweep, Math.min(FIRST_AFTER_MS, everyMs));
  const timer = setInterval(sweep, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
