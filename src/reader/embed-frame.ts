/**
 * The reader script's part inside the embed view (an iframe on another site): tells the
 * host page the content's height whenever it changes, so `/embed.js` fits the frame to
 * it, and keeps the compact header (title, Live label) in step with page events.
 */
import { heightMessage } from './embed-protocol.js';
import type { LiveEvent } from './events.js';

const titleLink = (): Element | null => document.querySelector('.lp-embedded__title a');

/** Starts reporting the height; returns what to do with each live event. */
export function startEmbedFrame(): (event: LiveEvent) => void {
  reportHeight();
  return updateHeader;
}

function reportHeight(): void {
  if (window.parent === window) return; // opened on its own, not framed
  const root = document.documentElement;
  let last = '';
  const send = (): void => {
    // The root element's box is as tall as the content, whatever the frame's height.
    const message = heightMessage(window.name, root.getBoundingClientRect().height, titleLink()?.textContent?.trim() ?? '');
    const key = `${message.height}\n${message.title}`;
    if (key === last) return;
    last = key;
    // Any site may frame the embed, and neither the height nor the title is a secret.
    window.parent.postMessage(message, '*');
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(send).observe(root);
  else setInterval(send, 1000);
  addEventListener('load', send);
  send();
}

/** A page event's header part: the title and whether the page is still live. */
function updateHeader(event: LiveEvent): void {
  const parts = event.data.parts as Record<string, unknown> | undefined;
  const html = event.type.startsWith('page.') && parts && typeof parts === 'object' ? parts.header : undefined;
  if (typeof html !== 'string') return;
  const t = document.createElement('template');
  t.innerHTML = html; // inert: a template runs nothing
  const title = t.content.querySelector('.lp-header__title')?.textContent;
  const link = titleLink();
  if (title && link && link.textContent !== title) link.textContent = title;
  if (!t.content.querySelector('.lp-live')) document.querySelector('.lp-embedded__header .lp-live')?.remove();
}
