/** API tokens: random secrets shown once, stored as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { Actor, User } from '../domain/user.js';
import { findToken, findUserByEmail, findUserByTokenHash, insertToken, revokeToken as markRevoked, type TokenInfo } from '../store/users.js';
import type { ReadDb } from '../store/store.js';
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
export async function userForToken(db: ReadDb, token: string): Promise<User | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  return findUserByTokenHash(db, hashToken(token));
}

/** Revokes a token: its owner may, and so may an admin. Revoked tokens stop working at once. */
export async function revokeToken(ctx: CommandContext, actor: Actor, id: string): Promise<TokenInfo> {
  return inTransaction(ctx, async (tx) => {
    const token = await findToken(tx.db, id);
    // Another's token is as good as absent: its id is not confirmed to those who may not revoke it.
    if (!token || !can(actor, 'token.revoke', token)) throw notFound('token', 'There is no such token.');
    await markRevoked(tx.db, id, tx.now);
    return { ...token, revokedAt: token.revokedAt ?? tx.now };
  });
}
