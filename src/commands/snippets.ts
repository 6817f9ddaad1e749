/** Managing snippets (editors): each change one transaction. */
import { notFound } from '../domain/errors.js';
import type { Snippet, SnippetCreate, SnippetPatch } from '../domain/snippet.js';
import type { Actor } from '../domain/user.js';
import { deleteSnippet, findSnippet, insertSnippet, updateSnippet } from '../store/snippets.js';
import { inTransaction, newId, type CommandContext } from './context.js';
import { requirePage } from './load.js';

const noSuchSnippet = () => notFound('snippet', 'There is no such snippet.');

export async function createSnippet(ctx: CommandContext, actor: Actor, input: SnippetCreate): Promise<Snippet> {
  return inTransaction(ctx, async (tx) => {
    const page = input.page ? await requirePage(tx.db, input.page) : null;
    const id = newId();
    await insertSnippet(tx.db, { id, pageId: page?.id ?? null, name: input.name, title: input.title ?? null, body: input.body, createdBy: actor.id, now: tx.now });
    return (await findSnippet(tx.db, id))!;
  });
}

export async function changeSnippet(ctx: CommandContext, id: string, patch: SnippetPatch): Promise<Snippet> {
  return inTransaction(ctx, async (tx) => {
    if (!(await updateSnippet(tx.db, id, patch, tx.now))) throw noSuchSnippet();
    return (await findSnippet(tx.db, id))!;
  });
}

export async function removeSnippet(ctx: CommandContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteSnippet(tx.db, id))) throw noSuchSnippet();
  });
}
