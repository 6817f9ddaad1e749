/** Posts: the timestamped updates of a live page (SPEC §2). */
import { z } from 'zod';
import { bodySchema, type Block } from './block.js';
import { isoDateTime, mediaUrl, text } from './schema-helpers.js';

/** The shape of the ids we make (UUIDv7); anything else cannot name a post. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const LABELS = ['breaking', 'analysis', 'explainer', 'correction', 'key-event'] as const;
export type Label = (typeof LABELS)[number];

/** Statuses a client may ask for; `unpublished` is only reached through DELETE. */
export const WRITABLE_STATUSES = ['published', 'draft', 'scheduled', 'submitted'] as const;
export type PostStatus = (typeof WRITABLE_STATUSES)[number] | 'unpublished';
/** The desk's lists of posts, one per status, in the order it shows them. */
export const DESK_LISTS = ['published', 'submitted', 'draft', 'scheduled', 'unpublished'] as const satisfies readonly PostStatus[];
export type DeskList = (typeof DESK_LISTS)[number];

/** A byline: a name, a role line, and a photo (an http(s) image, e.g. from the media library). */
export const contributorSchema = z.strictObject({ name: text(100), role: text(200).optional(), photo: mediaUrl.optional() });
export type Contributor = z.infer<typeof contributorSchema>;

/** The validated post fields, shared by the API bodies and imports. */
export const postFields = {
  title: text(200),
  label: z.enum(LABELS).nullable().optional(),
  contributors: z.array(contributorSchema).max(10),
  body: bodySchema,
  keyEvent: z.boolean(),
  pinned: z.boolean(),
  status: z.enum(WRITABLE_STATUSES),
  scheduledFor: isoDateTime.nullable(),
  publishedAt: isoDateTime,
};

/** Body of `POST /pages/{slug}/posts`. */
export const postCreateSchema = z
  .strictObject({
    ...postFields,
    contributors: postFields.contributors.default([]),
    keyEvent: postFields.keyEvent.default(false),
    pinned: postFields.pinned.default(false),
    status: postFields.status.optional(),
    scheduledFor: postFields.scheduledFor.optional(),
    publishedAt: postFields.publishedAt.optional(),
  })
  .superRefine(requireScheduleTime);
export type PostCreate = z.infer<typeof postCreateSchema>;

/** Body of `PATCH /posts/{id}`: any field, at least one. */
export const postPatchSchema = z
  .strictObject({
    title: postFields.title.optional(),
    label: postFields.label,
    contributors: postFields.contributors.optional(),
    body: postFields.body.optional(),
    keyEvent: postFields.keyEvent.optional(),
    pinned: postFields.pinned.optional(),
    status: postFields.status.optional(),
    scheduledFor: postFields.scheduledFor.optional(),
    publishedAt: postFields.publishedAt.optional(),
    /** A correction note readers see with the post ("Correction: …"); null removes it. */
    correction: text(500).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.');
export type PostPatch = z.infer<typeof postPatchSchema>;

export function requireScheduleTime(p: { status?: string; scheduledFor?: string | null }, ctx: z.RefinementCtx): void {
  if (p.status === 'scheduled' && !p.scheduledFor)
    ctx.addIssue({ code: 'custom', path: ['scheduledFor'], message: 'A scheduled post needs scheduledFor.' });
}

/** A post as stored and as the API returns it. */
export interface Post {
  id: string;
  pageId: string;
  title: string;
  label: Label | null;
  contributors: Contributor[];
  body: Block[];
  keyEvent: boolean;
  pinned: boolean;
  status: PostStatus;
  scheduledFor: string | null;
  publishedAt: string | null;
  /** When a published post's content last changed, for "updated at". */
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
  authorId: string | null;
  version: number;
  /** A correction note shown to readers with the post, and when it was made. */
  correction: Correction | null;
}

export interface Correction {
  text: string;
  at: string;
}

/** True when readers see the post. */
export const isVisible = (p: Pick<Post, 'status'>): boolean => p.status === 'published';

/** What a new post is made from; the rest follows from the status and the clock. */
export type NewPost = Pick<Post, 'id' | 'pageId' | 'authorId' | 'title' | 'contributors' | 'body' | 'keyEvent' | 'pinned'> & {
  status: PostStatus;
  label?: Label | null | undefined;
  scheduledFor?: string | null | undefined;
  publishedAt?: string | null | undefined;
  editedAt?: string | null | undefined;
  createdAt?: string | undefined;
  correction?: Correction | null | undefined;
};

/** A post at version 1: only a scheduled post keeps its time, a published one gets `now` unless given. */
export function newPost(p: NewPost, now: string): Post {
  return {
    id: p.id,
    pageId: p.pageId,
    title: p.title,
    label: p.label ?? null,
    contributors: p.contributors,
    body: p.body,
    keyEvent: p.keyEvent,
    pinned: p.pinned && p.status === 'published',
    status: p.status,
    scheduledFor: p.status === 'scheduled' ? (p.scheduledFor ?? null) : null,
    publishedAt: p.publishedAt ?? (p.status === 'published' ? now : null),
    editedAt: p.editedAt ?? null,
    createdAt: p.createdAt ?? now,
    updatedAt: now,
    authorId: p.authorId,
    version: 1,
    correction: p.correction ?? null,
  };
}
