/**
 * Importing external images (issue 10, item 4): which addresses in a post or a page's
 * featured media are on other hosts, and the edit that swaps one for our own copy. Pure.
 */
import type { Block } from './block.js';
import { derivativePath, derivativeWidths, type Media } from './media.js';
import type { FeaturedMedia } from './page.js';

export type MediaImportKind = 'post' | 'page';
export type MediaImportStatus = 'pending' | 'done' | 'failed';

/** One queued import: what the desk sees (`error` says why a failed one kept its address). */
export interface MediaImport {
  id: string;
  pageId: string;
  kind: MediaImportKind;
  /** The post's id (kind post) or the page's (kind page: its featured media). */
  subjectId: string;
  src: string;
  status: MediaImportStatus;
  attempts: number;
  error: string | null;
  mediaId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An image address on another host: absolute http(s), not this site's origin. */
export function isExternalSrc(src: string, publicUrl: string): boolean {
  try {
    const u = new URL(src);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin !== new URL(publicUrl).origin;
  } catch {
    return false; // a site path (/media/…)
  }
}

/** The external addresses of a post's image blocks, each once. */
export const externalBlockSrcs = (body: readonly Block[], publicUrl: string): string[] =>
  [...new Set(body.flatMap((b) => (b.type === 'image' && isExternalSrc(b.src, publicUrl) ? [b.src] : [])))];

/** The external address of a page's featured image, if any. */
export const externalFeaturedSrc = (m: FeaturedMedia | null, publicUrl: string): string | null =>
  m?.type === 'image' && isExternalSrc(m.src, publicUrl) ? m.src : null;

/** What an image block or featured image says once it points to our media: what `<picture>` needs. */
export interface LocalImageFacts {
  src: string;
  width: number;
  height: number;
  mediaId: string;
  color?: string;
}

/** The facts of a media record: its largest JPEG derivative as `src` (the plain `<img>` and any old client use it). */
export function localImageFacts(m: Pick<Media, 'id' | 'hash' | 'width' | 'height' | 'color'>): LocalImageFacts {
  const widths = derivativeWidths(m.width);
  return { src: derivativePath(m.hash, widths[widths.length - 1]!, 'jpeg'), width: m.width, height: m.height, mediaId: m.id, ...(m.color ? { color: m.color } : {}) };
}

/** The body with every image block still showing `src` pointing to our copy; null if none does (the post changed meanwhile). */
export function swapBlockSrc(body: readonly Block[], src: string, facts: LocalImageFacts): Block[] | null {
  let swapped = false;
  const next = body.map((b) => {
    if (b.type !== 'image' || b.src !== src) return b;
    swapped = true;
    return { ...b, ...facts };
  });
  return swapped ? next : null;
}

/** The featured media pointing to our copy, or null if it no longer shows `src`. */
export function swapFeaturedSrc(m: FeaturedMedia | null, src: string, facts: LocalImageFacts): FeaturedMedia | null {
  return m?.type === 'image' && m.src === src ? { ...m, ...facts } : null;
}
