/** API tokens: random secrets shown once, stored as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { findUserByEmail, findUserByTokenHash, insertToken } from '../store/users.js';
import type { Db } from '../store/store.js';
import { inTransaction, newId, type CommandContext } from './context.js';

const PREFIX = 'lp_';
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a token for the person with `email`; returns the secret (shown once). */
export async function createToken(ctx: CommandContext, email: string, name = 'api'): Promise<{ token: string; user: User }> {
  return inTransaction(ctx, async (tx) => {
    const user = await findUserByEmail(tx.db, email);
    if (!user) throw notFound('user', `No account for ${email}.`);
    const token = PREFIX + randomBytes(32).toString('base64url');
    await insertToken(tx.db, { id: newId(), userId: user.id, name, tokenHash: hashToken(token), createdAt: tx.now });
    const { passwordHash: _omit, ...pub } = user;
    return { token, user: pub };
  });
}

/** The active person a bearer token belongs to, or undefined. */
export async function userForToken(db: Db, token: string): Promise<User | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  return findUserByTokenHash(db, hashToken(token));
}
