/**
 * The API's answers as zod schemas: what the presenters of api-json.ts (and the few answers
 * built in routes) return, so the OpenAPI document describes responses from code. The
 * presenters are typed with these (`z.output<…>`), so a field added to a presenter and not
 * here does not compile; the contract test (server/openapi.test.ts) checks real answers
 * against the document built from them. Objects here are closed (`additionalProperties:
 * false` in the document) unless they say otherwise.
 */
import { z } from 'zod';
import { blockSchema } from './block.js';
import { embedCardSchema } from './embed.js';
import { EVENT_TYPES } from './event.js';
import { DERIVATIVE_FORMATS, INPUT_TYPES, type MediaJson as MediaRecordJson } from './media.js';
import { featuredMediaSchema } from './page.js';
import { contributorSchema, LABELS, WRITABLE_STATUSES } from './post.js';
import { ROLES } from './user.js';

/**
 * A schema the document lists by name (components.schemas; zod's global registry carries
 * the id, as it carries every `.describe()`); others are inlined where they are used.
 */
export const named = <S extends z.ZodType>(id: string, schema: S, description: string): S => schema.meta({ id, description }) as S;

/** Timestamps the API sends: ISO 8601 in UTC with milliseconds. */
export const timestamp = z.iso.datetime({ offset: true });
export const id = z.string().describe('An id we made (UUIDv7).');

export const blockOut = named('Block', blockSchema, 'One body block of a post (SPEC §2).');

export const pageOut = named(
  'Page',
  z.object({
    id,
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    timeZone: z.string().describe('IANA time zone of the reader page’s times.'),
    locale: z.string().describe('BCP 47 language tag.'),
    summary: z.array(z.string()).describe('Key points, each inline Markdown-subset text.'),
    featuredMedia: featuredMediaSchema.nullable(),
    state: z.enum(['live', 'ended']),
    continuedTo: z.string().nullable().describe('Slug of the page the coverage continues on.'),
    continuationNotice: z.string().nullable(),
    continuedFrom: z.string().nullable().describe('Slug of the page whose coverage this one continues.'),
    pinnedPostId: z.string().nullable(),
    seq: z.number().int().min(0).describe('The page’s event sequence number (SPEC §4).'),
    createdAt: timestamp,
    updatedAt: timestamp,
    endedAt: timestamp.nullable(),
    url: z.string().describe('The reader page.'),
  }),
  'A live page (SPEC §2).',
);

export const postOut = named(
  'Post',
  z.object({
    id,
    pageId: z.string(),
    title: z.string(),
    label: z.enum(LABELS).nullable(),
    contributors: z.array(contributorSchema),
    body: z.array(blockOut),
    keyEvent: z.boolean(),
    pinned: z.boolean(),
    status: z.enum([...WRITABLE_STATUSES, 'unpublished']),
    scheduledFor: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    editedAt: timestamp.nullable().describe('When a published post’s content last changed ("updated at").'),
    correction: z.object({ text: z.string(), at: timestamp }).nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int().min(1).describe('Send it back in If-Match to edit.'),
    authorId: z.string().nullable().optional().describe('Who wrote it: only for signed-in callers.'),
    seq: z.number().int().min(0).describe('The page’s seq after the change.'),
    url: z.string().describe('The post’s permalink.'),
  }),
  'A post (SPEC §2).',
);

export const bylineOut = z.object({ name: z.string(), role: z.string().nullable(), photo: z.string().nullable(), byDefault: z.boolean() });

export const userOut = named(
  'User',
  z.object({ id, email: z.string(), name: z.string(), role: z.enum(ROLES), active: z.boolean(), createdAt: timestamp, byline: bylineOut }),
  'A newsroom account, with the byline its posts are credited with.',
);

export const embedPreviewOut = named(
  'EmbedPreview',
  z.object({ url: z.string(), status: z.enum(['pending', 'done', 'failed']), error: z.string().nullable(), card: embedCardSchema.nullable() }),
  'An address as the composer previews it: its card (the server’s snapshot) or why not.',
);

export const mediaImportOut = named(
  'MediaImport',
  z.object({
    id,
    kind: z.enum(['post', 'page']),
    postId: z.string().optional(),
    src: z.string(),
    status: z.enum(['pending', 'done', 'failed']),
    attempts: z.number().int(),
    error: z.string().nullable(),
    mediaId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
  'An external image being imported into our media.',
);

const srcsetEntry = z.object({ src: z.string(), width: z.number().int(), height: z.number().int() });
export const mediaOut = named(
  'Media',
  z.object({
    id,
    src: z.string().describe('The largest JPEG derivative.'),
    width: z.number().int(),
    height: z.number().int(),
    type: z.string(),
    sourceType: z.enum(INPUT_TYPES),
    bytes: z.number().int(),
    hash: z.string(),
    alt: z.string().nullable(),
    color: z.string().nullable(),
    pageId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    srcset: z.object(Object.fromEntries(DERIVATIVE_FORMATS.map((f) => [f, z.array(srcsetEntry)])) as Record<(typeof DERIVATIVE_FORMATS)[number], z.ZodArray<typeof srcsetEntry>>),
  }),
  'An image in our media library, with its derivatives.',
);

export const webhookOut = named(
  'Webhook',
  z.object({
    id: z.string().describe('An id, or `purge` for the CDN purge hook.'),
    kind: z.string(),
    url: z.string(),
    events: z.array(z.enum(EVENT_TYPES)),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
  'A webhook target (its secret is never shown).',
);

export const deliveryOut = named(
  'WebhookDelivery',
  z.object({
    id,
    type: z.enum(EVENT_TYPES),
    page: z.string().nullable(),
    seq: z.number().int(),
    status: z.string(),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: timestamp.nullable(),
    createdAt: timestamp,
    deliveredAt: timestamp.nullable(),
    log: z.array(z.object({ attempt: z.number().int(), at: timestamp, durationMs: z.number().int(), statusCode: z.number().int().nullable(), error: z.string().nullable() })),
  }),
  'One delivery in a webhook’s log, with every attempt.',
);

export const snippetOut = named(
  'Snippet',
  z.object({ id, page: z.string().nullable(), name: z.string(), title: z.string().nullable(), body: z.array(blockOut), createdAt: timestamp, updatedAt: timestamp }),
  'A saved post template.',
);

export const tokenOut = named(
  'Token',
  z.object({ id, userId: z.string(), userName: z.string(), name: z.string(), createdAt: timestamp, revokedAt: timestamp.nullable() }),
  'An API token (never its secret, which is shown once).',
);

/**
 * One live event as readers get it (SPEC §4: the stream's `data:` and each of the polling
 * answer's `events`): the post's article or the page's re-rendered parts, by type.
 */
const seqOf = z.number().int().describe('The event’s seq.');
const liveEvent = <T extends readonly [(typeof EVENT_TYPES)[number], ...(typeof EVENT_TYPES)[number][]], D extends z.ZodRawShape>(types: T, data: D) =>
  z.object({ id: seqOf, type: z.enum(types), data: z.object({ seq: seqOf, ...data }) });
const html = (what: string) => z.string().describe(`${what}, as HTML to put in place.`);
export const liveEventOut = named(
  'LiveEvent',
  z.union([
    liveEvent(['post.published', 'post.updated'], { id, html: html('The post’s `<article>`; empty when it is no longer shown') }),
    liveEvent(['post.unpublished'], { id }),
    liveEvent(['page.updated'], { fields: z.array(z.string()).describe('What changed.'), parts: z.object({ header: html('The header'), summary: html('The summary'), pinned: html('The pinned post') }) }),
    liveEvent(['page.continued'], { to: z.string(), url: z.string(), notice: z.string(), parts: z.object({ header: html('The header'), notice: html('The notice') }) }),
    liveEvent(['page.ended'], { parts: z.object({ header: html('The header') }) }),
    // One that could not be rendered still moves the page past its seq (realtime/live-events.ts).
    liveEvent(EVENT_TYPES, {}).describe('An event that could not be rendered: readers move past its seq; a reload shows the page as it is.'),
  ]),
  'One live event (SPEC §4).',
);

/** A page of posts, as GET /pages/{slug}/posts answers. */
export const postListOut = z.object({ seq: z.number().int(), page: z.number().int(), pageCount: z.number().int(), total: z.number().int(), posts: z.array(postOut) });

/** The body of every webhook delivery (SPEC §6): the event, the page's slug, its seq. */
const webhookBody = <T extends (typeof EVENT_TYPES)[number], D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), page: z.string().describe('The page’s slug.'), seq: z.number().int(), data });
const pageData = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, page: pageOut });
export const webhookBodies = {
  'post.published': webhookBody('post.published', postOut),
  'post.updated': webhookBody('post.updated', postOut),
  'post.unpublished': webhookBody('post.unpublished', z.object({ id })),
  'page.updated': webhookBody('page.updated', pageData({ fields: z.array(z.string()).describe('What changed.') })),
  'page.continued': webhookBody('page.continued', pageData({ to: z.string(), url: z.string(), notice: z.string() })),
  'page.ended': webhookBody('page.ended', pageData({})),
} satisfies Record<(typeof EVENT_TYPES)[number], z.ZodType>;

export type PageJson = z.output<typeof pageOut>;
export type PostJson = z.output<typeof postOut>;
export type UserJson = z.output<typeof userOut>;
export type MediaImportJson = z.output<typeof mediaImportOut>;
export type EmbedPreviewJson = z.output<typeof embedPreviewOut>;
export type MediaJson = z.output<typeof mediaOut>;
export type SnippetJson = z.output<typeof snippetOut>;

/** media.ts's presenter (it cannot import this file: media.ts is imported here) returns exactly mediaOut's type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const MEDIA_PRESENTER_MATCHES: Same<MediaRecordJson, MediaJson> = true;
