import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor, BylineChange, User } from '../domain/user.js';
import { findUserById, updateByline } from '../store/users.js';
import { inTransaction, type CommandContext } from './context.js';

/** Changes a person's byline profile: their own, or anyone's for an admin. */
export async function changeByline(ctx: CommandContext, actor: Actor, userId: string, change: BylineChange): Promise<User> {
  authorize(actor, 'byline.edit', { userId });
  return inTransaction(ctx, async (tx) => {
    if (!(await findUserById(tx.db, userId))) throw notFound('user', 'There is no such person.');
    await updateByline(tx.db, userId, change, tx.now);
    return (await findUserById(tx.db, userId))!;
  });
}
