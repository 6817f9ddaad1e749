/**
 * `/embed.js`, for other sites (SPEC §6): every `<div data-livepage="{base}/live/{slug}">`
 * on the page gets that live page's embed view in an iframe, kept as tall as its
 * content (the view posts its height; we believe only that frame, from its origin).
 * No dependencies, no globals but `window.livepage.scan()`; safe to include more than
 * once, before or after the divs, and divs added later are picked up by themselves.
 */
import { embedFrameUrl, readHeightMessage } from './embed-protocol.js';

interface Embed {
  frame: HTMLIFrameElement;
  origin: string;
}

/** Before the first height message, and the least we shrink to. */
const INITIAL_HEIGHT = 400;
const MIN_HEIGHT = 150;
const SELECTOR = '[data-livepage]';
const DONE = 'data-livepage-ready';

type Host = Window & { livepage?: { scan(root?: ParentNode): void } };

const embeds: Embed[] = [];
let count = 0;

/** Turns every unprocessed `[data-livepage]` under `root` into an embed. */
function scan(root: ParentNode = document): void {
  const found = [...root.querySelectorAll<HTMLElement>(SELECTOR)];
  if (root instanceof HTMLElement && root.matches(SELECTOR)) found.push(root);
  for (const div of found) {
    if (div.hasAttribute(DONE)) continue;
    const url = embedFrameUrl(div.getAttribute('data-livepage') ?? '', document.baseURI);
    if (!url) continue;
    div.setAttribute(DONE, '');
    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.name = `livepage-${++count}`;
    // The accessible name until the embed tells us the page's title.
    frame.title = div.getAttribute('data-livepage-title') || 'Live coverage';
    frame.setAttribute('loading', 'lazy');
    // Click-to-load players inside the embed may go full screen.
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.style.cssText = `display:block;width:100%;border:0;height:${INITIAL_HEIGHT}px;min-height:${MIN_HEIGHT}px`;
    // Whatever the div held (a fallback link for readers without JavaScript) gives way.
    div.textContent = '';
    div.appendChild(frame);
    embeds.push({ frame, origin: url.origin });
  }
}

function onMessage(e: MessageEvent): void {
  const message = readHeightMessage(e.data);
  if (!message) return;
  for (const { frame, origin } of embeds) {
    // Only the frame itself, at the origin we loaded it from: another frame or window
    // (or a page the frame was navigated to) cannot resize it.
    if (e.source !== frame.contentWindow || e.origin !== origin) continue;
    frame.style.height = `${Math.max(MIN_HEIGHT, message.height)}px`;
    if (message.title) frame.title = message.title;
    return;
  }
}

function start(host: Host): void {
  const api = host.livepage;
  if (api) return api.scan(); // included twice: the first copy listens already
  host.livepage = { scan };
  addEventListener('message', onMessage);
  if (typeof MutationObserver === 'function') {
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && (n.matches(SELECTOR) || n.querySelector(SELECTOR))) scan(n);
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  scan();
}

try {
  start(window as Host);
} catch {
  // An old browser keeps whatever the divs hold (the fallback link).
}
