/** Live pages (SPEC §1–2): a story's rolling coverage. */
import { z } from 'zod';
import { inlineText, mediaUrl, ownMediaFields, text } from './schema-helpers.js';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Posts shown per reader page and per API page. */
export const POSTS_PER_PAGE = 20;
export const slugSchema = z.string().regex(SLUG_PATTERN, 'Use 1–80 lowercase letters, digits and hyphens, starting with a letter or digit.');

export const DEFAULT_TIME_ZONE = 'Europe/London';
export const DEFAULT_LOCALE = 'en-GB';
export const DEFAULT_CONTINUATION_NOTICE =
  "We're moving our live coverage to a new page - follow this link to stay with us.";

/** Any IANA time zone name that Intl knows, stored in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'Not a known IANA time zone.')
  .transform((tz) => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone);
/**
 * Any well-formed BCP 47 language tag, stored canonical and without extensions: a `-u-ca-`
 * calendar or `-u-nu-` digits would change the times SPEC §1 fixes.
 */
export const localeSchema = z
  .string()
  .max(35)
  .refine(isLocale, 'Not a valid BCP 47 language tag.')
  .transform((tag) => new Intl.Locale(tag).baseName);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const featuredMediaSchema = z.strictObject({
  type: z.enum(['video', 'image']),
  src: mediaUrl,
  caption: inlineText(1000).optional(),
  credit: text(200).optional(),
  alt: text(1000).optional(),
  poster: mediaUrl.optional(),
  width: z.number().int().positive().max(20_000).optional(),
  height: z.number().int().positive().max(20_000).optional(),
  ...ownMediaFields,
}).refine((m) => m.type !== 'image' || !!m.alt, { message: 'An image needs alt text.', path: ['alt'] });
export type FeaturedMedia = z.infer<typeof featuredMediaSchema>;

export const summarySchema = z.array(inlineText(1000)).max(20);

/** The validated page fields, shared by the API bodies and imports. */
export const pageFields = {
  title: text(200),
  description: text(1000).nullable(),
  timeZone: timeZoneSchema,
  locale: localeSchema,
  summary: summarySchema,
  featuredMedia: featuredMediaSchema.nullable(),
};

/** Body of `POST /pages`. */
export const pageCreateSchema = z.strictObject({
  slug: slugSchema,
  title: pageFields.title,
  description: pageFields.description.optional(),
  timeZone: pageFields.timeZone.default(DEFAULT_TIME_ZONE),
  locale: pageFields.locale.default(DEFAULT_LOCALE),
  summary: pageFields.summary.default([]),
  featuredMedia: pageFields.featuredMedia.optional(),
});
export type PageCreate = z.infer<typeof pageCreateSchema>;

/** Body of `PATCH /pages/{slug}`. */
export const pagePatchSchema = z
  .strictObject({
    title: pageFields.title.optional(),
    description: pageFields.description.optional(),
    summary: pageFields.summary.optional(),
    featuredMedia: pageFields.featuredMedia.optional(),
    timeZone: pageFields.timeZone.optional(),
    locale: pageFields.locale.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.');
export type PagePatch = z.infer<typeof pagePatchSchema>;

/**
 * Body of `POST /pages/{slug}/continue`: `to` names an existing page, or describes a new one
 * to create in the same step (`copy` says what it takes over; everything by default).
 */
export const continueSchema = z.strictObject({
  to: z.union([slugSchema, z.strictObject({ slug: slugSchema, title: pageFields.title, description: pageFields.description.optional() })]),
  notice: text(500).optional(),
  copy: z.strictObject({ summary: z.boolean().optional(), featuredMedia: z.boolean().optional(), pinned: z.boolean().optional() }).optional(),
});
export type ContinueInput = z.infer<typeof continueSchema>;

export type PageState = 'live' | 'ended';

/** A page as stored and as the API returns it. */
export interface Page {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  timeZone: string;
  locale: string;
  summary: string[];
  featuredMedia: FeaturedMedia | null;
  state: PageState;
  /** Slug of the page the coverage continues on, once continued. */
  continuedTo: string | null;
  continuationNotice: string | null;
  /** Slug of the page whose coverage this one continues (the link back to the earlier coverage). */
  continuedFrom: string | null;
  pinnedPostId: string | null;
  /** The page's event sequence number: gap-free, increasing, one per reader-visible change. */
  seq: number;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}

/** A new, live page with no posts yet. */
export function newPage(id: string, input: PageCreate, now: string, createdAt = now): Page {
  return {
    id,
    slug: input.slug,
    title: input.title,
    description: input.description ?? null,
    timeZone: input.timeZone,
    locale: input.locale,
    summary: input.summary,
    featuredMedia: input.featuredMedia ?? null,
    state: 'live',
    continuedTo: null,
    continuationNotice: null,
    continuedFrom: null,
    pinnedPostId: null,
    seq: 0,
    createdAt,
    updatedAt: now,
    endedAt: null,
  };
}
