/** Path parameters as the OpenAPI document describes them (the routes check them in params.ts: a malformed one names nothing, 404). */
import { z } from 'zod';
import { slugSchema } from '../../../domain/page.js';
import { ID_PATTERN } from '../../../domain/post.js';

export const slugPath = z.object({ slug: slugSchema.describe('The page’s slug.') });
export const idPath = z.object({ id: z.string().regex(ID_PATTERN).describe('The id.') });
