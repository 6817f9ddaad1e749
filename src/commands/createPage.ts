import { conflict } from '../domain/errors.js';
import type { Page, PageCreate } from '../domain/page.js';
import { findPageBySlug, insertPage } from '../store/pages.js';
import { inTransaction, newId, type CommandContext } from './context.js';

/** Creates a live page; its coverage starts now. */
export async function createPage(ctx: CommandContext, input: PageCreate): Promise<Page> {
  return inTransaction(ctx, async (tx) => {
    if (await findPageBySlug(tx.db, input.slug)) throw conflict('slug_taken', `A page "${input.slug}" already exists.`, 'slug');
    const page: Page = {
      id: newId(),
      slug: input.slug,
      title: input.title,
      description: input.description ?? null,
      timeZone: input.timeZone,
      locale: input.locale,
      summary: input.summary,
      featuredMedia: input.featuredMedia ?? null,
      state: 'live',
      continuedTo: null,
      continuationNotice: null,
      pinnedPostId: null,
      seq: 0,
      createdAt: tx.now,
      updatedAt: tx.now,
      endedAt: null,
    };
    await insertPage(tx.db, page);
    return page;
  });
}
