import { conflict } from '../domain/errors.js';
import { newPage, type Page, type PageCreate } from '../domain/page.js';
import { findPageBySlug, insertPage } from '../store/pages.js';
import { inTransaction, newId, type CommandContext } from './context.js';

/** Creates a live page; its coverage starts now. */
export async function createPage(ctx: CommandContext, input: PageCreate): Promise<Page> {
  return inTransaction(ctx, async (tx) => {
    if (await findPageBySlug(tx.db, input.slug)) throw conflict('slug_taken', `A page "${input.slug}" already exists.`, 'slug');
    const page = newPage(newId(), input, tx.now);
    await insertPage(tx.db, page);
    return page;
  });
}
