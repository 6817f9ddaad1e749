/** Snippets: saved post templates ("What we know so far", a standing explainer), per page or newsroom-wide. */
import { z } from 'zod';
import { bodySchema, type Block } from './block.js';
import { slugSchema } from './page.js';
import { text } from './schema-helpers.js';

/** Body of `POST /snippets`: `page` names the page it belongs to; absent, the whole newsroom's. */
export const snippetCreateSchema = z.strictObject({
  name: text(100),
  title: text(200).optional(),
  body: bodySchema,
  page: slugSchema.optional(),
});
export type SnippetCreate = z.infer<typeof snippetCreateSchema>;

/** Body of `PATCH /snippets/{id}`. */
export const snippetPatchSchema = z
  .strictObject({ name: text(100).optional(), title: text(200).nullable().optional(), body: bodySchema.optional() })
  .refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.');
export type SnippetPatch = z.infer<typeof snippetPatchSchema>;

export interface Snippet {
  id: string;
  /** The page's slug, or null for the newsroom's. */
  page: string | null;
  name: string;
  title: string | null;
  body: Block[];
  createdAt: string;
  updatedAt: string;
}
