/**
 * The cache keys of reader documents, which are also their ETags: what a page, embed or
 * feed shows changes with any part of its key, so an unchanged key is an unchanged document.
 */
import type { StreamView } from '../render/pagination.js';

/** The part of a page's cache key that names its number and view: `2`, `1-oldest-key-events`. */
export function viewKey(n: number, view: StreamView): string {
  return view.order === 'newest' && view.only === 'all' ? String(n) : `${n}-${view.order}-${view.only}`;
}

/**
 * A page's or feed's ETag: the release, the brand, the page at its seq, `what` (the page
 * number and view, or the feed's format), and the day in the page's zone (key events say
 * the day when it is not today).
 */
export function pageEtag(release: string, brandTag: string, page: { id: string; seq: number }, what: number | string, day: string): string {
  return `"${release}-${brandTag}-${page.id}-${page.seq}-${what}-${day}"`;
}

/** The embed view's ETag: its own release (its stylesheet is not in the build id), the brand, the page at its seq, the year as in post times. */
export function embedEtag(release: string, brandTag: string, page: { id: string; seq: number }, year: number): string {
  return `"${release}-${brandTag}-${page.id}-${page.seq}-${year}-embed"`;
}
