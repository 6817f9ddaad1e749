/** Newsroom sessions: the cookie holds a secret, the store only its SHA-256. */
import type { User } from '../domain/user.js';
import type { ReadDb, WriteDb } from './store.js';
import { userFromRow } from './users.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** When the browser's cookie expires; null for "as first sent". */
  cookieExpiresAt: string | null;
}

export async function insertSession(db: WriteDb, s: SessionRow): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      cookie_expires_at: s.cookieExpiresAt,
    })
    .execute();
}

/** The unexpired session with this id and its user, if the user is still active. */
export async function findSession(db: ReadDb, id: string, now: string): Promise<{ session: SessionRow; user: User } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.cookie_expires_at',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.session_id,
      userId: row.id,
      csrfToken: row.csrf_token,
      createdAt: row.session_created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      cookieExpiresAt: row.cookie_expires_at,
    },
    user: userFromRow(row),
  };
}

/** Slides a session; `cookieExpiresAt` when the cookie is being sent again with a new expiry. */
export async function touchSession(db: WriteDb, id: string, t: { lastSeenAt: string; expiresAt: string; cookieExpiresAt?: string | undefined }): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: t.lastSeenAt, expires_at: t.expiresAt, ...(t.cookieExpiresAt ? { cookie_expires_at: t.cookieExpiresAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: WriteDb, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: WriteDb, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: WriteDb, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
