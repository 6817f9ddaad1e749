/**
 * The export document: a whole page with its posts, in the API's shapes, for backups and
 * moving between installations. Import validates the content as strictly as the API and
 * ignores the bookkeeping fields an export carries (versions, seqs, URLs).
 */
import { z } from 'zod';
import { HASH_PATTERN, INPUT_TYPES, ORIGINAL_TYPES, type Media } from './media.js';
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

/** A picture uploaded for the page: its stored original, base64 (dimensions are read from it again). */
const importMedia = z.strictObject({
  hash: z.string().regex(HASH_PATTERN, 'Not a content hash.'),
  type: z.enum(ORIGINAL_TYPES),
  sourceType: z.enum(INPUT_TYPES).default('image/jpeg'),
  alt: text(1000).nullable().optional(),
  createdAt: isoDateTime.optional(),
  data: z.base64().max(70_000_000),
  id: ignored,
  pageId: ignored,
  width: ignored,
  height: ignored,
  bytes: ignored,
  createdBy: ignored,
  color: ignored, // worked out from the picture again, like its dimensions
});

export const exportDocumentSchema = z.strictObject({
  format: z.literal('livepage-export').optional(),
  version: z.literal(1).optional(),
  page: importPage,
  posts: z.array(importPost).max(100_000),
  media: z.array(importMedia).max(10_000).optional(),
});
export type ImportDocument = z.infer<typeof exportDocumentSchema>;

export interface ExportDocument {
  format: 'livepage-export';
  version: 1;
  page: Page;
  posts: Post[];
  /** The page's uploaded pictures with their originals, so a restore brings them back. */
  media: ExportedMedia[];
}

export type ExportedMedia = Media & { data: string };
