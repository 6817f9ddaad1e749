import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { conflict, invalidInput } from '../domain/errors.js';
import type { Role, User } from '../domain/user.js';
import { findUserByEmail, insertUser } from '../store/users.js';
import { inTransaction, newId, type CommandContext } from './context.js';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (OWASP-level memory cost). */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** A readable random password for a person who did not choose one. */
export const generatePassword = (): string => randomBytes(18).toString('base64url');

/** Adds a newsroom person; generates a password when none is given and returns it once. */
export async function addUser(
  ctx: CommandContext,
  input: { email: string; name: string; role: Role; password?: string | undefined },
): Promise<{ user: User; password: string }> {
  const password = input.password ?? generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalidInput(`Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`, 'password', 'weak_password');
  const passwordHash = await hashPassword(password); // slow on purpose: outside the transaction
  return inTransaction(ctx, async (tx) => {
    if (await findUserByEmail(tx.db, input.email)) throw conflict('email_taken', `${input.email} already has an account.`, 'email');
    const user: User = { id: newId(), email: input.email.toLowerCase(), name: input.name, role: input.role, active: true, createdAt: tx.now, byline: { name: input.name, role: null, photo: null, byDefault: true } };
    await insertUser(tx.db, user, passwordHash);
    return { user, password };
  });
}
