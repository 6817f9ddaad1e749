import type { Page, PagePatch } from '../domain/page.js';
import { updatePage as writePage } from '../store/pages.js';
import { inTransaction, type CommandContext } from './context.js';
import { lockPageForChange } from './load.js';

/** Changes a page's title, description, summary, featured media, zone or locale. */
export async function updatePage(ctx: CommandContext, slug: string, patch: PagePatch): Promise<Page> {
  return inTransaction(ctx, async (tx) => {
    const page = await lockPageForChange(tx.db, slug);
    const fields = Object.keys(patch);
    await writePage(tx.db, page.id, patch);
    const seq = await tx.append(page.id, 'page.updated', { fields });
    return { ...page, ...patch, seq, updatedAt: tx.now } as Page;
  });
}
