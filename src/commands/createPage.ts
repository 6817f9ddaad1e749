import { conflict } from '../domain/errors.js';
import { newPage, type Page, type PageCreate } from '../domain/page.js';
import { findPageBySlug, insertPage } from '../store/pages.js';
import { inTransaction, newId, type CommandContext, type Tx } from './context.js';
import { answerOnce, type Answer, type IdempotentRequest } from './idempotency.js';

/** Creates a live page; its coverage starts now. */
export async function createPage(ctx: CommandContext, input: PageCreate): Promise<Page> {
  return inTransaction(ctx, (tx) => insertPageFrom(tx, input));
}

/** `createPage` under an idempotency key: a repeat gets the first answer (not a 409 slug_taken). */
export async function createPageOnce(
  ctx: CommandContext,
  input: PageCreate,
  request: IdempotentRequest,
  respond: (page: Page) => Record<string, unknown>,
): Promise<Answer & { replayed: boolean }> {
  return inTransaction(ctx, (tx) => answerOnce(tx, request, async () => ({ status: 201, body: respond(await insertPageFrom(tx, input)) })));
}

async function insertPageFrom(tx: Tx, input: PageCreate): Promise<Page> {
  if (await findPageBySlug(tx.db, input.slug)) throw conflict('slug_taken', `A page "${input.slug}" already exists.`, 'slug');
  const page = newPage(newId(), input, tx.now);
  await insertPage(tx.db, page);
  return page;
}
