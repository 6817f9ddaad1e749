/** The newsroom's client-side routes under /newsroom (the server serves the shell for all). */
import { SLUG_PATTERN } from './constants.js';

export type Route =
  | { name: 'pages' }
  | { name: 'desk'; slug: string }
  | { name: 'people' }
  | { name: 'byline' }
  | { name: 'tokens' }
  | { name: 'brand' }
  | { name: 'not-found' };


export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/newsroom') return { name: 'pages' };
  if (path === '/newsroom/people') return { name: 'people' };
  if (path === '/newsroom/byline') return { name: 'byline' };
  if (path === '/newsroom/tokens') return { name: 'tokens' };
  if (path === '/newsroom/brand') return { name: 'brand' };
  const desk = /^\/newsroom\/pages\/([^/]+)$/.exec(path);
  if (desk) {
    let slug: string;
    try {
      slug = decodeURIComponent(desk[1]!);
    } catch {
      return { name: 'not-found' };
    }
    if (SLUG_PATTERN.test(slug)) return { name: 'desk', slug };
  }
  return { name: 'not-found' };
}

export const deskHref = (slug: string) => `/newsroom/pages/${slug}`;

/** True for a plain left click on a same-origin newsroom link, which the app handles itself. */
export function isAppNavigation(e: MouseEvent, a: HTMLAnchorElement, origin: string): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  if (a.target && a.target !== '_self') return false;
  // A download, or a link that must reach the server (signing in again).
  if (a.hasAttribute('download') || a.hasAttribute('data-reload')) return false;
  const url = new URL(a.href, origin);
  return url.origin === origin && parseRoute(url.pathname).name !== 'not-found';
}
