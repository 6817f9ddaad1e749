/** People and API tokens. Tokens are stored as SHA-256 hashes, never in clear. */
import type { Selectable } from 'kysely';
import type { BylineChange, Role, User } from '../domain/user.js';
import type { UsersTable } from './schema.js';
import type { ReadDb, WriteDb } from './store.js';

export function userFromRow(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    byline: { name: r.byline_name ?? r.name, role: r.byline_role, photo: r.byline_photo, byDefault: Number(r.byline_default ?? 1) === 1 },
  };
}

export async function updateByline(db: WriteDb, id: string, c: BylineChange, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(c.name !== undefined ? { byline_name: c.name } : {}),
      ...(c.role !== undefined ? { byline_role: c.role } : {}),
      ...(c.photo !== undefined ? { byline_photo: c.photo } : {}),
      ...(c.byDefault !== undefined ? { byline_default: c.byDefault ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** The active people's bylines, by name: colleagues the composer offers in one tap. */
export async function listBylines(db: ReadDb): Promise<(User['byline'] & { userId: string })[]> {
  const rows = await db.selectFrom('users').selectAll().where('active', '=', 1).orderBy('name').limit(1000).execute();
  return rows.map((r) => ({ userId: r.id, ...userFromRow(r).byline }));
}

export async function findUserByEmail(db: ReadDb, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && { ...userFromRow(row), passwordHash: row.password_hash };
}

export async function insertUser(db: WriteDb, u: User, passwordHash: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: passwordHash,
      active: u.active ? 1 : 0,
      created_at: u.createdAt,
      updated_at: u.createdAt,
    })
    .execute();
}

export async function findUserById(db: ReadDb, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userFromRow(row);
}

export async function listUsers(db: ReadDb): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(userFromRow);
}

export async function updateUser(db: WriteDb, id: string, c: { name?: string; role?: string; active?: boolean }, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...(c.name !== undefined ? { name: c.name } : {}), ...(c.role !== undefined ? { role: c.role } : {}), ...(c.active !== undefined ? { active: c.active ? 1 : 0 } : {}), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function countActiveAdmins(db: ReadDb): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface TokenInfo {
  id: string;
  userId: string;
  userName: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

function tokens(db: ReadDb) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'users.name as user_name', 'api_tokens.name', 'api_tokens.created_at', 'api_tokens.revoked_at']);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokens>['execute']>>[number];
const tokenInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Tokens, newest first: one person's, or everyone's when `userId` is undefined. */
export async function listTokens(db: ReadDb, userId?: string): Promise<TokenInfo[]> {
  let q = tokens(db).orderBy('api_tokens.created_at', 'desc');
  if (userId) q = q.where('api_tokens.user_id', '=', userId);
  return (await q.execute()).map(tokenInfo);
}

export async function findToken(db: ReadDb, id: string): Promise<TokenInfo | undefined> {
  const row = await tokens(db).where('api_tokens.id', '=', id).executeTakeFirst();
  return row && tokenInfo(row);
}

export async function revokeToken(db: WriteDb, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes every token a person still holds (deactivation: reactivating must not revive them). */
export async function revokeUserTokens(db: WriteDb, userId: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function countUsers(db: ReadDb): Promise<number> {
  const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertToken(db: WriteDb, t: { id: string; userId: string; name: string; tokenHash: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ id: t.id, user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt })
    .execute();
}

/** The active user owning an unrevoked token with this hash. */
export async function findUserByTokenHash(db: ReadDb, tokenHash: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row && userFromRow(row);
}
