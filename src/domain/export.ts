/**
 * The export document: a whole page with its posts, in the API's shapes, for backups and
 * moving between installations. Import validates the content as strictly as the API and
 * ignores the bookkeeping fields an export carries (versions, seqs, URLs).
 */
import { z } from 'zod';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, pageFields, slugSchema, type Page } from './page.js';
import { ID_PATTERN, postFields, requireScheduleTime, type Post } from './post.js';
import { isoDateTime, text } from './schema-helpers.js';

const ignored = z.unknown().optional();
const idSchema = z.string().regex(ID_PATTERN, 'Not an id this system made.');

const importPost = z
  .strictObject({
    ...postFields,
    id: idSchema.optional(),
    contributors: postFields.contributors.default([]),
    keyEvent: postFields.keyEvent.default(false),
    pinned: postFields.pinned.default(false),
    status: z.enum(['published', 'draft', 'scheduled', 'submitted', 'unpublished']).default('published'),
    scheduledFor: postFields.scheduledFor.optional(),
    publishedAt: postFields.publishedAt.nullable().optional(),
    editedAt: isoDateTime.nullable().optional(),
    createdAt: isoDateTime.optional(),
    correction: z.strictObject({ text: text(500), at: isoDateTime }).nullable().optional(),
    pageId: ignored,
    version: ignored,
    updatedAt: ignored,
    authorId: ignored,
    seq: ignored,
    url: ignored,
  })
  .superRefine(requireScheduleTime);

const importPage = z.strictObject({
  slug: slugSchema,
  title: pageFields.title,
  description: pageFields.description.optional(),
  timeZone: pageFields.timeZone.default(DEFAULT_TIME_ZONE),
  locale: pageFields.locale.default(DEFAULT_LOCALE),
  summary: pageFields.summary.default([]),
  featuredMedia: pageFields.featuredMedia.optional(),
  state: z.enum(['live', 'ended']).default('live'),
  continuedTo: slugSchema.nullable().optional(),
  continuationNotice: text(500).nullable().optional(),
  continuedFrom: slugSchema.nullable().optional(),
  createdAt: isoDateTime.optional(),
  endedAt: isoDateTime.nullable().optional(),
  id: ignored,
  seq: ignored,
  updatedAt: ignored,
  pinnedPostId: ignored,
  url: ignored,
});

export const exportDocumentSchema = z.strictObject({
  format: z.literal('livepage-export').optional(),
  version: z.literal(1).optional(),
  page: importPage,
  posts: z.array(importPost).max(100_000),
});
export type ImportDocument = z.infer<typeof exportDocumentSchema>;

export interface ExportDocument {
  format: 'livepage-export';
  version: 1;
  page: Page;
  posts: Post[];
}
