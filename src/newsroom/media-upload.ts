/**
 * Uploaded photos as the newsroom uses them (pure: no DOM): the media record the API
 * answers, the site path a post stores, the thumbnail a library shows, and why an
 * upload failed in a journalist's words.
 */
import { ApiError } from './api.js';

export interface SrcsetEntry {
  src: string;
  width: number;
  height: number;
}

/** The fields of `POST /api/v1/media`'s answer the newsroom reads. */
export interface MediaItem {
  id: string;
  src: string;
  width: number;
  height: number;
  alt: string | null;
  /** The picture's dominant colour (#rrggbb), when worked out. */
  color?: string | null;
  createdAt: string;
  srcset: { avif: SrcsetEntry[]; webp: SrcsetEntry[]; jpeg: SrcsetEntry[] };
}

/** What an image block or featured image takes from an uploaded item. */
export interface PickedImage {
  src: string;
  width: number;
  height: number;
  alt: string | null;
  /** Which of our pictures it is, so readers get its srcset (SPEC §2). */
  mediaId: string;
  color?: string;
}

const OUR_MEDIA = /^\/media\/[0-9a-f]{32}\//;

/**
 * Our own images are stored as paths on this site (`/media/{hash}/1280.jpg`): the API
 * answers absolute URLs on the public address, which a post need not carry (renderers
 * make paths absolute where a feed needs it, and the site may move).
 */
export function sitePath(src: string): string {
  try {
    const path = new URL(src, 'http://x').pathname;
    return OUR_MEDIA.test(path) ? path : src;
  } catch {
    return src;
  }
}

export const pickedImage = (m: MediaItem): PickedImage => ({ src: sitePath(m.src), width: m.width, height: m.height, alt: m.alt, mediaId: m.id, ...(m.color ? { color: m.color } : {}) });

/** The library's thumbnail: the 320-wide JPEG derivative (or the smallest there is), as a path. */
export function thumbnailSrc(m: MediaItem): string {
  const jpeg = m.srcset?.jpeg ?? [];
  const best = jpeg.find((e) => e.width === 320) ?? [...jpeg].sort((a, b) => a.width - b.width)[0];
  return sitePath(best?.src ?? m.src);
}

/** A failed upload in plain words, for the line next to the photo. */
export function uploadFailure(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Not uploaded: something went wrong. Try again.';
  switch (err.status) {
    case 0:
      return err.code === 'aborted' ? 'Upload stopped.' : 'Not uploaded: the connection to the server dropped. Check your connection and try again.';
    case 401:
      return err.message;
    case 413:
      return `Not uploaded: the file is too big. ${err.message} Choose a smaller photo.`;
    case 415:
      return 'Not uploaded: this file is not a photo we can use. Choose a JPEG, PNG, WebP, AVIF or GIF.';
    case 422:
      return `Not uploaded: the photo could not be used. ${err.message}`;
    default:
      return `Not uploaded: ${err.message}`;
  }
}

/** The image files among pasted or dropped ones (the rest is left to the editor). */
export const imageFiles = (files: FileList | readonly File[] | null | undefined): File[] =>
  Array.from(files ?? []).filter((f) => f.type.startsWith('image/'));

/** "Uploading 45%". */
export const percent = (share: number): string => `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
