import { invalidInput } from '../domain/errors.js';
import { DEFAULT_CONTINUATION_NOTICE, type Page } from '../domain/page.js';
import { findPageBySlug, updatePage } from '../store/pages.js';
import { inTransaction, pageUrl, type CommandContext } from './context.js';
import { lockPageForChange } from './load.js';

/** Ends a page's coverage and points its readers to the page it continues on. */
export async function continuePage(ctx: CommandContext, slug: string, input: { to: string; notice?: string | undefined }): Promise<Page> {
  if (input.to === slug) throw invalidInput('A page cannot continue on itself.', 'to', 'invalid_target');
  return inTransaction(ctx, async (tx) => {
    const page = await lockPageForChange(tx.db, slug);
    if (!(await findPageBySlug(tx.db, input.to)))
      throw invalidInput(`There is no page "${input.to}" to continue on; create it first.`, 'to', 'unknown_page');
    const notice = input.notice ?? DEFAULT_CONTINUATION_NOTICE;
    const changes = { state: 'ended', endedAt: page.endedAt ?? tx.now, continuedTo: input.to, continuationNotice: notice } as const;
    await updatePage(tx.db, page.id, changes);
    const seq = await tx.append(page.id, 'page.continued', { to: input.to, url: pageUrl(ctx, input.to), notice });
    return { ...page, ...changes, seq, updatedAt: tx.now };
  });
}
