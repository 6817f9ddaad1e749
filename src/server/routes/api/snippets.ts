/** `/api/v1/snippets`: the desk reads them; editors make, change and delete them. */
import type { FastifyInstance } from 'fastify';
import { requirePage } from '../../../commands/load.js';
import { changeSnippet, createSnippet, removeSnippet } from '../../../commands/snippets.js';
import { notFound } from '../../../domain/errors.js';
import { ID_PATTERN } from '../../../domain/post.js';
import { snippetCreateSchema, snippetPatchSchema } from '../../../domain/snippet.js';
import { listSnippets } from '../../../store/snippets.js';
import { callerOf } from '../../auth.js';
import type { AppServices } from '../../services.js';
import { parse } from '../../validate.js';
import { slugParam } from '../params.js';
import { z } from 'zod';
import { slugSchema } from '../../../domain/page.js';
import { snippetOut } from '../../../domain/api-schemas.js';
import { snippetJson } from '../../../domain/api-json.js';
import { idPath } from './doc-params.js';

const tag = 'Snippets';

const snippetId = (params: unknown): string => {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw notFound('snippet', 'There is no such snippet.');
  return id;
};

export async function snippetRoutes(app: FastifyInstance, { commands, store }: AppServices): Promise<void> {
  const { db } = store;

  // The newsroom's snippets and, with ?page=slug, that page's.
  app.get('/api/v1/snippets', { config: { action: 'desk.use', doc: { tag, summary: 'List snippets', query: z.object({ page: slugSchema.optional().describe('Also this page’s snippets.') }), response: { schema: z.object({ snippets: z.array(snippetOut) }) }, errors: ['page_not_found'] } } }, async (req) => {
    const slug = (req.query as { page?: unknown }).page;
    const page = slug === undefined ? undefined : await requirePage(db, slugParam({ slug }));
    return { snippets: (await listSnippets(db, page?.id)).map(snippetJson) };
  });

  app.post('/api/v1/snippets', { config: { action: 'snippet.manage', doc: { tag, summary: 'Create a snippet', body: snippetCreateSchema, response: { status: 201, schema: snippetOut }, errors: ['page_not_found'] } } }, async (req, reply) => {
    return reply.status(201).send(snippetJson(await createSnippet(commands, callerOf(req), parse(snippetCreateSchema, req.body))));
  });

  app.patch('/api/v1/snippets/:id', { config: { action: 'snippet.manage', doc: { tag, summary: 'Change a snippet', params: idPath, body: snippetPatchSchema, response: { schema: snippetOut }, errors: ['snippet_not_found'] } } }, async (req) => {
    return snippetJson(await changeSnippet(commands, snippetId(req.params), parse(snippetPatchSchema, req.body)));
  });

  app.delete('/api/v1/snippets/:id', { config: { action: 'snippet.manage', doc: { tag, summary: 'Delete a snippet', params: idPath, response: { status: 204, description: 'Deleted.' }, errors: ['snippet_not_found'] } } }, async (req, reply) => {
    await removeSnippet(commands, snippetId(req.params));
    return reply.status(204).send();
  });
}
