import { conflict } from '../domain/errors.js';
import type { Page } from '../domain/page.js';
import { updatePage } from '../store/pages.js';
import type { Actor } from '../domain/user.js';
import { insertAudit } from '../store/history.js';
import { inTransaction, newId, type CommandContext } from './context.js';
import { lockPageForChange } from './load.js';

/** Ends a page's coverage without a continuation: the Live label goes. */
export async function endPage(ctx: CommandContext, actor: Actor, slug: string): Promise<Page> {
  return inTransaction(ctx, async (tx) => {
    const page = await lockPageForChange(tx.db, slug);
    if (page.state === 'ended') throw conflict('already_ended', `The coverage on "${slug}" has already ended.`);
    const changes = { state: 'ended', endedAt: tx.now } as const;
    await updatePage(tx.db, page.id, changes);
    const seq = await tx.append(page.id, 'page.ended', {});
    await insertAudit(tx.db, { id: newId(), pageId: page.id, userId: actor.id, action: 'page.end', at: tx.now });
    return { ...page, ...changes, seq, updatedAt: tx.now };
  });
}
