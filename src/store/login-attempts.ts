/** Sign-in attempts still counted by the limits, shared by every server process. */
import type { ReadDb, WriteDb } from './store.js';

export interface LoginAttemptRow {
  id: string;
  email: string;
  address: string;
  at: string;
}

export async function insertLoginAttempt(db: WriteDb, a: LoginAttemptRow): Promise<void> {
  await db.insertInto('login_attempts').values(a).execute();
}

/** Attempts since `since` that share the email or the address with this one, oldest first. */
export async function relatedLoginAttempts(db: ReadDb, email: string, address: string, since: string): Promise<LoginAttemptRow[]> {
  return db
    .selectFrom('login_attempts')
    .select(['id', 'email', 'address', 'at'])
    .where((eb) => eb.or([eb('email', '=', email), eb('address', '=', address)]))
    .where('at', '>', since)
    .orderBy('at')
    .execute();
}

export async function deleteLoginAttempt(db: WriteDb, id: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/** Forgets the attempts of one account from one address (after a successful sign-in). */
export async function deleteLoginAttemptsOf(db: WriteDb, email: string, address: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('email', '=', email).where('address', '=', address).execute();
}

export async function purgeLoginAttempts(db: WriteDb, before: string): Promise<number> {
  const r = await db.deleteFrom('login_attempts').where('at', '<=', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
