/** People and API tokens. Tokens are stored as SHA-256 hashes, never in clear. */
import type { Selectable } from 'kysely';
import type { Role, User } from '../domain/user.js';
import type { UsersTable } from './schema.js';
import type { Db } from './store.js';

export function userFromRow(r: Selectable<UsersTable>): User {
  return { id: r.id, email: r.email, name: r.name, role: r.role as Role, active: Number(r.active) === 1, createdAt: r.created_at };
}

export async function findUserByEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && { ...userFromRow(row), passwordHash: row.password_hash };
}

export async function insertUser(db: Db, u: User, passwordHash: string): Promise<void> {
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

export async function countUsers(db: Db): Promise<number> {
  const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertToken(db: Db, t: { id: string; userId: string; name: string; tokenHash: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ id: t.id, user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt })
    .execute();
}

/** The active user owning an unrevoked token with this hash. */
export async function findUserByTokenHash(db: Db, tokenHash: string): Promise<User | undefined> {
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
