/**
 * Media: what an uploaded image is (the record the API answers), which derivatives it has
 * and at which URLs, and the limits an upload must keep. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { slugSchema } from './page.js';
import { httpUrl, text } from './schema-helpers.js';

/** The types we take in, by what the bytes say (never by name or header). SVG is not one: it can carry script. */
export const INPUT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** The widths derivatives are made at (never wider than the original, which adds its own width). */
export const DERIVATIVE_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** Derivative formats, best first: a `<picture>` offers them in this order. */
export const DERIVATIVE_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type DerivativeFormat = (typeof DERIVATIVE_FORMATS)[number];

export const FORMAT_EXTENSION: Record<DerivativeFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const EXTENSION_FORMAT: Record<string, DerivativeFormat> = { avif: 'avif', webp: 'webp', jpg: 'jpeg' };
export const FORMAT_TYPE: Record<DerivativeFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/** A content hash: hex SHA-256 of the stored (processed) original, cut to 32 characters. */
export const HASH_PATTERN = /^[0-9a-f]{32}$/;

/** Hex SHA-256 of the bytes, cut to 128 bits: plenty to name files, short in URLs. */
export const contentHash = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex').slice(0, 32);

/** The stored original is kept up to this size (twice the largest derivative): bounded blobs and rebuilds. */
export const MAX_ORIGINAL_SIDE = 4096;

/** Types of the stored original: JPEG, or PNG when the picture has transparency. */
export const ORIGINAL_TYPES = ['image/jpeg', 'image/png'] as const;

export interface MediaLimits {
  /** Largest file accepted, uploaded or fetched (LIVEPAGE_MEDIA_MAX_BYTES). */
  maxBytes: number;
  /** Largest width × height decoded: refuses decompression bombs (LIVEPAGE_MEDIA_MAX_PIXELS). */
  maxPixels: number;
  /** Fetch from private and loopback addresses too (LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS). */
  allowPrivateHosts: boolean;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000, allowPrivateHosts: false };

/** One media item as stored: the processed original's facts. */
export interface Media {
  id: string;
  pageId: string | null;
  hash: string;
  /** The stored original's type (what derivatives are made from). */
  type: string;
  /** What was sent, as sniffed from the bytes. */
  sourceType: InputType;
  width: number;
  height: number;
  /** Size of the stored original. */
  bytes: number;
  alt: string | null;
  /** The dominant colour (#rrggbb), a placeholder while the picture loads; null for older records. */
  color: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** The widths an image of `width` has derivatives at: the standard ones below it and its own (capped). */
export function derivativeWidths(width: number): number[] {
  const max = DERIVATIVE_WIDTHS[DERIVATIVE_WIDTHS.length - 1]!;
  const widths: number[] = DERIVATIVE_WIDTHS.filter((w) => w < width);
  // Wider than the largest standard width: that one is the last (listed once, not twice).
  const own = Math.min(width, max);
  if (widths[widths.length - 1] !== own) widths.push(own);
  return widths;
}

/** The height a derivative of `width` has, keeping the aspect ratio. */
export const derivativeHeight = (m: Pick<Media, 'width' | 'height'>, width: number): number =>
  Math.max(1, Math.round((m.height * width) / m.width));

/** A derivative's path: content-hashed, so it can be cached for ever. */
export const derivativePath = (hash: string, width: number, format: DerivativeFormat): string =>
  `/media/${hash}/${width}.${FORMAT_EXTENSION[format]}`;

export interface SrcsetEntry {
  src: string;
  width: number;
  height: number;
}

/** The media record the API answers: what an editor inserts and a renderer's `<picture>` needs. */
export function mediaJson(m: Media, publicUrl: string) {
  const widths = derivativeWidths(m.width);
  const largest = widths[widths.length - 1]!;
  const srcset = Object.fromEntries(
    DERIVATIVE_FORMATS.map((f) => [f, widths.map((w): SrcsetEntry => ({ src: publicUrl + derivativePath(m.hash, w, f), width: w, height: derivativeHeight(m, w) }))]),
  ) as Record<DerivativeFormat, SrcsetEntry[]>;
  return {
    id: m.id,
    src: publicUrl + derivativePath(m.hash, largest, 'jpeg'),
    width: m.width,
    height: m.height,
    type: m.type,
    sourceType: m.sourceType,
    bytes: m.bytes,
    hash: m.hash,
    alt: m.alt,
    color: m.color,
    pageId: m.pageId,
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    srcset,
  };
}
export type MediaJson = ReturnType<typeof mediaJson>;

/** `POST /api/v1/media` with a JSON body: an image to fetch. */
export const mediaUrlSchema = z.strictObject({
  url: httpUrl,
  page: slugSchema.optional(),
  alt: text(1000).optional(),
});

/** The query of an upload (multipart) and of the library listing. */
export const mediaQuerySchema = z.object({
  page: slugSchema.optional(),
  alt: text(1000).optional(),
});
