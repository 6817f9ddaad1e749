/** Shared zod building blocks for the domain schemas. */
import { z } from 'zod';
import { isAllowedLink, linkUrls, parseInline } from './inline.js';

/** Longest text a block may hold (SPEC §2). */
export const MAX_TEXT = 10_000;

/** Control characters other than tab and line breaks: never meant, and NUL cannot be stored. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (v: string) => !CONTROL.test(v);
const NO_CONTROL = 'Must not contain control characters.';

/** A non-blank string of at most `max` characters, trimmed, without control characters. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, `Must be at least ${min} character${min === 1 ? '' : 's'}.`)
    .max(max, `Must be at most ${max} characters.`)
    .refine(noControl, NO_CONTROL);

/** Inline Markdown-subset text whose links all use http, https or mailto. */
export const inlineText = (max = MAX_TEXT) =>
  text(max).superRefine((value, ctx) => {
    const bad = linkUrls(parseInline(value)).find((u) => !isAllowedLink(u));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `Links must use http, https or mailto: ${bad.slice(0, 80)}` });
  });

/** A media source: an absolute http(s) URL, or a path on this site (uploads). */
export const mediaUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(noControl, NO_CONTROL)
  .refine((v) => isHttpUrl(v) || /^\/(?!\/)[^\s\\]*$/.test(v), 'Must be an http(s) URL or a path on this site.');

/**
 * What an image on our own media also carries (set when an upload is inserted or an
 * external address is imported): the media record's id and the picture's dominant colour,
 * shown while it loads. Width and height sit beside them.
 */
export const ownMediaFields = {
  mediaId: z.string().trim().min(1).max(64).regex(/^[0-9a-zA-Z-]+$/).optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/, 'A colour is #rrggbb.').optional(),
};

/** An absolute http(s) URL. */
export const httpUrl = z.string().trim().max(2048).refine(noControl, NO_CONTROL).refine(isHttpUrl, 'Must be an http(s) URL.');

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An ISO 8601 date-time with a zone, normalised to UTC with milliseconds. */
export const isoDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
