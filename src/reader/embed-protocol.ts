/**
 * What the embed view (in another site's iframe) and `/embed.js` (on that site) agree
 * on: which URLs may be embedded and the height message. Pure, so it is tested in Node;
 * both bundles include it.
 */

/** The `type` of the message the embed view posts to its host page. */
export const HEIGHT_MESSAGE = 'livepage:height';

/** Posted to the host page whenever the embed's content height (or title) changes. */
export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** The frame's name, as `/embed.js` set it; informational (the host matches by source). */
  id: string;
  /** CSS pixels, whole. */
  height: number;
  /** The live page's title, for the frame's accessible name. */
  title: string;
}

/** No honest page is taller than this; a bigger number is noise. */
const MAX_HEIGHT = 1_000_000;
const MAX_TITLE = 300;

export function heightMessage(id: string, height: number, title: string): HeightMessage {
  return { type: HEIGHT_MESSAGE, id, height: Math.ceil(height), title: title.slice(0, MAX_TITLE) };
}

/** A height message from `postMessage` data, or null for anything else (other scripts post messages too). */
export function readHeightMessage(data: unknown): HeightMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  const { height } = m;
  if (m.type !== HEIGHT_MESSAGE || typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return null;
  const title = typeof m.title === 'string' ? m.title.trim().slice(0, MAX_TITLE) : '';
  return { type: HEIGHT_MESSAGE, id: typeof m.id === 'string' ? m.id : '', height: Math.ceil(height), title };
}

/** `/live/{slug}` (a trailing slash forgiven); anything else is not a live page. */
const LIVE_PATH = /^\/live\/([a-z0-9][a-z0-9-]{0,79})\/?$/;

/**
 * The embed view's URL for a `data-livepage` value (`{base}/live/{slug}`, relative to
 * the host page's `base` allowed), or null unless it is an http(s) live page URL: a
 * `javascript:` or `data:` value never becomes a frame.
 */
export function embedFrameUrl(value: string, base: string): URL | null {
  let u: URL;
  try {
    u = new URL(value.trim(), base);
  } catch {
    return null;
  }
  const m = LIVE_PATH.exec(u.pathname);
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || !m) return null;
  return new URL(`/live/${m[1]}/embed`, u.origin);
}
