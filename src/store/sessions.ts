/** Newsroom sessions: the cookie holds a secret, the store only its SHA-256. */
import type { User } from '../domain/user.js';
import type { Db } from './store.js';
import { userFromRow } from './users.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(db: Db, s: SessionRow & { createdAt: string }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, last_seen_at: s.lastSeenAt, expires_at: s.expiresAt })
    .execute();
}

/** The unexpired session with this id and its user, if the user is still active. */
export async function findSession(db: Db, id: string, now: string): Promise<{ session: SessionRow; user: User } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: { id: row.session_id, userId: row.id, csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at },
    user: userFromRow(row),
  };
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
