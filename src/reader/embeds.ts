/**
 * Click-to-load embeds: the page shows a card (or, before the server resolved the address,
 * a link); nothing from the provider loads before the reader asks. A click on "Show X
 * post" puts the provider's own embed in place: a post's markup in our sandboxed frame
 * (/embeds/{id}: an opaque origin whose CSP allows only that provider, resized to what it
 * reports), a video in its privacy-enhanced player. A reader who ticks "Always show X
 * content" has it remembered in this browser, per provider (docs/adr/010).
 */
import { consentKey, FRAME_HEIGHT, FRAME_SANDBOX, PLAYER_SANDBOX } from '../domain/embed-sandbox.js';

/** The privacy-enhanced player URL for a YouTube link; null for anything else. */
export function embedSrc(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^(www|m)\./, '');
  let id: string | null | undefined;
  if (host === 'youtu.be') id = u.pathname.slice(1);
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com')
    id = u.pathname === '/watch' ? u.searchParams.get('v') : /^\/(?:embed|shorts|live)\/([^/]+)/.exec(u.pathname)?.[1];
  return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
}

/** A player address with autoplay asked for (the reader just pressed play). */
export function autoplay(player: string): string | null {
  try {
    const u = new URL(player);
    if (u.protocol !== 'https:') return null;
    u.searchParams.set('autoplay', '1');
    return u.toString();
  } catch {
    return null;
  }
}

/** A height a frame reported, made safe: a number within bounds, else null. */
export function frameHeight(data: unknown): number | null {
  if (!data || typeof data !== 'object' || (data as { livepageEmbed?: unknown }).livepageEmbed !== 'height') return null;
  const h = (data as { height?: unknown }).height;
  return typeof h === 'number' && Number.isFinite(h) ? Math.min(FRAME_HEIGHT.max, Math.max(FRAME_HEIGHT.min, Math.ceil(h))) : null;
}

const SELECTOR = 'a.lp-embed__load[data-embed-url]';

/** Listens for clicks on the load links anywhere in the document; shows at once what the reader consented to before. */
export function enableEmbeds(): void {
  document.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>(SELECTOR);
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const remember = link.closest('.lp-embed-card')?.querySelector<HTMLInputElement>('input[data-embed-remember]');
    const key = link.dataset.embedKey;
    if (show(link, true)) {
      e.preventDefault();
      if (key && remember?.checked) {
        rememberConsent(key);
        watchLive(); // posts pushed from now on follow the choice, without a reload
      }
    }
  });
  // A sandboxed frame says how tall its content is; only our frames' own windows are heard.
  window.addEventListener('message', (e) => {
    const height = frameHeight(e.data);
    if (height === null) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe.lp-embed__sandbox'))
      if (frame.contentWindow === e.source) frame.style.height = `${height}px`;
  });
  showConsented(document);
  if (anyConsent()) watchLive();
}

let watching = false;

/** Posts pushed live (reader/stream.ts swaps articles in) follow the reader's choices; watched only once there is one. */
function watchLive(): void {
  if (watching) return;
  watching = true;
  new MutationObserver((changes) => {
    for (const c of changes) for (const n of c.addedNodes) if (n instanceof Element) showConsented(n);
  }).observe(document.body, { childList: true, subtree: true });
}

/** Loads, in `root`, the embeds of providers the reader chose to always show. */
export function showConsented(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>(`${SELECTOR}[data-embed-key]`)) if (hasConsent(link.dataset.embedKey!)) show(link, false);
}

/** Replaces the card (or placeholder) holding `link` with the provider's embed; false when there is none to show. */
function show(link: HTMLAnchorElement, focus: boolean): boolean {
  const box = link.closest('.lp-embed-card') ?? link.closest('.lp-embed__placeholder');
  const name = link.dataset.embedName ?? 'the provider';
  const frame = document.createElement('iframe');
  const { embedFrame, embedPlayer } = link.dataset;
  if (embedFrame && embedFrame.startsWith('/embeds/')) {
    frame.src = embedFrame;
    frame.className = 'lp-embed__sandbox';
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    frame.title = `Post from ${name}`;
  } else {
    const src = embedPlayer ? autoplay(embedPlayer) : embedSrc(link.dataset.embedUrl ?? '');
    if (!src) return false;
    frame.src = src;
    frame.setAttribute('sandbox', PLAYER_SANDBOX);
    frame.title = `Video from ${embedPlayer ? name : new URL(src).host}`;
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    const ratio = Number(link.dataset.embedRatio);
    if (ratio > 0 && ratio < 10) frame.style.aspectRatio = String(ratio);
  }
  if (!box) return false;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  const wrap = document.createElement('div');
  wrap.className = 'lp-embed__frame';
  wrap.append(frame);
  box.replaceWith(wrap);
  if (focus) frame.focus();
  return true;
}

function anyConsent(): boolean {
  try {
    return Object.keys(localStorage).some((k) => k.startsWith(consentKey('')));
  } catch {
    return false;
  }
}

function hasConsent(key: string): boolean {
  try {
    return localStorage.getItem(consentKey(key)) === '1';
  } catch {
    return false; // storage blocked: ask every time
  }
}

function rememberConsent(key: string): void {
  try {
    localStorage.setItem(consentKey(key), '1');
  } catch {
    // storage blocked: the choice holds for this click only
  }
}
