import { conflict, notFound } from '../domain/errors.js';
import type { Actor, Role, User } from '../domain/user.js';
import { deleteUserSessions } from '../store/sessions.js';
import { countActiveAdmins, findUserById, revokeUserTokens, updateUser } from '../store/users.js';
import { inTransaction, type CommandContext } from './context.js';

export interface UserChange {
  name?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
}

/**
 * Renames, changes the role of, or (de)activates a person. Deactivating ends their sessions
 * and revokes their API tokens at once, so reactivating them later does not silently bring
 * old tokens (perhaps copied somewhere meanwhile) back to life: they make new ones. The
 * newsroom always keeps one active admin.
 */
export async function changeUser(ctx: CommandContext, actor: Actor, id: string, change: UserChange): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, id);
    if (!user) throw notFound('user', 'There is no such person.');
    if (id === actor.id && change.active === false) throw conflict('cannot_deactivate_self', 'You cannot deactivate your own account.');
    const losesAdmin = user.role === 'admin' && user.active && (change.active === false || (change.role && change.role !== 'admin'));
    if (losesAdmin && (await countActiveAdmins(tx.db)) <= 1)
      throw conflict('last_admin', 'The newsroom needs at least one active admin: make someone else admin first.');
    await updateUser(tx.db, id, change, tx.now);
    if (change.active === false) {
      await deleteUserSessions(tx.db, id);
      await revokeUserTokens(tx.db, id, tx.now);
    }
    return { ...user, ...(change.name ? { name: change.name } : {}), ...(change.role ? { role: change.role } : {}), ...(change.active !== undefined ? { active: change.active } : {}) };
  });
}
